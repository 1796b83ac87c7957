"""A write-only stream that keeps what was written until ``take()``.

A library that writes to a file (``zipfile`` for brat, pyarrow's ``ParquetWriter`` for
Hugging Face Parquet) writes into a ``Handover``, and the export yields what it takes as
soon as it is there: the file is streamed, not built whole in memory.

It can ``tell`` (pyarrow asks) but not ``seek``, so ``zipfile`` never goes back to a member's
header: it writes each member with a data descriptor, and what it wrote is final at once.
"""

from __future__ import annotations

from typing import Any


class Handover:
    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._written = 0
        self.closed = False

    def write(self, data: Any) -> int:
        part = bytes(data)
        self._parts.append(part)
        self._written += len(part)
        return len(part)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        """What was written since the last ``take``."""
        data = b"".join(self._parts)
        self._parts = []
        return data
