"""Undo and redo in the workspace reach the database, in Chromium: a deleted span brought back
by undo is saved again with the same offsets, and redo deletes it again."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.workspace_helpers import (
    REPORT,
    annotator_set,
    log_in,
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


def test_a_deleted_span_brought_back_by_undo_is_saved_again_with_the_same_offsets(
    live_server, page, db
):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    write_set(aset, [span_on(REPORT, "the talks had stalled", "CLAIM", quote_type="indirect")])
    claim = (
        "CLAIM",
        *where(REPORT, "the talks had stalled"),
        "the talks had stalled",
        {"quote_type": "indirect"},
    )
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    page.keyboard.press("Tab")
    expect(page.locator('[data-section="selected"]')).to_contain_text("Selected span")
    page.keyboard.press("Delete")
    expect(spans_heading(page)).to_have_text("Spans (0)")
    wait_saved(page)
    assert spans_in(aset) == []

    page.keyboard.press("Control+z")
    expect(spans_heading(page)).to_have_text("Spans (1)")
    wait_saved(page)
    assert spans_in(aset) == [claim]

    page.keyboard.press("Control+Shift+z")
    expect(spans_heading(page)).to_have_text("Spans (0)")
    wait_saved(page)
    assert spans_in(aset) == []
