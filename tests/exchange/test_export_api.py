"""The export endpoint streams a project in a format, filtered, to managers and reviewers."""

from __future__ import annotations

import orjson
import pytest

from annotations.formats import export_formats, import_formats
from tests.exchange.helpers import exported, lines

pytestmark = pytest.mark.django_db


def url(annotated, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/api/v1/projects/{annotated.project.pk}/export/?{query}"


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_manager_downloads_the_native_export_as_a_stream(annotated, client_for):
    response = client_for(annotated.people.manager).get(url(annotated, format="jsonl"))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/x-ndjson"
    assert 'filename="test-project-' in response["Content-Disposition"]
    assert lines(body(response)) == lines(exported(annotated.project))


def test_a_reviewer_may_export_but_an_annotator_may_not(annotated, client_for):
    assert (
        client_for(annotated.people.reviewer).get(url(annotated, format="jsonl")).status_code == 200
    )
    refused = client_for(annotated.people.annotator).get(url(annotated, format="jsonl"))
    assert refused.status_code == 403
    assert (
        client_for(annotated.people.outsider).get(url(annotated, format="jsonl")).status_code == 404
    )


def test_an_unknown_format_is_a_clear_400(annotated, client_for):
    response = client_for(annotated.people.manager).get(url(annotated, format="docx"))
    assert response.status_code == 400
    error = orjson.loads(response.content)["error"]
    assert "unknown format 'docx'" in error["details"]["format"][0]


def test_bad_filter_values_are_named(annotated, client_for):
    response = client_for(annotated.people.manager).get(
        url(annotated, format="jsonl", status="finished", story="x")
    )
    assert response.status_code == 400
    details = orjson.loads(response.content)["error"]["details"]
    assert set(details) == {"status", "story"}


def layers(data: bytes) -> list[list[tuple]]:
    return [
        [(s["kind"], s["author"] or s["model_name"]) for s in record["sets"]]
        for record in lines(data)[1:]
    ]


def test_gold_only_keeps_the_gold_sets_and_their_documents(annotated, client_for):
    response = client_for(annotated.people.manager).get(
        url(annotated, format="jsonl", gold_only="true")
    )
    assert layers(body(response)) == [[("gold", "reviewer")]]


def test_an_author_filter_keeps_that_persons_sets(annotated, client_for):
    response = client_for(annotated.people.manager).get(
        url(annotated, format="jsonl", author="annotator")
    )
    assert layers(body(response)) == [[("annotator", "annotator")], [("annotator", "annotator")]]


def test_status_story_and_outlet_filters(annotated, client_for):
    client = client_for(annotated.people.manager)
    in_progress = body(client.get(url(annotated, format="jsonl", status="in_progress")))
    assert len(lines(in_progress)) == 3  # header and both documents: every set is in progress
    assert body(client.get(url(annotated, format="jsonl", status="submitted"))).count(b"\n") == 1
    outlet = annotated.people.documents[1].outlet_id
    by_outlet = lines(body(client.get(url(annotated, format="jsonl", outlet=outlet))))
    assert [r["id"] for r in by_outlet[1:]] == [annotated.people.documents[1].pk]
    story = annotated.people.story.pk
    assert len(lines(body(client.get(url(annotated, format="jsonl", story=story))))) == 3
    assert len(lines(body(client.get(url(annotated, format="jsonl", story=story + 999))))) == 1


def test_the_format_list_names_every_format(annotated, client_for):
    response = client_for(annotated.people.manager).get("/api/v1/formats/")
    listed = orjson.loads(response.content)
    assert [f["name"] for f in listed["export"]] == export_formats()
    assert [f["name"] for f in listed["import"]] == import_formats()
    assert "jsonl" in export_formats() and "jsonl" in import_formats()
