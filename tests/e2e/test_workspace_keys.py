"""The workspace's key help in Chromium: drawn from the key table with the project's own
label and relation keys, and opened and closed from the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.workspace_helpers import LAPTOP, REPORT, log_in, open_workspace, project_with

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


GUIDELINES = (
    "# How we mark claims\n\n"
    "Mark the **whole** quote as one CLAIM.\n\n"
    "<script>window.hacked = true</script>\n\n"
    "- a SOURCE is who says it\n"
)


def test_i_shows_the_projects_guidelines_rendered_and_escape_closes_them(
    live_server, page, db, screenshot_path
):
    people, _ = project_with(REPORT)
    people.project.guidelines = GUIDELINES
    people.project.save(update_fields=["guidelines"])
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    guidelines = page.locator("#guidelines")
    page.keyboard.press("i")
    expect(guidelines).to_be_visible()
    expect(guidelines).to_be_focused()
    expect(guidelines.locator("h1")).to_have_text("How we mark claims")
    expect(guidelines.locator("strong")).to_have_text("whole")
    expect(guidelines.locator("li")).to_have_text("a SOURCE is who says it")
    expect(guidelines.locator("script")).to_have_count(0)
    assert page.evaluate("window.hacked") is None
    page.screenshot(path=screenshot_path("workspace-guidelines-1366"))

    page.keyboard.press("?")  # one panel at a time
    expect(guidelines).to_be_hidden()
    expect(page.locator("#help")).to_be_visible()
    page.keyboard.press("Escape")
    page.click("#guidelines-button")
    expect(guidelines).to_be_visible()
    page.keyboard.press("Escape")
    expect(guidelines).to_be_hidden()
    expect(page.locator("#guidelines-button")).to_be_focused()  # back where it came from


def test_the_key_help_fits_a_1366x768_screen_below_the_toolbar_without_scrolling(
    live_server, page, db, screenshot_path
):
    people, _ = project_with(REPORT)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    page.keyboard.press("?")
    help_box = page.locator("#help")
    expect(help_box).to_be_visible()
    box = help_box.bounding_box()
    toolbar = page.locator(".toolbar").bounding_box()
    assert box["y"] >= toolbar["y"] + toolbar["height"] - 1  # the toolbar's buttons stay clear
    assert box["y"] + box["height"] <= LAPTOP["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["width"]
    fits = help_box.evaluate("(box) => box.scrollHeight <= box.clientHeight")
    assert fits, "every key shows without scrolling the help at 1366x768"
    last = help_box.locator(".key-entry").last
    expect(last).to_be_in_viewport()
    page.screenshot(path=screenshot_path("workspace-help-1366"))
    page.set_viewport_size({"width": 1280, "height": 600})
    expect(help_box.locator("h2")).to_be_in_viewport()  # smaller: it scrolls inside itself
    page.screenshot(path=screenshot_path("workspace-help-1280x600"))
