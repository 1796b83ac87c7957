"""Text the corpus tests build their articles from, and the helpers they read results with."""

from __future__ import annotations

import json

from corpus.cleaning import CleanResult

LEAD = (
    "The harbour council voted on Tuesday to close the old bridge for repairs, a decision "
    "that will divert traffic for months, officials said."
)


def jsonl(*objects: object) -> bytes:
    """The objects as a JSON Lines file (UTF-8, non-ASCII kept as is)."""
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects).encode()


def zone_texts(result: CleanResult, kind: str) -> list[str]:
    """The text of each zone of this kind, in order."""
    return [result.text[z.start : z.end] for z in result.zones if z.kind == kind]
