"""Fixtures shared with other test folders: the annotated project of the exchange tests."""

from __future__ import annotations

from tests.exchange.conftest import annotated  # noqa: F401
