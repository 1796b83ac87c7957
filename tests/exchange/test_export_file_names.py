"""Export file names: project, format, date and time to the second, and a background job's
id, so two exports downloaded together never get the same name."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from annotations.formats import export_spec
from annotations.services.exports import export_file_name

pytestmark = pytest.mark.django_db


def streamed_name(client, project, fmt: str) -> str:  # noqa: ANN001
    response = client.get(f"/api/v1/projects/{project.pk}/export/?format={fmt}")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    return re.fullmatch(r'attachment; filename="([^"]+)"', response["Content-Disposition"])[1]


def test_the_name_holds_the_project_the_format_and_the_time_to_the_second(annotated):
    at = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    name = export_file_name(annotated.project, "csv-spans", export_spec("csv-spans"), at)
    assert name == f"test-project-{annotated.project.pk}-csv-spans-20260304-050607.csv"


def test_the_two_csv_exports_downloaded_together_get_different_names(annotated, client_for):
    manager = client_for(annotated.people.manager)
    spans = streamed_name(manager, annotated.project, "csv-spans")
    stances = streamed_name(manager, annotated.project, "csv-stances")
    assert spans != stances
    assert re.fullmatch(
        rf"test-project-{annotated.project.pk}-csv-spans-\d{{8}}-\d{{6}}\.csv", spans
    )


def test_two_background_jobs_of_one_format_in_one_second_get_different_names(
    annotated, client_for, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    manager = client_for(annotated.people.manager)
    names = []
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            started = manager.post(
                f"/api/v1/projects/{annotated.project.pk}/exports/",
                {"format": "csv-spans"},
                format="json",
            )
        status = manager.get(f"/api/v1/exports/{started.json()['id']}/").json()
        download = manager.get(status["download"])
        names.append(re.search(r'filename="([^"]+)"', download["Content-Disposition"])[1])
        assert names[-1].startswith(f"export-{status['id']}-test-project-")
    assert names[0] != names[1]
