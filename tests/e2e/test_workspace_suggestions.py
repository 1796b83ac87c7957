"""Model suggestions in the workspace, in Chromium: accepted with Enter they become the
annotator's spans, Backspace rejects them, and Accept all takes every open suggestion of a
label in one undo step. Decisions are stored on the server (a rejection holds after a
reload, an undone acceptance is withdrawn) and make the model's acceptance and rejection
rates."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, SuggestionDecision
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


def press_and_wait_for_decision(page: Page, key: str) -> None:
    """Press ``key`` and wait until the decision it makes is stored."""
    with page.expect_response(
        lambda r: "/decisions/" in r.url and r.request.method == "POST" and r.ok
    ):
        page.keyboard.press(key)


def decisions_in(aset: AnnotationSet) -> dict[int, str]:
    rows = SuggestionDecision.objects.filter(annotation_set=aset)
    return {row.suggestion_id: row.decision for row in rows}


def test_a_suggestion_accepted_with_enter_becomes_the_annotators_span_and_backspace_rejects(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    suggested_claim = span_on(
        REPORT, "the talks had stalled", "CLAIM", quote_type="indirect", check_worthy="yes"
    )
    suggested_source = span_on(REPORT, "a minister", "SOURCE", source_type="named_person")
    ids = write_set(model_set(people, document), [suggested_claim, suggested_source])
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

    press_and_wait_for_decision(page, "Enter")
    wait_saved(page)
    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    assert decisions_in(aset) == {ids[suggested_claim["ref"]]: "accepted"}
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
    press_and_wait_for_decision(page, "Backspace")
    expect(suggested).to_have_count(0)
    expect(page.locator('[data-section="suggestions"] h2')).to_have_text("Suggestions (0 open)")
    assert spans_in(aset) == [accepted]
    assert decisions_in(aset) == {
        ids[suggested_claim["ref"]]: "accepted",
        ids[suggested_source["ref"]]: "rejected",
    }
    # The rejection is the server's, not the browser's: it holds after a reload with the
    # browser's storage emptied.
    page.evaluate("localStorage.clear()")
    open_workspace(page, page.url)
    expect(spans_heading(page)).to_have_text("Spans (1)")
    expect(page.locator('[data-section="suggestions"] h2')).to_have_text("Suggestions (0 open)")
    expect(suggested).to_have_count(0)

    # The model's rates count both decisions.
    reviewer = Client()
    reviewer.force_login(people.reviewer)
    rates = reviewer.get(f"/api/v1/projects/{people.project.id}/suggestions/rates/").json()
    assert [
        (r["model_name"], r["suggestions"], r["accepted"], r["rejected"], r["acceptance_rate"])
        for r in rates
    ] == [("rules-v1", 2, 1, 1, 0.5)]


def test_accept_all_of_a_label_takes_every_open_suggestion_of_it_in_one_undo_step(
    live_server, page, db
):
    people, (document,) = project_with(REPORT)
    claims = [
        span_on(REPORT, "Officials said", "CLAIM"),
        span_on(REPORT, "the talks had stalled", "CLAIM", quote_type="indirect"),
    ]
    ids = write_set(
        model_set(people, document),
        [*claims, span_on(REPORT, "a minister", "SOURCE")],
    )
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    with page.expect_response(lambda r: "/decisions/" in r.url and r.ok):
        page.get_by_role("button", name="Accept all Claim (2)").click()
    wait_saved(page)
    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    assert decisions_in(aset) == {ids[claim["ref"]]: "accepted" for claim in claims}
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
    # Undone, the acceptances are withdrawn: the model's rates no longer count them.
    for _ in range(50):
        if not decisions_in(aset):
            break
        page.wait_for_timeout(100)
    assert decisions_in(aset) == {}
