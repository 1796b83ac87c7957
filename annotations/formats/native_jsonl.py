"""Native JSONL: lossless. Line 1 is the header (project, schema, members); every further
line is one document record with all its sets (``annotations/formats/records.py``).

Export streams the records as PostgreSQL built them (no parsing in Python). Import reads any
file of this shape, the header optional: a file of document lines alone imports documents
and sets into a project with a matching schema. It reads version 1 too, whose sets name
their ``author`` ``annotator`` and their ``model_name`` ``model``: those keys are read as the
new ones wherever a set lacks the new key (with or without a header)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from annotations.formats.records import (
    NATIVE_VERSION,
    ExportNotes,
    ExportSpec,
    Header,
    ImportSpec,
    Issue,
    ReadResult,
    set_keys_current,
)
from annotations.formats.text_files import json_lines

READ_VERSIONS = (1, NATIVE_VERSION)


def write(header: Header, documents: Iterable[bytes], notes: ExportNotes) -> Iterator[bytes]:
    yield orjson.dumps(header) + b"\n"
    for line in documents:
        yield line + b"\n"


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    for name, data in files:
        _read_file(name, data, options, result)
    return result


def _read_file(name: str, data: bytes, options: dict[str, Any], result: ReadResult) -> None:
    for number, item in json_lines(name, data, options, result):
        kind = item.get("claimlens", "document")
        if kind == "project":
            if result.header is not None or result.documents:
                result.errors.append(
                    Issue(name, number, "the project header must be the first line, once")
                )
            elif item.get("version") not in READ_VERSIONS:
                message = f"version {item.get('version')!r} is not one this server reads"
                versions = ", ".join(map(str, READ_VERSIONS))
                result.errors.append(Issue(name, number, f"{message} ({versions})"))
            else:
                result.header = item
            continue
        if kind != "document":
            result.errors.append(
                Issue(name, number, f'"claimlens" is {kind!r}; expected "project" or "document"')
            )
            continue
        sets = item.get("sets")
        for aset in sets if isinstance(sets, list) else []:
            if isinstance(aset, dict):
                set_keys_current(aset)
        item["_where"] = {"file": name, "line": number}
        result.documents.append(item)
    if not result.documents and not result.errors:
        result.errors.append(Issue(name, None, "no document lines in the file"))


EXPORTS = {
    "jsonl": ExportSpec(
        title="Claimlens JSONL (lossless: documents, schema, every set)",
        media_type="application/x-ndjson",
        extension="jsonl",
        write=write,
        wants_json=True,
    )
}
IMPORT = ImportSpec(title="Claimlens JSONL", names=("jsonl",), read=read)
