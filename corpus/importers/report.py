"""What an import reports: documents created or found, errors, near-duplicates, removals."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from corpus.issues import Issue
from corpus.models import Document


@dataclass
class ImportReport:
    """``created``: new documents; ``existing``: inputs whose cleaned text was already in the
    corpus (same sha256), returned so callers can attach them to a project; ``repeated``:
    inputs repeating an earlier input of the same import (not imported twice)."""

    created: list[Document] = field(default_factory=list)
    existing: list[Document] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    near_duplicates: list[dict] = field(default_factory=list)
    repeated: list[Issue] = field(default_factory=list)
    removed_by_rule: Counter[str] = field(default_factory=Counter)
    files_imported: set[str] = field(default_factory=set)  # files that gave a document
    ordered: list[Document] = field(default_factory=list, repr=False)
    sources: list[tuple[str, int | None]] = field(default_factory=list, repr=False)  # of ordered

    @property
    def documents(self) -> list[Document]:
        """Created and existing documents, in input order."""
        return list(self.ordered) if self.ordered else [*self.created, *self.existing]

    def _sources(self) -> list[tuple[str, int | None]]:
        """The file and line of each of ``documents`` (unknown for a report made by hand)."""
        if self.ordered and len(self.sources) == len(self.ordered):
            return self.sources
        return [("", None)] * len(self.documents)

    def to_dict(self) -> dict[str, Any]:
        created_ids = {doc.pk for doc in self.created}
        return {
            "counts": {
                "created": len(self.created),
                "existing": len(self.existing),
                "repeated": len(self.repeated),
                "errors": len(self.errors),
                "near_duplicates": len(self.near_duplicates),
            },
            "documents": [
                {
                    "id": doc.pk,
                    "title": doc.title,
                    "created": doc.pk in created_ids,
                    "file": file,
                    "line": line,
                }
                for doc, (file, line) in zip(self.documents, self._sources(), strict=True)
            ],
            "errors": [issue.as_dict() for issue in self.errors],
            "repeated": [issue.as_dict() for issue in self.repeated],
            "near_duplicates": list(self.near_duplicates),
            "removed_lines": {
                "total": sum(self.removed_by_rule.values()),
                "by_rule": dict(sorted(self.removed_by_rule.items())),
            },
        }
