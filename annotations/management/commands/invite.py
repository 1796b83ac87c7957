"""``manage.py invite PROJECT EMAIL``: what a manager's "Add people" does with an e-mail
address (``annotations/services/people.py``), for operators and scripts: the account made
or found, the role, the mail, and a new account's set-password link printed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.models import Project, Role
from annotations.services.errors import DomainError, ProjectArchived
from annotations.services.people import person_invite


class Command(BaseCommand):
    help = "Invite someone by e-mail into a project (a new account gets a set-password link)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("project", type=int, help="the project's id")
        parser.add_argument("email", help="the person's e-mail address")
        parser.add_argument("--role", choices=Role.values, default=Role.ANNOTATOR)
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000/", help="where the site is served (links)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        project = Project.objects.filter(pk=options["project"]).first()
        if project is None:
            raise CommandError(f"No project with id {options['project']}.")
        try:
            invitation = person_invite(
                project=project,
                email=options["email"],
                role=options["role"],
                invited_by=None,
                site_url=options["url"],
            )
        except (DomainError, ProjectArchived) as error:
            raise CommandError(error.message) from error
        made = "made" if invitation.account_created else "found"
        self.stdout.write(
            f"Account {invitation.username} ({made}) is {invitation.role} in {project.name}."
        )
        if invitation.set_password_url:
            self.stdout.write(f"Link to choose a password: {invitation.set_password_url}")
        if invitation.emailed:
            self.stdout.write(f"Mailed to {invitation.email}.")
        else:
            self.stderr.write(invitation.mail_problem)
