"""What a signed-in person is sent (documents, annotations, pages) carries
``Cache-Control: no-store``, by session or by token.
"""

from __future__ import annotations

from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def no_store(response) -> bool:  # noqa: ANN001
    return "no-store" in response.get("Cache-Control", "")


def session_of(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def test_documents_and_annotations_sent_to_a_session_are_not_stored(people):
    client = session_of(people.annotator)
    document = people.documents[0]
    project = people.project.pk
    for url in [
        f"/api/v1/documents/{document.pk}/",
        f"/api/v1/projects/{project}/documents/",
        f"/api/v1/sets/?project={project}",
        f"/projects/{project}/documents/{document.pk}/work/",
        "/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert no_store(response), url


def test_a_set_opened_over_a_token_is_not_stored(people):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=people.annotator)}")
    document = people.documents[0]
    opened = client.post(
        "/api/v1/sets/",
        {"project": people.project.pk, "document": document.pk},
        format="json",
    )
    assert opened.status_code in (200, 201), opened.content
    assert no_store(opened)
    fetched = client.get(f"/api/v1/sets/{opened.json()['id']}/")
    assert fetched.status_code == 200
    assert no_store(fetched)
