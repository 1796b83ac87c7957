"""The curation view's page as the server renders it: its document's reviewers and managers
open it; annotators are refused (403); outsiders, and documents not in the project, get 404."""

from __future__ import annotations

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def page_url(people, document_id: int | None = None) -> str:  # noqa: ANN001
    document_id = document_id if document_id is not None else people.documents[0].pk
    return f"/projects/{people.project.pk}/curate/{document_id}/"


@pytest.mark.parametrize("who", ["manager", "reviewer"])
def test_reviewers_and_managers_open_the_curation_view_of_a_document(people, who):
    response = client_as(getattr(people, who)).get(page_url(people))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="curate"' in html
    assert f'data-document="{people.documents[0].pk}"' in html
    assert "curate_view.js" in html
    assert people.documents[0].title in html


@pytest.mark.parametrize("who", ["annotator", "other_annotator"])
def test_annotators_are_refused_the_curation_view(people, who):
    response = client_as(getattr(people, who)).get(page_url(people))
    assert response.status_code == 403


def test_an_outsider_gets_404(people):
    assert client_as(people.outsider).get(page_url(people)).status_code == 404


def test_a_document_not_in_the_project_gets_404(people):
    elsewhere = factories.DocumentFactory()
    assert client_as(people.reviewer).get(page_url(people, elsewhere.pk)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(people):
    response = client_as(None).get(page_url(people))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
