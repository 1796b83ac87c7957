"""API tokens for scripts (``Authorization: Token ...``).

A person has at most one token (DRF's ``authtoken`` model). It expires
``CLAIMLENS_TOKEN_DAYS`` days after it was made (``settings.CLAIMLENS_TOKEN_LIFETIME``): the
authentication refuses it from then on, and asking for a token again makes a new one. Its
owner can see it (without its key) and revoke it, and it is revoked when their password
changes, wherever that happens (the password page, the admin, ``changepassword``): a leaked
token dies with the password it came from.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from rest_framework.authtoken.models import Token

# The first characters of a key name a token in lists and in revoke URLs; the whole key is
# shown once, when it is made.
TOKEN_ID_LENGTH = 8


def token_expires(created: datetime) -> datetime:
    return created + settings.CLAIMLENS_TOKEN_LIFETIME


def valid_since() -> datetime:
    """Tokens made before this moment have expired."""
    return timezone.now() - settings.CLAIMLENS_TOKEN_LIFETIME


@transaction.atomic
def api_token_issue(*, user: AbstractBaseUser) -> str:
    """The person's token: the same one until it expires or is revoked, then a new one."""
    Token.objects.filter(user=user, created__lte=valid_since()).delete()
    token, _ = Token.objects.get_or_create(user=user)
    return token.key


def api_tokens_of(*, user: AbstractBaseUser) -> list[dict[str, object]]:
    """The person's tokens that still work, newest first, without their keys."""
    tokens = Token.objects.filter(user=user, created__gt=valid_since()).order_by("-created")
    return [
        {"id": t.key[:TOKEN_ID_LENGTH], "created": t.created, "expires": token_expires(t.created)}
        for t in tokens
    ]


def api_token_revoke(*, user: AbstractBaseUser, token_id: str) -> bool:
    """Revoke the person's token named by ``token_id``; False when they have none by it."""
    if len(token_id) != TOKEN_ID_LENGTH:
        return False
    deleted, _ = Token.objects.filter(user=user, key__startswith=token_id).delete()
    return deleted > 0


@receiver(pre_save, sender=get_user_model(), dispatch_uid="revoke_tokens_on_password_change")
def revoke_tokens_on_password_change(sender, instance, **kwargs) -> None:  # noqa: ANN001
    # ``set_password`` keeps the new raw password on the instance until it is saved; a hash
    # upgraded at log-in (same password, new hasher settings) does not, and keeps the token.
    if instance.pk is not None and getattr(instance, "_password", None) is not None:
        Token.objects.filter(user_id=instance.pk).delete()
