"""Exchange formats: one module (or package) per format, found through ``FORMATS`` (name ->
dotted path).

A format module is pure: it reads files into plain records or writes plain records out, and
never touches the database. The records are those of the native JSONL format, described in
``docs/formats.md`` and ``annotations/formats/records.py``. A module defines

- ``EXPORTS``: ``{name: ExportSpec}`` for the names it writes (``csv_tables`` writes two), and/or
- ``IMPORT``: an ``ImportSpec`` whose ``read(files, options)`` gives a ``ReadResult``.

Modules are imported on first use, so a heavy library (spaCy, pyarrow) costs nothing until
someone asks for its format.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from annotations.formats.records import ExportSpec, ImportSpec

FORMATS: dict[str, str] = {
    "jsonl": "annotations.formats.native_jsonl",
    "schema": "annotations.formats.schema_json",
    "brat": "annotations.formats.brat",
    "label-studio": "annotations.formats.label_studio",
    "conll": "annotations.formats.conll",
    "spacy": "annotations.formats.spacy_docbin",
    "hf-jsonl": "annotations.formats.hf_datasets",
    "hf-parquet": "annotations.formats.hf_datasets",
    "csv-spans": "annotations.formats.csv_tables",
    "csv-stances": "annotations.formats.csv_tables",
    "doccano": "annotations.formats.doccano",
    "mapped-jsonl": "annotations.formats.mapped_jsonl",
}


class UnknownFormat(ValueError):
    pass


def _module(name: str) -> ModuleType:
    path = FORMATS.get(name)
    if path is None:
        raise UnknownFormat(f"unknown format {name!r}: use one of {', '.join(FORMATS)}")
    return import_module(path)


def _export(name: str) -> ExportSpec | None:
    return getattr(_module(name), "EXPORTS", {}).get(name)


def _import(name: str) -> ImportSpec | None:
    spec = getattr(_module(name), "IMPORT", None)
    return spec if spec is not None and name in spec.names else None


def export_formats() -> list[str]:
    """Names of the formats that can be written, in registry order."""
    return [name for name in FORMATS if _export(name) is not None]


def import_formats() -> list[str]:
    """Names of the formats that can be read, in registry order."""
    return [name for name in FORMATS if _import(name) is not None]


def export_spec(name: str) -> ExportSpec:
    """How to write a format; ``UnknownFormat`` when it cannot be written."""
    spec = _export(name)
    if spec is None:
        raise UnknownFormat(
            f"format {name!r} cannot be exported: use one of {', '.join(export_formats())}"
        )
    return spec


def import_spec(name: str) -> ImportSpec:
    """How to read a format; ``UnknownFormat`` when it cannot be read."""
    spec = _import(name)
    if spec is None:
        raise UnknownFormat(
            f"format {name!r} cannot be imported: use one of {', '.join(import_formats())}"
        )
    return spec
