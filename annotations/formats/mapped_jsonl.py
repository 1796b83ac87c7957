"""Any JSONL of annotated texts, read through a field mapping (option ``mapping``).

The mapping says where things are in each line. A *path* is a key, or keys joined by dots
for nested objects (``meta.source``); ``{"const": value}`` instead of a path gives a fixed
value::

    {
      "text": "sentence_normalized",                 # required
      "id": "primary_gid",                           # kept in the document's meta
      "title": ..., "url": ..., "outlet": ..., "story": ...,      # optional paths
      "annotator": {"const": "newsmtsc"},            # whose set (default: the importer)
      "kind": "gold",                                # or "annotator" (default) / "model"
      "spans": {
        "path": "targets",                           # a list of objects in each line
        "start": "from", "end": "to",                # code points, end exclusive
        "label": {"const": "SOURCE"},                # or a path
        "text": "mention",                           # optional: checked against the offsets
        "attributes": {"side": "party"},             # optional: attribute key -> path
        "stance": {"value": "polarity",              # optional: the document's stance
                   "map": {"2": "against", "4": "neutral", "6": "favor"}}  # toward the span
      }
    }

NewsMTSC (``../shared/datasets/newsmtsc-sample``) reads with exactly the mapping above:
each sentence a document, each target mention a ``SOURCE`` span, and its polarity (2.0
negative, 4.0 neutral, 6.0 positive) the sentence's stance toward it. Map keys are matched
against the value as text, with ``2.0`` also matching ``"2"``.
"""

from __future__ import annotations

from typing import Any

from annotations.formats.records import ImportSpec, Issue, ReadResult, Record, json_lines
from annotations.formats.schema_derive import schema_header

MISSING = object()


class MappingError(ValueError):
    pass


def _get(item: Any, path: Any, where: str) -> Any:
    if isinstance(path, dict) and "const" in path:
        return path["const"]
    if not isinstance(path, str) or not path:
        raise MappingError(f"mapping for {where}: give a field path or {{'const': value}}")
    value = item
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return MISSING
        value = value[key]
    return value


def _required(item: Any, path: Any, where: str) -> Any:
    value = _get(item, path, where)
    if value is MISSING:
        raise ValueError(f'field "{path}" ({where}) is missing')
    return value


def _mapped(value: Any, table: dict[str, Any]) -> Any:
    keys = [str(value)]
    if isinstance(value, float) and value.is_integer():
        keys.append(str(int(value)))
    for key in keys:
        if key in table:
            return table[key]
    raise ValueError(f"value {value!r} is not in the mapping's map ({', '.join(table)})")


def _integer(value: Any, where: str) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{where} {value!r} is not an integer")
    return value


def _record(item: dict[str, Any], mapping: dict[str, Any]) -> Record:
    text = _required(item, mapping["text"], "text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f'field "{mapping["text"]}" (text) is not a text')
    record: Record = {"text": text, "meta": {}}
    for key in ("title", "url", "outlet", "story"):
        if key in mapping and isinstance(value := _get(item, mapping[key], key), str):
            record[key] = value
    if "id" in mapping and (value := _get(item, mapping["id"], "id")) is not MISSING:
        record["meta"]["source_id"] = value
    annotator = _get(item, mapping["annotator"], "annotator") if "annotator" in mapping else None
    aset: Record = {
        "kind": mapping.get("kind", "annotator"),
        "annotator": None if annotator is MISSING else annotator,
        "spans": [],
        "stances": [],
    }
    spec = mapping.get("spans")
    if spec:
        found = _required(item, spec["path"], "spans")
        if not isinstance(found, list):
            raise ValueError(f'field "{spec["path"]}" (spans) is not a list')
        for i, entry in enumerate(found):
            where = f"{spec['path']}[{i}]"
            start = _integer(_required(entry, spec["start"], "span start"), f"{where} start")
            end = _integer(_required(entry, spec["end"], "span end"), f"{where} end")
            if not 0 <= start < end <= len(text):
                raise ValueError(f"{where}: [{start}, {end}) is not a range inside the text")
            if "text" in spec:
                quoted = _get(entry, spec["text"], "span text")
                if quoted is not MISSING and quoted != text[start:end]:
                    raise ValueError(
                        f"{where}: quoted text {quoted!r} does not match the offsets "
                        f"({text[start:end]!r})"
                    )
            span = {
                "id": i,
                "label": _required(entry, spec["label"], "span label"),
                "start": start,
                "end": end,
                "text": text[start:end],
                "attributes": {
                    key: value
                    for key, path in (spec.get("attributes") or {}).items()
                    if (value := _get(entry, path, f"attribute {key}")) is not MISSING
                },
            }
            aset["spans"].append(span)
            stance = spec.get("stance")
            if stance:
                raw = _required(entry, stance["value"], "stance value")
                value = _mapped(raw, stance.get("map") or {}) if "map" in stance else raw
                aset["stances"].append({"holder": None, "object": i, "value": value})
    record["sets"] = [aset]
    return record


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    mapping = options.get("mapping")
    if not isinstance(mapping, dict) or "text" not in mapping:
        result.errors.append(Issue("", None, 'the option "mapping" must name at least "text"'))
        return result
    for name, data in files:
        for number, item in json_lines(name, data, options, result):
            try:
                record = _record(item, mapping)
            except MappingError as error:
                result.errors.append(Issue("mapping", None, str(error)))
                return result
            except (ValueError, KeyError, TypeError) as error:
                result.errors.append(Issue(name, number, str(error)))
                continue
            record["_where"] = {"file": name, "line": number}
            result.documents.append(record)
    if options.get("derive_schema") and not result.errors:
        result.header = schema_header(result.documents)
    return result


IMPORT = ImportSpec(title="JSONL with a field mapping", names=("mapped-jsonl",), read=read)
