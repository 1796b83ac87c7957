"""The one writer of corpus documents (``corpus.services.documents_write``), and the two
imports that store through it: the same input gives the same document either way."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from importlib import import_module
from typing import Any

import orjson
import pytest
from django.db import IntegrityError, connection, transaction

from annotations.services.imports import annotations_import
from annotations.services.projects import project_create
from corpus.models import Document, Outlet, Story
from corpus.services import DocumentInput, documents_import, documents_write
from tests.corpus.sample_articles import LEAD, jsonl
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEXT = "Bridge to close\r\n\r\nCafe\u0301 owners fear the worst. " + LEAD + "\r\n"
STORED_FIELDS = ("text", "raw", "sha256", "title", "url", "language", "published_at")


def document_input(text: str, **fields: Any) -> DocumentInput:
    return DocumentInput(text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), **fields)


def annotation_import(*records: dict[str, Any]) -> None:
    owner = UserFactory(username="owner")
    project = project_create(name=f"Project {Document.objects.count()}", owner=owner)
    data = b"".join(orjson.dumps({**record, "sets": []}) + b"\n" for record in records)
    outcome = annotations_import(
        project=project, user=owner, fmt="jsonl", files=[("a.jsonl", data)]
    )
    assert outcome.ok, outcome.errors


def stored(document: Document) -> dict[str, Any]:
    document.refresh_from_db()
    fields = {name: getattr(document, name) for name in STORED_FIELDS}
    fields["story"] = document.story.name if document.story else None
    fields["outlet"] = (document.outlet.name, document.outlet.domain) if document.outlet else None
    return fields


def test_the_annotation_import_and_the_corpus_import_store_the_same_fields() -> None:
    fields = {
        "title": "Bridge to close",
        "url": "https://www.ledger.example/bridge",
        "published_at": "2031-03-02T08:00:00",  # no zone: both take it as UTC
        "language": "fr",
        "story": "Harbour bridge",
    }
    report = documents_import(
        files=[("a.jsonl", jsonl({"text": TEXT, "outlet": "Harbour Ledger", **fields}))],
        clean=False,
    )
    through_corpus = stored(report.created[0])
    Document.objects.all().delete()
    Story.objects.all().delete()
    Outlet.objects.all().delete()
    outlet = {"name": "Harbour Ledger", "domain": "ledger.example"}
    annotation_import({"text": TEXT, "outlet": outlet, **fields})
    through_annotations = stored(Document.objects.get())
    assert through_annotations == through_corpus
    assert through_corpus["raw"] == TEXT != through_corpus["text"]
    assert through_corpus["published_at"] == datetime(2031, 3, 2, 8, tzinfo=UTC)
    assert through_corpus["outlet"] == ("Harbour Ledger", "ledger.example")


def test_both_imports_cut_long_story_and_outlet_names_alike_and_share_the_rows() -> None:
    story = "A story whose name runs on " + "and on " * 60
    domain = "news-" + "x" * 240 + ".example"
    report = documents_import(
        files=[("a.jsonl", jsonl({"text": "First text. " + LEAD, "url": f"https://{domain}/1"}))],
        story_name=story,
    )
    assert report.errors == []
    annotation_import(
        {
            "text": "Second text. " + LEAD,
            "story": story,
            "outlet": {"name": domain, "domain": domain},
        }
    )
    assert [s.name for s in Story.objects.all()] == [story.strip()[:300]]
    assert [(o.name, o.domain) for o in Outlet.objects.all()] == [(domain[:200], domain[:200])]
    assert {(d.story_id, d.outlet_id) for d in Document.objects.all()} == {
        (Story.objects.get().pk, Outlet.objects.get().pk)
    }


def test_an_outlet_is_found_whatever_the_case_and_spacing_of_its_name() -> None:
    existing = Outlet.objects.create(name="Harbour Ledger")
    written = documents_write(
        [
            document_input("One. " + LEAD, outlet="harbour  ledger"),
            document_input("Two. " + LEAD, outlet="HARBOUR LEDGER"),
        ]
    )
    assert [d.outlet_id for d in written.documents] == [existing.pk, existing.pk]
    assert Outlet.objects.count() == 1


def test_a_text_already_in_the_corpus_is_reused_and_counted_as_not_created() -> None:
    first = documents_write([document_input(LEAD, title="First")])
    again = documents_write([document_input(LEAD, title="Again"), document_input("Other. " + LEAD)])
    assert again.documents[0].pk == first.documents[0].pk
    assert again.documents[0].title == "First"
    assert [d.pk for d in again.created] == [again.documents[1].pk]
    assert Document.objects.count() == 2


def test_without_reuse_a_text_already_in_the_corpus_fails_the_copy() -> None:
    documents_write([document_input(LEAD)])
    with pytest.raises(IntegrityError):
        documents_write([document_input(LEAD)], reuse=False)


def test_new_rows_go_in_in_hash_order_with_ids_in_input_order(monkeypatch) -> None:  # noqa: ANN001
    """Two imports sharing texts meet them in one order (the hash's), so one waits for the
    other instead of both waiting for each other (a deadlock) on the unique index."""
    from corpus.services import document_copy

    sent: list[str] = []
    write = document_copy.DocumentCopy.write

    def spy(self, row, *rest):  # noqa: ANN001, ANN002, ANN202 - records, then writes for real
        sent.append(row.sha256)
        return write(self, row, *rest)

    monkeypatch.setattr(document_copy.DocumentCopy, "write", spy)
    inputs = [document_input(f"Report {n}. {LEAD}") for n in range(6)]

    written = documents_write(inputs)

    assert [d.sha256 for d in written.documents] == [i.sha256 for i in inputs]
    ids = [d.pk for d in written.documents]
    assert ids == sorted(ids)
    assert sent == sorted(i.sha256 for i in inputs) != [i.sha256 for i in inputs]
    assert Document.objects.filter(pk__in=ids).count() == 6


def test_a_text_given_twice_is_stored_once() -> None:
    written = documents_write([document_input(LEAD), document_input(LEAD)])
    assert written.documents[0] is written.documents[1]
    assert len(written.created) == 1


def test_new_rows_have_their_ids_and_everything_they_were_given() -> None:
    (row,) = documents_write(
        [
            document_input(
                "Cafe. " + LEAD,
                title="T" * 600,
                url="https://ledger.example/" + "p" * 2100,
                language="en-GB-oxendict-x-local",
                raw="Cafe. " + LEAD,
                meta={"k": 1},
                zones=[{"kind": "body", "start": 0, "end": 5}],
                published_at=datetime(2031, 3, 2, 8),
            )
        ]
    ).created
    fresh = Document.objects.get(pk=row.pk)
    assert (len(fresh.title), len(fresh.url), fresh.language) == (500, 2000, "en-GB-oxendict-x")
    assert fresh.raw == ""  # the same as the text
    assert (fresh.meta, fresh.zones) == ({"k": 1}, [{"kind": "body", "start": 0, "end": 5}])
    assert fresh.published_at == datetime(2031, 3, 2, 8, tzinfo=UTC)
    assert fresh.search is None  # filled after the import


def test_the_database_refuses_a_second_outlet_differing_only_in_case() -> None:
    Outlet.objects.create(name="Harbour Ledger")
    with pytest.raises(IntegrityError), transaction.atomic():
        Outlet.objects.create(name="harbour ledger")


def test_the_migration_merges_outlets_differing_only_in_case_into_the_oldest() -> None:
    """Migration 0003 makes outlet names unique ignoring case; outlets made before it that
    differ only in case are merged first, their documents moved to the oldest row."""
    merge = import_module("corpus.migrations.0003_outlet_name_unique_folded")
    with connection.cursor() as cursor:  # as before the migration (rolled back with the test)
        cursor.execute("DROP INDEX outlet_name_unique_folded")
    oldest = Outlet.objects.create(name="Harbour Ledger")
    copies = [Outlet.objects.create(name=n) for n in ("harbour ledger", "HARBOUR LEDGER")]
    other = Outlet.objects.create(name="Quay Observer")
    written = documents_write([document_input(f"Report {n}. {LEAD}") for n in range(4)])
    for document, outlet in zip(written.documents, [oldest, *copies, other], strict=True):
        Document.objects.filter(pk=document.pk).update(outlet=outlet)

    with connection.cursor() as cursor:
        for statement in merge.MERGE:
            cursor.execute(statement)

    assert sorted(Outlet.objects.values_list("name", flat=True)) == [
        "Harbour Ledger",
        "Quay Observer",
    ]
    outlets = Document.objects.order_by("id").values_list("outlet__name", flat=True)
    assert list(outlets) == ["Harbour Ledger"] * 3 + ["Quay Observer"]
