"""The schema alone, as JSON (``schema``): export a project's schema, or import one.

Export writes the header's schema definition as indented JSON (two spaces) and never reads
the documents. Import reads one JSON file holding a schema definition (or a Claimlens JSONL
header line, ``{"claimlens": "project", ..., "schema": {...}}``, whose schema is taken),
checks it with ``annotations.schema.validate_definition`` and returns it, defaults filled
in, in a header with no project settings and no members. Each problem the check finds is
its own error, named by its JSON path (``span_labels[0].key: must be a key ...``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from annotations.formats.records import (
    ExportNotes,
    ExportSpec,
    Header,
    ImportSpec,
    Issue,
    ReadResult,
    header_with_schema,
)
from annotations.formats.text_files import decoded
from annotations.schema import SchemaError, validate_definition


def write(header: Header, documents: Iterable[Any], notes: ExportNotes) -> Iterator[bytes]:
    """The header's schema; ``documents`` is left untouched (not even started)."""
    yield orjson.dumps(header["schema"], option=orjson.OPT_INDENT_2) + b"\n"


def _parsed(name: str, data: bytes, options: dict[str, Any], result: ReadResult) -> Any:
    text = decoded(name, data, options, result)
    if text is None:
        return None
    if not text.strip():
        result.errors.append(Issue(name, None, "empty file: no schema to import"))
        return None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        message = f"not JSON: {error.msg} (column {error.colno})"
        result.errors.append(Issue(name, error.lineno, message))
        return None


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    if len(files) != 1:
        result.errors.append(Issue("", None, f"a schema is one JSON file, not {len(files)}"))
        return result
    [(name, data)] = files
    definition = _parsed(name, data, options, result)
    if result.errors:
        return result
    if isinstance(definition, dict) and definition.get("claimlens") == "project":
        definition = definition.get("schema")
    try:
        checked = validate_definition(definition)
    except SchemaError as error:
        for path, message in error.errors.items():
            result.errors.append(Issue(name, None, f"{path}: {message}" if path else message))
        return result
    result.header = header_with_schema(checked)
    return result


EXPORTS = {
    "schema": ExportSpec(
        title="The schema alone (JSON)",
        media_type="application/json",
        extension="json",
        write=write,
        wants_json=True,  # the documents are never read: no need to parse them
    )
}
IMPORT = ImportSpec(title="Schema JSON", names=("schema",), read=read)
