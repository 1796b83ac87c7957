"""``manage.py load_demo``: load the demo story, people, project and annotation layers."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from annotations.demo import demo_load


class Command(BaseCommand):
    help = (
        "Load the demo (a fictional dock strike reported by five invented outlets), its users, "
        "project and annotation layers. Safe to run again: an existing demo is left as it is."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = demo_load()
        for message in result.messages:
            style = self.style.WARNING if message.startswith("WARNING") else self.style.SUCCESS
            self.stdout.write(style(message))
        counts = ", ".join(
            f"{value} {key.replace('_', ' ')}" for key, value in result.counts.items()
        )
        self.stdout.write(f"Demo project #{result.project.pk}: {counts}.")
