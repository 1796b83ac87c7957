"""What the annotation services raise when a request breaks a rule. They know nothing of
HTTP: ``config/errors.py`` maps each to a status and the error envelope."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A request that breaks a domain rule (the API answers 400).

    ``details`` maps field names (or paths such as ``spans[3].text``) to messages.
    """

    def __init__(self, message: str, details: dict[str, Any] | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.details = details or {}
        self.code = code


class SetStateConflict(Exception):
    """A set's status (or its document's slots) does not allow the step (409)."""

    def __init__(self, message: str, status: str):
        super().__init__(message)
        self.message = message
        self.status = status


class ProjectArchived(Exception):
    """A write in an archived project (409): it is read-only until unarchived."""

    def __init__(self) -> None:
        super().__init__("This project is archived; unarchive it to change it.")
        self.message = str(self)


class VersionConflict(Exception):
    """A write carrying a stale version (409): someone saved in between."""

    def __init__(self, current_version: int):
        super().__init__(f"stale version; current version is {current_version}")
        self.current_version = current_version


class DocumentFull(Exception):
    """A new annotator set on a document that has all its annotators (409)."""

    def __init__(self, assigned: int, limit: int):
        super().__init__(
            f"This document has all its annotators ({assigned} of {limit}); take the next "
            "document from your queue instead."
        )
        self.message = str(self)
        self.details = {"assigned": assigned, "annotators_per_document": limit}
