"""import_annotations prints each problem as 'file:line: message', and a problem of no file
(an option) as its message alone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from annotations.services.projects import project_create
from tests.exchange.test_import_documents import CLAIM, TEXT
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_bad_annotator_pattern_is_printed_without_an_empty_file_name(tmp_path: Path):
    owner = UserFactory(username="importer")
    project = project_create(name="Target", owner=owner)
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "a.txt").write_text(TEXT)
    (tmp_path / "p" / "a.ann").write_text(CLAIM)
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="nothing imported: 1 problem"):
        call_command(
            "import_annotations", str(tmp_path / "p"), project=project.pk, format="brat",
            user="importer", annotator_from="name:_x", stderr=stderr,
        )  # fmt: skip
    assert stderr.getvalue().splitlines() == [
        "error: annotator_from 'name:_x' has no (?P<annotator>...) group naming the annotator"
    ]
