"""Readers of each format: records, or errors as data with file and line."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime

from corpus.importers import format_guess, reader_for
from corpus.importers.records import SourceRecord
from corpus.issues import Issue
from tests.corpus.sample_articles import jsonl

ARTICLE = "Bridge to close\n\n“It is not safe,” the mayor said on Tuesday, officials said.\n"


def read(fmt: str, name: str, data: bytes) -> list[SourceRecord | Issue]:
    return list(reader_for(fmt)(name, data))


def test_format_is_guessed_from_the_extension() -> None:
    assert [format_guess(n) for n in ("a.txt", "b.JSONL", "c.csv", "d.htm", "e.html", "f.pdf")] == [
        "txt", "jsonl", "csv", "html", "html", None
    ]  # fmt: skip


def test_a_txt_file_is_one_record() -> None:
    (record,) = read("txt", "a.txt", ARTICLE.encode())
    assert isinstance(record, SourceRecord)
    assert (record.file, record.line, record.text) == ("a.txt", None, ARTICLE)


def test_utf8_with_bom_loses_the_bom() -> None:
    (record,) = read("txt", "a.txt", codecs.BOM_UTF8 + ARTICLE.encode())
    assert record.text == ARTICLE


def test_a_utf16_file_with_bom_is_decoded() -> None:
    for encoding in ("utf-16", "utf-16-be"):
        data = ARTICLE.encode(encoding)
        if encoding == "utf-16-be":
            data = codecs.BOM_UTF16_BE + data
        (record,) = read("txt", "a.txt", data)
        assert record.text == ARTICLE


def test_undecodable_bytes_give_an_error_naming_the_file_and_byte() -> None:
    (error,) = read("txt", "latin.txt", "Bridge\ncafé closes".encode("latin-1"))
    assert isinstance(error, Issue)
    assert error.file == "latin.txt"
    assert error.line == 2
    assert "latin.txt" in error.message and "UTF-8" in error.message and "e9" in error.message


def test_an_empty_file_is_an_error() -> None:
    for fmt in ("txt", "jsonl", "csv", "html"):
        (error,) = read(fmt, f"empty.{fmt}", b"  \n")
        assert isinstance(error, Issue)
        assert "empty file" in error.message


def test_jsonl_records_carry_their_fields_and_line_numbers() -> None:
    data = jsonl(
        {"text": ARTICLE, "title": "Bridge", "url": "https://ledger.example/1", "outlet": "Ledger",
         "published_at": "2031-03-02", "language": "en", "meta": {"k": 1}, "story": "Bridge"},
        {"text": "Second article text here.", "id": "x-2"},
    )  # fmt: skip
    first, second = read("jsonl", "a.jsonl", data)
    assert (first.line, first.title, first.outlet, first.story) == (1, "Bridge", "Ledger", "Bridge")
    assert first.published_at == datetime(2031, 3, 2, tzinfo=UTC)
    assert first.meta == {"k": 1}
    assert (second.line, second.meta) == (2, {"extra": {"id": "x-2"}})


def test_a_bad_json_line_is_an_error_with_its_line_and_the_others_still_read() -> None:
    data = jsonl({"text": "one"}) + b'{"text": "two",\n' + b"\n" + jsonl({"text": "four"})
    items = read("jsonl", "a.jsonl", data)
    assert [type(i).__name__ for i in items] == ["SourceRecord", "Issue", "SourceRecord"]
    assert items[1].line == 2 and "not valid JSON" in items[1].message
    assert items[2].line == 4


def test_jsonl_field_errors_name_the_field() -> None:
    data = jsonl(
        {"title": "no text"},
        {"text": "   "},
        {"text": 5},
        {"text": "ok", "published_at": "last Tuesday"},
        {"text": "ok", "meta": [1]},
        {"text": "ok", "title": 3},
        [1, 2],
    )
    messages = [(i.line, i.message) for i in read("jsonl", "a.jsonl", data)]
    assert messages == [
        (1, 'missing "text"'),
        (2, '"text" is empty'),
        (3, '"text" must be a string, not int'),
        (4, "\"published_at\" is not an ISO 8601 date: 'last Tuesday'"),
        (5, '"meta" must be a JSON object'),
        (6, '"title" must be a string, not int'),
        (7, "expected a JSON object, got list"),
    ]


def test_csv_rows_are_records_with_the_line_where_they_start() -> None:
    data = (
        b"title,text,meta,published_at\r\n"
        b'One,"First line\r\nsecond line",{"k": 1},2031-03-02T08:00:00Z\r\n'
        b"Two,Plain text,,\r\n"
    )
    first, second = read("csv", "a.csv", data)
    assert (first.line, first.title, first.meta) == (2, "One", {"k": 1})
    assert first.text == "First line\r\nsecond line"
    assert first.published_at == datetime(2031, 3, 2, 8, tzinfo=UTC)
    assert (second.line, second.text) == (4, "Plain text")


def test_csv_without_a_text_column_is_one_error() -> None:
    (error,) = read("csv", "a.csv", b"title,body\nOne,Two\n")
    assert (error.line, error.message) == (1, 'the header row has no "text" column')


def test_csv_bad_rows_are_errors_and_the_others_still_read() -> None:
    data = b"title,text,meta\nOne,,\nTwo,Text,{bad\nThree,Text,\n"
    items = read("csv", "a.csv", data)
    assert [(i.line, getattr(i, "message", "ok")) for i in items][0] == (2, '"text" is empty')
    assert items[1].line == 3 and '"meta" is not valid JSON' in items[1].message
    assert isinstance(items[2], SourceRecord) and items[2].title == "Three"


def test_a_utf16_csv_file_is_read() -> None:
    data = "title,text\nCafé,Le café ferme\n".encode("utf-16")
    (record,) = read("csv", "a.csv", data)
    assert (record.title, record.text) == ("Café", "Le café ferme")


def test_html_article_text_and_metadata_are_extracted_without_network() -> None:
    paragraphs = "".join(
        f"<p>“We will not move on point {i},” the mayor said on Tuesday, according to "
        "officials who spoke to reporters at the harbour office about the bridge.</p>\n"
        for i in range(6)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>Bridge to close - Harbour Ledger</title>'
        '<meta property="og:site_name" content="Harbour Ledger">'
        '<meta property="article:published_time" content="2024-03-02T08:00:00Z">'
        '<link rel="canonical" href="https://ledger.example/bridge"></head><body>'
        '<nav><a href="/">Skip to content</a></nav><article><h1>Bridge to close</h1>'
        f"{paragraphs}</article><footer>© 2031 Ledger</footer></body></html>"
    )
    (record,) = read("html", "page.html", page.encode())
    assert isinstance(record, SourceRecord)
    assert record.title == "Bridge to close"
    assert record.outlet == "Harbour Ledger"
    assert record.url == "https://ledger.example/bridge"
    assert record.published_at is not None
    assert record.published_at.date().isoformat() == "2024-03-02"
    assert "“We will not move on point 3,” the mayor said" in record.text
    assert record.raw == page


def test_an_html_page_without_an_article_is_an_error() -> None:
    (error,) = read("html", "nav.html", b"<html><body><nav></nav></body></html>")
    assert isinstance(error, Issue)
    assert "no article text" in error.message
