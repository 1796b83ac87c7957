"""Label Studio's JSON export (an array of tasks, one task, or JSONL) read into document
records: a document per task, a set per annotation or prediction (``read_results``), its
author from ``completed_by``. The package docstring says what is read and how.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from annotations.formats.label_studio.read_results import SetReader
from annotations.formats.records import Issue, ReadDocument, ReadResult
from annotations.formats.schema_derive import as_key, schema_header
from annotations.formats.text_files import decoded
from annotations.spans import Utf16Offsets


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
    text = decoded(name, data, options, result)
    if text is None:
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
) -> ReadDocument | None:
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
        reader = SetReader(text, offsets, where, name, number)
        content = reader.read(layer.get("result") or [])
        result.errors += reader.errors
        result.notes += reader.notes
        if content is None:
            continue
        if what == "prediction":
            model = layer.get("model_version")
            sets.append({**content, "kind": "model", "model_name": str(model or "label-studio")})
            continue
        gold = layer.get("ground_truth") is True
        content["kind"] = "gold" if gold else "annotator"
        content["author"] = _who(layer.get("completed_by"))
        content["seconds_spent"] = _seconds(layer.get("lead_time"))
        sets.append(content)
    if item.get("drafts"):
        drafts = len(item["drafts"]) if isinstance(item["drafts"], list) else 1
        result.notes.append(Issue(name, number, f"task {number}: {drafts} drafts not imported"))
    record: ReadDocument = {
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


def _attribute_keys_as_schema_keys(documents: list[ReadDocument]) -> None:
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
        result.header = schema_header(result.documents, errors=result.errors)
    return result
