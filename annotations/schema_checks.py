"""Pure: the schema's optional ``submit_checks``, what the workspace checks before a set is
submitted, and their validation.

    "submit_checks": [
      {"kind": "require_relation", "label": "CLAIM", "relation": "ATTRIBUTED_TO",
       "message": "A claim has no source (ATTRIBUTED_TO)."},
      {"kind": "require_answer", "question": "framing"},
      {"kind": "require_relation", ..., "enabled": false}
    ]

- ``require_relation``: every span labelled ``label`` starts a relation of type
  ``relation`` (for an undirected type, is either end of one). The relation type must be
  able to start from the label.
- ``require_answer``: the document question ``question`` is answered (a per-target
  question: for every stance target).

A check that does not hold is a warning, not a refusal: the annotator sees the list and may
submit anyway (``frontend/static/frontend/js/submit_checks.js`` evaluates them). ``message``
(optional, at most 300 characters) replaces the generated text; ``enabled: false`` keeps a
check written down but off for the project. The server never refuses a submission for a
check: checks are advice, and what counts as done stays the annotator's call.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

CHECK_KINDS = ("require_relation", "require_answer")
MAX_MESSAGE = 300


class _CheckKeys(TypedDict):
    kind: Literal["require_relation", "require_answer"]
    enabled: bool
    message: str  # "" for the generated text


class SubmitCheckSpec(_CheckKeys, total=False):
    label: str  # require_relation
    relation: str  # require_relation
    question: str  # require_answer


def submit_checks_checked(
    errors: dict[str, str],
    checks: Any,
    labels: list[dict[str, Any]],
    relation_types: list[dict[str, Any]],
    questions: list[dict[str, Any]],
) -> list[SubmitCheckSpec]:
    """The checks with defaults filled in; each problem recorded in ``errors`` under its
    JSON path (``submit_checks[0].label``)."""
    if not isinstance(checks, list):
        errors["submit_checks"] = "must be a list"
        return []
    # Only string keys: an invalid key (a number, an object) is reported by schema.py already.
    label_keys = {label["key"] for label in labels if isinstance(label["key"], str)}
    types = {t["key"]: t for t in relation_types if isinstance(t["key"], str)}
    question_keys = {q["key"] for q in questions if isinstance(q["key"], str)}
    out: list[SubmitCheckSpec] = []
    for i, check in enumerate(checks):
        path = f"submit_checks[{i}]"
        if not isinstance(check, dict):
            errors[path] = "must be an object"
            continue
        kind = check.get("kind")
        if kind not in CHECK_KINDS:
            errors[f"{path}.kind"] = f"must be one of {', '.join(CHECK_KINDS)}"
            continue
        spec: SubmitCheckSpec = {
            "kind": kind,
            "enabled": _flag(errors, f"{path}.enabled", check.get("enabled", True)),
            "message": _message(errors, f"{path}.message", check.get("message", "")),
        }
        allowed = {"kind", "enabled", "message"}
        if kind == "require_relation":
            allowed |= {"label", "relation"}
            spec["label"] = check.get("label")
            spec["relation"] = check.get("relation")
            _relation_check(errors, path, spec, label_keys, types)
        else:
            allowed |= {"question"}
            spec["question"] = check.get("question")
            if spec["question"] not in question_keys:
                errors[f"{path}.question"] = f"unknown document question {spec['question']!r}"
        for extra in sorted(set(check) - allowed):
            errors[f"{path}.{extra}"] = f"not a field of a {kind} check"
        out.append(spec)
    return out


def _relation_check(
    errors: dict[str, str],
    path: str,
    spec: SubmitCheckSpec,
    label_keys: set[str],
    types: dict[str, dict[str, Any]],
) -> None:
    label, relation = spec["label"], spec["relation"]
    if label not in label_keys:
        errors[f"{path}.label"] = f"unknown span label {label!r}"
    rtype = types.get(relation) if isinstance(relation, str) else None
    if rtype is None:
        errors[f"{path}.relation"] = f"unknown relation type {relation!r}"
        return
    starts, others = (_names(rtype["from_labels"]), _names(rtype["to_labels"]))
    ends = starts if rtype["directed"] is True else starts + others
    if label in label_keys and starts and label not in ends:
        errors[f"{path}.relation"] = f"{relation} never starts from {label}"


def _names(value: Any) -> list[Any]:
    """A relation type's label list, or none when it is not a list (reported elsewhere)."""
    return value if isinstance(value, list) else []


def _flag(errors: dict[str, str], path: str, value: Any) -> bool:
    if not isinstance(value, bool):
        errors[path] = "must be true or false"
        return True
    return value


def _message(errors: dict[str, str], path: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > MAX_MESSAGE:
        errors[path] = f"must be text of at most {MAX_MESSAGE} characters"
        return ""
    return value
