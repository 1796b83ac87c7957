"""Token login for scripts: ``POST /api/v1/auth/token/`` with username and password; a
person's own tokens: ``GET /api/v1/auth/tokens/`` lists them (without keys),
``DELETE /api/v1/auth/tokens/{id}/`` revokes one (``annotations/services/tokens.py``)."""

from __future__ import annotations

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import AuthenticationFailed, NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from annotations.api.serializers import (
    ApiTokenSerializer,
    TokenRequestSerializer,
    TokenSerializer,
)
from annotations.services.tokens import api_token_issue, api_token_revoke, api_tokens_of


class AuthTokenApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    @extend_schema(request=TokenRequestSerializer, responses=TokenSerializer, auth=[])
    def post(self, request: Request) -> Response:
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # Django's own request, so a lock-out django-axes records reaches its middleware.
        user = authenticate(
            request._request,
            username=serializer.validated_data["username"],
            password=serializer.validated_data["password"],
        )
        if user is None or not user.is_active:
            raise AuthenticationFailed("Wrong username or password.")
        return Response({"token": api_token_issue(user=user)})


class ApiTokenListApi(APIView):
    @extend_schema(responses=ApiTokenSerializer(many=True))
    def get(self, request: Request) -> Response:
        tokens = api_tokens_of(user=request.user)
        return Response(ApiTokenSerializer(tokens, many=True).data)


class ApiTokenDetailApi(APIView):
    @extend_schema(responses={204: None})
    def delete(self, request: Request, token_id: str) -> Response:
        if not api_token_revoke(user=request.user, token_id=token_id):
            raise NotFound("You have no token with this id.")
        return Response(status=204)
