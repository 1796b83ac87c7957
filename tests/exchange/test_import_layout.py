"""A brat project laid out as research groups publish it, imported through the service and
the command: annotators named in the file names, one text shared by all of them in a folder
of its own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from annotations.services.projects import project_create
from corpus.models import Document
from tests.exchange.helpers import imported, sets_stored, zipped
from tests.exchange.test_import_documents import CLAIM, TEXT
from tests.factories import people_importer

pytestmark = pytest.mark.django_db

PATTERN = "name:_(?P<annotator>[0-9a-f]{4})$"


@pytest.fixture
def empty(db):  # noqa: ANN001
    owner = people_importer("importer")
    return project_create(name="Target", owner=owner), owner


def test_annotators_named_in_file_names_share_one_text_in_a_text_folder(empty):
    project, owner = empty
    data = zipped({
        "corpus/text/article.txt": TEXT,
        "corpus/ann/article_4b22.ann": CLAIM,
        "corpus/ann/article_5fec.ann": "",
    })  # fmt: skip
    outcome = imported(project, owner, data, fmt="brat", name="c.zip", annotator_from=PATTERN)
    assert outcome.ok, outcome.errors
    assert Document.objects.get().text == TEXT
    assert sets_stored() == [("article", "4b22", 1), ("article", "5fec", 0)]
    assert sorted(outcome.users_created) == ["4b22", "5fec"]


def test_the_command_adds_a_texts_folder_from_elsewhere_on_disk(empty, tmp_path: Path):
    project, _ = empty
    (tmp_path / "project" / "anna").mkdir(parents=True)
    (tmp_path / "project" / "bob").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_text(TEXT)
    (tmp_path / "project" / "anna" / "article.ann").write_text(CLAIM)
    (tmp_path / "project" / "bob" / "article.ann").write_text("")
    call_command(
        "import_annotations", str(tmp_path / "project"), project=project.pk, format="brat",
        user="importer", texts=str(tmp_path / "sources"),
    )  # fmt: skip
    assert sets_stored() == [("article", "anna", 1), ("article", "bob", 0)]


def test_the_api_form_passes_the_annotator_pattern_and_the_texts_folder(empty, client_for):
    project, owner = empty
    upload = io.BytesIO(zipped({
        "corpus/sources/article.txt": TEXT,
        "corpus/ann/article_4b22.ann": CLAIM,
        "corpus/ann/article_5fec.ann": CLAIM,
    }))  # fmt: skip
    upload.name = "corpus.zip"
    form = {"format": "brat", "files": [upload], "annotator_from": PATTERN, "texts": "sources"}
    response = client_for(owner).post(
        f"/api/v1/projects/{project.pk}/import/", form, format="multipart"
    )
    assert response.status_code == 201, response.content
    assert sets_stored() == [("article", "4b22", 1), ("article", "5fec", 1)]
