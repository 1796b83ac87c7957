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


@pytest.fixture
def no_script_errors(page):  # noqa: ANN001
    """Fails the test on an uncaught error in the page's scripts (modules opt in with
    ``pytest.mark.usefixtures("no_script_errors")``)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield
    assert errors == []
