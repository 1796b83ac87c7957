"""A project whose annotator set uses every kind of schema key: a CLAIM with an attribute,
two SOURCEs, an ATTRIBUTED_TO relation, a stance on a target and one on a claim, and a
per-target answer to the framing question."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from annotations.models import AnnotationSet
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.schema_changes import project_schema_change
from annotations.services.set_write import annotation_set_write
from tests import factories
from tests.annotations.conftest import span_payload
from tests.schemas import schema_with_targets


@dataclass
class Used:
    people: factories.People
    aset: AnnotationSet
    other: AnnotationSet  # another annotator's set: a CLAIM only

    @property
    def project(self):  # noqa: ANN201
        return self.people.project


def write(aset: AnnotationSet, **content: object) -> None:
    annotation_set_write(
        annotation_set=aset, data={"version": aset.version, **content}, writer=aset.author
    )
    aset.refresh_from_db()


@pytest.fixture
def used(people: factories.People) -> Used:
    definition = schema_with_targets()
    definition.pop("submit_checks", None)  # the tests drop and rename keys checks may name
    project_schema_change(project=people.project, definition=definition)
    document = people.documents[0]
    text = document.text
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    write(
        aset,
        spans=[
            span_payload(
                text,
                "CLAIM",
                "the talks had stalled",
                ref="c",
                attributes={"quote_type": "indirect"},
            ),
            span_payload(text, "SOURCE", "minister", ref="s"),
            span_payload(text, "SOURCE", "officials", ref="s2"),
        ],
        relations=[{"type": "ATTRIBUTED_TO", "source": "c", "target": "s"}],
        stances=[
            {"holder": "s", "target": "union", "value": "against"},
            {"holder": None, "object": "c", "value": "neutral"},
        ],
        answers={"framing": {"union": "critical"}},
    )
    other, _ = annotation_set_open(
        project=people.project, document=document, author=people.other_annotator
    )
    write(other, spans=[span_payload(text, "CLAIM", "the talks had stalled")])
    return Used(people, aset, other)
