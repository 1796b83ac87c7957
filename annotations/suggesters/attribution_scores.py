"""Pure: how the attribution suggester's spans and relations compare with a gold layer, per
label, counted exact and overlapping by the agreement machinery (``annotations.agreement``:
the same units and counts as the agreement report), the gold layer as the reference.

A gold document is given as the seed gold file holds it (tests/gold/seed_story_gold.json):
``spans`` ``{id, label, start, end, ...}`` and ``relations`` ``{label, from, to}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from annotations.agreement import f1
from annotations.agreement.tally import Counts
from annotations.agreement.units import set_units
from annotations.suggesters.attribution import Suggestions, suggest_attributions

Scores = dict[str, dict[str, Counts]]  # counting ("exact" | "overlap") -> label -> counts


def gold_contents(document: Mapping[str, Any]) -> dict[str, Any]:
    """A gold file's document as set contents (the API's shape) for ``set_units``."""
    relations = [
        {"id": n, "type": r["label"], "source": r["from"], "target": r["to"]}
        for n, r in enumerate(document["relations"])
    ]
    return {"spans": list(document["spans"]), "relations": relations}


def suggestion_contents(suggestions: Suggestions) -> dict[str, Any]:
    spans = [
        {
            "id": s.key,
            "label": s.label,
            "start": s.start,
            "end": s.end,
            "fragments": [list(f) for f in s.fragments] if len(s.fragments) > 1 else None,
        }
        for s in suggestions.spans
    ]
    relations = [
        {"id": n, "type": r.type, "source": r.from_key, "target": r.to_key}
        for n, r in enumerate(suggestions.relations)
    ]
    return {"spans": spans, "relations": relations}


def attribution_scores(documents: Iterable[tuple[str, Mapping[str, Any]]]) -> Scores:
    """Counts summed over ``(text, gold document)`` pairs; gold is ``a`` (recall = tp / a),
    the suggester ``b`` (precision = tp / b)."""
    scores: Scores = {"exact": {}, "overlap": {}}
    for number, (text, gold) in enumerate(documents):
        reference = f1.by_label(set_units(gold_contents(gold), number))
        proposed = f1.by_label(set_units(suggestion_contents(suggest_attributions(text)), number))
        for counting, count in (("exact", f1.exact_counts), ("overlap", f1.overlap_counts)):
            for label, counts in count(reference, proposed).items():
                scores[counting].setdefault(str(label), Counts()).add(counts)
    return scores
