"""The workspace opened at a place (``?at=<start>-<end>``, as the story workbench and the
source pages link): a range that is no span of the set is selected as text and shown; a
range beyond the text is refused with a word, and nothing is selected."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.workspace_helpers import REPORT, annotator_set, log_in, project_with

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


def test_a_range_that_is_no_span_is_selected_as_text(live_server, page, db):
    people, (document,) = project_with(REPORT)
    annotator_set(people, document)
    log_in(page, live_server.url, people.annotator.username)
    start = REPORT.index("the talks")
    end = start + len("the talks had stalled")
    page.goto(
        f"{live_server.url}/projects/{people.project.pk}/documents/{document.pk}/work/"
        f"?at={start}-{end}"
    )
    expect(page.locator("#workspace")).to_have_attribute("data-at", "text")
    assert page.evaluate("() => window.getSelection().toString()") == "the talks had stalled"


def test_a_range_beyond_the_text_selects_nothing_and_says_so(live_server, page, db):
    people, (document,) = project_with(REPORT)
    annotator_set(people, document)
    log_in(page, live_server.url, people.annotator.username)
    page.goto(
        f"{live_server.url}/projects/{people.project.pk}/documents/{document.pk}/work/"
        f"?at=5-{len(REPORT) + 40}"
    )
    expect(page.locator("#workspace")).to_have_attribute("data-at", "outside")
    expect(page.locator("#message")).to_contain_text("not in this document's text")
    assert page.evaluate("() => window.getSelection().toString()") == ""
