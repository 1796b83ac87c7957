"""Overlapping spans in the workspace, in Chromium: five spans over one word draw five
distinct underlines (in the computed style and on screen) and are named on hover."""

from __future__ import annotations

import re
import struct
import zlib

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.workspace_helpers import (
    REPORT,
    annotator_set,
    log_in,
    open_workspace,
    project_with,
    segment_at,
    span_on,
    spans_heading,
    write_set,
)

pytestmark = pytest.mark.e2e


# Okabe-Ito colours of the news-attribution preset, as the browser reports them.
BLUE = (0, 114, 178)  # CLAIM
VERMILLION = (213, 94, 0)  # SOURCE
GREEN = (0, 158, 115)  # CUE
WHITE = (255, 255, 255)


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
