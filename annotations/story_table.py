"""Pure: the pieces of a story's claims x outlets table that need no database.

- ``claim_clusters``: CLAIM spans joined by SAME_CLAIM links (agreement's union-find,
  across documents); a claim with no link is a cluster of its own.
- ``differing_ranges``: the character ranges of a wording whose words the other outlets'
  wordings of the same claim do not use (words compared case-folded, quote marks unified,
  possessives dropped).
- ``paragraph_starts`` / ``paragraph_number`` / ``zone_of``: where a span sits: the 1-based
  paragraph (paragraphs are separated by blank lines, or by line breaks
  in a text without blank lines) and the zone (``headline``, ``lede``:
  the first body paragraph, ``body``, or another zone kind the import found, such as
  ``caption``).
- ``is_anonymous`` and ``outlet_figures``: the per-outlet counts (claims, anonymous
  attribution, claims the outlet alone carries, cue verbs, stance values).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from annotations.agreement.clusters import components

WORD = re.compile(r"\w+(?:['’]\w+)*")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
LINE_BREAK = re.compile(r"\n\s*")
ANONYMOUS_SOURCE_TYPES = ("anonymous_official", "anonymous_other")
ANONYMOUS_ENTRY_KINDS = ("anonymous_official",)


def claim_clusters(claims: Sequence[int], links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The claims grouped by the links between them (pairs of claim ids; links naming an id
    not in ``claims`` are ignored), each group sorted, groups in order of their first id.
    The union-find is agreement's (``clusters.components``)."""
    claims = list(dict.fromkeys(claims))
    groups: dict[int, list[int]] = {}
    for claim, root in zip(claims, components(claims, links), strict=True):  # type: ignore[arg-type]
        groups.setdefault(root, []).append(claim)
    return sorted((sorted(group) for group in groups.values()), key=lambda g: g[0])


def word_key(word: str) -> str:
    """A word as compared: case-folded, quote marks unified, a possessive 's dropped
    ("Council's" is "council")."""
    key = word.casefold().replace("’", "'")
    return key[:-2] if key.endswith("'s") and len(key) > 2 else key


def word_set(text: str) -> set[str]:
    return {word_key(m.group()) for m in WORD.finditer(text)}


def differing_ranges(text: str, other_words: set[str]) -> list[list[int]]:
    """``[start, end]`` ranges of ``text`` covering its words not in ``other_words``;
    neighbouring differing words (only spaces or punctuation between them) form one range.
    Nothing differs when there is nothing to compare with (``other_words`` empty)."""
    if not other_words:
        return []
    ranges: list[list[int]] = []
    previous_differed = False
    for match in WORD.finditer(text):
        differs = word_key(match.group()) not in other_words
        if differs and previous_differed:
            ranges[-1][1] = match.end()
        elif differs:
            ranges.append([match.start(), match.end()])
        previous_differed = differs
    return ranges


def paragraph_starts(text: str) -> list[int]:
    """The offsets where the text's paragraphs start: blank lines separate them, or, in a
    text with no blank line (some outlets' pages give one paragraph a line), line breaks."""
    breaks = PARAGRAPH_BREAK if PARAGRAPH_BREAK.search(text) else LINE_BREAK
    starts = [0]
    starts.extend(m.end() for m in breaks.finditer(text) if m.end() < len(text))
    return starts


def paragraph_number(starts: Sequence[int], offset: int) -> int:
    """The 1-based paragraph holding ``offset``."""
    return max(1, bisect.bisect_right(starts, offset))


def zone_of(zones: Sequence[Mapping[str, Any]], starts: Sequence[int], offset: int) -> str:
    """``headline``, ``lede`` (the paragraph of the first body zone's start), ``body``, or
    the kind of another zone holding ``offset``; ``body`` when no zone holds it."""
    kind = "body"
    for zone in zones:
        if zone.get("start", 0) <= offset < zone.get("end", 0):
            kind = str(zone.get("kind") or "body")
            break
    if kind != "body":
        return kind
    body_starts = [z.get("start", 0) for z in zones if z.get("kind") == "body"]
    first_body = min(body_starts) if body_starts else 0
    lede = paragraph_number(starts, first_body)
    return "lede" if paragraph_number(starts, offset) == lede else "body"


