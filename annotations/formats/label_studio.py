"""Label Studio JSON: a list of tasks, one per document, with its sets as annotations.

Label Studio counts offsets in UTF-16 code units (JavaScript string indices); they are
converted from and to code points with ``annotations.spans`` (the one place that does it).

How a set is written (and read back):

- a set of kind ``annotator`` or ``gold`` is an *annotation* (``ground_truth`` for gold,
  ``completed_by`` ``{"email": <username>}``); a ``model`` set is a *prediction*
  (``model_version``: the model's name);
- a span is a ``labels`` region (``from_name`` ``label``); a discontinuous span is one region
  per fragment, each carrying ``"claimlens_span": <span id>`` so they are joined again on
  import (Label Studio has no fragments; noted once per export);
- span attributes are per-region results on the (first) region: ``choices`` named after the
  attribute (``true``/``false`` for yes/no attributes), ``textarea`` for text attributes;
- relations are ``relation`` results (``labels``: the type); a relation to another document
  cannot be written (noted);
- stances: a span toward a span is a ``relation`` labelled ``stance:<value>``; a span toward a
  stance target is a per-region choice ``stance:<target>``; the document toward a target a
  document-level choice ``stance:<target>``; the document toward a span a per-region choice
  ``stance_of_document``;
- answers are document-level choices ``answer:<question>`` (``answer:<question>:<target>``
  for questions answered per target).

``labeling_config(schema)`` gives the Label Studio labeling configuration (XML) for a schema,
so a Label Studio project can open the export. On import, results of other kinds (images,
ratings, free text at document level, ...) and cancelled annotations are listed in the notes.
"""

from __future__ import annotations

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
from annotations.formats.schema_derive import schema_header
from annotations.spans import codepoint_to_utf16_index, utf16_index_to_codepoint
from corpus.importers.decoding import DecodeError, bytes_decode

LABELS = "label"
STANCE = "stance:"
STANCE_OF_DOCUMENT = "stance_of_document"
ANSWER = "answer:"

# --- export --------------------------------------------------------------------------------


def _region_ids(spans: list[Record]) -> dict[Any, list[str]]:
    return {
        span.get("id"): [
            f"s{span.get('id')}" if i == 0 else f"s{span.get('id')}-{i}"
            for i in range(len(span_pieces(span)))
        ]
        for span in spans
    }


def _results(
    record: Record, aset: Record, counts: dict[str, int], kinds: dict[tuple[str, str], str]
) -> list[dict[str, Any]]:
    text = record["text"]
    spans = aset.get("spans", [])
    regions = _region_ids(spans)
    results: list[dict[str, Any]] = []
    first: dict[Any, dict[str, Any]] = {}  # span id -> value of its first region
    for span in spans:
        pieces = span_pieces(span)
        if len(pieces) > 1:
            counts["discontinuous"] += 1
        for (a, b), region in zip(pieces, regions[span.get("id")], strict=True):
            value = {
                "start": codepoint_to_utf16_index(text, a),
                "end": codepoint_to_utf16_index(text, b),
                "text": text[a:b],
                "labels": [span["label"]],
            }
            item = {
                "id": region,
                "from_name": LABELS,
                "to_name": "text",
                "type": "labels",
                "value": value,
            }
            if len(pieces) > 1:
                item["claimlens_span"] = str(span.get("id"))
            results.append(item)
        first[span.get("id")] = results[-len(pieces)]["value"]
        for key, value in (span.get("attributes") or {}).items():
            if value is None:
                continue
            free_text = kinds.get((span["label"], key), "text") == "text"
            results.append(
                _region_choice(
                    regions[span.get("id")][0], first[span.get("id")], key, value, free_text
                )
            )

    def region(span_id: Any) -> str | None:
        return regions[span_id][0] if span_id in regions else None

    for relation in aset.get("relations", []):
        if relation.get("target_document") is not None:
            counts["across documents"] += 1
            continue
        results.append(
            {
                "from_id": region(relation["source"]),
                "to_id": region(relation["target"]),
                "type": "relation",
                "direction": "right",
                "labels": [relation["type"]],
            }
        )
    for stance in aset.get("stances", []):
        holder, about, target = stance.get("holder"), stance.get("object"), stance.get("target")
        if holder is not None and about is not None:
            results.append(
                {
                    "from_id": region(holder),
                    "to_id": region(about),
                    "type": "relation",
                    "direction": "right",
                    "labels": [STANCE + stance["value"]],
                }
            )
        elif holder is not None:
            results.append(
                _region_choice(region(holder), first[holder], STANCE + target, stance["value"])
            )
        elif about is not None:
            results.append(
                _region_choice(region(about), first[about], STANCE_OF_DOCUMENT, stance["value"])
            )
        else:
            results.append(_document_choice(STANCE + target, stance["value"]))
    for question, value in (aset.get("answers") or {}).items():
        if isinstance(value, dict):
            for target, answer in value.items():
                results.append(_document_choice(f"{ANSWER}{question}:{target}", answer))
        else:
            results.append(_document_choice(ANSWER + question, value))
    return results


