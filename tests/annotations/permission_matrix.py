"""The permission matrix: one ``Case`` per endpoint and method of ``annotations/api/urls.py``
and ``corpus/api/urls.py``, with the status each role gets (manager, reviewer, the set's
owner, another annotator, an outsider, an anonymous caller; DESIGN.md section 3 "People",
conventions 6). ``tests/annotations/test_permissions.py`` runs it and checks it covers every
route."""

from __future__ import annotations

from typing import Any

from tests.annotations import (
    permission_cases_access,
    permission_cases_agreement,
    permission_cases_curation,
    permission_cases_documents,
    permission_cases_history,
    permission_cases_people,
    permission_cases_progress,
    permission_cases_projects,
    permission_cases_quality,
    permission_cases_recommenders,
    permission_cases_rewrites,
    permission_cases_schema,
    permission_cases_sources,
    permission_cases_story_claims,
    permission_cases_suggester_runs,
)
from tests.annotations.conftest import Bench, span_payload
from tests.annotations.permission_case import (
    GOLD_READ,
    GOLD_WRITE,
    IMPORTS_READY,
    MODEL_READ,
    MODEL_WRITE,
    ROLES,
    SET_READ,
    SET_WRITE,
    Case,
    annotators,
    everyone,
    managers_only,
    p,
    reviewers_only,
    version_body,
    write,
)

