"""API tokens for scripts (``Authorization: Token ...``)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from rest_framework.authtoken.models import Token


def api_token_issue(*, user: AbstractBaseUser) -> str:
    """The person's token, made on first use; the same one until it is deleted."""
    token, _ = Token.objects.get_or_create(user=user)
    return token.key
