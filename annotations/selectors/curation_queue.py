"""The curate queue: a project's documents that have reached their reviewers, with their
review state and how much their annotators disagree.

A document reaches its reviewers when ``annotators_per_document`` of its annotator sets are
submitted, or as soon as its review has started (in review, curated, returned). It is
**ready to curate** while it is unreviewed or in review with every annotator's set
submitted; **waiting** while it is unreviewed with fewer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.core.cache import caches
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from annotations.agreement.units import set_units
from annotations.curation.groups import curation_groups, disagreement
from annotations.models import (
    AnnotationSet,
    LabelSchema,
    Project,
    ProjectDocument,
    Relation,
    ReviewStatus,
    SetKind,
    SetStatus,
)
from annotations.provenance import layer_name
from annotations.selectors.curation import (
    linked_span_ids,
    set_contents_read,
    spans_elsewhere_read,
    symmetric_types,
)
from corpus.models import Document
from corpus.selectors import DocumentFilters, documents_filtered

OPEN_REVIEW = (ReviewStatus.UNREVIEWED, ReviewStatus.IN_REVIEW)
BATCH = 200  # documents whose sets are read at once for their disagreement
DISAGREEMENT_KEPT_SECONDS = 3600


@dataclass(frozen=True)
class CurateFilters:
    review_status: tuple[str, ...] = ()  # any of these states (none: every state)
    ready: bool = False  # only documents ready to curate
    documents: DocumentFilters = DocumentFilters()
    min_disagreement: float | None = None
    order: str = "position"  # or "disagreement": the most disagreed first

    @property
    def scored(self) -> bool:
        """Whether every document's disagreement is needed before a page can be cut."""
        return self.min_disagreement is not None or self.order == "disagreement"


