"""Reads of decisions on model suggestions: those made in one set, and each model's
acceptance and rejection rates in a project."""

from __future__ import annotations

from django.db.models import Count

from annotations.contracts_history import DecisionOut, ModelRates
from annotations.models import AnnotationSet, Decision, Project, SetKind, Span, SuggestionDecision


def set_decisions(aset: AnnotationSet) -> list[DecisionOut]:
    """The decisions made in a set, in the order of their suggestions."""
    rows = (
        SuggestionDecision.objects.filter(annotation_set=aset)
        .select_related("suggestion__annotation_set")
        .order_by("suggestion_id")
    )
    return [
        {
            "suggestion": row.suggestion_id,
            "set": row.annotation_set_id,
            "model_name": row.suggestion.annotation_set.model_name,
            "decision": row.decision,
            "created_at": row.created_at,
        }
        for row in rows
    ]


def model_rates(project: Project) -> list[ModelRates]:
    """For each model with suggestions in the project: how many it made, and how many of
    them people accepted and rejected (every set's decisions count), in model name order."""
    made = dict(
        Span.objects.filter(annotation_set__project=project, annotation_set__kind=SetKind.MODEL)
        .values_list("annotation_set__model_name")
        .annotate(n=Count("id"))
        .values_list("annotation_set__model_name", "n")
    )
    decided: dict[tuple[str, str], int] = {
        (model, decision): n
        for model, decision, n in SuggestionDecision.objects.filter(
            suggestion__annotation_set__project=project
        )
        .values_list("suggestion__annotation_set__model_name", "decision")
        .annotate(n=Count("id"))
        .values_list("suggestion__annotation_set__model_name", "decision", "n")
    }
    rates: list[ModelRates] = []
    for model in sorted(made):
        accepted = decided.get((model, Decision.ACCEPTED), 0)
        rejected = decided.get((model, Decision.REJECTED), 0)
        total = accepted + rejected
        rates.append(
            {
                "model_name": model,
                "suggestions": made[model],
                "decided": total,
                "accepted": accepted,
                "rejected": rejected,
                "acceptance_rate": accepted / total if total else None,
                "rejection_rate": rejected / total if total else None,
            }
        )
    return rates
