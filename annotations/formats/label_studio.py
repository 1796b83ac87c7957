"""Label Studio JSON: a list of tasks, one per document, with its sets as annotations.

Offsets. Label Studio counts offsets in UTF-16 code units (JavaScript string indices); they
are converted from and to code points with ``annotations.spans`` (``Utf16Offsets``), the one
place that does it. The two counts differ after a character beyond the Basic Multilingual
Plane (an emoji, some CJK): each such character is two units.

How a set is written, and read back:

- a set of kind ``annotator`` or ``gold`` is an *annotation*: ``ground_truth`` true for gold,
  ``completed_by`` ``{"email": <username>}``, ``lead_time`` the seconds spent, a skipped set
  ``was_cancelled``, ``created_at``/``updated_at`` the set's start and submission when every
  annotation of the task has a start (Label Studio's converter sorts a task's annotations by
  ``created_at`` and stops on a mixture); a ``model`` set is a *prediction*
  (``model_version``: the model's name);
- a span is a ``labels`` region (``from_name`` ``label``, ``to_name`` ``text``) with
  ``value.start``/``value.end`` in UTF-16 units and ``value.text`` the text they select;
- Label Studio has no discontinuous regions: such a span is one region per fragment, each
  carrying ``"claimlens_span": <span id>``; the reader joins regions sharing that key into
  one span again. The export notes how many spans were split;
- span attributes are per-region results with the region's ``id`` (on the first region of a
  split span): ``choices`` named after the attribute, ``textarea`` for text attributes. A
  yes/no attribute is the choice ``"true"`` or ``"false"``, marked ``"claimlens_value":
  "bool"``; a multiple choice is marked ``"claimlens_value": "list"``. Unmarked choices (a
  file from Label Studio itself) read as a string when one is chosen, else a list;
- relations are ``relation`` results (``labels``: the type, ``direction`` ``right``); a
  relation to another document cannot be written (noted);
- stances: a span toward a span is a ``relation`` labelled ``stance:<value>``; a span toward
  a stance target a per-region choice ``stance:<target>``; the document toward a target a
  document-level choice ``stance_of_document:<target>``; the document toward a span a
  per-region choice ``stance_of_document``;
- answers are document-level choices ``answer:<question>`` (``answer:<question>:<target>``
  for a question answered per target), with the id ``d-<name>``. Reading, a document-level
  choice of any other name (a Label Studio classification) is the answer to the question of
  that name. A result is per-region when its value holds a position or its id is a region's.

What does not come back: relations across documents, the sets' times and statuses (beyond
"cancelled"); fragments only through ``claimlens_span``, which Label Studio's own tools
ignore. ``labeling_config(schema)`` gives the labeling configuration (XML) for a schema, so a
Label Studio project can open the export (the export itself has no place for it).

Reading takes Label Studio's JSON export (a JSON array of tasks; a single task object; or
JSONL, a task per line); the text is ``data.text``, or ``data.<text_key>`` with the option
``text_key``. Every annotation becomes a set: kind ``gold`` when ``ground_truth``, else
``annotator``, its annotator the ``completed_by`` email (or username) made a valid username
(characters other than letters, digits and ``.@+-_`` become ``_``), or
``label-studio-user-<id>`` when only a user id is given, or none (the import then gives it
to the importing person). Every prediction becomes a ``model`` set (``model_version``, or
``label-studio``). Cancelled annotations, drafts, results of other kinds (rectangles,
ratings, free text at document level, HyperText regions, ...) and what refers to them are
listed in the notes, never dropped silently. A relation drawn ``left`` is read reversed; one
without a label is of type ``related``.

Errors name the file and the task by its position: ``line`` is the 1-based task number (in a
JSONL file too; only a line that is not JSON is named by its line), and the message says
``task 3, annotation 2: region ...``. They are: offsets that are not whole numbers, fall
outside the text or inside a surrogate pair; a ``value.text`` that is not what the offsets
select; a region with other than one label; split regions of different labels; links to
regions that do not exist. With the option ``derive_schema`` the labels, attributes,
relation types, stances and questions seen make a schema (in the result's header), names
rewritten into schema keys where needed (attribute keys here, the rest by ``schema_derive``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any
from xml.sax.saxutils import quoteattr

import orjson

from annotations.formats.records import (
    ExportNotes,
    ExportSpec,
    Header,
    ImportSpec,
    Issue,
    ReadResult,
    Record,
    attribute_kinds,
    span_pieces,
)
from annotations.formats.schema_derive import as_key, schema_header
from annotations.spans import FRAGMENT_JOINER, Utf16Offsets
from corpus.importers.decoding import DecodeError, bytes_decode

LABELS = "label"  # the Labels control
TEXT = "text"  # the Text object the controls point at
STANCE = "stance:"
STANCE_OF_DOCUMENT = "stance_of_document"
ANSWER = "answer:"
SPAN_KEY = "claimlens_span"  # on each region of a split span: the span's id
VALUE_KIND = "claimlens_value"  # on choices: "bool" or "list" (else one string)
OLD_MULTI = "claimlens_multi"  # earlier exports marked lists so
PER_REGION = ' perRegion="true" visibleWhen="region-selected"'

# --- export --------------------------------------------------------------------------------


def _region_ids(span: Record) -> list[str]:
    return [
        f"s{span.get('id')}" if i == 0 else f"s{span.get('id')}-{i}"
        for i in range(len(span_pieces(span)))
    ]


def _choices(value: Any) -> list[str]:
    if isinstance(value, bool):
        return ["true" if value else "false"]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _marked(item: dict[str, Any], value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        item[VALUE_KIND] = "bool"
    elif isinstance(value, list):
        item[VALUE_KIND] = "list"
    return item


def _region_choice(
    region: str, where: dict[str, Any], name: str, value: Any, free_text: bool = False
) -> dict[str, Any]:
    position = {k: where[k] for k in ("start", "end", "text")}
    if free_text and isinstance(value, str):
        kind, body = "textarea", {"text": [value]}
    else:
        kind, body = "choices", {"choices": _choices(value)}
    item = {"id": region, "from_name": name, "to_name": TEXT, "type": kind}
    item["value"] = {**position, **body}
    return item if kind == "textarea" else _marked(item, value)


def _document_choice(name: str, value: Any) -> dict[str, Any]:
    item = {"id": f"d-{name}", "from_name": name, "to_name": TEXT, "type": "choices"}
    item["value"] = {"choices": _choices(value)}
    return _marked(item, value)


def _link(source: str, target: str, label: str) -> dict[str, Any]:
    return {
        "from_id": source,
        "to_id": target,
        "type": "relation",
        "direction": "right",
        "labels": [label],
    }


def _results(
    record: Record,
    aset: Record,
    counts: dict[str, int],
    kinds: dict[tuple[str, str], str],
    offsets: Utf16Offsets,
) -> list[dict[str, Any]]:
    text = record["text"]
    results: list[dict[str, Any]] = []
    regions: dict[Any, list[str]] = {}  # span id -> its region ids
    first: dict[Any, dict[str, Any]] = {}  # span id -> the value of its first region
    for span in aset.get("spans", []):
        pieces = span_pieces(span)
        ids = regions[span.get("id")] = _region_ids(span)
        if len(pieces) > 1:
            counts["discontinuous"] += 1
        for (a, b), region in zip(pieces, ids, strict=True):
            value = {
                "start": offsets.to_utf16(a),
                "end": offsets.to_utf16(b),
                "text": text[a:b],
                "labels": [span["label"]],
            }
            item = {"id": region, "from_name": LABELS, "to_name": TEXT, "type": "labels"}
            item["value"] = value
            if len(pieces) > 1:
                item[SPAN_KEY] = str(span.get("id"))
            results.append(item)
            first.setdefault(span.get("id"), value)
        for key, value in (span.get("attributes") or {}).items():
            if value is None:
                continue
            free_text = kinds.get((span["label"], key), "text") == "text"
            results.append(_region_choice(ids[0], first[span.get("id")], key, value, free_text))
    for relation in aset.get("relations", []):
        if relation.get("target_document") is not None:
            counts["across documents"] += 1
            continue
        source, target = regions[relation["source"]][0], regions[relation["target"]][0]
        results.append(_link(source, target, relation["type"]))
    for stance in aset.get("stances", []):
        holder, about, target = stance.get("holder"), stance.get("object"), stance.get("target")
        value = stance["value"]
        if holder is not None and about is not None:
            results.append(_link(regions[holder][0], regions[about][0], STANCE + value))
        elif holder is not None:
            results.append(
                _region_choice(regions[holder][0], first[holder], STANCE + target, value)
            )
        elif about is not None:
            results.append(
                _region_choice(regions[about][0], first[about], STANCE_OF_DOCUMENT, value)
            )
        else:
            results.append(_document_choice(f"{STANCE_OF_DOCUMENT}:{target}", value))
    for question, value in (aset.get("answers") or {}).items():
        if isinstance(value, dict):
            for target, answer in value.items():
                results.append(_document_choice(f"{ANSWER}{question}:{target}", answer))
        else:
            results.append(_document_choice(ANSWER + question, value))
    return results


def task(
    record: Record, counts: dict[str, int], kinds: dict[tuple[str, str], str] | None = None
) -> dict[str, Any]:
    """One document record as a Label Studio task. ``counts`` gathers what cannot be said
    exactly (``discontinuous`` spans split, relations ``across documents`` left out);
    ``kinds`` are the schema's attribute types (``attribute_kinds``): text attributes become
    text areas."""
    offsets = Utf16Offsets(record["text"])
    outlet = record.get("outlet")
    annotations, predictions = [], []
    # Label Studio's converter sorts a task's annotations by created_at: all or none have one.
    dated = all(s.get("started_at") for s in record.get("sets", []) if s.get("kind") != "model")
    for number, aset in enumerate(record.get("sets", []), start=1):
        results = _results(record, aset, counts, kinds or {}, offsets)
        if aset.get("kind") == "model":
            predictions.append(
                {"id": number, "model_version": aset.get("model") or "model", "result": results}
            )
            continue
        annotation = {
            "id": number,
            "completed_by": {"email": aset.get("annotator") or ""},
            "ground_truth": aset.get("kind") == "gold",
            "was_cancelled": aset.get("status") == "skipped",
            "lead_time": aset.get("seconds_spent") or 0,
            "result": results,
        }
        if dated:
            annotation["created_at"] = aset["started_at"]
            annotation["updated_at"] = aset.get("submitted_at") or aset["started_at"]
        annotations.append(annotation)
    return {
        "id": record.get("id"),
        "data": {
            "text": record["text"],
            "title": record.get("title") or "",
            "outlet": outlet.get("name") if isinstance(outlet, dict) else outlet,
            "story": record.get("story"),
            "claimlens_id": record.get("id"),
        },
        "annotations": annotations,
        "predictions": predictions,
    }


def write(header: Header, documents: Iterable[Record], notes: ExportNotes) -> Iterator[bytes]:
    counts: dict[str, int] = {"discontinuous": 0, "across documents": 0}
    kinds = attribute_kinds(header.get("schema") or {})
    yield b"["
    for i, record in enumerate(documents):
        yield (b",\n" if i else b"\n") + orjson.dumps(task(record, counts, kinds))
    yield b"\n]\n"
    if counts["discontinuous"]:
        notes.add(
            f"label-studio: {counts['discontinuous']} discontinuous spans written as one "
            f"region per fragment (joined again on import by {SPAN_KEY})"
        )
    if counts["across documents"]:
        notes.add(
            f"label-studio: {counts['across documents']} relations across documents "
            "left out (a Label Studio task is one document)"
        )


def labeling_config(schema: dict[str, Any]) -> str:
    """A Label Studio labeling configuration (XML) that opens this schema's export: the span
    labels (with their colours), the relation types and stance values as relation labels,
    per-region choices or text areas for the attributes and the stances toward targets, and
    document-level choices for the stances of the document and the questions."""
    lines = ["<View>", f'  <Labels name="{LABELS}" toName="{TEXT}">']
    for label in schema["span_labels"]:
        colour = f" background={quoteattr(label['color'])}" if label.get("color") else ""
        lines.append(f"    <Label value={quoteattr(label['key'])}{colour}/>")
    lines += ["  </Labels>", f'  <Text name="{TEXT}" value="$text"/>']
    stance = schema.get("stance") or {}
    values = list(stance.get("values", []))
    relation_values = [r["key"] for r in schema.get("relation_types", [])]
    relation_values += [STANCE + v for v in values]
    if relation_values:
        lines.append("  <Relations>")
        lines += [f"    <Relation value={quoteattr(v)}/>" for v in relation_values]
        lines.append("  </Relations>")
    per_region: dict[str, dict[str, Any]] = {}
    for label in schema["span_labels"]:
        for attribute in label.get("attributes", []):
            spec = per_region.setdefault(
                attribute["key"], {"type": attribute["type"], "choices": []}
            )
            offered = attribute.get("choices") or []
            if attribute["type"] == "bool":
                offered = ["true", "false"]
            spec["choices"] += [c for c in offered if c not in spec["choices"]]
    for target in stance.get("targets", []):
        per_region[STANCE + target["key"]] = {"type": "choice", "choices": values}
    per_region[STANCE_OF_DOCUMENT] = {"type": "choice", "choices": values}
    for name, spec in per_region.items():
        if spec["type"] == "text":
            lines.append(f'  <TextArea name={quoteattr(name)} toName="{TEXT}"{PER_REGION}/>')
        elif spec["choices"]:
            multiple = "multiple" if spec["type"] == "multi_choice" else "single"
            lines += _choices_tag(name, spec["choices"], multiple, PER_REGION)
    targets = [t["key"] for t in stance.get("targets", [])]
    for target in targets:
        lines += _choices_tag(f"{STANCE_OF_DOCUMENT}:{target}", values, "single")
    for question in schema.get("document_questions", []):
        multiple = "multiple" if question["type"] == "multi" else "single"
        names = (
            [f"{ANSWER}{question['key']}:{target}" for target in targets]
            if question.get("per_target")
            else [ANSWER + question["key"]]
        )
        for name in names:
            lines += _choices_tag(name, question["choices"], multiple)
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _choices_tag(name: str, choices: list[str], multiple: str, extra: str = "") -> list[str]:
    if not choices:
        return []
    return [
        f'  <Choices name={quoteattr(name)} toName="{TEXT}" choice="{multiple}"{extra}>',
        *(f"    <Choice value={quoteattr(c)}/>" for c in choices),
        "  </Choices>",
    ]


# --- import --------------------------------------------------------------------------------


def _choice_value(item: dict[str, Any]) -> Any:
    value = item.get("value") or {}
    if item.get("type") == "textarea":
        texts = value.get("text") or []
        return "\n".join(map(str, texts)) if isinstance(texts, list) else str(texts)
    choices = value.get("choices") or []
    if not isinstance(choices, list):
        choices = [choices]
    choices = [str(c) for c in choices]
    kind = item.get(VALUE_KIND) or ("list" if item.get(OLD_MULTI) else None)
    if kind == "bool" and choices in (["true"], ["false"]):
        return choices == ["true"]
    if kind == "list":
        return choices
    return choices[0] if len(choices) == 1 else choices


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _SetReader:
    """The results of one annotation or prediction as a set's content."""

    def __init__(self, text: str, offsets: Utf16Offsets, where: str, file: str, number: int):
        self.text, self.offsets = text, offsets
        self.where, self.file, self.number = where, file, number
        self.spans: dict[str, Record] = {}
        self.region_span: dict[str, str] = {}  # region id -> span key
        self.elsewhere: set[str] = set()  # ids of regions noted, not read
        self.errors: list[Issue] = []
        self.notes: list[Issue] = []

    def fail(self, message: str) -> None:
        self.errors.append(Issue(self.file, self.number, f"{self.where}: {message}"))

    def note(self, message: str) -> None:
        self.notes.append(Issue(self.file, self.number, f"{self.where}: {message}"))

    def read(self, results: Any) -> Record | None:
        if not isinstance(results, list):
            self.fail("result must be a list")
            return None
        later = []
        for item in results:
            if not isinstance(item, dict):
                self.fail("a result is not an object")
            elif item.get("type") == "labels":
                self._region(item)
            elif str(item.get("type") or "").endswith("labels"):
                # regions over other objects (HyperText, images, audio, ...)
                self.elsewhere.add(str(item.get("id")))
                self.note(
                    f"a {item.get('type')!r} region ({item.get('from_name')}) was not imported"
                )
            else:
                later.append(item)
        spans = [self._joined(span) for span in self.spans.values()]
        content: Record = {"spans": spans, "relations": [], "stances": [], "answers": {}}
        for item in later:
            if item.get("type") == "relation":
                self._relation(item, content)
            elif self._about_a_region(item):
                self._per_region(item, content)
            else:
                self._document_level(item, content)
        return None if self.errors else content

    def _region(self, item: dict[str, Any]) -> None:
        region = str(item.get("id"))
        value = item.get("value") if isinstance(item.get("value"), dict) else {}
        start, end = value.get("start"), value.get("end")
        if not _whole(start) or not _whole(end):
            self.fail(f"region {region}: start and end must be whole numbers")
            return
        try:
            a, b = self.offsets.to_codepoint(start), self.offsets.to_codepoint(end)
        except ValueError as error:
            self.fail(f"region {region}: {error}")
            return
        if b <= a:
            self.fail(f"region {region}: empty or reversed range [{start}, {end})")
            return
        if "text" in value and value["text"] != self.text[a:b]:
            self.fail(
                f"region {region}: quoted text {value['text']!r} does not match the offsets "
                f"({self.text[a:b]!r})"
            )
            return
        labels = value.get("labels")
        if not isinstance(labels, list) or len(labels) != 1:
            self.fail(f"region {region}: one label per region, not {labels!r}")
            return
        key = str(item.get(SPAN_KEY) or region)
        self.region_span[region] = key
        span = self.spans.get(key)
        if span is None:
            self.spans[key] = {"id": key, "label": str(labels[0]), "pieces": [(a, b)]}
        elif span["label"] != labels[0]:
            self.fail(f"region {region}: labelled {labels[0]!r}, its span {span['label']!r}")
        else:
            span["pieces"].append((a, b))

    def _joined(self, span: Record) -> Record:
        pieces = sorted(span.pop("pieces"))
        span["start"], span["end"] = pieces[0][0], pieces[-1][1]
        span["text"] = FRAGMENT_JOINER.join(self.text[a:b] for a, b in pieces)
        if len(pieces) > 1:
            span["fragments"] = [list(p) for p in pieces]
        span["attributes"] = {}
        return span

    def _span_of(self, region: Any, what: str) -> str | None:
        """The span a result points at; None (with an error or a note) when there is none."""
        key = self.region_span.get(str(region))
        if key is None and str(region) in self.elsewhere:
            self.note(f"{what}: region {region} was not imported, so neither is this")
        elif key is None:
            self.fail(f"{what}: there is no region {region}")
        return key

    def _relation(self, item: dict[str, Any], content: Record) -> None:
        what = f"relation {item.get('from_id')} -> {item.get('to_id')}"
        source = self._span_of(item.get("from_id"), what)
        target = self._span_of(item.get("to_id"), what)
        if source is None or target is None:
            return
        if item.get("direction") == "left":
            source, target = target, source
        labels = item.get("labels") or ["related"]
        for label in labels if isinstance(labels, list) else [labels]:
            label = str(label)
            if label.startswith(STANCE):
                value = label[len(STANCE) :]
                content["stances"].append({"holder": source, "object": target, "value": value})
            else:
                content["relations"].append({"type": label, "source": source, "target": target})

    def _about_a_region(self, item: dict[str, Any]) -> bool:
        """Per-region results share their region's id and repeat its position; a document-level
        result has an id of its own (or none) and no position."""
        region = str(item.get("id"))
        value = item.get("value")
        placed = isinstance(value, dict) and ("start" in value or "end" in value)
        return placed or region in self.region_span or region in self.elsewhere

    def _per_region(self, item: dict[str, Any], content: Record) -> None:
        kind, name = item.get("type"), str(item.get("from_name") or "")
        if kind not in ("choices", "textarea"):
            self.note(f"a per-region {kind!r} result ({name or 'no name'}) was not imported")
            return
        span = self._span_of(item["id"], f"{name or kind} of region {item['id']}")
        if span is None:
            return
        value = _choice_value(item)
        if name == STANCE_OF_DOCUMENT:
            content["stances"].append({"holder": None, "object": span, "value": value})
        elif name.startswith(STANCE):
            target = name[len(STANCE) :]
            content["stances"].append({"holder": span, "target": target, "value": value})
        else:
            self.spans[span]["attributes"][name] = value

    def _document_level(self, item: dict[str, Any], content: Record) -> None:
        kind, name = item.get("type"), str(item.get("from_name") or "")
        if kind != "choices" or not name:
            self.note(f"a {kind!r} result ({name or 'no name'}) was not imported")
            return
        value = _choice_value(item)
        if name.startswith((STANCE_OF_DOCUMENT + ":", STANCE)):  # the latter: earlier exports
            target = name.partition(":")[2]
            content["stances"].append({"holder": None, "target": target, "value": value})
            return
        question, target = name, ""
        if name.startswith(ANSWER):
            question, _, target = name[len(ANSWER) :].partition(":")
        if target:
            content["answers"].setdefault(question, {})[target] = value
        else:
            content["answers"][question] = value


