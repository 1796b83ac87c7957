"""A link across the story in the workspace, in Chromium: a claim links as SAME_CLAIM to the
annotator's claim in another report, picked in the report shown beside it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, Relation, Span
from annotations.services.set_write import annotation_set_write
from tests.e2e.workspace_helpers import (
    LAPTOP,
    OTHER_REPORT,
    REPORT,
    annotator_set,
    log_in,
    mouse_select,
    open_workspace,
    project_with,
    span_on,
    wait_saved,
    write_set,
)

pytestmark = pytest.mark.e2e


# The centre of a substring's first character in the beside view (another document).
_BESIDE_POINT_JS = """
(needle) => {
  const view = window.claimlens.besideView;
  const unit = view.text.indexOf(needle);
  if (unit < 0) return null;
  const point = view.domPoint(unit);
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  range.setEnd(point.node, point.offset + 1);
  point.node.parentElement.scrollIntoView({ block: "center" });
  const rect = range.getClientRects()[0];
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}
"""


def test_a_claim_links_as_same_claim_to_the_annotators_claim_in_another_report(
    live_server, page, db
):
    people, (first, second) = project_with(REPORT, OTHER_REPORT)
    refs = write_set(
        annotator_set(people, second), [span_on(OTHER_REPORT, "The talks have stalled", "CLAIM")]
    )
    (other_claim_id,) = refs.values()
    annotator_set(people, first)  # the queue gave it to them
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(
        page, f"{live_server.url}/projects/{people.project.id}/documents/{first.id}/work/"
    )

    mouse_select(page, "the talks had stalled")
    page.keyboard.press("c")
    beside = page.locator("#beside-doc")
    beside.focus()  # as after a click on it
    beside.select_option(str(second.id))
    expect(page.locator("#beside-text .seg.has-span")).to_have_count(1)
    page.keyboard.press("m")
    expect(page.locator('[data-section="selected"] .linking')).to_contain_text("same claim")
    point = page.evaluate(_BESIDE_POINT_JS, "The talks have stalled")
    page.mouse.click(point["x"], point["y"])
    expect(page.locator('[data-section="relations"]')).to_contain_text(
        f"({second.outlet.name} · Report 2)"
    )
    wait_saved(page)

    aset = AnnotationSet.objects.get(author=people.annotator, document=first)
    claim = Span.objects.get(annotation_set=aset)
    assert claim.text == "the talks had stalled"
    assert list(
        Relation.objects.filter(annotation_set=aset).values_list("type", "source", "target")
    ) == [("SAME_CLAIM", claim.pk, other_claim_id)]


def test_a_link_to_another_report_shows_its_outlet_title_and_text_after_a_reload(
    live_server, page, db, screenshot_path
):
    people, (first, second) = project_with(REPORT, OTHER_REPORT)
    second.outlet.name = "Harbour Ledger"
    second.outlet.save(update_fields=["name"])
    far = write_set(
        annotator_set(people, second), [span_on(OTHER_REPORT, "The talks have stalled", "CLAIM")]
    )
    (far_id,) = far.values()
    near = annotator_set(people, first)
    claim = span_on(REPORT, "the talks had stalled", "CLAIM")
    near.refresh_from_db()
    annotation_set_write(
        annotation_set=near,
        data={
            "version": near.version,
            "spans": [claim],
            "relations": [{"type": "SAME_CLAIM", "source": claim["ref"], "target": far_id}],
        },
    )
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    url = f"{live_server.url}/projects/{people.project.id}/documents/{first.id}/work/"
    open_workspace(page, url)

    relations = page.locator('[data-section="relations"]')
    expect(relations).to_contain_text("The talks have stalled")
    expect(relations.locator(".far-end")).to_have_text(" (Harbour Ledger · Report 2)")
    expect(relations).not_to_contain_text("in another document")
    # the story's other reports are picked at the top of the side panel, in the first screen
    picker = page.locator('#panel [data-section="story"] #beside-doc')
    expect(picker).to_be_in_viewport()
    page.screenshot(path=screenshot_path("workspace-far-end-1366"))
    picker.select_option(str(second.id))
    expect(page.locator("#beside .beside-title")).to_have_text("Harbour Ledger · Report 2")
    page.screenshot(path=screenshot_path("workspace-beside-1366"))
    picker.select_option("")  # closing the report beside keeps the link's far end named
    expect(relations.locator(".far-end")).to_have_text(" (Harbour Ledger · Report 2)")
