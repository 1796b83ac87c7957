"""What curation keeps besides the gold set: the units a reviewer kept out of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from annotations.models.projects import Project
from corpus.models import Document


class GoldRejection(models.Model):
    """A unit of a document's layers (an annotator's, a model's) that a reviewer kept out of
    the document's gold set, named by ``annotations.curation.groups.unit_key`` (a hash of
    the unit's identity and, for stances and answers, its value). The curation view shows
    it as handled, and auto-merge leaves it out; accepting it again forgets the rejection."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    unit_key = models.CharField(max_length=64)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "document", "unit_key"], name="gold_rejection_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"unit {self.unit_key[:8]} kept out of document {self.document_id}'s gold"
