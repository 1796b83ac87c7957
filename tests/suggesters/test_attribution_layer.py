"""The attribution suggester's proposals as native records (annotations/services/
attribution_layer.py), written through the import's checked path on the seed story."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Relation, Span
from annotations.services.attribution_layer import ATTRIBUTION, attribution_records
from annotations.services.imports.service import records_import
from corpus.models import Document
from tests.factories import people_in_project
from tests.seed_story import seed_story_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    people = people_in_project(n_documents=0)
    return seed_story_project(people.project, people.manager, with_gold=False)


def test_every_seed_document_gets_one_model_set_with_claims_sources_and_cues(seed):
    documents = list(seed.documents.values())
    done: list[int] = []
    records = attribution_records(documents, progress=done.append)
    assert done == [1, 2, 3, 4, 5]
    assert len(records) == 5
    outcome = records_import(
        project=seed.project, user=None, header=None, documents=records, may_add_people=False
    )
    assert outcome.ok, outcome.errors
    sets = AnnotationSet.objects.filter(project=seed.project, kind="model")
    assert {s.model_name for s in sets} == {ATTRIBUTION}
    assert sets.count() == 5
    spans = Span.objects.filter(annotation_set__in=sets).select_related("annotation_set__document")
    assert {span.label for span in spans} == {"CLAIM", "SOURCE", "CUE"}
    for span in spans:
        text = span.annotation_set.document.text
        pieces = span.fragments or [[span.start, span.end]]
        assert span.text == " ".join(text[a:b] for a, b in pieces)
    types = set(Relation.objects.filter(annotation_set__in=sets).values_list("type", flat=True))
    assert types == {"ATTRIBUTED_TO", "CUE_OF"}


def test_a_quote_split_by_its_cue_is_one_claim_with_two_fragments():
    text = '"We will not stop," the minister said, "until every hostage is home."'
    records = attribution_records([Document(pk=1, text=text, sha256="x")], model_name="rules")
    [layer] = records[0]["sets"]
    assert layer["model_name"] == "rules"
    [claim] = [span for span in layer["spans"] if span["label"] == "CLAIM"]
    assert [text[a:b] for a, b in claim["fragments"]] == [
        "We will not stop",
        "until every hostage is home",
    ]


def test_a_document_with_nothing_attributed_gets_no_record(seed):
    doc = seed.document("000")
    doc.text = "Nothing here is attributed to anybody."
    assert attribution_records([doc]) == []
