"""The recommenders API's answers keep to the shapes the OpenAPI document declares for them
(the reads, a create, a change and a check)."""

from __future__ import annotations

import pytest

from annotations.models import Recommender
from tests.annotations.conftest import bench  # noqa: F401  (a fixture)
from tests.annotations.test_openapi_contract import (  # noqa: F401  (api: a fixture)
    RECOMMENDER_READS,
    api,
    assert_keeps_to_its_schema,
)
from tests.recommenders.fake_recommender import url_of

pytestmark = pytest.mark.django_db

BASE = "/api/v1/projects/{project_id}/recommenders/"


def test_every_recommender_answer_keeps_to_its_declared_schema(
    api,  # noqa: F811
    bench,  # noqa: F811
    client_for,
    recommender_server,
):
    manager = client_for(bench.people.manager)
    recommender = Recommender.objects.create(
        project=bench.project,
        name="tagger",
        url=url_of(recommender_server, "/good"),
        labels=["CUE"],
    )
    ids = {"project_id": bench.project.pk, "recommender_id": recommender.pk}
    for path in RECOMMENDER_READS:
        response = manager.get(path.format(**ids))
        assert response.status_code == 200, (path, response.content)
        assert_keeps_to_its_schema(api, path, "get", response)
    created = manager.post(
        BASE.format(**ids), {"name": "other", "url": "http://127.0.0.1:9/"}, format="json"
    )
    assert created.status_code == 201, created.content
    assert_keeps_to_its_schema(api, BASE, "post", created)
    detail = BASE + "{recommender_id}/"
    changed = manager.patch(detail.format(**ids), {"stances": True}, format="json")
    assert_keeps_to_its_schema(api, detail, "patch", changed)
    for answer in ("/good", "/label"):
        Recommender.objects.filter(pk=recommender.pk).update(url=url_of(recommender_server, answer))
        checked = manager.post((detail + "check/").format(**ids))
        assert checked.status_code == 200, checked.content
        assert_keeps_to_its_schema(api, detail + "check/", "post", checked)
