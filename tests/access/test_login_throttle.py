"""Failed log-ins lock out the account and the client address for a while (django-axes):
the log-in page, the admin's log-in and the token endpoint alike, with one plain message that
is the same whether or not the username exists.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from tests import factories

PASSWORD = "pw-for-tests"
LIMIT = 3
MESSAGE = "Too many failed log-in attempts. Try again in 15 minutes."


@pytest.fixture(autouse=True)
def small_failure_limit(settings, db) -> None:  # noqa: ANN001 (the cache is a table)
    settings.AXES_FAILURE_LIMIT = LIMIT
    cache.clear()  # the token endpoint's own per-address rate is kept in the cache


@pytest.fixture
def annotator(db):  # noqa: ANN001, ANN201
    return factories.UserFactory(username="annotator")


def log_in(username: str, password: str, address: str = "10.0.0.1", path: str = "/login/"):  # noqa: ANN201
    data = {"username": username, "password": password}
    return Client(REMOTE_ADDR=address).post(path, data)


def without_csrf_tokens(response) -> str:  # noqa: ANN001
    return re.sub(r'(content|value)="[A-Za-z0-9]{64}"', "", response.text)


def fail_until_locked(username: str, address: str = "10.0.0.1", path: str = "/login/") -> None:
    for _ in range(LIMIT):
        log_in(username, "wrong-password", address, path)


def test_a_few_wrong_passwords_are_told_plainly_and_the_right_one_still_works(annotator):
    for _ in range(LIMIT - 1):
        wrong = log_in("annotator", "wrong-password")
        assert wrong.status_code == 200
        assert "Wrong username or password." in wrong.text
    assert log_in("annotator", PASSWORD).status_code == 302


def test_an_account_is_locked_out_after_the_limit_even_with_the_right_password(annotator):
    fail_until_locked("annotator")
    locked = log_in("annotator", PASSWORD)
    assert locked.status_code == 429
    assert MESSAGE in locked.text
    assert locked["Retry-After"] == "900"


def test_the_account_lock_holds_from_any_address(annotator):
    for n in range(LIMIT):
        log_in("annotator", "wrong-password", address=f"10.0.1.{n}")
    assert log_in("annotator", PASSWORD, address="10.0.2.1").status_code == 429


def test_one_address_guessing_many_accounts_is_locked_out_and_others_are_not(annotator):
    for n in range(LIMIT):
        log_in(f"guess{n}", "wrong-password", address="10.0.0.9")
    assert log_in("annotator", PASSWORD, address="10.0.0.9").status_code == 429
    assert log_in("annotator", PASSWORD, address="10.0.0.10").status_code == 302


def test_an_unknown_username_gets_the_same_answers_as_a_real_one(annotator):
    first_unknown = log_in("nobody", "wrong-password", address="10.0.3.3")
    first_known = log_in("annotator", "wrong-password", address="10.0.3.4")
    assert without_csrf_tokens(first_unknown) == without_csrf_tokens(first_known)
    fail_until_locked("nobody", address="10.0.3.1")
    fail_until_locked("annotator", address="10.0.3.2")
    unknown = log_in("nobody", "wrong-password", address="10.0.3.1")
    known = log_in("annotator", "wrong-password", address="10.0.3.2")
    assert unknown.status_code == known.status_code == 429
    assert without_csrf_tokens(unknown) == without_csrf_tokens(known)


def test_a_locked_out_attempt_hashes_no_password(annotator):
    fail_until_locked("annotator")
    with mock.patch.object(ModelBackend, "authenticate", autospec=True) as backend:
        assert log_in("annotator", PASSWORD).status_code == 429
    backend.assert_not_called()


def test_a_success_before_the_limit_starts_the_count_again(annotator):
    for _ in range(LIMIT - 1):
        log_in("annotator", "wrong-password")
    assert log_in("annotator", PASSWORD).status_code == 302
    for _ in range(LIMIT - 1):
        log_in("annotator", "wrong-password")
    assert log_in("annotator", PASSWORD).status_code == 302


def test_the_admin_log_in_is_locked_out_too(db):
    factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    fail_until_locked("admin", path="/admin/login/")
    locked = log_in("admin", PASSWORD, path="/admin/login/")
    assert locked.status_code == 429
    assert MESSAGE in locked.text


def test_the_token_endpoint_is_locked_out_with_the_error_envelope(annotator):
    client = APIClient(REMOTE_ADDR="10.0.4.1")
    for _ in range(LIMIT - 1):
        wrong = client.post(
            "/api/v1/auth/token/", {"username": "annotator", "password": "nope"}, format="json"
        )
        assert wrong.status_code == 401
    last_wrong = client.post(
        "/api/v1/auth/token/", {"username": "annotator", "password": "nope"}, format="json"
    )
    assert last_wrong.status_code == 429
    locked = client.post(
        "/api/v1/auth/token/", {"username": "annotator", "password": PASSWORD}, format="json"
    )
    assert locked.status_code == 429
    assert locked.json() == {"error": {"code": "throttled", "message": MESSAGE, "details": {}}}
