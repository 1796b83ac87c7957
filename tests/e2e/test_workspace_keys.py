"""The workspace's key help in Chromium: drawn from the key table with the project's own
label and relation keys, and opened and closed from the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.workspace_helpers import REPORT, log_in, open_workspace, project_with

pytestmark = pytest.mark.e2e


def test_the_help_lists_the_projects_label_and_relation_keys_from_the_key_table(
    live_server, page, db, screenshot_path
):
    people, _ = project_with(REPORT)
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    help_box = page.locator("#help")
    page.keyboard.press("?")
    expect(help_box).to_be_visible()
    expect(help_box).to_be_focused()
    expect(help_box).to_contain_text("c Claim, s Source, v Cue")
    expect(help_box).to_contain_text("a attributed to, u cue of, m same claim, o same source")
    expect(help_box).to_contain_text("start the gold set")
    terms = help_box.locator("dt")
    submit = terms.filter(has_text="Enter").filter(has=page.locator("kbd", has_text="Ctrl"))
    expect(submit).to_have_count(1)
    page.screenshot(path=screenshot_path("workspace-help"))
    page.keyboard.press("Escape")
    expect(help_box).to_be_hidden()
    expect(page.locator("#doc-text")).to_be_focused()
