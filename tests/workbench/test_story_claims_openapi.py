"""The story workbench's table keeps to the shape the OpenAPI document declares for it, with
a registry entry on a source ({id, key, name, kind} from the span's ``entry`` attribute)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from annotations.models import Span
from annotations.services.sources import source_create
from tests.annotations.test_openapi_contract import (  # noqa: F401  (api: a fixture)
    api,
    assert_keeps_to_its_schema,
)
from tests.factories import people_in_project
from tests.seed_story import seed_story_project

pytestmark = pytest.mark.django_db

PATH = "/api/v1/stories/{story_id}/claims/"


def test_the_table_keeps_to_its_declared_schema_with_a_registry_entry(api):  # noqa: F811
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    entry = source_create(
        project=people.project,
        data={"name": "A U.S. official", "kind": "anonymous_official", "key": "us-official"},
    )
    named = Span.objects.filter(
        annotation_set__project=people.project, label="SOURCE", text="one official"
    )
    assert named.exists()
    for span in named:
        span.attributes = {**span.attributes, "source_type": "other", "entry": entry.key}
        span.save(update_fields=["attributes"])
    client = APIClient()
    client.force_authenticate(people.reviewer)
    response = client.get(PATH.format(story_id=seed.story.pk), {"project": people.project.pk})
    assert response.status_code == 200
    assert_keeps_to_its_schema(api, PATH, "get", response)
    table = response.json()
    sources = [
        claim["source"]
        for row in table["rows"]
        for cell in row["cells"]
        for claim in cell["claims"]
        if claim["source"] and claim["source"]["text"] == "one official"
    ]
    expected = {
        "id": entry.pk,
        "key": "us-official",
        "name": "A U.S. official",
        "kind": "anonymous_official",
    }
    assert sources and all(s["entry"] == expected for s in sources)
