"""Fixtures for comments, suggestion decisions and set history: the annotation tests'
bench (an annotator's set with a claim, two sources, a relation and a stance; the gold set
and a model set on the same document) and a client for the set's owner."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from tests.annotations.conftest import Bench, build_bench


@pytest.fixture
def bench(people: factories.People) -> Bench:
    return build_bench(people)


@pytest.fixture
def owner(bench: Bench, client_for: Any) -> Any:
    """The client of the annotator whose set the bench filled in."""
    return client_for(bench.people.annotator)
