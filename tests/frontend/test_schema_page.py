"""The label schema page as the server renders it: managers only, its module, its links."""

from __future__ import annotations

import pytest

from tests.frontend.test_pages import client_as

pytestmark = pytest.mark.django_db


def schema_url(people) -> str:  # noqa: ANN001
    return f"/projects/{people.project.pk}/schema/"


def test_a_manager_opens_the_schema_editor_and_it_loads_its_module(people):
    response = client_as(people.manager).get(schema_url(people))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<script type="module" src="/static/frontend/js/schema_editor.js"></script>' in html
    assert "<script>" not in html
    assert " style=" not in html


@pytest.mark.parametrize("who", ["reviewer", "annotator"])
def test_a_member_who_is_not_a_manager_gets_403_with_the_reason(people, who):
    response = client_as(getattr(people, who)).get(schema_url(people))
    assert response.status_code == 403
    assert "Only the project&#x27;s managers may change its schema." in response.content.decode()


@pytest.mark.parametrize("page", ["/projects/{}/", "/projects/{}/settings/"])
def test_the_project_home_and_settings_link_managers_to_the_schema_editor(people, page):
    html = client_as(people.manager).get(page.format(people.project.pk)).content.decode()
    assert f'href="{schema_url(people)}"' in html


def test_annotators_get_no_link_to_the_schema_editor(people):
    html = client_as(people.annotator).get(f"/projects/{people.project.pk}/").content.decode()
    assert f'href="{schema_url(people)}"' not in html
