"""Permission cases of the story workbench's table: every member reads a story of their
project (annotators their own layer by default); in a blind project an annotator asking
for the gold layer is refused (403); outsiders get 404."""

from __future__ import annotations

from tests.annotations.permission_case import Case, everyone


def claims(b, layer: str = "") -> str:  # noqa: ANN001
    url = f"/api/v1/stories/{b.people.story.pk}/claims/?project={b.project.pk}"
    return url + (f"&layer={layer}" if layer else "")


CASES: list[Case] = [
    Case("story claims", "story-claims", "get", claims, everyone(200)),
    Case(
        "story claims, gold layer",
        "story-claims",
        "get",
        lambda b: claims(b, "gold"),
        {**everyone(200), "owner": 403, "other": 403},
    ),
]
