"""Exchange formats: one module (or package) per format, found through ``FORMATS`` (name ->
dotted path).

A format module is pure: it reads files into plain records or writes plain records out, and
never touches the database. The records are those of the native JSONL format, described in
``docs/formats.md`` and ``annotations/formats/records.py``. A module defines

- ``EXPORTS``: ``{name: ExportSpec}`` for the names it writes (``csv_tables`` writes two), and/or
- ``IMPORT``: an ``ImportSpec`` whose ``read(files, options)`` gives a ``ReadResult``.

Modules are imported on first use, so a heavy library (spaCy, pyarrow) costs nothing until
someone asks for its format. Those libraries come with the optional ``training`` extra:
``NEEDS`` names the formats that need one, and without it ``export_spec`` / ``import_spec``
raise ``FormatUnavailable`` (a ``UnknownFormat``, so every caller answers it as a bad
request) with a message that says how to install it. Such formats stay listed;
``unavailable(name)`` gives the message, or None.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from importlib.util import find_spec
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


# format -> (what it is called in the message, the module it needs, that module's name)
NEEDS: dict[str, tuple[str, str, str]] = {
    "conll": ("CoNLL", "spacy", "spaCy"),
    "spacy": ("spaCy DocBin", "spacy", "spaCy"),
    "hf-parquet": ("Hugging Face Parquet", "pyarrow", "pyarrow"),
}
EXTRA = "training"


class UnknownFormat(ValueError):
    pass


class FormatUnavailable(UnknownFormat):
    """The format is known but needs a library this server was installed without."""


@cache
def _installed(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except ImportError:  # a finder that refuses it: not usable either
        return False


def unavailable(name: str) -> str | None:
    """Why this server cannot write or read the format, or None when it can."""
    if name not in NEEDS:
        return None
    title, module, library = NEEDS[name]
    if _installed(module):
        return None
    return (
        f"The {title} format needs the optional '{EXTRA}' extra ({library}), which this server "
        f"does not have. Install it with `make run EXTRAS={EXTRA}` or "
        f"`pip install 'claimlens[{EXTRA}]'`."
    )


def _check_available(name: str) -> None:
    message = unavailable(name)
    if message is not None:
        raise FormatUnavailable(message)


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


def export_spec(name: str, *, usable: bool = True) -> ExportSpec:
    """How to write a format; ``UnknownFormat`` when it cannot be written, and
    ``FormatUnavailable`` when its library is missing (unless ``usable`` is False: to list it)."""
    spec = _export(name)
    if spec is None:
        raise UnknownFormat(
            f"format {name!r} cannot be exported: use one of {', '.join(export_formats())}"
        )
    if usable:
        _check_available(name)
    return spec


def import_spec(name: str, *, usable: bool = True) -> ImportSpec:
    """How to read a format; ``UnknownFormat`` when it cannot be read, and
    ``FormatUnavailable`` when its library is missing (unless ``usable`` is False: to list it)."""
    spec = _import(name)
    if spec is None:
        raise UnknownFormat(
            f"format {name!r} cannot be imported: use one of {', '.join(import_formats())}"
        )
    if usable:
        _check_available(name)
    return spec
