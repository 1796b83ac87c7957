"""A brat project's files read into records: the layout (one folder, or a folder per
layer), the documents (a ``.txt`` and its ``.ann`` in each folder), and the schema (from the
``annotation.conf`` nearest the root, else from what the files hold). See the package
docstring for the rules.
"""

from __future__ import annotations

import re
from codecs import BOM_UTF8
from dataclasses import dataclass
from itertools import count
from pathlib import PurePosixPath
from typing import Any

from annotations.formats.brat.confs import conf_read, schema_from_conf, visual_read
from annotations.formats.brat.event_schema import events_from_files
from annotations.formats.brat.events import MAPPING, EventBook, event_mapping_read
from annotations.formats.brat.layout import CONF, README, VISUAL, set_record
from annotations.formats.brat.naming import Naming
from annotations.formats.brat.placing import (
    Placed,
    Placing,
    PlacingError,
    annotator_pattern,
    in_text_folder,
    root_of,
    texts_folder,
)
from annotations.formats.brat.read_ann import AnnReader
from annotations.formats.records import (
    Issue,
    ReadDocument,
    ReadResult,
    RelationRecord,
    SetRecord,
    SpanRecord,
    header_with_schema,
)
from annotations.formats.schema_derive import schema_header
from annotations.formats.text_files import decoded
from annotations.schema import SchemaError, validate_definition


@dataclass
class _File:
    path: str
    text: str
    bom: bool = False  # began with a UTF-8 byte-order mark (brat's offsets may count it)


def _nearest(found: list[tuple[PurePosixPath, str, bytes]]) -> tuple[str, bytes] | None:
    """The configuration file nearest the root (the first by name among equals)."""
    if not found:
        return None
    _, name, data = min(found, key=lambda item: (len(item[0].parts), item[1]))
    return name, data


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    entries = {PurePosixPath(name): (name, data) for name, data in files}
    anns = sorted(path for path in entries if path.suffix == ".ann")
    if not anns:
        result.errors.append(
            Issue("", None, "no .ann files: a brat project has a .txt and an .ann per document")
        )
        return result
    try:
        placing = _placing(entries, anns, options)
    except PlacingError as exc:
        result.errors.append(Issue(exc.args[1] if len(exc.args) > 1 else "", None, exc.args[0]))
        return result

    confs: list[tuple[PurePosixPath, str, bytes]] = []
    visuals: list[tuple[PurePosixPath, str, bytes]] = []
    for path, (name, data) in entries.items():
        if path.name == CONF:
            confs.append((path, name, data))
        elif path.name == VISUAL:
            visuals.append((path, name, data))
    naming = Naming()
    sources: dict[str, str] = {}  # the text of each .ann and annotation.conf read, by name
    conf = None
    found = _nearest(confs)
    if found is not None:
        text = decoded(found[0], found[1], options, result)
        if text is not None:
            naming.reading(found[0])
            conf = conf_read(found[0], text, naming, result)
            sources[found[0]] = text
    events = EventBook(event_mapping_read(options, result))
    if options.get(MAPPING) is not None and events.mapping is None:
        return result  # a bad mapping (the errors say why)
    result.documents = _documents(entries, anns, placing, naming, options, sources, result, events)
    _clashes_report(naming, sources, result)
    if events.mapping is not None:  # it maps onto the project's labels: the project's schema
        message = "the files' schema is not read: an event mapping maps onto the project's"
        result.notes.append(Issue(MAPPING, None, message))
        return result
    visual = _nearest(visuals)
    display = visual_read(decoded(*visual, options, result) or "") if visual else {}
    if conf is not None:
        definition = schema_from_conf(conf, result.documents, naming, display, result, events.seen)
        result.header = header_with_schema(definition)
    else:
        found = events_from_files(events.seen)
        result.header = schema_header(result.documents, found, errors=result.errors)
        _names_kept(result.header, naming)
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


def _placing(
    entries: dict[PurePosixPath, tuple[str, bytes]],
    anns: list[PurePosixPath],
    options: dict[str, Any],
) -> Placing:
    """The upload's layout: one folder, a folder per layer, or layers named in file names."""
    pattern = annotator_pattern(options)
    texts = texts_folder(options)
    txts = {path for path in entries if path.suffix == ".txt"}
    if texts is not None and not any(in_text_folder(path, texts) for path in txts):
        raise PlacingError(f"texts {'/'.join(texts)!r}: no .txt files in a folder of that name")
    # The root leaves the texts folder out: texts beside the project do not make it a layer.
    shared = [path for path in txts if in_text_folder(path, texts)]
    kept = [path for path in entries if path not in shared]
    root = root_of(kept or anns, anns, shared)
    depths = {len(path.parts) - len(root) - 1 for path in anns}
    if pattern is None and 0 in depths and len(depths) > 1:
        deepest = max(anns, key=lambda path: len(path.parts))
        raise PlacingError(
            ".ann files sit at different folder depths: upload one folder of .txt/.ann "
            "pairs, or a folder with one subfolder per annotator",
            entries[deepest][0],
        )
    return Placing(root, 0 not in depths, pattern, texts, txts)


