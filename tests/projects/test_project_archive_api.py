"""Archiving: ``POST /api/v1/projects/{id}/archive/`` and ``/unarchive/``. An archived project
is read-only (every write through the API answers 409 with one reason), annotators and
reviewers lose it from their lists, managers keep it; unarchiving gives everything back."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.urls import get_resolver

from annotations.models import Project
from annotations.services.project_archive import project_archive
from tests.annotations.permission_matrix import CASES, Case
from tests.annotations.test_permissions import call, user_of

pytestmark = pytest.mark.django_db

REASON = "This project is archived; unarchive it to change it."
WRITES = {"post", "put", "patch", "delete"}
# Writes that stay open in an archived project: they change nothing in it (or undo the
# archive itself). Exports are reads done in the background.
STILL_OPEN = {
    ("project-archive", "post"),
    ("project-unarchive", "post"),
    ("project-duplicate", "post"),
    ("project-detail", "delete"),
    ("project-export-jobs", "post"),
    ("guidelines-preview", "post"),  # no project: renders Markdown for a form
}


def corpus_routes() -> set[str]:
    return {p.name for p in get_resolver("corpus.api.urls").url_patterns if p.name}


def write_cases() -> list[tuple[Case, str]]:
    """Every project write of the permission matrix with a role it succeeds for."""
    found = []
    for case in CASES:
        if case.method not in WRITES or (case.route, case.method) in STILL_OPEN:
            continue
        if case.route in corpus_routes() or case.route.startswith("auth-"):
            continue
        allowed = [r for r in ("owner", "manager", "reviewer") if case.expect[r] < 300]
        if allowed:
            found.append((case, allowed[0]))
    return found


def archive(client_for: Any, bench: Any) -> Any:
    return client_for(bench.people.manager).post(f"/api/v1/projects/{bench.project.pk}/archive/")


def test_a_manager_archives_and_unarchives_a_project(bench, client_for):
    client = client_for(bench.people.manager)
    url = f"/api/v1/projects/{bench.project.pk}/"

    archived = client.post(url + "archive/")
    assert archived.status_code == 200, archived.content
    assert archived.json()["archived_at"] is not None
    again = client.post(url + "archive/").json()
    assert again["archived_at"] == archived.json()["archived_at"]

    unarchived = client.post(url + "unarchive/")
    assert unarchived.status_code == 200
    assert unarchived.json()["archived_at"] is None
    assert Project.objects.get(pk=bench.project.pk).archived_at is None


@pytest.mark.parametrize(
    ("case", "role"), write_cases(), ids=[f"{c.name}" for c, _ in write_cases()]
)
def test_every_write_in_an_archived_project_is_refused_with_the_reason(
    case, role, bench, client_for
):
    archive(client_for, bench)

    response = call(client_for(user_of(bench, role)), case, bench)

    assert response.status_code == 409, response.content
    assert response.json()["error"]["message"] == REASON


def test_writes_work_again_after_unarchiving(bench, client_for):
    archive(client_for, bench)
    client_for(bench.people.manager).post(f"/api/v1/projects/{bench.project.pk}/unarchive/")

    response = client_for(bench.people.annotator).put(
        f"/api/v1/sets/{bench.aset.pk}/", {"version": bench.aset.version}, format="json"
    )
    assert response.status_code == 200, response.content


def listed(client: Any) -> dict[int, Any]:
    return {row["id"]: row for row in client.get("/api/v1/projects/").json()["results"]}


def test_annotators_and_reviewers_lose_an_archived_project_from_their_lists(bench, client_for):
    archive(client_for, bench)
    people = bench.people

    assert bench.project.pk not in listed(client_for(people.annotator))
    assert bench.project.pk not in listed(client_for(people.reviewer))
    assert listed(client_for(people.manager))[bench.project.pk]["archived_at"] is not None


def test_an_archived_projects_queue_hands_out_no_work(bench, client_for):
    archive(client_for, bench)
    response = client_for(bench.people.other_annotator).get(
        f"/api/v1/projects/{bench.project.pk}/queue/next/"
    )
    assert response.status_code == 204


def test_an_archived_project_can_still_be_read_and_exported(bench, client_for):
    archive(client_for, bench)
    client = client_for(bench.people.reviewer)
    assert client.get(f"/api/v1/sets/{bench.aset.pk}/").status_code == 200
    assert (
        client.get(f"/api/v1/projects/{bench.project.pk}/export/?format=jsonl").status_code == 200
    )


def test_the_import_command_refuses_an_archived_project_with_the_reason(bench, tmp_path):
    project_archive(project=bench.project)
    records = tmp_path / "records.jsonl"
    records.write_text("{}\n")
    with pytest.raises(CommandError, match="This project is archived"):
        call_command("import_annotations", str(records), project=bench.project.pk, format="jsonl")
