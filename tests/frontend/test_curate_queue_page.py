"""The Curate queue page (``/projects/<p>/curate/``): for reviewers and managers only, linked
from the project home for them, a shell whose list and counts come from the curation API."""

from __future__ import annotations

import pytest
from django.test import Client

from annotations.services.annotation_sets import annotation_set_open

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "who, status",
    [("manager", 200), ("reviewer", 200), ("annotator", 403), ("outsider", 404)],
)
def test_who_opens_the_curate_queue(people, who, status):
    response = client_as(getattr(people, who)).get(f"/projects/{people.project.pk}/curate/")
    assert response.status_code == status


def test_a_project_that_does_not_exist_is_not_found(people):
    assert client_as(people.manager).get("/projects/999999/curate/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(people):
    response = Client().get(f"/projects/{people.project.pk}/curate/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_project_home_links_to_it_for_reviewers_and_managers_only(people):
    home = f"/projects/{people.project.pk}/"
    link = f'href="/projects/{people.project.pk}/curate/"'
    assert link in client_as(people.manager).get(home).content.decode()
    assert link in client_as(people.reviewer).get(home).content.decode()
    assert link not in client_as(people.annotator).get(home).content.decode()


def test_the_project_home_shows_reviewers_and_managers_a_curation_card(people):
    home = f"/projects/{people.project.pk}/"
    card = 'id="curation-counts"'
    script = "/static/frontend/js/project_home_curation.js"
    for who in (people.manager, people.reviewer):
        html = client_as(who).get(home).content.decode()
        assert card in html and script in html
    html = client_as(people.annotator).get(home).content.decode()
    assert card not in html and script not in html


def test_the_page_offers_the_projects_stories_outlets_and_review_states(people):
    html = client_as(people.reviewer).get(f"/projects/{people.project.pk}/curate/").content.decode()
    assert f'<option value="{people.story.pk}">{people.story.name}</option>' in html
    outlet = people.documents[0].outlet
    assert f'<option value="{outlet.name}">{outlet.name}</option>' in html
    for state in ("unreviewed", "in_review", "curated", "returned", "ready"):
        assert f'<option value="{state}">' in html
    assert '<script type="module" src="/static/frontend/js/curate_queue.js"></script>' in html
    assert " style=" not in html and "<script>" not in html


def test_auto_merge_asks_by_default_for_as_many_layers_as_the_project_wants(people):
    html = client_as(people.reviewer).get(f"/projects/{people.project.pk}/curate/").content.decode()
    needed = people.project.annotators_per_document
    assert f'name="min_agreeing" type="number" min="1" step="1" value="{needed}"' in html


def test_auto_merge_offers_the_projects_model_layers_to_count_as_layers(people):
    page = f"/projects/{people.project.pk}/curate/"
    assert 'name="models"' not in client_as(people.reviewer).get(page).content.decode()
    annotation_set_open(
        project=people.project,
        document=people.documents[0],
        author=None,
        kind="model",
        model_name="rules",
    )
    html = client_as(people.reviewer).get(page).content.decode()
    assert '<input type="checkbox" name="models" value="rules"' in html
