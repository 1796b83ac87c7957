"""A duplicated project keeps the source registry: its schema's registry attribute would
otherwise name keys the copy does not have."""

from __future__ import annotations

from django.contrib.auth.models import Permission

from annotations.models import Project, SourceEntry
from annotations.services.sources import source_create


def test_a_duplicate_has_the_registry_with_its_keys_and_aliases(bench, client_for):
    source_create(
        project=bench.project,
        data={"name": "Hamas", "kind": "named_organisation", "aliases": ["the movement"]},
    )
    manager = bench.people.manager
    manager.user_permissions.add(Permission.objects.get(codename="create_project"))
    manager = type(manager).objects.get(pk=manager.pk)
    response = client_for(manager).post(f"/api/v1/projects/{bench.project.pk}/duplicate/")
    assert response.status_code == 201, response.content
    copy = Project.objects.get(pk=response.json()["id"])
    [entry] = SourceEntry.objects.filter(project=copy)
    assert (entry.key, entry.name, entry.kind) == ("hamas", "Hamas", "named_organisation")
    assert [a.alias for a in entry.aliases.all()] == ["the movement"]
    assert SourceEntry.objects.filter(project=bench.project).count() == 1, "the original keeps it"
