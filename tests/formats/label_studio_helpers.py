"""What the Label Studio tests share: a made-up report whose emoji puts every UTF-16 offset
one unit after its code-point offset, a schema and a document with every kind of annotation,
their export, JavaScript's view of offsets, and texts full of astral characters."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from annotations.formats.label_studio import write
from annotations.formats.records import ExportNotes, header_with_schema
from annotations.presets import NEWS_ATTRIBUTION
from annotations.schema import validate_definition

# A made-up event. The bridge emoji before every span puts each UTF-16 offset one unit after
# its code-point offset.
TEXT = (
    "Varno, 3 May 🌉 The Lindqvist Bridge, officials said on Tuesday, will stay closed until "
    "autumn. Ferry operators doubted that the repairs would finish in time, a union "
    "spokesperson said."
)


def js_slice(text: str, start: int, end: int) -> str:
    """``text.slice(start, end)`` as JavaScript (and so Label Studio) computes it."""
    return text.encode("utf-16-le")[start * 2 : end * 2].decode("utf-16-le")


def at(words: str, occurrence: int = 0) -> list[int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return [start, start + len(words)]


def span(span_id: int, label: str, words: str, **attributes: Any) -> dict[str, Any]:
    start, end = at(words)
    return {"id": span_id, "label": label, "start": start, "end": end, "text": words,
            "attributes": attributes}  # fmt: skip


def schema() -> dict[str, Any]:
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    definition["stance"]["targets"] = [
        {"key": "city", "name": "The city council"},
        {"key": "ferries", "name": "The ferry operators"},
    ]
    claim = definition["span_labels"][0]
    claim["attributes"].append({"key": "hedged", "name": "Hedged", "type": "bool"})
    definition["document_questions"].append(
        {
            "key": "topics",
            "text": "Topics",
            "type": "multi",
            "choices": ["transport", "labour", "weather"],
        }  # fmt: skip
    )
    return validate_definition(definition)


def document() -> dict[str, Any]:
    """One report with an annotator's set (a discontinuous claim, attributes of every kind,
    relations, one into another document, stances of every shape, answers), a gold set and
    a model set."""
    first, second = at("The Lindqvist Bridge"), at("will stay closed until autumn")
    bridge = {
        "id": 1,
        "label": "CLAIM",
        "start": first[0],
        "end": second[1],
        "fragments": [first, second],
        "text": "The Lindqvist Bridge will stay closed until autumn",
        "attributes": {"quote_type": "indirect", "check_worthy": "yes", "hedged": False},
    }
    annotator = {
        "kind": "annotator",
        "author": "mira",
        "model_name": None,
        "status": "submitted",
        "started_at": "2026-05-04T09:12:44+00:00",  # the gold set has no time: as imported
        "submitted_at": "2026-05-04T09:20:01+00:00",
        "seconds_spent": 312,
        "spans": [
            bridge,
            span(2, "SOURCE", "officials", source_type="anonymous_official", side="city hall"),
            span(3, "CUE", "said"),
            span(4, "SOURCE", "Ferry operators", source_type="anonymous_other"),
            span(
                5, "CLAIM", "the repairs would finish in time", quote_type="indirect", hedged=True
            ),  # fmt: skip
            span(6, "CUE", "doubted"),
            span(7, "SOURCE", "a union spokesperson"),
        ],
        "relations": [
            {"type": "ATTRIBUTED_TO", "source": 1, "target": 2, "target_document": None},
            {"type": "CUE_OF", "source": 3, "target": 1, "target_document": None},
            {"type": "ATTRIBUTED_TO", "source": 5, "target": 4, "target_document": None},
            {"type": "CUE_OF", "source": 6, "target": 5, "target_document": None},
            {"type": "SAME_CLAIM", "source": 1, "target": 40, "target_document": 8},
        ],
        "stances": [
            {"holder": 4, "target": None, "object": 1, "value": "against"},
            {"holder": 2, "target": "city", "object": None, "value": "favor"},
            {"holder": None, "target": "ferries", "object": None, "value": "neutral"},
            {"holder": None, "target": None, "object": 5, "value": "unclear"},
        ],
        "answers": {
            "framing": {"city": "critical", "ferries": "sympathetic"},
            "topics": ["transport", "labour"],
        },
    }
    gold = {
        "kind": "gold",
        "author": "lead",
        "model_name": None,
        "status": "curated",
        "seconds_spent": 40,
        "spans": [bridge, span(2, "SOURCE", "officials")],
        "relations": [{"type": "ATTRIBUTED_TO", "source": 1, "target": 2}],
        "stances": [],
        "answers": {},
    }
    model = {
        "kind": "model",
        "author": None,
        "model_name": "claim-tagger-v2",
        "spans": [span(9, "CLAIM", "will stay closed until autumn")],
        "relations": [],
        "stances": [],
        "answers": {},
    }
    return {"id": 12, "title": "Bridge closure to last until autumn", "text": TEXT,
            "story": "varno-bridge", "outlet": {"name": "Varno Courier", "domain": ""},
            "sets": [annotator, gold, model]}  # fmt: skip


def exported(*records: dict[str, Any]) -> tuple[bytes, ExportNotes]:
    notes = ExportNotes()
    data = b"".join(write(header_with_schema(schema()), records, notes))
    return data, notes


astral_texts = st.text(alphabet=st.sampled_from(["a", " ", "é", "中", "🌉", "😟", "\U0010ffff"]))
