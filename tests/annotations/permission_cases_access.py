"""Permission cases of a person's own API tokens: everyone signed in lists their own, and
only a token's owner revokes it (to anyone else it does not exist)."""

from __future__ import annotations

from rest_framework.authtoken.models import Token

from tests.annotations.conftest import Bench
from tests.annotations.permission_case import Case, everyone


def owners_token(b: Bench) -> str:
    token, _ = Token.objects.get_or_create(user=b.people.annotator)
    return f"/api/v1/auth/tokens/{token.key[:8]}/"


CASES = [
    Case(
        "list my api tokens",
        "auth-token-list",
        "get",
        lambda b: "/api/v1/auth/tokens/",
        everyone(200, outsider=200),
    ),
    Case(
        "revoke my api token",
        "auth-token-detail",
        "delete",
        owners_token,
        {**everyone(404), "owner": 204},
    ),
]
