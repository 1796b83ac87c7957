"""Auto-merge: put into a document's gold set every unit that at least ``k`` of its ``n``
layers agree on (exact or overlap matching, ``agreement.units``), for one document or, as a
background job (``MergeJob``, run by ``annotations.tasks``), for every document ready to
curate. The reviewer then handles only the rest.

What is merged is what the curation view shows as open (not in gold, not rejected) with
``k`` makers or more, spans first so relations and stances find their ends. Merged units
record provenance ``{"method": "auto", "layers": [...]}``. Left to the reviewer, with a note:
a stance or answer whose layers gave two values that both reach ``k``, or whose place in
gold is taken by another value; a link into another document whose end is not in that
document's gold set; a relation or stance on a span that was rejected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from annotations.agreement.units import Mode
from annotations.curation.gold_draft import DraftRefusal
from annotations.curation.groups import VALUED, CurationGroup, merge_candidates
from annotations.models import ExportJobStatus, MergeJob, Project
from annotations.provenance import Provenance
from annotations.selectors.curation import MATCHING_MODES, CurationState
from annotations.selectors.curation_queue import ready_document_ids
from annotations.services.curation import draft_of, ends_for, gold_of, gold_write, state_of
from annotations.services.errors import DomainError, SetStateConflict, VersionConflict
from annotations.services.jobs import Lease
from annotations.services.review_states import review_begin

MAX_NOTES = 1000


@dataclass
class MergeOutcome:
    added: Counter = field(default_factory=Counter)  # units put into gold, by kind
    notes: list[str] = field(default_factory=list)  # what was left to the reviewer, and why


# The largest k a job stores (MergeJob.min_agreeing is a small integer); no document has
# anywhere near as many layers.
K_MAX = 32767


def merge_parameters_checked(k: Any, mode: Any) -> tuple[int, Mode]:
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= K_MAX:
        raise DomainError(
            f"k (min_agreeing) is a whole number of layers, from 1 to {K_MAX}.",
            {"k": "invalid"},
        )
    if mode not in MATCHING_MODES:
        raise DomainError(
            f"matching is one of {', '.join(MATCHING_MODES)}.", {"matching": "invalid"}
        )
    return k, mode


def _left_to_reviewer(state: CurationState, chosen: list[CurationGroup]) -> dict[str, str]:
    """Groups auto-merge must not decide, by key, with the reason."""
    left: dict[str, str] = {}
    gold_units = set(state.gold.units) if state.gold else set()
    slots = Counter(g.unit for g in chosen if g.kind in VALUED)
    rejected_places = {
        g.unit.places[0] for g in state.groups if g.kind == "span" and g.state == "rejected"
    }
    for group in chosen:
        if group.kind in VALUED and slots[group.unit] > 1:
            left[group.key] = f"the layers gave the {group.kind} different values"
        elif group.kind in VALUED and group.unit in gold_units:
            left[group.key] = f"gold has this {group.kind} with another value"
        elif any(p in rejected_places for p in group.unit.places if p is not None):
            left[group.key] = f"this {group.kind} is on a span that was rejected"
    return left


@transaction.atomic
def document_auto_merge(
    *,
    project: Project,
    document_id: int,
    reviewer: AbstractBaseUser | None,
    k: int,
    mode: Mode = "exact",
    models: Sequence[str] = (),
    version: int | None = None,
    loaded: bool = True,
) -> MergeOutcome:
    """Merge one document at ``k``. ``version`` is the gold version the reviewer loaded
    (None: they saw no gold set); with ``loaded`` false (a background job) the current one."""
    k, mode = merge_parameters_checked(k, mode)
    state = state_of(project, document_id, models, mode)
    n = len(state.layers)
    if k > n:
        raise DomainError(
            f"This document has {n} layer{'s' if n != 1 else ''} to merge; k is at most {n}.",
            {"k": f"at most {n}"},
        )
    outcome = MergeOutcome()
    chosen = merge_candidates(state.groups, k)
    left = _left_to_reviewer(state, chosen)
    outcome.notes.extend(left.values())
    chosen = [g for g in chosen if g.key not in left]
    if not chosen:
        return outcome
    if not loaded:
        version = state.gold.aset.version if state.gold else None
    gold, version = gold_of(project, state.document, reviewer, version)
    draft = draft_of(state)
    ends = ends_for(state, "auto")
    for group in chosen:
        provenance: Provenance = {"method": "auto", "layers": list(group.layers)}
        try:
            draft.accept(group.unit, provenance, ends=ends)
        except DraftRefusal as refusal:
            outcome.notes.append(str(refusal))
            continue
        outcome.added[group.kind] += 1
    if draft.changed:
        gold_write(gold, draft, version, reviewer)
        review_begin(project_id=project.pk, document_id=document_id)
    return outcome


# --- in bulk, in the background ------------------------------------------------------------


def merge_job_create(
    *, project: Project, user: Any, k: Any, mode: Any, models: Sequence[str] = ()
) -> MergeJob:
    """Queue an auto-merge of every document ready to curate (parameters checked now)."""
    k, mode = merge_parameters_checked(k, mode)
    job = MergeJob.objects.create(
        project=project,
        requested_by=user if getattr(user, "pk", None) else None,
        min_agreeing=k,
        matching=mode,
        model_names=list(models),
        documents_total=len(ready_document_ids(project)),
    )
    from annotations.tasks import merge_job_task

    transaction.on_commit(lambda: merge_job_task.enqueue(job_id=job.pk))
    return job


def _merge_one(job: MergeJob, document_id: int) -> MergeOutcome:
    """One document of a job; a gold set changed meanwhile is tried once more."""
    for attempt in (1, 2):
        try:
            return document_auto_merge(
                project=job.project,
                document_id=document_id,
                reviewer=job.requested_by,
                k=job.min_agreeing,
                mode=job.matching,
                models=job.model_names,
                loaded=False,
            )
        except VersionConflict:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def merge_job_run(job_id: int) -> MergeJob:
    """Merge every document ready to curate, recording progress and, per document, what
    was left to the reviewer; a failure is recorded on the job."""
    job = MergeJob.objects.select_related("project__schema", "requested_by").get(pk=job_id)
    if job.status != ExportJobStatus.QUEUED:
        return job
    documents = ready_document_ids(job.project)
    job.status = ExportJobStatus.RUNNING
    job.documents_total = len(documents)
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "documents_total", "heartbeat_at"])
    lease = Lease(job)
    added: Counter = Counter()
    notes: list[str] = []
    merged = 0
    try:
        for done, document_id in enumerate(documents, start=1):
            try:
                outcome = _merge_one(job, document_id)
            except (DomainError, SetStateConflict, VersionConflict) as exc:
                notes.append(f"document {document_id}: not merged: {getattr(exc, 'message', exc)}")
            else:
                added.update(outcome.added)
                merged += bool(outcome.added)
                notes.extend(f"document {document_id}: {note}" for note in outcome.notes)
            lease.renew(documents_done=done)
    except Exception as exc:  # noqa: BLE001 - recorded on the job for the person waiting
        job.status = ExportJobStatus.FAILED
        job.error = f"{type(exc).__name__}: {exc}"
        job.notes = notes[:MAX_NOTES]
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "notes", "finished_at"])
        return job
    summary = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(added.items()))
    headline = (
        f"Merged into {merged} document{'s' if merged != 1 else ''}: {summary}."
        if merged
        else f"Nothing new to merge: no open unit was made alike by {job.min_agreeing} layers "
        "or more (units already in gold or rejected stay as they are)."
    )
    job.status = ExportJobStatus.DONE
    job.documents_done = job.documents_total
    job.notes = [headline, *notes][:MAX_NOTES]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "documents_done", "notes", "finished_at"])
    return job
