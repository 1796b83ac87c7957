"""Suggesters run as background jobs (issue 14 §3): the quote aligner, the attribution
suggester and a project's external recommenders each write a model layer (``model:<name>``)
through the import's checked path, all or nothing.

``suggester_run_start`` checks the request (a manager, a writable project, a known suggester,
a story for the aligner, a layer that is not there yet unless ``replace``, a layer name that
is not another tool's: a built-in suggester may not write into the other built-in's layer nor
into a recommender's; a recommender writes its own) and queues the task;
``suggester_run_execute`` (the worker, or ``manage.py run_suggester`` right away) builds every
document's records first, with progress, then writes them in ONE ``records_import``.
Any problem fails the run with its reason and writes nothing. With ``replace``, the model's
earlier sets on the run's documents (and the decisions taken on their suggestions) are
deleted in the same transaction as the write.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from annotations.formats.records import Record
from annotations.models import (
    AnnotationSet,
    ExportJobStatus,
    Project,
    ProjectDocument,
    Recommender,
    SetKind,
)
from annotations.models.suggesters import SuggesterName, SuggesterRun
from annotations.permissions import can_manage, role_acted
from annotations.selectors.projects import project_role
from annotations.services.attribution_layer import attribution_records
from annotations.services.errors import DomainError, ProjectArchived, SetStateConflict
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.imports.service import records_import
from annotations.services.jobs import Lease
from annotations.services.project_archive import project_writable
from annotations.services.quote_alignment import quote_alignment_records
from annotations.suggesters.quotes import align_quotes
from corpus.models import Document, Story

MODEL_NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
# The built-in suggesters' own layers: one of them may not write into the other's.
BUILT_IN_LAYERS = frozenset({SuggesterName.QUOTE_ALIGNER.value, SuggesterName.ATTRIBUTION.value})
MANAGERS_ONLY = "Only the project's managers may run suggesters."
MAX_ERRORS = 20  # listed in a failed run's outcome

Progress = Callable[[int], None]


class LayerExists(SetStateConflict):
    """The model's layer is already on some of the run's documents (409)."""

    def __init__(self, model_name: str, sets: int) -> None:
        super().__init__(
            f"The layer model:{model_name} already has {sets} set{'s' if sets != 1 else ''} on "
            "these documents. Run it with replace to delete them (and the decisions taken on "
            "their suggestions) and write the new ones.",
            "layer_exists",
        )
        self.sets = sets


class RunFailed(Exception):
    """What stops a run, with the reason the run keeps."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or []


# --- what each suggester proposes ------------------------------------------------------------


def _quote_aligner(
    project: Project, documents: list[Document], model_name: str, progress: Progress
) -> list[Record]:
    alignment = align_quotes([(doc.pk, doc.text) for doc in documents])
    progress(len(documents))
    return quote_alignment_records(documents, alignment, model_name)


def _attribution(
    project: Project, documents: list[Document], model_name: str, progress: Progress
) -> list[Record]:
    return attribution_records(documents, model_name, progress)


def _recommender(
    project: Project, documents: list[Document], model_name: str, progress: Progress
) -> list[Record]:
    from annotations.services.recommender import recommender_records  # written by X

    return recommender_records(project, documents, model_name, progress)


SUGGESTERS: dict[str, Callable[[Project, list[Document], str, Progress], list[Record]]] = {
    SuggesterName.QUOTE_ALIGNER: _quote_aligner,
    SuggesterName.ATTRIBUTION: _attribution,
    SuggesterName.RECOMMENDER: _recommender,
}


# --- starting a run ----------------------------------------------------------------------------


def run_documents(project: Project, story: Story | None) -> list[Document]:
    """The project's documents a run covers (one story's, or all), by id."""
    rows = ProjectDocument.objects.filter(project=project)
    if story is not None:
        rows = rows.filter(document__story=story)
    return [row.document for row in rows.select_related("document__story").order_by("document_id")]


def layer_sets(
    project: Project, model_name: str, documents: list[Document]
) -> QuerySet[AnnotationSet]:
    """The model's sets on ``documents``."""
    return AnnotationSet.objects.filter(
        project=project,
        kind=SetKind.MODEL,
        model_name=model_name,
        document_id__in=[doc.pk for doc in documents],
    )


def _model_name_checked(project: Project, suggester: str, model_name: str | None) -> str:
    if suggester == SuggesterName.RECOMMENDER:
        if not model_name:
            raise DomainError(
                "Name the recommender to run.", {"model_name": "a recommender's name is required"}
            )
        recommender = Recommender.objects.filter(project=project, name=model_name).first()
        if recommender is None:
            raise DomainError(
                f"This project has no recommender named {model_name!r}.",
                {"model_name": "not one of the project's recommenders"},
            )
        if not recommender.enabled:
            raise DomainError(
                f"The recommender {model_name!r} is disabled; enable it to run it.",
                {"model_name": "a disabled recommender"},
            )
        return model_name
    name = model_name or suggester
    if not MODEL_NAME_PATTERN.match(name):
        raise DomainError(
            "A model layer's name is lower-case letters, digits, '-' and '_' (at most 64).",
            {"model_name": "lower-case letters, digits, '-' and '_', at most 64"},
        )
    if name in BUILT_IN_LAYERS and name != suggester:
        raise DomainError(
            f"model:{name} is the {name} suggester's layer; choose another model name.",
            {"model_name": f"'{name}' is another built-in suggester's layer"},
        )
    if Recommender.objects.filter(project=project, name=name).exists():
        raise DomainError(
            f"model:{name} is the layer of the project's recommender {name!r}; choose another "
            "model name.",
            {"model_name": f"'{name}' is one of the project's recommenders"},
        )
    return name


