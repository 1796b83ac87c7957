"""Writing an annotation set whole, in a fixed, small number of statements.

One transaction: bump ``version`` only if it still equals the version the writer loaded (the
UPDATE also locks the row), read the set's spans, validate everything in Python, then one
statement deletes what goes, one inserts new spans, one updates changed spans, and one each
inserts relations, stances and answers. Span ids survive for spans that stay.

Each of ``spans``, ``relations``, ``stances`` and ``answers`` that the payload carries
replaces what the set has; one it leaves out stays as it is (a script that sends only
``answers`` loses no spans). Relations that pointed at deleted spans go with them, also in
other sets of the same layer (cross-document links), whose versions then move on too.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction

from annotations.columns import SPAN, rows_fetched
from annotations.models import (
    AnnotationSet,
    Comment,
    DocumentAnswer,
    Relation,
    SetKind,
    SetStatus,
    Span,
    Stance,
    SuggestionDecision,
)
from annotations.services.comments import comments_follow
from annotations.services.errors import DomainError, VersionConflict
from annotations.services.history import baseline_sql, revisions_record
from annotations.services.schema_lock import schema_read_for_write
from annotations.services.set_caps import payload_rows_capped, set_spans_capped
from annotations.services.set_rows_sql import (
    StoredSpans,
    answers_insert,
    relations_insert,
    spans_insert,
    spans_update,
    stances_insert,
)
from annotations.services.set_validation import (
    Errors,
    SpanResolver,
    answers_checked,
    is_int,
    payload_list,
    relation_checked,
    span_fields_checked,
    stance_checked,
)
from annotations.services.source_links import schema_for_write

_SET = AnnotationSet._meta.db_table

# The version check and bump; a set with no history yet keeps, in the same statement, the
# state it is in before this write as its baseline revision (``services/history.py``).
BUMP_SQL = f"""
WITH before AS (
    SELECT id, version, updated_at FROM {_SET} WHERE id = %(set)s AND version = %(version)s
), bumped AS (
    UPDATE {_SET}
    SET version = version + 1,
        status = CASE WHEN status = %(assigned)s THEN %(in_progress)s ELSE status END,
        started_at = coalesce(started_at, now()),
        updated_at = now()
    WHERE id = %(set)s AND version = %(version)s
    RETURNING version, status, started_at, updated_at
), baseline AS (
    {baseline_sql("SELECT * FROM before WHERE EXISTS (SELECT 1 FROM bumped)")}
)
SELECT * FROM bumped
"""

_TOUCHED_BEFORE = f"SELECT id, version, updated_at FROM {_SET} WHERE id IN (SELECT id FROM touched)"

# What goes: the spans ``gone`` with every relation and stance pointing at them (other sets
# that lose one move their version on, after keeping their baseline revision), the set's
# own relations, stances or answers when the payload replaces them, and the comment
# threads and suggestion decisions on the spans that go (the database would refuse the
# spans' deletion otherwise). Comments on the relations and stances that go come back
# (``relation_comments``, ``stance_comments``): the write's new rows take them over when
# they are the same link or stance again (``comments.comments_follow``).
CLEAR_SQL = f"""
WITH gone_relations AS (
    DELETE FROM {Relation._meta.db_table}
    WHERE (%(relations)s AND annotation_set_id = %(set)s)
       OR target_id = ANY(%(gone)s) OR source_id = ANY(%(gone)s)
    RETURNING id, annotation_set_id, type, source_id, target_id
), gone_stances AS (
    DELETE FROM {Stance._meta.db_table}
    WHERE (%(stances)s AND annotation_set_id = %(set)s)
       OR holder_id = ANY(%(gone)s) OR object_span_id = ANY(%(gone)s)
    RETURNING id, annotation_set_id, holder_id, target, object_span_id
), gone_answers AS (
    DELETE FROM {DocumentAnswer._meta.db_table}
    WHERE %(answers)s AND annotation_set_id = %(set)s
), touched AS (
    UPDATE {_SET} SET version = version + 1, updated_at = now()
    WHERE id <> %(set)s AND id IN (
        SELECT annotation_set_id FROM gone_relations
        UNION SELECT annotation_set_id FROM gone_stances)
    RETURNING id
), touched_baselines AS (
    {baseline_sql(_TOUCHED_BEFORE)}
), gone_span_comments AS (
    DELETE FROM {Comment._meta.db_table} WHERE span_id = ANY(%(gone)s)
), gone_decisions AS (
    DELETE FROM {SuggestionDecision._meta.db_table} WHERE suggestion_id = ANY(%(gone)s)
), gone_spans AS (
    DELETE FROM {Span._meta.db_table} WHERE id = ANY(%(gone)s)
)
SELECT
  (SELECT coalesce(array_agg(id), '{{}}') FROM touched) AS touched,
  (SELECT json_agg(json_build_object('comment', c.id, 'set', g.annotation_set_id,
      'type', g.type, 'source', g.source_id, 'target', g.target_id))
   FROM {Comment._meta.db_table} c JOIN gone_relations g ON g.id = c.relation_id)::text
   AS relation_comments,
  (SELECT json_agg(json_build_object('comment', c.id, 'set', g.annotation_set_id,
      'holder', g.holder_id, 'target', g.target, 'object', g.object_span_id))
   FROM {Comment._meta.db_table} c JOIN gone_stances g ON g.id = c.stance_id)::text
   AS stance_comments
