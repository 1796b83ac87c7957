"""The workspace's harder flows in Chromium: overlapping spans, two tabs in conflict, model
suggestions, a keyboard-only session, undo/redo that reaches the database, a refused save,
and a link to a claim in another report of the story."""

from __future__ import annotations

import re
import struct
import zlib
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from annotations.models import AnnotationSet, Membership, Relation, Role, Span, Stance
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.set_write import annotation_set_write
from tests import factories
from tests.e2e.workspace_helpers import (
    annotator_set,
    log_in,
    mouse_select,
    open_workspace,
    project_with,
    wait_saved,
)

pytestmark = pytest.mark.e2e

REPORT = "Officials said the talks had stalled on Tuesday, a minister told reporters."
OTHER_REPORT = "The talks have stalled, the minister told reporters on Tuesday."
KEYBOARD_TEXT = "Yesterday the minister said the talks had stalled completely."

# Okabe-Ito colours of the news-attribution preset, as the browser reports them.
BLUE = (0, 114, 178)  # CLAIM
VERMILLION = (213, 94, 0)  # SOURCE
GREEN = (0, 158, 115)  # CUE
WHITE = (255, 255, 255)


# ---- data ------------------------------------------------------------------------------


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


def model_set(people: factories.People, document: Any) -> AnnotationSet:
    aset, _ = annotation_set_open(
        project=people.project,
        document=document,
        author=people.manager,
        kind="model",
        model_name="rules-v1",
    )
    return aset


def spans_in(aset: AnnotationSet) -> list[tuple[str, int, int, str, dict[str, Any]]]:
    rows = Span.objects.filter(annotation_set=aset).order_by("start", "-end", "label")
    return [(s.label, s.start, s.end, s.text, s.attributes) for s in rows]


