"""The workspace in an archived project, in Chromium: an annotator opens their document and
reads what they annotated (spans in the text, the relation in the panel) but cannot change
it: a label key adds nothing, Submit is disabled, nothing is sent; the queue says why it
hands out no work."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from annotations.services.set_write import annotation_set_write
from tests.e2e.workspace_helpers import (
    LAPTOP,
    REPORT,
    annotator_set,
    log_in,
    mouse_select,
    project_with,
    span_on,
    spans_in,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

ARCHIVED_NOTE = "This project is archived: you can read its work but not change it."


def writes_sent(page: Page) -> list[str]:
    """Every request other than a GET the page sends from now on."""
    writes: list[str] = []
    page.on(
        "request", lambda r: writes.append(f"{r.method} {r.url}") if r.method != "GET" else None
    )
    return writes


def archived_project_with_a_saved_span():  # noqa: ANN201
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    claim = span_on(REPORT, "the talks had stalled", "CLAIM")
    source = span_on(REPORT, "a minister", "SOURCE")
    annotation_set_write(
        annotation_set=aset,
        data={
            "version": aset.version,
            "spans": [claim, source],
            "relations": [
                {"type": "ATTRIBUTED_TO", "source": claim["ref"], "target": source["ref"]}
            ],
        },
    )
    people.project.archived_at = timezone.now()
    people.project.save(update_fields=["archived_at"])
    return people, document, aset


def test_an_annotator_reads_their_set_in_an_archived_project_and_changes_nothing(
    live_server, page: Page, db, screenshot_path
):
    people, document, aset = archived_project_with_a_saved_span()
    aset.refresh_from_db()
    before = (spans_in(aset), aset.version, aset.status)
    log_in(page, live_server.url, people.annotator.username)
    writes = writes_sent(page)
    page.goto(f"{live_server.url}/projects/{people.project.id}/documents/{document.id}/work/")

    expect(page.locator("#message")).to_have_text(ARCHIVED_NOTE)
    expect(page.locator("#save-status")).to_have_text("Read-only")
    expect(page.locator("#workspace")).to_have_attribute("data-mode", "read-only")
    # What they annotated is there: both spans drawn in the text, the relation in the panel.
    expect(page.locator("#doc-text .seg.has-span")).not_to_have_count(0)
    expect(page.locator('[data-section="spans"] h2')).to_have_text("Spans (2)")
    expect(page.locator('[data-section="relations"]')).to_contain_text("attributed to")
    # Submit and Skip are there but disabled; no gold set is offered.
    expect(page.locator("#submit")).to_be_visible()
    expect(page.locator("#submit")).to_be_disabled()
    expect(page.locator("#skip")).to_be_disabled()
    expect(page.locator("#start-gold")).to_be_hidden()
    page.screenshot(path=screenshot_path("workspace-archived"))
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("workspace-archived-1366"))

    # A label key over a selection adds nothing; Ctrl+Enter submits nothing.
    mouse_select(page, "Officials said")
    page.keyboard.press("c")
    page.keyboard.press("Control+Enter")
    page.keyboard.press("g")
    page.locator("#submit").click(force=True)
    page.wait_for_timeout(1_500)
    expect(page.locator('[data-section="spans"] h2')).to_have_text("Spans (2)")
    expect(page.locator("#message")).to_have_text(ARCHIVED_NOTE)
    assert writes == []
    aset.refresh_from_db()
    assert (spans_in(aset), aset.version, aset.status) == before


def test_the_queue_of_an_archived_project_says_it_hands_out_no_work(
    live_server, page: Page, db, screenshot_path
):
    people, _, _ = archived_project_with_a_saved_span()
    log_in(page, live_server.url, people.annotator.username)
    writes = writes_sent(page)
    page.goto(f"{live_server.url}/projects/{people.project.id}/work/")

    expect(page.locator("#doc-text")).to_contain_text(
        "This project is archived: the queue hands out no work until a manager unarchives it."
    )
    expect(page.locator("#doc-text")).not_to_contain_text("Nothing left in your queue")
    expect(page.locator("#doc-text a")).to_have_text("Back to the project")
    page.screenshot(path=screenshot_path("workspace-archived-queue"))
    assert writes == []


def test_a_manager_is_not_offered_a_gold_set_in_an_archived_project(
    live_server, page: Page, db, screenshot_path
):
    people, document, _ = archived_project_with_a_saved_span()  # no gold set on it
    log_in(page, live_server.url, people.manager.username)
    writes = writes_sent(page)
    page.goto(f"{live_server.url}/projects/{people.project.id}/documents/{document.id}/work/")

    expect(page.locator("#message")).to_contain_text(ARCHIVED_NOTE)
    expect(page.locator("#save-status")).to_have_text("Read-only")
    expect(page.locator("#start-gold")).to_be_hidden()
    page.locator("#doc-text").focus()
    page.keyboard.press("g")  # would start the gold set in an active project
    page.wait_for_timeout(1_000)
    expect(page.locator("#doc-meta")).not_to_contain_text("gold set:")
    assert writes == []