def _choices(value: Any) -> list[str]:
    if isinstance(value, bool):
        return ["true" if value else "false"]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _region_choice(
    region: str | None, where: dict[str, Any], name: str, value: Any, free_text: bool = False
) -> dict:
    position = {k: where[k] for k in ("start", "end", "text")}
    if free_text and isinstance(value, str):
        kind, body = "textarea", {"text": [value]}
    else:
        kind, body = "choices", {"choices": _choices(value)}
    item = {
        "id": region,
        "from_name": name,
        "to_name": "text",
        "type": kind,
        "value": {**position, **body},
    }
    if isinstance(value, list):
        item["claimlens_multi"] = True
    return item


def _document_choice(name: str, value: Any) -> dict:
    item = {
        "from_name": name,
        "to_name": "text",
        "type": "choices",
        "value": {"choices": _choices(value)},
    }
    if isinstance(value, list):
        item["claimlens_multi"] = True
    return item


def task(
    record: Record, counts: dict[str, int], kinds: dict[tuple[str, str], str] | None = None
) -> dict[str, Any]:
    outlet = record.get("outlet")
    annotations, predictions = [], []
    for number, aset in enumerate(record.get("sets", []), start=1):
        results = _results(record, aset, counts, kinds or {})
        if aset.get("kind") == "model":
            predictions.append(
                {"id": number, "model_version": aset.get("model") or "model", "result": results}
            )
            continue
        annotations.append(
            {
                "id": number,
                "completed_by": {"email": aset.get("annotator") or ""},
                "ground_truth": aset.get("kind") == "gold",
                "was_cancelled": aset.get("status") == "skipped",
                "lead_time": aset.get("seconds_spent") or 0,
                "created_at": aset.get("started_at"),
                "updated_at": aset.get("submitted_at"),
                "result": results,
            }
        )
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
            "region per fragment (joined again by claimlens_span)"
        )
    if counts["across documents"]:
        notes.add(
            f"label-studio: {counts['across documents']} relations across documents "
            "left out (a Label Studio task is one document)"
        )


