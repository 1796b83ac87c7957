"""External recommenders: HTTP services a project's managers configure to propose a model
layer (``model:<name>``). The protocol is ``docs/recommender.md``; the client is
``annotations/services/recommender.py``."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from annotations.models.projects import Project

MIN_TIMEOUT_SECONDS = 1
MAX_TIMEOUT_SECONDS = 120
# A name is a slug: it becomes the layer's name, ``model:<name>``.
NAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"


class Recommender(models.Model):
    """One recommender of a project: where it answers (``url``, http or https), how long a
    document may take (``timeout_seconds``), and what it may propose: span ``labels`` and
    ``relation_types`` (subsets of the project's schema), stances or not. A disabled
    recommender is kept but not run."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="recommenders")
    name = models.CharField(max_length=64)
    url = models.URLField(max_length=500)
    timeout_seconds = models.PositiveSmallIntegerField(default=10)
    labels = models.JSONField(default=list, blank=True)
    relation_types = models.JSONField(default=list, blank=True)
    stances = models.BooleanField(default=False)
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="recommender_name_unique"),
            models.CheckConstraint(
                condition=Q(name__regex=NAME_PATTERN), name="recommender_name_slug"
            ),
            models.CheckConstraint(
                condition=Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="recommender_url_http",
            ),
            models.CheckConstraint(
                condition=Q(timeout_seconds__gte=MIN_TIMEOUT_SECONDS)
                & Q(timeout_seconds__lte=MAX_TIMEOUT_SECONDS),
                name="recommender_timeout_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    @property
    def layer(self) -> str:
        return f"model:{self.name}"
