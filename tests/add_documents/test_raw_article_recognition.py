"""The annotation import recognises raw articles and points to the Add documents page with
one message, instead of an error per line of each article."""

from __future__ import annotations

import orjson
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from annotations.models import ProjectDocument
from annotations.services.imports.raw_articles import raw_articles

ARTICLE = b"Harbour road closed\n\nBy Mara Okafor\n\nA fire closed the harbour road on Tuesday.\n"
TEXT_LINES = b'{"text": "A fire closed the road.", "title": "Fire"}\n{"text": "It reopened."}\n'
DOCCANO = b'{"text": "Ana Ruiz said so.", "label": [[0, 8, "SOURCE"]]}\n'
NATIVE = b'{"claimlens": "document", "text": "Ana Ruiz said so.", "sets": []}\n'


@pytest.mark.parametrize(
    ("fmt", "name", "data"),
    [
        ("jsonl", "article.txt", ARTICLE),
        ("jsonl", "page.html", b"<!doctype html><p>A fire.</p>"),
        ("jsonl", "article", ARTICLE),  # no extension: not JSON at all
        ("jsonl", "texts.jsonl", TEXT_LINES),
        ("doccano", "texts.jsonl", b"\xef\xbb\xbf" + TEXT_LINES),
        ("mapped-jsonl", "article.txt", ARTICLE),
        ("label-studio", "page.htm", b"<html></html>"),
        ("brat", "corpus/article.txt", ARTICLE),
    ],
)
def test_a_file_of_plain_article_text_is_recognised(fmt, name, data):
    assert raw_articles(fmt, [(name, data)]) == [name]


@pytest.mark.parametrize(
    ("fmt", "name", "data"),
    [
        ("jsonl", "export.jsonl", NATIVE),
        ("doccano", "labelled.jsonl", DOCCANO),
        ("mapped-jsonl", "texts.jsonl", TEXT_LINES),  # a mapping may read texts alone
        ("label-studio", "tasks.json", b'[{"data": {"text": "A fire."}}]'),
        ("jsonl", "empty.jsonl", b""),
    ],
)
def test_annotated_data_and_mapped_texts_are_left_to_their_reader(fmt, name, data):
    assert raw_articles(fmt, [(name, data)]) == []


def test_a_brat_upload_with_ann_files_is_annotated_data():
    files = [("doc.txt", ARTICLE), ("doc.ann", b"T1\tSOURCE 0 4\tMara\n")]
    assert raw_articles("brat", files) == []


def _url(people) -> str:  # noqa: ANN001
    return f"/api/v1/projects/{people.project.pk}/import/"


def test_the_seed_articles_given_as_annotations_get_one_pointer_to_add_documents(
    people, client_for, seeds_dir
):
    paths = sorted(seeds_dir.glob("*.txt"))
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths]
    before = ProjectDocument.objects.filter(project=people.project).count()
    response = client_for(people.manager).post(
        _url(people), {"files": files, "format": "jsonl"}, format="multipart"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "raw_articles"
    assert "Add documents" in error["message"]
    assert error["details"]["add_documents_url"] == f"/projects/{people.project.pk}/documents/add/"
    assert error["details"]["raw_articles"] == [p.name for p in paths]
    assert error["details"]["error_count"] == 1
    assert ProjectDocument.objects.filter(project=people.project).count() == before


def test_a_jsonl_of_texts_without_spans_is_pointed_to_add_documents_too(people, client_for):
    lines = b"\n".join(
        orjson.dumps({"text": f"Report {n}: the road reopened."}) for n in range(200)
    )
    response = client_for(people.manager).post(
        _url(people),
        {"files": [SimpleUploadedFile("scraped.jsonl", lines)], "format": "doccano"},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "raw_articles"
