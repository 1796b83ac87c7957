"""What an import reports: errors (at most ``MAX_ERRORS`` listed), notes and counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotations.contracts import AnnotationImportResult, ImportCounts
from annotations.formats.records import Issue

MAX_ERRORS = 1000  # listed in a report; the count says how many there were in all


@dataclass
class ImportOutcome:
    errors: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)
    error_count: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    users_created: list[str] = field(default_factory=list)
    schema_replaced: bool = False
    raw_articles: list[str] = field(default_factory=list)  # files that are articles, not data

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, issue: Issue) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(issue)

    def to_dict(self) -> AnnotationImportResult:
        return {
            "imported": self.ok,
            "errors": [issue.as_dict() for issue in self.errors],
            "error_count": self.error_count,
            "notes": [issue.as_dict() for issue in self.notes],
            "counts": {key: self.counts[key] for key in ImportCounts.__annotations__},
            "users_created": self.users_created,
            "schema_replaced": self.schema_replaced,
            "raw_articles": self.raw_articles,
        }