def is_anonymous(source: Mapping[str, Any] | None) -> bool:
    """Whether a claim's source is anonymous: its source type, or its registry entry's kind."""
    if source is None:
        return False
    if source.get("source_type") in ANONYMOUS_SOURCE_TYPES:
        return True
    entry = source.get("entry")
    return bool(entry) and entry.get("kind") in ANONYMOUS_ENTRY_KINDS


def outlet_figures(
    columns: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Per outlet (in column order): documents, CLAIM spans, how many of them are
    attributed to an anonymous source (and the share), the claims (rows) only this outlet
    carries, the cue texts used (lower-cased, with counts, most used first) and the stance
    values recorded toward its claims (with counts)."""
    outlet_of = {column["id"]: column["outlet"] for column in columns}
    figures: dict[str, dict[str, Any]] = {}
    for column in columns:
        entry = figures.setdefault(
            column["outlet"],
            {"outlet": column["outlet"], "documents": 0, "claims": 0, "anonymous": 0,
             "only_outlet": 0, "cues": Counter(), "stances": Counter()},
        )  # fmt: skip
        entry["documents"] += 1
    for row in rows:
        carried = set()
        for cell in row["cells"]:
            outlet = outlet_of[cell["document"]]
            carried.add(outlet)
            entry = figures[outlet]
            for claim in cell["claims"]:
                entry["claims"] += 1
                entry["anonymous"] += is_anonymous(claim["source"])
                if claim["cue"]:
                    entry["cues"][claim["cue"]["text"].strip().lower()] += 1
                for stance in claim["stances"]:
                    entry["stances"][stance["value"]] += 1
        if len(carried) == 1:
            figures[carried.pop()]["only_outlet"] += 1
    result = []
    for entry in figures.values():
        claims = entry["claims"]
        result.append(
            {
                **entry,
                "anonymous_share": round(entry["anonymous"] / claims, 4) if claims else 0.0,
                "cues": _counted(entry["cues"], "cue"),
                "stances": _counted(entry["stances"], "value"),
            }
        )
    return result


def _counted(counts: Counter, name: str) -> list[dict[str, Any]]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{name: key, "count": count} for key, count in ordered]


CSV_COLUMNS = (
    "claim", "outlets", "document", "outlet", "title", "published", "text", "source",
    "source_type", "registry_entry", "cue", "zone", "paragraph", "stances",
)  # fmt: skip


def table_csv_rows(table: Mapping[str, Any]) -> list[list[Any]]:
    """The table as CSV rows, a header then one row per claim in a cell (a claim's row id
    is its cluster's: rows with the same ``claim`` are the same claim in several outlets).
    Stances are ``holder: value`` joined by ``; `` (``document`` when no holder)."""
    columns = {column["id"]: column for column in table["documents"]}
    out: list[list[Any]] = [list(CSV_COLUMNS)]
    for row in table["rows"]:
        for cell in row["cells"]:
            column = columns[cell["document"]]
            for claim in cell["claims"]:
                source = claim["source"] or {}
                entry = source.get("entry") or {}
                stances = "; ".join(
                    f"{s['holder'] or 'document'}: {s['value']}" for s in claim["stances"]
                )
                out.append([
                    row["id"], row["outlets"], column["id"], column["outlet"], column["title"],
                    column["published_at"], claim["text"], source.get("text"),
                    source.get("source_type"), entry.get("key"),
                    (claim["cue"] or {}).get("text"), claim["zone"], claim["paragraph"], stances,
                ])  # fmt: skip
    return out