CORE_CASES = [
    Case("project list", "project-list", "get", lambda b: "/api/v1/projects/", everyone(200, 200)),
    Case(
        "project create",
        "project-list",
        "post",
        lambda b: "/api/v1/projects/",
        # A site permission, held by none of these (tests/access/test_project_creation_*).
        everyone(403, 403),
        lambda b: {"name": "Mine"},
    ),
    Case("project read", "project-detail", "get", p, everyone(200)),
    Case(
        "project change", "project-detail", "patch", p, managers_only(200), lambda b: {"name": "x"}
    ),
    Case("project delete", "project-detail", "delete", p, managers_only(204)),
    Case("schema read", "project-schema", "get", lambda b: p(b) + "schema/", everyone(200)),
    Case(
        "schema replace",
        "project-schema",
        "put",
        lambda b: p(b) + "schema/",
        managers_only(200),
        lambda b: b.project.schema.definition,
    ),
    Case("members read", "project-members", "get", lambda b: p(b) + "members/", everyone(200)),
    Case(
        "member add",
        "project-members",
        "post",
        lambda b: p(b) + "members/",
        managers_only(201),
        lambda b: {"username": "outsider", "role": "annotator"},
    ),
    Case(
        "member role change",
        "project-member-detail",
        "patch",
        lambda b: p(b) + "members/other_annotator/",
        managers_only(200),
        lambda b: {"role": "reviewer"},
    ),
    Case(
        "member remove",
        "project-member-detail",
        "delete",
        lambda b: p(b) + "members/other_annotator/",
        managers_only(204),
    ),
    Case(
        "documents read", "project-documents", "get", lambda b: p(b) + "documents/", everyone(200)
    ),
    Case(
        "documents add",
        "project-documents",
        "post",
        lambda b: p(b) + "documents/",
        managers_only(201),
        lambda b: {"story": b.people.story.pk},
    ),
    Case(
        "documents import",
        "project-documents-import",
        "post",
        lambda b: p(b) + "documents/import/",
        managers_only(400),  # no files: refused as invalid, but only once the caller may import
        lambda b: {"story": "x"},
        fmt="multipart",
        skip={} if IMPORTS_READY else dict.fromkeys(ROLES, "corpus.services is not there yet"),
    ),
    Case(
        "annotations import",
        "project-import",
        "post",
        lambda b: p(b) + "import/",
        managers_only(400),  # no files: refused as invalid, but only once the caller may import
        lambda b: {"format": "jsonl"},
        fmt="multipart",
    ),
    Case(
        "export (streamed)",
        "project-export",
        "get",
        lambda b: p(b) + "export/?format=jsonl",
        reviewers_only(200),
    ),
    Case(
        "export jobs",
        "project-export-jobs",
        "get",
        lambda b: p(b) + "exports/",
        reviewers_only(200),
    ),  # fmt: skip
    Case(
        "export job start",
        "project-export-jobs",
        "post",
        lambda b: p(b) + "exports/",
        reviewers_only(400),  # an unknown format, refused once the caller may export
        lambda b: {"format": "no-such-format"},
    ),
    Case(
        "export job",
        "export-job",
        "get",
        lambda b: f"/api/v1/exports/{export_job(b).pk}/",
        {**reviewers_only(200), "owner": 404, "other": 404, "outsider": 404},
    ),
    Case(
        "export job file",
        "export-job-download",
        "get",
        lambda b: f"/api/v1/exports/{export_job(b).pk}/download/",
        # a queued job has no file yet: 404 even for those who may see it
        {**reviewers_only(404), "owner": 404, "other": 404, "outsider": 404},
    ),
    Case("formats", "format-list", "get", lambda b: "/api/v1/formats/", everyone(200, 200)),
    Case(
        "document with sets",
        "project-document-detail",
        "get",
        lambda b: p(b) + f"documents/{b.people.documents[0].pk}/",
        everyone(200),
    ),
    Case(
        "queue next", "project-queue-next", "get", lambda b: p(b) + "queue/next/", annotators(200)
    ),
    Case(
        "set list",
        "set-list",
        "get",
        lambda b: f"/api/v1/sets/?project={b.project.pk}",
        everyone(200),
    ),
    Case(
        "set open (own)",
        "set-list",
        "post",
        lambda b: "/api/v1/sets/",
        annotators(201),
        lambda b: {"project": b.project.pk, "document": b.people.documents[1].pk},
    ),
    Case(
        "set open (gold)",
        "set-list",
        "post",
        lambda b: "/api/v1/sets/",
        reviewers_only(201),
        lambda b: {"project": b.project.pk, "document": b.people.documents[1].pk, "kind": "gold"},
    ),
    Case(
        "set open (model)",
        "set-list",
        "post",
        lambda b: "/api/v1/sets/",
        managers_only(201),
        lambda b: {
            "project": b.project.pk,
            "document": b.people.documents[1].pk,
            "kind": "model",
            "model_name": "m",
        },
    ),
    Case("set read", "set-detail", "get", lambda b: f"/api/v1/sets/{b.aset.pk}/", SET_READ),
    Case(
        "set write",
        "set-detail",
        "put",
        lambda b: f"/api/v1/sets/{b.aset.pk}/",
        SET_WRITE,
        version_body(lambda b: b.aset),
    ),
    Case(
        "set submit", "set-submit", "post", lambda b: f"/api/v1/sets/{b.aset.pk}/submit/", SET_WRITE
    ),
    Case("set skip", "set-skip", "post", lambda b: f"/api/v1/sets/{b.aset.pk}/skip/", SET_WRITE),
    Case("gold read", "set-detail", "get", lambda b: f"/api/v1/sets/{b.gold.pk}/", GOLD_READ),
    Case(
        "gold write",
        "set-detail",
        "put",
        lambda b: f"/api/v1/sets/{b.gold.pk}/",
        GOLD_WRITE,
        version_body(lambda b: b.gold),
    ),
    Case(
        "gold submit",
        "set-submit",
        "post",
        lambda b: f"/api/v1/sets/{b.gold.pk}/submit/",
        GOLD_WRITE,
    ),
    Case("model read", "set-detail", "get", lambda b: f"/api/v1/sets/{b.model.pk}/", MODEL_READ),
    Case(
        "model write",
        "set-detail",
        "put",
        lambda b: f"/api/v1/sets/{b.model.pk}/",
        MODEL_WRITE,
        version_body(lambda b: b.model),
    ),
    Case("span list", "span-list", "get", lambda b: f"/api/v1/sets/{b.aset.pk}/spans/", SET_READ),
    Case(
        "span create",
        "span-list",
        "post",
        lambda b: f"/api/v1/sets/{b.aset.pk}/spans/",
        write(201),
        lambda b: span_payload(b.text, "CUE", "said"),
    ),
    Case("span read", "span-detail", "get", lambda b: f"/api/v1/spans/{b.source.pk}/", SET_READ),
    Case(
        "span change",
        "span-detail",
        "patch",
        lambda b: f"/api/v1/spans/{b.source.pk}/",
        write(200),
        lambda b: {"attributes": {"source_type": "named_person"}},
    ),
    Case(
        "span delete",
        "span-detail",
        "delete",
        lambda b: f"/api/v1/spans/{b.source.pk}/",
        write(204),
    ),
    Case(
        "relation list",
        "relation-list",
        "get",
        lambda b: f"/api/v1/sets/{b.aset.pk}/relations/",
        SET_READ,
    ),
    Case(
        "relation create",
        "relation-list",
        "post",
        lambda b: f"/api/v1/sets/{b.aset.pk}/relations/",
        write(201),
        lambda b: {"type": "ATTRIBUTED_TO", "source": b.claim.pk, "target": b.source2.pk},
    ),
    Case(
        "relation read",
        "relation-detail",
        "get",
        lambda b: f"/api/v1/relations/{b.relation.pk}/",
        SET_READ,
    ),
    Case(
        "relation delete",
        "relation-detail",
        "delete",
        lambda b: f"/api/v1/relations/{b.relation.pk}/",
        write(204),
    ),
    Case(
        "stance list",
        "stance-list",
        "get",
        lambda b: f"/api/v1/sets/{b.aset.pk}/stances/",
        SET_READ,
    ),
    Case(
        "stance create",
        "stance-list",
        "post",
        lambda b: f"/api/v1/sets/{b.aset.pk}/stances/",
        write(201),
        lambda b: {"holder": b.source.pk, "object": b.claim.pk, "value": "favor"},
    ),
    Case(
        "stance read", "stance-detail", "get", lambda b: f"/api/v1/stances/{b.stance.pk}/", SET_READ
    ),
    Case(
        "stance delete",
        "stance-detail",
        "delete",
        lambda b: f"/api/v1/stances/{b.stance.pk}/",
        write(204),
    ),
    Case("story list", "story-list", "get", lambda b: "/api/v1/stories/", everyone(200, 200)),
    Case(
        "story read",
        "story-detail",
        "get",
        lambda b: f"/api/v1/stories/{b.people.story.pk}/",
        everyone(200),
    ),
    Case(
        "document list", "document-list", "get", lambda b: "/api/v1/documents/", everyone(200, 200)
    ),
    Case(
        "document read",
        "document-detail",
        "get",
        lambda b: f"/api/v1/documents/{b.people.documents[0].pk}/",
        everyone(200),
    ),
    Case("outlet list", "outlet-list", "get", lambda b: "/api/v1/outlets/", everyone(200, 200)),
]

# Each area of the API adds its cases in its own module (issue 10's parallel work).
CASES = [
    *CORE_CASES,
    *permission_cases_agreement.CASES,
    *permission_cases_curation.CASES,
    *permission_cases_documents.CASES,
    *permission_cases_history.CASES,
    *permission_cases_progress.CASES,
    *permission_cases_projects.CASES,
    *permission_cases_quality.CASES,
    *permission_cases_recommenders.CASES,
    *permission_cases_rewrites.CASES,
    *permission_cases_schema.CASES,
    *permission_cases_sources.CASES,
    *permission_cases_story_claims.CASES,
    *permission_cases_suggester_runs.CASES,
    *permission_cases_access.CASES,
    *permission_cases_people.CASES,
]


def export_job(bench: Bench) -> Any:
    from annotations.models import ExportJob

    return ExportJob.objects.get_or_create(project=bench.project, format="jsonl")[0]
