"""manage.py import_corpus: a file or a folder; summary, errors with file and line."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from corpus.models import Document

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_corpus", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_folder_of_seed_articles_is_imported_as_one_story(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    for path in seed_paths:
        shutil.copy(path, tmp_path / path.name)  # a temporary copy, deleted after the test
    out, err = run(str(tmp_path), "--story", "Seeds")
    assert "5 file(s): 5 document(s) created" in out
    assert "near-duplicate" in out
    assert err == ""
    assert Document.objects.filter(story__name="Seeds").count() == 5


def test_errors_are_printed_with_file_and_line(tmp_path: Path) -> None:
    good = {"text": "Bridge to close\n\nThe council voted to close the bridge, officials said."}
    (tmp_path / "docs.jsonl").write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    out, err = run(str(tmp_path / "docs.jsonl"))
    assert "1 document(s) created" in out
    assert "docs.jsonl:2: not valid JSON" in err


def test_no_clean_keeps_the_boilerplate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Skip to Content\nBridge to close\n", encoding="utf-8")
    run(str(tmp_path / "a.txt"), "--no-clean")
    assert Document.objects.get().text == "Skip to Content\nBridge to close\n"


def test_the_format_option_reads_files_whatever_their_extension(tmp_path: Path) -> None:
    (tmp_path / "a.data").write_text(json.dumps({"text": "Bridge closes today."}), encoding="utf-8")
    out, _ = run(str(tmp_path), "--format", "jsonl")
    assert "1 document(s) created" in out


def test_the_command_fails_when_every_file_failed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("café".encode("latin-1"))
    (tmp_path / "b.jsonl").write_text("{broken\n", encoding="utf-8")
    with pytest.raises(CommandError, match="all 2 file"):
        run(str(tmp_path))


def test_a_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file or folder"):
        run(str(tmp_path / "nope"))
