"""Any JSONL of annotated texts, read through a field mapping (import only; option
``mapping``, a JSON object).

The mapping language
--------------------

A *source* says where a value is in a line: a *path*, i.e. a key or keys joined by dots
into nested objects (``meta.source``; a number steps into a list: ``authors.0``), or
``{"const": value}`` for the same value on every line. The mapping is::

    {
      "text": SOURCE,                      # required: the document's text
      "id": SOURCE,                        # kept in the document's meta as "source_id"
      "title": SOURCE, "url": SOURCE, "outlet": SOURCE, "story": SOURCE,   # optional
      "meta": {"name": SOURCE, ...},       # optional: more values for the document's meta
      "kind": "annotator",                 # the set's kind: annotator (default), gold, model
      "author": SOURCE,                    # a username; default: the importing person
      "model_name": SOURCE,                # the model's name, for kind "model"
      "spans": {                           # optional: where the spans are
        "path": PATH,                      # a list of objects in each line
        "start": PATH, "end": PATH,        # in each object: code points, end exclusive
        "label": SOURCE,                   # the span label (usually a const)
        "text": PATH,                      # optional: the quoted span text, checked
        "attributes": {"key": SOURCE},     # optional: span attributes
        "stance": {                        # optional: the document's stance toward the span
          "value": SOURCE,
          "map": {"raw value": "stance value", ...}   # optional: raw values rewritten
        }
      }
    }

Inside ``spans`` the sources are read from each object of the list, not from the line. A
``map`` is looked up by the value as text; a whole-number float also matches its integer
form (``2.0`` matches ``"2"`` and ``"2.0"``); a value the map lacks is an error. Attribute
values that are numbers become text (``2.0`` as ``"2"``), as schema attributes hold text.
A stance read this way has no holder (the document holds it) and the span as its object.

NewsMTSC
--------

NewsMTSC (``../shared/datasets/newsmtsc-sample``: ``{"primary_gid", "sentence_normalized",
"targets": [{"from", "to", "mention", "polarity"}]}``, polarity 2.0 negative, 4.0 neutral,
6.0 positive) reads with this mapping::

    {
      "text": "sentence_normalized",
      "id": "primary_gid",
      "kind": "gold",
      "author": {"const": "newsmtsc"},
      "spans": {
        "path": "targets",
        "start": "from",
        "end": "to",
        "label": {"const": "SOURCE"},
        "text": "mention",
        "stance": {"value": "polarity",
                   "map": {"2": "against", "4": "neutral", "6": "favor"}}
      }
    }

Each sentence is a document with one gold set (credited to the user ``newsmtsc``, who must
be a member of the project; leave ``kind`` and ``author`` out to make it the importer's
own set), each target mention a ``SOURCE`` span, and its polarity the sentence's stance
toward it (``against``, ``neutral``, ``favor``: values of the news-attribution schema). The
coreference mentions in ``further_mentions`` are not read.

Errors
------

A mapping that is not of this shape is refused before any line is read (file ``mapping``);
the keys that were ``annotator`` and ``model`` before are named with their new names.
A line without a field the mapping names, an offset that is not a whole number, a range
outside the text, quoted text that differs from the offsets or a value missing from a
``map`` is an error at that file and line naming the field (``targets[1].from``); other
lines are still read, and the import decides that nothing is imported while there is one.
"""

from __future__ import annotations

from typing import Any

from annotations.formats.records import (
    SET_KEYS_OF_VERSION_1,
    ImportSpec,
    Issue,
    ReadDocument,
    ReadResult,
    SetRecord,
    SpanRecord,
)
from annotations.formats.schema_derive import schema_header
from annotations.formats.text_files import LineError, documents_by_line

KINDS = ("annotator", "gold", "model")
DOCUMENT_FIELDS = ("title", "url", "outlet", "story")
SET_FIELDS = ("author", "model_name")
RENAMED = {former: key for key, former in SET_KEYS_OF_VERSION_1.items()}  # the old names
_MISSING = object()


# --- the mapping ------------------------------------------------------------------------


def _source_problem(source: Any, where: str, const_allowed: bool = True) -> str | None:
    if isinstance(source, str) and source and all(source.split(".")):
        return None
    if const_allowed and isinstance(source, dict) and set(source) == {"const"}:
        return None
    wanted = 'a field path ("a.b") or {"const": value}' if const_allowed else "a field path"
    return f"{where}: {source!r} is not {wanted}"


