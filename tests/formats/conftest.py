"""Fixtures for the pure format tests: the brat projects in ``../shared/datasets`` (the
bratiaa example, a folder per annotator; brat's news tutorial, one folder)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def bratiaa_root(datasets_dir: Path) -> Path:
    return datasets_dir / "bratiaa-example" / "example-project"


@pytest.fixture(scope="module")
def tutorial_root(datasets_dir: Path) -> Path:
    return datasets_dir / "brat-tutorial-news"
