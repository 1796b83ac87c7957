"""An annotated project for the import and export tests: two reports of one story, with an
annotator's sets (a discontinuous claim, attributes, relations, a link across the two
documents, stances, answers), a gold set and a model set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from annotations.models import Project, SetKind
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.projects import project_schema_replace
from annotations.services.set_write import annotation_set_write
from tests import factories
from tests.schemas import schema_with_targets

TEXTS = [
    "Harbour talks stall. The port authority said on Monday that the dock workers' "
    "strike would end soon, according to a spokesperson. Union leaders disagreed 🚢.",
    "Port strike drags on. Officials said the strike would end soon; the union said "
    "nothing of the kind.\nCrowds gathered at the gates.",
]


def piece(text: str, words: str, occurrence: int = 0) -> list[int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return [start, start + len(words)]


def span(text: str, ref: str, label: str, words: str, **extra: Any) -> dict[str, Any]:
    start, end = piece(text, words)
    return {"ref": ref, "label": label, "start": start, "end": end, "text": words, **extra}


def discontinuous(text: str, ref: str, label: str, *parts: str) -> dict[str, Any]:
    fragments = [piece(text, p) for p in parts]
    return {
        "ref": ref,
        "label": label,
        "start": fragments[0][0],
        "end": fragments[-1][1],
        "fragments": fragments,
        "text": " ".join(parts),
        "attributes": {"quote_type": "indirect"},
    }


@dataclass
class Annotated:
    people: factories.People
    texts: list[str]

    @property
    def project(self) -> Project:
        return self.people.project


@pytest.fixture
def annotated(db) -> Annotated:  # noqa: ANN001
    outlets = [factories.OutletFactory(name="Harbour Ledger"), factories.OutletFactory()]
    people = factories.people_in_project(n_documents=0)
    story = people.story
    documents = [
        factories.DocumentFactory(text=t, story=story, outlet=o)
        for t, o in zip(TEXTS, outlets, strict=True)
    ]
    from annotations.services.projects import project_documents_add

    project_documents_add(project=people.project, documents=documents)
    people.documents = documents
    project_schema_replace(project=people.project, definition=schema_with_targets())
    first, second = TEXTS
    aset, _ = annotation_set_open(
        project=people.project, document=documents[0], author=people.annotator
    )
    refs = annotation_set_write(
        annotation_set=aset,
        data={
            "version": 1,
            "spans": [
                discontinuous(first, "c", "CLAIM", "the dock workers' strike", "would end soon"),
                span(
                    first,
                    "s",
                    "SOURCE",
                    "The port authority",
                    attributes={"source_type": "named_organization"},
                ),  # fmt: skip
                span(first, "s2", "SOURCE", "a spokesperson"),
                span(first, "v", "CUE", "said"),
                span(first, "u", "SOURCE", "Union leaders"),
            ],
            "relations": [
                {"type": "ATTRIBUTED_TO", "source": "c", "target": "s"},
                {"type": "CUE_OF", "source": "v", "target": "c"},
            ],
            "stances": [
                {"holder": "s", "object": "c", "value": "favor"},
                {"holder": "u", "object": "c", "value": "against"},
                {"holder": None, "target": "union", "value": "neutral"},
            ],
            "answers": {"framing": {"union": "sympathetic", "authority": "critical"}},
        },
    )
    second_set, _ = annotation_set_open(
        project=people.project, document=documents[1], author=people.annotator
    )
    annotation_set_write(
        annotation_set=second_set,
        data={
            "version": 1,
            "spans": [
                span(second, "c", "CLAIM", "the strike would end soon"),
                span(second, "o", "SOURCE", "Officials"),
            ],
            "relations": [
                {"type": "ATTRIBUTED_TO", "source": "c", "target": "o"},
                {"type": "SAME_CLAIM", "source": "c", "target": refs["c"]},
            ],
        },
    )
    other, _ = annotation_set_open(
        project=people.project, document=documents[0], author=people.other_annotator
    )
    annotation_set_write(
        annotation_set=other,
        data={"version": 1, "spans": [span(first, "s", "SOURCE", "The port authority")]},
    )
    gold, _ = annotation_set_open(
        project=people.project, document=documents[0], author=people.reviewer, kind=SetKind.GOLD
    )
    annotation_set_write(
        annotation_set=gold,
        data={
            "version": 1,
            "spans": [span(first, "c", "CLAIM", "the dock workers' strike would end soon")],
        },
    )
    model, _ = annotation_set_open(
        project=people.project,
        document=documents[0],
        author=None,
        kind=SetKind.MODEL,
        model_name="claim-tagger-v1",
    )
    annotation_set_write(
        annotation_set=model,
        data={"version": 1, "spans": [span(first, "c", "CLAIM", "Union leaders disagreed")]},
    )
    return Annotated(people=people, texts=TEXTS)
