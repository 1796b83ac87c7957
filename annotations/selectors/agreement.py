"""Reads for agreement: the layers of a project as ``agreement.inputs.Inputs``, the version of
its data (for the cache), and cached reports.

**Layers** are read from sets that are done: an annotator's *submitted* sets, the *curated*
gold sets, and every model set that is not skipped (a model's suggestions have no review).
Open, skipped and returned sets are work in progress and are left out. A layer is named as
in provenance (``annotator:<username>``, ``gold``, ``model:<name>``).

Four statements, whatever the size: the chosen sets with their documents; the documents'
titles, stories (and texts, for token-based F1); the contents of every set as JSON built by
PostgreSQL from the rows' columns (``columns.py``, as set responses are, less the spans'
text and the rows' provenance, which agreement never reads), each relation carrying the
span it targets when that span lies in another document; the story names.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson
from django.contrib.auth import get_user_model
from django.db import connection

from annotations.agreement.inputs import DocumentInfo, Inputs, LayerSet
from annotations.columns import (
    RELATION,
    SPAN,
    STANCE,
    RowColumns,
    answers_sql,
    rows_fetched,
)
from annotations.models import (
    AgreementCache,
    AnnotationSet,
    LabelSchema,
    Project,
    SetKind,
    SetStatus,
    Span,
)
from annotations.provenance import layer_name
from corpus.models import Document, Story

_SET = AnnotationSet._meta.db_table
_USER = get_user_model()._meta.db_table
_DOCUMENT = Document._meta.db_table


@dataclass(frozen=True)
class LayerFilters:
    layers: tuple[str, ...] = ()  # layer names; none: every layer
    documents: tuple[int, ...] = ()  # document ids; none: every document of the project
    story: int | None = None
    with_text: bool = False  # read the documents' texts (token-based F1)
    # this username's own annotator sets count while still open too (not skipped or
    # archived): the story workbench reading the caller's own layer; agreement never sets it
    open_sets_of: str | None = None


_SETS_SQL = f"""
SELECT s.id, s.document_id, s.kind, u.username, s.model_name, s.submitted_at
FROM {_SET} s
JOIN {_DOCUMENT} d ON d.id = s.document_id
LEFT JOIN {_USER} u ON u.id = s.author_id
WHERE s.project_id = %(project)s
  AND ((s.kind = %(annotator)s AND s.status = %(submitted)s)
       OR (s.kind = %(annotator)s AND u.username = %(open_sets_of)s
           AND s.status NOT IN (%(skipped)s, %(archived)s))
       OR (s.kind = %(gold)s AND s.status = %(curated)s)
       OR (s.kind = %(model)s AND s.status NOT IN (%(skipped)s, %(archived)s)))
  AND (cardinality(%(documents)s::bigint[]) = 0 OR s.document_id = ANY(%(documents)s))
  AND (%(story)s::bigint IS NULL OR d.story_id = %(story)s)
ORDER BY s.document_id, s.id
"""

_DOCUMENTS_SQL = f"""
SELECT d.id, d.title, d.story_id, CASE WHEN %(with_text)s THEN d.text END AS text
FROM {_DOCUMENT} d WHERE d.id = ANY(%(ids)s)
ORDER BY d.id
"""  # in order: figures summed over documents (floats) then do not depend on the rows' order

# A relation to a span in another document carries that span, so it can be placed whatever
# documents were chosen.
_TARGET = {
    "target_document": "CASE WHEN ts.document_id <> s.document_id THEN ts.document_id END",
    "target_span": (
        "CASE WHEN ts.document_id <> s.document_id THEN json_build_object('label', t.label, "
        "'start', t.start, 'end', t.\"end\", 'fragments', t.fragments) END"
    ),
}
_TARGET_JOINS = (
    f"JOIN {Span._meta.db_table} t ON t.id = r.target_id "
    f"JOIN {_SET} ts ON ts.id = t.annotation_set_id"
)


def _compared(rows: RowColumns, *left_out: str) -> RowColumns:
    """A row's declared columns without those agreement never reads (a span's text and
    the rows' provenance are a third of the JSON PostgreSQL would build and send), in the
    same order."""
    lean = RowColumns(rows.model, *(c for c in rows.columns if c.key not in left_out))
    lean.order = rows.order
    return lean


_SPAN = _compared(SPAN, "text", "provenance")
_RELATION = _compared(RELATION, "provenance")
_STANCE = _compared(STANCE, "provenance")

_CONTENTS_SQL = f"""
SELECT s.id AS set_id,
  {_SPAN.list_sql("sp", "s.id")}::text AS spans,
  {_RELATION.list_sql("r", "s.id", extra=_TARGET, joins=_TARGET_JOINS)}::text AS relations,
  {_STANCE.list_sql("st", "s.id")}::text AS stances,
  {answers_sql("a", "s.id")}::text AS answers
