"""What cleaning returns: the cleaned text, what was found in it, and what was removed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed piece of the input: its 1-based line number, the rule, the removed text."""

    line: int
    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class Zone:
    """A code-point range ``[start, end)`` of the cleaned text and what it holds."""

    kind: str  # headline | byline | dateline | caption | body
    start: int
    end: int

    def as_dict(self) -> dict[str, int | str]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class OutletCue:
    """Evidence for (score > 0) or against (score < 0) an outlet having published the text."""

    outlet: str
    cue: str
    score: int
    line: int


@dataclass(slots=True)
class CleanResult:
    text: str
    title: str = ""
    outlet: str | None = None
    outlet_domain: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: date | None = None
    zones: list[Zone] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    outlet_cues: list[OutletCue] = field(default_factory=list)
    cited_outlets: list[str] = field(default_factory=list)
    enabled: bool = True

    def zones_as_dicts(self) -> list[dict[str, int | str]]:
        return [zone.as_dict() for zone in self.zones]

    def audit(self) -> dict[str, object]:
        """A JSON-able account of the cleaning, kept with the document (``meta["cleaning"]``)."""
        return {
            "enabled": self.enabled,
            "removed": [{"line": r.line, "rule": r.rule, "text": r.text} for r in self.removed],
            "byline": self.byline,
            "dateline": self.dateline,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "outlet_cues": [
                {"outlet": c.outlet, "cue": c.cue, "score": c.score, "line": c.line}
                for c in self.outlet_cues
            ],
            "cited_outlets": list(self.cited_outlets),
        }
