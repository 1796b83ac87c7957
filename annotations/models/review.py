"""What review adds to the work: comment threads, decisions on suggestions, the history of
every set write, and cached agreement figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from annotations.models.projects import Project
from annotations.models.sets import AnnotationSet, Relation, Span, Stance
from corpus.models import Document


class Comment(models.Model):
    """One message in a thread on a document of a project, or on one of its units: a span,
    a relation or a stance (at most one of them; none: the document's own thread).

    ``annotation_set`` is the set whose thread it is: the unit's set, or for a note on the
    document as a whole, the set it is about (an annotator's notes on their own work, a
    reviewer's note returning it); null for the document's general thread. Who sees a
    comment follows from it (``annotations/selectors/comments.py``)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="comments")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    annotation_set = models.ForeignKey(
        AnnotationSet, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments"
    )
    span = models.ForeignKey(
        Span, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    relation = models.ForeignKey(
        Relation, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    stance = models.ForeignKey(
        Stance, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["project", "document", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(span__isnull=True, relation__isnull=True)
                    | Q(span__isnull=True, stance__isnull=True)
                    | Q(relation__isnull=True, stance__isnull=True)
                ),
                name="comment_on_at_most_one_unit",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="comment_not_empty"),
            models.CheckConstraint(
                condition=(
                    Q(span__isnull=True, relation__isnull=True, stance__isnull=True)
                    | Q(annotation_set__isnull=False)
                ),
                name="comment_on_a_unit_names_its_set",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author} on document {self.document_id}: {self.text[:40]}"


class CommentRead(models.Model):
    """Until when a person has read a document's threads in a project (unread counts)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "document", "user"], name="comment_read_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} read document {self.document_id} until {self.read_at}"


class Decision(models.TextChoices):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class SuggestionDecision(models.Model):
    """A person's decision on one suggestion (a span of a model's set), made in their own
    set: kept so a model's acceptance and rejection rates can be reported."""

    suggestion = models.ForeignKey(Span, on_delete=models.CASCADE, related_name="decisions")
    annotation_set = models.ForeignKey(
        AnnotationSet, on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    decision = models.CharField(max_length=16, choices=Decision.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["suggestion", "annotation_set"], name="suggestion_decision_unique"
            ),
            models.CheckConstraint(
                condition=Q(decision__in=Decision.values), name="suggestion_decision_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision} suggestion {self.suggestion_id} in set {self.annotation_set_id}"


class SetRevision(models.Model):
    """A set as one write left it (append-only): who wrote it, when, and its contents (spans,
    relations, stances, answers, as set responses show them). What a write changed is the
    difference between a revision and the one before; "restore" writes an old one back."""

    annotation_set = models.ForeignKey(
        AnnotationSet, on_delete=models.CASCADE, related_name="revisions"
    )
    version = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    contents = models.JSONField()

    class Meta:
        ordering = ["annotation_set", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["annotation_set", "version"], name="set_revision_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"set {self.annotation_set_id} at version {self.version}"


class AgreementCache(models.Model):
    """Agreement figures computed for a project with some parameters (``key``, a hash of
    them), valid while the project's sets are as they were (``data_version``)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    data_version = models.CharField(max_length=64)
    result = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "key"], name="agreement_cache_unique"),
        ]

    def __str__(self) -> str:
        return f"agreement {self.key[:8]} of project {self.project_id}"
