"""Without the optional `training` extra (spaCy, pyarrow) the service still starts; the
formats that need it stay listed, say why they cannot be used, and a request for one is a
clear 400 (a command error on the command line), never a 500 or an ImportError.

The extra is installed for the suite, so the registry's check of the installed modules is
told here that spaCy and pyarrow are missing."""

from __future__ import annotations

import orjson
import pytest
from django.core.management import CommandError, call_command

from annotations import formats
from annotations.models import ExportJob, ExportJobStatus
from annotations.services.exports import export_job_run

pytestmark = pytest.mark.django_db

CONLL_NOTE = (
    "The CoNLL format needs the optional 'training' extra (spaCy), which this server does "
    "not have. Install it with `make run EXTRAS=training` or `pip install 'claimlens[training]'`."
)


@pytest.fixture
def without_training(monkeypatch):
    monkeypatch.setattr(formats, "_installed", lambda module: module not in {"spacy", "pyarrow"})


def format_error(response) -> str:
    return orjson.loads(response.content)["error"]["details"]["format"][0]


def test_a_streamed_export_in_a_training_format_is_a_400_saying_how_to_install_it(
    annotated, client_for, without_training
):
    url = f"/api/v1/projects/{annotated.project.pk}/export/?format=conll"
    response = client_for(annotated.people.manager).get(url)
    assert response.status_code == 400
    assert format_error(response) == CONLL_NOTE


def test_a_background_export_in_a_training_format_is_refused_before_it_is_queued(
    annotated, client_for, without_training
):
    url = f"/api/v1/projects/{annotated.project.pk}/exports/"
    response = client_for(annotated.people.manager).post(
        url, {"format": "hf-parquet"}, format="json"
    )
    assert response.status_code == 400
    assert "needs the optional 'training' extra (pyarrow)" in format_error(response)
    assert not ExportJob.objects.filter(project=annotated.project).exists()


def test_the_format_list_keeps_training_formats_and_says_why_they_are_unavailable(
    annotated, client_for, without_training
):
    listed = client_for(annotated.people.manager).get("/api/v1/formats/").json()
    notes = {f["name"]: f["unavailable"] for f in listed["export"]}
    assert notes["conll"] == CONLL_NOTE
    assert "spaCy DocBin" in notes["spacy"] and "pyarrow" in notes["hf-parquet"]
    assert notes["jsonl"] is None and notes["hf-jsonl"] is None


def test_the_export_page_shows_the_note(annotated, client, without_training):
    client.force_login(annotated.people.manager)
    page = client.get(f"/projects/{annotated.project.pk}/export/")
    assert page.status_code == 200
    assert "make run EXTRAS=training" in page.content.decode().replace("&#x27;", "'")


def test_the_export_command_exits_with_the_same_message(annotated, tmp_path, without_training):
    with pytest.raises(CommandError) as refused:
        call_command(
            "export_annotations", project=annotated.project.pk, format="conll",
            output=str(tmp_path / "out.conll"),
        )  # fmt: skip
    assert str(refused.value) == CONLL_NOTE


def test_with_the_extra_installed_every_format_is_available(annotated, client_for):
    listed = client_for(annotated.people.manager).get("/api/v1/formats/").json()
    assert all(f["unavailable"] is None for f in listed["export"] + listed["import"])


def test_a_worker_without_the_extra_fails_the_queued_job_with_the_message(
    annotated, client_for, settings, tmp_path, django_capture_on_commit_callbacks, monkeypatch
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    url = f"/api/v1/projects/{annotated.project.pk}/exports/"
    manager = client_for(annotated.people.manager)
    with django_capture_on_commit_callbacks(execute=False):  # queued by a web with the extra
        started = manager.post(url, {"format": "conll"}, format="json")
    monkeypatch.setattr(formats, "_installed", lambda module: False)  # run by one without
    job = export_job_run(started.json()["id"])
    assert job.status == ExportJobStatus.FAILED
    assert job.error == CONLL_NOTE
