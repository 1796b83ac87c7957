"""Permission cases of the people figures and invitations."""

from __future__ import annotations

from tests.annotations.permission_case import Case, managers_only, p, reviewers_only

CASES = [
    # Figures compare people's work: managers and reviewers, never annotators.
    Case(
        "people figures", "project-people", "get", lambda b: p(b) + "people/", reviewers_only(200)
    ),
    Case(
        "invitation",
        "project-invitations",
        "post",
        lambda b: p(b) + "invitations/",
        managers_only(201),
        lambda b: {"email": "newcomer@example.org", "role": "annotator"},
    ),
]
