"""Fixtures of the source registry tests: the annotation API's bench (a project on the
news-attribution preset with an annotator's filled-in set) and its owner's client."""

from __future__ import annotations

from tests.annotations.conftest import bench, owner  # noqa: F401  (fixtures used here)
