"""Permission cases of curation: review states, the curate queue, gold, auto-merge."""

from __future__ import annotations

from tests.annotations.permission_case import Case

CASES: list[Case] = []