def _username(name: str) -> str | None:
    return re.sub(r"[^\w.@+\-]+", "_", name.strip()).strip("_")[:150] or None


def _who(completed_by: Any) -> str | None:
    if isinstance(completed_by, dict):
        who = completed_by.get("email") or completed_by.get("username")
        if isinstance(who, str) and who.strip():
            return _username(who)
        completed_by = completed_by.get("id")
    if completed_by in (None, "") or isinstance(completed_by, bool | dict | list):
        return None
    return _username(f"label-studio-user-{completed_by}")


def _seconds(lead_time: Any) -> int:
    if isinstance(lead_time, int | float) and not isinstance(lead_time, bool) and lead_time > 0:
        return round(lead_time)
    return 0


def _tasks(name: str, data: bytes, options: dict[str, Any], result: ReadResult) -> list[Any]:
    try:
        text = bytes_decode(name, data, options.get("encoding"))
    except DecodeError as error:
        result.errors.append(Issue(name, error.line, str(error)))
        return []
    try:
        loaded = orjson.loads(text)
    except orjson.JSONDecodeError as whole:
        if text.lstrip().startswith("["):  # a JSON array, broken
            result.errors.append(Issue(name, None, f"neither JSON nor JSONL: {whole}"))
            return []
        loaded = []
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                loaded.append(orjson.loads(line))
            except orjson.JSONDecodeError as error:
                message = f"neither JSON nor JSONL: line {number}: {error}"
                result.errors.append(Issue(name, number, message))
                return []
    return loaded if isinstance(loaded, list) else [loaded]


