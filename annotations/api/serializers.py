"""Input and output shapes of the annotation API (also what OpenAPI documents)."""

from __future__ import annotations

from rest_framework import serializers

from annotations.models import Project, Role, SetKind
from annotations.presets import PRESETS


class ProjectSerializer(serializers.ModelSerializer):
    role = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = [
            "id",
            "name",
            "description",
            "guidelines",
            "blind",
            "annotators_per_document",
            "created_at",
            "role",
        ]
        read_only_fields = ["id", "created_at", "role"]

    def get_role(self, project: Project) -> str | None:
        roles = self.context.get("roles", {})
        return roles.get(project.pk)


class ProjectCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    guidelines = serializers.CharField(required=False, allow_blank=True, default="")
    blind = serializers.BooleanField(required=False, default=True)
    annotators_per_document = serializers.IntegerField(
        required=False, default=2, min_value=1, max_value=100
    )
    preset = serializers.ChoiceField(
        choices=sorted(PRESETS), required=False, default="news-attribution"
    )
    schema = serializers.JSONField(required=False, help_text="A whole schema instead of a preset")


class ProjectUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    guidelines = serializers.CharField(required=False, allow_blank=True)
    blind = serializers.BooleanField(required=False)
    annotators_per_document = serializers.IntegerField(required=False, min_value=1, max_value=100)


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


class SpanInSerializer(serializers.Serializer):
    """A span. Offsets are code points, half-open; ``text`` must equal what they select."""

    id = serializers.IntegerField(required=False, help_text="Keep this existing span")
    ref = serializers.CharField(required=False, help_text="A name for relations in this payload")
    label = serializers.CharField()
    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=0)
    fragments = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(), min_length=2, max_length=2),
        required=False,
        allow_null=True,
    )
    text = serializers.CharField(trim_whitespace=False)
    attributes = serializers.DictField(required=False)
    version = serializers.IntegerField(required=False, help_text="Fine-grained writes only")


class RelationInSerializer(serializers.Serializer):
    type = serializers.CharField()
    source = serializers.JSONField(help_text="Span id, or ref in the same payload")
    target = serializers.JSONField(help_text="Span id (may be in another document of the story)")
    attributes = serializers.DictField(required=False)
    version = serializers.IntegerField(required=False, help_text="Fine-grained writes only")


class StanceInSerializer(serializers.Serializer):
    holder = serializers.JSONField(required=False, allow_null=True, help_text="null: document")
    target = serializers.CharField(required=False, allow_blank=True)
    object = serializers.JSONField(required=False, allow_null=True)
    value = serializers.CharField()
    version = serializers.IntegerField(required=False, help_text="Fine-grained writes only")


class SetWriteSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text="The version you loaded; stale gets 409")
    spans = SpanInSerializer(many=True, required=False)
    relations = RelationInSerializer(many=True, required=False)
    stances = StanceInSerializer(many=True, required=False)
    answers = serializers.DictField(required=False)


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
