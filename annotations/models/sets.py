"""Annotation sets and the rows that hang off them: spans, relations, stances, answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from annotations.models.projects import Project
from corpus.models import Document


class SetKind(models.TextChoices):
    ANNOTATOR = "annotator"
    GOLD = "gold"
    MODEL = "model"


class SetStatus(models.TextChoices):
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    SKIPPED = "skipped"
    CURATED = "curated"
    RETURNED = "returned"  # sent back by a reviewer with a comment: open again
    # its document was removed from the project: kept, read-only, out of queues, agreement and
    # exports; ``archived_from`` keeps the status it had (services/project_documents.py)
    ARCHIVED = "archived"


class AnnotationSet(models.Model):
    """One author's layer on one document in one project.

    The author is a person (``kind=annotator``), the gold curator (``kind=gold``, one per
    document) or a model (``kind=model``: suggestions, named by ``model_name``).
    ``version`` increases with every write; a write carrying an older version is refused.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sets")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=SetKind.choices, default=SetKind.ANNOTATOR)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="annotation_sets",
    )
    model_name = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=16, choices=SetStatus.choices, default=SetStatus.ASSIGNED)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    seconds_spent = models.PositiveIntegerField(default=0)
    # the status an archived set had before its document left the project; "" otherwise
    archived_from = models.CharField(max_length=16, blank=True, default="")
    # when time on task was last added (services/time_on_task.py caps each report by it)
    time_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["project", "document"]),
            models.Index(fields=["project", "author", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "document", "author"],
                condition=Q(kind=SetKind.ANNOTATOR),
                name="set_one_per_annotator",
            ),
            models.UniqueConstraint(
                fields=["project", "document"],
                condition=Q(kind=SetKind.GOLD),
                name="set_one_gold_per_document",
            ),
            models.UniqueConstraint(
                fields=["project", "document", "model_name"],
                condition=Q(kind=SetKind.MODEL),
                name="set_one_per_model",
            ),
            models.CheckConstraint(condition=Q(kind__in=SetKind.values), name="set_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=SetStatus.values), name="set_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=SetKind.ANNOTATOR) | Q(author__isnull=False),
                name="set_annotator_has_author",
            ),
            models.CheckConstraint(
                condition=~Q(kind=SetKind.MODEL) | ~Q(model_name=""), name="set_model_has_name"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="set_version_positive"),
            models.CheckConstraint(
                condition=(Q(status=SetStatus.ARCHIVED) & ~Q(archived_from=""))
                | (~Q(status=SetStatus.ARCHIVED) & Q(archived_from="")),
                name="set_archived_from_only_when_archived",
            ),
        ]

    def __str__(self) -> str:
        who = self.model_name if self.kind == SetKind.MODEL else self.author or self.kind
        return f"{who} on document {self.document_id}"


class Span(models.Model):
    """A labelled stretch of text: code points, half-open ``[start, end)``.

    A discontinuous span keeps its pieces in ``fragments`` (``[[start, end], ...]``, sorted,
    not touching); ``start``/``end`` are then the outer bounds and ``text`` the pieces' texts
    joined with a single space. ``text`` always equals what the offsets select.
    """

    annotation_set = models.ForeignKey(
        AnnotationSet, on_delete=models.CASCADE, related_name="spans"
    )
    label = models.CharField(max_length=64)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    fragments = models.JSONField(null=True, blank=True)
    text = models.TextField()
    attributes = models.JSONField(default=dict, blank=True)
    provenance = models.JSONField(null=True, blank=True)  # gold rows: see ``provenance.py``
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start", "end", "id"]
        indexes = [
            models.Index(fields=["annotation_set", "start"]),
            models.Index(fields=["label"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="span_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.label} [{self.start}, {self.end})"


class Relation(models.Model):
    """A typed link between two spans; ``target`` may sit in another document of the story
    when the relation type allows it. ``source`` is always in the relation's own set; a
    symmetric type (SAME_CLAIM) is read in both directions."""

    annotation_set = models.ForeignKey(
        AnnotationSet, on_delete=models.CASCADE, related_name="relations"
    )
    type = models.CharField(max_length=64)
    source = models.ForeignKey(Span, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Span, on_delete=models.CASCADE, related_name="relations_in")
    attributes = models.JSONField(default=dict, blank=True)
    provenance = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["type"])]
        constraints = [
            models.UniqueConstraint(
                fields=["annotation_set", "type", "source", "target"], name="relation_unique"
            ),
            models.CheckConstraint(condition=~Q(source=F("target")), name="relation_not_to_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.source_id} -> {self.target_id}"


class Stance(models.Model):
    """(holder: a span or the whole document) x (object: a stance target or a span) -> value."""

    annotation_set = models.ForeignKey(
        AnnotationSet, on_delete=models.CASCADE, related_name="stances"
    )
    holder = models.ForeignKey(
        Span, null=True, blank=True, on_delete=models.CASCADE, related_name="stances_held"
    )
    target = models.CharField(max_length=64, blank=True)
    object_span = models.ForeignKey(
        Span, null=True, blank=True, on_delete=models.CASCADE, related_name="stances_about"
    )
    value = models.CharField(max_length=64)
    provenance = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(target="") & Q(object_span__isnull=False))
                | (~Q(target="") & Q(object_span__isnull=True)),
                name="stance_exactly_one_object",
            ),
            models.UniqueConstraint(
                fields=["annotation_set", "holder", "target", "object_span"],
                nulls_distinct=False,
                name="stance_unique",
            ),
        ]

    def __str__(self) -> str:
        about = self.target or f"span {self.object_span_id}"
        return f"{self.holder_id or 'document'} on {about}: {self.value}"


class DocumentAnswer(models.Model):
    annotation_set = models.ForeignKey(
        AnnotationSet, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.CharField(max_length=64)
    value = models.JSONField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["annotation_set", "question"], name="answer_one_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"
