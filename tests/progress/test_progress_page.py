"""The progress page as the server renders it: managers and reviewers open it, an annotator
is told why not, and the project home links to it for those who may open it."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["manager", "reviewer"])
def test_managers_and_reviewers_open_the_progress_page(people, who):
    page = client_as(getattr(people, who)).get(f"/projects/{people.project.pk}/progress/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'data-project-id="{people.project.pk}"' in html
    assert f"/api/v1/projects/{people.project.pk}/progress/?format=csv" in html
    assert f'href="/projects/{people.project.pk}/curate/?state=ready"' in html


def test_an_annotator_is_refused_the_progress_page_with_the_reason(people):
    page = client_as(people.annotator).get(f"/projects/{people.project.pk}/progress/")
    assert page.status_code == 403
    assert "managers and reviewers may see its progress matrix" in page.content.decode()


@pytest.mark.parametrize(("who", "linked"), [("manager", True), ("annotator", False)])
def test_the_project_home_links_to_the_progress_page_for_who_may_open_it(people, who, linked):
    html = client_as(getattr(people, who)).get(f"/projects/{people.project.pk}/").content.decode()
    assert (f'href="/projects/{people.project.pk}/progress/"' in html) is linked
