"""The schema alone, as JSON: export the project's schema, or import one (checked)."""

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
from annotations.schema import SchemaError, validate_definition
from corpus.importers.decoding import DecodeError, bytes_decode


def write(header: Header, documents: Iterable[Any], notes: ExportNotes) -> Iterator[bytes]:
    """Only the header's schema: the documents are not read at all."""
    yield orjson.dumps(header["schema"], option=orjson.OPT_INDENT_2) + b"\n"


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    if len(files) != 1:
        result.errors.append(Issue("", None, f"a schema is one JSON file, not {len(files)}"))
        return result
    [(name, data)] = files
    try:
        definition = orjson.loads(bytes_decode(name, data, options.get("encoding")))
    except DecodeError as error:
        result.errors.append(Issue(name, error.line, str(error)))
        return result
    except orjson.JSONDecodeError as error:
        result.errors.append(Issue(name, None, f"not JSON: {error}"))
        return result
    try:
        definition = validate_definition(definition)
    except SchemaError as error:
        result.errors.extend(
            Issue(name, None, f"{path}: {msg}") for path, msg in error.errors.items()
        )
        return result
    result.header = header_with_schema(definition)
    return result


EXPORTS = {
    "schema": ExportSpec(
        title="The schema alone (JSON)",
        media_type="application/json",
        extension="json",
        write=write,
        wants_json=True,
    )
}
IMPORT = ImportSpec(title="A schema (JSON)", names=("schema",), read=read)
