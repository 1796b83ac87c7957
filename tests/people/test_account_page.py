"""A person's own account page: their name (shown instead of the username) and e-mail."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_sets_their_name_and_sees_it_in_the_top_bar(client):
    user = UserFactory(username="ada")
    client.force_login(user)
    response = client.post(
        "/account/",
        {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org"},
    )
    assert "Saved." in response.content.decode()
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.email) == ("Ada", "Lovelace", "ada@example.org")
    assert ">Ada Lovelace</a>" in client.get("/account/").content.decode()


def test_an_address_another_account_has_is_refused_on_its_field(client):
    UserFactory(username="grace", email="grace@example.org")
    user = UserFactory(username="ada", email="ada@example.org")
    client.force_login(user)
    response = client.post(
        "/account/", {"first_name": "", "last_name": "", "email": "GRACE@example.org"}
    )
    assert "Another account has this e-mail address" in response.content.decode() or (
        "already in use" in response.content.decode()
    )
    user.refresh_from_db()
    assert user.email == "ada@example.org"


def test_the_account_page_needs_a_log_in(client):
    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
