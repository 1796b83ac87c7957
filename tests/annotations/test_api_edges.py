"""The edges of the API: the error envelope, hostile input, token auth, search and the
OpenAPI pages."""

from __future__ import annotations

import pytest
from django.test import override_settings

from annotations.services.projects import project_create, project_documents_add
from tests import factories
from tests.annotations.conftest import (
    assert_error,
    put_set,
    span_payload,
)

# --- envelope, auth, search, docs --------------------------------------------------------


def test_an_unknown_api_url_gets_404_in_the_envelope(client_for, people):
    assert_error(client_for(people.manager).get("/api/v1/nothing-here/"), 404, "not_found")


def test_a_wrong_method_gets_405_in_the_envelope(bench, owner):
    assert_error(owner.delete("/api/v1/projects/"), 405)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_json_body_over_the_limit_gets_413_in_the_envelope(people, client_for):
    client = client_for(people.annotator)
    body = client.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    response = client.put(
        f"/api/v1/sets/{body['id']}/",
        data='{"version": 1, "padding": "' + "x" * 2000 + '"}',
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_serializer_errors_name_the_field(people, client_for):
    response = client_for(people.manager).post(
        f"/api/v1/projects/{people.project.pk}/members/", {"username": "x"}, format="json"
    )
    error = assert_error(response, 400, "invalid")
    assert "role" in error["details"]


@pytest.mark.parametrize(
    "query",
    [
        "author=%00",
        "status=a%00b",
        "document=%C2%B2",
        "document=99999999999999999999999",
        "project=abc",
    ],
)
def test_hostile_query_parameters_get_400_not_500(bench, owner, query):
    base = "" if query.startswith("project=") else f"project={bench.project.pk}&"
    assert_error(owner.get(f"/api/v1/sets/?{base}{query}"), 400)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/documents/?outlet=%00",
        "/api/v1/documents/?q=%00",
        "/api/v1/documents/?story=%C2%B2",
        "/api/v1/projects/{project}/documents/?story=%C2%B2",
        "/api/v1/projects/{project}/documents/?outlet=a%00",
    ],
)
def test_hostile_document_filters_get_400_not_500(bench, owner, url):
    assert_error(owner.get(url.format(project=bench.project.pk)), 400)


def test_a_huge_id_in_the_path_gets_404(owner):
    assert_error(owner.get("/api/v1/projects/99999999999999999999999999/"), 404)
    assert_error(owner.get("/api/v1/spans/99999999999999999999999999/"), 404)


def test_a_huge_id_in_a_body_gets_a_4xx(bench, owner):
    response = owner.post("/api/v1/sets/", {"project": 10**30, "document": 10**30}, format="json")
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)


def test_a_nul_in_a_text_attribute_gets_400(bench, owner):
    span = span_payload(bench.text, "SOURCE", "minister", attributes={"side": "a\x00b"})
    assert (
        "spans[0].attributes"
        in assert_error(put_set(owner, bench.aset, spans=[span]), 400)["details"]
    )


def test_a_nul_in_relation_attributes_gets_400_not_500(bench, owner):
    rel = {
        "type": "ATTRIBUTED_TO",
        "source": bench.claim.pk,
        "target": bench.source2.pk,
        "attributes": {"note": "a\x00b"},
    }
    assert_error(owner.post(f"/api/v1/sets/{bench.aset.pk}/relations/", rel, format="json"), 400)


def test_a_token_from_the_token_endpoint_authenticates_scripts(people):
    from rest_framework.test import APIClient

    client = APIClient()
    issued = client.post(
        "/api/v1/auth/token/", {"username": "annotator", "password": "pw-for-tests"}, format="json"
    )
    assert issued.status_code == 200, issued.content
    token = issued.json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    listed = client.get("/api/v1/projects/")
    assert listed.status_code == 200
    assert [p["id"] for p in listed.json()["results"]] == [people.project.pk]
    again = APIClient().post(
        "/api/v1/auth/token/", {"username": "annotator", "password": "pw-for-tests"}, format="json"
    )
    assert again.json()["token"] == token


def test_a_wrong_password_or_token_gets_401(people):
    from rest_framework.test import APIClient

    wrong = APIClient().post(
        "/api/v1/auth/token/", {"username": "annotator", "password": "nope"}, format="json"
    )
    assert_error(wrong, 401)
    missing = APIClient().post("/api/v1/auth/token/", {"username": "annotator"}, format="json")
    assert "password" in assert_error(missing, 400)["details"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert_error(client.get("/api/v1/projects/"), 401)


def test_full_text_search_finds_project_documents_by_word(people, client_for):
    strike = factories.DocumentFactory(text="Dockers went on strike at the harbour on Monday.")
    project_documents_add(project=people.project, documents=[strike])
    url = f"/api/v1/projects/{people.project.pk}/documents/"
    client = client_for(people.annotator)
    found = client.get(url, {"q": "strikes"}).json()["results"]  # stemmed
    assert [d["id"] for d in found] == [strike.pk]
    assert len(client.get(url, {"q": "minister"}).json()["results"]) == 3
    assert client.get(url, {"q": "zebra"}).json()["results"] == []
    assert client.get(url, {"q": '"talks had" -strike'}).status_code == 200


def test_full_text_search_on_the_corpus_sees_only_visible_documents(people, client_for):
    outside = factories.DocumentFactory(text="A strike nobody in this project can see.")
    project_create(name="elsewhere", owner=people.outsider)
    found = client_for(people.annotator).get("/api/v1/documents/", {"q": "strike"})
    assert outside.pk not in [d["id"] for d in found.json()["results"]]


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/"])
def test_the_openapi_schema_and_swagger_ui_respond(client_for, people, url):
    response = client_for(people.annotator).get(url)
    assert response.status_code == 200
