"""brat standoff: a ``.txt`` and an ``.ann`` per document, one folder per annotator.

**Import** (a zip of the project, or a folder with ``import_annotations``). The ``.ann``
files are grouped by the folder they sit in. Several folders: each is one annotator's layer,
named after the folder (a folder called ``gold`` is the gold layer, ``model-<name>`` a
model's), and files with the same
name and the same text in several folders are one document with several sets (the layout of
bratiaa and of our export). One folder: its files are the importing person's sets (or the
``annotator`` option's).

- ``T`` lines are spans; ``;`` separates the pieces of a discontinuous span. Offsets are code
  points into the ``.txt`` as stored; the text column must equal what they select (pieces
  joined by a space).
- ``A`` (and the older ``M``) lines are span attributes: a binary attribute is ``true``,
  a valued one its value. ``R`` lines are relations. ``#`` ``AnnotatorNotes`` on a span are its
  ``note`` attribute.
- ``E`` (events), ``N`` (normalisations), ``*`` (equivalences) and attributes or notes on
  them cannot be represented: each is listed in the import's notes with its file and line
  (event triggers are ``T`` lines, so they stay as spans).
- ``annotation.conf`` (at the top or in any folder) gives the schema: entity and event types
  become span labels (with a text ``note`` attribute), relations keep their argument types,
  attributes their values. Without it the schema is made from what the files hold.

**Export** is a zip streamed as it is written: a folder per layer (``gold``, each annotator,
``model-<name>``) with ``<document>.txt`` and ``.ann``, an ``annotation.conf`` at the top and
in every folder (so brat and bratiaa open each), and ``README.txt`` listing what brat cannot
hold: relations across documents, stances and answers, free-text attributes (but ``note``,
written as AnnotatorNotes), attributes with several values.
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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
from annotations.formats.schema_derive import as_key, schema_header
from annotations.spans import FRAGMENT_JOINER
from corpus.importers.decoding import DecodeError, bytes_decode

NOTE = "note"
_SPAN_RE = re.compile(r"^(\S+) (\d+ \d+(?:;\d+ \d+)*)$")

# --- import --------------------------------------------------------------------------------


@dataclass
class _Folder:
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # stem -> (path, text)
    anns: dict[str, tuple[str, str]] = field(default_factory=dict)


def _decode(name: str, data: bytes, options: dict[str, Any], result: ReadResult) -> str | None:
    try:
        return bytes_decode(name, data, options.get("encoding"))
    except DecodeError as error:
        result.errors.append(Issue(name, error.line, str(error)))
        return None


def _set_from_ann(
    path: str, ann: str, text: str, result: ReadResult
) -> tuple[list[Record], list[Record]]:
    spans: dict[str, Record] = {}
    relations: list[Record] = []
    pending: list[tuple[int, str, list[str]]] = []  # A/M/# lines, after every T is known
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        kind = ident[:1]
        if kind == "T":
            span = _span(path, number, fields, text, result)
            if span is not None:
                spans[ident] = span
        elif kind == "R":
            parts = fields[1].split() if len(fields) > 1 else []
            args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
            if len(parts) != 3 or set(args) != {"Arg1", "Arg2"}:
                result.errors.append(Issue(path, number, f"{ident}: expected 'Type Arg1:T Arg2:T'"))
                continue
            pending.append((number, "R", [ident, parts[0], args["Arg1"], args["Arg2"]]))
        elif kind in ("A", "M", "#"):
            pending.append((number, kind, fields))
        elif kind in ("E", "N", "*"):
            what = {"E": "an event", "N": "a normalisation", "*": "an equivalence"}[kind]
            result.notes.append(
                Issue(
                    path,
                    number,
                    f"{ident}: {what}, which Claimlens has no place for, was not imported",
                )
            )
        else:
            result.errors.append(Issue(path, number, f"unknown line type {ident!r}"))
    for number, kind, fields in pending:
        if kind == "R":
            ident, rtype, arg1, arg2 = fields
            missing = [a for a in (arg1, arg2) if a not in spans]
            if missing:
                where = "an event or a note" if all(a[:1] in "EN" for a in missing) else ""
                message = f"{ident}: {', '.join(missing)} is not a text-bound annotation here"
                if where:
                    result.notes.append(Issue(path, number, message + "; not imported"))
                else:
                    result.errors.append(Issue(path, number, message))
                continue
            relations.append(
                {"type": rtype, "source": spans[arg1]["id"], "target": spans[arg2]["id"]}
            )
        elif kind == "#":
            parts = fields[1].split() if len(fields) > 1 else []
            if len(parts) != 2 or len(fields) < 3:
                result.errors.append(Issue(path, number, "expected '#N<TAB>Type ID<TAB>note'"))
            elif parts[1] in spans:
                spans[parts[1]]["attributes"][NOTE] = fields[2]
            else:
                result.notes.append(
                    Issue(
                        path, number, f"{fields[0]}: a note on {parts[1]}, not a span; not imported"
                    )
                )
        else:
            parts = fields[1].split() if len(fields) > 1 else []
            if len(parts) not in (2, 3):
                result.errors.append(Issue(path, number, "expected 'A1<TAB>Name ID [Value]'"))
            elif parts[1] in spans:
                value: Any = parts[2] if len(parts) == 3 else True
                spans[parts[1]]["attributes"][as_key(parts[0])] = value
            elif parts[1][:1] == "T":
                result.errors.append(Issue(path, number, f"{parts[1]} is not defined"))
            else:
                result.notes.append(
                    Issue(
                        path,
                        number,
                        f"{fields[0]}: an attribute of {parts[1]}, not a span; not imported",
                    )
                )
    return list(spans.values()), relations


def _span(
    path: str, number: int, fields: list[str], text: str, result: ReadResult
) -> Record | None:
    if len(fields) < 3:
        result.errors.append(Issue(path, number, "expected 'T1<TAB>Label start end<TAB>text'"))
        return None
    match = _SPAN_RE.match(fields[1])
    if not match:
        result.errors.append(Issue(path, number, f"cannot read {fields[1]!r} as 'Label start end'"))
        return None
    pieces = [tuple(map(int, piece.split())) for piece in match.group(2).split(";")]
    for a, b in pieces:
        if not 0 <= a < b <= len(text):
            result.errors.append(
                Issue(path, number, f"[{a}, {b}) is outside the text ({len(text)} characters)")
            )
            return None
    selected = FRAGMENT_JOINER.join(text[a:b] for a, b in pieces)
    quoted = "\t".join(fields[2:])
    if quoted != selected:
        result.errors.append(
            Issue(path, number, f"quoted text {quoted!r} does not match the offsets ({selected!r})")
        )
        return None
    span: Record = {
        "id": fields[0],
        "label": as_key(match.group(1)),
        "start": pieces[0][0],
        "end": pieces[-1][1],
        "text": selected,
        "attributes": {},
    }
    if len(pieces) > 1:
        span["fragments"] = sorted([list(p) for p in pieces])
        span["start"], span["end"] = span["fragments"][0][0], span["fragments"][-1][1]
    return span


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    folders: dict[str, _Folder] = defaultdict(_Folder)
    conf: tuple[str, str] | None = None
    for name, data in files:
        path = PurePosixPath(name)
        if path.name == "annotation.conf":
            if conf is None or len(path.parts) < len(PurePosixPath(conf[0]).parts):
                text = _decode(name, data, options, result)
                conf = (name, text) if text is not None else conf
            continue
        if path.suffix not in (".txt", ".ann"):
            continue
        text = _decode(name, data, options, result)
        if text is None:
            continue
        folder = folders[str(path.parent)]
        (folder.texts if path.suffix == ".txt" else folder.anns)[path.stem] = (name, text)
    with_anns = {k: f for k, f in folders.items() if f.anns}
    if not with_anns:
        result.errors.append(Issue("", None, "no .ann files: is this a brat project?"))
        return result
    several = len(with_anns) > 1
    documents: dict[tuple[str, str], Record] = {}  # (stem, text) -> record
    for folder_name, folder in sorted(with_anns.items()):
        layer = PurePosixPath(folder_name).name if several else None
        for stem, (ann_path, ann) in sorted(folder.anns.items()):
            if stem not in folder.texts:
                result.errors.append(Issue(ann_path, None, f"no {stem}.txt beside it"))
                continue
            txt_path, text = folder.texts[stem]
            spans, relations = _set_from_ann(ann_path, ann, text, result)
            record = documents.get((stem, text))
            if record is None:
                if several and any(s == stem for s, _ in documents):
                    result.errors.append(
                        Issue(
                            txt_path,
                            None,
                            f"{stem}.txt differs from the file of that name "
                            "in another annotator's folder",
                        )
                    )
                    continue
                record = {
                    "title": stem,
                    "text": text,
                    "meta": {"source": {"format": "brat", "file": txt_path}},
                    "sets": [],
                    "_where": {"file": ann_path, "line": None},
                }
                documents[(stem, text)] = record
            aset: Record = {
                "kind": "annotator",
                "annotator": layer,
                "spans": spans,
                "relations": relations,
                "status": "submitted",
            }
            if layer == "gold":
                aset.update(kind="gold", annotator=None, status="curated")
            elif layer and layer.startswith("model-"):  # as our export names model layers
                aset.update(kind="model", annotator=None, model=layer[len("model-") :])
            record["sets"].append(aset)
    result.documents = list(documents.values())
    if conf is not None:
        result.header = _conf_header(conf[0], conf[1], result)
    elif not result.errors:
        result.header = schema_header(result.documents)
    return result


def _conf_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = defaultdict(list)
    current = ""
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip().lower()
            continue
        sections[current].append(line)
    return sections


def _conf_header(name: str, text: str, result: ReadResult) -> Header:
    sections = _conf_sections(text)
    entities = [line.strip() for line in sections["entities"]]
    entities = [as_key(e) for e in entities if not e.startswith(("!", "<"))]
    macros: dict[str, list[str]] = {}
    events: list[str] = []
    for line in sections["events"]:
        stripped = line.strip()
        if stripped.startswith("<") and "=" in stripped:
            key, value = stripped.split("=", 1)
            macros[key.strip()] = [as_key(v) for v in value.split("|")]
        elif not stripped.startswith("!"):
            events.append(as_key(stripped.split()[0]))
    labels = entities + [e for e in events if e not in entities]

    def expand(types: str) -> list[str]:
        out: list[str] = []
        for part in types.split("|"):
            part = part.strip()
            if part in ("<ENTITY>", "<ANY>"):
                out.extend(entities)
            elif part == "<EVENT>":
                out.extend(events)
            elif part in macros:
                out.extend(macros[part])
            else:
                out.append(as_key(part))
        return [x for x in dict.fromkeys(out) if x in labels]

    relations: dict[str, dict[str, Any]] = {}
    for line in sections["relations"]:
        parts = line.split(None, 1)
        if len(parts) != 2 or parts[0].startswith(("<", "!")):
            continue
        key = as_key(parts[0])
        spec = relations.setdefault(
            key,
            {
                "key": key,
                "name": parts[0],
                "from_labels": [],
                "to_labels": [],
                "directed": True,
            },
        )
        for arg in parts[1].split(","):
            role, _, types = arg.strip().partition(":")
            if role == "Arg1":
                spec["from_labels"] = list(dict.fromkeys(spec["from_labels"] + expand(types)))
            elif role == "Arg2":
                spec["to_labels"] = list(dict.fromkeys(spec["to_labels"] + expand(types)))
            elif role == "<REL-TYPE>" and "symmetric" in types:
                spec["directed"] = False
    attributes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in sections["attributes"]:
        parts = line.split(None, 1)
        if len(parts) != 2:
            continue
        options = dict(
            (k.strip(), v.strip()) for k, _, v in (o.partition(":") for o in parts[1].split(","))
        )
        values = [v for v in options.get("Value", "").split("|") if v]
        spec = {"key": as_key(parts[0]), "name": parts[0], "type": "choice" if values else "bool"}
        if values:
            spec["choices"] = values
        for label in expand(options.get("Arg", "<ENTITY>")):
            attributes[label].append(spec)
    definition = {
        "span_labels": [
            {
                "key": label,
                "name": label,
                "discontinuous": True,
                "attributes": [*attributes[label], {"key": NOTE, "name": "Note", "type": "text"}],
            }
            for label in labels
        ],
        "relation_types": [
            {
                **spec,
                "from_labels": spec["from_labels"] or labels,
                "to_labels": spec["to_labels"] or labels,
            }
            for spec in relations.values()
        ],
    }
    return header_with_schema(definition)


# --- export --------------------------------------------------------------------------------


class _Sink:
    """A write-only, unseekable file: zipfile then writes data descriptors and streams."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def _value(value: Any) -> str:
    return re.sub(r"\s+", "_", str(value))