def _documents(
    entries: dict[PurePosixPath, tuple[str, bytes]],
    anns: list[PurePosixPath],
    placing: Placing,
    naming: Naming,
    options: dict[str, Any],
    sources: dict[str, str],
    result: ReadResult,
    events: EventBook,
) -> list[ReadDocument]:
    placed = []
    for path in anns:
        try:
            placed.append(placing.ann(path))
        except PlacingError as exc:
            result.errors.append(Issue(entries[path][0], None, str(exc)))
    placed.sort(key=lambda p: (p.layer is not None, p.layer or "", p.key))
    texts: dict[PurePosixPath, _File | None] = {}

    def text_file(path: PurePosixPath) -> _File | None:
        if path not in texts:
            name, data = entries[path]
            text = decoded(name, data, options, result)
            texts[path] = None if text is None else _File(name, text, data.startswith(BOM_UTF8))
        return texts[path]

    by_key: dict[str, ReadDocument] = {}
    # (text, layer) -> the set read first for them, and its file: a second file of one
    # layer on the same text (two names in one folder) adds its annotations to that set
    twins: dict[tuple[str, str | None], tuple[SetRecord, str]] = {}
    ids = count(1)
    for place in placed:
        ann_name = entries[place.path][0]
        txt_path = placing.text_of(place)
        if txt_path is None:
            message = f"no {place.name}.txt beside it (nor in a texts folder): brat needs the text"
            result.errors.append(Issue(ann_name, None, message))
            continue
        txt, ann = text_file(txt_path), text_file(place.path)
        if txt is None or ann is None:
            continue
        twin = twins.get((txt.text, place.layer))
        record = None if twin else _record(by_key, place, txt, ann_name, result)
        if record is None and twin is None:
            continue
        naming.reading(ann.path)
        sources[ann.path] = ann.text
        reader = AnnReader(ann.path, txt.text, ids, naming, result, bom=txt.bom, events=events)
        spans, relations = reader.read(ann.text)
        _lines_mark(reader.spans, relations, ann, naming, reader.attribute_lines)
        if twin is not None:
            _twin_join(twin, spans, relations, ann_name, place.layer, result)
            continue
        aset = set_record(place.layer, spans, relations)
        aset["_where"] = {"file": ann_name, "line": None}  # type: ignore[typeddict-unknown-key]
        assert record is not None
        record["sets"].append(aset)
        twins[(txt.text, place.layer)] = (aset, ann_name)
    for path in sorted(set(entries) - {p.path for p in placed} - set(texts)):
        if path.suffix == ".txt" and path.name.lower() != README.lower():
            _unused_text(path, entries, placing, by_key, text_file, result)
    return list(by_key.values())


def _twin_join(
    twin: tuple[SetRecord, str],
    spans: list[SpanRecord],
    relations: list[RelationRecord],
    ann_name: str,
    layer: str | None,
    result: ReadResult,
) -> None:
    """A second ``.ann`` of one layer on a text already read under another name: one
    document, and one set of that layer holding both files' spans and relations (span ids
    are counted over the whole upload, so they stay apart). A span or relation the first
    file already has (same label, offsets and attributes) is kept once."""
    aset, first = twin
    known = {_span_key(span): span["id"] for span in aset["spans"]}
    ids: dict[Any, Any] = {}  # this file's span id -> its id in the set
    for span in spans:
        ids[span["id"]] = known.setdefault(_span_key(span), span["id"])
        if ids[span["id"]] == span["id"]:
            aset["spans"].append(span)
    links = {(r["type"], r["source"], r["target"]) for r in aset["relations"]}
    for relation in relations:
        relation["source"] = ids.get(relation["source"], relation["source"])
        relation["target"] = ids.get(relation["target"], relation["target"])
        link = (relation["type"], relation["source"], relation["target"])
        if link not in links:
            links.add(link)
            aset["relations"].append(relation)
    twice = sum(1 for span in spans if ids[span["id"]] != span["id"])
    whose = f"{layer}'s set" if layer else "the set"
    message = (
        f"the same text as {first}: one document, and {whose} holds the annotations of "
        f"both files ({len(spans)} spans and {len(relations)} relations from this one"
        + (f"; {twice} spans both files have are kept once" if twice else "")
        + ")"
    )
    result.notes.append(Issue(ann_name, None, message))


