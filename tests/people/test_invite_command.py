"""``manage.py invite``: the same invitation as the People page, from a shell."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from annotations.models import Membership

pytestmark = pytest.mark.django_db


def test_the_command_makes_the_account_prints_the_link_and_mails_it(people):
    out = io.StringIO()
    call_command(
        "invite",
        str(people.project.pk),
        "ada@example.org",
        "--role",
        "reviewer",
        "--url",
        "https://claimlens.example.org/",
        stdout=out,
    )
    printed = out.getvalue()
    assert "Account ada (made) is reviewer in Test project." in printed
    assert "Link to choose a password: https://claimlens.example.org/account/welcome/" in printed
    assert Membership.objects.get(project=people.project, user__username="ada").role == "reviewer"
    assert "An administrator added you" in mail.outbox[0].body


def test_an_unknown_project_or_a_bad_address_is_an_error_not_a_traceback(people):
    with pytest.raises(CommandError, match="No project with id 999999"):
        call_command("invite", "999999", "ada@example.org")
    with pytest.raises(CommandError, match="not an e-mail address"):
        call_command("invite", str(people.project.pk), "ada@")


def test_the_command_refuses_an_archived_project_and_adds_nobody(people):
    people.project.archived_at = timezone.now()
    people.project.save(update_fields=["archived_at"])
    with pytest.raises(CommandError, match="This project is archived"):
        call_command("invite", str(people.project.pk), "ada@example.org")
    assert not Membership.objects.filter(project=people.project, user__username="ada").exists()
    assert not get_user_model().objects.filter(email="ada@example.org").exists()
    assert mail.outbox == []
