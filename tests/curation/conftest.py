"""Fixtures for curation: a document two annotators submitted, with units both made, units
one of them made, and a reviewer to curate it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from annotations.models import AnnotationSet
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.projects import project_documents_add
from annotations.services.set_write import annotation_set_write
from tests import factories

TEXT = "The minister said the talks had stalled, officials said on Tuesday."


def span(text: str, label: str, needle: str, ref: str | None = None, **attributes: Any) -> dict:
    start = text.index(needle)
    item = {"label": label, "start": start, "end": start + len(needle), "text": needle}
    item["attributes"] = attributes
    if ref:
        item["ref"] = ref
    return item


def annotated(
    people: factories.People,
    document: Any,
    user: Any,
    *,
    submit: bool = True,
    **contents: Any,
) -> AnnotationSet:
    """``user``'s set on ``document`` with ``contents`` (spans, relations, stances, answers
    as a whole-set write takes them), submitted unless asked not to."""
    aset, _ = annotation_set_open(project=people.project, document=document, author=user)
    aset.refresh_from_db()
    annotation_set_write(annotation_set=aset, data={"version": aset.version, **contents})
    if submit:
        annotation_set_submit(annotation_set=aset)
    aset.refresh_from_db()
    return aset


@dataclass
class TwoLayers:
    """``people`` and their first document, which both annotators submitted: both marked
    the claim and the minister, linked them and read the article as neutral toward the
    claim; only the first marked the officials (and said the claim is direct speech)."""

    people: factories.People
    document: Any
    first: AnnotationSet  # people.annotator's
    second: AnnotationSet  # people.other_annotator's

    @property
    def project(self) -> Any:
        return self.people.project


def two_layers_of(people: factories.People) -> TwoLayers:
    document = factories.DocumentFactory(story=people.story, text=TEXT, title="The talks")
    project_documents_add(project=people.project, documents=[document])
    common = {
        "relations": [{"type": "ATTRIBUTED_TO", "source": "c", "target": "m"}],
        "stances": [{"holder": None, "object": "c", "value": "neutral"}],
    }
    first = annotated(
        people,
        document,
        people.annotator,
        spans=[
            span(TEXT, "CLAIM", "the talks had stalled", "c", quote_type="direct"),
            span(TEXT, "SOURCE", "The minister", "m"),
            span(TEXT, "SOURCE", "officials", "o"),
        ],
        **common,
    )
    second = annotated(
        people,
        document,
        people.other_annotator,
        spans=[
            span(TEXT, "CLAIM", "the talks had stalled", "c", quote_type="indirect"),
            span(TEXT, "SOURCE", "The minister", "m"),
        ],
        **common,
    )
    return TwoLayers(people, document, first, second)


@pytest.fixture
def two_layers(people: factories.People) -> TwoLayers:
    return two_layers_of(people)
