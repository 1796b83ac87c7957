"""A person's own account page: their name (shown instead of the username); their e-mail is
shown but not theirs to change (invitations find accounts by it)."""

from __future__ import annotations

import pytest

from annotations.services.errors import DomainError
from annotations.services.people import account_update
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_sets_their_name_and_sees_it_in_the_top_bar(client):
    user = UserFactory(username="ada", email="ada@example.org")
    client.force_login(user)
    response = client.post("/account/", {"first_name": "Ada", "last_name": "Lovelace"})
    assert "Saved." in response.content.decode()
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.email) == ("Ada", "Lovelace", "ada@example.org")
    assert ">Ada Lovelace</a>" in client.get("/account/").content.decode()


def test_the_page_shows_the_address_read_only_with_who_sets_it(client):
    client.force_login(UserFactory(username="ada", email="ada@example.org"))
    page = client.get("/account/").content.decode()
    assert "<strong>ada@example.org</strong>" in page
    assert "Your address is set by the invitation or a site administrator." in page
    assert 'name="email"' not in page


def test_an_address_posted_anyway_is_ignored_and_the_stored_one_kept(client):
    user = UserFactory(username="ada", email="ada@example.org")
    client.force_login(user)
    client.post("/account/", {"first_name": "Ada", "last_name": "", "email": "free@example.org"})
    user.refresh_from_db()
    assert (user.first_name, user.email) == ("Ada", "ada@example.org")


def test_the_service_refuses_an_e_mail_change_with_a_clear_reason():
    user = UserFactory(username="ada", email="ada@example.org")
    with pytest.raises(DomainError, match="set by the invitation or a site administrator"):
        account_update(user=user, first_name="", last_name="", email="free@example.org")
    account_update(user=user, first_name="Ada", last_name="", email="ADA@example.org")
    user.refresh_from_db()
    assert (user.first_name, user.email) == ("Ada", "ada@example.org")


def test_the_account_page_needs_a_log_in(client):
    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
