"""The results of one Label Studio annotation or prediction read into a set's content
(``SetReader``): regions joined into spans (by ``claimlens_span``), relations, per-region and
document-level choices as attributes, stances and answers. What cannot be read is an error or
a note naming the task and the annotation.
"""

from __future__ import annotations

from typing import Any

from annotations.formats.label_studio.names import (
    ANSWER,
    OLD_MULTI,
    SPAN_KEY,
    STANCE,
    STANCE_OF_DOCUMENT,
    VALUE_KIND,
)
from annotations.formats.records import Issue, SetRecord, SpanRecord
from annotations.spans import FRAGMENT_JOINER, Utf16Offsets


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


class SetReader:
    """The results of one annotation or prediction as a set's content."""

    def __init__(self, text: str, offsets: Utf16Offsets, where: str, file: str, number: int):
        self.text, self.offsets = text, offsets
        self.where, self.file, self.number = where, file, number
        self.spans: dict[str, dict[str, Any]] = {}  # span key -> span, with its pieces
        self.region_span: dict[str, str] = {}  # region id -> span key
        self.elsewhere: set[str] = set()  # ids of regions noted, not read
        self.errors: list[Issue] = []
        self.notes: list[Issue] = []

    def fail(self, message: str) -> None:
        self.errors.append(Issue(self.file, self.number, f"{self.where}: {message}"))

    def note(self, message: str) -> None:
        self.notes.append(Issue(self.file, self.number, f"{self.where}: {message}"))

    def read(self, results: Any) -> SetRecord | None:
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
        content: SetRecord = {"spans": spans, "relations": [], "stances": [], "answers": {}}
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

    def _joined(self, span: dict[str, Any]) -> SpanRecord:
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

    def _relation(self, item: dict[str, Any], content: SetRecord) -> None:
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

    def _per_region(self, item: dict[str, Any], content: SetRecord) -> None:
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

    def _document_level(self, item: dict[str, Any], content: SetRecord) -> None:
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