def annotation_conf(schema: dict[str, Any], notes: ExportNotes) -> str:
    labels = [label["key"] for label in schema.get("span_labels", [])]
    lines = ["# Written by Claimlens from the project's schema.", "", "[entities]", "", *labels]
    lines += ["", "[relations]", ""]
    for rtype in schema.get("relation_types", []):
        args = f"Arg1:{'|'.join(rtype['from_labels'])}, Arg2:{'|'.join(rtype['to_labels'])}"
        if rtype.get("directed") is False:
            args += ", <REL-TYPE>:symmetric"
        lines.append(f"{rtype['key']}\t{args}")
    lines += ["", "[events]", "", "[attributes]", ""]
    by_key: dict[str, tuple[list[str], dict[str, Any]]] = {}
    for label in schema.get("span_labels", []):
        for attribute in label.get("attributes", []):
            if attribute["type"] in ("bool", "choice") and attribute["key"] != NOTE:
                by_key.setdefault(attribute["key"], ([], attribute))[0].append(label["key"])
    for key, (owners, attribute) in by_key.items():
        line = f"{key}\tArg:{'|'.join(owners)}"
        if attribute["type"] == "choice":
            line += ", Value:" + "|".join(_value(c) for c in attribute["choices"])
        lines.append(line)
    return "\n".join(lines) + "\n"


