"""The shape of a schema definition once validated (defaults filled in): what is stored,
exported and served (``GET /projects/{id}/schema/``); ``annotations/schema.py`` checks it and
re-exports ``SchemaDefinition``."""

from __future__ import annotations

from typing import Any, Literal, TypedDict


class _AttributeKeys(TypedDict):
    key: str
    name: str
    type: Literal["choice", "multi_choice", "bool", "text", "registry"]  # registry: an entry key
    choices: list[str]
    required: bool


class AttributeSpec(_AttributeKeys, total=False):
    ordered: bool  # a choice attribute whose choices are in order (only given when true)


class LabelSpec(TypedDict):
    key: str
    name: str
    color: str  # "#rrggbb"
    hotkey: str
    discontinuous: bool  # may have several fragments
    attributes: list[AttributeSpec]


class RelationTypeSpec(TypedDict):
    key: str
    name: str
    from_labels: list[str]
    to_labels: list[str]
    directed: bool
    cross_document: bool  # may link documents of one story
    hotkey: str


class TargetSpec(TypedDict):
    key: str
    name: str


class _StanceKeys(TypedDict):
    holder_labels: list[str]
    object_labels: list[str]
    targets: list[TargetSpec]
    values: list[str]


class StanceSpec(_StanceKeys, total=False):
    ordered: bool  # the values are in order, e.g. against < neutral < favor (only when true)


class _QuestionKeys(TypedDict):
    key: str
    text: str
    type: Literal["single", "multi"]
    choices: list[str]
    per_target: bool  # answered once per stance target


class QuestionSpec(_QuestionKeys, total=False):
    ordered: bool  # a single-choice question whose choices are in order (only when true)


class _SchemaSections(TypedDict):
    span_labels: list[LabelSpec]
    relation_types: list[RelationTypeSpec]
    stance: StanceSpec
    document_questions: list[QuestionSpec]


class SchemaDefinition(_SchemaSections, total=False):
    """A project's label schema (``docs/data-model.md``); ``name``, ``description``,
    ``events`` and ``submit_checks`` are optional. (Required keys are a base class's:
    ``Required[...]`` is not seen under ``from __future__ import annotations`` on 3.11.)"""

    name: str
    description: str
    events: list[dict[str, Any]]  # ``annotations.schema_events.EventSpec``
    submit_checks: list[dict[str, Any]]  # ``annotations.schema_checks.SubmitCheckSpec``
