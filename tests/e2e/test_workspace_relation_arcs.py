"""Relations drawn in the text as labelled arcs, in Chromium: each arc runs from its source
span to its target span, the toggle (r, or the panel's checkbox) hides and shows them and is
remembered after a reload, and many overlapping relations stay readable."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.services.set_write import annotation_set_write
from tests.e2e.workspace_helpers import (
    LAPTOP,
    annotator_set,
    log_in,
    open_workspace,
    project_with,
    span_on,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

TEXT = (
    "Officials said the talks had stalled on Tuesday, and a minister told reporters that "
    "the union had walked out. The union said it was never invited, a spokesman added."
)

# For each arc drawn: its label, the texts of the spans it joins, and whether its two ends
# sit over those spans (the path's first and last points inside the spans' boxes).
# The arcs (as lines of text: their labels, their curves' tops) that reach into the text
# of a line above the one their ends are on.
_ARCS_INTO_TEXT_JS = """
() => {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById("doc-text"));
  const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const into = [];
  for (const arc of document.querySelectorAll(".relation-arcs .arc")) {
    const curve = arc.querySelector("path").getBoundingClientRect();
    const label = arc.querySelector("text").getBoundingClientRect();
    const ends = curve.bottom;
    for (const line of lines) {
      if (line.bottom >= ends - 4) continue; // the ends' own line or below
      const hits = [curve, label].some(
        (r) => r.top < line.bottom - 1 && r.left < line.right && line.left < r.right,
      );
      if (hits) into.push(arc.querySelector("text").textContent);
    }
  }
  return into;
}
"""

_ARCS_JS = """
() => {
  const ws = window.claimlens;
  const svg = document.querySelector(".relation-arcs");
  const box = svg.getBoundingClientRect();
  const rectOf = (key) => {
    const span = ws.state.span(key);
    const a = ws.view.domPoint(ws.view.map.toUtf16(span.start));
    const b = ws.view.domPoint(ws.view.map.toUtf16(span.end));
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range.getClientRects()[0];
  };
  const over = (x, y, rect) => x + box.left >= rect.left - 1 && x + box.left <= rect.right + 1
    && Math.abs(y + box.top - rect.top) < 6;
  return [...svg.querySelectorAll(".arc")].map((g) => {
    const numbers = g.querySelector("path").getAttribute("d").match(/-?[0-9.]+/g).map(Number);
    const [x1, y1] = numbers.slice(0, 2);
    const [x2, y2] = numbers.slice(-2);
    return {
      label: g.querySelector("text").textContent,
      from: ws.state.span(g.dataset.source).text,
      to: ws.state.span(g.dataset.target).text,
      ends: over(x1, y1, rectOf(g.dataset.source)) && over(x2, y2, rectOf(g.dataset.target)),
    };
  });
}
"""


def write_annotations(aset, relations: list[tuple[str, str, str]]) -> None:  # noqa: ANN001
    needles = {n for _, a, b in relations for n in (a, b)}
    labels = {"said": "CUE", "told": "CUE", "added": "CUE"}
    sources = {"Officials", "a minister", "The union", "a spokesman"}
    spans = []
    for needle in needles:
        label = labels.get(needle) or ("SOURCE" if needle in sources else "CLAIM")
        spans.append({**span_on(TEXT, needle, label), "ref": needle})
    aset.refresh_from_db()
    annotation_set_write(
        annotation_set=aset,
        data={
            "version": aset.version,
            "spans": spans,
            "relations": [{"type": t, "source": a, "target": b} for t, a, b in relations],
        },
    )


def test_arcs_join_the_right_spans_and_the_toggle_is_remembered(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(TEXT)
    aset = annotator_set(people, document)
    write_annotations(
        aset,
        [
            ("ATTRIBUTED_TO", "the talks had stalled", "Officials"),
            ("CUE_OF", "said", "the talks had stalled"),
        ],
    )
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    arcs = page.locator(".relation-arcs .arc")
    expect(arcs).to_have_count(2)
    drawn = sorted(page.evaluate(_ARCS_JS), key=lambda arc: arc["label"])
    assert drawn == [
        {
            "label": "attributed to",
            "from": "the talks had stalled",
            "to": "Officials",
            "ends": True,
        },
        {"label": "cue of", "from": "said", "to": "the talks had stalled", "ends": True},
    ]
    page.screenshot(path=screenshot_path("workspace-relation-arcs-1366"))

    page.keyboard.press("r")
    expect(arcs).to_have_count(0)
    expect(page.locator("#arcs-toggle")).not_to_be_checked()
    page.reload()
    page.wait_for_selector("#doc-text .seg")
    expect(page.locator("#arcs-toggle")).not_to_be_checked()
    page.wait_for_timeout(300)
    expect(arcs).to_have_count(0)
    page.locator("#arcs-toggle").check()
    expect(arcs).to_have_count(2)
    page.set_viewport_size({"width": 1280, "height": 720})  # the browser tests' default size
    page.wait_for_timeout(200)
    assert all(arc["ends"] for arc in page.evaluate(_ARCS_JS))  # redrawn for the new width
    page.screenshot(path=screenshot_path("workspace-relation-arcs-default"))


def test_a_new_relation_gets_its_arc_and_many_overlapping_ones_stack(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(TEXT)
    aset = annotator_set(people, document)
    write_annotations(
        aset,
        [
            ("ATTRIBUTED_TO", "the talks had stalled", "Officials"),
            ("CUE_OF", "said", "the talks had stalled"),
            ("ATTRIBUTED_TO", "the union had walked out", "a minister"),
            ("CUE_OF", "told", "the union had walked out"),
            ("ATTRIBUTED_TO", "it was never invited", "The union"),
            ("SAME_SOURCE", "The union", "a spokesman"),
            ("CUE_OF", "added", "it was never invited"),
            ("ATTRIBUTED_TO", "it was never invited", "a spokesman"),
        ],
    )
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    arcs = page.locator(".relation-arcs .arc")
    expect(arcs).to_have_count(8)
    assert all(arc["ends"] for arc in page.evaluate(_ARCS_JS))
    tops = page.evaluate(
        """() => [...document.querySelectorAll('.relation-arcs .arc text')]
             .map((t) => t.getBoundingClientRect())
             .map((r) => [r.left, r.top, r.right, r.bottom])"""
    )
    overlapping = [
        (a, b)
        for i, a in enumerate(tops)
        for b in tops[i + 1 :]
        if a[0] < b[2] - 2 and b[0] < a[2] - 2 and a[1] < b[3] - 2 and b[1] < a[3] - 2
    ]
    assert overlapping == [], "no two arc labels cover each other"
    assert page.evaluate(_ARCS_INTO_TEXT_JS) == [], "no arc runs into the line above its ends"
    page.screenshot(path=screenshot_path("workspace-relation-arcs-many-1366"))


def test_on_a_long_document_only_the_relations_near_the_viewport_are_drawn(live_server, page, db):
    paragraph = "Officials said the talks had stalled, a minister told reporters.\n\n"
    long_text = paragraph * 150
    people, (document,) = project_with(long_text)
    aset = annotator_set(people, document)
    spans, relations = [], []
    for i in range(150):
        at = i * len(paragraph)
        claim = "the talks had stalled"
        c_start = at + paragraph.index(claim)
        s_start = at + paragraph.index("Officials")
        spans.append(
            {"ref": f"c{i}", "label": "CLAIM", "start": c_start, "end": c_start + len(claim)}
        )
        spans.append({"ref": f"s{i}", "label": "SOURCE", "start": s_start, "end": s_start + 9})
        relations.append({"type": "ATTRIBUTED_TO", "source": f"c{i}", "target": f"s{i}"})
    for span in spans:
        span["text"] = long_text[span["start"] : span["end"]]
    aset.refresh_from_db()
    annotation_set_write(
        annotation_set=aset,
        data={"version": aset.version, "spans": spans, "relations": relations},
    )
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    arcs = page.locator(".relation-arcs .arc")
    expect(arcs.first).to_be_attached()
    drawn_js = (
        "() => [...document.querySelectorAll('.relation-arcs .arc')].map((g) => g.dataset.source)"
    )
    at_top = page.evaluate(drawn_js)
    assert 0 < len(at_top) < 40, f"{len(at_top)} of 150 arcs drawn at the top"
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    further = page.evaluate(drawn_js)
    assert 0 < len(further) < 40
    assert not set(further) & set(at_top), "scrolled on, other relations are drawn"
