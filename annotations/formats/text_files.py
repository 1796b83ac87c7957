"""Uploaded files read as text: decoded (UTF-8, UTF-16/32 with a BOM, or the ``encoding``
option), split into JSON lines, and a document record made from each line.

What cannot be read becomes an ``Issue`` in the reader's ``ReadResult``, named by file and
line, and reading goes on where it can.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson

from annotations.formats.records import Issue, ReadDocument, ReadResult
from corpus.decoding import DecodeError, bytes_decode


class LineError(ValueError):
    """What is wrong with one line of a file."""


def decoded(name: str, data: bytes, options: dict[str, Any], result: ReadResult) -> str | None:
    """A file's text; None (and an error in ``result``, at the line of the first byte that
    does not decode) when it is not text in the expected encoding."""
    try:
        return bytes_decode(name, data, options.get("encoding"))
    except DecodeError as error:
        result.errors.append(Issue(name, error.line, str(error)))
        return None


def json_lines(
    name: str, data: bytes, options: dict[str, Any], result: ReadResult
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSONL file with their 1-based line numbers. Bytes that do not
    decode, lines that are not JSON and lines that are not objects become errors in
    ``result``. Lines split on "\\n" only: a JSON string may hold U+2028 unescaped."""
    text = decoded(name, data, options, result)
    if text is None:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            result.errors.append(Issue(name, number, f"not JSON: {error}"))
            continue
        if not isinstance(item, dict):
            result.errors.append(Issue(name, number, "each line must be a JSON object"))
            continue
        yield number, item


def documents_by_line(
    files: list[tuple[str, bytes]],
    options: dict[str, Any],
    result: ReadResult,
    document: Callable[[dict[str, Any]], ReadDocument],
) -> None:
    """A document record from each JSON line of each file, made by ``document`` (which raises
    ``LineError`` for a line it cannot read) and placed at its file and line. A file that
    gives neither a document nor an error is an error of its own (an empty file?)."""
    for name, data in files:
        found, errors = len(result.documents), len(result.errors)
        for number, item in json_lines(name, data, options, result):
            try:
                record = document(item)
            except LineError as error:
                result.errors.append(Issue(name, number, str(error)))
                continue
            record["_where"] = {"file": name, "line": number}
            result.documents.append(record)
        if len(result.documents) == found and len(result.errors) == errors:
            result.errors.append(Issue(name, None, "no lines with a text: an empty file?"))
