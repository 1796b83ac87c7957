"""Reading a project's external recommenders, and their one output shape."""

from __future__ import annotations

from annotations.contracts_recommenders import RecommenderOut
from annotations.models import Project, Recommender


def recommenders_of(project: Project) -> list[Recommender]:
    return list(Recommender.objects.filter(project=project).order_by("name"))


def recommender_get(project: Project, recommender_id: int) -> Recommender | None:
    return Recommender.objects.filter(project=project, pk=recommender_id).first()


def recommender_out(recommender: Recommender) -> RecommenderOut:
    return {
        "id": recommender.pk,
        "name": recommender.name,
        "layer": recommender.layer,
        "url": recommender.url,
        "timeout_seconds": recommender.timeout_seconds,
        "labels": list(recommender.labels),
        "relation_types": list(recommender.relation_types),
        "stances": recommender.stances,
        "enabled": recommender.enabled,
        "created_at": recommender.created_at,
    }
