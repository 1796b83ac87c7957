"""The people of a project: ``GET /api/v1/projects/{id}/people/`` (each member's role and
figures; managers and reviewers, annotators 403: the figures compare people) and
``POST /api/v1/projects/{id}/invitations/`` (a manager invites someone by e-mail: a new
account with a one-time set-password link, or an existing account added;
``annotations/services/people.py``)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.models import Role
from annotations.permissions import can_review
from annotations.selectors.people import project_people
from annotations.services.people import person_invite

PEOPLE_REFUSAL = "Only the project's managers and reviewers may see its people's figures."


class PersonSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField(help_text="first and last name; empty when not given")
    email = serializers.CharField(help_text="empty for reviewers (managers see addresses)")
    role = serializers.ChoiceField(
        choices=Role.values, allow_null=True, help_text="null: a former member whose sets stay"
    )
    invitation_pending = serializers.BooleanField(
        help_text="invited by e-mail, no password chosen yet: invite again to mail a fresh link"
    )
    assigned = serializers.IntegerField(help_text="annotator sets opened, not started")
    in_progress = serializers.IntegerField(help_text="started, or returned by a reviewer")
    submitted = serializers.IntegerField()
    skipped = serializers.IntegerField()
    seconds_spent = serializers.IntegerField(help_text="active time on all their sets here")
    median_seconds = serializers.IntegerField(
        allow_null=True, help_text="median active time per submitted document"
    )
    last_active = serializers.DateTimeField(allow_null=True)


class ProjectPeopleApi(APIView):
    @extend_schema(operation_id="v1_projects_people_list", responses=PersonSerializer(many=True))
    def get(self, request: Request, project_id: int) -> Response:
        project, role = project_for(request, project_id, allowed=can_review, refusal=PEOPLE_REFUSAL)
        rows = project_people(project)
        if role != Role.MANAGER:
            for row in rows:
                row["email"] = ""
        return Response(PersonSerializer(rows, many=True).data)


class InvitationInput(serializers.Serializer):
    email = serializers.CharField(max_length=254)
    role = serializers.ChoiceField(choices=Role.values, default=Role.ANNOTATOR)


class InvitationSerializer(serializers.Serializer):
    username = serializers.CharField(help_text="the account's username (derived when new)")
    email = serializers.CharField()
    role = serializers.ChoiceField(choices=Role.values)
    account_created = serializers.BooleanField()
    set_password_url = serializers.CharField(
        allow_null=True,
        help_text="a new account's one-time link to choose a password; null for an existing "
        "account (one without a password gets a fresh link by mail only)",
    )
    emailed = serializers.BooleanField()
    mail_problem = serializers.CharField(help_text="why the mail was not sent; else empty")


class ProjectInvitationsApi(APIView):
    @extend_schema(request=InvitationInput, responses={201: InvitationSerializer})
    def post(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True)
        data = InvitationInput(data=request.data)
        data.is_valid(raise_exception=True)
        invitation = person_invite(
            project=project,
            email=data.validated_data["email"],
            role=data.validated_data["role"],
            invited_by=request.user,
            site_url=request.build_absolute_uri("/"),
        )
        return Response(InvitationSerializer(invitation).data, status=201)
