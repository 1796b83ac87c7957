"""``annotator`` was renamed ``author`` (the writer of a set): a request still sending the old
name gets 400 naming the new one, never a filter silently dropped (an export of everyone's
sets) or sets given to the wrong person."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, ExportJob
from tests.annotations.conftest import assert_error

pytestmark = pytest.mark.django_db


def test_the_set_list_refuses_the_old_filter_name(bench, client_for):
    response = client_for(bench.people.manager).get(
        f"/api/v1/sets/?project={bench.project.pk}&annotator=annotator"
    )
    assert assert_error(response, 400)["details"] == {"annotator": ["renamed: use author"]}


def test_the_export_refuses_the_old_filter_name(bench, client_for):
    response = client_for(bench.people.manager).get(
        f"/api/v1/projects/{bench.project.pk}/export/?format=jsonl&annotator=annotator"
    )
    assert "annotator" in assert_error(response, 400)["details"]


def test_an_export_job_with_the_old_filter_name_is_refused_and_not_started(bench, client_for):
    response = client_for(bench.people.manager).post(
        f"/api/v1/projects/{bench.project.pk}/exports/",
        {"format": "jsonl", "annotator": "annotator"},
        format="json",
    )
    assert "annotator" in assert_error(response, 400)["details"]
    assert not ExportJob.objects.exists()


def test_an_import_with_the_old_option_name_is_refused_and_writes_nothing(bench, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sets_before = AnnotationSet.objects.count()
    upload = SimpleUploadedFile("in.jsonl", b'{"text": "A text."}\n')
    response = client_for(bench.people.manager).post(
        f"/api/v1/projects/{bench.project.pk}/import/",
        {"files": [upload], "format": "jsonl", "annotator": "reviewer"},
        format="multipart",
    )
    assert "annotator" in assert_error(response, 400)["details"]
    assert AnnotationSet.objects.count() == sets_before
