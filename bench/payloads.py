"""The bodies the benchmarks save: a whole annotation set built from a document's triples."""

from __future__ import annotations

from typing import Any

from bench.textgen import Triple

CLAIM_ATTRIBUTES = {"quote_type": "direct", "check_worthy": "yes"}
SOURCE_ATTRIBUTES = {"source_type": "named_person"}
STANCE_TARGETS = [
    {"key": "council", "name": "Port Veyra Council"},
    {"key": "union", "name": "Dockworkers' Union"},
]
ANSWERS = {"framing": {"council": "critical", "union": "sympathetic"}}


def set_payload(
    text: str, triples: list[Triple], *, n_spans: int, n_relations: int, version: int
) -> dict[str, Any]:
    """``n_spans`` spans (CLAIM, CUE, SOURCE of consecutive triples, with refs) and
    ``n_relations`` relations (ATTRIBUTED_TO claim -> source, CUE_OF cue -> claim)."""
    spans: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for i, triple in enumerate(triples):
        for label, (start, end), attributes in (
            ("CLAIM", triple.claim, CLAIM_ATTRIBUTES),
            ("CUE", triple.cue, {}),
            ("SOURCE", triple.source, SOURCE_ATTRIBUTES),
        ):
            if len(spans) < n_spans:
                spans.append(
                    {
                        "ref": f"{label[:2].lower()}{i}",
                        "label": label,
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "attributes": attributes,
                    }
                )
        if len(spans) >= n_spans:
            break
    refs = {s["ref"] for s in spans}
    for i in range(len(triples)):
        if len(relations) >= n_relations:
            break
        claim, cue, source = f"cl{i}", f"cu{i}", f"so{i}"
        if {claim, source} <= refs:
            relations.append({"type": "ATTRIBUTED_TO", "source": claim, "target": source})
        if {claim, cue} <= refs and len(relations) < n_relations:
            relations.append({"type": "CUE_OF", "source": cue, "target": claim})
    return {"version": version, "spans": spans, "relations": relations, "answers": ANSWERS}
