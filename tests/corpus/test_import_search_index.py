"""The import leaves ``search`` NULL and queues a task to fill it; searches are right
either way; ``raw`` is stored only when it differs from ``text``; the fast COPY path falls
back to the careful one when a text is already in the corpus."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from corpus.models import Document
from corpus.selectors import documents_search
from corpus.services import documents_import
from tests.corpus.sample_articles import LEAD

pytestmark = pytest.mark.django_db


def article(title: str, word: str) -> str:
    second = f"The {word} was the talk of the market all week long, traders said."
    return f"{title}\n\n{LEAD}\n\n{second}\n"


def jsonl(*texts: str) -> bytes:
    return "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts).encode()


def test_search_finds_documents_before_and_after_indexing() -> None:
    texts = jsonl(article("Pelicans return", "pelican"), article("Herons nest", "heron"))
    documents_import(files=[("a.jsonl", texts)], story_name="Birds")
    assert Document.objects.filter(search__isnull=True).count() == 2
    found = documents_search(Document.objects.all(), "pelicans")
    assert [d.title for d in found] == ["Pelicans return"]
    out = StringIO()
    call_command("index_search", stdout=out)
    assert "2 documents indexed" in out.getvalue()
    assert not Document.objects.filter(search__isnull=True).exists()
    assert [d.title for d in documents_search(Document.objects.all(), "heron")] == ["Herons nest"]
    assert list(documents_search(Document.objects.all(), "albatross")) == []


def test_the_import_queues_indexing_after_commit(django_capture_on_commit_callbacks) -> None:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = documents_import(files=[("a.jsonl", jsonl(article("Pelicans return", "pelican")))])
    assert len(callbacks) == 1
    (document,) = report.created
    document.refresh_from_db()
    assert document.search is not None  # the immediate backend ran the task in tests


def test_raw_is_empty_when_the_text_is_the_input_itself() -> None:
    text = article("Pelicans return", "pelican").rstrip("\n")
    report = documents_import(files=[("a.jsonl", jsonl(text, "Skip to Content\n" + text + "!"))])
    same, cleaned = report.created
    same.refresh_from_db()
    cleaned.refresh_from_db()
    assert same.raw == "" and same.raw_text == same.text == text
    assert cleaned.raw.startswith("Skip to Content") and cleaned.raw_text == cleaned.raw


def test_a_known_text_mid_import_switches_to_the_careful_path() -> None:
    first = article("Pelicans return", "pelican")
    documents_import(files=[("a.jsonl", jsonl(first))])
    texts = [article(f"Bird {n}", f"bird{n}") for n in range(3)]
    report = documents_import(files=[("b.jsonl", jsonl(texts[0], first, texts[1], texts[2]))])
    assert [d.title for d in report.created] == ["Bird 0", "Bird 1", "Bird 2"]
    assert [d.title for d in report.existing] == ["Pelicans return"]
    assert [d.title for d in report.documents] == ["Bird 0", "Pelicans return", "Bird 1", "Bird 2"]
    assert Document.objects.count() == 4


def test_a_repeat_across_batches_is_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from corpus.services import document_import

    monkeypatch.setattr(document_import, "BATCH_SIZE", 2)
    texts = [article(f"Bird {n}", f"bird{n}") for n in range(3)]
    report = documents_import(files=[("b.jsonl", jsonl(texts[0], texts[1], texts[2], texts[0]))])
    assert [d.title for d in report.created] == ["Bird 0", "Bird 1", "Bird 2"]
    assert [d.pk for d in report.existing] == [report.created[0].pk]
    assert Document.objects.count() == 3


def test_bad_utf8_on_one_jsonl_line_is_an_error_for_that_line_only() -> None:
    good = jsonl(article("Pelicans return", "pelican"))
    report = documents_import(files=[("a.jsonl", b'{"text": "caf\xe9"}\n' + good)])
    assert [(e.line, "UTF-8" in e.message) for e in report.errors] == [(1, True)]
    assert [d.title for d in report.created] == ["Pelicans return"]
