"""The Recommenders card on the suggesters page: a manager gets the add form, the Run over
select with the project's stories and the card's script; a reviewer, and a manager of an
archived project, get the list only."""

from __future__ import annotations

import pytest
from django.test import Client

from annotations.services.project_archive import project_archive

pytestmark = pytest.mark.django_db


def card_for(user, project) -> str:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    response = client.get(f"/projects/{project.pk}/suggesters/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="recommenders"')
    return html[start : html.index("</section>", start)]


def test_a_manager_gets_the_form_and_the_stories_to_run_over(people):
    card = card_for(people.manager, people.project)
    assert 'data-can-manage="true"' in card
    assert 'id="recommender-form"' in card
    assert f'<option value="{people.story.pk}">{people.story.name}</option>' in card
    assert '<label for="recommender-name">Name</label>' in card
    assert '<label for="recommender-url">Address (http or https)</label>' in card


def test_a_reviewer_reads_the_list_without_the_form(people):
    card = card_for(people.reviewer, people.project)
    assert 'data-can-manage="false"' in card
    assert 'id="recommender-list"' in card
    assert 'id="recommender-form"' not in card
    assert 'id="recommender-run-story"' not in card


def test_an_archived_projects_manager_reads_the_list_without_the_form(people):
    project_archive(project=people.project)
    card = card_for(people.manager, people.project)
    assert 'data-can-manage="false"' in card
    assert 'id="recommender-form"' not in card


def test_the_page_loads_the_cards_script_and_stylesheet(people):
    client = Client()
    client.force_login(people.manager)
    html = client.get(f"/projects/{people.project.pk}/suggesters/").content.decode()
    assert '<script type="module" src="/static/frontend/js/recommenders.js"></script>' in html
    assert 'href="/static/frontend/css/recommenders.css"' in html