def _ann(
    record: Record,
    aset: Record,
    counts: dict[str, int],
    kinds: dict[tuple[str, str], str],
) -> str:
    lines: list[str] = []
    ids: dict[Any, str] = {}
    text = record["text"]
    attribute_number = note_number = 0
    for number, span in enumerate(aset.get("spans", []), start=1):
        ident = f"T{number}"
        ids[span.get("id")] = ident
        pieces = span_pieces(span)
        offsets = ";".join(f"{a} {b}" for a, b in pieces)
        quoted = FRAGMENT_JOINER.join(text[a:b] for a, b in pieces)
        if "\n" in quoted:
            quoted = quoted.replace("\n", " ")  # brat keeps one line per annotation
        lines.append(f"{ident}\t{span['label']} {offsets}\t{quoted}")
        for key, value in (span.get("attributes") or {}).items():
            if value is None or value is False or value == "":
                continue  # brat has no way to say "set to nothing"
            kind = kinds.get((span["label"], key))
            if key == NOTE and isinstance(value, str):
                note_number += 1
                lines.append(f"#{note_number}\tAnnotatorNotes {ident}\t{' '.join(value.split())}")
            elif value is True:
                attribute_number += 1
                lines.append(f"A{attribute_number}\t{key} {ident}")
            elif kind == "text":
                counts[f"free-text attributes ({key}): brat has none"] += 1
            elif isinstance(value, str):
                attribute_number += 1
                lines.append(f"A{attribute_number}\t{key} {ident} {_value(value)}")
                if _value(value) != value:
                    counts["attribute values with spaces (written with _)"] += 1
            else:
                counts[f"attributes with several values ({key})"] += 1
    for number, relation in enumerate(aset.get("relations", []), start=1):
        if relation.get("target_document") is not None:
            counts["relations across documents"] += 1
            continue
        source, target = ids.get(relation["source"]), ids.get(relation["target"])
        lines.append(f"R{number}\t{relation['type']} Arg1:{source} Arg2:{target}")
    counts["stances"] += len(aset.get("stances", []))
    counts["document answers"] += len(aset.get("answers") or {})
    return "\n".join(lines) + ("\n" if lines else "")