FROM {_SET} s WHERE s.id = ANY(%(ids)s)
"""

_STORIES_SQL = f"SELECT id, name FROM {Story._meta.db_table} WHERE id = ANY(%(ids)s)"

_DATA_VERSION_SQL = f"""
SELECT count(*), coalesce(sum(s.version), 0), coalesce(max(s.id), 0), max(s.updated_at),
  (SELECT ls.updated_at FROM {LabelSchema._meta.db_table} ls
   JOIN {Project._meta.db_table} p ON p.schema_id = ls.id WHERE p.id = %(project)s)
FROM {_SET} s WHERE s.project_id = %(project)s
"""


def agreement_layers(project: Project, filters: LayerFilters) -> Inputs:
    """The chosen layers of a project, with their documents and the project's schema."""
    params = {
        "project": project.pk,
        "documents": list(filters.documents),
        "story": filters.story,
        "annotator": SetKind.ANNOTATOR,
        "gold": SetKind.GOLD,
        "model": SetKind.MODEL,
        "submitted": SetStatus.SUBMITTED,
        "curated": SetStatus.CURATED,
        "skipped": SetStatus.SKIPPED,
        "archived": SetStatus.ARCHIVED,
        "open_sets_of": filters.open_sets_of,
    }
    wanted = set(filters.layers)
    with connection.cursor() as cursor:
        cursor.execute(_SETS_SQL, params)
        sets = [
            (set_id, document, layer_name(kind, author, model_name), submitted_at)
            for set_id, document, kind, author, model_name, submitted_at in cursor.fetchall()
        ]
        sets = [s for s in sets if not wanted or s[2] in wanted]
        document_ids = sorted({s[1] for s in sets})
        cursor.execute(_DOCUMENTS_SQL, {"ids": document_ids, "with_text": filters.with_text})
        documents = {
            row[0]: DocumentInfo(title=row[1], story=row[2], text=row[3])
            for row in cursor.fetchall()
        }
        cursor.execute(_CONTENTS_SQL, {"ids": [s[0] for s in sets]})
        contents = {row["set_id"]: row for row in rows_fetched(cursor)}
        story_ids = sorted({d.story for d in documents.values() if d.story is not None})
        cursor.execute(_STORIES_SQL, {"ids": story_ids})
        stories = dict(cursor.fetchall())
    layers: dict[str, dict[int, LayerSet]] = {}
    for set_id, document, name, submitted_at in sets:
        row = contents[set_id]
        parts = {k: orjson.loads(row[k]) for k in ("spans", "relations", "stances", "answers")}
        layers.setdefault(name, {})[document] = LayerSet(parts, submitted_at)
    return Inputs(layers, documents, project.schema.definition, stories)


def agreement_layer_names(project: Project) -> list[str]:
    """Every layer the project has sets of (whatever their status), sorted."""
    rows = (
        AnnotationSet.objects.filter(project=project)
        .values_list("kind", "author__username", "model_name")
        .distinct()
    )
    return sorted({layer_name(kind, author, model) for kind, author, model in rows})


def agreement_data_version(project: Project) -> str:
    """A fingerprint of every set of the project and its schema: it changes with any write
    (each bumps a set's version and ``updated_at``), any new or deleted set, and any change
    of schema. One aggregate over the project's sets (indexed by project)."""
    with connection.cursor() as cursor:
        cursor.execute(_DATA_VERSION_SQL, {"project": project.pk})
        row = cursor.fetchone()
    text = "|".join("" if v is None else str(v) for v in row)
    return hashlib.sha256(text.encode()).hexdigest()


def agreement_cached(project: Project, key: str, data_version: str) -> dict[str, Any] | None:
    """A report computed with the same parameters on the same data, if there is one."""
    found = (
        AgreementCache.objects.filter(project=project, key=key, data_version=data_version)
        .values_list("result", flat=True)
        .first()
    )
    return found
