"""Fixtures for the corpus tests: the seed articles as upload-like (name, bytes) pairs."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> list[Path]:
    paths = sorted(seeds_dir.glob("*.txt"))
    if len(paths) != 5:
        pytest.fail(f"expected 5 seed articles in {seeds_dir}, found {len(paths)}")
    return paths


@pytest.fixture(scope="session")
def seed_files(seed_paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in seed_paths]
