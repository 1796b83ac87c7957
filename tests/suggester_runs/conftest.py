"""The seed story in a project (no gold), for the suggester-run tests."""

from __future__ import annotations

import pytest

from tests.factories import People, people_in_project
from tests.seed_story import SeedStory, seed_story_project


@pytest.fixture
def people() -> People:
    return people_in_project(n_documents=0)


@pytest.fixture
def seed(people: People) -> SeedStory:
    return seed_story_project(people.project, people.manager, with_gold=False)
