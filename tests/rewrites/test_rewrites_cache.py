"""The story's rewrite pairs are kept in the cache, keyed by the story and its documents
with their sha256s, and a pair's alignment, keyed by the two texts' sha256s: the cached
answers are the computed ones, a warm request computes nothing, and a document added to the
project changes the pairs' key."""

from __future__ import annotations

import pytest
from django.test import override_settings

from annotations.selectors import story_rewrites
from annotations.services.projects import project_documents_add
from corpus.services import documents_import
from tests.rewrites.synthetic_story import rewrites_story, story_texts

pytestmark = pytest.mark.django_db

DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
NO_CACHE = {"default": DUMMY, "computed": DUMMY}


@pytest.fixture
def story(people):  # noqa: ANN001, ANN201
    story, documents = rewrites_story(people.project, n_documents=8, target_chars=1500)
    return story, documents


def pairs_url(people, story) -> str:  # noqa: ANN001
    return f"/api/v1/stories/{story.pk}/rewrites/?project={people.project.pk}"


def test_the_cached_answer_is_the_answer_computed_without_the_cache(people, story, client_for):
    client = client_for(people.reviewer)
    url = pairs_url(people, story[0])
    with override_settings(CACHES=NO_CACHE):
        uncached = client.get(url).json()
    cold = client.get(url).json()
    warm = client.get(url).json()
    assert len(uncached["pairs"]) == 4  # each rewrite of the one before it
    assert cold == uncached and warm == uncached


def test_a_warm_request_reads_no_text_and_computes_no_pair(people, story, client_for, monkeypatch):
    client = client_for(people.reviewer)
    url = pairs_url(people, story[0])
    first = client.get(url).json()

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the pairs were computed again")

    monkeypatch.setattr(story_rewrites, "rewrite_pairs", refuse)
    assert client.get(url).json() == first


def test_a_document_added_to_the_project_is_compared_on_the_next_request(people, story, client_for):
    client = client_for(people.reviewer)
    url = pairs_url(people, story[0])
    before = client.get(url).json()
    original = story[1][0]
    rewrite_text = story_texts(8, 1500)[0] + "\n\nOne more sentence about the bridge works."
    report = documents_import(
        files=[("late.txt", rewrite_text.encode())], story_name=story[0].name, clean=False
    )
    project_documents_add(project=people.project, documents=list(report.documents))
    after = client.get(url).json()
    assert len(after["documents"]) == len(before["documents"]) + 1
    late = report.documents[0].pk
    assert any(
        pair["rewrite"]["id"] == late and pair["original"]["id"] == original.pk
        for pair in after["pairs"]
    )


def alignment_url(people, story, original, rewrite) -> str:  # noqa: ANN001
    return (
        f"/api/v1/stories/{story.pk}/rewrites/{original.pk}/{rewrite.pk}/"
        f"?project={people.project.pk}"
    )


def test_the_cached_alignment_is_the_one_computed_without_the_cache(people, story, client_for):
    client = client_for(people.annotator)
    url = alignment_url(people, story[0], *story[1][:2])
    with override_settings(CACHES=NO_CACHE):
        uncached = client.get(url).json()
    cold = client.get(url).json()
    warm = client.get(url).json()
    assert uncached["counts"]["copied"] > 0 and uncached["near_duplicate"] is True
    assert cold == uncached and warm == uncached


def test_a_warm_alignment_request_aligns_nothing(people, story, client_for, monkeypatch):
    client = client_for(people.annotator)
    url = alignment_url(people, story[0], *story[1][:2])
    first = client.get(url).json()

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the pair was aligned again")

    monkeypatch.setattr(story_rewrites, "rewrite_alignment", refuse)
    assert client.get(url).json() == first
    swapped = alignment_url(people, story[0], *reversed(story[1][:2]))
    with pytest.raises(AssertionError, match="aligned again"):
        client.get(swapped)  # the other way round is another alignment
