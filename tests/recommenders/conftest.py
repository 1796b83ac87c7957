"""The local recommender the recommender tests talk to (``fake_recommender.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.recommenders.fake_recommender import _Server, fake_recommender


@pytest.fixture
def recommender_server() -> Iterator[_Server]:
    with fake_recommender() as server:
        yield server
