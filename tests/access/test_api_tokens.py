"""API tokens expire, their owner lists and revokes them, and a new password revokes them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories

PASSWORD = "pw-for-tests"
NEW_PASSWORD = "Vx7#qLm2@pz!"


@pytest.fixture(autouse=True)
def fresh_rate_limits(db) -> None:  # noqa: ANN001 (the cache is a table)
    cache.clear()


@pytest.fixture
def annotator(db):  # noqa: ANN001, ANN201
    return factories.UserFactory(username="annotator")


def token_for(username: str, password: str = PASSWORD) -> str:
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": username, "password": password}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def with_token(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def works(key: str) -> bool:
    return with_token(key).get("/api/v1/auth/tokens/").status_code == 200


def test_a_token_works_until_it_expires_then_a_new_one_is_issued(annotator, settings):
    settings.CLAIMLENS_TOKEN_LIFETIME = timedelta(days=30)
    key = token_for("annotator")
    assert works(key)
    Token.objects.filter(key=key).update(created=timezone.now() - timedelta(days=31))
    refused = with_token(key).get("/api/v1/auth/tokens/")
    assert refused.status_code == 401
    assert refused.json()["error"]["message"] == "Invalid or expired token."
    fresh = token_for("annotator")
    assert fresh != key
    assert works(fresh)


def test_the_owner_lists_their_tokens_without_keys(annotator):
    key = token_for("annotator")
    listed = with_token(key).get("/api/v1/auth/tokens/")
    assert listed.status_code == 200
    [token] = listed.json()
    assert token["id"] == key[:8]
    assert key not in listed.text
    assert token["expires"] > token["created"]


def test_someone_else_sees_none_of_them_and_cannot_revoke_them(annotator):
    key = token_for("annotator")
    factories.UserFactory(username="outsider")
    outsider = with_token(token_for("outsider"))
    assert [t["id"] for t in outsider.get("/api/v1/auth/tokens/").json()] != [key[:8]]
    assert outsider.delete(f"/api/v1/auth/tokens/{key[:8]}/").status_code == 404
    assert works(key)


def test_the_owner_revokes_a_token_from_the_browser_session(annotator):
    key = token_for("annotator")
    session = Client()
    session.force_login(annotator)
    revoked = session.delete(f"/api/v1/auth/tokens/{key[:8]}/")
    assert revoked.status_code == 204
    assert not works(key)
    assert session.delete(f"/api/v1/auth/tokens/{key[:8]}/").status_code == 404


def test_a_new_password_on_the_password_page_revokes_the_token(annotator):
    key = token_for("annotator")
    session = Client()
    session.force_login(annotator)
    changed = session.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert changed.status_code == 302
    assert not works(key)
    assert works(token_for("annotator", NEW_PASSWORD))


def test_a_password_set_by_an_administrator_revokes_the_token_too(annotator):
    key = token_for("annotator")
    annotator.set_password(NEW_PASSWORD)
    annotator.save()
    assert not works(key)


def test_a_log_in_that_upgrades_the_password_hash_keeps_the_token(annotator, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    annotator.password = make_password(PASSWORD, hasher="md5")
    annotator.save()
    key = token_for("annotator")  # this log-in rehashes the password with PBKDF2
    annotator.refresh_from_db()
    assert annotator.password.startswith("pbkdf2_sha256$")
    assert works(key)


def test_changepassword_is_a_password_change_too(annotator, monkeypatch):
    key = token_for("annotator")
    monkeypatch.setattr("getpass.getpass", lambda *a, **k: NEW_PASSWORD)
    call_command("changepassword", "annotator", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not works(key)
