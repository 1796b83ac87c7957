"""Background export files go through Django's storage API: a folder by default, an
S3-compatible bucket when configured (tested against moto's S3 server on 127.0.0.1), and old
files expire."""

from __future__ import annotations

import io
import urllib.request
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from annotations.models import ExportJob
from annotations.services.export_files import export_files_expire, export_storage
from tests.exchange.helpers import exported, lines

BUCKET = "claimlens-exports"


def start_job(client, project, django_capture_on_commit_callbacks) -> dict:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            f"/api/v1/projects/{project.pk}/exports/", {"format": "jsonl"}, format="json"
        )
    assert started.status_code == 202
    return client.get(f"/api/v1/exports/{started.json()['id']}/").json()


def downloaded(client, status: dict) -> bytes:  # noqa: ANN001
    response = client.get(status["download"])
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def age(job_id: int, days: int) -> None:
    ExportJob.objects.filter(pk=job_id).update(finished_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def s3_bucket(settings, monkeypatch) -> Iterator[str]:  # noqa: ANN001
    """An empty bucket on a moto S3 server of this test's own, and settings pointing at it."""
    boto3 = pytest.importorskip("boto3")
    server_module = pytest.importorskip("moto.server")
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # moto keeps its buckets in the process, across servers: start from none
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))
    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
    settings.CLAIMLENS_S3_BUCKET = BUCKET
    settings.CLAIMLENS_S3_ENDPOINT_URL = endpoint
    settings.CLAIMLENS_S3_PREFIX = "exports"
    try:
        yield endpoint
    finally:
        server.stop()


def bucket_keys(endpoint: str) -> list[str]:
    import boto3

    listed = boto3.client("s3", endpoint_url=endpoint).list_objects_v2(Bucket=BUCKET)
    return [item["Key"] for item in listed.get("Contents", [])]


def test_a_job_stores_its_file_in_the_export_folder_by_default(
    annotated, client_for, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    manager = client_for(annotated.people.manager)
    status = start_job(manager, annotated.project, django_capture_on_commit_callbacks)
    assert status["status"] == "done"
    (stored,) = tmp_path.iterdir()
    assert stored.name.startswith(f"export-{status['id']}-")
    assert lines(downloaded(manager, status)) == lines(exported(annotated.project))


def test_with_a_bucket_configured_the_file_goes_to_s3_and_is_served_from_there(
    annotated, client_for, settings, tmp_path, s3_bucket, django_capture_on_commit_callbacks
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path / "not-used"
    manager = client_for(annotated.people.manager)
    status = start_job(manager, annotated.project, django_capture_on_commit_callbacks)
    assert status["status"] == "done"
    job = ExportJob.objects.get(pk=status["id"])
    assert bucket_keys(s3_bucket) == [f"exports/{job.file_name}"]
    assert not (tmp_path / "not-used").exists()
    body = downloaded(manager, status)
    assert lines(body) == lines(exported(annotated.project))
    assert status["size_bytes"] == len(body)


def test_old_files_expire_from_s3_and_the_job_stays_listed_without_a_file(
    annotated, client_for, settings, s3_bucket, django_capture_on_commit_callbacks
):
    settings.CLAIMLENS_EXPORT_MAX_AGE_DAYS = 7
    manager = client_for(annotated.people.manager)
    old = start_job(manager, annotated.project, django_capture_on_commit_callbacks)
    age(old["id"], days=8)
    new = start_job(manager, annotated.project, django_capture_on_commit_callbacks)
    # the worker expired the old file after writing the new one
    assert bucket_keys(s3_bucket) == [f"exports/{ExportJob.objects.get(pk=new['id']).file_name}"]
    assert manager.get(old["download"]).status_code == 404
    listed = manager.get(f"/api/v1/exports/{old['id']}/").json()
    assert (listed["status"], listed["download"]) == ("done", None)
    assert downloaded(manager, new)


def test_expire_exports_deletes_files_older_than_the_setting_and_keeps_newer_ones(
    annotated, client_for, settings, tmp_path, django_capture_on_commit_callbacks, capsys
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    settings.CLAIMLENS_EXPORT_MAX_AGE_DAYS = 3
    manager = client_for(annotated.people.manager)
    old = start_job(manager, annotated.project, django_capture_on_commit_callbacks)
    kept = start_job(manager, annotated.project, django_capture_on_commit_callbacks)
    age(old["id"], days=4)
    age(kept["id"], days=2)
    call_command("expire_exports")
    assert capsys.readouterr().out.strip() == "1 expired export file(s) deleted"
    assert [p.name for p in tmp_path.iterdir()] == [ExportJob.objects.get(pk=kept["id"]).file_name]
    assert manager.get(old["download"]).status_code == 404
    assert downloaded(manager, kept)
    assert export_files_expire() == 0  # nothing left to expire: running it again is harmless


def test_the_default_storage_is_the_export_folder_and_overwrites(settings, tmp_path):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    settings.CLAIMLENS_S3_BUCKET = ""
    storage = export_storage()
    assert storage.location == str(tmp_path)
    storage.save("a.jsonl", io.BytesIO(b"1"))
    assert storage.save("a.jsonl", io.BytesIO(b"2")) == "a.jsonl"
