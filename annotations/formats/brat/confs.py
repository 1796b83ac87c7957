"""``annotation.conf`` and ``visual.conf``: read into the schema of an import, written for
the schema of an export.

Reading: entity types become span labels (``!`` groups are not labels but stand for the types
indented under them), event types too (the labels of their triggers) and the schema's
``events``, their roles relation types from the trigger (``event_schema``),
``<...>=...`` macros and ``<ENTITY>``, ``<EVENT>``, ``<ANY>`` are expanded in relation and
attribute arguments, relations keep their argument types (``<REL-TYPE>:symmetric`` is
undirected), attributes become ``bool`` (binary) or ``choice`` (``Value:a|b``) attributes of
the entity labels they apply to. ``schema_from_conf`` adds what the ``.ann`` files use and the
conf lacks, and gives every label the text ``note`` attribute. ``visual.conf`` gives display
names and colours.

Writing: labels as entities, relation types with their argument labels, ``bool`` and
``choice`` attributes (``note`` is AnnotatorNotes, not an attribute); display names and
colours in ``visual.conf``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotations.formats.brat.event_schema import (
    events_conf_lines,
    events_merged,
    events_read,
    role_keys,
    role_relation_types,
)
from annotations.formats.brat.naming import NOTE, Naming, brat_value
from annotations.formats.records import Issue, ReadDocument, ReadResult
from annotations.formats.schema_derive import PALETTE

_MACRO_RE = re.compile(r"^(<[^>]+>)\s*=\s*(.+)$")
_HEX_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")

# --- reading ---------------------------------------------------------------------------------


@dataclass
class Conf:
    path: str
    entities: list[str] = field(default_factory=list)  # label keys
    events: list[str] = field(default_factory=list)  # label keys of event (trigger) types
    event_types: list[dict[str, Any]] = field(default_factory=list)  # the schema's ``events``
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> relation type
    attributes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))


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


def conf_read(path: str, text: str, naming: Naming, result: ReadResult) -> Conf:
    sections, macros = _conf_lines(text)
    conf = Conf(path)
    entities, entities_below = _hierarchy(sections["entities"])
    events, events_below = _hierarchy(sections["events"])
    below = {**entities_below, **events_below}
    conf.entities = [naming.labels.key(name) for name in entities]
    conf.events = [naming.labels.key(name) for name in events if name not in entities]

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

    declared = [_split(line) for _, line in sections["events"]]
    conf.event_types = events_read(
        [(name, rest) for name, rest in declared if name in events], expand, naming
    )
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
        # an event's attributes are its trigger span's
        on_entities = [naming.labels.key(n) for n in targets if n in entities or n in events]
        if not on_entities:
            message = f"attribute {name} applies to relations only: not imported"
            result.notes.append(Issue(path, number, message))
            continue
        values = [v.strip() for v in options.get("Value", "").split("|") if v.strip()]
        spec: dict[str, Any] = {"key": naming.attributes.key(name), "name": name, "type": "bool"}
        if values:
            spec.update(type="choice", choices=values)
        for label in on_entities:
            conf.attributes[label].append(dict(spec))
    return conf


def _split(line: str) -> tuple[str, str]:
    """A configuration line's name and the rest (separated by a tab or spaces)."""
    parts = line.strip().split(None, 1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def visual_read(text: str) -> dict[str, dict[str, str]]:
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


def schema_from_conf(
    conf: Conf,
    documents: list[ReadDocument],
    naming: Naming,
    display: dict[str, dict[str, str]],
    result: ReadResult,
    events_seen: dict[str, dict[str, list[str]]] | None = None,
) -> dict[str, Any]:
    """The schema ``annotation.conf`` declares, plus what the files use and it lacks
    (``events_seen``: the event types the files hold, type -> role -> argument labels)."""
    labels = list(dict.fromkeys(conf.entities + conf.events))
    attributes: dict[str, list[dict[str, Any]]] = {
        k: list(conf.attributes.get(k, [])) for k in labels
    }
    relations = {key: dict(spec) for key, spec in conf.relations.items()}

    def added(what: str) -> None:
        message = f"{what} is used in the .ann files but not declared here: added to the schema"
        result.notes.append(Issue(conf.path, None, message))

    event_types, new = events_merged(conf.event_types, events_seen or {})
    for what in new:
        added(what)
    # The roles' relation types, of the declared events and those the files add.
    for key, spec in role_relation_types(event_types, labels).items():
        known = relations.setdefault(key, {**spec, "name": naming.relations.names.get(key, key)})
        for end in ("from_labels", "to_labels"):
            known[end] = list(dict.fromkeys(known[end] + spec[end]))

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

    def clean(spec: dict[str, Any]) -> dict[str, Any]:
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
    definition = {"span_labels": span_labels, "relation_types": relation_types}
    if event_types:
        definition["events"] = event_types
    return definition


# --- writing ---------------------------------------------------------------------------------


def annotation_conf(schema: dict[str, Any], registry_keys: Iterable[str] = ()) -> str:
    """An ``annotation.conf`` for a schema: labels as entities (event types as events, with
    their roles), relation types with their argument labels, ``bool`` and ``choice``
    attributes (``note`` is AnnotatorNotes), and ``registry`` attributes as a choice among
    ``registry_keys`` (the source registry's keys; none: left out, no span can link)."""
    triggers = {event["key"] for event in schema.get("events") or []}
    roles = role_keys(schema)
    labels = [label["key"] for label in schema.get("span_labels", [])]
    entities = [label for label in labels if label not in triggers]
    lines = ["# Written by Claimlens from the project's schema.", "", "[entities]", "", *entities]
    lines += ["", "[relations]", ""]
    for relation in schema.get("relation_types", []):
        if relation["key"] in roles and set(relation.get("from_labels") or []) <= triggers:
            continue  # a role of an event type: written with the event
        source = "|".join(relation.get("from_labels") or []) or "<ENTITY>"
        target = "|".join(relation.get("to_labels") or []) or "<ENTITY>"
        line = f"{relation['key']}\tArg1:{source}, Arg2:{target}"
        if relation.get("directed") is False:
            line += ", <REL-TYPE>:symmetric"
        lines.append(line)
    lines += ["", "[events]", "", *events_conf_lines(schema), "", "[attributes]", ""]
    owners: dict[str, list[str]] = {}
    choices: dict[str, list[str]] = {}
    for label in schema.get("span_labels", []):
        for attribute in label.get("attributes", []):
            kind = attribute.get("type")
            if kind not in ("bool", "choice", "registry") or attribute["key"] == NOTE:
                continue
            offered = attribute.get("choices", []) if kind == "choice" else list(registry_keys)
            if kind == "registry" and not offered:
                continue
            owners.setdefault(attribute["key"], []).append(label["key"])
            if kind != "bool":
                values = choices.setdefault(attribute["key"], [])
                values += [v for v in map(brat_value, offered) if v not in values]
    for key, keys in owners.items():
        line = f"{key}\tArg:{'|'.join(keys)}"
        if choices.get(key):
            line += ", Value:" + "|".join(choices[key])
        lines.append(line)
    return "\n".join(lines) + "\n"


def visual_conf(schema: dict[str, Any]) -> str:
    """A ``visual.conf``: display names and colours of the labels and relation types."""

    def shown(item: dict[str, Any]) -> str:
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
