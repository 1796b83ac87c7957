"""The source registry's answers keep to the shapes the OpenAPI document declares for them
(the reads, a create, a change and a suggestion)."""

from __future__ import annotations

from annotations.services.sources import source_create
from tests.annotations.test_openapi_contract import (  # noqa: F401  (api: a fixture)
    SOURCE_REGISTRY_READS,
    api,
    assert_keeps_to_its_schema,
)

BASE = "/api/v1/projects/{project_id}/sources/"


def test_every_registry_answer_keeps_to_its_declared_schema(api, bench, client_for):  # noqa: F811
    manager = client_for(bench.people.manager)
    entry = source_create(project=bench.project, data={"name": "Hamas", "aliases": ["it"]})
    ids = {"project_id": bench.project.pk, "entry_id": entry.pk}
    for path in SOURCE_REGISTRY_READS:
        response = manager.get(path.format(**ids), {"text": "Hamas", "layer": "gold"})
        assert response.status_code == 200, (path, response.content)
        assert_keeps_to_its_schema(api, path, "get", response)
    created = manager.post(BASE.format(**ids), {"name": "Fatah"}, format="json")
    assert_keeps_to_its_schema(api, BASE, "post", created)
    changed = manager.patch(
        BASE.format(**ids) + f"{entry.pk}/", {"affiliation": "Gaza"}, format="json"
    )
    assert_keeps_to_its_schema(api, BASE + "{entry_id}/", "patch", changed)
    aliases = manager.post(
        BASE.format(**ids) + f"{entry.pk}/aliases/", {"aliases": ["x"]}, format="json"
    )
    assert_keeps_to_its_schema(api, BASE + "{entry_id}/aliases/", "post", aliases)
