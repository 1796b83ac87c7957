"""Fixtures for the annotation API tests: a project with its people and a filled-in set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from annotations.models import AnnotationSet, Relation, SetKind, Span, Stance
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.set_write import annotation_set_write
from tests import factories


@dataclass
class Bench:
    """``people`` plus the annotator's set on the first document (a claim, two sources, a
    relation and a stance), the gold set and a model set on the same document."""

    people: factories.People
    aset: AnnotationSet
    claim: Span
    source: Span
    source2: Span
    relation: Relation
    stance: Stance
    gold: AnnotationSet
    model: AnnotationSet

    @property
    def project(self) -> Any:
        return self.people.project

    @property
    def text(self) -> str:
        return self.people.documents[0].text


def span_payload(text: str, label: str, fragment: str, **extra: Any) -> dict[str, Any]:
    """A span over the first occurrence of ``fragment`` in ``text``."""
    start = text.index(fragment)
    return {"label": label, "start": start, "end": start + len(fragment), "text": fragment, **extra}


def build_bench(people: factories.People) -> Bench:
    document = people.documents[0]
    text = document.text
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    annotation_set_write(
        annotation_set=aset,
        data={
            "version": aset.version,
            "spans": [
                span_payload(text, "CLAIM", "the talks had stalled", ref="c"),
                span_payload(text, "SOURCE", "minister", ref="s"),
                span_payload(text, "SOURCE", "officials", ref="s2"),
            ],
            "relations": [{"type": "ATTRIBUTED_TO", "source": "c", "target": "s"}],
            "stances": [{"holder": None, "object": "c", "value": "neutral"}],
        },
    )
    aset.refresh_from_db()
    spans = {s.text: s for s in aset.spans.all()}
    gold, _ = annotation_set_open(
        project=people.project, document=document, author=people.reviewer, kind=SetKind.GOLD
    )
    model, _ = annotation_set_open(
        project=people.project, document=document, author=None, kind="model", model_name="rules"
    )
    return Bench(
        people=people,
        aset=aset,
        claim=spans["the talks had stalled"],
        source=spans["minister"],
        source2=spans["officials"],
        relation=aset.relations.get(),
        stance=aset.stances.get(),
        gold=gold,
        model=model,
    )


@pytest.fixture
def bench(people: factories.People) -> Bench:
    return build_bench(people)


def path_ids(bench: Bench) -> dict[str, Any]:
    """Real ids for every path parameter of the API, from the bench."""
    return {
        "project_id": bench.project.pk,
        "document_id": bench.people.documents[0].pk,
        "set_id": bench.aset.pk,
        "span_id": bench.source.pk,
        "relation_id": bench.relation.pk,
        "stance_id": bench.stance.pk,
        "story_id": bench.people.story.pk,
        "username": "other_annotator",
    }


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is an error with this status in the one envelope; returns ``error``."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "details"}, error
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["details"], dict)
    if code is not None:
        assert error["code"] == code, error
    return error


def set_url(aset: AnnotationSet) -> str:
    return f"/api/v1/sets/{aset.pk}/"


def current(aset: AnnotationSet) -> int:
    return AnnotationSet.objects.get(pk=aset.pk).version


def put_set(client: Any, aset: AnnotationSet, **content: Any) -> Any:
    return client.put(set_url(aset), {"version": current(aset), **content}, format="json")


@pytest.fixture
def owner(bench: Bench, client_for: Any) -> Any:
    return client_for(bench.people.annotator)
