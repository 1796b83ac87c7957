"""A problem (or a note) at a place in the input: the one type every import reports with.

Pure: no ORM. Readers yield an ``Issue`` for a line they cannot read, imports collect them
in their reports, and the API returns them with ``as_dict()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Issue:
    """``file``, the 1-based ``line`` (``None`` when the whole file is meant) and ``message``."""

    file: str
    line: int | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "message": self.message}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}" if where else self.message  # no file: an option's
