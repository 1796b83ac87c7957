"""A request body over the limit is refused (413) from its declared length, before any of it
is read, so a huge upload is never spooled to disk; bodies within the limit go on as before."""

from __future__ import annotations

import http.client
import io

import orjson
import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


class UnreadBody(io.BytesIO):
    """A request body that records whether anything read it."""

    read_from = False

    def read(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        self.read_from = True
        return super().read(*args, **kwargs)

    readline = read


def test_an_upload_declared_over_the_limit_is_a_413_and_never_read(people, settings):
    settings.CLAIMLENS_MAX_BODY_BYTES = 4096
    client = Client()
    client.force_login(people.manager)
    body = UnreadBody(b"x" * 100)
    response = client.post(
        f"/api/v1/projects/{people.project.pk}/import/",
        content_type="multipart/form-data; boundary=BOUNDARY",
        CONTENT_LENGTH=str(2**30),
        **{"wsgi.input": body},
    )
    assert response.status_code == 413
    error = orjson.loads(response.content)["error"]
    assert error["code"] == "too_large"
    assert "1073741824 bytes; this server takes at most 4096" in error["message"]
    assert not body.read_from


def test_a_document_upload_over_the_limit_is_refused_too(people, settings, client_for):
    settings.CLAIMLENS_MAX_BODY_BYTES = 4096
    upload = io.BytesIO(b"Officials said so.\n" * 1000)
    upload.name = "big.txt"
    response = client_for(people.manager).post(
        f"/api/v1/projects/{people.project.pk}/documents/import/",
        {"files": [upload]},
        format="multipart",
    )
    assert response.status_code == 413


def test_a_body_within_the_limit_goes_through(people, settings, client_for):
    settings.CLAIMLENS_MAX_BODY_BYTES = 4096
    upload = io.BytesIO(b"Officials said so.\n")
    upload.name = "small.txt"
    response = client_for(people.manager).post(
        f"/api/v1/projects/{people.project.pk}/documents/import/",
        {"files": [upload]},
        format="multipart",
    )
    assert response.status_code == 201


def test_a_content_length_that_is_not_a_number_is_a_400(people):
    response = Client().post("/api/v1/projects/", b"{}", "application/json", CONTENT_LENGTH="12a")
    assert response.status_code == 400


def test_the_default_limit_is_the_largest_upload_and_room_for_its_form():
    from django.conf import settings

    assert settings.CLAIMLENS_MAX_BODY_BYTES > settings.CLAIMLENS_MAX_UPLOAD_BYTES
    assert settings.CLAIMLENS_MAX_BODY_BYTES - settings.CLAIMLENS_MAX_UPLOAD_BYTES <= 2**20


def test_a_real_server_answers_the_413_too(live_server, settings):
    """Through a WSGI server (a hop-by-hop header from the app would be a 500 there; the
    development server drains a body it was sent, so this one is sent whole)."""
    settings.CLAIMLENS_MAX_BODY_BYTES = 4096
    host, port = live_server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.putrequest("POST", "/api/v1/projects/1/import/")
        connection.putheader("Content-Type", "multipart/form-data; boundary=B")
        connection.putheader("Content-Length", "8192")
        connection.endheaders()
        connection.send(b"x" * 8192)
        response = connection.getresponse()
        assert response.status == 413
        assert orjson.loads(response.read())["error"]["code"] == "too_large"
    finally:
        connection.close()