def _span_key(span: SpanRecord) -> tuple[Any, ...]:
    attributes = tuple(sorted((k, repr(v)) for k, v in span.get("attributes", {}).items()))
    return (span["label"], span["start"], span["end"], repr(span.get("fragments")), attributes)


def _names_kept(header: Any, naming: Naming) -> None:
    """A schema made from the records has the keys as names: give back brat's names."""
    schema = header["schema"]
    for label in schema["span_labels"]:
        label["name"] = naming.labels.name(label["key"])
    for relation in schema["relation_types"]:
        relation["name"] = naming.relations.name(relation["key"])


def _clashes_report(naming: Naming, sources: dict[str, str], result: ReadResult) -> None:
    """Two brat names that would share a key: an error at the line naming the second."""
    for clash in naming.clashes():
        file = clash.place[0]
        clash.place = (file, _line_naming(sources.get(file, ""), clash.name))
        result.errors.append(clash.issue())


def _line_naming(text: str, name: str) -> int | None:
    """The first line of an ``.ann`` or ``annotation.conf`` that names ``name``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if name in re.split(r"[\s:,|=]+", line):
            return number
    return None


def _lines_mark(
    spans: dict[str, SpanRecord],
    relations: list[RelationRecord],
    ann: _File,
    naming: Naming,
    attribute_lines: dict[tuple[int, str], int],
) -> None:
    """Give each span of a ``T`` line and each relation of an ``R`` line its place (the
    ``.ann`` and the line), so a problem the import finds later (an unknown label, a relation
    type the project lacks) is reported there; a span's place also has the ``A`` or ``#``
    line of each attribute (``attributes``), where a value the schema refuses is reported.
    (An event's relations have their ``E`` line from ``events``.)"""
    firsts: dict[str, int] = {}
    joins: dict[tuple[Any, ...], list[int]] = {}  # relation -> its R lines, in order
    for number, line in enumerate(ann.text.split("\n"), start=1):
        ident, tab, rest = line.partition("\t")
        if not tab:
            continue
        if ident.startswith("T"):
            firsts.setdefault(ident, number)
        elif ident.startswith("R"):
            parts = rest.split()
            ends = [spans.get(part.partition(":")[2]) for part in parts[1:3]]
            if len(parts) == 3 and ends[0] is not None and ends[1] is not None:
                key = naming.relations.by_name.get(parts[0])
                joins.setdefault((key, ends[0].get("id"), ends[1].get("id")), []).append(number)
    for ident, span in spans.items():
        lines = {key: attribute_lines.get((span["id"], key)) for key in span["attributes"]}
        span["_where"] = {  # type: ignore[typeddict-unknown-key]
            "file": ann.path,
            "line": firsts.get(ident),
            "attributes": {key: line for key, line in lines.items() if line is not None},
        }
    for relation in relations:
        key = (relation.get("type"), relation.get("source"), relation.get("target"))
        lines = joins.get(key)
        if lines and "_where" not in relation:  # the R lines of one relation, in their order
            relation["_where"] = {"file": ann.path, "line": lines.pop(0)}  # type: ignore[typeddict-unknown-key]


def _record(
    by_key: dict[str, ReadDocument],
    place: Placed,
    txt: _File,
    where: str,
    result: ReadResult,
) -> ReadDocument | None:
    """The document an ``.ann`` (or a bare ``.txt``) belongs to, made on first sight."""
    record = by_key.get(place.key)
    if record is None:
        record = by_key[place.key] = {
            "title": place.name,
            "text": txt.text,
            "meta": {"source": {"format": "brat", "file": txt.path}},
            "sets": [],
            "_where": {"file": where, "line": None},
        }
    elif record["text"] != txt.text:
        other = record["meta"]["source"]["file"]
        message = (
            f"{place.name}.txt differs from the file of that name in another annotator's "
            f"folder ({other}): a document must have the same text in every folder"
        )
        result.errors.append(Issue(txt.path, None, message))
        return None
    return record


def _unused_text(
    path: PurePosixPath,
    entries: dict[PurePosixPath, tuple[str, bytes]],
    placing: Placing,
    by_key: dict[str, ReadDocument],
    text_file: Any,
    result: ReadResult,
) -> None:
    """A ``.txt`` no ``.ann`` uses: beside the ``.ann`` files, a document without that
    layer's set; anywhere else, not imported. Either way noted."""
    name = entries[path][0]
    if not placing.beside_anns(path):
        result.notes.append(Issue(name, None, "no .ann uses this text: not imported"))
        return
    place = placing.unused_text(path)
    txt = text_file(path)
    if txt is None or _record(by_key, place, txt, name, result) is None:
        return
    whose = f"{place.layer}'s annotations" if place.layer else "annotations"
    message = f"no {path.stem}.ann beside it: the document is imported without {whose}"
    result.notes.append(Issue(name, None, message))
