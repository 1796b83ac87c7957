"""Projects: their schema, documents (the queue, with each document's review state) and
members with their roles."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from corpus.models import Document


class LabelSchema(models.Model):
    """A project's schema as data: see ``annotations/schema.py`` for its shape and checks."""

    name = models.CharField(max_length=200)
    definition = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    guidelines = models.TextField(blank=True)
    schema = models.OneToOneField(LabelSchema, on_delete=models.PROTECT, related_name="project")
    blind = models.BooleanField(
        default=True, help_text="Annotators see only their own annotation sets."
    )
    annotators_per_document = models.PositiveSmallIntegerField(default=2)
    documents = models.ManyToManyField(
        Document, through="ProjectDocument", related_name="projects", blank=True
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="projects", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(
        null=True, blank=True, help_text="When the project was archived (read-only); null: active."
    )

    class Meta:
        ordering = ["id"]
        # Site permissions (granted in the admin; superusers hold them): see permissions.py.
        permissions = [
            ("create_project", "Can create projects"),
            ("import_people", "Can add people by import"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(annotators_per_document__gte=1), name="project_annotators_at_least_one"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ReviewStatus(models.TextChoices):
    """Where a document stands in review, apart from its annotators' sets: not looked at,
    being curated, curated (its gold set is the reference), or returned to an annotator."""

    UNREVIEWED = "unreviewed"
    IN_REVIEW = "in_review"
    CURATED = "curated"
    RETURNED = "returned"


class ProjectDocument(models.Model):
    """A document in a project's queue; ``assigned_count`` counts live annotator sets and
    ``review_status`` says where its review stands."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="queue")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)
    assigned_count = models.PositiveIntegerField(default=0)
    review_status = models.CharField(
        max_length=16, choices=ReviewStatus.choices, db_default=ReviewStatus.UNREVIEWED
    )  # a default in the database too: the queue is filled with raw SQL

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "document"], name="project_document_unique"),
            models.CheckConstraint(
                condition=Q(review_status__in=ReviewStatus.values),
                name="project_document_review_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["project", "assigned_count", "position"])]

    def __str__(self) -> str:
        return f"document {self.document_id} in project {self.project_id}"


class Role(models.TextChoices):
    MANAGER = "manager"
    REVIEWER = "reviewer"
    ANNOTATOR = "annotator"


class Membership(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="membership_unique"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} as {self.role} in {self.project}"
