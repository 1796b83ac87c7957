"""Pure: the external recommender protocol, ``claimlens-recommender/1`` (``docs/recommender.md``).

``request_payload`` is what Claimlens posts for one document; ``answer_checked`` reads what the
recommender answered and gives the model's set record (spans, relations, stances in the native
record's shape, ``annotations/formats/records.py``), or raises ``BadAnswer`` naming every
problem found (up to ``MAX_PROBLEMS``). The checks here are the protocol's: what was asked for
(labels, relation types, stances), offsets inside the text, a span's text matching the text
at its offsets, relation and stance ends naming spans of the answer. Attribute values and
relation end labels are checked against the schema afterwards by the import's path
(``records_import``), like any other import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotations.formats.records import RelationRecord, SetRecord, SpanRecord, StanceRecord

PROTOCOL = "claimlens-recommender/1"
MAX_UNITS = 5000  # spans, relations or stances in one answer
MAX_PROBLEMS = 5  # named in a refusal; the rest are counted


class BadAnswer(Exception):
    """An answer the protocol does not allow: ``problems`` says each thing wrong."""

    def __init__(self, problems: list[str]):
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        message = "; ".join(shown) + (f"; and {more} more" if more else "")
        super().__init__(message)
        self.problems = problems
        self.message = message


@dataclass(frozen=True)
class Asked:
    """What the recommender may propose."""

    labels: frozenset[str]
    relation_types: frozenset[str]
    stances: bool
    stance_values: frozenset[str] = frozenset()
    stance_targets: frozenset[str] = frozenset()


def request_payload(
    *,
    project: dict[str, Any],
    schema: dict[str, Any],
    document: dict[str, Any],
    asked: Asked,
) -> dict[str, Any]:
    """The JSON posted for one document: the project (id, name), the schema's definition,
    the document (id, title, outlet, language, text), and what may be proposed."""
    return {
        "protocol": PROTOCOL,
        "project": project,
        "schema": schema,
        "document": document,
        "labels": sorted(asked.labels),
        "relation_types": sorted(asked.relation_types),
        "stances": asked.stances,
    }


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _list_of(answer: dict[str, Any], key: str, problems: list[str]) -> list[Any]:
    value = answer.get(key, [])
    if not isinstance(value, list):
        problems.append(f"'{key}' is not a list")
        return []
    if len(value) > MAX_UNITS:
        problems.append(f"'{key}' holds {len(value)} items (at most {MAX_UNITS})")
        return []
    return value


def _fragments(item: dict[str, Any], length: int, where: str, problems: list[str]):
    """The span's fragments as [[start, end], ...], or None with a problem noted."""
    given = item.get("fragments")
    if given is None:
        start, end = item.get("start"), item.get("end")
        if not (_is_int(start) and _is_int(end)):
            problems.append(f"{where}: start and end must be integers")
            return None
        given = [[start, end]]
    if not isinstance(given, list) or not given:
        problems.append(f"{where}: fragments must be a list of [start, end] pairs")
        return None
    previous_end = 0
    for pair in given:
        if not (isinstance(pair, list) and len(pair) == 2 and all(_is_int(v) for v in pair)):
            problems.append(f"{where}: fragments must be a list of [start, end] pairs")
            return None
        start, end = pair
        if not 0 <= start < end <= length:
            problems.append(
                f"{where}: offsets {start}-{end} are outside the text (0-{length}) or empty"
            )
            return None
        if start < previous_end:
            problems.append(f"{where}: fragments overlap or are out of order")
            return None
        previous_end = end
    return given


def _span_checked(
    item: Any, index: int, text: str, asked: Asked, problems: list[str]
) -> SpanRecord | None:
    where = f"spans[{index}]"
    if not isinstance(item, dict):
        problems.append(f"{where}: not an object")
        return None
    label = item.get("label")
    if label not in asked.labels:
        allowed = ", ".join(sorted(asked.labels)) or "none"
        problems.append(f"{where}: label {label!r} was not asked for (allowed: {allowed})")
        return None
    fragments = _fragments(item, len(text), where, problems)
    if fragments is None:
        return None
    found = " ".join(text[start:end] for start, end in fragments)
    if "text" in item and item["text"] != found:
        problems.append(f"{where}: text {item['text']!r} does not match the text at its offsets")
        return None
    attributes = item.get("attributes", {})
    if not isinstance(attributes, dict):
        problems.append(f"{where}: attributes must be an object")
        return None
    span: SpanRecord = {
        "id": item.get("id", index),
        "label": label,
        "start": fragments[0][0],
        "end": fragments[-1][1],
        "text": found,
    }
    if len(fragments) > 1:
        span["fragments"] = fragments
    if attributes:
        span["attributes"] = attributes
    return span


