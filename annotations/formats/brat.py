"""brat standoff: a ``.txt`` and an ``.ann`` per document, a folder per annotator.

**Import** (a zip of the project, or a folder with ``import_annotations``).

*Layout.* The *root* is the deepest folder holding every uploaded file. When every ``.ann``
sits directly in the root, the upload is **one folder**: each ``.ann`` is one set of the
importing person (``annotator`` is None; the import gives it to them, or to the ``annotator``
option). When every ``.ann`` sits exactly one folder below the root, the upload is **a folder
per annotator** (bratiaa's layout, and our export's): each subfolder is one layer, named
after the folder (``gold`` is the gold layer, ``model-<name>`` a model's). Any other mix of
depths is refused, naming a file. So a zip of a single annotator's folder alone is read as one
folder (the importer's); zipped with the project folder around it (``annotation.conf`` at its
top) it keeps the annotator's name.

*Documents.* Files with the same name (stem) and the same text in several folders are one
document with a set per folder; the same name with a different text is an error. An ``.ann``
without its ``.txt`` is an error; a ``.txt`` without an ``.ann`` is a document without a set
for that folder (noted). ``README.txt`` without an ``.ann`` is skipped. The title is the stem.

*Lines.* Offsets are code points into the ``.txt`` exactly as decoded (a ``\\r\\n`` counts
as two; the import service moves offsets onto the stored text later).

- ``T`` lines are spans; ``;`` separates the pieces of a discontinuous span. The text column
  must equal what the offsets select (pieces joined by a space; line breaks inside may be
  written as spaces). Span ids are integers, counted over the whole upload.
- ``A`` (and the older ``M``) lines are span attributes: a binary attribute is ``True``, a
  valued one its value. ``R`` lines are relations (first argument the source, second the
  target). ``#`` ``AnnotatorNotes`` on a span become its ``note`` attribute (text; several
  notes on one span are joined by a line break).
- ``E`` (events), ``N`` (normalisations), ``*`` (equivalences), unknown line types, and
  attributes, notes or relations on anything but a span cannot be represented: each is listed
  in ``ReadResult.notes`` with its file and line, never dropped silently. Event triggers are
  ``T`` lines, so they stay spans.
- Malformed lines, offsets outside the text, a text column that does not match and references
  to undefined ``T`` ids are errors with file and line.

*Schema.* ``annotation.conf`` (the one nearest the root) gives it: entity types become span
labels (``!`` groups are not labels, but stand for the types indented under them), event types
too (their triggers are spans; the events are not), ``<...>=...`` macros and ``<ENTITY>``,
``<EVENT>``, ``<ANY>`` are expanded in relation and attribute arguments, relations keep their
argument types (``<REL-TYPE>:symmetric`` is undirected), attributes become ``bool`` (binary) or
``choice`` (``Value:a|b``) attributes of the entity labels they apply to (attributes of events
only are noted). Every label gets a text ``note`` attribute. Labels, relation types and
attributes the ``.ann`` files use but the ``annotation.conf`` lacks are added (noted). Names
that are not schema keys are rewritten (``my.type`` -> ``my_type``), the same way in the schema
and the records. ``visual.conf`` gives display names and colours. Without ``annotation.conf``
the schema is made from what the files hold (``schema_derive``).

**Export** is a zip streamed as it is written: a folder per layer (``gold``, each annotator,
``model-<name>``) with ``<document>.txt`` and ``.ann`` (the stem is made from the title, made
unique with the document id), an ``annotation.conf`` and ``visual.conf`` at the top and in every
folder (so brat and bratiaa open the project or any folder), and ``README.txt``, written last,
listing what brat cannot hold: relations across documents, stances and answers, free-text
attributes (but ``note``, written as AnnotatorNotes), attributes with several values. Spaces in
attribute values become ``_``; a span running over a line break is written as one piece per
line (an ``.ann`` line cannot hold a line break); both are counted in the notes too.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import PurePosixPath
from typing import Any

from annotations.formats.records import (
    ExportNotes,
    ExportSpec,
    Header,
    ImportSpec,
    Issue,
    ReadResult,
    Record,
    attribute_kinds,
    header_with_schema,
    layer_name,
    span_pieces,
)
from annotations.formats.schema_derive import PALETTE, as_key, schema_header
from annotations.schema import SchemaError, validate_definition
from annotations.spans import FRAGMENT_JOINER
from corpus.importers.decoding import DecodeError, bytes_decode

NOTE = "note"  # the span attribute that holds brat's AnnotatorNotes
NOTE_TYPE = "AnnotatorNotes"
GOLD = "gold"
MODEL_PREFIX = "model-"
CONF = "annotation.conf"
VISUAL = "visual.conf"
README = "README.txt"
SET_STATUS = "submitted"  # brat has no workflow: an annotator's file is taken as finished
GOLD_STATUS = "curated"

_ID_RE = re.compile(r"^(?:[A-Za-z]+|#[A-Za-z]*)\d+\S*$")  # brat's annotation ids
_T_DATA_RE = re.compile(r"^(\S+) (\d+ \d+(?:;\d+ \d+)*)$")
_MACRO_RE = re.compile(r"^(<[^>]+>)\s*=\s*(.+)$")
_HEX_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
_LINE_RE = re.compile(r"[^\r\n]+")
_WHAT = {
    "T": "span",
    "E": "event",
    "R": "relation",
    "N": "normalization",
    "A": "attribute",
    "M": "attribute",
    "*": "equivalence",
    "#": "note",
}

# --- import: files and layout ----------------------------------------------------------------


@dataclass
class _File:
    path: str
    text: str


@dataclass
class _Layer:
    texts: dict[str, _File] = field(default_factory=dict)  # stem -> .txt
    anns: dict[str, _File] = field(default_factory=dict)  # stem -> .ann


class _Keys:
    """brat names -> schema keys: the same name always gives the same key, two names never
    share one (``my.type`` and ``my_type`` become ``my_type`` and ``my_type_2``)."""

    def __init__(self) -> None:
        self.by_name: dict[str, str] = {}
        self.names: dict[str, str] = {}  # key -> the brat name

    def key(self, name: str) -> str:
        known = self.by_name.get(name)
        if known is not None:
            return known
        base = key = as_key(name)
        for n in count(2):
            if key not in self.names:
                break
            key = f"{base[:58]}_{n}"
        self.by_name[name] = key
        self.names[key] = name
        return key


@dataclass
class _Naming:
    labels: _Keys = field(default_factory=_Keys)
    relations: _Keys = field(default_factory=_Keys)
    attributes: _Keys = field(default_factory=_Keys)


def _decode(name: str, data: bytes, options: dict[str, Any], result: ReadResult) -> str | None:
    try:
        return bytes_decode(name, data, options.get("encoding"))
    except DecodeError as error:
        result.errors.append(Issue(name, error.line, str(error)))
        return None


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
        text = _decode(name, data, options, result)
        if text is None:
            continue
        layer = layers[inner[0] if per_annotator else None]
        (layer.anns if path.suffix == ".ann" else layer.texts)[path.stem] = _File(name, text)

    naming = _Naming()
    conf = None
    found = _nearest(confs)
    if found is not None:
        text = _decode(found[0], found[1], options, result)
        if text is not None:
            conf = _conf_read(found[0], text, naming, result)
    result.documents = _documents(layers, naming, result)
    visual = _nearest(visuals)
    display = _visual_read(_decode(*visual, options, result) or "") if visual else {}
    if conf is not None:
        definition = _schema_from_conf(conf, result.documents, naming, display, result)
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
    layers: dict[str | None, _Layer], naming: _Naming, result: ReadResult
) -> list[Record]:
    by_stem: dict[str, Record] = {}
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
            spans, relations = _ann_read(ann.path, ann.text, txt.text, ids, naming, result)
            record["sets"].append(_set_record(name, spans, relations))
    return list(by_stem.values())


def _set_record(layer: str | None, spans: list[Record], relations: list[Record]) -> Record:
    record: Record = {
        "kind": "annotator",
        "annotator": layer,
        "model": None,
        "status": SET_STATUS,
        "spans": spans,
        "relations": relations,
        "stances": [],
        "answers": {},
    }
    if layer == GOLD:
        record.update(kind="gold", annotator=None, status=GOLD_STATUS)
    elif layer and layer.startswith(MODEL_PREFIX) and len(layer) > len(MODEL_PREFIX):
        record.update(kind="model", annotator=None, model=layer[len(MODEL_PREFIX) :])
    return record


# --- import: .ann lines ------------------------------------------------------------------------


def _ann_read(
    path: str,
    ann: str,
    text: str,
    ids: Iterator[int],
    naming: _Naming,
    result: ReadResult,
) -> tuple[list[Record], list[Record]]:
    """The spans and relations of one ``.ann``; ``T`` lines first, so ``A``/``R``/``#`` lines
    may name a span defined further down (brat allows any order)."""
    spans: dict[str, Record] = {}
    failed: set[str] = set()  # T ids whose line was an error: lines naming them say no more
    later: list[tuple[int, list[str]]] = []

    def note(number: int, message: str) -> None:
        result.notes.append(Issue(path, number, message))

    for number, raw in enumerate(ann.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        kind = ident[:1]
        if kind == "T":
            if ident in spans or ident in failed:
                result.errors.append(Issue(path, number, f"{ident} is defined twice"))
                continue
            span = _span_read(path, number, fields, text, ids, naming, result)
            if span is None:
                failed.add(ident)
            else:
                spans[ident] = span
        elif kind in ("R", "A", "M", "#"):
            later.append((number, fields))
        elif kind == "E":
            head = fields[1].split() if len(fields) > 1 else []
            trigger = head[0].partition(":")[2] if head else ""
            kept = f"; its trigger {trigger} is kept as a span" if trigger in spans else ""
            note(number, f"{ident} (event) not imported: Claimlens has no events{kept}")
        elif kind == "N":
            note(
                number,
                f"{ident} (normalization) not imported: Claimlens has no links to knowledge bases",
            )
        elif kind == "*":
            what = fields[1] if len(fields) > 1 else ""
            note(
                number,
                f"* (equivalence {what}) not imported: Claimlens has no equivalence classes",
            )
        elif _ID_RE.match(ident):
            note(number, f"{ident} (unknown annotation type {kind!r}) not imported")
        else:
            message = "cannot read this line: expected 'ID<TAB>annotation' (T1, R1, A1, #1...)"
            result.errors.append(Issue(path, number, message))

    relations: list[Record] = []
    for number, fields in later:
        kind = fields[0][:1]
        if kind == "R":
            relation = _relation_read(path, number, fields, spans, failed, naming, result)
            if relation is not None:
                relations.append(relation)
        elif kind == "#":
            _note_read(path, number, fields, spans, failed, result)
        else:
            _attribute_read(path, number, fields, spans, failed, naming, result)
    return list(spans.values()), relations


def _one_line(text: str) -> str:
    return re.sub(r"\r\n|\r|\n", " ", text)


def _span_read(
    path: str,
    number: int,
    fields: list[str],
    text: str,
    ids: Iterator[int],
    naming: _Naming,
    result: ReadResult,
) -> Record | None:
    def error(message: str) -> None:
        result.errors.append(Issue(path, number, message))

    if len(fields) < 3:
        error("expected 'T1<TAB>Label start end<TAB>text' (the fields are separated by tabs)")
        return None
    match = _T_DATA_RE.match(fields[1])
    if not match:
        error(f"cannot read {fields[1]!r} as 'Label start end' (pieces joined by ';')")
        return None
    pieces = [(int(a), int(b)) for a, b in (p.split(" ") for p in match.group(2).split(";"))]
    for a, b in pieces:
        if b > len(text):
            error(f"[{a}, {b}) is outside the text ({len(text)} characters)")
            return None
        if b <= a:
            error(f"[{a}, {b}) is empty or reversed")
            return None
    ordered = sorted(pieces)
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        if start <= end:
            error(f"{fields[0]}: its pieces overlap or touch ({match.group(2)})")
            return None
    selected = FRAGMENT_JOINER.join(text[a:b] for a, b in pieces)  # in the order written
    quoted = "\t".join(fields[2:])
    if quoted != selected and quoted != _one_line(selected):
        error(f"quoted text {quoted!r} does not match the offsets ({selected!r})")
        return None
    span: Record = {
        "id": next(ids),
        "label": naming.labels.key(match.group(1)),
        "start": ordered[0][0],
        "end": ordered[-1][1],
        "text": FRAGMENT_JOINER.join(text[a:b] for a, b in ordered),
        "attributes": {},
    }
    if len(ordered) > 1:
        span["fragments"] = [[a, b] for a, b in ordered]
    return span


def _unknown_target(
    path: str, number: int, ident: str, target: str, result: ReadResult, message: str
) -> None:
    """``target`` is no span: an undefined T is an error, anything else (an event...) a note."""
    if target[:1] == "T" or not _ID_RE.match(target):
        result.errors.append(Issue(path, number, f"{ident}: {target} is not defined in this file"))
    else:
        what = _WHAT.get(target[:1], "annotation")
        result.notes.append(Issue(path, number, message.format(what=f"{what} {target}")))


def _relation_read(
    path: str,
    number: int,
    fields: list[str],
    spans: dict[str, Record],
    failed: set[str],
    naming: _Naming,
    result: ReadResult,
) -> Record | None:
    ident = fields[0]
    parts = fields[1].split() if len(fields) > 1 else []
    args = [part.partition(":") for part in parts[1:]]
    if len(parts) != 3 or any(not role or not sep or not ref for role, sep, ref in args):
        message = f"{ident}: expected '{ident}<TAB>Type Arg1:T1 Arg2:T2'"
        result.errors.append(Issue(path, number, message))
        return None
    refs = [ref for _, _, ref in args]
    if any(ref in failed for ref in refs):
        return None
    missing = [ref for ref in refs if ref not in spans]
    if any(ref[:1] == "T" or not _ID_RE.match(ref) for ref in missing):
        message = f"{ident}: {', '.join(missing)} is not a text-bound annotation here"
        result.errors.append(Issue(path, number, message))
        return None
    if missing:
        ends = ", ".join(f"{_WHAT.get(ref[:1], 'annotation')} {ref}" for ref in missing)
        message = f"{ident} (relation {parts[0]} with {ends}) not imported: relations join spans"
        result.notes.append(Issue(path, number, message))
        return None
    return {
        "type": naming.relations.key(parts[0]),
        "source": spans[refs[0]]["id"],
        "target": spans[refs[1]]["id"],
        "target_document": None,
        "attributes": {},
    }


def _attribute_read(
    path: str,
    number: int,
    fields: list[str],
    spans: dict[str, Record],
    failed: set[str],
    naming: _Naming,
    result: ReadResult,
) -> None:
    ident = fields[0]
    parts = fields[1].split() if len(fields) > 1 else []
    if len(parts) not in (2, 3):
        message = f"{ident}: expected '{ident}<TAB>Name ID' or '{ident}<TAB>Name ID Value'"
        result.errors.append(Issue(path, number, message))
        return
    name, target = parts[0], parts[1]
    if target in failed:
        return
    span = spans.get(target)
    if span is None:
        message = f"{ident} (attribute {name} of {{what}}) not imported: only spans hold attributes"
        _unknown_target(path, number, ident, target, result, message)
        return
    key = naming.attributes.key(name)
    if key in span["attributes"]:
        message = f"{ident}: {target} already has {name}; this value replaces the earlier one"
        result.notes.append(Issue(path, number, message))
    span["attributes"][key] = parts[2] if len(parts) == 3 else True


def _note_read(
    path: str,
    number: int,
    fields: list[str],
    spans: dict[str, Record],
    failed: set[str],
    result: ReadResult,
) -> None:
    ident = fields[0]
    parts = fields[1].split() if len(fields) > 1 else []
    if len(parts) != 2:
        message = f"{ident}: expected '{ident}<TAB>{NOTE_TYPE} ID<TAB>note'"
        result.errors.append(Issue(path, number, message))
        return
    kind, target = parts
    if target in failed:
        return
    if kind != NOTE_TYPE:
        message = f"{ident} (comment of type {kind}) not imported: only {NOTE_TYPE} are read"
        result.notes.append(Issue(path, number, message))
        return
    span = spans.get(target)
    if span is None:
        message = f"{ident} (note on {{what}}) not imported: only spans hold notes"
        _unknown_target(path, number, ident, target, result, message)
        return
    text = "\t".join(fields[2:]).strip()
    if text:
        earlier = span["attributes"].get(NOTE)
        span["attributes"][NOTE] = f"{earlier}\n{text}" if earlier else text


# --- import: annotation.conf and visual.conf --------------------------------------------------


@dataclass
class _Conf:
    path: str
    entities: list[str] = field(default_factory=list)  # label keys
    events: list[str] = field(default_factory=list)  # label keys of event (trigger) types
    relations: dict[str, Record] = field(default_factory=dict)  # key -> relation type
    attributes: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))


def _conf_lines(text: str) -> tuple[dict[str, list[tuple[int, str]]], dict[str, str]]:
    """The lines of each section (comments and blanks left out, indentation kept) and the
    ``<NAME>=A|B`` macros (any section)."""
    sections: dict[str, list[tuple[int, str]]] = defaultdict(list)
    macros: dict[str, str] = {}
    section = ""
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r").rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip().lower()
            continue
        macro = _MACRO_RE.match(stripped)
        if macro:
            macros[macro.group(1)] = macro.group(2).strip()
            continue
        sections[section].append((number, line))
    return sections, macros


def _hierarchy(lines: list[tuple[int, str]]) -> tuple[list[str], dict[str, list[str]]]:
    """The usable type names of an indented section, and each name's descendants (what a
    parent, ``!`` group or not, stands for in an argument)."""
    usable: list[str] = []
    below: dict[str, list[str]] = defaultdict(list)
    stack: list[tuple[int, str]] = []  # (indent, name) of the open parents
    for _, line in lines:
        name = line.split()[0]
        if name.startswith("<"):
            continue
        indent = len(line) - len(line.lstrip())
        while stack and stack[-1][0] >= indent:
            stack.pop()
        plain = name.lstrip("!")
        if not name.startswith("!"):
            usable.append(plain)
            for _, parent in stack:
                below[parent].append(plain)
        stack.append((indent, plain))
    return usable, below


def _conf_read(path: str, text: str, naming: _Naming, result: ReadResult) -> _Conf:
    sections, macros = _conf_lines(text)
    conf = _Conf(path)
    entities, entities_below = _hierarchy(sections["entities"])
    events, events_below = _hierarchy(sections["events"])
    below = {**entities_below, **events_below}
    conf.entities = [naming.labels.key(name) for name in entities]
    conf.events = [naming.labels.key(name) for name in events if name not in entities]
    if events:
        number = sections["events"][0][0]
        message = (
            f"{len(events)} event types ({', '.join(events)}) are span labels for their "
            "triggers; the events themselves (E lines) are not imported"
        )
        result.notes.append(Issue(path, number, message))

    def expand(spec: str, depth: int = 0) -> list[str]:
        names: list[str] = []
        for part in (p.strip() for p in spec.split("|")):
            if part == "<ENTITY>":
                names += entities
            elif part == "<EVENT>":
                names += events
            elif part == "<ANY>":
                names += entities + events
            elif part in macros and depth < 8:
                names += expand(macros[part], depth + 1)
            elif part:
                name = part.lstrip("!")
                if name in entities or name in events:
                    names.append(name)
                names += below.get(name, [])
        return list(dict.fromkeys(names))

    for _, line in sections["relations"]:
        name, rest = _split(line)
        if not rest or name.startswith(("<", "!")):
            continue
        key = naming.relations.key(name)
        relation = conf.relations.setdefault(
            key,
            {"key": key, "name": name, "from_labels": [], "to_labels": [], "directed": True},
        )
        ends: list[str] = []
        for argument in rest.split(","):
            role, _, types = argument.strip().partition(":")
            if role == "<REL-TYPE>":
                relation["directed"] = "symmetric" not in types
            elif role and not role.startswith("<"):
                ends.append(types)
        for end, types in zip(("from_labels", "to_labels"), ends, strict=False):
            keys = [naming.labels.key(n) for n in expand(types)]
            relation[end] = list(dict.fromkeys(relation[end] + keys))

    for number, line in sections["attributes"]:
        name, rest = _split(line)
        if not rest:
            continue
        options = {
            k.strip(): v.strip() for k, _, v in (item.partition(":") for item in rest.split(","))
        }
        targets = expand(options.get("Arg", "<ANY>"))
        on_entities = [naming.labels.key(n) for n in targets if n in entities]
        if not on_entities:
            message = f"attribute {name} applies to events or relations only: not imported"
            result.notes.append(Issue(path, number, message))
            continue
        values = [v.strip() for v in options.get("Value", "").split("|") if v.strip()]
        spec: Record = {"key": naming.attributes.key(name), "name": name, "type": "bool"}
        if values:
            spec.update(type="choice", choices=values)
        for label in on_entities:
            conf.attributes[label].append(dict(spec))
    return conf


def _split(line: str) -> tuple[str, str]:
    """A configuration line's name and the rest (separated by a tab or spaces)."""
    parts = line.strip().split(None, 1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def _visual_read(text: str) -> dict[str, dict[str, str]]:
    """brat name -> {"name": display name, "color": "#rrggbb"} from a ``visual.conf``."""
    sections, _ = _conf_lines(text)
    display: dict[str, dict[str, str]] = defaultdict(dict)
    for _, line in sections["labels"]:
        names = [part.strip() for part in line.split("|")]
        if len(names) > 1 and names[0] and names[1]:
            display[names[0]]["name"] = names[1]
    for _, line in sections["drawing"]:
        name, rest = _split(line)
        for item in rest.split(","):
            key, _, value = item.strip().partition(":")
            if key == "bgColor" and _HEX_RE.match(value.strip()):
                display[name]["color"] = value.strip()
    return display


def _schema_from_conf(
    conf: _Conf,
    documents: list[Record],
    naming: _Naming,
    display: dict[str, dict[str, str]],
    result: ReadResult,
) -> dict[str, Any]:
    """The schema ``annotation.conf`` declares, plus what the files use and it lacks."""
    labels = list(dict.fromkeys(conf.entities + conf.events))
    attributes: dict[str, list[Record]] = {k: list(conf.attributes.get(k, [])) for k in labels}
    relations = {key: dict(spec) for key, spec in conf.relations.items()}

    def added(what: str) -> None:
        message = f"{what} is used in the .ann files but not declared here: added to the schema"
        result.notes.append(Issue(conf.path, None, message))

    for record in documents:
        for aset in record["sets"]:
            by_id = {span["id"]: span for span in aset["spans"]}
            for span in aset["spans"]:
                label = span["label"]
                if label not in attributes:
                    labels.append(label)
                    attributes[label] = []
                    added(f"label {naming.labels.names[label]}")
                declared = {a["key"]: a for a in attributes[label]}
                for key, value in span["attributes"].items():
                    if key == NOTE:
                        continue
                    spec = declared.get(key)
                    if spec is None:
                        name = naming.attributes.names[key]
                        spec = {"key": key, "name": name, "type": "bool", "_added": True}
                        attributes[label].append(spec)
                        declared[key] = spec
                        added(f"attribute {name} of {naming.labels.names[label]}")
                    if spec.get("_added") and value is not True:  # valued: a choice of those seen
                        spec["type"] = "choice"
                        choices = spec.setdefault("choices", [])
                        if value not in choices:
                            choices.append(value)
            for relation in aset["relations"]:
                key = relation["type"]
                if key not in relations:
                    relations[key] = {"key": key, "name": naming.relations.names[key]}
                    relations[key].update(from_labels=[], to_labels=[], directed=True, _added=True)
                    added(f"relation type {naming.relations.names[key]}")
                if relations[key].get("_added"):
                    for end, ref in (("from_labels", "source"), ("to_labels", "target")):
                        label = by_id[relation[ref]]["label"]
                        if label not in relations[key][end]:
                            relations[key][end].append(label)

    def clean(spec: Record) -> Record:
        return {k: v for k, v in spec.items() if not k.startswith("_")}

    span_labels = []
    for i, key in enumerate(labels):
        name = naming.labels.names.get(key, key)
        shown = display.get(name, {})
        own = [clean(spec) for spec in attributes[key] if spec["key"] != NOTE]
        span_labels.append(
            {
                "key": key,
                "name": shown.get("name", name),
                "color": shown.get("color", PALETTE[i % len(PALETTE)]),
                "discontinuous": True,  # brat allows pieces on every type
                "attributes": [*own, {"key": NOTE, "name": "Note", "type": "text"}],
            }
        )
    relation_types = []
    for spec in relations.values():
        name = naming.relations.names.get(spec["key"], spec["key"])
        relation_types.append(
            {
                **clean(spec),
                "name": display.get(name, {}).get("name", spec["name"]),
                "from_labels": spec["from_labels"] or list(labels),
                "to_labels": spec["to_labels"] or list(labels),
            }
        )
    return {"span_labels": span_labels, "relation_types": relation_types}


# --- export ------------------------------------------------------------------------------------


class _Sink:
    """A write-only file without ``tell``/``seek``: ``zipfile`` then writes every member with
    a data descriptor and never goes back, so what it wrote can be handed on at once."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts = []
        return data


def _value(value: Any) -> str:
    """An attribute value as brat can hold it: no spaces (nor the conf's ``|`` and ``,``)."""
    return re.sub(r"[\s|,]+", "_", str(value))


def annotation_conf(schema: dict[str, Any]) -> str:
    """An ``annotation.conf`` for a schema: labels as entities, relation types with their
    argument labels, ``bool`` and ``choice`` attributes (``note`` is AnnotatorNotes)."""
    labels = [label["key"] for label in schema.get("span_labels", [])]
    lines = ["# Written by Claimlens from the project's schema.", "", "[entities]", "", *labels]
    lines += ["", "[relations]", ""]
    for relation in schema.get("relation_types", []):
        source = "|".join(relation.get("from_labels") or []) or "<ENTITY>"
        target = "|".join(relation.get("to_labels") or []) or "<ENTITY>"
        line = f"{relation['key']}\tArg1:{source}, Arg2:{target}"
        if relation.get("directed") is False:
            line += ", <REL-TYPE>:symmetric"
        lines.append(line)
    lines += ["", "[events]", "", "[attributes]", ""]
    owners: dict[str, list[str]] = {}
    choices: dict[str, list[str]] = {}
    for label in schema.get("span_labels", []):
        for attribute in label.get("attributes", []):
            if attribute.get("type") not in ("bool", "choice") or attribute["key"] == NOTE:
                continue
            owners.setdefault(attribute["key"], []).append(label["key"])
            if attribute["type"] == "choice":
                values = choices.setdefault(attribute["key"], [])
                values += [v for v in map(_value, attribute.get("choices", [])) if v not in values]
    for key, keys in owners.items():
        line = f"{key}\tArg:{'|'.join(keys)}"
        if choices.get(key):
            line += ", Value:" + "|".join(choices[key])
        lines.append(line)
    return "\n".join(lines) + "\n"


def visual_conf(schema: dict[str, Any]) -> str:
    """A ``visual.conf``: display names and colours of the labels and relation types."""

    def shown(item: Record) -> str:
        name = str(item.get("name") or item["key"]).replace("|", "/")
        return f"{item['key']} | {name}"

    labels = schema.get("span_labels", [])
    lines = ["# Written by Claimlens from the project's schema.", "", "[labels]", ""]
    lines += [shown(item) for item in [*labels, *schema.get("relation_types", [])]]
    lines += ["", "[drawing]", ""]
    lines += [
        f"{label['key']}\tbgColor:{label['color']}"
        for label in labels
        if _HEX_RE.match(str(label.get("color", "")))
    ]
    return "\n".join(lines) + "\n"


def _stem(record: Record, used: set[str]) -> str:
    """A file name for the document: its title made ASCII-safe; when that is empty or taken,
    the document id in front; unique without regard to case."""
    ascii_title = unicodedata.normalize("NFKD", str(record.get("title") or ""))
    ascii_title = ascii_title.encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_title).strip("-._")[:80].rstrip("-._")
    if not stem or stem.lower() in used:
        number = re.sub(r"[^A-Za-z0-9]+", "", str(record.get("id") or ""))
        stem = "-".join(part for part in (number, stem) if part) or "document"
    base = stem
    for n in count(2):
        if stem.lower() not in used:
            break
        stem = f"{base}-{n}"
    used.add(stem.lower())
    return stem


class _Folders:
    """A folder per layer, named as ``layer_name`` says, kept safe and unique."""

    def __init__(self, changes: list[str]) -> None:
        self.by_layer: dict[tuple[Any, ...], str] = {}
        self.used: set[str] = set()
        self.changes = changes

    def of(self, aset: Record) -> tuple[str, bool]:
        layer = (aset.get("kind"), aset.get("annotator"), aset.get("model"))
        known = self.by_layer.get(layer)
        if known is not None:
            return known, False
        name = layer_name(aset)
        folder = re.sub(r"[^\w.@+-]+", "_", name).lstrip(".") or "layer"
        if aset.get("kind") == "annotator" and (folder == GOLD or folder.startswith(MODEL_PREFIX)):
            folder = f"annotator-{folder}"  # not to be read back as the gold or a model layer
        base = folder
        for n in count(2):
            if folder.lower() not in self.used and folder.lower() != README.lower():
                break
            folder = f"{base}_{n}"
        if folder != name:
            self.changes.append(f"the layer {name!r} is the folder {folder!r}")
        self.used.add(folder.lower())
        self.by_layer[layer] = folder
        return folder, True


def _line_pieces(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces cut at line breaks (an ``.ann`` line cannot hold one)."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        out += [(a + m.start(), a + m.end()) for m in _LINE_RE.finditer(text[a:b])]
    return out


def _ann_write(
    text: str, aset: Record, kinds: dict[tuple[str, str], str], counts: Counter[str]
) -> str:
    lines: list[str] = []
    t_ids: dict[Any, str] = {}
    attribute_number = note_number = relation_number = 0
    for span in aset.get("spans") or []:
        pieces = span_pieces(span)
        cut = _line_pieces(text, pieces)
        if not cut:
            counts["spans holding only line breaks"] += 1
            continue
        if cut != pieces:
            counts["spans running over a line break (written as one piece per line)"] += 1
        ident = f"T{len(t_ids) + 1}"
        t_ids[span.get("id")] = ident
        offsets = ";".join(f"{a} {b}" for a, b in cut)
        quoted = FRAGMENT_JOINER.join(text[a:b] for a, b in cut)
        lines.append(f"{ident}\t{span['label']} {offsets}\t{quoted}")
        for key, value in (span.get("attributes") or {}).items():
            if value is None or value is False or value == "" or value == []:
                continue  # brat has no way to say "set to nothing": absent is the default
            if key == NOTE and isinstance(value, str):
                note_number += 1
                one_line = re.sub(r"[\r\n\t]+", " ", value)
                if one_line != value:
                    counts["notes with line breaks (written on one line)"] += 1
                lines.append(f"#{note_number}\t{NOTE_TYPE} {ident}\t{one_line}")
            elif value is True:
                attribute_number += 1
                lines.append(f"A{attribute_number}\t{key} {ident}")
            elif kinds.get((span["label"], key)) == "text":
                counts[f"free-text attributes ({key}): brat has none"] += 1
            elif isinstance(value, str | int | float):
                attribute_number += 1
                lines.append(f"A{attribute_number}\t{key} {ident} {_value(value)}")
                if _value(value) != str(value):
                    counts["attribute values with spaces (written with _)"] += 1
            else:
                counts[f"attributes with several values ({key})"] += 1
    for relation in aset.get("relations") or []:
        if relation.get("target_document") is not None:
            counts["relations across documents"] += 1
            continue
        source, target = t_ids.get(relation.get("source")), t_ids.get(relation.get("target"))
        if source is None or target is None:
            counts["relations whose spans were not written"] += 1
            continue
        relation_number += 1
        lines.append(f"R{relation_number}\t{relation['type']} Arg1:{source} Arg2:{target}")
        if relation.get("attributes"):
            counts["relation attributes"] += 1
    counts["stances"] += len(aset.get("stances") or [])
    counts["document answers"] += len(aset.get("answers") or {})
    return "\n".join(lines) + ("\n" if lines else "")


def _readme(left_out: list[str]) -> str:
    lines = [
        "Exported by Claimlens in brat standoff format.",
        "",
        "A folder per layer: gold, each annotator (named after the username), model-<name>.",
        "Each holds <document>.txt and <document>.ann for the documents the layer annotated.",
        "annotation.conf and visual.conf sit here and in every folder, so brat and tools such",
        "as bratiaa open the whole project (a folder per annotator) or any one folder.",
        "Span notes are AnnotatorNotes (#) lines.",
        "",
    ]
    if left_out:
        lines += ["What brat cannot hold was left out or changed:", *(f"- {x}" for x in left_out)]
    else:
        lines.append("Nothing was left out.")
    return "\n".join(lines) + "\n"


def write(header: Header, documents: Iterable[Record], notes: ExportNotes) -> Iterator[bytes]:
    schema = (header or {}).get("schema") or {}
    conf, visual = annotation_conf(schema), visual_conf(schema)
    kinds = attribute_kinds(schema)
    counts: Counter[str] = Counter()
    changes: list[str] = []
    folders = _Folders(changes)
    stems: set[str] = set()
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def put(name: str, text: str) -> None:
            archive.writestr(name, text.encode("utf-8"))

        put(CONF, conf)
        put(VISUAL, visual)
        for record in documents:
            sets = record.get("sets") or []
            if not sets:
                counts["documents without annotation sets (brat keeps texts in a layer)"] += 1
                continue
            stem = _stem(record, stems)
            text = str(record.get("text") or "")
            for aset in sets:
                folder, new = folders.of(aset)
                if new:
                    put(f"{folder}/{CONF}", conf)
                    put(f"{folder}/{VISUAL}", visual)
                put(f"{folder}/{stem}.txt", text)
                put(f"{folder}/{stem}.ann", _ann_write(text, aset, kinds, counts))
            chunk = sink.take()
            if chunk:
                yield chunk
        left_out = [f"{n} {what}" for what, n in counts.items() if n] + changes
        for item in left_out:
            notes.add(f"brat: left out or changed: {item}")
        put(README, _readme(left_out))
    yield sink.take()


EXPORTS = {
    "brat": ExportSpec(
        title="brat standoff (zip: one folder per annotator, and gold)",
        media_type="application/zip",
        extension="zip",
        write=write,
    )
}
IMPORT = ImportSpec(
    title="brat standoff (zip of the project folder)", names=("brat",), read=read, archive=True
)
