"""Password reset for everyone: the same answer whether or not an account has the address,
a one-time link by e-mail, invited people who never chose a password included."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase 42"


def ask_for_a_link(client, email: str):  # noqa: ANN001, ANN201
    return client.post("/account/password/reset/", {"email": email}, follow=True)


def without_csrf_token(response) -> str:  # noqa: ANN001
    return re.sub(r'name="csrf-token" content="[^"]*"', "", response.content.decode())


def test_the_log_in_page_offers_a_reset(client):
    assert 'href="/account/password/reset/"' in client.get("/login/").content.decode()


def test_a_known_and_an_unknown_address_get_the_same_answer(client):
    UserFactory(username="ada", email="ada@example.org")
    known = ask_for_a_link(client, "ada@example.org")
    unknown = ask_for_a_link(client, "nobody@example.org")
    assert (
        known.redirect_chain == unknown.redirect_chain == [("/account/password/reset/sent/", 302)]
    )
    assert without_csrf_token(known) == without_csrf_token(unknown)
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]


def test_the_mailed_link_sets_a_new_password(client):
    UserFactory(username="ada", email="ada@example.org")
    ask_for_a_link(client, "ada@example.org")
    path = re.search(r"https?://[^/]+(/account/reset/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert get_user_model().objects.get(username="ada").check_password(PASSWORD)


def test_an_invited_person_without_a_password_can_ask_for_a_link_too(client):
    user = UserFactory(username="ada", email="ada@example.org")
    user.set_unusable_password()
    user.save()
    ask_for_a_link(client, "ada@example.org")
    assert len(mail.outbox) == 1


def test_past_the_hourly_limit_an_address_gets_no_more_mails_and_the_same_answer(client, settings):
    settings.CLAIMLENS_RESET_MAILS_PER_HOUR = 2
    UserFactory(username="ada", email="ada@example.org")
    answers = [without_csrf_token(ask_for_a_link(client, "ADA@example.org")) for _ in range(3)]
    assert len(mail.outbox) == 2
    assert answers[0] == answers[2]
