"""``article_clean``: the cleaning pipeline, from scraped text to text, metadata and zones."""

from __future__ import annotations

from typing import Any

from corpus.cleaning.boilerplate import boilerplate_rule, is_author_card, is_related_list_item
from corpus.cleaning.captions import captions_mark
from corpus.cleaning.header import Header, header_detect
from corpus.cleaning.lines import BODY, DATELINE, Line, lines_split
from corpus.cleaning.markup import markup_strip
from corpus.cleaning.normalise import collapse_whitespace, normalise_text
from corpus.cleaning.outlets import (
    OUTLET_NAMES,
    domain_of,
    known_domain,
    outlet_canonical,
    outlet_cues_collect,
    outlet_decide,
    outlet_for_domain,
)
from corpus.cleaning.result import CleanResult, Removal, Zone


def article_clean(
    raw: str,
    *,
    enabled: bool = True,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> CleanResult:
    """Clean one article as scraped from a news page.

    Always: NFC and ``\\n`` line endings. With ``enabled`` (the default) also: lines
    trimmed, HTML tag remnants stripped, boilerplate lines and repeated captions removed,
    runs of blank lines collapsed to one. Detection (headline, dateline, byline, captions,
    outlet) runs either way; with ``enabled=False`` the text is exactly the normalised
    input and nothing is removed. ``title``, ``outlet`` and ``url`` are metadata that win
    over what the text suggests."""
    removed: list[Removal] = []
    lines = lines_split(normalise_text(raw))
    if enabled:
        lines = markup_strip(lines, removed)
    _boilerplate_mark(lines, removed)
    captions_mark(lines, removed)
    title_hint = collapse_whitespace(title) if title else ""
    header = header_detect(lines, title_hint, OUTLET_NAMES)
    result = _assemble_cleaned(lines) if enabled else _assemble_verbatim(lines)
    result.enabled = enabled
    result.removed = sorted(removed, key=lambda r: r.line) if enabled else []
    result.title = header.title
    result.byline, result.dateline, result.published = (
        header.byline,
        header.dateline,
        header.published,
    )
    _outlet_set(result, lines, header, removed, outlet, url)
    return result


def _boilerplate_mark(lines: list[Line], removed: list[Removal]) -> None:
    after_photo = False
    in_list = False  # right under a "Most Popular"-like heading, before a blank line
    for line in lines:
        if not line.text:
            in_list = False
            continue
        if line.removed is not None:
            continue
        rule = boilerplate_rule(line.text)
        if rule is None and after_photo and is_author_card(line.text):
            rule = "author_card"
        if rule is None and in_list and is_related_list_item(line.text):
            rule = "related_list"
        after_photo = rule == "author_photo"
        in_list = rule in ("related_heading", "related_list")
        if rule:
            line.removed = rule
            removed.append(Removal(line.no, rule, line.raw))


class _ZoneBuilder:
    """Consecutive lines of one kind form one zone. A removed line breaks the run; a blank
    line (a paragraph break) breaks it too, except between body paragraphs."""

    def __init__(self) -> None:
        # [kind, start, end] of each zone, the last one extended in place as lines come
        self.spans: list[list[Any]] = []
        self.broken = False  # a removed line since the last zone
        self.paragraph = False  # a blank line since the last zone

    def add(self, kind: str, start: int, end: int) -> None:
        if end <= start:
            return
        spans = self.spans
        if spans and not self.broken:
            last = spans[-1]
            if last[0] == kind and (kind == BODY or not self.paragraph):
                last[2] = end
                self.paragraph = False
                return
        spans.append([kind, start, end])
        self.broken = self.paragraph = False

    def line(self, line: Line, start: int, text: str) -> None:
        """Zones of one line whose (trimmed) text starts at ``start``."""
        if line.prefix:
            self.add(DATELINE, start, start + len(text[: line.prefix].rstrip()))
            self.add(line.kind, start + line.prefix, start + len(text))
        else:
            self.add(line.kind, start, start + len(text))

    def zones(self) -> list[Zone]:
        return [Zone(kind, start, end) for kind, start, end in self.spans]


def _assemble_cleaned(lines: list[Line]) -> CleanResult:
    parts: list[str] = []
    builder = _ZoneBuilder()
    position = 0
    blank_pending = False
    for line in lines:
        if line.removed is not None:
            continue
        text = line.text
        if not text:
            blank_pending = bool(parts)
            builder.paragraph = True
            continue
        if parts:
            separator = "\n\n" if blank_pending else "\n"
            parts.append(separator)
            position += len(separator)
        blank_pending = False
        builder.line(line, position, text)
        parts.append(text)
        position += len(text)
    return CleanResult(text="".join(parts), zones=builder.zones())


def _assemble_verbatim(lines: list[Line]) -> CleanResult:
    """Nothing removed or trimmed: zones over the trimmed part of each line."""
    builder = _ZoneBuilder()
    position = 0
    for line in lines:
        raw = line.raw
        if not line.text:
            builder.paragraph = True
        elif line.removed is None:
            builder.line(line, position + len(raw) - len(raw.lstrip()), line.text)
        else:
            builder.broken = True
        position += len(raw) + 1
    return CleanResult(text="\n".join([line.raw for line in lines]), zones=builder.zones())


def _outlet_set(
    result: CleanResult,
    lines: list[Line],
    header: Header,
    removed: list[Removal],
    outlet_hint: str | None,
    url: str | None,
) -> None:
    """Metadata first, then a known web domain, then the text's cues, then any domain.
    The article's sentences are scanned for cues only when neither metadata nor a known
    domain names the outlet."""
    domain = domain_of(url) if url else None
    hint = collapse_whitespace(outlet_hint) if outlet_hint else ""
    known = outlet_for_domain(domain) if domain else None
    result.outlet_cues = outlet_cues_collect(
        lines,
        byline_outlet=header.byline_outlet,
        bio_outlet=header.bio_outlet,
        bio_line=header.bio_line,
        dateline_agency=header.dateline_agency,
        dateline_line=header.dateline_line,
        copyright_lines=[(r.line, r.text) for r in removed if r.rule == "copyright"],
        scan_text=not (hint or known),
    )
    from_text, result.cited_outlets = outlet_decide(result.outlet_cues)
    if hint:
        result.outlet = outlet_canonical(hint)
    elif known:
        result.outlet = known
    elif from_text:
        result.outlet = from_text
    elif domain:
        result.outlet = domain
    result.outlet_domain = domain or (known_domain(result.outlet) if result.outlet else None)
