"""A brat export: a zip streamed as it is written, a folder per layer with a ``.txt`` and an
``.ann`` per document, the configuration files at the top and in every folder, and
``README.txt`` (written last) listing what brat cannot hold. See the package docstring.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import count
from typing import Any

from annotations.formats.brat.confs import annotation_conf, visual_conf
from annotations.formats.brat.event_writer import EventWriter
from annotations.formats.brat.layout import CONF, README, VISUAL, Folders
from annotations.formats.brat.naming import NOTE, NOTE_TYPE, brat_value
from annotations.formats.handover import Handover
from annotations.formats.records import (
    DocumentRecord,
    ExportNotes,
    Header,
    SetRecord,
    attribute_kinds,
    span_pieces,
)
from annotations.spans import FRAGMENT_JOINER

_LINE_RE = re.compile(r"[^\r\n]+")


def _stem(record: DocumentRecord, used: set[str]) -> str:
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


def _line_pieces(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces cut at line breaks (an ``.ann`` line cannot hold one)."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        out += [(a + m.start(), a + m.end()) for m in _LINE_RE.finditer(text[a:b])]
    return out


def _ann_write(
    text: str,
    aset: SetRecord,
    kinds: dict[tuple[str, str], str],
    counts: Counter[str],
    events: EventWriter,
) -> str:
    lines: list[str] = []
    t_ids: dict[Any, str] = {}
    e_ids = events.ids(aset.get("spans") or [])  # a trigger's attributes and links name its event
    attribute_number = note_number = relation_number = 0
    for span in aset.get("spans") or []:
        pieces = span_pieces(span)
        cut = _line_pieces(text, pieces)
        if not cut:
            counts["spans holding only line breaks"] += 1
            continue
        if (cut[0][0], cut[-1][1]) != (pieces[0][0], pieces[-1][1]):
            counts["spans beginning or ending with a line break (written without it)"] += 1
        elif cut != pieces:  # brat's pieces of a selection across lines: read back whole
            counts["spans running over a line break (written as one piece per line)"] += 1
        ident = f"T{len(t_ids) + 1}"
        t_ids[span.get("id")] = ident
        offsets = ";".join(f"{a} {b}" for a, b in cut)
        quoted = FRAGMENT_JOINER.join(text[a:b] for a, b in cut)
        lines.append(f"{ident}\t{span['label']} {offsets}\t{quoted}")
        owner = e_ids.get(span.get("id"), ident)
        for key, value in (span.get("attributes") or {}).items():
            if value is None or value is False or value == "" or value == []:
                continue  # brat has no way to say "set to nothing": absent is the default
            if key == NOTE and isinstance(value, str):
                note_number += 1
                one_line = re.sub(r"[\r\n\t]+", " ", value)
                if one_line != value:
                    counts["notes with line breaks (written on one line)"] += 1
                lines.append(f"#{note_number}\t{NOTE_TYPE} {owner}\t{one_line}")
            elif value is True:
                attribute_number += 1
                lines.append(f"A{attribute_number}\t{key} {owner}")
            elif kinds.get((span["label"], key)) == "text":
                counts[f"free-text attributes ({key}): brat has none"] += 1
            elif isinstance(value, str | int | float):
                attribute_number += 1
                lines.append(f"A{attribute_number}\t{key} {owner} {brat_value(value)}")
                if brat_value(value) != str(value):
                    counts["attribute values with spaces (written with _)"] += 1
            else:
                counts[f"attributes with several values ({key})"] += 1
    relations = aset.get("relations") or []
    event_lines, arguments = events.lines(aset.get("spans") or [], relations, t_ids, e_ids)
    lines += event_lines
    for index, relation in enumerate(relations):
        if index in arguments:
            counts["relation attributes"] += bool(relation.get("attributes"))
            continue
        if relation.get("target_document") is not None:
            counts["relations across documents"] += 1
            continue
        source, target = (
            e_ids.get(end) or t_ids.get(end) if end in t_ids else None
            for end in (relation.get("source"), relation.get("target"))
        )
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


def write(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    schema = (header or {}).get("schema") or {}
    registry = [source["key"] for source in (header or {}).get("sources") or []]
    conf, visual = annotation_conf(schema, registry), visual_conf(schema)
    kinds = attribute_kinds(schema)
    events = EventWriter(schema)
    counts: Counter[str] = Counter()
    changes: list[str] = []
    folders = Folders(changes)
    stems: set[str] = set()
    sink = Handover()
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
                put(f"{folder}/{stem}.ann", _ann_write(text, aset, kinds, counts, events))
            chunk = sink.take()
            if chunk:
                yield chunk
        left_out = [f"{n} {what}" for what, n in counts.items() if n] + changes
        for item in left_out:
            notes.add(f"brat: left out or changed: {item}")
        put(README, _readme(left_out))
    yield sink.take()
