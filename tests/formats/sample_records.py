"""Hand-built export records for the pure format tests: no database needed.

``header()`` and ``documents()`` give what ``ExportSpec.write(header, documents, notes)``
receives during an export (the shapes of ``annotations/formats/records.py``), as fresh copies
a test may change. The project uses the ``news-attribution`` preset with two stance targets
(``board``, ``residents``). The news is invented: the (made-up) Brenford Water Board closes
the Kelham reservoir for repairs.

Document 101 (Brenford Courier, story "Kelham reservoir closure"; a headline zone, an emoji
outside the Basic Multilingual Plane so code points and UTF-16 units differ):

- ``gold`` (curated by ``rhea``): sources, cues and claims, one CLAIM discontinuous
  (``"The repairs" ... "could take a year"``), attributes, relations, stances on spans and on
  a target, answers;
- ``tomas``: two SOURCE spans that overlap in the one layer (``"the council's health
  officer"`` and ``"the council"`` inside it);
- ``priya``: the same discontinuous CLAIM, attributed to a document source;
- ``model-claimbert-v2``: model suggestions.

Document 102 (Valley Herald, same story; typographic quotes): ``tomas`` again, with
SAME_CLAIM and SAME_SOURCE relations into document 101 (``target_document`` = 101), and a
``gold`` set with no curator (``author`` None).

Document 103 (no outlet, no story, empty title): a model set, and a skipped set by ``priya``
with nothing in it.

``SPAN_COUNT`` and ``SET_COUNT`` count what ``documents()`` holds. ``many_documents(n)``
repeats the three records under fresh ids, for streaming tests.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterator
from typing import Any

from tests.schemas import schema_with_targets

Record = dict[str, Any]

COURIER = (
    "Kelham reservoir to close for repairs\n\n"
    "The Brenford Water Board said on Tuesday that the Kelham reservoir would reopen by "
    "June. The repairs, engineers warned, could take a year, according to a leaked report. "
    "Residents should boil tap water until further notice, the council's health officer "
    "added 💧."
)
HERALD = (
    "Councillor doubts reservoir timetable\n\n"
    "Councillor Ada Mensah told reporters that the reservoir would reopen by June only if "
    "the board hired more staff. “We have heard promises before,” she said. The Water Board "
    "declined to comment."
)
LETTER = (
    "Letter: Brenford deserves straight answers\n\n"
    "As a Kelham resident of 30 years, I do not believe the board's promise that the taps "
    "will run clean by spring."
)


def at(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    """``[start, end)`` of the ``occurrence``-th (0-based) appearance of ``words`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def span(
    text: str, span_id: int, label: str, words: str, occurrence: int = 0, **attributes: Any
) -> Record:
    """A contiguous span record over ``words`` (its first appearance unless told)."""
    start, end = at(text, words, occurrence)
    return {
        "id": span_id,
        "label": label,
        "start": start,
        "end": end,
        "fragments": None,
        "text": words,
        "attributes": attributes,
        "provenance": None,
    }


def split_span(text: str, span_id: int, label: str, *parts: str, **attributes: Any) -> Record:
    """A discontinuous span: one fragment per part, in order; ``text`` joins them with a space
    (``annotations.spans.FRAGMENT_JOINER``)."""
    fragments = [list(at(text, part)) for part in parts]
    return {
        "id": span_id,
        "label": label,
        "start": fragments[0][0],
        "end": fragments[-1][1],
        "fragments": fragments,
        "text": " ".join(parts),
        "attributes": attributes,
        "provenance": None,
    }


def relation(kind: str, source: int, target: int, target_document: int | None = None) -> Record:
    return {
        "type": kind,
        "source": source,
        "target": target,
        "target_document": target_document,
        "attributes": {},
        "provenance": None,
    }


def stance(value: str, holder: int | None = None, *, obj: int | None = None,
           target: str | None = None) -> Record:  # fmt: skip
    return {"holder": holder, "target": target, "object": obj, "value": value, "provenance": None}


def annotation_set(
    kind: str,
    *,
    author: str | None = None,
    model_name: str | None = None,
    status: str = "submitted",
    spans: list[Record] | None = None,
    relations: list[Record] | None = None,
    stances: list[Record] | None = None,
    answers: dict[str, Any] | None = None,
    comments: list[Record] | None = None,
) -> Record:
    done = status in ("submitted", "curated")
    return {
        "kind": kind,
        "author": author,
        "model_name": model_name,
        "status": status,
        "started_at": "2025-03-04T09:12:00+00:00",
        "submitted_at": "2025-03-04T09:31:40+00:00" if done else None,
        "seconds_spent": 1180 if done else 95,
        "spans": spans or [],
        "relations": relations or [],
        "stances": stances or [],
        "answers": answers or {},
        "comments": comments or [],
    }


def comment(author: str, text: str, *, span: int | None = None, relation: Record | None = None,
            stance: Record | None = None) -> Record:  # fmt: skip
    return {
        "author": author,
        "created_at": "2025-03-05T10:00:00+00:00",
        "text": text,
        "span": span,
        "relation": relation,
        "stance": stance,
    }


def document(
    document_id: int,
    text: str,
    sets: list[Record],
    *,
    outlet: str | None,
    story: str | None,
    titled: bool = True,
    comments: list[Record] | None = None,
) -> Record:
    headline = text.split("\n", 1)[0]
    return {
        "claimlens": "document",
        "id": document_id,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "title": headline if titled else "",
        "text": text,
        "raw": "",
        "url": f"https://news.example/{document_id}" if outlet else "",
        "published_at": "2025-03-04T08:00:00+00:00",
        "language": "en",
        "meta": {"section": "local"} if outlet else {},
        "zones": [{"kind": "headline", "start": 0, "end": len(headline)}],
        "story": story,
        "outlet": {"name": outlet, "domain": "news.example"} if outlet else None,
        "sets": sets,
        "comments": comments or [],
    }


def schema() -> dict[str, Any]:
    return schema_with_targets(board="Brenford Water Board", residents="Residents of Brenford")


def header() -> Record:
    """The export header: project settings, schema, members, source registry."""
    return {
        "claimlens": "project",
        "version": 2,
        "project": {
            "id": 7,
            "name": "Kelham reservoir coverage",
            "description": "Who claims what about the reservoir closure.",
            "guidelines": "Mark every attributed claim, its source and its cue.",
            "blind": True,
            "annotators_per_document": 2,
        },
        "schema": schema(),
        "members": [
            {"username": "rhea", "role": "reviewer"},
            {"username": "tomas", "role": "annotator"},
            {"username": "priya", "role": "annotator"},
        ],
        "sources": [
            {
                "key": "kelham-water-board",
                "name": "Kelham Water Board",
                "kind": "named_organisation",
                "affiliation": "regional utility",
                "aliases": ["the water board", "the board"],
            }
        ],
    }


def _courier() -> Record:
    t = COURIER
    gold = annotation_set(
        "gold",
        author="rhea",
        status="curated",
        spans=[
            span(
                t,
                1001,
                "SOURCE",
                "The Brenford Water Board",
                source_type="named_organization",
                side="authority",
            ),  # fmt: skip
            span(t, 1002, "CUE", "said"),
            span(
                t,
                1003,
                "CLAIM",
                "the Kelham reservoir would reopen by June",
                quote_type="indirect",
                check_worthy="yes",
            ),  # fmt: skip
            split_span(
                t,
                1004,
                "CLAIM",
                "The repairs",
                "could take a year",
                quote_type="indirect",
                check_worthy="yes",
            ),  # fmt: skip
            span(t, 1005, "SOURCE", "engineers", source_type="anonymous_other"),
            span(t, 1006, "CUE", "warned"),
        ],
        relations=[
            relation("ATTRIBUTED_TO", 1003, 1001),
            relation("CUE_OF", 1002, 1003),
            relation("ATTRIBUTED_TO", 1004, 1005),
            relation("CUE_OF", 1006, 1004),
        ],
        stances=[
            stance("favor", 1001, obj=1003),
            stance("against", 1005, obj=1003),
            stance("neutral", target="board"),
        ],
        answers={"framing": {"board": "neutral", "residents": "sympathetic"}},
    )
    tomas = annotation_set(
        "annotator",
        author="tomas",
        spans=[
            span(t, 2001, "SOURCE", "The Brenford Water Board"),
            span(t, 2002, "CUE", "said"),
            span(
                t, 2003, "CLAIM", "the Kelham reservoir would reopen by June", quote_type="indirect"
            ),  # fmt: skip
            span(
                t,
                2004,
                "CLAIM",
                "Residents should boil tap water until further notice",
                quote_type="indirect",
                check_worthy="yes",
            ),  # fmt: skip
            span(
                t, 2005, "SOURCE", "the council's health officer", source_type="anonymous_official"
            ),  # fmt: skip
            span(t, 2006, "SOURCE", "the council", source_type="named_organization"),
            span(t, 2007, "CUE", "added"),
        ],
        relations=[
            relation("ATTRIBUTED_TO", 2003, 2001),
            relation("ATTRIBUTED_TO", 2004, 2005),
            relation("CUE_OF", 2007, 2004),
        ],
        stances=[stance("favor", 2005, obj=2004)],
        answers={"framing": {"board": "critical"}},
        comments=[
            comment("rhea", "Is the health officer named anywhere?", span=2005),
            comment("tomas", "No: anonymous.", span=2005),
            comment(
                "rhea",
                "Check the cue.",
                relation={"type": "CUE_OF", "source": 2007, "target": 2004},
            ),
            comment("rhea", "Fine.", stance={"holder": 2005, "target": None, "object": 2004}),
            comment("tomas", "Done with this one."),
        ],
    )
    priya = annotation_set(
        "annotator",
        author="priya",
        status="in_progress",
        spans=[
            split_span(
                t, 3001, "CLAIM", "The repairs", "could take a year", quote_type="indirect"
            ),  # fmt: skip
            span(t, 3002, "SOURCE", "a leaked report", source_type="document"),
        ],
        relations=[relation("ATTRIBUTED_TO", 3001, 3002)],
    )
    model = annotation_set(
        "model",
        model_name="claimbert-v2",
        spans=[
            span(t, 4001, "CLAIM", "the Kelham reservoir would reopen by June"),
            span(t, 4002, "CLAIM", "The repairs, engineers warned, could take a year"),
        ],
    )
    sets = [gold, tomas, priya, model]
    general = [comment("rhea", "Two reports of the same briefing: compare with the Herald's.")]
    return document(
        101, t, sets, outlet="Brenford Courier", story="Kelham reservoir closure", comments=general
    )


def _herald() -> Record:
    t = HERALD
    tomas = annotation_set(
        "annotator",
        author="tomas",
        spans=[
            span(
                t,
                5001,
                "SOURCE",
                "Councillor Ada Mensah",
                source_type="named_person",
                side="council",
            ),  # fmt: skip
            span(t, 5002, "CUE", "told"),
            span(
                t,
                5003,
                "CLAIM",
                "the reservoir would reopen by June only if the board hired more staff",
                quote_type="indirect",
                check_worthy="yes",
            ),  # fmt: skip
            span(
                t,
                5004,
                "CLAIM",
                "We have heard promises before",
                quote_type="direct",
                check_worthy="no",
            ),  # fmt: skip
            span(t, 5005, "SOURCE", "she", source_type="named_person"),
            span(t, 5006, "CUE", "said"),
            span(t, 5007, "SOURCE", "The Water Board", source_type="named_organization"),
        ],
        relations=[
            relation("ATTRIBUTED_TO", 5003, 5001),
            relation("CUE_OF", 5002, 5003),
            relation("ATTRIBUTED_TO", 5004, 5005),
            relation("CUE_OF", 5006, 5004),
            relation("SAME_CLAIM", 5003, 2003, target_document=101),
            relation("SAME_SOURCE", 5007, 2001, target_document=101),
        ],
        stances=[stance("against", 5001, obj=5003), stance("against", target="board")],
        answers={"framing": {"board": "critical", "residents": "sympathetic"}},
    )
    gold = annotation_set(
        "gold",
        status="curated",
        spans=[
            span(t, 6001, "SOURCE", "Councillor Ada Mensah", source_type="named_person"),
            span(
                t,
                6002,
                "CLAIM",
                "the reservoir would reopen by June only if the board hired more staff",
                quote_type="indirect",
                check_worthy="yes",
            ),  # fmt: skip
        ],
        relations=[relation("ATTRIBUTED_TO", 6002, 6001)],
    )
    return document(102, t, [tomas, gold], outlet="Valley Herald", story="Kelham reservoir closure")


def _letter() -> Record:
    t = LETTER
    model = annotation_set(
        "model",
        model_name="claimbert-v2",
        spans=[span(t, 7001, "CLAIM", "the taps will run clean by spring")],
    )
    skipped = annotation_set("annotator", author="priya", status="skipped")
    return document(103, t, [model, skipped], outlet=None, story=None, titled=False)


def documents() -> list[Record]:
    """Documents 101, 102 and 103, freshly built."""
    return [_courier(), _herald(), _letter()]


SET_COUNT = 8
SPAN_COUNT = 6 + 7 + 2 + 2 + 7 + 2 + 1


def many_documents(n: int) -> Iterator[Record]:
    """``n`` records cycling through the samples, ids 1, 2, ... (span ids and relation ends
    unchanged: cross-document targets then point at the first copy's ids, which is fine for
    writers, not for an import)."""
    samples = documents()
    for i in range(n):
        record = copy.deepcopy(samples[i % len(samples)])
        record["id"] = i + 1
        yield record
