"""The import form's JSON fields (``mapping``, ``event_mapping``): text that is not JSON, or
JSON nested past what the reader takes, is a 400 naming the field."""

from __future__ import annotations

import io

import orjson
import pytest

from annotations.services.projects import project_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def target(db):  # noqa: ANN001
    owner = UserFactory(username="importer")
    return project_create(name="Target", owner=owner), owner


def posted(client_for, target, fmt: str, **fields):  # noqa: ANN001, ANN201
    project, owner = target
    upload = io.BytesIO(b'{"text": "Officials said so."}\n')
    upload.name = "in.jsonl"
    return client_for(owner).post(
        f"/api/v1/projects/{project.pk}/import/",
        {"format": fmt, "files": [upload], **fields},
        format="multipart",
    )


@pytest.mark.parametrize("field", ["mapping", "event_mapping"])
@pytest.mark.parametrize("depth", [100_000, 1_100])
def test_json_nested_too_deep_in_a_form_field_is_a_400(client_for, target, field, depth):
    response = posted(client_for, target, "mapped-jsonl", **{field: "[" * depth + "]" * depth})
    assert response.status_code == 400
    assert field in orjson.loads(response.content)["error"]["details"]


def test_a_form_field_that_is_not_json_is_a_400(client_for, target):
    response = posted(client_for, target, "mapped-jsonl", mapping="{text: body}")
    assert response.status_code == 400
    assert orjson.loads(response.content)["error"]["details"]["mapping"] == [
        "Value must be valid JSON."
    ]


@pytest.mark.parametrize("field", ["mapping", "event_mapping"])
def test_an_object_nested_as_deep_as_the_reader_takes_is_refused_as_a_400(
    client_for, target, field
):
    response = posted(
        client_for, target, "mapped-jsonl", **{field: '{"a":' * 1000 + "1" + "}" * 1000}
    )
    assert response.status_code == 400