def _task_read(
    name: str, number: int, item: Any, text_key: str, result: ReadResult
) -> Record | None:
    if not isinstance(item, dict):
        result.errors.append(Issue(name, number, f"task {number}: not a JSON object"))
        return None
    data = item.get("data")
    text = data.get(text_key) if isinstance(data, dict) else None
    if not isinstance(text, str) or not text.strip():
        result.errors.append(Issue(name, number, f"task {number}: no text in data.{text_key}"))
        return None
    offsets = Utf16Offsets(text)
    sets = []
    layers = [("annotation", a) for a in item.get("annotations") or []]
    layers += [("prediction", p) for p in item.get("predictions") or []]
    counter = {"annotation": 0, "prediction": 0}
    for what, layer in layers:
        counter[what] += 1
        where = f"task {number}, {what} {counter[what]}"
        if not isinstance(layer, dict):
            result.errors.append(Issue(name, number, f"{where}: not a JSON object"))
            continue
        if layer.get("was_cancelled") or layer.get("skipped"):
            result.notes.append(Issue(name, number, f"{where}: cancelled, not imported"))
            continue
        reader = _SetReader(text, offsets, where, name, number)
        content = reader.read(layer.get("result") or [])
        result.errors += reader.errors
        result.notes += reader.notes
        if content is None:
            continue
        if what == "prediction":
            model = layer.get("model_version")
            sets.append({**content, "kind": "model", "model": str(model or "label-studio")})
            continue
        gold = layer.get("ground_truth") is True
        content["kind"] = "gold" if gold else "annotator"
        content["annotator"] = _who(layer.get("completed_by"))
        content["seconds_spent"] = _seconds(layer.get("lead_time"))
        sets.append(content)
    if item.get("drafts"):
        drafts = len(item["drafts"]) if isinstance(item["drafts"], list) else 1
        result.notes.append(Issue(name, number, f"task {number}: {drafts} drafts not imported"))
    record: Record = {
        "text": text,
        "title": str(data.get("title") or ""),
        "meta": {"label_studio_task": item.get("id")},
        "sets": sets,
        "_where": {"file": name, "line": number},
    }
    for key in ("outlet", "story"):
        if isinstance(data.get(key), str) and data[key]:
            record[key] = data[key]
    return record


def _attribute_keys_as_schema_keys(documents: list[Record]) -> None:
    for record in documents:
        for aset in record["sets"]:
            for span in aset["spans"]:
                span["attributes"] = {as_key(k): v for k, v in span["attributes"].items()}


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    """Tasks from Label Studio's JSON export (or JSONL of tasks). Problems name the file and
    the task by its position (as the line: ``task 3`` is the file's third task)."""
    result = ReadResult()
    text_key = options.get("text_key") or "text"
    for name, data in files:
        for number, item in enumerate(_tasks(name, data, options, result), start=1):
            record = _task_read(name, number, item, text_key, result)
            if record is not None:
                result.documents.append(record)
    if options.get("derive_schema") and not result.errors:
        _attribute_keys_as_schema_keys(result.documents)
        result.header = schema_header(result.documents)
    return result


EXPORTS = {
    "label-studio": ExportSpec(
        title="Label Studio JSON (tasks with annotations and predictions)",
        media_type="application/json",
        extension="json",
        write=write,
    )
}
IMPORT = ImportSpec(title="Label Studio JSON export", names=("label-studio",), read=read)
