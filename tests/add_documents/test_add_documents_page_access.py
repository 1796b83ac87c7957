"""Who opens the Add documents page, and where it is linked from."""

from __future__ import annotations

import pytest
from django.test import Client

from annotations.services.project_archive import project_archive

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def test_a_manager_opens_the_page_with_the_stories_they_can_read(people):
    page = _client(people.manager).get(f"/projects/{people.project.pk}/documents/add/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'data-project-id="{people.project.pk}"' in html
    assert f'<option value="{people.story.name}">' in html
    assert 'accept=".csv,.htm,.html,.jsonl,.ndjson,.text,.txt,.zip"' in html


@pytest.mark.parametrize("who", ["reviewer", "annotator"])
def test_reviewers_and_annotators_are_refused_with_the_reason(people, who):
    page = _client(getattr(people, who)).get(f"/projects/{people.project.pk}/documents/add/")
    assert page.status_code == 403


@pytest.mark.parametrize("page", ["", "import/"])
def test_the_project_home_and_the_import_page_link_to_it(people, page):
    html = _client(people.manager).get(f"/projects/{people.project.pk}/{page}").content.decode()
    assert f'href="/projects/{people.project.pk}/documents/add/"' in html


def test_in_an_archived_project_the_page_says_so_and_cannot_add(people):
    project_archive(project=people.project)
    html = _client(people.manager).get(f"/projects/{people.project.pk}/documents/add/")
    text = html.content.decode()
    assert "This project is read-only" in text
    assert 'id="add-submit" disabled' in text
