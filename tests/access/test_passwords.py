"""A new password is at least 12 characters, not a common one and not like the person's
username (Django's validators), on the password page and wherever else one is chosen.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from tests import factories

OLD = "pw-for-tests"


@pytest.fixture
def annotator(db):  # noqa: ANN001, ANN201
    return factories.UserFactory(username="annotator")


def signed_in(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def change(client: Client, new: str):  # noqa: ANN201
    return client.post(
        "/account/password/",
        {"old_password": OLD, "new_password1": new, "new_password2": new},
    )


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("Vx7#qLm2@pz", "too short"),
        ("password1234", "too common"),
        ("annotator-2026", "too similar"),
        ("739184620573", "entirely numeric"),
    ],
)
def test_a_weak_password_is_refused_with_the_reason(annotator, password, why):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user=annotator)
    assert why in " ".join(refused.value.messages)


def test_twelve_characters_nobody_would_guess_are_accepted(annotator):
    validate_password("Vx7#qLm2@pz!", user=annotator)


def test_the_password_page_changes_a_password_and_keeps_the_person_signed_in(annotator):
    client = signed_in(annotator)
    assert client.get("/account/password/").status_code == 200
    changed = change(client, "Vx7#qLm2@pz!")
    assert changed.status_code == 302
    assert changed["Location"] == "/account/password/done/"
    annotator.refresh_from_db()
    assert annotator.check_password("Vx7#qLm2@pz!")
    assert client.get("/").status_code == 200


def test_the_password_page_refuses_a_short_password_and_says_why(annotator):
    refused = change(signed_in(annotator), "Vx7#qLm2@pz")
    assert refused.status_code == 200
    assert "too short" in refused.text
    annotator.refresh_from_db()
    assert annotator.check_password(OLD)


def test_the_password_page_is_for_signed_in_people_only(db):
    response = Client().get("/account/password/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
