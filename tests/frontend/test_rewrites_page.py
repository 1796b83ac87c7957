"""The rewrites page of a story as the server renders it: every member opens it, it carries
the project and story for its script, and a story the project does not hold is not found."""

from __future__ import annotations

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def rewrites_url(people, story=None) -> str:  # noqa: ANN001
    story = story or people.story
    return f"/projects/{people.project.pk}/stories/{story.pk}/rewrites/"


@pytest.mark.parametrize("who", ["manager", "reviewer", "annotator", "other_annotator"])
def test_every_member_opens_the_rewrites_page_of_a_story_of_the_project(people, who):
    response = client_as(getattr(people, who)).get(rewrites_url(people))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-project-id="{people.project.pk}"' in html
    assert f'data-story-id="{people.story.pk}"' in html
    assert people.story.name in html
    assert '<script type="module" src="/static/frontend/js/rewrites.js"></script>' in html
    assert "<script>" not in html and " style=" not in html


def test_a_story_the_project_does_not_hold_is_not_found(people):
    elsewhere = factories.StoryFactory(name="Another event")
    factories.DocumentFactory(story=elsewhere)
    response = client_as(people.manager).get(rewrites_url(people, elsewhere))
    assert response.status_code == 404


def test_the_story_workbench_links_to_the_rewrites_and_back(people):
    client = client_as(people.reviewer)
    workbench = f"/projects/{people.project.pk}/stories/{people.story.pk}/"
    assert f'href="{rewrites_url(people)}"' in client.get(workbench).content.decode()
    assert f'href="{workbench}"' in client.get(rewrites_url(people)).content.decode()
