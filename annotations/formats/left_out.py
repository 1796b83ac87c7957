"""What an export format cannot hold, counted per kind, so that nothing is dropped silently.

A writer makes one ``LeftOut`` naming the kinds its format has no place for, counts each
set (and each document's own comment thread) as it writes it, puts ``counts_text`` of a set
where the file allows a comment (CoNLL), and at the end adds one line with the totals to
the export's notes (``note``)::

    conll: left out 1,000 relations, 100 stances, 1 answer (BIO tags hold labelled spans only)
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from annotations.formats.records import DocumentRecord, ExportNotes, SetRecord

RELATION, STANCE, ANSWER = "relation", "stance", "answer"
ATTRIBUTE, COMMENT, OVERLAP = "attribute value", "comment", "overlapping span"
RELATION_ATTRIBUTE = "relation attribute value"  # where span attributes have a place


def counts_text(counts: Counter[str] | dict[str, int]) -> str:
    """``1,000 relations, 1 answer``: the kinds with a count, in the order given."""
    return ", ".join(f"{n:,} {kind}{'' if n == 1 else 's'}" for kind, n in counts.items() if n)


def _attribute_values(items: list[Any]) -> int:
    return sum(len(item.get("attributes") or {}) for item in items)


class LeftOut:
    """Counts of what one export leaves out, by kind (``RELATION``, ``STANCE``, ...)."""

    def __init__(self, fmt: str, kinds: tuple[str, ...], why: str):
        self.fmt, self.kinds, self.why = fmt, kinds, why
        self.totals: Counter[str] = Counter({kind: 0 for kind in kinds})

    def count_set(self, aset: SetRecord) -> Counter[str]:
        """What this format leaves out of one set (added to the totals too)."""
        found = {
            RELATION: len(aset.get("relations") or []),
            STANCE: len(aset.get("stances") or []),
            ANSWER: len(aset.get("answers") or {}),
            ATTRIBUTE: _attribute_values(aset.get("spans") or [])
            + _attribute_values(aset.get("relations") or []),
            COMMENT: len(aset.get("comments") or []),
        }
        counts = Counter({kind: found.get(kind, 0) for kind in self.kinds})
        self.totals.update(counts)
        return counts

    def count_document(self, record: DocumentRecord) -> int:
        """The document's own comment thread (not a set's), when comments are left out."""
        n = len(record.get("comments") or []) if COMMENT in self.kinds else 0
        self.totals[COMMENT] += n
        return n

    def add(self, kind: str, n: int = 1) -> None:
        self.totals[kind] += n

    def note(self, notes: ExportNotes) -> None:
        """One line with the totals in the export's notes, when anything was left out."""
        text = counts_text(self.totals)
        if text:
            notes.add(f"{self.fmt}: left out {text} ({self.why})")
