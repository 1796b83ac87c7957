"""Reading a project out as records: the header, then one JSON record per document; and
the background export jobs.

PostgreSQL builds each document's record (document fields and every chosen set with its
spans, relations, stances and answers) as JSON text, ``BATCH`` documents per statement, walking
the project's documents by id. Python holds one batch at a time, so memory stays flat however
big the project is, and the native JSONL export writes the text as it comes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import QuerySet

from annotations.columns import RELATION, SPAN, STANCE, answers_sql
from annotations.formats.records import NATIVE_VERSION, Header
from annotations.models import (
    AnnotationSet,
    Comment,
    ExportJob,
    Membership,
    Project,
    ProjectDocument,
    Relation,
    SetKind,
    SetStatus,
    Span,
    Stance,
)
from annotations.selectors.sources import registry_records
from config.api import MAX_ID, RENAMED_PARAMETERS
from corpus.models import Document, Outlet, Story

BATCH = 200  # documents per statement


class FilterError(ValueError):
    """A filter value that means nothing: ``errors`` maps the parameter to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class ExportFilters:
    """Which sets and documents go out. Set filters (``statuses``, ``authors``,
    ``gold_only``, ``kinds``) also leave out the documents none of whose sets pass them."""

    statuses: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()  # usernames
    kinds: tuple[str, ...] = ()
    gold_only: bool = False
    story: int | None = None
    outlet: int | None = None
    document_ids: tuple[int, ...] = field(default=(), repr=False)

    @property
    def filters_sets(self) -> bool:
        return bool(self.statuses or self.authors or self.kinds or self.gold_only)

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": list(self.statuses),
            "author": list(self.authors),
            "kind": list(self.kinds),
            "gold_only": self.gold_only,
            "story": self.story,
            "outlet": self.outlet,
        }

    @classmethod
    def parse(cls, params: Any) -> ExportFilters:
        """From query parameters (a QueryDict or a plain dict of strings/lists)."""

        def values(name: str) -> list[str]:
            if hasattr(params, "getlist"):
                raw = params.getlist(name)
            else:
                raw = params.get(name) or []
                raw = raw if isinstance(raw, list) else [raw]
            return [v for item in raw for v in str(item).split(",") if v.strip()]

        errors: dict[str, str] = {}
        names = ("status", "author", "kind", "gold_only", "story", "outlet")
        for name in names:  # PostgreSQL text holds no NUL: refused here, not mid-stream
            if any("\x00" in v for v in values(name)):
                errors[name] = "must not hold a NUL character"
        if errors:
            raise FilterError(errors)
        for old, new in RENAMED_PARAMETERS.items():  # refused, not ignored
            if values(old):
                errors[old] = f"renamed: use {new}"
        statuses = tuple(values("status"))
        if bad := [s for s in statuses if s not in SetStatus.values]:
            errors["status"] = f"unknown status {bad[0]!r}: use {', '.join(SetStatus.values)}"
        kinds = tuple(values("kind"))
        if bad := [k for k in kinds if k not in SetKind.values]:
            errors["kind"] = f"unknown kind {bad[0]!r}: use {', '.join(SetKind.values)}"
        gold = (values("gold_only") or ["false"])[-1].lower()
        if gold not in ("true", "false", "1", "0", "yes", "no"):
            errors["gold_only"] = "must be true or false"
        numbers: dict[str, int | None] = {}
        for name in ("story", "outlet"):
            given = values(name)
            numbers[name] = None
            if given:
                text = given[-1].strip()
                if text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID:
                    numbers[name] = int(text)
                else:
                    errors[name] = "must be an id (a whole number from 1 to 2**63-1)"
        if errors:
            raise FilterError(errors)
        return cls(
            statuses=statuses,
            authors=tuple(values("author")),
            kinds=kinds,
            gold_only=gold in ("true", "1", "yes"),
            story=numbers["story"],
            outlet=numbers["outlet"],
        )


def export_header(project: Project) -> Header:
    members = (
        Membership.objects.filter(project=project)
        .order_by("user__username")
        .values_list("user__username", "role")
    )
    return {
        "claimlens": "project",
        "version": NATIVE_VERSION,
        "project": {
            "id": project.pk,
            "name": project.name,
            "description": project.description,
            "guidelines": project.guidelines,
            "blind": project.blind,
            "annotators_per_document": project.annotators_per_document,
        },
        "schema": project.schema.definition,
        "members": [{"username": u, "role": r} for u, r in members],
        "sources": registry_records(project),
    }


_SET = AnnotationSet._meta.db_table
_USER = get_user_model()._meta.db_table

_SET_WHERE = """
  s.project_id = %(project)s
  AND ((cardinality(%(statuses)s::text[]) = 0 AND s.status <> %(archived)s)
       OR s.status = ANY(%(statuses)s))  -- archived sets only when asked for
  AND (cardinality(%(kinds)s::text[]) = 0 OR s.kind = ANY(%(kinds)s))
  AND (NOT %(gold_only)s OR s.kind = %(gold)s)
  AND (cardinality(%(authors)s::text[]) = 0 OR u.username = ANY(%(authors)s))
"""

_DOCUMENT_IDS_SQL = f"""
SELECT pd.document_id FROM {ProjectDocument._meta.db_table} pd
JOIN {Document._meta.db_table} d ON d.id = pd.document_id
WHERE pd.project_id = %(project)s AND pd.document_id > %(after)s
  AND (%(story)s::bigint IS NULL OR d.story_id = %(story)s)
  AND (%(outlet)s::bigint IS NULL OR d.outlet_id = %(outlet)s)
  AND (NOT %(filters_sets)s OR EXISTS (
      SELECT 1 FROM {_SET} s LEFT JOIN {_USER} u ON u.id = s.author_id
      WHERE s.document_id = pd.document_id AND {_SET_WHERE}))
ORDER BY pd.document_id
LIMIT %(limit)s
"""