def mapping_problems(mapping: Any) -> list[str]:
    """What is wrong with a mapping, each as a sentence naming its place; [] when fine."""
    if not isinstance(mapping, dict):
        return ['the option "mapping" must be a JSON object naming at least "text"']
    known = {"text", "id", *DOCUMENT_FIELDS, "meta", "kind", *SET_FIELDS, "spans"}
    problems = [_unknown_key(key) for key in mapping if key not in known]
    if "text" not in mapping:
        problems.append("text: required (where each line keeps its text)")
    for key in ("text", "id", *DOCUMENT_FIELDS, *SET_FIELDS):
        if key in mapping:
            problems.append(_source_problem(mapping[key], key))
    meta = mapping.get("meta", {})
    if not isinstance(meta, dict):
        problems.append("meta: must be an object {name: source}")
    else:
        problems += [_source_problem(v, f"meta.{k}") for k, v in meta.items()]
    kind = mapping.get("kind", "annotator")
    if kind not in KINDS:
        problems.append(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
    if "spans" in mapping:
        problems += _spans_problems(mapping["spans"])
    return [p for p in problems if p]


def _unknown_key(key: str) -> str:
    renamed = f' (now "{RENAMED[key]}")' if key in RENAMED else ""
    return f"{key}: not a mapping key{renamed}"


def _spans_problems(spans: Any) -> list[str | None]:
    if not isinstance(spans, dict):
        return ['spans: must be an object {"path", "start", "end", "label", ...}']
    known = {"path", "start", "end", "label", "text", "attributes", "stance"}
    problems: list[str | None] = [f"spans.{k}: not a mapping key" for k in spans if k not in known]
    for key in ("path", "start", "end", "label"):
        if key not in spans:
            problems.append(f"spans.{key}: required")
    for key in ("path", "start", "end", "text"):
        if key in spans:
            problems.append(_source_problem(spans[key], f"spans.{key}", const_allowed=False))
    label = spans.get("label")
    if "label" in spans:
        problems.append(_source_problem(label, "spans.label"))
    constant = label.get("const") if isinstance(label, dict) and set(label) == {"const"} else "-"
    if not isinstance(constant, str) or not constant.strip():
        problems.append(f"spans.label: the constant label {constant!r} is not a name")
    attributes = spans.get("attributes", {})
    if not isinstance(attributes, dict):
        problems.append("spans.attributes: must be an object {attribute key: source}")
    else:
        problems += [_source_problem(v, f"spans.attributes.{k}") for k, v in attributes.items()]
    stance = spans.get("stance")
    if stance is not None:
        if not isinstance(stance, dict) or "value" not in stance:
            problems.append('spans.stance: must be an object {"value": source, "map": {...}}')
        else:
            for key in stance:
                if key not in ("value", "map"):
                    problems.append(f"spans.stance.{key}: not a mapping key")
            problems.append(_source_problem(stance["value"], "spans.stance.value"))
            table = stance.get("map", {})
            if not isinstance(table, dict):
                problems.append("spans.stance.map: must be an object {raw value: stance value}")
    return problems


# --- reading a line ---------------------------------------------------------------------


def _value(item: Any, source: Any) -> Any:
    """The value a source gives in ``item``, or ``_MISSING``."""
    if isinstance(source, dict):
        return source["const"]
    value = item
    for step in source.split("."):
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
            value = value[int(step)]
        else:
            return _MISSING
    return value


def _field(prefix: str, source: Any) -> str:
    return f"{prefix}{source}" if isinstance(source, str) else f"{prefix}(const)"


def _required(item: Any, source: Any, role: str, prefix: str = "") -> Any:
    value = _value(item, source)
    if value is _MISSING:
        raise LineError(f'field "{_field(prefix, source)}" ({role}) is missing')
    return value


def _whole(value: Any, name: str, role: str) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise LineError(f'field "{name}" ({role}): {value!r} is not a whole number')
    return value


def _mapped(value: Any, table: dict[str, Any], name: str) -> Any:
    keys = [str(value)]
    if isinstance(value, float) and value.is_integer():
        keys.append(str(int(value)))
    for key in keys:
        if key in table:
            return table[key]
    raise LineError(f'field "{name}": {value!r} is not in the map ({", ".join(table)})')


def _attribute(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _span(text: str, entry: Any, number: int, spec: dict[str, Any]) -> tuple[SpanRecord, Any]:
    """One entry of the span list as a span record, and its raw stance value (or _MISSING)."""
    prefix = f"{spec['path']}[{number}]."
    if not isinstance(entry, dict):
        raise LineError(f'field "{spec["path"]}[{number}]" (span) is not an object')
    start_raw = _required(entry, spec["start"], "span start", prefix)
    end_raw = _required(entry, spec["end"], "span end", prefix)
    start = _whole(start_raw, prefix + spec["start"], "span start")
    end = _whole(end_raw, prefix + spec["end"], "span end")
    if not 0 <= start < end <= len(text):
        raise LineError(
            f'"{spec["path"]}[{number}]": [{start}, {end}) is not a range inside the text '
            f"({len(text)} code points)"
        )
    label = _required(entry, spec["label"], "span label", prefix)
    if not isinstance(label, str) or not label.strip():
        raise LineError(f'field "{_field(prefix, spec["label"])}" (span label): {label!r} '
                        "is not a name")  # fmt: skip
    if "text" in spec:
        quoted = _value(entry, spec["text"])
        if quoted is not _MISSING and quoted != text[start:end]:
            raise LineError(
                f'field "{prefix}{spec["text"]}" (span text): {quoted!r} is not the text at '
                f"[{start}, {end}), {text[start:end]!r}"
            )
    attributes = {}
    for key, source in (spec.get("attributes") or {}).items():
        value = _value(entry, source)
        if value is not _MISSING and value is not None:
            attributes[key] = _attribute(value)
    span = {
        "id": number,
        "label": label,
        "start": start,
        "end": end,
        "text": text[start:end],
        "attributes": attributes,
    }
    stance = spec.get("stance")
    if not stance:
        return span, _MISSING
    raw = _required(entry, stance["value"], "stance value", prefix)
    if "map" in stance:
        raw = _mapped(raw, stance["map"], _field(prefix, stance["value"]))
    return span, raw


def _document(item: dict[str, Any], mapping: dict[str, Any]) -> ReadDocument:
    text = _required(item, mapping["text"], "text")
    if not isinstance(text, str) or not text.strip():
        raise LineError(f'field "{_field("", mapping["text"])}" (text) is not a text')
    record: ReadDocument = {"text": text, "meta": {}}
    for key in DOCUMENT_FIELDS:
        if key in mapping and isinstance(value := _value(item, mapping[key]), str):
            record[key] = value
    if "id" in mapping and (value := _value(item, mapping["id"])) is not _MISSING:
        record["meta"]["source_id"] = value
    for key, source in (mapping.get("meta") or {}).items():
        if (value := _value(item, source)) is not _MISSING:
            record["meta"][key] = value
    kind = mapping.get("kind", "annotator")
    aset: SetRecord = {"kind": kind, "spans": [], "stances": []}
    for key in SET_FIELDS:
        if key in mapping:
            value = _value(item, mapping[key])
            if value is not _MISSING and value is not None and not isinstance(value, str):
                raise LineError(f'field "{_field("", mapping[key])}" ({key}): must be a name')
            aset[key] = None if value is _MISSING else value
    spec = mapping.get("spans")
    if spec:
        entries = _required(item, spec["path"], "spans")
        if not isinstance(entries, list):
            raise LineError(f'field "{spec["path"]}" (spans) is not a list')
        for number, entry in enumerate(entries):
            span, value = _span(text, entry, number, spec)
            aset["spans"].append(span)
            if value is not _MISSING:
                aset["stances"].append({"holder": None, "object": number, "value": value})
    record["sets"] = [aset]
    return record


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    mapping = options.get("mapping")
    problems = mapping_problems(mapping)
    if problems:
        result.errors += [Issue("mapping", None, problem) for problem in problems]
        return result
    documents_by_line(files, options, result, lambda item: _document(item, mapping))
    if options.get("derive_schema") and not result.errors:
        result.header = schema_header(result.documents, errors=result.errors)
    return result


IMPORT = ImportSpec(title="JSONL with a field mapping", names=("mapped-jsonl",), read=read)
