"""Permission cases of agreement figures (``permission_matrix.py`` runs every area's)."""

from __future__ import annotations

from tests.annotations.permission_case import Case

CASES: list[Case] = []