"""


class Cleared(NamedTuple):
    """What ``set_rows_clear`` deleted that the write must follow up on."""

    touched: list[int]  # other sets whose links into the deleted spans went
    relation_comments: str | None  # JSON: comments on deleted relations, with their keys
    stance_comments: str | None


def set_rows_clear(
    set_id: int,
    gone: list[int],
    *,
    relations: bool = False,
    stances: bool = False,
    answers: bool = False,
) -> Cleared:
    """Delete the spans ``gone`` with every relation and stance that points at them (other
    sets that lose one move their version on), and the set's own relations, stances or
    answers when asked: one statement. Call ``set_rows_cleared_follow`` once the write's
    new rows are in."""
    with connection.cursor() as cursor:
        cursor.execute(
            CLEAR_SQL,
            {
                "set": set_id,
                "gone": gone,
                "relations": relations,
                "stances": stances,
                "answers": answers,
            },
        )
        return Cleared(*cursor.fetchone())


def set_rows_cleared_follow(set_id: int, cleared: Cleared, writer: AbstractBaseUser | None) -> None:
    """After a write's rows are in: comments on the relations and stances it replaced move
    to the same rows written again (or go with them), and each set the write changed gets
    its revision."""
    if cleared.relation_comments or cleared.stance_comments:
        comments_follow(cleared.relation_comments, cleared.stance_comments)
    revisions_record([set_id, *cleared.touched], writer)


# Writers of one layer (an annotator's, the gold, a model's) in one story take turns:
# their cross-document links point into each other's sets.
LAYER_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))"


def layer_lock(aset: AnnotationSet, story_id: int | None) -> None:
    if story_id is None:
        return
    who = aset.author_id if aset.kind == SetKind.ANNOTATOR else aset.model_name
    key = f"claimlens.layer:{aset.project_id}:{story_id}:{aset.kind}:{who}"
    with connection.cursor() as cursor:
        cursor.execute(LAYER_LOCK_SQL, [key])


def _unchanged(item: Any, span: Span) -> bool:
    """A kept span sent back exactly as stored: not re-validated, so a later schema change
    (a choice removed, fragments switched off) never blocks saving untouched work."""
    if not isinstance(item, dict):
        return False
    stored = SPAN.as_dict(span, with_id=False)
    sent = {key: item.get(key) for key in stored}
    sent["fragments"] = sent["fragments"] or None
    sent["attributes"] = sent["attributes"] or {}
    return sent == stored


def annotation_set_version_bump(aset: AnnotationSet, version: Any) -> None:
    """Bump the version if it equals ``version`` (locking the row); else 409."""
    if not is_int(version):
        raise DomainError("version is required: the version you loaded.", {"version": "required"})
    params = {
        "set": aset.pk,
        "version": version,
        "assigned": SetStatus.ASSIGNED,
        "in_progress": SetStatus.IN_PROGRESS,
    }
    with connection.cursor() as cursor:
        cursor.execute(BUMP_SQL, params)
        rows = rows_fetched(cursor)
    if not rows:
        current = AnnotationSet.objects.filter(pk=aset.pk).values_list("version", flat=True)
        raise VersionConflict(current.first() or 0)
    for name, value in rows[0].items():
        setattr(aset, name, value)


def _key(span: Span | None) -> Any:
    """A span's identity before and after it has an id."""
    if span is None:
        return None
    return span.pk if span.pk is not None else id(span)


def _unique_rows(rows: list[Any], key: Any, path: str, errors: Errors) -> None:
    seen: set[Any] = set()
    for i, row in enumerate(rows):
        k = key(row)
        if k in seen:
            errors.add(f"{path}[{i}]", "appears twice in the payload")
        seen.add(k)


