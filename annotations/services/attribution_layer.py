"""The attribution suggester's proposals as native document records (issue 14 §3).

``attribution_records`` runs ``annotations.suggesters.attribution.suggest_attributions`` over
each document's text and gives one document record per document with a proposal, holding one
model set named ``model_name``: CLAIM, SOURCE and CUE spans (a quote split by its cue is one
CLAIM with two fragments) with ATTRIBUTED_TO (claim -> source) and CUE_OF (cue -> claim).
The records go through the import's checked path (``records_import``) like any import; the
suggester runs (``services/suggester_runs.py``) do that, all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from annotations.formats.records import Record, RelationRecord, SetRecord, SpanRecord
from annotations.suggesters.attribution import Suggestions, suggest_attributions
from corpus.models import Document

ATTRIBUTION = "attribution"


def attribution_set(suggestions: Suggestions, model_name: str) -> SetRecord:
    """One model set holding ``suggestions``; span ids are the suggester's keys."""
    spans: list[SpanRecord] = []
    for suggested in suggestions.spans:
        span: SpanRecord = {
            "id": suggested.key,
            "label": suggested.label,
            "start": suggested.start,
            "end": suggested.end,
            "text": suggested.text,
            "attributes": dict(suggested.attributes),
        }
        if len(suggested.fragments) > 1:
            span["fragments"] = [[a, b] for a, b in suggested.fragments]
        spans.append(span)
    relations: list[RelationRecord] = [
        {"type": relation.type, "source": relation.from_key, "target": relation.to_key}
        for relation in suggestions.relations
    ]
    return {"kind": "model", "model_name": model_name, "spans": spans, "relations": relations}


def attribution_records(
    documents: Iterable[Document],
    model_name: str = ATTRIBUTION,
    progress: Callable[[int], None] | None = None,
) -> list[Record]:
    """One document record per document the suggester proposes something for. ``progress``,
    if given, is called with the number of documents done after each one."""
    records: list[Record] = []
    for done, doc in enumerate(documents, start=1):
        suggestions = suggest_attributions(doc.text)
        if suggestions.spans:
            records.append(
                {
                    "claimlens": "document",
                    "id": doc.pk,
                    "sha256": doc.sha256,
                    "text": doc.text,
                    "story": doc.story.name if doc.story_id else None,
                    "sets": [attribution_set(suggestions, model_name)],
                }
            )
        if progress is not None:
            progress(done)
    return records
