"""Model suggestions in the workspace, in Chromium: accepted with Enter they become the
annotator's spans, Backspace rejects them, and Accept all takes every open suggestion of a
label in one undo step."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet
from annotations.services.annotation_sets import annotation_set_open
from tests import factories
from tests.e2e.workspace_helpers import (
    REPORT,
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


def model_set(people: factories.People, document: Any) -> AnnotationSet:
    aset, _ = annotation_set_open(
        project=people.project,
        document=document,
        author=people.manager,
        kind="model",
        model_name="rules-v1",
    )
    return aset


def test_a_suggestion_accepted_with_enter_becomes_the_annotators_span_and_backspace_rejects(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    suggested_claim = span_on(
        REPORT, "the talks had stalled", "CLAIM", quote_type="indirect", check_worthy="yes"
    )
    suggested_source = span_on(REPORT, "a minister", "SOURCE", source_type="named_person")
    write_set(model_set(people, document), [suggested_claim, suggested_source])
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    suggested = page.locator("#doc-text .seg.suggested")
    expect(suggested).to_have_count(2)
    expect(suggested.first).to_have_css("text-decoration-style", "dashed")
    expect(suggested.first).to_have_attribute("title", "Claim (suggested)")
    expect(page.locator('[data-section="suggestions"] h2')).to_have_text("Suggestions (2 open)")

    page.keyboard.press("Tab")  # the first suggestion in reading order
    selected = page.locator('[data-section="selected"]')
    expect(selected).to_contain_text("Suggestion")
    expect(selected).to_contain_text("from rules-v1")
    expect(selected).to_contain_text("the talks had stalled")
    page.screenshot(path=screenshot_path("workspace-flows-suggestion"))

    page.keyboard.press("Enter")
    wait_saved(page)
    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    accepted = (
        "CLAIM",
        *where(REPORT, "the talks had stalled"),
        "the talks had stalled",
        {"quote_type": "indirect", "check_worthy": "yes"},
    )
    assert spans_in(aset) == [accepted]
    expect(suggested).to_have_count(1)
    expect(spans_heading(page)).to_have_text("Spans (1)")

    # Accepting moved on to the next suggestion; Backspace rejects it.
    expect(selected).to_contain_text("a minister")
    page.keyboard.press("Backspace")
    expect(suggested).to_have_count(0)
    expect(page.locator('[data-section="suggestions"] h2')).to_have_text("Suggestions (0 open)")
    assert spans_in(aset) == [accepted]
    # The rejection holds after a reload.
    open_workspace(page, page.url)
    expect(spans_heading(page)).to_have_text("Spans (1)")
    expect(suggested).to_have_count(0)


def test_accept_all_of_a_label_takes_every_open_suggestion_of_it_in_one_undo_step(
    live_server, page, db
):
    people, (document,) = project_with(REPORT)
    claims = [
        span_on(REPORT, "Officials said", "CLAIM"),
        span_on(REPORT, "the talks had stalled", "CLAIM", quote_type="indirect"),
    ]
    write_set(
        model_set(people, document),
        [*claims, span_on(REPORT, "a minister", "SOURCE")],
    )
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    page.get_by_role("button", name="Accept all Claim (2)").click()
    wait_saved(page)
    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    assert spans_in(aset) == [
        ("CLAIM", *where(REPORT, "Officials said"), "Officials said", {}),
        (
            "CLAIM",
            *where(REPORT, "the talks had stalled"),
            "the talks had stalled",
            {"quote_type": "indirect"},
        ),
    ]
    expect(page.locator("#doc-text .seg.suggested")).to_have_count(1)
    expect(page.get_by_role("button", name="Accept all Source (1)")).to_be_visible()

    page.keyboard.press("Control+z")
    wait_saved(page)
    assert spans_in(aset) == []
    expect(page.locator("#doc-text .seg.suggested")).to_have_count(3)
