"""The documents page (managers only): the shell with the project's stories and the
outlets the manager can see for its filter and edit form; others are told why not."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _get(user, people):  # noqa: ANN001, ANN202
    client = Client()
    client.force_login(user)
    return client.get(f"/projects/{people.project.pk}/documents/")


def test_a_manager_opens_the_documents_page_with_its_stories_and_outlets(people):
    response = _get(people.manager, people)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-project-id="{people.project.pk}"' in html
    start = html.index('id="document-choices"')
    payload = html[html.index(">", start) + 1 : html.index("</script>", start)]
    choices = json.loads(payload)
    assert choices["stories"] == [{"id": people.story.pk, "name": people.story.name}]
    assert sorted(choices["outlets"]) == sorted(d.outlet.name for d in people.documents)


@pytest.mark.parametrize("who", ["reviewer", "annotator"])
def test_reviewers_and_annotators_are_told_only_managers_manage_documents(people, who):
    response = _get(getattr(people, who), people)
    assert response.status_code == 403
    assert "Only the project&#x27;s managers may manage its documents." in response.content.decode()


def test_the_project_home_links_managers_to_the_documents_page(people):
    client = Client()
    client.force_login(people.manager)
    html = client.get(f"/projects/{people.project.pk}/").content.decode()
    assert f'href="/projects/{people.project.pk}/documents/"' in html
    client.force_login(people.reviewer)
    html = client.get(f"/projects/{people.project.pk}/").content.decode()
    assert f'href="/projects/{people.project.pk}/documents/"' not in html
