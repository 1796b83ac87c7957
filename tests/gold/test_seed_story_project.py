"""The seed story as a project with its gold layer (tests/seed_story.py), the set-up the
across-outlets tests share, holds what the gold file says."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Relation, Span, Stance
from tests.factories import people_in_project
from tests.seed_story import AL_MAYADEEN, AXIOS, seed_gold, seed_story_project

pytestmark = pytest.mark.django_db


def test_the_gold_layer_is_written_as_curated_gold_sets_with_every_row_of_the_file():
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    gold = seed_gold()
    sets = AnnotationSet.objects.filter(project=people.project, kind="gold", status="curated")
    assert sets.count() == 5
    spans = Span.objects.filter(annotation_set__in=sets)
    assert spans.count() == sum(len(d["spans"]) for d in gold["documents"])
    for span in spans.select_related("annotation_set__document"):
        assert span.annotation_set.document.text[span.start : span.end] == span.text
    links = Relation.objects.filter(annotation_set__in=sets, type="SAME_CLAIM")
    assert links.count() == len(gold["same_claim"])
    assert Stance.objects.filter(annotation_set__in=sets).count() == 6
    assert seed.document(AXIOS).outlet != seed.document(AL_MAYADEEN).outlet
