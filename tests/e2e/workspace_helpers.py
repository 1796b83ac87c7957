"""What the workspace tests do again and again: make a project of given texts, write spans
into a set, log in, open the workspace, select text with the mouse, wait for the autosave,
find a segment of the drawn text, read back the spans saved."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, expect

from annotations.models import AnnotationSet, Span
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.projects import project_documents_add
from annotations.services.set_write import annotation_set_write
from tests import factories

# The short reports most workspace tests annotate, and the screenshots' size.
REPORT = "Officials said the talks had stalled on Tuesday, a minister told reporters."
OTHER_REPORT = "The talks have stalled, the minister told reporters on Tuesday."
LAPTOP = {"width": 1366, "height": 768}


PASSWORD = "pw-for-tests"

# Where a substring of the drawn text is on screen: the centre of its first, middle and
# last characters' boxes, found through the workspace's own map of segments. Lines far from
# the viewport are laid out only when they come near it (content-visibility), so after the
# scroll the boxes are read again until two frames agree.
_CHAR_BOXES_JS = """
async (needle) => {
  const view = window.claimlens.view;
  const full = view.text;
  const at = full.indexOf(needle);
  if (at < 0) return null;
  const box = (unit) => {
    const point = view.domPoint(unit);
    const range = document.createRange();
    range.setStart(point.node, point.offset);
    range.setEnd(point.node, point.offset + 1);
    const rects = range.getClientRects();
    return rects[rects.length - 1];
  };
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  let before = null;
  for (let tries = 0; tries < 20; tries++) {
    window.scrollBy(0, box(at).top - window.innerHeight / 2);
    await frame();
    await frame();
    const now = box(at).top;
    if (now === before) break;
    before = now;
  }
  const a = box(at);
  const m = box(at + Math.floor(needle.length / 2));
  const b = box(at + needle.length - 1);
  return {
    x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2,
    xm: m.left + m.width / 2, ym: m.top + m.height / 2,
  };
}
"""


def project_with(*texts: str) -> tuple[factories.People, list[Any]]:
    """A project whose documents (one story, in this order) have the given texts."""
    people = factories.people_in_project(n_documents=0)
    documents = [
        factories.DocumentFactory(story=people.story, text=text, title=f"Report {i + 1}")
        for i, text in enumerate(texts)
    ]
    project_documents_add(project=people.project, documents=documents)
    return people, documents


def annotator_set(people: factories.People, document: Any) -> AnnotationSet:
    """The annotator's set on the document, as the queue hands it out."""
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    return aset


def log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


def open_workspace(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#doc-text .seg")
    expect(page.locator("#save-status")).to_have_text("All changes saved")


def mouse_select(page: Page, needle: str) -> None:
    """Drag the mouse from the first to the last character of ``needle`` in the text."""
    boxes = page.evaluate(_CHAR_BOXES_JS, needle)
    assert boxes is not None, f"{needle!r} is not in the document"
    page.mouse.move(boxes["x1"], boxes["y1"])
    page.mouse.down()
    page.mouse.move((boxes["x1"] + boxes["x2"]) / 2, boxes["y2"], steps=4)
    page.mouse.move(boxes["x2"], boxes["y2"], steps=4)
    page.mouse.up()


def click_text(page: Page, needle: str) -> None:
    """Click the middle character of ``needle``."""
    boxes = page.evaluate(_CHAR_BOXES_JS, needle)
    assert boxes is not None, f"{needle!r} is not in the document"
    page.mouse.click(boxes["xm"], boxes["ym"])


def wait_saved(page: Page) -> None:
    expect(page.locator("#save-status")).to_have_text("All changes saved", timeout=10_000)


def span_on(text: str, needle: str, label: str, **attributes: str) -> dict[str, Any]:
    start = text.index(needle)
    return {
        "ref": f"{label}-{start}-{len(needle)}",
        "label": label,
        "start": start,
        "end": start + len(needle),
        "text": needle,
        "attributes": attributes,
    }


def write_set(aset: AnnotationSet, spans: list[dict[str, Any]]) -> dict[str, int]:
    aset.refresh_from_db()
    return annotation_set_write(annotation_set=aset, data={"version": aset.version, "spans": spans})


def spans_in(aset: AnnotationSet) -> list[tuple[str, int, int, str, dict[str, Any]]]:
    rows = Span.objects.filter(annotation_set=aset).order_by("start", "-end", "label")
    return [(s.label, s.start, s.end, s.text, s.attributes) for s in rows]


def where(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


# The segment element that starts at a substring of the main text.
_SEGMENT_AT_JS = """
(needle) => {
  const view = window.claimlens.view;
  const unit = view.text.indexOf(needle);
  const element = view.domPoint(unit).node.parentElement;
  element.scrollIntoView({ block: "center" });
  const rect = element.getClientRects()[0];
  return {
    text: element.textContent,
    title: element.title,
    boxShadow: getComputedStyle(element).boxShadow,
    x: rect.left + rect.width / 2,
    bottom: rect.bottom,
  };
}
"""


def segment_at(page: Page, needle: str) -> dict[str, Any]:
    return page.evaluate(_SEGMENT_AT_JS, needle)


def spans_heading(page: Page) -> Locator:
    return page.locator('[data-section="spans"] h2')
