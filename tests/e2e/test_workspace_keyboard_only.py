"""A keyboard-only session in the workspace, in Chromium: a whole document labelled, linked,
given a stance, undone and redone, and submitted without the mouse."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, Relation, Span, Stance
from tests.e2e.workspace_helpers import (
    REPORT,
    log_in,
    open_workspace,
    project_with,
    spans_in,
    wait_saved,
    where,
)

pytestmark = pytest.mark.e2e


KEYBOARD_TEXT = "Yesterday the minister said the talks had stalled completely."


def test_a_whole_document_can_be_annotated_and_submitted_with_the_keyboard_alone(
    live_server, page, db
):
    people, (first, second) = project_with(KEYBOARD_TEXT, REPORT)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    expect(page.locator("#doc-title")).to_have_text(first.title)
    text_box = page.locator("#doc-text")
    expect(text_box).to_be_focused()
    aset = AnnotationSet.objects.get(author=people.annotator, document=first)
    keys = page.keyboard

    # The claim: move four words on, then select four words.
    for _ in range(4):
        keys.press("Control+ArrowRight")
    for _ in range(4):
        keys.press("Shift+Control+ArrowRight")
    keys.press("c")
    wait_saved(page)
    claim = ("CLAIM", *where(KEYBOARD_TEXT, "the talks had stalled"), "the talks had stalled", {})
    assert spans_in(aset) == [claim]

    # The source: start again from the top (Esc), one word on, two words selected.
    keys.press("Escape")
    keys.press("Control+ArrowRight")
    keys.press("Shift+Control+ArrowRight")
    keys.press("Shift+Control+ArrowRight")
    keys.press("s")
    wait_saved(page)
    source = ("SOURCE", *where(KEYBOARD_TEXT, "the minister"), "the minister", {})
    assert spans_in(aset) == [source, claim]
    selected = page.locator('[data-section="selected"]')
    expect(selected).to_contain_text("the minister")

    # The cue: from the source's end one word on, then one word back selected.
    keys.press("Control+ArrowRight")
    keys.press("Shift+Control+ArrowLeft")
    keys.press("v")
    wait_saved(page)
    cue = ("CUE", *where(KEYBOARD_TEXT, "said"), "said", {})
    assert spans_in(aset) == [source, cue, claim]

    # Tab goes through the spans in reading order; "a" links the claim: shift+Tab goes back
    # over the cue to the source, Enter links.
    keys.press("Escape")
    for expected in ("the minister", "said", "the talks had stalled"):
        keys.press("Tab")
        expect(selected.locator(".selected-text q")).to_have_text(expected)
    keys.press("a")
    expect(selected.locator(".linking")).to_be_visible()
    keys.press("Shift+Tab")
    expect(page.locator("#message")).to_contain_text("Link to “said”?")
    keys.press("Shift+Tab")
    expect(page.locator("#message")).to_contain_text("Link to “the minister”?")
    keys.press("Enter")
    expect(page.locator('[data-section="relations"] h2')).to_have_text("Relations (1)")
    wait_saved(page)
    claim_id, source_id = (
        Span.objects.get(annotation_set=aset, label=label).pk for label in ("CLAIM", "SOURCE")
    )
    assert list(
        Relation.objects.filter(annotation_set=aset).values_list("type", "source", "target")
    ) == [("ATTRIBUTED_TO", claim_id, source_id)]

    # Past the last span Tab leaves the text (for the story's other report), and comes back.
    keys.press("Tab")
    expect(page.locator("#beside-doc")).to_be_focused()
    keys.press("Shift+Tab")
    expect(text_box).to_be_focused()

    # The source's stance toward the claim it made: the first value.
    keys.press("Shift+Tab")
    keys.press("Shift+Tab")
    expect(selected.locator(".selected-text q")).to_have_text("the minister")
    keys.press("1")
    expect(page.locator("#stance-0")).to_have_value("favor")
    wait_saved(page)

    def stances() -> list[tuple[int | None, int | None, str]]:
        rows = Stance.objects.filter(annotation_set=aset)
        return list(rows.values_list("holder", "object_span", "value"))

    assert stances() == [(source_id, claim_id, "favor")]

    keys.press("Control+z")
    expect(page.locator("#stance-0")).to_have_value("")
    wait_saved(page)
    assert stances() == []
    keys.press("Control+Shift+z")
    expect(page.locator("#stance-0")).to_have_value("favor")
    wait_saved(page)
    assert stances() == [(source_id, claim_id, "favor")]

    help_box = page.locator("#help")
    keys.press("?")
    expect(help_box).to_be_visible()
    expect(help_box).to_be_focused()
    keys.press("Escape")
    expect(help_box).to_be_hidden()
    expect(text_box).to_be_focused()

    keys.press("Control+Enter")
    expect(page.locator("#doc-title")).to_have_text(second.title)
    expect(text_box).to_be_focused()
    aset.refresh_from_db()
    assert aset.status == "submitted"
    assert spans_in(aset) == [source, cue, claim]
