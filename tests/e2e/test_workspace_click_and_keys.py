"""Clicks in the workspace's text followed by keys, in Chromium: shift+arrows go on from where
the click put the caret, and a click on plain text while linking says so and keeps waiting."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, Relation, Span
from tests.e2e.workspace_helpers import (
    REPORT,
    annotator_set,
    click_text,
    log_in,
    open_workspace,
    project_with,
    span_on,
    spans_in,
    wait_saved,
    where,
    write_set,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


def test_a_click_then_ctrl_shift_right_selects_from_the_click_not_from_the_top(
    live_server, page, db
):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    # A click between "the" and "talks" (on the space before "talks"), then two words on.
    click_text(page, " talks")
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("c")
    wait_saved(page)

    assert spans_in(aset) == [("CLAIM", *where(REPORT, "talks had"), "talks had", {})]


def test_a_click_on_a_span_then_shift_right_starts_at_the_click_inside_it(live_server, page, db):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    write_set(aset, [span_on(REPORT, "Officials", "SOURCE")])
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    click_text(page, "the talks had stalled")  # its middle: between "talks " and "had"
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("c")
    wait_saved(page)

    labels = [(label, text) for label, _, _, text, _ in spans_in(aset)]
    assert labels == [("SOURCE", "Officials"), ("CLAIM", "had")]


def test_a_click_on_plain_text_while_linking_says_so_and_keeps_waiting_for_the_target(
    live_server, page, db
):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    write_set(
        aset,
        [span_on(REPORT, "Officials", "SOURCE"), span_on(REPORT, "the talks had stalled", "CLAIM")],
    )
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    click_text(page, "the talks had stalled")
    page.keyboard.press("a")
    linking = page.locator('[data-section="selected"] .linking')
    expect(linking).to_be_visible()
    click_text(page, "on Tuesday")  # plain text, by mistake
    expect(page.locator("#message")).to_have_text(
        "That is not a span: click a span to link to, or Escape to cancel."
    )
    expect(linking).to_be_visible()  # still waiting
    click_text(page, "Officials")
    expect(page.locator('[data-section="relations"]')).to_contain_text("attributed to")
    wait_saved(page)

    claim = Span.objects.get(annotation_set=aset, label="CLAIM")
    source = Span.objects.get(annotation_set=aset, label="SOURCE")
    assert list(
        Relation.objects.filter(annotation_set=aset).values_list("type", "source", "target")
    ) == [("ATTRIBUTED_TO", claim.pk, source.pk)]
    assert AnnotationSet.objects.get(pk=aset.pk).version > 1
