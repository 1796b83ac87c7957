"""A set's history in the workspace, in Chromium: three saves leave three versions after the
baseline, each listed with who wrote it, when and what it changed (and, on request, the
rows); "Restore" on the first save's version, then on version 1 (the set as history
found it), makes the set hold what that version held, and the history keeps every version
(restoring adds one)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from annotations.models import SetRevision
from tests.e2e.workspace_helpers import (
    LAPTOP,
    REPORT,
    annotator_set,
    log_in,
    mouse_select,
    open_workspace,
    project_with,
    span_on,
    spans_heading,
    spans_in,
    wait_saved,
    where,
    write_set,
)

pytestmark = pytest.mark.e2e


def held(contents: dict[str, Any]) -> tuple[list[tuple[Any, ...]], int, int, int]:
    """What a revision's contents hold, without row ids (a restore writes new rows)."""
    spans = sorted((s["label"], s["start"], s["end"], s["text"]) for s in contents["spans"])
    return spans, len(contents["relations"]), len(contents["stances"]), len(contents["answers"])


def test_three_saves_are_listed_and_restoring_the_first_keeps_every_version(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    claim = ("CLAIM", *where(REPORT, "Officials said"), "Officials said", {})
    source = ("SOURCE", *where(REPORT, "a minister"), "a minister", {})
    mouse_select(page, "Officials said")
    page.keyboard.press("c")
    wait_saved(page)
    assert spans_in(aset) == [claim]
    mouse_select(page, "a minister")
    page.keyboard.press("s")
    wait_saved(page)
    assert spans_in(aset) == [claim, source]
    page.locator("#doc-text").focus()
    page.keyboard.press("Escape")  # nothing selected: Tab goes to the first span
    page.keyboard.press("Tab")
    expect(page.locator('[data-section="selected"]')).to_contain_text("Officials said")
    page.keyboard.press("Delete")
    expect(spans_heading(page)).to_have_text("Spans (1)")
    wait_saved(page)
    assert spans_in(aset) == [source]

    page.locator("#doc-text").focus()
    page.keyboard.press("h")
    versions = page.locator('[data-section="history"] .revision')
    expect(versions).to_have_count(4)
    summaries = versions.locator("p:first-child")
    expect(summaries.nth(0)).to_contain_text("Version 4 · annotator ·")
    expect(summaries.nth(0)).to_contain_text("(current)")
    expect(summaries.nth(3)).to_contain_text("Version 1 · as history found it")
    changes = versions.locator("p.muted")
    expect(changes).to_have_text(
        ["−1 span what changed", "+1 span what changed", "+1 span what changed", "empty"]
    )
    versions.nth(0).get_by_role("button", name="what changed").click()
    expect(versions.nth(0).locator(".changed-rows")).to_have_text(["− span CLAIM “Officials said”"])
    expect(page.locator("#panel")).not_to_contain_text("null")
    page.screenshot(path=screenshot_path("workspace-history"))

    first_save = versions.nth(2)
    expect(first_save.locator("strong")).to_have_text("Version 2")
    with page.expect_response(lambda r: r.url.endswith("/restore/") and r.ok):
        first_save.get_by_role("button", name="Restore").click()
    expect(page.locator("#message")).to_contain_text("Restored version 2.")
    expect(spans_heading(page)).to_have_text("Spans (1)")
    assert spans_in(aset) == [claim]
    revisions = SetRevision.objects.filter(annotation_set=aset).order_by("version")
    assert [r.version for r in revisions] == [1, 2, 3, 4, 5]
    assert held(revisions[4].contents) == held(revisions[1].contents)
    assert held(revisions[1].contents) == ([claim[:4]], 0, 0, 0)

    # The list, open again after the reload, shows the restore as the newest version.
    page.locator("#doc-text").focus()
    page.keyboard.press("h")
    expect(versions).to_have_count(5)
    expect(versions.first.locator("p.muted")).to_have_text("+1 span, −1 span what changed")

    # Version 1, the set as history found it (empty), can be restored too.
    with page.expect_response(lambda r: r.url.endswith("/restore/") and r.ok):
        versions.last.get_by_role("button", name="Restore").click()
    expect(page.locator("#message")).to_contain_text("Restored version 1.")
    expect(spans_heading(page)).to_have_text("Spans (0)")
    assert spans_in(aset) == []
    revisions = SetRevision.objects.filter(annotation_set=aset).order_by("version")
    assert [r.version for r in revisions] == [1, 2, 3, 4, 5, 6]
    assert held(revisions[5].contents) == held(revisions[0].contents) == ([], 0, 0, 0)


def test_h_scrolls_the_side_panel_to_the_history_it_opens(live_server, page, db, screenshot_path):
    sentences = [f"Official number {i} said the talks had stalled on day {i}." for i in range(30)]
    text = " ".join(sentences)
    people, (document,) = project_with(text)
    aset = annotator_set(people, document)
    write_set(aset, [span_on(text, f"Official number {i}", "SOURCE") for i in range(30)])
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    newest = page.locator('[data-section="history"] .revision').first
    expect(page.locator('[data-section="history"] summary')).not_to_be_in_viewport()

    page.locator("#doc-text").focus()
    page.keyboard.press("h")
    expect(newest).to_contain_text("Version 2 · ")
    expect(newest).to_be_in_viewport()
    page.screenshot(path=screenshot_path("workspace_history_opened_by_key"))
