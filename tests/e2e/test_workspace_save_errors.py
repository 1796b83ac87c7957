"""A save that does not go through, in Chromium: a second tab with a stale version shows the
conflict and reloads the first tab's work; a save the server refuses shows its error as an
alert, never claims to be saved, and Retry saves what the page kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from annotations.models import AnnotationSet, Membership, Role
from tests.e2e.workspace_helpers import (
    REPORT,
    annotator_set,
    log_in,
    mouse_select,
    open_workspace,
    project_with,
    segment_at,
    spans_heading,
    spans_in,
    wait_saved,
    where,
)

pytestmark = pytest.mark.e2e


def status(page: Page) -> Locator:
    return page.locator("#save-status")


def toolbar_in_one_row(page: Page) -> bool:
    """The status line, its Reload / Retry button and Submit share one row of the toolbar."""
    centres = page.evaluate(
        """() => [...document.querySelectorAll(".toolbar > *")]
          .filter((e) => e.getClientRects().length)
          .map((e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; })"""
    )
    return max(centres) - min(centres) < 4


def test_a_second_tab_with_a_stale_version_shows_the_conflict_and_reloads_the_first_tabs_work(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    annotator_set(people, document)  # the queue gave it to them
    url = f"{live_server.url}/projects/{people.project.id}/documents/{document.id}/work/"
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, url)
    page_b = page.context.new_page()
    open_workspace(page_b, url)

    mouse_select(page, "the talks had stalled")
    page.keyboard.press("c")
    wait_saved(page)

    mouse_select(page_b, "a minister")
    page_b.keyboard.press("s")
    expect(status(page_b)).to_have_attribute("data-state", "conflict")
    expect(status(page_b)).to_have_text("Not saved: changed elsewhere")
    expect(status(page_b)).to_have_attribute("role", "alert")
    expect(page_b.locator("#message")).to_contain_text("Reload to continue")
    reload = page_b.get_by_role("button", name="Reload")
    expect(reload).to_be_visible()
    assert toolbar_in_one_row(page_b)
    page_b.screenshot(path=screenshot_path("workspace-flows-conflict"))

    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    claim = ("CLAIM", *where(REPORT, "the talks had stalled"), "the talks had stalled", {})
    assert spans_in(aset) == [claim]

    reload.click()
    expect(status(page_b)).to_have_text("All changes saved")
    expect(reload).to_be_hidden()
    expect(spans_heading(page_b)).to_have_text("Spans (1)")
    assert segment_at(page_b, "the talks had stalled")["title"] == "Claim"
    # Working on from the current version saves again.
    mouse_select(page_b, "a minister")
    page_b.keyboard.press("s")
    wait_saved(page_b)
    source = ("SOURCE", *where(REPORT, "a minister"), "a minister", {})
    assert spans_in(aset) == [claim, source]


def test_a_save_the_server_refuses_shows_its_error_as_an_alert_and_never_claims_saved(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    membership = Membership.objects.get(project=people.project, user=people.annotator)
    membership.delete()

    with page.expect_response(lambda r: r.request.method == "PUT") as answer:
        mouse_select(page, "the talks had stalled")
        page.keyboard.press("c")
    refusal = answer.value
    assert refusal.status in (403, 404)
    message = refusal.json()["error"]["message"]
    expect(status(page)).to_have_text(f"Not saved: {message}")
    expect(status(page)).to_have_attribute("role", "alert")
    expect(status(page)).to_have_attribute("data-state", "failed")
    expect(page.get_by_role("button", name="Retry saving")).to_be_visible()
    assert toolbar_in_one_row(page)
    page.screenshot(path=screenshot_path("workspace-flows-refused"))
    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    assert spans_in(aset) == []

    # Back in the project, Retry saves what was kept in the page.
    Membership.objects.create(project=people.project, user=people.annotator, role=Role.ANNOTATOR)
    page.get_by_role("button", name="Retry saving").click()
    wait_saved(page)
    expect(status(page)).to_have_attribute("role", "status")
    assert spans_in(aset) == [
        ("CLAIM", *where(REPORT, "the talks had stalled"), "the talks had stalled", {})
    ]
