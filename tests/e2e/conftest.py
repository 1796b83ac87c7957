"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Screenshots land in ``test-artifacts/`` so a person can look at what the pages show.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def screenshot_path():
    ARTIFACTS.mkdir(exist_ok=True)

    def make(name: str) -> str:
        return str(ARTIFACTS / f"{name}.png")

    return make