def _stem(record: Record, used: set[str]) -> str:
    title = str(record.get("title") or "")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", title).strip("-.")[:80]
    if not stem or stem in used:
        stem = f"{record.get('id')}-{stem}".strip("-")[:90] or f"document-{len(used) + 1}"
    used.add(stem)
    return stem


def write(header: Header, documents: Iterable[Record], notes: ExportNotes) -> Iterator[bytes]:
    sink = _Sink()
    conf = annotation_conf(header.get("schema") or {}, notes)
    counts: dict[str, int] = defaultdict(int)
    kinds = attribute_kinds(header.get("schema") or {})
    used: set[str] = set()
    layers: set[str] = set()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("annotation.conf", conf)
        for record in documents:
            stem = _stem(record, used)
            for aset in record.get("sets", []):
                layer = re.sub(r"[^A-Za-z0-9._-]+", "_", layer_name(aset)) or "layer"
                if layer not in layers:
                    layers.add(layer)
                    archive.writestr(f"{layer}/annotation.conf", conf)
                archive.writestr(f"{layer}/{stem}.txt", record["text"])
                archive.writestr(f"{layer}/{stem}.ann", _ann(record, aset, counts, kinds))
            yield sink.take()
        left_out = [f"{count} {what}" for what, count in counts.items() if count]
        for item in left_out:
            notes.add(f"brat: left out or changed: {item}")
        readme = ["Exported by Claimlens in brat standoff format.", ""]
        readme += ["What brat cannot hold was left out or changed:", *left_out] if left_out else []
        archive.writestr("README.txt", "\n".join(readme) + "\n")
    yield sink.take()


EXPORTS = {
    "brat": ExportSpec(
        title="brat standoff (zip: a folder per annotator, and gold)",
        media_type="application/zip",
        extension="zip",
        write=write,
    )
}
IMPORT = ImportSpec(
    title="brat standoff (zip of the project folder)", names=("brat",), read=read, archive=True
)
