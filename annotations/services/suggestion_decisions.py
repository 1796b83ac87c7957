"""Decisions on model suggestions, stored so a model's acceptance and rejection rates can be
reported: a person accepts or rejects a suggestion (a span of a model's set) in their own
set (an annotator's or the gold set) on the same document.

A decision is not part of the set's contents (accepting a suggestion also adds a span,
which the whole-set write stores): recording one neither needs nor moves the set's
version. The latest decision on a suggestion in a set stands; withdrawing one deletes it.
"""

from __future__ import annotations

from typing import Any

import orjson
from django.db import connection, transaction

from annotations.models import AnnotationSet, Decision, SetKind, Span, SuggestionDecision
from annotations.services.errors import DomainError

_DECISION = SuggestionDecision._meta.db_table

RECORD_SQL = f"""
INSERT INTO {_DECISION} (suggestion_id, annotation_set_id, decision, created_at)
SELECT (d->>'suggestion')::bigint, %(set)s, d->>'decision', now()
FROM jsonb_array_elements(%(decisions)s::jsonb) AS d
ON CONFLICT (suggestion_id, annotation_set_id)
DO UPDATE SET decision = EXCLUDED.decision, created_at = EXCLUDED.created_at
"""


def _checked(aset: AnnotationSet, items: Any) -> list[dict[str, Any]]:
    """The decisions of a payload (a list of ``{suggestion, decision}``), each on a
    suggestion of a model set on the set's document; else a 400 naming the item."""
    if aset.kind == SetKind.MODEL:
        raise DomainError("A model's set does not decide on suggestions.", {"set": "model"})
    if not isinstance(items, list) or not items:
        raise DomainError("Send a list of {suggestion, decision}.", {"decisions": "a list"})
    wanted = [item.get("suggestion") for item in items if isinstance(item, dict)]
    suggestions = set(
        Span.objects.filter(
            pk__in=[pk for pk in wanted if isinstance(pk, int) and not isinstance(pk, bool)],
            annotation_set__project_id=aset.project_id,
            annotation_set__document_id=aset.document_id,
            annotation_set__kind=SetKind.MODEL,
        ).values_list("pk", flat=True)
    )
    checked: dict[int, dict[str, Any]] = {}  # the last decision on a suggestion stands
    for i, item in enumerate(items):
        if not isinstance(item, dict) or item.get("decision") not in Decision.values:
            raise DomainError(
                f"[{i}].decision must be one of {', '.join(Decision.values)}.",
                {f"[{i}].decision": "accepted or rejected"},
            )
        if item.get("suggestion") not in suggestions:
            raise DomainError(
                f"[{i}].suggestion is not a suggestion on this document.",
                {f"[{i}].suggestion": "not a suggestion on this document"},
            )
        checked[item["suggestion"]] = {
            "suggestion": item["suggestion"],
            "decision": item["decision"],
        }
    return list(checked.values())


def decisions_record(*, annotation_set: AnnotationSet, items: Any) -> list[int]:
    """Record decisions made in ``annotation_set`` (each replaces an earlier one on the same
    suggestion); returns the suggestions decided on. All or nothing."""
    checked = _checked(annotation_set, items)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            RECORD_SQL, {"set": annotation_set.pk, "decisions": orjson.dumps(checked).decode()}
        )
    return [item["suggestion"] for item in checked]


def decision_withdraw(*, annotation_set: AnnotationSet, suggestion_id: int) -> bool:
    """Forget the decision on a suggestion in this set; False when there was none."""
    deleted, _ = SuggestionDecision.objects.filter(
        annotation_set=annotation_set, suggestion_id=suggestion_id
    ).delete()
    return deleted > 0
