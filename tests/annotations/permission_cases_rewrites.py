"""Permission cases of the story rewrites API: every member of the project reads the
near-duplicate pairs of a story's documents and their alignment; outsiders get 404."""

from __future__ import annotations

from tests.annotations.permission_case import Case, everyone


def rewrites(b) -> str:  # noqa: ANN001
    return f"/api/v1/stories/{b.people.story.pk}/rewrites/?project={b.project.pk}"


def alignment(b) -> str:  # noqa: ANN001
    first, second = b.people.documents[:2]
    return (
        f"/api/v1/stories/{b.people.story.pk}/rewrites/{first.pk}/{second.pk}/"
        f"?project={b.project.pk}"
    )


CASES: list[Case] = [
    Case("story rewrite pairs", "story-rewrite-pairs", "get", rewrites, everyone(200)),
    Case("story rewrite alignment", "story-rewrite-alignment", "get", alignment, everyone(200)),
]
