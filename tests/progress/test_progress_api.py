"""``GET /api/v1/projects/{id}/progress/``: the documents x annotators matrix, counts and time
per annotator, documents ready to curate, submissions per day, filters and the CSV (who may
see it: ``tests/annotations/permission_cases_progress.py``)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from annotations.models import AnnotationSet
from annotations.selectors.progress import throughput_by_day
from annotations.services.annotation_sets import (
    annotation_set_open,
    annotation_set_skip,
    annotation_set_submit,
)
from annotations.services.projects import project_documents_add
from tests import factories
from tests.annotations.conftest import assert_error
from tests.annotations.test_openapi_contract import assert_keeps_to_its_schema

pytestmark = pytest.mark.django_db

PATH = "/api/v1/projects/{project_id}/progress/"


def url(people, query: str = "") -> str:  # noqa: ANN001
    return f"/api/v1/projects/{people.project.pk}/progress/{query}"


@pytest.fixture
def worked(people):
    """Document 1: the annotator submitted (600 s), the other annotator skipped. Document 2:
    the annotator is on it (45 s). Document 3: nobody yet."""
    docs = people.documents
    first, _ = annotation_set_open(
        project=people.project, document=docs[0], author=people.annotator
    )
    other, _ = annotation_set_open(
        project=people.project, document=docs[0], author=people.other_annotator
    )
    second, _ = annotation_set_open(
        project=people.project, document=docs[1], author=people.annotator
    )
    AnnotationSet.objects.filter(pk=first.pk).update(seconds_spent=600)
    AnnotationSet.objects.filter(pk=second.pk).update(seconds_spent=45, status="in_progress")
    annotation_set_submit(annotation_set=AnnotationSet.objects.get(pk=first.pk))
    annotation_set_skip(annotation_set=other)
    return people


def test_the_report_keeps_to_its_declared_schema(worked, client_for):
    response = client_for(worked.reviewer).get(url(worked))
    assert response.status_code == 200, response.content
    api = SchemaGenerator().get_schema(request=None, public=True)
    assert_keeps_to_its_schema(api, PATH, "get", response)


def test_each_cell_is_the_annotators_set_on_the_document(worked, client_for):
    body = client_for(worked.manager).get(url(worked)).json()
    assert [a["username"] for a in body["annotators"]] == ["annotator", "other_annotator"]
    states = [[c["status"] for c in doc["cells"]] for doc in body["documents"]]
    assert states == [["submitted", "skipped"], ["in_progress", "none"], ["none", "none"]]
    assert body["documents"][2]["cells"][0] == {"set": None, "status": "none", "seconds_spent": 0}
    assert body["documents"][0]["cells"][0]["seconds_spent"] == 600
    assert body["documents"][0]["title"] == worked.documents[0].title


def test_each_annotator_has_counts_time_on_task_and_last_activity(worked, client_for):
    annotator, other = client_for(worked.manager).get(url(worked)).json()["annotators"]
    assert (annotator["submitted"], annotator["in_progress"], annotator["skipped"]) == (1, 1, 0)
    assert annotator["seconds_spent"] == 645 and annotator["last_active"]
    assert (other["skipped"], other["seconds_spent"]) == (1, 0)


def test_a_document_submitted_by_enough_annotators_is_ready_to_curate(worked, client_for):
    reviewer = client_for(worked.reviewer)
    assert reviewer.get(url(worked)).json()["ready_to_curate"] == 0
    worked.project.annotators_per_document = 1
    worked.project.save(update_fields=["annotators_per_document"])
    assert reviewer.get(url(worked)).json()["ready_to_curate"] == 1


def test_throughput_counts_submissions_per_day_with_empty_days_kept():
    days = throughput_by_day({date(2026, 3, 1): 2, date(2026, 3, 3): 1}, today=date(2026, 3, 4))
    assert days == [
        {"day": "2026-03-01", "submitted": 2},
        {"day": "2026-03-02", "submitted": 0},
        {"day": "2026-03-03", "submitted": 1},
        {"day": "2026-03-04", "submitted": 0},
    ]
    assert throughput_by_day({}, today=date(2026, 3, 4)) == []
    long_ago = {date(2025, 1, 1): 4}
    assert len(throughput_by_day(long_ago, today=date(2026, 3, 4))) == 60


def test_a_submission_late_in_the_evening_counts_on_its_utc_day(worked, client_for):
    late = timezone.now().astimezone(UTC).replace(hour=23, minute=30) - timedelta(days=2)
    AnnotationSet.objects.filter(status="submitted").update(submitted_at=late)
    days = client_for(worked.manager).get(url(worked)).json()["throughput"]
    assert days[0] == {"day": late.date().isoformat(), "submitted": 1}
    assert len(days) == 3  # to today, the days between kept


def test_filters_narrow_by_story_state_and_annotator(worked, client_for):
    manager = client_for(worked.manager)
    skipped = manager.get(url(worked, "?state=skipped")).json()
    assert [d["id"] for d in skipped["documents"]] == [worked.documents[0].pk]
    mine = manager.get(url(worked, "?annotator=annotator&state=none")).json()
    assert [a["username"] for a in mine["annotators"]] == ["annotator"]
    assert [d["id"] for d in mine["documents"]] == [worked.documents[2].pk]
    elsewhere = factories.StoryFactory()
    assert manager.get(url(worked, f"?story={elsewhere.pk}")).json()["documents"] == []
    same = manager.get(url(worked, f"?story={worked.story.pk}")).json()
    assert len(same["documents"]) == 3
    assert_error(manager.get(url(worked, "?state=lost")), 400)


def test_the_csv_has_a_row_per_document_and_annotator_and_a_dated_name(worked, client_for):
    response = client_for(worked.manager).get(url(worked, "?format=csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    today = timezone.now().date().isoformat()
    expected = f'filename="progress-test-project-{worked.project.pk}-{today}.csv"'
    assert expected in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 6
    assert rows[0]["annotator"] == "annotator" and rows[0]["state"] == "submitted"
    assert rows[0]["seconds_spent"] == "600"
    assert rows[-1]["state"] == "none" and rows[-1]["set_id"] == ""


def test_a_title_a_spreadsheet_would_run_is_written_as_text(worked, client_for):
    worked.documents[0].title = "=HYPERLINK(1)"
    worked.documents[0].save(update_fields=["title"])
    text = client_for(worked.manager).get(url(worked, "?format=csv")).content.decode()
    assert "'=HYPERLINK(1)" in text


def test_an_error_asked_for_as_csv_comes_in_json(worked, client_for):
    response = client_for(worked.manager).get(url(worked, "?format=csv&state=lost"))
    assert response.status_code == 400 and response.json()["error"]


def test_a_format_other_than_json_or_csv_is_refused_naming_it(worked, client_for):
    response = client_for(worked.manager).get(url(worked, "?format=xml"))
    assert response.status_code == 400
    assert "format" in response.json()["error"]["details"]


def test_the_report_takes_a_fixed_number_of_queries(worked, client_for):
    manager = client_for(worked.manager)
    manager.get(url(worked))  # the session and the role, once
    with CaptureQueriesContext(connection) as small:
        manager.get(url(worked))
    more = factories.DocumentFactory.create_batch(5, story=worked.story)
    project_documents_add(project=worked.project, documents=more)
    for doc in more:
        annotation_set_open(project=worked.project, document=doc, author=worked.annotator)
    with CaptureQueriesContext(connection) as large:
        manager.get(url(worked))
    assert len(large.captured_queries) == len(small.captured_queries)
