"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM."""

from __future__ import annotations

import codecs

from corpus.issues import Issue

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """The bytes of a file are not text in an encoding Claimlens reads; says which byte."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def bytes_decode(name: str, data: bytes, fallback: str | None = None) -> str:
    """Decode by BOM, else as UTF-8 (else ``fallback``, e.g. an HTML page's declared charset).

    Raises ``DecodeError`` naming the file and the first bad byte."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(name, data[len(bom) :], encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if fallback:
            try:
                return data.decode(fallback)
            except (LookupError, UnicodeDecodeError):
                pass
        line = data.count(b"\n", 0, error.start) + 1
        raise DecodeError(_message(name, "UTF-8", error), line) from None


def text_read(name: str, data: bytes, what: str, fallback: str | None = None) -> str | Issue:
    """A whole file as text (``bytes_decode``), or an ``Issue``: bytes that do not decode,
    or a blank file ("empty file: no ``what`` to import")."""
    try:
        text = bytes_decode(name, data, fallback)
    except DecodeError as error:
        return Issue(name, error.line, str(error))
    if not text.strip():
        return Issue(name, None, f"empty file: no {what} to import")
    return text


def _decode(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(_message(name, encoding.upper(), error)) from None


def _message(name: str, encoding: str, error: UnicodeDecodeError) -> str:
    bad = error.object[error.start : error.start + 4].hex(" ")
    return (
        f"{name}: cannot be read as {encoding} (bad bytes {bad} at byte {error.start}); "
        "save it as UTF-8, or as UTF-16 with a byte-order mark"
    )
