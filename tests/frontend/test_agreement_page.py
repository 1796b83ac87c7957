"""The agreement page: managers and reviewers open it; annotators get 403 as from the API,
outsiders 404; the project home links to it only for those who may open it."""

from __future__ import annotations

import pytest
from django.test import Client

from annotations.services.projects import project_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "who, status",
    [
        ("manager", 200),
        ("reviewer", 200),
        ("annotator", 403),
        ("other_annotator", 403),
        ("outsider", 404),
    ],
)
def test_who_opens_the_agreement_page(people, who, status):
    page = client_as(getattr(people, who)).get(f"/projects/{people.project.pk}/agreement/")
    assert page.status_code == status


def test_annotators_are_refused_the_page_as_they_are_refused_the_figures(people):
    client = client_as(people.annotator)
    page = client.get(f"/projects/{people.project.pk}/agreement/")
    api = client.get(f"/api/v1/projects/{people.project.pk}/agreement/")
    assert page.status_code == api.status_code == 403


def test_a_reviewer_of_one_project_gets_404_for_another_projects_page(people):
    other = project_create(name="Someone else's", owner=UserFactory(username="elsewhere"))
    assert client_as(people.reviewer).get(f"/projects/{other.pk}/agreement/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(people):
    page = Client().get(f"/projects/{people.project.pk}/agreement/")
    assert page.status_code == 302 and "/login/" in page["Location"]


def test_the_project_home_links_to_it_for_managers_and_reviewers_only(people):
    home = f"/projects/{people.project.pk}/"
    link = f'href="/projects/{people.project.pk}/agreement/"'
    assert link in client_as(people.manager).get(home).content.decode()
    assert link in client_as(people.reviewer).get(home).content.decode()
    assert link not in client_as(people.annotator).get(home).content.decode()


def test_the_page_offers_every_measure_and_the_projects_stories(people):
    html = client_as(people.reviewer).get(f"/projects/{people.project.pk}/agreement/")
    text = html.content.decode()
    assert '<option value="spans.exact">' in text and '<option value="answers.alpha">' in text
    assert f'<option value="{people.story.pk}">{people.story.name}</option>' in text
    assert '<script type="module" src="/static/frontend/js/agreement.js"></script>' in text
    assert " style=" not in text and "<script>" not in text
