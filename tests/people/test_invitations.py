"""A manager invites people by e-mail: a new account with a one-time set-password link, or
an existing account added; the mail goes through Django's e-mail framework."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from annotations.models import Membership
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def invite(client_for, people, email: str, role: str = "annotator"):  # noqa: ANN001, ANN201
    url = f"/api/v1/projects/{people.project.pk}/invitations/"
    return client_for(people.manager).post(url, {"email": email, "role": role}, format="json")


def test_an_unknown_address_gets_an_account_without_a_password_in_the_chosen_role(
    client_for, people
):
    response = invite(client_for, people, "Ada.Lovelace@Example.ORG", "reviewer")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["username"] == "ada.lovelace"
    assert body["email"] == "Ada.Lovelace@example.org"
    assert body["account_created"] is True
    assert body["emailed"] is True
    user = User.objects.get(username="ada.lovelace")
    assert not user.has_usable_password()
    assert Membership.objects.get(project=people.project, user=user).role == "reviewer"
    assert body["set_password_url"].startswith("http://testserver/account/welcome/")


def test_the_invitation_mail_carries_the_username_and_the_link(client_for, people):
    body = invite(client_for, people, "ada@example.org").json()
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert people.project.name in message.subject
    assert "Your username is ada." in message.body
    assert body["set_password_url"] in message.body


def test_the_link_lets_the_invited_person_choose_a_password_once(client, client_for, people):
    link = invite(client_for, people, "ada@example.org").json()["set_password_url"]
    path = link.removeprefix("http://testserver")
    form_page = client.get(path, follow=True)
    assert "Welcome to Claimlens" in form_page.content.decode()
    password = "a long enough passphrase 42"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
        follow=True,
    )
    assert "Your password is set" in done.content.decode()
    assert User.objects.get(username="ada").check_password(password)
    again = client.get(path, follow=True)
    assert "This link does not work any more" in again.content.decode()


def test_a_taken_username_gets_a_number(client_for, people):
    UserFactory(username="ada")
    assert invite(client_for, people, "ada@example.org").json()["username"] == "ada2"


def test_an_address_of_an_account_with_a_password_adds_it_and_gives_no_link(client_for, people):
    UserFactory(username="grace", email="grace@example.org")
    body = invite(client_for, people, "GRACE@example.org").json()
    assert body["username"] == "grace"
    assert body["account_created"] is False
    assert body["set_password_url"] is None
    assert "Sign in as usual" in mail.outbox[0].body
    assert "/account/welcome/" not in mail.outbox[0].body
    assert User.objects.filter(email__iexact="grace@example.org").count() == 1


def test_inviting_again_before_a_password_is_chosen_mails_a_fresh_link(client_for, people):
    first = invite(client_for, people, "ada@example.org").json()
    second = invite(client_for, people, "ada@example.org", "manager").json()
    assert second["account_created"] is False
    assert second["role"] == "manager"
    assert first["username"] == second["username"]
    assert len(mail.outbox) == 2
    assert "/account/welcome/" in mail.outbox[1].body


def test_an_existing_account_without_a_password_gets_its_link_by_mail_never_shown(
    client_for, people
):
    admin = UserFactory(username="admin", email="admin@example.org", is_superuser=True)
    admin.set_unusable_password()
    admin.save()
    body = invite(client_for, people, "admin@example.org").json()
    assert body["set_password_url"] is None
    assert "/account/welcome/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["admin@example.org"]


def test_an_address_several_accounts_share_is_refused_with_the_reason(client_for, people):
    UserFactory(username="twin1", email="twin@example.org")
    UserFactory(username="twin2", email="twin@example.org")
    response = invite(client_for, people, "twin@example.org")
    assert response.status_code == 400
    assert "add the person by username" in response.json()["error"]["message"]


def test_a_string_that_is_no_address_is_refused_on_its_field(client_for, people):
    response = invite(client_for, people, "ada@")
    assert response.status_code == 400
    assert "email" in response.json()["error"]["details"]
    assert not User.objects.filter(username="ada").exists()


def test_a_mail_that_cannot_be_sent_keeps_the_invitation_and_says_why(client_for, people, settings):
    settings.EMAIL_BACKEND = "tests.people.failing_mail.FailingBackend"
    response = invite(client_for, people, "ada@example.org")
    assert response.status_code == 201
    body = response.json()
    assert body["emailed"] is False
    assert "could not be sent" in body["mail_problem"]
    assert body["set_password_url"]
    assert Membership.objects.filter(project=people.project, user__username="ada").exists()


def test_past_the_hourly_limit_an_address_is_still_added_but_not_mailed_and_told_why(
    client_for, people, monkeypatch
):
    monkeypatch.setattr("annotations.services.people.INVITATION_MAILS_PER_HOUR", 2)
    answers = [invite(client_for, people, "ADA@example.org").json() for _ in range(3)]
    assert len(mail.outbox) == 2
    assert [answer["emailed"] for answer in answers] == [True, True, False]
    assert "2 invitations in the last hour" in answers[2]["mail_problem"]
    assert Membership.objects.filter(project=people.project, user__username="ada").exists()


def test_an_address_put_on_ones_own_account_cannot_capture_an_invitation(
    client, client_for, people
):
    attacker = UserFactory(username="mallory", email="mallory@example.org")
    client.force_login(attacker)
    client.post("/account/", {"first_name": "", "last_name": "", "email": "ada@example.org"})
    attacker.refresh_from_db()
    assert attacker.email == "mallory@example.org"
    body = invite(client_for, people, "ada@example.org").json()
    assert body["account_created"] is True
    assert not Membership.objects.filter(project=people.project, user=attacker).exists()
    assert mail.outbox[0].to == ["ada@example.org"]
