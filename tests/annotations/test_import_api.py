"""Importing documents into a project by multipart upload."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from annotations.models import ProjectDocument


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _url(people) -> str:  # noqa: ANN001
    return f"/api/v1/projects/{people.project.pk}/documents/import/"


def test_the_seed_articles_upload_as_one_story_into_the_queue(people, client_for, seeds_dir):
    files = [_upload(p.name, p.read_bytes()) for p in sorted(seeds_dir.glob("*.txt"))]
    response = client_for(people.manager).post(
        _url(people), {"files": files, "story": "Hostage talks"}, format="multipart"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["counts"]["created"] == 5
    assert body["added_to_project"] == 5
    queued = ProjectDocument.objects.filter(project=people.project).count()
    assert queued == len(people.documents) + 5


def test_uploading_the_same_files_again_creates_nothing(people, client_for, seeds_dir):
    path = sorted(seeds_dir.glob("*.txt"))[0]
    client = client_for(people.manager)
    client.post(_url(people), {"files": [_upload(path.name, path.read_bytes())]})
    again = client.post(_url(people), {"files": [_upload(path.name, path.read_bytes())]})
    assert again.status_code == 201
    counts = again.json()["counts"]
    assert (counts["created"], counts["existing"]) == (0, 1)
    assert again.json()["added_to_project"] == 0


def test_a_bad_jsonl_line_is_reported_with_its_line_and_the_good_lines_land(people, client_for):
    data = (
        b'{"text": "The mayor said the bridge would reopen.", "title": "Bridge"}\n'
        b'{"text": broken json}\n'
        b'{"title": "no text here"}\n'
        b'{"text": "Officials said the vote was delayed.", "title": "Vote"}\n'
    )
    response = client_for(people.manager).post(
        _url(people), {"files": [_upload("batch.jsonl", data)]}, format="multipart"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["counts"]["created"] == 2
    assert sorted((e["file"], e["line"]) for e in body["errors"]) == [
        ("batch.jsonl", 2),
        ("batch.jsonl", 3),
    ]


def test_an_annotator_may_not_import(people, client_for):
    response = client_for(people.annotator).post(
        _url(people), {"files": [_upload("a.txt", b"Some text.")]}, format="multipart"
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_an_upload_without_files_is_a_clear_400(people, client_for):
    response = client_for(people.manager).post(_url(people), {"story": "x"}, format="multipart")
    assert response.status_code == 400
    assert "files" in response.json()["error"]["details"]


@override_settings(CLAIMLENS_MAX_UPLOAD_BYTES=100)
def test_a_file_over_the_size_limit_is_refused_by_name(people, client_for):
    response = client_for(people.manager).post(
        _url(people), {"files": [_upload("big.txt", b"x" * 200)]}, format="multipart"
    )
    assert response.status_code == 400
    assert "big.txt" in response.json()["error"]["message"] + str(
        response.json()["error"]["details"]
    )