def suggester_run_start(
    *,
    project: Project,
    user: Any,
    suggester: str,
    story: Story | None = None,
    model_name: str | None = None,
    replace: bool = False,
    queue: bool = True,
) -> SuggesterRun:
    """Check the request and create the run; ``queue`` hands it to the worker once the
    transaction commits (the command runs it itself). ``user`` None: the operator (command).
    Raises PermissionDenied (not a manager), ProjectArchived, DomainError (bad input) or
    LayerExists (409)."""
    if user is not None and not can_manage(role_acted(user, project_role(project.pk, user))):
        raise PermissionDenied(MANAGERS_ONLY)
    project_writable(project)
    if suggester not in SUGGESTERS:
        known = ", ".join(SUGGESTERS)
        raise DomainError(
            f"No suggester named {suggester!r}; the suggesters are {known}.",
            {"suggester": f"one of {known}"},
        )
    if suggester == SuggesterName.QUOTE_ALIGNER and story is None:
        raise DomainError(
            "The quote aligner compares the documents of one story: choose a story.",
            {"story": "required for the quote aligner"},
        )
    name = _model_name_checked(project, suggester, model_name)
    documents = run_documents(project, story)
    if not documents:
        if story is not None:
            raise DomainError(
                "The project holds no documents of this story.",
                {"story": "no documents of the project"},
            )
        raise DomainError("The project holds no documents to run the suggester on.")
    existing = layer_sets(project, name, documents).count()
    if existing and not replace:
        raise LayerExists(name, existing)
    run = SuggesterRun.objects.create(
        project=project,
        story=story,
        suggester=suggester,
        model_name=name,
        replace=replace,
        requested_by=user if getattr(user, "pk", None) else None,
        documents_total=len(documents),
    )
    if queue:
        from annotations.tasks import suggester_run_task

        transaction.on_commit(lambda: suggester_run_task.enqueue(run_id=run.pk))
    return run


# --- running it --------------------------------------------------------------------------------


def _write(run: SuggesterRun, documents: list[Document], records: list[Record]) -> dict[str, int]:
    """Write ``records`` (after deleting the earlier layer with ``replace``), all or nothing;
    the counts written. Raises RunFailed with the import's errors."""
    outcome = ImportOutcome()
    with transaction.atomic():
        earlier = layer_sets(run.project, run.model_name, documents)
        if run.replace:
            earlier.delete()
        elif earlier.exists():
            raise LayerExists(run.model_name, earlier.count())
        if records:
            records_import(
                project=run.project,
                user=run.requested_by,
                header=None,
                documents=records,
                outcome=outcome,
                may_add_people=False,
            )
        if not outcome.ok:
            transaction.set_rollback(True)
    if not outcome.ok:
        errors = [str(issue) for issue in outcome.errors[:MAX_ERRORS]]
        raise RunFailed(
            f"The suggester's proposals did not pass the import's checks "
            f"({outcome.error_count} problem{'s' if outcome.error_count != 1 else ''}): "
            "nothing was written.",
            errors,
        )
    return {key: outcome.counts[key] for key in ("sets", "spans", "relations", "stances")}


def _finish(run: SuggesterRun, status: str, outcome: dict[str, Any], error: str = "") -> None:
    run.status = status
    run.outcome = outcome
    run.error = error
    run.finished_at = timezone.now()
    fields = ["status", "outcome", "error", "finished_at"]
    if status == ExportJobStatus.DONE:
        run.documents_done = run.documents_total
        fields.append("documents_done")
    else:
        run.refresh_from_db(fields=["documents_done"])  # as far as the lease recorded
    run.save(update_fields=fields)


def suggester_run_execute(run_id: int) -> SuggesterRun:
    """Run a queued run: build every document's records (progress per document), then write
    them in one import. A problem fails the run with its reason; nothing is written."""
    run = SuggesterRun.objects.select_related("project__schema", "story", "requested_by").get(
        pk=run_id
    )
    if run.status != ExportJobStatus.QUEUED:
        return run
    documents = run_documents(run.project, run.story)
    run.status = ExportJobStatus.RUNNING
    run.documents_total = len(documents)
    run.heartbeat_at = timezone.now()
    run.save(update_fields=["status", "documents_total", "heartbeat_at"])
    lease = Lease(run)
    try:
        project_writable(run.project)
        build = SUGGESTERS[run.suggester]
        records = build(
            run.project, documents, run.model_name, lambda done: lease.renew(documents_done=done)
        )
        written = _write(run, documents, records)
    except RunFailed as exc:
        _finish(run, ExportJobStatus.FAILED, {"errors": exc.errors}, exc.message)
    except (DomainError, ProjectArchived, SetStateConflict) as exc:
        _finish(run, ExportJobStatus.FAILED, {"errors": []}, exc.message)
    except Exception as exc:  # noqa: BLE001 - recorded on the run for the person waiting
        _finish(run, ExportJobStatus.FAILED, {"errors": []}, f"{type(exc).__name__}: {exc}")
    else:
        _finish(run, ExportJobStatus.DONE, written)
    return run
