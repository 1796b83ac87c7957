"""A team's project for the agreement tests: two reports of one story, two annotators who
agree on most things, a curated gold set and a model's set, with figures worked out by hand.

Document 1, as ``annotator`` (ana) marks it::

    SOURCE "The minister"  CUE "said"  CLAIM "the talks had stalled"
    SOURCE "Union leaders" CUE "said"  CLAIM "the strike would go on"
    ATTRIBUTED_TO claim -> source (x2), CUE_OF cue -> claim (x2)
    stance: Union leaders toward target "union": favor; the document toward "authority": against
    answer: framing {union: sympathetic}; CLAIM "the talks had stalled" quote_type indirect

``other_annotator`` (bob) differs: the first claim is "talks had stalled" (overlaps, not
exact; so its relations differ too), no second cue (so one CUE_OF and one triple fewer), the
document's stance toward "authority" is neutral, the quote_type of the second claim is direct
(ana: indirect). Document 2 has one claim each, the same span, linked by both to the second
claim of document 1 with SAME_CLAIM.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from annotations.models import AnnotationSet, SetKind
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.projects import project_documents_add, project_schema_replace
from annotations.services.set_write import annotation_set_write
from tests import factories
from tests.schemas import schema_with_targets

TEXT_1 = "The minister said the talks had stalled. Union leaders said the strike would go on."
TEXT_2 = "Port strike continues: the strike would go on, the union said on Monday."


def piece(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def span(text: str, ref: str, label: str, words: str, occurrence: int = 0, **extra: Any) -> dict:
    start, end = piece(text, words, occurrence)
    return {"ref": ref, "label": label, "start": start, "end": end, "text": words, **extra}


def ana_document_1() -> dict[str, Any]:
    t = TEXT_1
    return {
        "spans": [
            span(t, "s1", "SOURCE", "The minister"),
            span(t, "v1", "CUE", "said"),
            span(t, "c1", "CLAIM", "the talks had stalled", attributes={"quote_type": "indirect"}),
            span(t, "s2", "SOURCE", "Union leaders"),
            span(t, "v2", "CUE", "said", 1),
            span(t, "c2", "CLAIM", "the strike would go on", attributes={"quote_type": "indirect"}),
        ],
        "relations": [
            {"type": "ATTRIBUTED_TO", "source": "c1", "target": "s1"},
            {"type": "CUE_OF", "source": "v1", "target": "c1"},
            {"type": "ATTRIBUTED_TO", "source": "c2", "target": "s2"},
            {"type": "CUE_OF", "source": "v2", "target": "c2"},
        ],
        "stances": [
            {"holder": "s2", "target": "union", "value": "favor"},
            {"holder": None, "target": "authority", "value": "against"},
        ],
        "answers": {"framing": {"union": "sympathetic"}},
    }


def bob_document_1() -> dict[str, Any]:
    t = TEXT_1
    data = ana_document_1()
    indirect = {"quote_type": "indirect"}
    data["spans"][2] = span(t, "c1", "CLAIM", "talks had stalled", attributes=indirect)
    data["spans"][5]["attributes"] = {"quote_type": "direct"}
    del data["spans"][4]  # no second cue
    data["relations"] = data["relations"][:3]
    data["stances"][1]["value"] = "neutral"
    return data


def document_2(link_to: int) -> dict[str, Any]:
    return {
        "spans": [span(TEXT_2, "c", "CLAIM", "the strike would go on")],
        "relations": [{"type": "SAME_CLAIM", "source": "c", "target": link_to}],
    }


@dataclass
class Team:
    people: factories.People
    sets: dict[str, AnnotationSet]  # "ana1", "bob1", "ana2", "bob2", "gold1", "model1"

    @property
    def project(self) -> Any:
        return self.people.project

    @property
    def url(self) -> str:
        return f"/api/v1/projects/{self.project.pk}/agreement/"


def written(aset: AnnotationSet, data: dict[str, Any]) -> dict[str, Any]:
    aset.refresh_from_db()
    return annotation_set_write(annotation_set=aset, data={"version": aset.version, **data})


def team_project(**project_fields: Any) -> Team:
    people = factories.people_in_project(n_documents=0, **project_fields)
    documents = [
        factories.DocumentFactory(text=TEXT_1, story=people.story, title="Minister"),
        factories.DocumentFactory(text=TEXT_2, story=people.story, title="Port strike"),
    ]
    project_documents_add(project=people.project, documents=documents)
    people.documents = documents
    project_schema_replace(project=people.project, definition=schema_with_targets())
    sets: dict[str, AnnotationSet] = {}
    for who, user, first in (
        ("ana", people.annotator, ana_document_1()),
        ("bob", people.other_annotator, bob_document_1()),
    ):
        one, _ = annotation_set_open(project=people.project, document=documents[0], author=user)
        refs = written(one, first)
        two, _ = annotation_set_open(project=people.project, document=documents[1], author=user)
        written(two, document_2(refs["c2"]))
        sets[f"{who}1"], sets[f"{who}2"] = one, two
    gold, _ = annotation_set_open(
        project=people.project, document=documents[0], author=people.reviewer, kind=SetKind.GOLD
    )
    written(gold, ana_document_1())
    model, _ = annotation_set_open(
        project=people.project, document=documents[0], author=None, kind="model", model_name="rules"
    )
    model_data = bob_document_1()
    written(model, {"spans": model_data["spans"], "relations": model_data["relations"]})
    sets.update(gold1=gold, model1=model)
    for name in ("ana1", "bob1", "ana2", "bob2", "gold1"):
        annotation_set_submit(annotation_set=sets[name])
    return Team(people, sets)


@pytest.fixture
def team(db) -> Team:  # noqa: ANN001
    return team_project()
