"""A brat project's files read into records: the layout (one folder, or a folder per
layer), the documents (a ``.txt`` and its ``.ann`` in each folder), and the schema (from the
``annotation.conf`` nearest the root, else from what the files hold). See the package
docstring for the rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import count
from pathlib import PurePosixPath
from typing import Any

from annotations.formats.brat.confs import conf_read, schema_from_conf, visual_read
from annotations.formats.brat.layout import CONF, README, VISUAL, set_record
from annotations.formats.brat.naming import Naming
from annotations.formats.brat.read_ann import AnnReader
from annotations.formats.records import Issue, ReadDocument, ReadResult, header_with_schema
from annotations.formats.schema_derive import schema_header
from annotations.formats.text_files import decoded
from annotations.schema import SchemaError, validate_definition


@dataclass
class _File:
    path: str
    text: str


@dataclass
class _Layer:
    texts: dict[str, _File] = field(default_factory=dict)  # stem -> .txt
    anns: dict[str, _File] = field(default_factory=dict)  # stem -> .ann


def _root(paths: list[PurePosixPath]) -> tuple[str, ...]:
    """The deepest folder that holds every file (``()`` when they share none)."""
    common = list(paths[0].parent.parts)
    for path in paths[1:]:
        parts = path.parent.parts
        n = 0
        while n < min(len(common), len(parts)) and common[n] == parts[n]:
            n += 1
        del common[n:]
    return tuple(common)


def _nearest(found: list[tuple[PurePosixPath, str, bytes]]) -> tuple[str, bytes] | None:
    """The configuration file nearest the root (the first by name among equals)."""
    if not found:
        return None
    _, name, data = min(found, key=lambda item: (len(item[0].parts), item[1]))
    return name, data


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    entries = [(PurePosixPath(name), name, data) for name, data in files]
    anns = [path for path, _, _ in entries if path.suffix == ".ann"]
    if not anns:
        result.errors.append(
            Issue("", None, "no .ann files: a brat project has a .txt and an .ann per document")
        )
        return result
    root = _root([path for path, _, _ in entries])
    depths = {len(path.parts) - len(root) - 1 for path in anns}
    if depths not in ({0}, {1}):
        deepest = max(anns, key=lambda path: len(path.parts))
        result.errors.append(
            Issue(
                str(deepest),
                None,
                ".ann files sit at different folder depths: upload one folder of .txt/.ann "
                "pairs, or a folder with one subfolder per annotator",
            )
        )
        return result
    per_annotator = depths == {1}

    layers: dict[str | None, _Layer] = defaultdict(_Layer)
    confs: list[tuple[PurePosixPath, str, bytes]] = []
    visuals: list[tuple[PurePosixPath, str, bytes]] = []
    for path, name, data in entries:
        if path.name == CONF:
            confs.append((path, name, data))
            continue
        if path.name == VISUAL:
            visuals.append((path, name, data))
            continue
        if path.suffix not in (".txt", ".ann"):
            continue
        inner = path.parts[len(root) :]
        if len(inner) != (2 if per_annotator else 1):
            if path.name.lower() != README.lower():
                where = "in an annotator's folder" if per_annotator else "beside the .ann files"
                result.notes.append(Issue(name, None, f"not {where}: not imported"))
            continue
        text = decoded(name, data, options, result)
        if text is None:
            continue
        layer = layers[inner[0] if per_annotator else None]
        (layer.anns if path.suffix == ".ann" else layer.texts)[path.stem] = _File(name, text)

    naming = Naming()
    conf = None
    found = _nearest(confs)
    if found is not None:
        text = decoded(found[0], found[1], options, result)
        if text is not None:
            conf = conf_read(found[0], text, naming, result)
    result.documents = _documents(layers, naming, result)
    visual = _nearest(visuals)
    display = visual_read(decoded(*visual, options, result) or "") if visual else {}
    if conf is not None:
        definition = schema_from_conf(conf, result.documents, naming, display, result)
        result.header = header_with_schema(definition)
    else:
        result.header = schema_header(result.documents)
    if not result.header["schema"]["span_labels"]:
        result.header = None  # no labels declared nor used: the project keeps its schema
        return result
    try:
        validate_definition(result.header["schema"])
    except SchemaError as error:
        place = conf.path if conf is not None else ""
        for path, message in error.errors.items():
            result.errors.append(Issue(place, None, f"schema.{path}: {message}"))
    return result


def _documents(
    layers: dict[str | None, _Layer], naming: Naming, result: ReadResult
) -> list[ReadDocument]:
    by_stem: dict[str, ReadDocument] = {}
    ids = count(1)
    for name in sorted(layers, key=lambda n: (n is not None, n or "")):
        layer = layers[name]
        for stem in sorted(set(layer.texts) | set(layer.anns)):
            txt, ann = layer.texts.get(stem), layer.anns.get(stem)
            if txt is None:
                assert ann is not None
                message = f"no {stem}.txt beside it: brat needs the document's text"
                result.errors.append(Issue(ann.path, None, message))
                continue
            if ann is None and txt.path.rsplit("/", 1)[-1].lower() == README.lower():
                continue
            record = by_stem.get(stem)
            if record is None:
                record = {
                    "title": stem,
                    "text": txt.text,
                    "meta": {"source": {"format": "brat", "file": txt.path}},
                    "sets": [],
                    "_where": {"file": (ann or txt).path, "line": None},
                }
                by_stem[stem] = record
            elif record["text"] != txt.text:
                other = record["meta"]["source"]["file"]
                message = (
                    f"{stem}.txt differs from the file of that name in another annotator's "
                    f"folder ({other}): a document must have the same text in every folder"
                )
                result.errors.append(Issue(txt.path, None, message))
                continue
            if ann is None:
                whose = f"{name}'s annotations" if name else "annotations"
                message = f"no {stem}.ann beside it: the document is imported without {whose}"
                result.notes.append(Issue(txt.path, None, message))
                continue
            spans, relations = AnnReader(ann.path, txt.text, ids, naming, result).read(ann.text)
            record["sets"].append(set_record(name, spans, relations))
    return list(by_stem.values())
