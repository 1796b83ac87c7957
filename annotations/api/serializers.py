"""Input and output shapes of the annotation API that DRF validates (also what OpenAPI
documents). The set payloads and the responses built by selectors are declared in
``annotations/contracts.py``."""

from __future__ import annotations

from rest_framework import serializers

from annotations.api.openapi import component
from annotations.contracts import ProjectProgress
from annotations.guidelines import guidelines_html
from annotations.models import Project, Role, SetKind
from annotations.presets import PRESETS


class ProjectSerializer(serializers.ModelSerializer):
    role = serializers.SerializerMethodField()
    guidelines_html = serializers.SerializerMethodField(
        help_text="The guidelines (Markdown) rendered as sanitised HTML."
    )

    class Meta:
        model = Project
        fields = [
            "id",
            "name",
            "description",
            "guidelines",
            "guidelines_html",
            "blind",
            "annotators_per_document",
            "created_at",
            "archived_at",
            "role",
        ]
        read_only_fields = ["id", "created_at", "archived_at", "role", "guidelines_html"]

    def get_role(self, project: Project) -> str | None:
        roles = self.context.get("roles", {})
        return roles.get(project.pk)

    def get_guidelines_html(self, project: Project) -> str:
        return guidelines_html(project.guidelines)


class ProjectDetailSerializer(ProjectSerializer):
    """A project with its progress (documents, and sets by status)."""

    progress = component(ProjectProgress)(read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "progress"]


class ProjectCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    guidelines = serializers.CharField(required=False, allow_blank=True, default="")
    blind = serializers.BooleanField(required=False, default=True)
    annotators_per_document = serializers.IntegerField(
        required=False, default=2, min_value=1, max_value=100
    )
    preset = serializers.ChoiceField(choices=sorted(PRESETS), required=False)
    schema = serializers.JSONField(required=False, help_text="A whole schema instead of a preset")
    schema_from_project = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Copy the schema of this project (one you manage) instead of a preset",
    )
    stance_targets = serializers.ListField(
        child=serializers.CharField(max_length=200, allow_blank=True),
        required=False,
        max_length=500,
        help_text="Names of stance targets (actors, topics) to add to the schema",
    )


class ProjectUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    guidelines = serializers.CharField(required=False, allow_blank=True)
    blind = serializers.BooleanField(required=False)
    annotators_per_document = serializers.IntegerField(required=False, min_value=1, max_value=100)


class GuidelinesPreviewSerializer(serializers.Serializer):
    guidelines = serializers.CharField(allow_blank=True, max_length=200_000, trim_whitespace=False)


class GuidelinesHtmlSerializer(serializers.Serializer):
    html = serializers.CharField(help_text="The guidelines as sanitised HTML")


class MemberSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    role = serializers.ChoiceField(choices=Role.values)


class MemberRoleSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.values)


class DocumentsAddSerializer(serializers.Serializer):
    documents = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, max_length=100_000
    )
    story = serializers.IntegerField(required=False, min_value=1)


class SetOpenSerializer(serializers.Serializer):
    project = serializers.IntegerField(min_value=1)
    document = serializers.IntegerField(min_value=1)
    kind = serializers.ChoiceField(choices=SetKind.values, default=SetKind.ANNOTATOR)
    model_name = serializers.CharField(required=False, allow_blank=True, max_length=200)


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


class ApiTokenSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="The key's first 8 characters; revoke by it.")
    created = serializers.DateTimeField()
    expires = serializers.DateTimeField()
