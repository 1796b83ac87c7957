"""A project's schema changed with renames: POST /projects/{id}/schema/rename/.

Renames move the stored rows with the key (``annotations.services.schema_changes``); the
optional ``definition`` is stored in the same transaction, so the schema editor saves its
renames and its other edits as one change.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component
from annotations.schema import SchemaDefinition
from annotations.schema_renames import RENAME_KINDS, KeyRename
from annotations.services.schema_changes import project_schema_change


class KeyRenameSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RENAME_KINDS)
    old = serializers.CharField(max_length=64, help_text="the key as the schema has it")
    new = serializers.CharField(max_length=64, help_text="the key it becomes")
    label = serializers.CharField(
        max_length=64, required=False, default="", help_text="an attribute's span label"
    )


class SchemaRenameSerializer(serializers.Serializer):
    renames = KeyRenameSerializer(many=True, allow_empty=False)
    definition = serializers.JSONField(
        required=False, help_text="the schema to store after the renames (default: renamed)"
    )


class ProjectSchemaRenameApi(APIView):
    @extend_schema(
        request=SchemaRenameSerializer,
        responses={200: component(SchemaDefinition), 400: ERROR},
        description=(
            "Rename keys of the schema (`kind`: label, attribute (with its `label`), "
            "relation_type, stance_target, stance_value, question; `old`, `new`) and move "
            "every stored row of the project with them, in one transaction; then store "
            "`definition` if given. A definition that drops a key rows still use is refused "
            "with the number of rows and sets using it."
        ),
    )
    def post(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True)
        serializer = SchemaRenameSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        renames = [KeyRename(**rename) for rename in data["renames"]]
        schema = project_schema_change(
            project=project, definition=data.get("definition"), renames=renames
        )
        return Response(schema.definition)
