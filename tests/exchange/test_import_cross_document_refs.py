"""An imported link across documents lands in the document it names, even when the
source's own set uses the same span ref (refs need only be unique within a set)."""

from __future__ import annotations

import pytest

from annotations.models import Relation
from tests.factories import people_in_project
from tests.seed_story import seed_gold, seed_story_project

pytestmark = pytest.mark.django_db


def test_every_imported_same_claim_link_joins_spans_of_two_documents():
    people = people_in_project(n_documents=0)
    seed_story_project(people.project, people.manager)
    links = Relation.objects.filter(
        annotation_set__project=people.project, type__in=["SAME_CLAIM", "SAME_SOURCE"]
    ).select_related("source__annotation_set", "target__annotation_set")
    gold = seed_gold()
    assert links.count() == len(gold["same_claim"]) + len(gold["same_source"])
    for link in links:
        assert link.source.annotation_set.document_id != link.target.annotation_set.document_id
