"""``manage.py demo_logins``: print where the service runs and the demo logins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from annotations.demo import (
    ADMIN_USERNAME,
    DEFAULT_PASSWORD,
    DEMO_USERS,
    PASSWORD_ENV,
    PROJECT_NAME,
    demo_password,
)


class Command(BaseCommand):
    help = "Print the URL of the service and the demo logins (after load_demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="where it is served")

    def handle(self, *args: Any, **options: Any) -> None:
        url = options["url"].rstrip("/") + "/"
        _, from_env = demo_password()
        if from_env:
            password = f"the value of {PASSWORD_ENV} when load_demo first ran"
        else:
            password = (
                f"{DEFAULT_PASSWORD!r} (the demo default; set {PASSWORD_ENV} before the first "
                "load_demo to choose another)"
            )
        lines = [
            "",
            f"Claimlens is at {url}",
            f"  demo project: {PROJECT_NAME}",
            f"  API docs:     {url}api/docs/",
            f"  Django admin: {url}admin/ (user {ADMIN_USERNAME!r}, superuser)",
            "",
            "Demo logins:",
        ]
        width = max(len(name) for name in DEMO_USERS)
        for name, (role, purpose) in DEMO_USERS.items():
            lines.append(f"  {name:<{width}}  {role:<9}  {purpose}")
        lines += ["", f"Password for every demo login: {password}", ""]
        self.stdout.write("\n".join(lines))
        if not from_env:
            self.stdout.write(
                self.style.WARNING("This is a demo password: never use it in production.")
            )
