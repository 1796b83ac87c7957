"""The progress page in Chromium, as a manager uses it: the matrix shows each annotator's
set per document as a letter on a colour, the filters narrow it at once, the chart counts
the day's submissions, and the CSV downloaded holds what the filters show."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet
from annotations.services.annotation_sets import (
    annotation_set_open,
    annotation_set_skip,
    annotation_set_submit,
)
from annotations.services.projects import project_documents_add
from tests import factories
from tests.e2e.workspace_helpers import LAPTOP, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


@pytest.fixture
def worked(db):  # noqa: ANN001
    """Three documents of one story and one of another: the annotator submitted the first
    and works on the second; the other annotator skipped the first."""
    people = factories.people_in_project(n_documents=3)
    elsewhere = factories.StoryFactory(name="Another event")
    people.documents.append(factories.DocumentFactory(story=elsewhere, title="Far away"))
    project_documents_add(project=people.project, documents=people.documents[3:])
    first, second = people.documents[:2]
    done, _ = annotation_set_open(project=people.project, document=first, author=people.annotator)
    AnnotationSet.objects.filter(pk=done.pk).update(seconds_spent=750)
    annotation_set_submit(annotation_set=AnnotationSet.objects.get(pk=done.pk))
    skipped, _ = annotation_set_open(
        project=people.project, document=first, author=people.other_annotator
    )
    annotation_set_skip(annotation_set=skipped)
    working, _ = annotation_set_open(
        project=people.project, document=second, author=people.annotator
    )
    AnnotationSet.objects.filter(pk=working.pk).update(status="in_progress", seconds_spent=95)
    return people, elsewhere


def letters(page: Page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#matrix tbody tr",
        "rows => rows.map(r => [...r.querySelectorAll('td.cell .cell-mark')]"
        ".map(c => c.textContent))",
    )


def open_progress(page: Page, base_url: str, people) -> None:  # noqa: ANN001
    log_in(page, base_url, people.manager.username)
    page.goto(f"{base_url}/projects/{people.project.pk}/")
    page.get_by_role("link", name="Progress", exact=True).click()
    expect(page.locator("#project-progress-page")).to_have_attribute("data-state", "shown")


def test_a_manager_reads_the_matrix_filters_it_and_downloads_what_it_shows(
    live_server, page, worked, screenshot_path
):
    people, elsewhere = worked
    open_progress(page, live_server.url, people)
    expect(page.locator("#figure-documents")).to_have_text("4")
    expect(page.locator("#figure-ready")).to_have_text("0")
    expect(page.locator("#figure-time")).to_have_text("14 min")
    expect(page.locator("#matrix-legend li")).to_have_count(6)
    expect(page.locator("#matrix-legend")).to_contain_text("submitted")
    assert letters(page) == [["S", "K"], ["P", "·"], ["·", "·"], ["·", "·"]]
    today = timezone.now().date().isoformat()
    expect(page.locator(f'#throughput-chart g.day[data-day="{today}"] .bar-value')).to_have_text(
        "1"
    )
    page.screenshot(path=screenshot_path("progress-page"), full_page=True)
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("progress-page-1366"), full_page=True)

    page.select_option("#filter-state", "skipped")
    expect(page.locator("#matrix-status")).to_have_text("1 of 4 documents match the filters.")
    assert letters(page) == [["S", "K"]]

    page.select_option("#filter-state", "none")
    page.select_option("#filter-annotator", "annotator")
    expect(page.locator("#matrix thead th.annotator")).to_have_text(["annotator"])
    assert letters(page) == [["·"], ["·"]]

    page.select_option("#filter-story", str(elsewhere.pk))
    expect(page.locator("#matrix tbody tr")).to_have_count(1)
    expect(page.locator("#matrix tbody")).to_contain_text("Far away")

    with page.expect_download() as download_info:
        page.locator("#progress-csv").click()
    download = download_info.value
    assert download.suggested_filename == (f"progress-test-project-{people.project.pk}-{today}.csv")
    with open(download.path(), encoding="utf-8") as file:
        rows = list(csv.DictReader(io.StringIO(file.read())))
    assert [(r["title"], r["annotator"], r["state"]) for r in rows] == [
        ("Far away", "annotator", "none")
    ]


def test_a_filter_is_chosen_with_the_keyboard(live_server, page, worked):
    people, _ = worked
    open_progress(page, live_server.url, people)
    page.locator("#filter-story").focus()
    page.keyboard.press("Tab")
    expect(page.locator("#filter-state")).to_be_focused()
    page.keyboard.type("K")  # the option "K skipped": each state's letter starts its name
    expect(page.locator("#matrix-status")).to_have_text("1 of 4 documents match the filters.")
    assert letters(page) == [["S", "K"]]
    assert "state=skipped" in page.locator("#progress-csv").get_attribute("href")