def where(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


# ---- the page --------------------------------------------------------------------------

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


def segment_at(page: Page, needle: str) -> dict[str, Any]:
    return page.evaluate(_SEGMENT_AT_JS, needle)


def colour_bands(box_shadow: str) -> list[tuple[tuple[int, ...], int]]:
    """(rgb, y offset) of each shadow of a computed box-shadow that is not the paper.
    Colours come as ``rgb(0, 114, 178)`` or, from color-mix(), ``color(srgb 0 0.45 0.7)``."""
    bands = []
    colour = r"(rgba?\([^)]*\)|color\(srgb [^)]*\))"
    for match in re.finditer(colour + r"\s+(-?[\d.]+)px\s+(-?[\d.]+)px", box_shadow):
        spec = match.group(1)
        if spec.startswith("color("):
            parts = spec[len("color(srgb ") : -1].split("/")[0].split()
            rgb = tuple(round(float(x) * 255) for x in parts[:3])
        else:
            rgb = tuple(round(float(x)) for x in spec[spec.index("(") + 1 : -1].split(",")[:3])
        if rgb != WHITE:
            bands.append((rgb, round(float(match.group(3)))))
    return bands


def png_pixels(png: bytes) -> list[list[tuple[int, int, int]]]:
    """Rows of RGB pixels of an 8-bit, non-interlaced PNG (what Chromium's screenshots are)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, width, height, channels = 8, b"", 0, 0, 0
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                row[i] = (row[i] + best) & 0xFF
        rows.append(row)
        previous = row
    return [
        [(row[x * channels], row[x * channels + 1], row[x * channels + 2]) for x in range(width)]
        for row in rows
    ]


def bands_on_screen(page: Page, x: float, top: float, height: int) -> list[tuple[int, ...]]:
    """The colours of the runs of label-coloured pixels in a one-pixel column, top down."""
    png = page.screenshot(clip={"x": int(x), "y": int(top), "width": 1, "height": height})
    palette = (BLUE, VERMILLION, GREEN, WHITE)
    runs: list[tuple[int, ...]] = []
    last = None
    for (pixel,) in png_pixels(png):
        near = [c for c in palette if sum(abs(a - b) for a, b in zip(c, pixel, strict=True)) < 40]
        colour = near[0] if near else None
        if colour != last and colour not in (None, WHITE):
            runs.append(colour)
        if colour is not None:
            last = colour
    return runs


def status(page: Page) -> Locator:
    return page.locator("#save-status")


def toolbar_in_one_row(page: Page) -> bool:
    """The status line, its Reload / Retry button and Submit share one row of the toolbar."""
    centres = page.evaluate(
        """() => [...document.querySelectorAll(".toolbar > *")]
          .filter((e) => e.getClientRects().length)
          .map((e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; })"""
    )
    return max(centres) - min(centres) < 4


def spans_heading(page: Page) -> Locator:
    return page.locator('[data-section="spans"] h2')


# ---- 1. overlapping spans ---------------------------------------------------------------


def test_five_overlapping_spans_draw_five_distinct_underlines_named_on_hover(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    nested = [
        ("Officials said the talks had stalled on Tuesday", "CLAIM"),
        ("the talks had stalled on Tuesday", "CLAIM"),
        ("the talks had stalled", "CLAIM"),
        ("the talks", "SOURCE"),
        ("talks", "CUE"),
    ]
    write_set(
        annotator_set(people, document),
        [span_on(REPORT, needle, label) for needle, label in nested],
    )
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    expect(spans_heading(page)).to_have_text("Spans (5)")

    segment = segment_at(page, "talks")
    assert segment["text"] == "talks"
    # Level 0 (the longest span) lies closest to the text; each level is 3 px of colour
    # and 1 px of paper, so five levels are five bands 4 px apart.
    assert colour_bands(segment["boxShadow"]) == [
        (BLUE, 3),
        (BLUE, 7),
        (BLUE, 11),
        (VERMILLION, 15),
        (GREEN, 19),
    ]
    # ... and they are really painted, one below the other, with paper between them.
    assert bands_on_screen(page, segment["x"], segment["bottom"], 24) == [
        BLUE,
        BLUE,
        BLUE,
        VERMILLION,
        GREEN,
    ]
    names = segment["title"].split(" · ")
    assert sorted(names) == ["Claim", "Claim", "Claim", "Cue", "Source"]
    # A segment covered by fewer spans keeps the same level for each span.
    on_tuesday = segment_at(page, " on Tuesday")
    assert colour_bands(on_tuesday["boxShadow"]) == [(BLUE, 3), (BLUE, 7)]
    assert on_tuesday["title"] == "Claim · Claim"
    expect(page.locator("#panel")).not_to_contain_text("null")
    page.screenshot(path=screenshot_path("workspace-flows-overlap"))


# ---- 2. two tabs in conflict ------------------------------------------------------------


def test_a_second_tab_with_a_stale_version_shows_the_conflict_and_reloads_the_first_tabs_work(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    annotator_set(people, document)  # the queue gave it to them
    url = f"{live_server.url}/projects/{people.project.id}/documents/{document.id}/work/"
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, url)
    page_b = page.context.new_page()
    open_workspace(page_b, url)

    mouse_select(page, "the talks had stalled")
    page.keyboard.press("c")
    wait_saved(page)

    mouse_select(page_b, "a minister")
    page_b.keyboard.press("s")
    expect(status(page_b)).to_have_attribute("data-state", "conflict")
    expect(status(page_b)).to_have_text("Not saved: changed elsewhere")
    expect(status(page_b)).to_have_attribute("role", "alert")
    expect(page_b.locator("#message")).to_contain_text("Reload to continue")
    reload = page_b.get_by_role("button", name="Reload")
    expect(reload).to_be_visible()
    assert toolbar_in_one_row(page_b)
    page_b.screenshot(path=screenshot_path("workspace-flows-conflict"))

    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    claim = ("CLAIM", *where(REPORT, "the talks had stalled"), "the talks had stalled", {})
    assert spans_in(aset) == [claim]

    reload.click()
    expect(status(page_b)).to_have_text("All changes saved")
    expect(reload).to_be_hidden()
    expect(spans_heading(page_b)).to_have_text("Spans (1)")
    assert segment_at(page_b, "the talks had stalled")["title"] == "Claim"
    # Working on from the current version saves again.
    mouse_select(page_b, "a minister")
    page_b.keyboard.press("s")
    wait_saved(page_b)
    source = ("SOURCE", *where(REPORT, "a minister"), "a minister", {})
    assert spans_in(aset) == [claim, source]


# ---- 3. suggestions ---------------------------------------------------------------------


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


# ---- 4. keyboard only -------------------------------------------------------------------


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


# ---- 5. undo and redo reach the database ------------------------------------------------


def test_a_deleted_span_brought_back_by_undo_is_saved_again_with_the_same_offsets(
    live_server, page, db
):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    write_set(aset, [span_on(REPORT, "the talks had stalled", "CLAIM", quote_type="indirect")])
    claim = (
        "CLAIM",
        *where(REPORT, "the talks had stalled"),
        "the talks had stalled",
        {"quote_type": "indirect"},
    )
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    page.keyboard.press("Tab")
    expect(page.locator('[data-section="selected"]')).to_contain_text("Selected span")
    page.keyboard.press("Delete")
    expect(spans_heading(page)).to_have_text("Spans (0)")
    wait_saved(page)
    assert spans_in(aset) == []

    page.keyboard.press("Control+z")
    expect(spans_heading(page)).to_have_text("Spans (1)")
    wait_saved(page)
    assert spans_in(aset) == [claim]

    page.keyboard.press("Control+Shift+z")
    expect(spans_heading(page)).to_have_text("Spans (0)")
    wait_saved(page)
    assert spans_in(aset) == []


# ---- 6. a refused save ------------------------------------------------------------------


def test_a_save_the_server_refuses_shows_its_error_as_an_alert_and_never_claims_saved(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    membership = Membership.objects.get(project=people.project, user=people.annotator)
    membership.delete()

    with page.expect_response(lambda r: r.request.method == "PUT") as answer:
        mouse_select(page, "the talks had stalled")
        page.keyboard.press("c")
    refusal = answer.value
    assert refusal.status in (403, 404)
    message = refusal.json()["error"]["message"]
    expect(status(page)).to_have_text(f"Not saved: {message}")
    expect(status(page)).to_have_attribute("role", "alert")
    expect(status(page)).to_have_attribute("data-state", "failed")
    expect(page.get_by_role("button", name="Retry saving")).to_be_visible()
    assert toolbar_in_one_row(page)
    page.screenshot(path=screenshot_path("workspace-flows-refused"))
    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    assert spans_in(aset) == []

    # Back in the project, Retry saves what was kept in the page.
    Membership.objects.create(project=people.project, user=people.annotator, role=Role.ANNOTATOR)
    page.get_by_role("button", name="Retry saving").click()
    wait_saved(page)
    expect(status(page)).to_have_attribute("role", "status")
    assert spans_in(aset) == [
        ("CLAIM", *where(REPORT, "the talks had stalled"), "the talks had stalled", {})
    ]


# ---- 7. a link across the story ---------------------------------------------------------


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
    expect(page.locator('[data-section="relations"]')).to_contain_text("(Report 2)")
    wait_saved(page)

    aset = AnnotationSet.objects.get(author=people.annotator, document=first)
    claim = Span.objects.get(annotation_set=aset)
    assert claim.text == "the talks had stalled"
    assert list(
        Relation.objects.filter(annotation_set=aset).values_list("type", "source", "target")
    ) == [("SAME_CLAIM", claim.pk, other_claim_id)]
