"""The forms of a person's own account pages: name (the e-mail is shown read-only, never
edited), and the password reset that reaches invited people too."""

from __future__ import annotations

from collections.abc import Iterator

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import AbstractBaseUser

from annotations.services.people import reset_mail_allowed


class AccountForm(forms.Form):
    first_name = forms.CharField(label="First name", max_length=150, required=False)
    last_name = forms.CharField(label="Last name", max_length=150, required=False)


class ResetForEveryoneForm(PasswordResetForm):
    """Django's reset form, except that an invited person who never chose a password (an
    unusable one) is sent a link too. The page answers the same whether or not an account
    has the address, so it tells nobody who has an account; past the hourly limit of mails
    to one address, nothing more is sent (the same answer again)."""

    def get_users(self, email: str) -> Iterator[AbstractBaseUser]:
        if not reset_mail_allowed(email):
            return iter(())
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return iter(users)
