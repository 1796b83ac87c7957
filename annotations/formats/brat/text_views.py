"""The ways an ``.ann`` file's offsets may count its ``.txt``, and which one a file follows.

brat reads a ``.txt`` as UTF-8 with universal newlines: a ``\\r\\n`` is one character (and a
lone ``\\r`` a ``\\n``), and a byte-order mark at the start is a character of its own
(U+FEFF, at offset 0). Tools that write brat files from the bytes count ``\\r\\n`` as two and
leave the mark out. So a text that holds a ``\\r\\n`` or began with a mark has several *views*;
``views`` lists them (brat's first), ``TextView.original`` moves an offset of a view back onto
the text as decoded (the mark removed, ``\\r\\n`` kept), where the import service takes over.
Which view a file follows is decided by its span texts (``read_ann``), never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

BOM = "\ufeff"
_NEWLINE_RE = re.compile(r"\r\n?")


@dataclass(frozen=True)
class TextView:
    """The text as one convention counts it: ``text`` is what the offsets index."""

    text: str
    name: str = "offsets count the text as it decodes"  # for the note saying which was used
    bom: bool = False  # the byte-order mark is character 0
    # where each "\n" that stands for a "\r\n" of the decoded text is (mark not counted)
    merged: list[int] = field(default_factory=list)

    def original(self, offset: int) -> int:
        """Where ``offset`` of this view falls in the text as decoded."""
        if self.bom:
            offset = max(offset - 1, 0)
        return offset + bisect_left(self.merged, offset)


def views(text: str, bom: bool) -> list[TextView]:
    """Every view the text has, brat's first; one view (the text itself) for most texts."""
    lines: list[tuple[str, str, list[int]]] = [(text, "", [])]
    if "\r" in text:
        merged: list[int] = []
        for match in _NEWLINE_RE.finditer(text):
            if match.group() == "\r\n":
                merged.append(match.start() - len(merged))
        lines = [
            (_NEWLINE_RE.sub("\n", text), "each \\r\\n as one character", merged),
            (text, "each \\r\\n as two characters", []),
        ]
    marks = [(True, "the byte-order mark as character 0"), (False, "not the byte-order mark")]
    found = []
    for mark, mark_name in marks if bom else [(False, "")]:
        for body, line_name, merged in lines:
            parts = [part for part in (line_name, mark_name) if part]
            name = f"offsets count {' and '.join(parts)}"
            if not found and parts:
                name += ", as brat does"
            found.append(TextView(BOM + body if mark else body, name, mark, merged))
    return found
