"""documents_import: documents stored whole, duplicates skipped, near-duplicates flagged."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest
from django.db import IntegrityError

from corpus.models import Document, Outlet, Story
from corpus.services import documents_import
from tests.corpus.sample_articles import LEAD, jsonl

pytestmark = pytest.mark.django_db

QUOTES = [
    "“The bridge is not safe for the heavy trucks that cross it every single morning,” "
    "the mayor said.",
    "“We will open a temporary ferry line for commuters as soon as the divers report back,” "
    "she added.",
    "“Nobody in this council wants to close the bridge in the middle of the busy season,” he said.",
    "“The repairs will cost far more than the budget the council approved last spring,” "
    "one engineer warned.",
    "“Shops on the harbour front will lose most of their customers during the closure,” "
    "a trader said.",
]


def article(title: str, *paragraphs: str) -> str:
    return "\n\n".join([title, LEAD, *paragraphs]) + "\n"


def test_a_txt_file_becomes_a_document_with_all_its_fields() -> None:
    raw = "Skip to Content\r\n" + article("Bridge to close", *QUOTES).replace("\n", "\r\n")
    report = documents_import(files=[("bridge.txt", raw.encode())], story_name="Bridge")
    (document,) = report.created
    document.refresh_from_db()
    assert document.title == "Bridge to close"
    assert document.raw == raw
    assert "Skip to Content" not in document.text and "\r" not in document.text
    assert document.sha256 == hashlib.sha256(document.text.encode()).hexdigest()
    assert document.story == Story.objects.get(name="Bridge")
    assert document.meta["cleaning"]["removed"] == [
        {"line": 1, "rule": "navigation", "text": "Skip to Content"}
    ]
    assert document.meta["source"] == {"file": "bridge.txt", "line": None, "format": "txt"}
    assert document.zones[0] == {"kind": "headline", "start": 0, "end": len("Bridge to close")}
    assert report.to_dict()["removed_lines"] == {"total": 1, "by_rule": {"navigation": 1}}


def test_jsonl_metadata_lands_in_the_document_and_outlets_are_reused() -> None:
    Outlet.objects.create(name="Harbour Ledger")
    first_record = {
        "text": article("Bridge to close", QUOTES[0]),
        "title": "Bridge shuts",
        "outlet": "harbour ledger",
        "url": "https://ledger.example/1",
        "published_at": "2031-03-02T08:00:00+01:00",
        "language": "fr",
        "meta": {"k": 1},
    }
    data = jsonl(
        first_record, {"text": article("Ferry to run", QUOTES[1]), "outlet": "Harbour  Ledger"}
    )
    report = documents_import(files=[("a.jsonl", data)])
    first, second = report.created
    assert Outlet.objects.count() == 1
    assert first.outlet == second.outlet == Outlet.objects.get()
    assert (first.title, first.language) == ("Bridge shuts", "fr")
    assert first.url == "https://ledger.example/1"
    assert first.published_at == datetime(2031, 3, 2, 7, tzinfo=UTC)
    assert first.meta["k"] == 1 and "cleaning" in first.meta
    assert second.meta["source"]["line"] == 2


def test_an_outlet_found_in_the_text_is_created_with_its_domain() -> None:
    text = article("Bridge to close", "Two officials told Axios the plan was ready and signed.")
    report = documents_import(files=[("a.txt", text.encode())])
    assert report.created[0].outlet.name == "Axios"
    assert Outlet.objects.get(name="Axios").domain == "axios.com"


def test_a_text_already_in_the_corpus_is_returned_as_existing_not_created_again() -> None:
    files = [("a.txt", article("Bridge to close", QUOTES[0]).encode())]
    first = documents_import(files=files)
    again = documents_import(files=files, story_name="Other")
    assert again.created == []
    assert [d.pk for d in again.existing] == [d.pk for d in first.created]
    assert [d.pk for d in again.documents] == [d.pk for d in first.created]
    assert Document.objects.count() == 1
    assert again.to_dict()["counts"]["existing"] == 1


def test_texts_equal_after_cleaning_are_one_document() -> None:
    text = article("Bridge to close", QUOTES[0])
    variants = [text, text.replace("\n", "\r\n") + "Most Popular\n", "  " + text]
    report = documents_import(files=[(f"{i}.txt", v.encode()) for i, v in enumerate(variants)])
    assert len(report.created) == 1
    assert [(r.file, r.message) for r in report.repeated] == [
        ("1.txt", "same text as 0.txt"),
        ("2.txt", "same text as 0.txt"),
    ]
    assert len(report.documents) == 1


def test_documents_come_back_in_input_order_mixing_created_and_existing() -> None:
    a, b, c = (article(f"Story {n}", QUOTES[n]).encode() for n in range(3))
    old = documents_import(files=[("b.txt", b)]).created[0]
    report = documents_import(files=[("a.txt", a), ("b.txt", b), ("c.txt", c)])
    assert [d.title for d in report.documents] == ["Story 0", "Story 1", "Story 2"]
    assert report.documents[1].pk == old.pk


def test_errors_name_file_and_line_and_never_stop_the_good_inputs() -> None:
    data = jsonl({"text": article("Good one", QUOTES[0])}) + b"{broken\n" + jsonl({"title": "x"})
    report = documents_import(
        files=[("a.jsonl", data), ("b.pdf", b"%PDF"), ("c.txt", "café".encode("latin-1"))]
    )
    assert len(report.created) == 1
    errors = [(e.file, e.line) for e in report.errors]
    assert errors == [("a.jsonl", 2), ("a.jsonl", 3), ("b.pdf", None), ("c.txt", 1)]
    assert report.to_dict()["errors"][0]["line"] == 2


def test_a_text_that_is_only_boilerplate_is_an_error_not_an_empty_document() -> None:
    report = documents_import(files=[("nav.txt", b"Skip to Content\nMost Popular\nread more:\n")])
    assert report.created == []
    assert report.errors[0].message == "no text left after cleaning"


def test_without_cleaning_only_nfc_and_newlines_change() -> None:
    raw = "Skip to Content\r\nCafe\u0301 closes  \r\n"
    report = documents_import(files=[("a.txt", raw.encode())], clean=False)
    assert report.created[0].text == "Skip to Content\nCafé closes  \n"
    assert report.created[0].meta["cleaning"]["enabled"] is False


def test_a_failed_batch_leaves_no_document_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    from corpus.services import document_writer

    def broken_build(*args: object, **kwargs: object) -> Document:
        document = original(*args, **kwargs)
        if document.title == "Story 1":
            document.sha256 = "not-a-hash"  # violates the database's check constraint
        return document

    original = document_writer._row
    monkeypatch.setattr(document_writer, "_row", broken_build)
    files = [(f"{n}.txt", article(f"Story {n}", QUOTES[n]).encode()) for n in range(3)]
    with pytest.raises(IntegrityError):
        documents_import(files=files, story_name="Half")
    assert Document.objects.count() == 0


def test_a_nul_character_is_an_error_for_its_record_and_the_good_files_still_import() -> None:
    good = article("Bridge to close", QUOTES[0]).encode()
    bad_text = article("Ferry line opens", QUOTES[1]).replace("ferry", "fer\x00ry").encode()
    bad_meta = jsonl({"text": article("Shops fear losses", QUOTES[4]), "meta": {"k": "a\u0000b"}})
    report = documents_import(
        files=[("good.txt", good), ("bad.txt", bad_text), ("bad.jsonl", bad_meta)]
    )
    assert [doc.title for doc in report.created] == ["Bridge to close"]
    assert [(e.file, e.line, e.message) for e in report.errors] == [
        ("bad.txt", None, '"text" holds a NUL character (U+0000), which cannot be stored'),
        ("bad.jsonl", 1, '"meta" holds a NUL character (U+0000), which cannot be stored'),
    ]
    assert Document.objects.count() == 1


def test_a_re_report_of_an_article_in_the_same_story_is_flagged_as_near_duplicate() -> None:
    original = article("Council closes bridge", *QUOTES)
    documents_import(files=[("orig.txt", original.encode())], story_name="Bridge")
    rereport = article(
        "Ledger: council shuts bridge, report says",
        "The Ledger reported on Tuesday that the council had made its decision.",
        *(q.replace("the mayor said", "the mayor was quoted as saying") for q in QUOTES[:3]),
    )
    unrelated = article("Festival dates announced", "The festival will start in June this year.")
    report = documents_import(
        files=[("re.txt", rereport.encode()), ("other.txt", unrelated.encode())],
        story_name="Bridge",
    )
    original_doc = Document.objects.get(title="Council closes bridge")
    (pair,) = report.near_duplicates
    assert pair["document"] == report.created[0].pk
    assert pair["similar_to"] == original_doc.pk
    assert pair["similarity"] >= 0.2


def test_near_duplicates_are_looked_for_only_inside_the_story() -> None:
    original = article("Council closes bridge", *QUOTES)
    documents_import(files=[("orig.txt", original.encode())], story_name="Bridge")
    copy = article("Council shuts bridge", *QUOTES)
    report = documents_import(files=[("copy.txt", copy.encode())], story_name="Elsewhere")
    assert report.near_duplicates == []


def test_the_report_is_json_serialisable() -> None:
    report = documents_import(files=[("a.txt", article("Bridge to close", QUOTES[0]).encode())])
    body = json.loads(json.dumps(report.to_dict()))
    assert body["counts"] == {
        "created": 1, "existing": 0, "repeated": 0, "errors": 0, "near_duplicates": 0
    }  # fmt: skip
    assert body["documents"][0]["created"] is True


def test_a_nul_in_a_json_line_is_found_in_whichever_field_holds_it() -> None:
    lines = jsonl(
        {"text": article("Bridge to close", QUOTES[0]).replace("bridge", "bri\x00dge")},
        {"text": article("Ferry line opens", QUOTES[1]), "title": "Fer\x00ry"},
        {"text": article("Shops fear losses", QUOTES[4])},
    )
    report = documents_import(files=[("lines.jsonl", lines)])
    assert [(e.line, e.message[:8]) for e in report.errors] == [(1, '"text" h'), (2, '"title" ')]
    assert [doc.title for doc in report.created] == ["Shops fear losses"]


def test_the_documents_an_import_reports_read_their_long_columns_from_the_database() -> None:
    """The request's process copies a document's text, raw, meta and zones as the cleaning
    process encoded them; the row it reports does not hold them until they are read."""
    raw = "Skip to Content\n\n" + article("Bridge to close", QUOTES[0])
    report = documents_import(files=[("a.jsonl", jsonl({"text": raw, "meta": {"k": 1}}))])
    (document,) = report.created
    assert document.get_deferred_fields() == {"text", "raw", "meta", "zones"}
    stored = Document.objects.get(pk=document.pk)
    assert (document.text, document.raw, document.zones) == (stored.text, raw, stored.zones)
    assert document.meta == stored.meta and document.meta["k"] == 1
