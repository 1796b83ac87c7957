"""The documents page in Chromium, as a manager uses it: fix a document's wrong title and
outlet, put a document first and see the next annotator get it, move one with the
keyboard, and remove a document with submitted work: refused with the count, then confirmed
and its sets archived (still in the database)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, ProjectDocument, SetStatus
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.projects import project_documents_add
from corpus.models import Document
from tests import factories
from tests.e2e.workspace_helpers import LAPTOP, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


@pytest.fixture
def queue(db):  # noqa: ANN001
    """Three documents; the first came out of the cleaner with "-" as its title and no
    outlet."""
    people = factories.people_in_project(n_documents=3)
    Document.objects.filter(pk=people.documents[0].pk).update(title="-", outlet=None)
    return people


def open_documents(page: Page, base_url: str, people) -> None:  # noqa: ANN001
    log_in(page, base_url, people.manager.username)
    page.goto(f"{base_url}/projects/{people.project.pk}/")
    page.get_by_role("link", name="Documents", exact=True).click()
    expect(page.locator("#documents-status")).to_have_text("Documents 1–3 of 3")


def row(page: Page, document) -> object:  # noqa: ANN001
    return page.locator(f'#documents-table tr[data-document="{document.pk}"]')


def test_a_manager_fixes_a_wrong_title_and_outlet(live_server, page, queue, screenshot_path):
    wrong = queue.documents[0]
    open_documents(page, live_server.url, queue)
    page.screenshot(path=screenshot_path("documents-page"), full_page=True)
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("documents-page-1366"), full_page=True)

    row(page, wrong).get_by_role("button", name="Edit -").click()
    dialog = page.locator("#edit-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#doc-title")).to_be_focused()
    page.fill("#doc-title", "")
    page.click("#edit-save")
    expect(page.locator("#doc-title-error")).to_have_text("A title is required.")
    page.fill("#doc-title", "Talks stall as envoys leave")
    page.fill("#doc-outlet", "The New York Times")
    page.fill("#doc-url", "not a web address")
    page.click("#edit-save")
    expect(page.locator("#doc-url-error")).to_contain_text("valid URL")
    expect(page.locator("#doc-url")).to_have_attribute("aria-invalid", "true")
    page.screenshot(path=screenshot_path("documents-edit-dialog-1366"))
    page.fill("#doc-url", "https://www.nytimes.com/2024/05/01/talks.html")
    page.click("#edit-save")

    expect(dialog).to_be_hidden()
    expect(page.locator("#documents-message")).to_have_text("Saved “Talks stall as envoys leave”.")
    expect(row(page, wrong)).to_contain_text("The New York Times")
    wrong.refresh_from_db()
    assert (wrong.title, wrong.outlet.name) == ("Talks stall as envoys leave", "The New York Times")
    assert wrong.url == "https://www.nytimes.com/2024/05/01/talks.html"


def test_a_document_put_first_is_the_next_annotators_document(live_server, page, browser, queue):
    last = queue.documents[2]
    open_documents(page, live_server.url, queue)
    row(page, last).get_by_role("checkbox").check()
    expect(page.locator("#selected-count")).to_have_text(
        "1 selected (in the order you ticked them)."
    )
    page.get_by_role("button", name="Annotate these first").click()
    expect(page.locator("#documents-message")).to_contain_text("now first in the queue")
    expect(page.locator("#documents-table tbody td.title-cell").first).to_have_text(last.title)

    annotator = browser.new_page()
    log_in(annotator, live_server.url, queue.annotator.username)
    annotator.goto(f"{live_server.url}/projects/{queue.project.pk}/")
    annotator.get_by_role("link", name="Start annotating").click()
    expect(annotator.locator("#doc-title")).to_have_text(last.title)
    annotator.close()


def test_a_document_moves_with_its_arrow_and_with_alt_arrow_on_its_row(live_server, page, queue):
    first, second, third = queue.documents
    open_documents(page, live_server.url, queue)
    row(page, second).locator(".move-up").click()
    expect(page.locator("#documents-table tbody td.title-cell").first).to_have_text(second.title)
    expect(row(page, second).locator(".move-up")).to_be_focused()

    row(page, second).locator(".move-up").press("Alt+ArrowDown")
    row(page, second).locator(".move-down").press("Alt+ArrowDown")
    expect(page.locator("#documents-table tbody td.title-cell").last).to_have_text(second.title)
    order = ProjectDocument.objects.filter(project=queue.project).order_by("position")
    assert [r.document_id for r in order] == [first.pk, third.pk, second.pk]


def test_removing_a_document_with_submitted_work_is_refused_then_confirmed(
    live_server, page, queue, screenshot_path
):
    done = queue.documents[1]
    aset, _ = annotation_set_open(project=queue.project, document=done, author=queue.annotator)
    annotation_set_submit(annotation_set=aset)
    open_documents(page, live_server.url, queue)

    row(page, done).get_by_role("button", name=f"Remove {done.title}").click()
    page.locator("#remove-confirm").click()
    expect(page.locator("#remove-message")).to_contain_text("1 submitted annotation set")
    expect(page.locator("#remove-anyway")).to_be_focused()
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("documents-remove-refused-1366"))
    assert ProjectDocument.objects.filter(project=queue.project, document=done).exists()

    page.locator("#remove-anyway").click()
    expect(page.locator("#documents-message")).to_contain_text("1 annotation set archived")
    expect(row(page, done)).to_have_count(0)
    expect(page.locator("#documents-status")).to_have_text("Documents 1–2 of 2")
    kept = AnnotationSet.objects.get(pk=aset.pk)
    assert (kept.status, kept.archived_from) == (SetStatus.ARCHIVED, SetStatus.SUBMITTED)


def test_a_long_queue_comes_a_page_at_a_time_and_a_story_narrows_it(live_server, page, queue):
    elsewhere = factories.StoryFactory(name="Another event")
    more = [factories.DocumentFactory(story=elsewhere) for _ in range(52)]
    project_documents_add(project=queue.project, documents=more)
    log_in(page, live_server.url, queue.manager.username)
    page.goto(f"{live_server.url}/projects/{queue.project.pk}/documents/")

    expect(page.locator("#documents-status")).to_have_text("Documents 1–50 of 55")
    expect(page.locator("#page-of")).to_have_text("Page 1 of 2")
    page.get_by_role("button", name="Next page").click()
    expect(page.locator("#documents-status")).to_have_text("Documents 51–55 of 55")
    expect(page.locator("#documents-table tbody tr")).to_have_count(5)

    page.select_option("#filter-story", label=queue.story.name)
    expect(page.locator("#documents-status")).to_have_text("Documents 1–3 of 3")
    expect(page.locator("#documents-pager")).to_be_hidden()
