"""People: a manager invites someone into a project by e-mail, and a person edits their own
name (not their e-mail: see ``account_update``).

Inviting (``person_invite``), by the project's managers only (the API checks the role):
- an e-mail no account has: a new account is made with a username derived from the address
  (shown to the manager) and no usable password, added in the chosen role, and sent a
  one-time link to set a password (Django's password-reset token: it stops working once a
  password is set, or after ``PASSWORD_RESET_TIMEOUT``);
- an e-mail of exactly one account: that account is added in the chosen role (a role it
  already has is changed); if it has no password yet (invited before, never finished), a
  fresh set-password link is mailed to it, but never shown to the manager: only the owner of
  the address may use it (else a manager could take over any account without a password,
  an administrator's made with ``createsuperuser --noinput`` say); an account that has a
  password is only told it was added;
- an e-mail several accounts share is refused: add one of them by username.
The mail goes through Django's e-mail framework after the accounts are written; a mail that
cannot be sent is reported (``emailed`` false with the reason), never a lost invitation: the
manager is shown the link to pass on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from annotations.models import Project
from annotations.services.errors import DomainError
from annotations.services.project_archive import project_writable
from annotations.services.projects import membership_set

USERNAME_MAX = 150
INVITATION_MAILS_PER_HOUR = 5  # to one address, so invitations cannot flood an inbox
_NOT_USERNAME = re.compile(r"[^\w.+-]+", re.ASCII)


@dataclass(frozen=True)
class Invitation:
    username: str
    email: str
    role: str
    account_created: bool
    set_password_url: str | None  # a new account's link, for the manager to pass on; else None
    emailed: bool
    mail_problem: str


def normalised_email(email: str) -> str:
    """The address trimmed, its domain lower-cased; a DomainError naming ``email`` if it is
    not an address."""
    email = get_user_model().objects.normalize_email((email or "").strip())
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError("This is not an e-mail address.", {"email": error.messages}) from error
    return email


def username_for_email(email: str) -> str:
    """A free username made from the address's local part (letters, digits and . + - _),
    with 2, 3, ... appended when it is taken."""
    base = _NOT_USERNAME.sub("", email.split("@", 1)[0].lower()).strip(".+-") or "user"
    base = base[: USERNAME_MAX - 6]
    users = get_user_model().objects
    taken = set(
        users.filter(username__istartswith=base).values_list("username", flat=True).iterator()
    )
    taken = {name.lower() for name in taken}
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    return candidate


def set_password_path(user: AbstractBaseUser) -> str:
    """The one-time set-password page of ``user`` (path only)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("account-welcome", kwargs={"uidb64": uid, "token": token})


def person_invite(
    *,
    project: Project,
    email: str,
    role: str,
    invited_by: AbstractBaseUser | None,
    site_url: str,
) -> Invitation:
    """Add the person with ``email`` to ``project`` in ``role``, making their account if
    needed, and mail them (see the module's docstring). ``site_url`` is the address the
    links start with (``https://host``); ``invited_by`` None is the site's operator (the
    ``invite`` command)."""
    project_writable(project)
    email = normalised_email(email)
    with transaction.atomic():
        user, created = _account_for(email)
        membership_set(project=project, user=user, role=role)
    site_url = site_url.rstrip("/")
    link = None if user.has_usable_password() else site_url + set_password_path(user)
    emailed, problem = _send_invitation(
        project=project, user=user, role=role, invited_by=invited_by, link=link, site_url=site_url
    )
    return Invitation(
        username=user.username,
        email=user.email,
        role=role,
        account_created=created,
        set_password_url=link if created else None,
        emailed=emailed,
        mail_problem=problem,
    )


def _account_for(email: str) -> tuple[AbstractBaseUser, bool]:
    users = get_user_model().objects
    matches = list(users.select_for_update().filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise DomainError(
            "Several accounts have this e-mail address; add the person by username instead.",
            {"email": ["several accounts have this address"]},
        )
    if matches:
        return matches[0], False
    user = users.model(username=username_for_email(email), email=email)
    user.set_unusable_password()
    user.save()
    return user, True


def _display(user: AbstractBaseUser) -> str:
    return user.get_full_name() or user.get_username()


def _send_invitation(
    *,
    project: Project,
    user: AbstractBaseUser,
    role: str,
    invited_by: AbstractBaseUser | None,
    link: str | None,
    site_url: str,
) -> tuple[bool, str]:
    if not invitation_mail_allowed(user.email):
        return False, (
            f"The e-mail was not sent: this address has had {INVITATION_MAILS_PER_HOUR} "
            "invitations in the last hour. The person is added; try again later or pass the "
            "link on yourself."
        )
    lines = [
        f"Hello {_display(user)},",
        "",
        f"{_display(invited_by) if invited_by else 'An administrator'} added you to the "
        f"project “{project.name}” on Claimlens as {role}.",
        "",
    ]
    if link:
        lines += [
            f"Your username is {user.get_username()}. Choose your password here (the link "
            "works once):",
            link,
        ]
    else:
        lines += ["Sign in as usual to open it:", site_url + reverse("login")]
    lines += ["", f"The project: {site_url}{reverse('project-home', args=[project.pk])}"]
    try:
        send_mail(
            subject=f"You are invited to {project.name} on Claimlens",
            message="\n".join(lines) + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
    except Exception as error:  # noqa: BLE001  (any backend failure: report it, keep the invite)
        return False, f"The e-mail could not be sent ({type(error).__name__}: {error})."
    return True, ""


def reset_mail_allowed(email: str) -> bool:
    """Whether another password-reset mail may go to ``email`` this hour (at most
    ``CLAIMLENS_RESET_MAILS_PER_HOUR``, so the form cannot flood someone's inbox). Counted
    in the shared cache whether or not an account has the address: the page answers the
    same either way."""
    return _mail_allowed("password-reset", email, settings.CLAIMLENS_RESET_MAILS_PER_HOUR)


def invitation_mail_allowed(email: str) -> bool:
    """Whether another invitation mail may go to ``email`` this hour (at most
    ``INVITATION_MAILS_PER_HOUR``, whichever project or manager sends it)."""
    return _mail_allowed("invitation", email, INVITATION_MAILS_PER_HOUR)


def _mail_allowed(kind: str, email: str, per_hour: int) -> bool:
    """Count one more mail of ``kind`` to ``email`` in the shared cache (an hour's window)
    and say whether it is within ``per_hour``."""
    key = f"{kind}:{email.strip().lower()}"
    cache.add(key, 0, timeout=3600)
    try:
        sent = cache.incr(key)
    except ValueError:  # expired between add and incr: a new hour starts
        cache.set(key, 1, timeout=3600)
        sent = 1
    return sent <= per_hour


def account_update(
    *,
    user: AbstractBaseUser,
    first_name: str,
    last_name: str,
    email: str | None = None,
) -> AbstractBaseUser:
    """A person's own name. Their e-mail is not theirs to change: invitations find an
    existing account by its address, so an address anyone could claim unverified would let
    them capture an invitation meant for someone else. An ``email`` other than the stored
    one (case aside) is refused; the address is set by the invitation or a site
    administrator."""
    if email is not None and email.strip().lower() != (user.email or "").strip().lower():
        raise DomainError(
            "Your e-mail address cannot be changed here; it is set by the invitation or a "
            "site administrator.",
            {"email": ["cannot be changed here"]},
        )
    user.first_name, user.last_name = first_name.strip()[:150], last_name.strip()[:150]
    user.save(update_fields=["first_name", "last_name"])
    return user
