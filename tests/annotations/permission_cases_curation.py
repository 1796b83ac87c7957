"""Permission cases of curation: the curate queue and its counts, the curation view,
accepting, rejecting and merging units into gold, review states, returning a document,
background auto-merges, and the returned sets an annotator is shown. Curation is for
reviewers and managers (annotators 403, outsiders 404); blind projects stay blind."""

from __future__ import annotations

from typing import Any

from annotations.models import MergeJob, SetStatus
from annotations.selectors.curation import curation_state
from annotations.services.annotation_sets import annotation_set_submit
from tests.annotations.conftest import Bench
from tests.annotations.permission_case import Case, everyone, p, reviewers_only


def curation(b: Bench) -> str:
    return f"{p(b)}curation/{b.people.documents[0].pk}/"


def submitted(b: Bench) -> None:
    """The annotator submits their set: the document has a layer to curate."""
    b.aset.refresh_from_db()
    if b.aset.status != SetStatus.SUBMITTED:
        annotation_set_submit(annotation_set=b.aset)


def claim_step(b: Bench) -> dict[str, Any]:
    """A step on the annotator's claim, as the curation view names it."""
    submitted(b)
    state = curation_state(b.project, b.people.documents[0].pk)
    key = next(g.key for g in state.groups if g.kind == "span" and g.unit.row["id"] == b.claim.pk)
    return {"unit": key, "version": b.gold.version}


def merge_job(b: Bench) -> MergeJob:
    return MergeJob.objects.get_or_create(project=b.project)[0]


CURATORS = reviewers_only  # managers and reviewers; annotators 403; outsiders 404

CASES: list[Case] = [
    Case("curate queue", "curate-queue", "get", lambda b: f"{p(b)}curation/", CURATORS(200)),
    Case(
        "curate summary",
        "curate-summary",
        "get",
        lambda b: f"{p(b)}curation/summary/",
        CURATORS(200),
    ),
    Case("curation view", "curate-document", "get", curation, CURATORS(200)),
    Case(
        "curation accept",
        "curate-accept",
        "post",
        lambda b: curation(b) + "accept/",
        CURATORS(200),
        claim_step,
    ),
    Case(
        "curation reject",
        "curate-reject",
        "post",
        lambda b: curation(b) + "reject/",
        CURATORS(200),
        claim_step,
    ),
    Case(
        "curation auto-merge",
        "curate-merge",
        "post",
        lambda b: curation(b) + "merge/",
        CURATORS(200),
        lambda b: submitted(b) or {"min_agreeing": 1, "version": b.gold.version},
    ),
    Case(
        "mark curated",
        "curate-state",
        "post",
        lambda b: curation(b) + "state/",
        CURATORS(200),
        lambda b: {"review_status": "curated"},
    ),
    Case(
        "return to an annotator",
        "curate-return",
        "post",
        lambda b: curation(b) + "return/",
        CURATORS(200),
        lambda b: submitted(b) or {"annotator": "annotator", "comment": "Look at the claim."},
    ),
    Case("merge jobs", "merge-jobs", "get", lambda b: f"{p(b)}merge-jobs/", CURATORS(200)),
    Case(
        "merge job start",
        "merge-jobs",
        "post",
        lambda b: f"{p(b)}merge-jobs/",
        CURATORS(202),
        lambda b: {"min_agreeing": 2},
    ),
    Case(
        "merge job",
        "merge-job",
        "get",
        lambda b: f"/api/v1/merge-jobs/{merge_job(b).pk}/",
        {**CURATORS(200), "owner": 404, "other": 404},
    ),
    Case("returned sets", "returned-sets", "get", lambda b: f"{p(b)}returned/", everyone(200)),
]