def _span_ids(spans: list[SpanRecord], problems: list[str]) -> set[Any]:
    ids: set[Any] = set()
    for index, span in enumerate(spans):
        ref = span["id"]
        if not (_is_int(ref) or isinstance(ref, str)):
            problems.append(f"spans[{index}]: id must be an integer or a string")
        elif ref in ids:
            problems.append(f"spans[{index}]: id {ref!r} is given twice")
        else:
            ids.add(ref)
    return ids


def _relation_checked(
    item: Any, index: int, ids: set[Any], asked: Asked, problems: list[str]
) -> RelationRecord | None:
    where = f"relations[{index}]"
    if not isinstance(item, dict):
        problems.append(f"{where}: not an object")
        return None
    kind = item.get("type")
    if kind not in asked.relation_types:
        allowed = ", ".join(sorted(asked.relation_types)) or "none"
        problems.append(f"{where}: type {kind!r} was not asked for (allowed: {allowed})")
        return None
    if item.get("target_document") is not None:
        problems.append(f"{where}: links into another document are not part of the protocol")
        return None
    for end in ("source", "target"):
        if item.get(end) not in ids:
            problems.append(f"{where}: {end} {item.get(end)!r} names no span of the answer")
            return None
    relation: RelationRecord = {"type": kind, "source": item["source"], "target": item["target"]}
    if isinstance(item.get("attributes"), dict) and item["attributes"]:
        relation["attributes"] = item["attributes"]
    return relation


def _stance_checked(
    item: Any, index: int, ids: set[Any], asked: Asked, problems: list[str]
) -> StanceRecord | None:
    where = f"stances[{index}]"
    if not isinstance(item, dict):
        problems.append(f"{where}: not an object")
        return None
    value = item.get("value")
    if value not in asked.stance_values:
        problems.append(f"{where}: value {value!r} is not one of the schema's stance values")
        return None
    for end in ("holder", "object"):
        if item.get(end) is not None and item[end] not in ids:
            problems.append(f"{where}: {end} {item[end]!r} names no span of the answer")
            return None
    target = item.get("target")
    if target is not None and target not in asked.stance_targets:
        problems.append(f"{where}: target {target!r} is not one of the schema's stance targets")
        return None
    return {
        "holder": item.get("holder"),
        "object": item.get("object"),
        "target": target,
        "value": value,
    }


def answer_checked(answer: Any, text: str, asked: Asked, model_name: str) -> SetRecord:
    """The model set record an answer gives for a document of ``text``; ``BadAnswer`` when
    anything in it breaks the protocol (nothing of a bad answer is kept)."""
    if not isinstance(answer, dict):
        raise BadAnswer(["the answer is not a JSON object"])
    problems: list[str] = []
    spans_in = _list_of(answer, "spans", problems)
    relations_in = _list_of(answer, "relations", problems)
    stances_in = _list_of(answer, "stances", problems)
    if stances_in and not asked.stances:
        problems.append("stances were not asked for")
        stances_in = []
    spans = [
        s for i, item in enumerate(spans_in) if (s := _span_checked(item, i, text, asked, problems))
    ]
    ids = _span_ids(spans, problems)
    relations = [
        r
        for i, item in enumerate(relations_in)
        if (r := _relation_checked(item, i, ids, asked, problems))
    ]
    stances = [
        s
        for i, item in enumerate(stances_in)
        if (s := _stance_checked(item, i, ids, asked, problems))
    ]
    if problems:
        raise BadAnswer(problems)
    return {
        "kind": "model",
        "model_name": model_name,
        "spans": spans,
        "relations": relations,
        "stances": stances,
    }
