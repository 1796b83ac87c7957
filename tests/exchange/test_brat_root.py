"""The command's folder is the brat project: one annotator's folder in it is theirs, however
deep their files sit."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from annotations.models import AnnotationSet
from annotations.services.projects import project_create
from tests.exchange.test_import_documents import CLAIM, TEXT
from tests.factories import people_importer

pytestmark = pytest.mark.django_db


def test_the_only_annotators_batch_folder_is_imported_as_theirs(tmp_path: Path):
    owner = people_importer("importer")
    project = project_create(name="Target", owner=owner)
    batch = tmp_path / "root" / "anna" / "batch1"
    batch.mkdir(parents=True)
    (batch / "a.txt").write_text(TEXT)
    (batch / "a.ann").write_text(CLAIM)
    call_command(
        "import_annotations", str(tmp_path / "root"), project=project.pk, format="brat",
        user="importer",
    )  # fmt: skip
    assert [s.author.username for s in AnnotationSet.objects.all()] == ["anna"]