def labeling_config(schema: dict[str, Any]) -> str:
    """A Label Studio labeling configuration (XML) that opens this schema's export."""
    lines = ["<View>", f'  <Labels name="{LABELS}" toName="text">']
    lines += [f"    <Label value={quoteattr(label['key'])}/>" for label in schema["span_labels"]]
    lines += ["  </Labels>", '  <Text name="text" value="$text"/>', "  <Relations>"]
    stance = schema.get("stance") or {}
    relation_values = [r["key"] for r in schema.get("relation_types", [])]
    relation_values += [STANCE + v for v in stance.get("values", [])]
    lines += [f"    <Relation value={quoteattr(v)}/>" for v in relation_values]
    lines.append("  </Relations>")
    per_region: dict[str, dict[str, Any]] = {}
    for label in schema["span_labels"]:
        for attribute in label.get("attributes", []):
            spec = per_region.setdefault(
                attribute["key"], {"type": attribute["type"], "choices": []}
            )
            for choice in attribute.get("choices") or (
                ["true", "false"] if attribute["type"] == "bool" else []
            ):
                if choice not in spec["choices"]:
                    spec["choices"].append(choice)
    values = stance.get("values", [])
    for target in stance.get("targets", []):
        per_region[STANCE + target["key"]] = {"type": "choice", "choices": values}
    per_region[STANCE_OF_DOCUMENT] = {"type": "choice", "choices": values}
    for name, spec in per_region.items():
        if spec["type"] == "text":
            lines.append(f'  <TextArea name={quoteattr(name)} toName="text" perRegion="true"/>')
            continue
        multiple = "multiple" if spec["type"] == "multi_choice" else "single"
        lines.append(
            f'  <Choices name={quoteattr(name)} toName="text" perRegion="true" choice="{multiple}">'
        )
        lines += [f"    <Choice value={quoteattr(c)}/>" for c in spec["choices"]]
        lines.append("  </Choices>")
    document_level = [(STANCE + t["key"], values, "single") for t in stance.get("targets", [])]
    for question in schema.get("document_questions", []):
        multiple = "multiple" if question["type"] == "multi" else "single"
        names = (
            [f"{ANSWER}{question['key']}:{t['key']}" for t in stance.get("targets", [])]
            if question.get("per_target")
            else [ANSWER + question["key"]]
        )
        document_level += [(name, question["choices"], multiple) for name in names]
    for name, choices, multiple in document_level:
        lines.append(f'  <Choices name={quoteattr(name)} toName="text" choice="{multiple}">')
        lines += [f"    <Choice value={quoteattr(c)}/>" for c in choices]
        lines.append("  </Choices>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


# --- import --------------------------------------------------------------------------------


def _choice_value(item: dict[str, Any]) -> Any:
    value = item.get("value") or {}
    if item.get("type") == "textarea":
        texts = value.get("text") or []
        return " ".join(texts) if isinstance(texts, list) else str(texts)
    choices = value.get("choices") or []
    if item.get("claimlens_multi"):
        return list(choices)
    if choices in (["true"], ["false"]):
        return choices == ["true"]
    return choices[0] if len(choices) == 1 else list(choices)


def _set_from_results(
    text: str, results: list[Any], where: str, name: str, number: int, result: ReadResult
) -> Record | None:
    spans: dict[str, Record] = {}
    region_span: dict[str, str] = {}
    problems = 0

    def fail(message: str) -> None:
        nonlocal problems
        problems += 1
        result.errors.append(Issue(name, number, f"{where}: {message}"))

    later: list[dict[str, Any]] = []
    for item in results:
        if not isinstance(item, dict):
            fail("a result is not an object")
            continue
        kind = item.get("type")
        if kind not in ("labels", "hypertextlabels"):
            later.append(item)
            continue
        value = item.get("value") or {}
        try:
            a = utf16_index_to_codepoint(text, value.get("start"))
            b = utf16_index_to_codepoint(text, value.get("end"))
        except (TypeError, ValueError) as error:
            fail(f"region {item.get('id')}: {error}")
            continue
        if b <= a:
            fail(f"region {item.get('id')}: empty or reversed range")
            continue
        if "text" in value and value["text"] != text[a:b]:
            fail(
                f"region {item.get('id')}: quoted text {value['text']!r} does not match the "
                f"offsets ({text[a:b]!r})"
            )
            continue
        labels = value.get(kind) or value.get("labels") or []
        if len(labels) != 1:
            fail(f"region {item.get('id')}: one label per region, not {labels!r}")
            continue
        key = str(item.get("claimlens_span") or item.get("id"))
        region_span[str(item.get("id"))] = key
        span = spans.get(key)
        if span is None:
            spans[key] = {"id": key, "label": labels[0], "pieces": [(a, b)], "attributes": {}}
        else:
            span["pieces"].append((a, b))
    out_spans = []
    for span in spans.values():
        pieces = sorted(span.pop("pieces"))
        span.update(
            start=pieces[0][0], end=pieces[-1][1], text=" ".join(text[a:b] for a, b in pieces)
        )
        if len(pieces) > 1:
            span["fragments"] = [list(p) for p in pieces]
        out_spans.append(span)
    relations, stances, answers = [], [], {}
    for item in later:
        kind, from_name = item.get("type"), str(item.get("from_name") or "")
        if kind == "relation":
            source = region_span.get(str(item.get("from_id")))
            target = region_span.get(str(item.get("to_id")))
            labels = item.get("labels") or []
            if source is None or target is None:
                fail(f"relation {item.get('from_id')} -> {item.get('to_id')}: no such region")
                continue
            if labels and str(labels[0]).startswith(STANCE):
                stances.append(
                    {"holder": source, "object": target, "value": labels[0][len(STANCE) :]}
                )
            else:
                relations.append(
                    {"type": labels[0] if labels else "related", "source": source, "target": target}
                )
        elif kind in ("choices", "textarea") and item.get("id") is not None:
            span_id = region_span.get(str(item["id"]))
            if span_id is None:
                fail(f"{from_name}: region {item['id']} is not a labelled span")
                continue
            value = _choice_value(item)
            if from_name == STANCE_OF_DOCUMENT:
                stances.append({"holder": None, "object": span_id, "value": value})
            elif from_name.startswith(STANCE):
                stances.append(
                    {"holder": span_id, "target": from_name[len(STANCE) :], "value": value}
                )
            else:
                spans[span_id]["attributes"][from_name] = value
        elif kind == "choices" and from_name.startswith(STANCE):
            stances.append(
                {"holder": None, "target": from_name[len(STANCE) :], "value": _choice_value(item)}
            )
        elif kind == "choices" and from_name.startswith(ANSWER):
            question, _, target = from_name[len(ANSWER) :].partition(":")
            if target:
                answers.setdefault(question, {})[target] = _choice_value(item)
            else:
                answers[question] = _choice_value(item)
        else:
            result.notes.append(
                Issue(
                    name,
                    number,
                    f"{where}: a {kind!r} result ({from_name or 'no name'}) was not imported",
                )
            )
    if problems:
        return None
    return {"spans": out_spans, "relations": relations, "stances": stances, "answers": answers}


def _who(completed_by: Any) -> str | None:
    if isinstance(completed_by, dict):
        who = completed_by.get("email") or completed_by.get("username")
        if who:
            return str(who)
        completed_by = completed_by.get("id")
    if completed_by in (None, ""):
        return None
    return f"label-studio-user-{completed_by}"


def _tasks(name: str, data: bytes, options: dict[str, Any], result: ReadResult) -> list[Any]:
    try:
        text = bytes_decode(name, data, options.get("encoding"))
    except DecodeError as error:
        result.errors.append(Issue(name, error.line, str(error)))
        return []
    try:
        loaded = orjson.loads(text)
    except orjson.JSONDecodeError:
        try:  # JSONL: a task per line
            loaded = [orjson.loads(line) for line in text.split("\n") if line.strip()]
        except orjson.JSONDecodeError as error:
            result.errors.append(Issue(name, None, f"neither JSON nor JSONL: {error}"))
            return []
    return loaded if isinstance(loaded, list) else [loaded]


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    """Tasks from Label Studio's JSON export (or JSONL of tasks). Problems name the file and
    the task by its position (as the line: ``task 3`` is the file's third task)."""
    result = ReadResult()
    text_key = options.get("text_key") or "text"
    for name, data in files:
        for number, item in enumerate(_tasks(name, data, options, result), start=1):
            data_ = item.get("data") if isinstance(item, dict) else None
            text = data_.get(text_key) if isinstance(data_, dict) else None
            if not isinstance(text, str) or not text.strip():
                result.errors.append(
                    Issue(name, number, f"task {number}: no text in data.{text_key}")
                )
                continue
            sets = []
            for k, annotation in enumerate(item.get("annotations") or []):
                if annotation.get("was_cancelled") or annotation.get("skipped"):
                    result.notes.append(
                        Issue(
                            name,
                            number,
                            f"task {number}: cancelled annotation {annotation.get('id')} skipped",
                        )
                    )
                    continue
                content = _set_from_results(
                    text,
                    annotation.get("result") or [],
                    f"task {number}, annotation {k + 1}",
                    name,
                    number,
                    result,
                )
                if content is None:
                    continue
                gold = bool(annotation.get("ground_truth"))
                sets.append(
                    {
                        **content,
                        "kind": "gold" if gold else "annotator",
                        "annotator": _who(annotation.get("completed_by")),
                        "seconds_spent": int(annotation.get("lead_time") or 0),
                    }
                )
            for k, prediction in enumerate(item.get("predictions") or []):
                content = _set_from_results(
                    text,
                    prediction.get("result") or [],
                    f"task {number}, prediction {k + 1}",
                    name,
                    number,
                    result,
                )
                if content is not None:
                    model = str(prediction.get("model_version") or "label-studio")
                    sets.append({**content, "kind": "model", "model": model})
            record: Record = {
                "text": text,
                "title": str(data_.get("title") or ""),
                "meta": {"label_studio_task": item.get("id")},
                "sets": sets,
                "_where": {"file": name, "line": number},
            }
            for key in ("outlet", "story"):
                if isinstance(data_.get(key), str):
                    record[key] = data_[key]
            result.documents.append(record)
    if options.get("derive_schema") and not result.errors:
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
