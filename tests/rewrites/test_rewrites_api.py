"""The story rewrites API: the near-duplicate pairs of a story's documents in a project and
one pair aligned sentence by sentence, on the seed story (Al Mayadeen rewrote Axios)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator

from annotations.services.projects import project_create, project_documents_add
from tests.annotations.conftest import assert_error
from tests.annotations.test_openapi_contract import assert_keeps_to_its_schema
from tests.seed_story import AL_MAYADEEN, AXIOS, CNN, TIMES_OF_ISRAEL

pytestmark = pytest.mark.django_db


def pair_document(document) -> dict:  # noqa: ANN001
    published = document.published_at
    return {
        "id": document.pk,
        "title": document.title,
        "outlet": document.outlet.name,
        "published_at": published.isoformat().replace("+00:00", "Z") if published else None,
    }


def pairs_url(seed, project=None) -> str:  # noqa: ANN001
    query = f"?project={project.pk}" if project is not None else ""
    return f"/api/v1/stories/{seed.story.pk}/rewrites/{query}"


def alignment_url(seed, original: str, rewrite: str) -> str:  # noqa: ANN001
    return (
        f"/api/v1/stories/{seed.story.pk}/rewrites/"
        f"{seed.document(original).pk}/{seed.document(rewrite).pk}/"
    )


def test_the_seed_story_has_one_rewrite_pair_axios_rewritten_by_al_mayadeen(
    seed, people, client_for
):
    body = client_for(people.annotator).get(pairs_url(seed, seed.project)).json()
    assert body["project"] == seed.project.pk
    assert len(body["documents"]) == 5
    assert body["documents"][0] == pair_document(seed.document(AXIOS))  # the one dated
    (pair,) = body["pairs"]
    assert pair["original"] == pair_document(seed.document(AXIOS))
    assert pair["original"]["id"] == seed.document(AXIOS).pk
    assert pair["original"]["outlet"] == "Axios"
    assert pair["rewrite"]["id"] == seed.document(AL_MAYADEEN).pk
    assert 0.2 <= pair["similarity"] <= 1


def test_the_pair_aligns_with_copied_changed_and_added_sentences_slicing_both_texts(
    seed, people, client_for
):
    response = client_for(people.reviewer).get(alignment_url(seed, AXIOS, AL_MAYADEEN))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["near_duplicate"] is True and body["similarity"] >= 0.2
    counts = body["counts"]
    assert counts["copied"] > 0 and counts["changed"] > 0 and counts["added"] > 0
    assert counts["moved"] > 0
    assert sum(counts.values()) + counts["moved"] == len(body["rows"])  # moved: two rows
    texts = {"original": seed.document(AXIOS).text, "rewrite": seed.document(AL_MAYADEEN).text}
    for row in body["rows"]:
        for side, text in texts.items():
            sentence = row[side]
            if sentence is None:
                continue
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
            for run in sentence["runs"]:
                assert text[run["start"] : run["end"]] == run["text"]
    moved = [(n, row["moved"]) for n, row in enumerate(body["rows"]) if row["moved"] is not None]
    assert len(moved) == 2 * counts["moved"], "the rewrite moved the Gallant paragraphs"
    for n, other in moved:
        here, there = body["rows"][n], body["rows"][other]
        assert there["moved"] == n and here["kind"] == there["kind"] == "moved"
        assert here["similarity"] == there["similarity"]
        assert (here["original"] is None) != (there["original"] is None)
        assert (here["rewrite"] is None) == (there["rewrite"] is not None)
    negotiation = [
        row
        for row in body["rows"]
        if "The negotiation on the hostages issue" in (row["original"] or row["rewrite"])["text"]
    ]
    assert [row["kind"] for row in negotiation] == ["moved", "moved"]
    assert 0.5 <= negotiation[0]["similarity"] < 1
    reworded = negotiation[0]
    sentence = reworded["original"] or reworded["rewrite"]
    assert {run["op"] for run in sentence["runs"]} - {"kept"}, "its words against its other place"
    changed = next(row for row in body["rows"] if row["kind"] == "changed")
    assert {run["op"] for run in changed["original"]["runs"]} <= {"kept", "removed"}
    assert {run["op"] for run in changed["rewrite"]["runs"]} <= {"kept", "added"}


def test_two_documents_that_are_not_near_duplicates_can_still_be_compared(seed, people, client_for):
    body = client_for(people.manager).get(alignment_url(seed, TIMES_OF_ISRAEL, CNN)).json()
    assert body["near_duplicate"] is False
    assert body["counts"]["copied"] == 0


def test_the_project_may_be_left_out_when_one_of_the_callers_projects_holds_the_story(
    seed, people, client_for
):
    body = client_for(people.annotator).get(pairs_url(seed)).json()
    assert body["project"] == seed.project.pk and len(body["pairs"]) == 1


def test_left_out_with_the_story_in_two_of_the_callers_projects_is_a_400_naming_project(
    seed, people, client_for
):
    second = project_create(name="Second look", owner=people.manager)
    project_documents_add(project=second, documents=list(seed.documents.values()))
    error = assert_error(client_for(people.manager).get(pairs_url(seed)), 400)
    assert "project" in error["details"]
    named = client_for(people.manager).get(pairs_url(seed, second))
    assert named.status_code == 200 and named.json()["project"] == second.pk


def test_an_annotator_of_a_blind_project_reads_the_rewrites_since_texts_are_not_hidden(
    seed, people, client_for
):
    assert seed.project.blind
    response = client_for(people.other_annotator).get(alignment_url(seed, AXIOS, AL_MAYADEEN))
    assert response.status_code == 200


def test_an_outsider_gets_404_for_the_pairs_and_the_alignment(seed, people, client_for):
    outsider = client_for(people.outsider)
    assert_error(outsider.get(pairs_url(seed)), 404)
    assert_error(outsider.get(pairs_url(seed, seed.project)), 404)
    assert_error(outsider.get(alignment_url(seed, AXIOS, AL_MAYADEEN)), 404)


def test_a_member_of_another_project_only_gets_404_for_this_projects_story(
    seed, people, client_for
):
    elsewhere = project_create(name="Elsewhere", owner=people.outsider)
    response = client_for(people.outsider).get(pairs_url(seed, elsewhere))
    assert_error(response, 404)


def test_a_document_outside_the_story_or_project_is_404_and_the_same_document_twice_400(
    seed, people, client_for
):
    manager = client_for(people.manager)
    axios = seed.document(AXIOS).pk
    story = seed.story.pk
    assert_error(manager.get(f"/api/v1/stories/{story}/rewrites/{axios}/999999/"), 404)
    beyond = 2**64
    assert_error(manager.get(f"/api/v1/stories/{story}/rewrites/{axios}/{beyond}/"), 404)
    assert_error(manager.get(f"/api/v1/stories/{beyond}/rewrites/"), 404)
    error = assert_error(manager.get(f"/api/v1/stories/{story}/rewrites/{axios}/{axios}/"), 400)
    assert "rewrite_id" in error["details"]


def test_a_story_none_of_the_callers_projects_hold_is_404(people, client_for):
    assert_error(client_for(people.manager).get("/api/v1/stories/987654/rewrites/"), 404)


def test_the_alignment_reads_a_fixed_number_of_queries_cold_and_warm(seed, people, client_for):
    client = client_for(people.manager)
    counted = []
    for _ in range(2):  # cold: the texts read and the answer cached; warm: one cache read
        with CaptureQueriesContext(connection) as queries:
            assert client.get(alignment_url(seed, AXIOS, AL_MAYADEEN)).status_code == 200
        counted.append(len(queries))
    assert counted[0] <= 12 and counted[1] <= 6


def test_both_responses_keep_to_their_declared_schemas(seed, people, client_for):
    api = SchemaGenerator().get_schema(request=None, public=True)
    client = client_for(people.annotator)
    for path, url in [
        ("/api/v1/stories/{story_id}/rewrites/", pairs_url(seed)),
        (
            "/api/v1/stories/{story_id}/rewrites/{original_id}/{rewrite_id}/",
            alignment_url(seed, AXIOS, AL_MAYADEEN),
        ),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert_keeps_to_its_schema(api, path, "get", response)