# A relation's target may lie in another document of the story: the record names it.
_TARGET_DOCUMENT = {
    "target_document": "CASE WHEN ts.document_id <> s.document_id THEN ts.document_id END"
}
_TARGET_JOINS = (
    f"JOIN {Span._meta.db_table} t ON t.id = r.target_id "
    f"JOIN {_SET} ts ON ts.id = t.annotation_set_id"
)

_RELATIONS = RELATION.list_sql(
    "r", "s.id", with_id=False, extra=_TARGET_DOCUMENT, joins=_TARGET_JOINS
)

# Comment threads travel with what they are on: a set's (on the set as a whole, or on one
# of its units, named as the file names it: a span by its id, a relation by its type and
# ends, a stance by its holder, target and object), and the document's general thread.
_COMMENT = Comment._meta.db_table


def _comments_sql(where: str) -> str:
    return f"""(
    SELECT coalesce(json_agg(json_build_object(
      'author', cu.username, 'created_at', c.created_at, 'text', c.text,
      'span', c.span_id,
      'relation', CASE WHEN cr.id IS NOT NULL THEN json_build_object(
        'type', cr.type, 'source', cr.source_id, 'target', cr.target_id) END,
      'stance', CASE WHEN cx.id IS NOT NULL THEN json_build_object(
        'holder', cx.holder_id, 'target', nullif(cx.target, ''), 'object', cx.object_span_id) END
    ) ORDER BY c.created_at, c.id), '[]'::json)
    FROM {_COMMENT} c JOIN {_USER} cu ON cu.id = c.author_id
    LEFT JOIN {Relation._meta.db_table} cr ON cr.id = c.relation_id
    LEFT JOIN {Stance._meta.db_table} cx ON cx.id = c.stance_id
    WHERE {where}
  )"""


_GENERAL_THREAD = (
    "c.project_id = %(project)s AND c.document_id = d.id AND c.annotation_set_id IS NULL"
)

_RECORDS_SQL = f"""
SELECT json_build_object(
  'claimlens', 'document', 'id', d.id, 'sha256', d.sha256, 'title', d.title,
  'text', d.text, 'raw', d.raw, 'url', d.url, 'published_at', d.published_at,
  'language', d.language, 'meta', d.meta, 'zones', d.zones, 'story', st.name,
  'outlet', CASE WHEN o.id IS NULL THEN NULL
                 ELSE json_build_object('name', o.name, 'domain', o.domain) END,
  'sets', (
    SELECT coalesce(json_agg(json_build_object(
      'kind', s.kind, 'author', u.username, 'model_name', nullif(s.model_name, ''),
      'status', s.status, 'started_at', s.started_at, 'submitted_at', s.submitted_at,
      'seconds_spent', s.seconds_spent,
      'spans', {SPAN.list_sql("sp", "s.id")},
      'relations', {_RELATIONS},
      'stances', {STANCE.list_sql("x", "s.id", with_id=False)},
      'answers', {answers_sql("a", "s.id")},
      'comments', {_comments_sql("c.annotation_set_id = s.id")}
    ) ORDER BY CASE s.kind WHEN %(gold)s THEN 0 WHEN %(annotator)s THEN 1 ELSE 2 END,
               u.username, s.model_name, s.id), '[]'::json)
    FROM {_SET} s LEFT JOIN {_USER} u ON u.id = s.author_id
    WHERE s.document_id = d.id AND {_SET_WHERE}
  ),
  'comments', {_comments_sql(_GENERAL_THREAD)}
)::text
FROM {Document._meta.db_table} d
LEFT JOIN {Story._meta.db_table} st ON st.id = d.story_id
LEFT JOIN {Outlet._meta.db_table} o ON o.id = d.outlet_id
WHERE d.id = ANY(%(ids)s)
ORDER BY d.id
"""


def _params(project: Project, filters: ExportFilters) -> dict[str, Any]:
    return {
        "project": project.pk,
        "statuses": list(filters.statuses),
        "kinds": list(filters.kinds),
        "gold_only": filters.gold_only,
        "authors": list(filters.authors),
        "story": filters.story,
        "outlet": filters.outlet,
        "filters_sets": filters.filters_sets,
        "gold": SetKind.GOLD,
        "annotator": SetKind.ANNOTATOR,
        "archived": SetStatus.ARCHIVED,
    }


def document_count(project: Project, filters: ExportFilters) -> int:
    """How many documents an export with these filters holds (for progress)."""
    params = {**_params(project, filters), "after": 0, "limit": None}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({_DOCUMENT_IDS_SQL}) ids", params)
        return cursor.fetchone()[0]


def document_json(project: Project, filters: ExportFilters, batch: int = BATCH) -> Iterator[bytes]:
    """Each chosen document's record as JSON text (UTF-8), in document id order."""
    params = _params(project, filters)
    after = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(_DOCUMENT_IDS_SQL, {**params, "after": after, "limit": batch})
            ids = [row[0] for row in cursor.fetchall()]
            if not ids:
                return
            cursor.execute(_RECORDS_SQL, {**params, "ids": ids})
            lines = [row[0].encode() for row in cursor.fetchall()]
        yield from lines
        after = ids[-1]


def export_jobs_recent(project: Project, limit: int = 50) -> QuerySet[ExportJob]:
    """A project's background exports, newest first."""
    return ExportJob.objects.filter(project=project)[:limit]


def export_job_get(job_id: int) -> ExportJob | None:
    return ExportJob.objects.select_related("project").filter(pk=job_id).first()
