"""The shell commands and background export jobs give the same bytes as the API."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from annotations.models import AnnotationSet, ExportJob
from annotations.selectors.export import ExportFilters
from annotations.services.exports import export_job_create, export_job_path, export_job_run
from annotations.services.projects import project_create
from tests.exchange.helpers import canonical, exported, lines
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_export_annotations_writes_the_file_the_api_streams(annotated, tmp_path):
    out = tmp_path / "project.jsonl"
    call_command("export_annotations", project=annotated.project.pk, format="jsonl",
                 output=str(out))  # fmt: skip
    assert lines(out.read_bytes()) == lines(exported(annotated.project))


def test_export_annotations_applies_filters(annotated, tmp_path):
    out = tmp_path / "gold.jsonl"
    call_command("export_annotations", "--gold-only", project=annotated.project.pk,
                 format="jsonl", output=str(out))  # fmt: skip
    records = lines(out.read_bytes())[1:]
    assert [[s["kind"] for s in r["sets"]] for r in records] == [["gold"]]


def test_export_annotations_keeps_the_sets_of_the_authors_named(annotated, tmp_path):
    out = tmp_path / "other.jsonl"
    call_command("export_annotations", project=annotated.project.pk, format="jsonl",
                 output=str(out), author="other_annotator")  # fmt: skip
    records = lines(out.read_bytes())[1:]
    assert [[s["author"] for s in r["sets"]] for r in records] == [["other_annotator"]]


def test_export_annotations_names_an_unknown_format(annotated, tmp_path):
    with pytest.raises(CommandError, match="unknown format 'xlsx'"):
        call_command("export_annotations", project=annotated.project.pk, format="xlsx",
                     output=str(tmp_path / "x"))  # fmt: skip
    assert not (tmp_path / "x").exists()


def test_import_annotations_reads_the_export_back(annotated, tmp_path):
    source = tmp_path / "project.jsonl"
    source.write_bytes(exported(annotated.project))
    owner = UserFactory(username="shell-user")
    target = project_create(name="Copy", owner=owner)
    call_command("import_annotations", str(source), project=target.pk, format="jsonl",
                 user="shell-user")  # fmt: skip
    assert canonical(exported(target)) == canonical(source.read_bytes())


def test_import_annotations_gives_sets_without_an_author_to_the_author_named(db, tmp_path):
    source = tmp_path / "d.jsonl"
    source.write_bytes(b'{"text": "Officials said so.", "label": [[0, 9, "SRC"]]}\n')
    owner = UserFactory(username="shell-user")
    target = project_create(name="Doccano", owner=owner)
    call_command("import_annotations", str(source), project=target.pk, format="doccano",
                 user="shell-user", author="maria")  # fmt: skip
    assert AnnotationSet.objects.get(project=target).author.username == "maria"


def test_import_annotations_fails_whole_and_lists_the_problems(annotated, tmp_path, capsys):
    source = tmp_path / "broken.jsonl"
    source.write_bytes(exported(annotated.project) + b"{not json}\n")
    owner = UserFactory(username="shell-user")
    target = project_create(name="Copy", owner=owner)
    with pytest.raises(CommandError, match="nothing imported: 1 problem"):
        call_command("import_annotations", str(source), project=target.pk, format="jsonl")
    assert "broken.jsonl:4: not JSON" in capsys.readouterr().err
    assert not AnnotationSet.objects.filter(project=target).exists()


def test_a_background_job_writes_the_export_and_reports_progress(
    annotated, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        job = export_job_create(project=annotated.project, user=annotated.people.manager,
                                fmt="jsonl", filters=ExportFilters())  # fmt: skip
    job.refresh_from_db()
    assert job.status == "done"
    assert (job.documents_done, job.documents_total) == (2, 2)
    path = export_job_path(job)
    assert lines(path.read_bytes()) == lines(exported(annotated.project))
    assert job.size_bytes == path.stat().st_size


def test_a_failing_job_records_its_error_and_leaves_no_file(annotated, settings, tmp_path):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path / "file-in-the-way"
    (tmp_path / "file-in-the-way").write_text("not a folder")
    job = ExportJob.objects.create(project=annotated.project, format="jsonl", documents_total=2)
    job = export_job_run(job.pk)
    assert job.status == "failed" and job.error
    assert list(tmp_path.iterdir()) == [tmp_path / "file-in-the-way"]


def test_the_job_api_shows_status_and_serves_the_file_to_reviewers_only(
    annotated, client_for, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    manager = client_for(annotated.people.manager)
    with django_capture_on_commit_callbacks(execute=True):
        started = manager.post(f"/api/v1/projects/{annotated.project.pk}/exports/",
                               {"format": "jsonl", "gold_only": True}, format="json")  # fmt: skip
    assert started.status_code == 202
    job_url = f"/api/v1/exports/{started.json()['id']}/"
    status = manager.get(job_url).json()
    assert status["status"] == "done" and status["progress"] == 1.0
    download = manager.get(status["download"])
    assert download.status_code == 200
    records = lines(b"".join(download.streaming_content))[1:]
    assert [[s["kind"] for s in r["sets"]] for r in records] == [["gold"]]
    assert client_for(annotated.people.annotator).get(job_url).status_code == 404
    assert client_for(annotated.people.outsider).get(status["download"]).status_code == 404
    listed = manager.get(f"/api/v1/projects/{annotated.project.pk}/exports/").json()
    assert [j["id"] for j in listed] == [started.json()["id"]]


def test_a_job_keeps_its_author_filter_and_exports_only_those_sets(
    annotated, client_for, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    manager = client_for(annotated.people.manager)
    with django_capture_on_commit_callbacks(execute=True):
        started = manager.post(
            f"/api/v1/projects/{annotated.project.pk}/exports/",
            {"format": "jsonl", "author": "reviewer"},
            format="json",
        )
    assert started.status_code == 202
    assert started.json()["filters"]["author"] == ["reviewer"]
    job = ExportJob.objects.get(pk=started.json()["id"])
    records = lines(export_job_path(job).read_bytes())[1:]
    assert [[(s["kind"], s["author"]) for s in r["sets"]] for r in records] == [
        [("gold", "reviewer")]
    ]


def test_jobs_stored_with_an_annotator_filter_name_it_author_after_the_migration(annotated):
    rename = import_module("annotations.migrations.0003_export_filters_author")
    stored = {"status": [], "annotator": ["ana", "priya"], "kind": [], "gold_only": False}
    job = ExportJob.objects.create(project=annotated.project, format="jsonl", filters=stored)
    untouched = ExportJob.objects.create(project=annotated.project, format="jsonl", filters={})
    with connection.cursor() as cursor:
        cursor.execute(rename.Migration.operations[0].sql)
    job.refresh_from_db()
    assert job.filters == {"status": [], "author": ["ana", "priya"], "kind": [], "gold_only": False}
    assert ExportFilters.parse(job.filters).authors == ("ana", "priya")
    untouched.refresh_from_db()
    assert untouched.filters == {}


def test_a_job_for_an_unknown_format_is_refused_at_once(annotated, client_for):
    response = client_for(annotated.people.manager).post(
        f"/api/v1/projects/{annotated.project.pk}/exports/", {"format": "pdf"}, format="json"
    )
    assert response.status_code == 400
    assert not ExportJob.objects.exists()
