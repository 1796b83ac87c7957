"""A person reading their own annotator layer sees their open sets too (assigned, in
progress, returned; never skipped or archived), in the workbench's table and in the stories
page's counts; other people's annotator layers show submitted sets only; both pages say
which sets the layer shows."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from annotations.models import AnnotationSet, SetKind, SetStatus, Span
from tests.factories import people_in_project
from tests.seed_story import AXIOS, CNN, seed_story_project

pytestmark = pytest.mark.django_db


def claim_set(project, document, author, status: str) -> None:  # noqa: ANN001
    aset = AnnotationSet.objects.create(
        project=project, document=document, kind=SetKind.ANNOTATOR, author=author, status=status
    )
    Span.objects.create(
        annotation_set=aset, label="CLAIM", start=0, end=40, text=document.text[:40]
    )


@pytest.fixture
def at_work():
    """The annotator has a set in progress on Axios and a skipped one on CNN."""
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    claim_set(people.project, seed.documents[AXIOS], people.annotator, SetStatus.IN_PROGRESS)
    claim_set(people.project, seed.documents[CNN], people.annotator, SetStatus.SKIPPED)
    return people, seed


def table_for(user, seed, **query: str) -> dict:  # noqa: ANN001
    client = APIClient()
    client.force_authenticate(user)
    answer = client.get(f"/api/v1/stories/{seed.story.pk}/claims/", query)
    assert answer.status_code == 200
    return answer.json()


def page_for(user, url: str) -> str:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_annotator_at_work_sees_their_set_in_progress_but_not_the_skipped_one(at_work):
    people, seed = at_work
    table = table_for(people.annotator, seed)
    assert table["layer"] == "annotator:annotator"
    documents = [cell["document"] for row in table["rows"] for cell in row["cells"]]
    assert documents == [seed.documents[AXIOS].pk]


def test_a_reviewer_reading_the_annotators_layer_sees_only_submitted_sets(at_work):
    people, seed = at_work
    assert table_for(people.reviewer, seed, layer="annotator:annotator")["rows"] == []
    AnnotationSet.objects.filter(status=SetStatus.IN_PROGRESS).update(status=SetStatus.SUBMITTED)
    assert len(table_for(people.reviewer, seed, layer="annotator:annotator")["rows"]) == 1


def test_the_stories_page_counts_the_annotators_open_claims_and_says_which_sets(at_work):
    people, _seed = at_work
    url = f"/projects/{people.project.pk}/stories/"
    own = page_for(people.annotator, url)
    assert "counts your sets, submitted or not" in own
    assert '<td class="num">1</td>' in own  # the claim of the set in progress
    theirs = page_for(people.reviewer, f"{url}?layer=annotator:annotator")
    assert "counts submitted sets" in theirs
    assert '<td class="num">0</td>' in theirs


def test_the_workbench_says_which_sets_the_layer_shows(at_work):
    people, seed = at_work
    url = f"/projects/{people.project.pk}/stories/{seed.story.pk}/"
    assert "shows your sets, submitted or not" in page_for(people.annotator, url)
    assert "shows curated gold sets" in page_for(people.reviewer, url)
    other = page_for(people.reviewer, f"{url}?layer=annotator:annotator")
    assert "shows submitted sets" in other