def write_plans_generic(on: bool) -> None:
    """Plan the write's own statements once per connection, then reset (``on`` False).

    Three statements of a write embed a set's contents as JSON (the baseline in
    ``BUMP_SQL`` and ``CLEAR_SQL``, the revision in ``history.REVISIONS_SQL``), and planning
    them costs ~0.2 ms each time. psycopg prepares them (``server_side_binding``, see
    settings), but under ``plan_cache_mode = auto`` PostgreSQL kept re-planning them: a
    whole-set save of 30 spans cost +12 % over the save before history, +10 % with generic
    plans (docs/decisions.md). The write's statements are lookups by id, so a generic plan
    is as good as a custom one. ``SET LOCAL`` ends with the transaction; the reset keeps an
    outer transaction (curation's gold writes) planning as usual after the write."""
    if not connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"):
        return  # nothing is prepared: nothing to gain
    mode = "force_generic_plan" if on else "DEFAULT"
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL plan_cache_mode TO {mode}")


@transaction.atomic
def annotation_set_write(
    *,
    annotation_set: AnnotationSet,
    data: dict[str, Any],
    writer: AbstractBaseUser | None = None,
) -> dict[str, int]:
    """Replace what ``data`` carries of a set's content; returns ``{ref: span id}``.

    ``annotation_set`` may come with ``project.schema`` and ``document`` loaded (the API's
    lookup does that); otherwise they are fetched. Its version fields are updated in place.
    ``writer`` is the person writing: the author of the revision the write leaves."""
    payload_rows_capped(data)
    aset = annotation_set
    document = aset.document
    write_plans_generic(True)
    definition = schema_read_for_write(aset.project_id)  # before the layer: schema_lock.py
    schema = schema_for_write(aset.project_id, definition)
    layer_lock(aset, document.story_id)
    annotation_set_version_bump(aset, data.get("version"))
    errors = Errors()

    existing = StoredSpans(aset.pk)
    replace_spans = "spans" in data
    keep_ids: set[int] = set() if replace_spans else set(existing)
    to_create: list[Span] = []
    to_update: list[Span] = []
    refs: dict[str, Span] = {}
    for i, item in enumerate(payload_list(data, "spans")):
        path = f"spans[{i}]"
        span_id = item.get("id") if isinstance(item, dict) else None
        kept = existing.get(span_id) if is_int(span_id) and span_id not in keep_ids else None
        fields = None
        if kept is None or not _unchanged(item, kept):
            fields = span_fields_checked(schema, document.text, item, path, errors)
            if fields is None:
                continue
        ref = item.get("ref")
        if ref is not None and (not isinstance(ref, str) or not ref or ref in refs):
            errors.add(f"{path}.ref", "a ref is a non-empty string, unique in the payload")
            continue
        if span_id is not None:
            if kept is None:
                errors.add(f"{path}.id", f"{span_id!r} is not a span of this set")
                continue
            span = kept
            keep_ids.add(span_id)
            if fields is not None and any(getattr(span, k) != v for k, v in fields.items()):
                for k, v in fields.items():
                    setattr(span, k, v)
                to_update.append(span)
        else:
            span = Span(annotation_set=aset, **fields)
            to_create.append(span)
        if ref:
            refs[ref] = span
    errors.raise_if_any()
    set_spans_capped(len(keep_ids) + len(to_create))

    # Relations and stances may point at spans that are not created yet (refs): validate
    # them now against the span objects, insert the spans, then the rows that need ids.
    own = {pk: existing.get(pk) for pk in keep_ids}
    resolver = SpanResolver(aset, document, own, refs)
    relations = [
        relation
        for i, item in enumerate(payload_list(data, "relations"))
        if (relation := relation_checked(schema, resolver, item, f"relations[{i}]", errors))
    ]
    stances = [
        stance
        for i, item in enumerate(payload_list(data, "stances"))
        if (stance := stance_checked(schema, resolver, item, f"stances[{i}]", errors))
    ]
    answers = answers_checked(schema, aset, data.get("answers", {}), errors)
    _unique_rows(relations, lambda r: (r.type, _key(r.source), _key(r.target)), "relations", errors)
    _unique_rows(
        stances, lambda s: (_key(s.holder), s.target, _key(s.object_span)), "stances", errors
    )
    errors.raise_if_any()

    gone = [pk for pk in existing if pk not in keep_ids]
    flags = {k: k in data for k in ("relations", "stances", "answers")}
    cleared = set_rows_clear(aset.pk, gone, **flags)
    spans_insert(aset.pk, to_create)
    spans_update(to_update)
    relations_insert(aset.pk, relations)
    stances_insert(aset.pk, stances)
    answers_insert(aset.pk, answers)
    set_rows_cleared_follow(aset.pk, cleared, writer)
    write_plans_generic(False)
    return {ref: span.pk for ref, span in refs.items()}
