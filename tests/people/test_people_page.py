"""The people page as the server renders it: managers with the add form, reviewers
read-only, annotators refused with the reason; the project's settings point to it."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def page(people, who: str):  # noqa: ANN001, ANN201
    client = Client()
    client.force_login(getattr(people, who))
    return client.get(f"/projects/{people.project.pk}/people/")


def test_a_manager_gets_the_page_with_the_form_to_add_people(people):
    response = page(people, "manager")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-manager="true"' in html
    assert 'id="person-add"' in html


def test_a_reviewer_reads_the_page_without_the_form(people):
    response = page(people, "reviewer")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-manager="false"' in html
    assert 'id="person-add"' not in html


@pytest.mark.parametrize("who", ["annotator", "other_annotator"])
def test_an_annotator_is_refused_with_the_reason(people, who):
    response = page(people, who)
    assert response.status_code == 403
    assert "managers and reviewers may see" in response.content.decode()


def test_the_settings_members_section_links_to_the_people_page(people):
    client = Client()
    client.force_login(people.manager)
    html = client.get(f"/projects/{people.project.pk}/settings/").content.decode()
    assert f'href="/projects/{people.project.pk}/people/"' in html