def _annotated(project: Project) -> QuerySet[ProjectDocument]:
    sets = AnnotationSet.objects.filter(project=project, document_id=OuterRef("document_id"))
    submitted = (
        sets.filter(kind=SetKind.ANNOTATOR, status=SetStatus.SUBMITTED)
        .values("document_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    gold = sets.filter(kind=SetKind.GOLD)
    returned = sets.filter(kind=SetKind.ANNOTATOR, status=SetStatus.RETURNED)
    return (
        ProjectDocument.objects.filter(project=project)
        .select_related("document__outlet")
        .annotate(
            submitted=Coalesce(Subquery(submitted), Value(0), output_field=IntegerField()),
            gold_id=Subquery(gold.values("id")[:1]),
            gold_status=Subquery(gold.values("status")[:1]),
            returned_to=ArraySubquery(
                returned.order_by("author__username").values("author__username")
            ),
        )
    )


def _ready(project: Project) -> Q:
    return Q(submitted__gte=project.annotators_per_document, review_status__in=OPEN_REVIEW)


def curate_queue(project: Project, filters: CurateFilters) -> QuerySet[ProjectDocument]:
    """The documents that reached their reviewers, narrowed by ``filters``, in queue order
    (``order`` by disagreement is applied by ``curate_rows``)."""
    rows = _annotated(project).filter(
        Q(submitted__gte=project.annotators_per_document)
        | ~Q(review_status=ReviewStatus.UNREVIEWED)
    )
    if filters.review_status:
        rows = rows.filter(review_status__in=filters.review_status)
    if filters.ready:
        rows = rows.filter(_ready(project))
    if filters.documents.active:
        chosen = documents_filtered(Document.objects.all(), filters.documents)
        rows = rows.filter(document__in=chosen.values("id"))
    return rows.order_by("position", "id")


def ready_document_ids(project: Project) -> list[int]:
    """The documents ready to curate, in queue order (what a bulk auto-merge goes through)."""
    rows = _annotated(project).filter(_ready(project)).order_by("position", "id")
    return list(rows.values_list("document_id", flat=True))


def curate_summary(project: Project) -> dict[str, int]:
    """How many documents are ready to curate, in each review state, and still waiting for
    their annotators (``CurateSummary``)."""
    needed = project.annotators_per_document
    counts = _annotated(project).aggregate(
        documents=Count("pk"),
        ready=Count("pk", filter=_ready(project)),
        waiting=Count("pk", filter=Q(submitted__lt=needed, review_status=ReviewStatus.UNREVIEWED)),
        **{
            status: Count("pk", filter=Q(review_status=status))
            for status in (ReviewStatus.IN_REVIEW, ReviewStatus.CURATED, ReviewStatus.RETURNED)
        },
    )
    return {key: int(value) for key, value in counts.items()}


def disagreement_signatures(project: Project, document_ids: Sequence[int]) -> dict[int, Any]:
    """What each document's disagreement depends on: its submitted annotator sets and their
    versions (every write bumps a set's version; submitting, returning or deleting one
    changes the list) and, for links into other documents, the sets holding the spans they
    point at, with their versions. Gold writes change none of it."""
    own: dict[int, set] = defaultdict(set)
    linked: dict[int, set] = defaultdict(set)
    submitted = Q(
        annotation_set__project=project,
        annotation_set__document_id__in=document_ids,
        annotation_set__kind=SetKind.ANNOTATOR,
        annotation_set__status=SetStatus.SUBMITTED,
    )
    sets = AnnotationSet.objects.filter(
        project=project,
        document_id__in=document_ids,
        kind=SetKind.ANNOTATOR,
        status=SetStatus.SUBMITTED,
    )
    for document_id, set_id, version in sets.values_list("document_id", "id", "version"):
        own[document_id].add((set_id, version))
    across = Relation.objects.filter(submitted).exclude(
        source__annotation_set=F("annotation_set"), target__annotation_set=F("annotation_set")
    )
    for document_id, *ends in across.values_list(
        "annotation_set__document_id",
        "source__annotation_set_id",
        "source__annotation_set__version",
        "target__annotation_set_id",
        "target__annotation_set__version",
    ):
        linked[document_id].update({(ends[0], ends[1]), (ends[2], ends[3])})
    return {i: (tuple(sorted(own[i])), tuple(sorted(linked[i]))) for i in document_ids}


def documents_disagreement(project: Project, document_ids: Sequence[int]) -> dict[int, Any]:
    """Each document's disagreement and how many of its units not every annotator made
    alike (``documents_disagreement_computed``), kept in the cache per project and document
    with its ``disagreement_signatures`` (and the schema's date): ordering a queue of
    thousands by disagreement scores again only the documents whose layers changed, not
    every document on every page, filter or return from a document."""
    key = f"curate-disagreement:{project.pk}"
    schema = str(LabelSchema.objects.filter(project=project).values_list("updated_at").first())
    signatures = disagreement_signatures(project, document_ids)
    kept = caches["computed"].get(key)
    scores: dict[int, Any] = kept[1] if kept and kept[0] == schema else {}
    missing = [i for i in document_ids if i not in scores or scores[i][0] != signatures[i]]
    if missing:
        computed = documents_disagreement_computed(project, missing)
        scores.update({i: (signatures[i], computed[i]) for i in missing})
        caches["computed"].set(key, (schema, scores), DISAGREEMENT_KEPT_SECONDS)
    return {i: scores[i][1] for i in document_ids}


def documents_disagreement_computed(
    project: Project, document_ids: Sequence[int]
) -> dict[int, Any]:
    """Each document's disagreement (``groups.disagreement`` over its submitted annotator
    sets, exact matching) and how many of its units not every annotator made alike."""
    out: dict[int, Any] = {}
    symmetric = symmetric_types(project)
    for at in range(0, len(document_ids), BATCH):
        batch = document_ids[at : at + BATCH]
        sets = list(
            AnnotationSet.objects.filter(
                project=project,
                document_id__in=batch,
                kind=SetKind.ANNOTATOR,
                status=SetStatus.SUBMITTED,
            )
            .select_related("author")
            .order_by("author__username", "id")
        )
        contents = set_contents_read([s.pk for s in sets])
        elsewhere = spans_elsewhere_read(project, linked_span_ids(contents.values()))
        by_id = {i: (span["document"], span) for i, span in elsewhere.items()}
        layers: dict[int, dict[str, Any]] = defaultdict(dict)
        for aset in sets:
            units = set_units(
                contents[aset.pk], aset.document_id, spans_elsewhere=by_id, symmetric=symmetric
            )
            layers[aset.document_id][layer_name(aset.kind, aset.author.username, "")] = units
        for document_id in batch:
            groups = curation_groups(layers.get(document_id, {}), [])
            disputed = sum(not g.agreed for g in groups)
            score = disagreement(groups, len(layers.get(document_id, {})))
            out[document_id] = (score, disputed, len(groups))
    return out


def curate_rows(project: Project, rows: Any, filters: CurateFilters) -> list[dict[str, Any]]:
    """The queue's rows as the API returns them (``CurateQueueRow``), with their
    disagreement; ``min_disagreement`` and ``order`` apply here, to the rows given."""
    rows = list(rows)
    scores = documents_disagreement(project, [row.document_id for row in rows])
    out = []
    for row in rows:
        score, disputed, units = scores[row.document_id]
        if filters.min_disagreement is not None and (score or 0) < filters.min_disagreement:
            continue
        out.append(
            {
                "id": row.document_id,
                "title": row.document.title,
                "outlet": row.document.outlet.name if row.document.outlet_id else None,
                "story": row.document.story_id,
                "position": row.position,
                "review_status": row.review_status,
                "submitted": row.submitted,
                "needed": project.annotators_per_document,
                "ready": row.submitted >= project.annotators_per_document
                and row.review_status in OPEN_REVIEW,
                "gold": row.gold_id,
                "gold_status": row.gold_status,
                "returned_to": list(row.returned_to or []),
                "disagreement": score,
                "disputed": disputed,
                "units": units,
            }
        )
    if filters.order == "disagreement":
        out.sort(key=lambda r: (-(r["disagreement"] or 0), r["position"], r["id"]))
    return out
