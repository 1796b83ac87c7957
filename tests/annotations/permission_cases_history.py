"""Permission cases of comments, suggestion decisions and set history."""

from __future__ import annotations

from tests.annotations.permission_case import Case

CASES: list[Case] = []
