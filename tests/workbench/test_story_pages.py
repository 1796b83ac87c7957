"""The stories page and the story workbench as the server renders them: every member opens
them, the layer picker offers the layers the person may read, and the page leaves room for
the other tools of a story."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import StoryFactory, people_in_project
from tests.seed_story import seed_story_project

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def seed():
    people = people_in_project(n_documents=0)
    return people, seed_story_project(people.project, people.manager)


def test_the_stories_page_lists_the_seed_story_with_its_outlets_and_gold_claims(seed):
    people, story = seed
    page = client_as(people.reviewer).get(f"/projects/{people.project.pk}/stories/")
    html = page.content.decode()
    assert page.status_code == 200
    assert story.story.name in html
    assert "Al Mayadeen, Axios, CNN, The Times of Israel" in html
    assert f"/projects/{people.project.pk}/stories/{story.story.pk}/?layer=gold" in html
    assert '<td class="num">5</td>' in html  # documents
    assert '<td class="num">0</td>' not in html  # the gold layer has claims


def test_the_project_homes_nav_links_to_the_stories(seed):
    people, _ = seed
    html = client_as(people.reviewer).get(f"/projects/{people.project.pk}/").content.decode()
    assert f'href="/projects/{people.project.pk}/stories/"' in html


def test_an_annotator_reaches_the_stories_from_the_queue_card(seed):
    people, _ = seed
    html = client_as(people.annotator).get(f"/projects/{people.project.pk}/").content.decode()
    assert f'id="to-stories" href="/projects/{people.project.pk}/stories/"' in html


def test_a_reviewer_opens_the_workbench_with_every_layer_in_the_picker(seed):
    people, story = seed
    url = f"/projects/{people.project.pk}/stories/{story.story.pk}/"
    html = client_as(people.reviewer).get(url).content.decode()
    assert 'data-layer="gold"' in html
    assert '<option value="gold" selected>gold</option>' in html
    assert '<div id="story-tools">' in html  # the tools' mount (the Rewrites link is in it)
    assert "format=csv" in html


def test_a_blind_projects_annotator_gets_only_their_own_layer_even_asking_for_gold(seed):
    people, story = seed
    url = f"/projects/{people.project.pk}/stories/{story.story.pk}/?layer=gold"
    html = client_as(people.annotator).get(url).content.decode()
    assert 'data-layer="annotator:annotator"' in html
    assert html.count("<option ") == 1
    assert 'value="gold"' not in html


def test_a_story_that_is_not_in_the_project_is_404(seed):
    people, _ = seed
    elsewhere = StoryFactory()
    url = f"/projects/{people.project.pk}/stories/{elsewhere.pk}/"
    assert client_as(people.manager).get(url).status_code == 404


def test_a_project_without_stories_says_how_to_make_one():
    people = people_in_project(n_documents=0)
    html = client_as(people.manager).get(f"/projects/{people.project.pk}/stories/").content
    assert b"No document of this project belongs to a story yet" in html
