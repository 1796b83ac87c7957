"""Importing annotated data into a project: every format's records, checked, then written whole.

``annotations_import`` unpacks uploads (zips, safely), hands the files to the format's reader
(``annotations/formats/``) and passes the records it gives to ``records_import``, which

1. takes the file's schema when the project has no annotation sets yet (the file's labels are
   then the project's), else checks every label against the project's schema;
2. normalises each text as the corpus stores it (NFC, ``\\n``) and moves the offsets along;
3. checks every document, set, span, relation, stance and answer with the same checks a save
   from the browser gets (``set_validation``), collecting every problem with its place;
4. writes nothing if there is any problem; otherwise writes everything in one transaction:
   documents (a text already in the corpus is reused), the project's queue, users named in
   the file that this server lacks (no password: they cannot log in until given one), their
   memberships, then sets, spans, relations, stances and answers with one ``COPY`` each.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count
from typing import Any

import orjson
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from annotations.formats import import_spec
from annotations.formats.archives import upload_files
from annotations.formats.records import Header, Issue, Record, where
from annotations.formats.text_map import normalised
from annotations.models import (
    AnnotationSet,
    DocumentAnswer,
    Membership,
    Project,
    ProjectDocument,
    Relation,
    Role,
    SetKind,
    SetStatus,
    Span,
    Stance,
)
from annotations.schema import Schema, SchemaError, validate_definition
from annotations.services.projects import project_documents_add
from annotations.services.row_copy import ids_take, rows_copy
from annotations.services.set_validation import (
    Errors,
    answers_checked,
    is_int,
    relation_fields_checked,
    span_fields_checked,
    stance_fields_checked,
)
from corpus.importers.document_copy import DocumentCopy
from corpus.models import ZONE_KINDS, Document, Outlet, Story

MAX_ERRORS = 1000  # listed in a report; the count says how many there were in all
IMPORTED_MODEL = "imported"
_PROJECT_FIELDS = ("description", "guidelines", "blind", "annotators_per_document")


@dataclass
class ImportOutcome:
    errors: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)
    error_count: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    users_created: list[str] = field(default_factory=list)
    schema_replaced: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, issue: Issue) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(issue)

    def to_dict(self) -> dict[str, Any]:
        return {
            "imported": self.ok,
            "errors": [issue.as_dict() for issue in self.errors],
            "error_count": self.error_count,
            "notes": [issue.as_dict() for issue in self.notes],
            "counts": {
                key: self.counts[key]
                for key in (
                    "documents_created",
                    "documents_existing",
                    "added_to_project",
                    "sets",
                    "spans",
                    "relations",
                    "stances",
                    "answers",
                )
            },
            "users_created": self.users_created,
            "schema_replaced": self.schema_replaced,
        }


def annotations_import(
    *,
    project: Project,
    user: Any,
    fmt: str,
    files: list[tuple[str, bytes]],
    options: dict[str, Any] | None = None,
) -> ImportOutcome:
    """Read ``files`` as format ``fmt`` and import them into ``project``: all or nothing."""
    options = options or {}
    spec = import_spec(fmt)
    outcome = ImportOutcome()
    unpacked: list[tuple[str, bytes]] = []
    limit = settings.CLAIMLENS_MAX_UPLOAD_BYTES * 4
    for name, data in files:
        members, issues = upload_files(name, data, max_total=limit)
        for issue in issues:
            outcome.error(issue)
        unpacked.extend(members)
    if outcome.errors:
        return outcome
    result = spec.read(unpacked, options)
    outcome.notes.extend(result.notes)
    for issue in result.errors:
        outcome.error(issue)
    if outcome.errors:
        return outcome
    return records_import(
        project=project,
        user=user,
        header=result.header,
        documents=result.documents,
        options=options,
        outcome=outcome,
    )


@dataclass(slots=True, eq=False)
class _Span:
    """A checked span before it is written (a model instance costs ~30 us to build)."""

    label: str
    start: int
    end: int
    fragments: list[list[int]] | None
    text: str
    attributes: dict[str, Any]
    pk: int | None = None


@dataclass
class _Set:
    record: Record
    row: AnnotationSet
    author: str | None
    spans: dict[Any, _Span] = field(default_factory=dict)  # by the file's span id
    relations: list[dict[str, Any]] = field(default_factory=list)  # relation_fields_checked
    stances: list[dict[str, Any]] = field(default_factory=list)  # stance_fields_checked
    answers: list[DocumentAnswer] = field(default_factory=list)


@dataclass
class _Document:
    record: Record
    file: str
    line: int | None
    original: str  # the text as the file has it: the offsets point into it
    offsets: Any  # text_map.OffsetMap: original offsets -> offsets in ``text``
    text: str  # as stored: NFC, "\n" line endings
    sha256: str
    key: Any  # the record's "id" (what relations across documents name), else its position
    zones: list[dict[str, Any]]
    story: str | None
    outlet: tuple[str, str] | None
    sets: list[_Set] = field(default_factory=list)
    row: Document | None = None


class _Layers:
    """Every span of the file by (document id in the file, layer, span id), with its
    document, for links across documents (same layer, same story, as in the browser).
    Span ids need only be unique within their set."""

    def __init__(self) -> None:
        self.spans: dict[tuple[Any, tuple[str, str], Any], tuple[_Span, _Document]] = {}


def _layer_key(aset: _Set) -> tuple[str, str]:
    return (aset.row.kind, aset.author or aset.row.model_name or "")


class _Resolver:
    """What ``set_validation`` needs to resolve span references inside an imported set."""

    def __init__(self, aset: _Set, document: _Document, layers: _Layers):
        self.aset = aset.row
        self._set = aset
        self._document = document
        self._layers = layers
        self.target_document: Any = None  # the relation being checked names it

    def local(self, ref: Any) -> _Span | None:
        return self._set.spans.get(ref) if _hashable(ref) else None

    def across(self, ref: Any) -> _Span | None:
        key = (self.target_document, _layer_key(self._set), ref)
        found = self._layers.spans.get(key) if _hashable(ref) and _hashable(key[0]) else None
        if found is None:
            return None
        span, document = found
        same_story = document.story is not None and document.story == self._document.story
        return span if document is not self._document and same_story else None


def _hashable(ref: Any) -> bool:
    return isinstance(ref, str | int) and not isinstance(ref, bool)


def records_import(
    *,
    project: Project,
    user: Any,
    header: Header | None,
    documents: list[Record],
    options: dict[str, Any] | None = None,
    outcome: ImportOutcome | None = None,
) -> ImportOutcome:
    """Check the records against ``project`` and write them all, or nothing."""
    options = options or {}
    outcome = outcome or ImportOutcome()
    if not documents and not header:
        outcome.error(Issue("", None, "nothing to import: the file holds no documents"))
        return outcome
    empty = not AnnotationSet.objects.filter(project=project).exists()
    definition = project.schema.definition
    file_schema = (header or {}).get("schema")
    take_schema = bool(file_schema) and empty and not options.get("keep_schema")
    if take_schema:
        try:
            definition = validate_definition(file_schema)
        except SchemaError as exc:
            for path, message in exc.errors.items():
                outcome.error(Issue("header", 1, f"schema.{path}: {message}"))
            return outcome
    if file_schema and not documents and not take_schema:
        reason = "has annotation sets" if not empty else "keeps its schema (keep_schema)"
        message = f"the project {reason}: its schema can be changed in its settings"
        outcome.error(Issue("header", None, message))
        return outcome
    schema = Schema(definition)

    parsed = _documents_check(documents, schema, user, options, outcome)
    if outcome.errors:
        return outcome
    try:
        with transaction.atomic():
            if take_schema:
                project.schema.definition = definition
                project.schema.save(update_fields=["definition", "updated_at"])
                outcome.schema_replaced = True
                _project_settings_take(project, (header or {}).get("project") or {})
            _members_ensure(project, header, parsed, outcome)
            _write(project, parsed, outcome)
            if outcome.errors:
                transaction.set_rollback(True)
    except IntegrityError as exc:
        outcome.error(Issue("", None, f"the import clashed with another write: {exc}"))
    if outcome.errors:
        outcome.counts.clear()
        outcome.users_created = []
        outcome.schema_replaced = False
    return outcome


def _project_settings_take(project: Project, fields: dict[str, Any]) -> None:
    changed = []
    for name in _PROJECT_FIELDS:
        value = fields.get(name)
        if value is None:
            continue
        expected = type(getattr(project, name))
        if isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
            if name == "annotators_per_document" and value < 1:
                continue
            setattr(project, name, value)
            changed.append(name)
    if changed:
        project.save(update_fields=changed)


# --- checking -----------------------------------------------------------------------------


def _documents_check(
    documents: list[Record],
    schema: Schema,
    user: Any,
    options: dict[str, Any],
    outcome: ImportOutcome,
) -> list[_Document]:
    parsed: list[_Document] = []
    layers = _Layers()
    seen_text: dict[str, _Document] = {}
    seen_keys: set[Any] = set()
    fresh_ids = count(-1, -1)
    default_annotator = options.get("annotator") or getattr(user, "username", None)
    # Pass 1: documents, sets and spans (relations may point at spans of later documents).
    for record in documents:
        file, line = where(record)
        errors = Errors()
        document = _document_check(record, file, line, errors)
        if document is not None:
            earlier = seen_text.get(document.sha256)
            if earlier is not None:
                errors.add("text", f"the same text as {earlier.file}:{earlier.line}")
            seen_text[document.sha256] = document
            if document.key is None:
                document.key = f"#{len(parsed)}"
            elif not _hashable(document.key) or document.key in seen_keys:
                errors.add("id", f"document id {document.key!r} appears twice in the file")
            seen_keys.add(document.key)
            _sets_check(document, schema, default_annotator, fresh_ids, layers, errors)
        _report(errors, file, line, outcome)
        if document is not None:
            parsed.append(document)
    if outcome.errors:
        return parsed
    # Pass 2: relations, stances and answers.
    for document in parsed:
        errors = Errors()
        for i, aset in enumerate(document.sets):
            _links_check(document, aset, schema, layers, f"sets[{i}]", errors)
        _report(errors, document.file, document.line, outcome)
    return parsed


def _report(errors: Errors, file: str, line: int | None, outcome: ImportOutcome) -> None:
    for path, message in errors.items.items():
        outcome.error(Issue(file, line, f"{path}: {message}" if path else message))


def _document_check(record: Any, file: str, line: int | None, errors: Errors) -> _Document | None:
    if not isinstance(record, dict):
        errors.add("", "a document record must be an object")
        return None
    original = record.get("text")
    if not isinstance(original, str) or not original.strip():
        errors.add("text", "the document text is missing or blank")
        return None
    if "\x00" in original:
        errors.add("text", "holds a NUL character (U+0000), which cannot be stored")
        return None
    try:
        text, offsets = normalised(original)
    except ValueError as exc:
        errors.add("text", str(exc))
        return None
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    given = record.get("sha256")
    if given and text == original and given != sha:
        errors.add("sha256", "does not match the text (the file was changed after export?)")
    zones = _zones_check(record.get("zones"), offsets, len(text), errors)
    outlet = record.get("outlet")
    if isinstance(outlet, dict):
        outlet = (str(outlet.get("name") or ""), str(outlet.get("domain") or ""))
    elif isinstance(outlet, str):
        outlet = (outlet, "")
    else:
        outlet = None
    story = record.get("story")
    document = _Document(
        record=record,
        file=file,
        line=line,
        original=original,
        offsets=offsets,
        text=text,
        sha256=sha,
        key=record.get("id"),
        zones=zones,
        story=story if isinstance(story, str) and story else None,
        outlet=outlet if outlet and outlet[0] else None,
    )
    return document


def _zones_check(zones: Any, offsets: Any, length: int, errors: Errors) -> list[dict[str, Any]]:
    if not zones:
        return []
    if not isinstance(zones, list):
        errors.add("zones", "must be a list of {kind, start, end}")
        return []
    out = []
    for i, zone in enumerate(zones):
        ok = (
            isinstance(zone, dict)
            and zone.get("kind") in ZONE_KINDS
            and is_int(zone.get("start"))
            and is_int(zone.get("end"))
        )
        if not ok:
            errors.add(f"zones[{i}]", f"must be {{kind: one of {ZONE_KINDS}, start, end}}")
            continue
        try:
            start, end = offsets.map_span(zone["start"], zone["end"])
        except ValueError as exc:
            errors.add(f"zones[{i}]", str(exc))
            continue
        if not 0 <= start < end <= length:
            errors.add(f"zones[{i}]", f"[{start}, {end}) is outside the text")
            continue
        out.append({"kind": zone["kind"], "start": start, "end": end})
    return out


def _set_row(item: dict[str, Any], default_annotator: str | None, path: str, errors: Errors):
    kind = item.get("kind") or SetKind.ANNOTATOR
    if kind not in SetKind.values:
        errors.add(f"{path}.kind", f"must be one of {', '.join(SetKind.values)}")
        return None, None
    author = item.get("annotator")
    if author is not None and (not isinstance(author, str) or not author.strip()):
        errors.add(f"{path}.annotator", "must be a username")
        return None, None
    if kind == SetKind.ANNOTATOR:
        author = author or default_annotator
        if not author:
            errors.add(f"{path}.annotator", "an annotator set needs the annotator's username")
            return None, None
    model = ""
    if kind == SetKind.MODEL:
        model = item.get("model") or IMPORTED_MODEL
        if not isinstance(model, str):
            errors.add(f"{path}.model", "must be the model's name")
            return None, None
        author = None
    default_status = SetStatus.CURATED if kind == SetKind.GOLD else SetStatus.SUBMITTED
    status = item.get("status") or default_status
    if status not in SetStatus.values:
        errors.add(f"{path}.status", f"must be one of {', '.join(SetStatus.values)}")
        return None, None
    seconds = item.get("seconds_spent") or 0
    if not is_int(seconds) or seconds < 0:
        errors.add(f"{path}.seconds_spent", "must be a whole number of seconds")
        return None, None
    times = {}
    for name in ("started_at", "submitted_at"):
        value = item.get(name)
        times[name] = None
        if value:
            try:
                times[name] = datetime.fromisoformat(value)
            except (TypeError, ValueError):
                errors.add(f"{path}.{name}", "must be an ISO 8601 date and time")
                return None, None
    row = AnnotationSet(
        kind=kind,
        model_name=model[:200],
        status=status,
        seconds_spent=seconds,
        **times,
    )
    return row, author


def _sets_check(
    document: _Document,
    schema: Schema,
    default_annotator: str | None,
    fresh_ids: Any,
    layers: _Layers,
    errors: Errors,
) -> None:
    sets = document.record.get("sets") or []
    if not isinstance(sets, list):
        errors.add("sets", "must be a list")
        return
    taken: set[tuple[str, str]] = set()
    for i, item in enumerate(sets):
        path = f"sets[{i}]"
        if not isinstance(item, dict):
            errors.add(path, "must be an object")
            continue
        row, author = _set_row(item, default_annotator, path, errors)
        if row is None:
            continue
        aset = _Set(record=item, row=row, author=author)
        layer = _layer_key(aset)
        if layer in taken:
            errors.add(path, f"a second {row.kind} set for {layer[1] or 'gold'} on this document")
            continue
        taken.add(layer)
        spans = item.get("spans") or []
        if not isinstance(spans, list):
            errors.add(f"{path}.spans", "must be a list")
            continue
        for j, data in enumerate(spans):
            span_path = f"{path}.spans[{j}]"
            fields = span_fields_checked(schema, document.original, data, span_path, errors)
            if fields is None:
                continue
            try:
                _fields_remap(fields, document.offsets, document.text)
            except ValueError as exc:
                errors.add(span_path, str(exc))
                continue
            ref = data.get("id")
            if ref is None:
                ref = next(fresh_ids)
            if not _hashable(ref) or ref in aset.spans:
                errors.add(f"{span_path}.id", f"span id {ref!r} appears twice in the set")
                continue
            span = _Span(**fields)
            aset.spans[ref] = span
            layers.spans[(document.key, layer, ref)] = (span, document)
        document.sets.append(aset)


def _fields_remap(fields: dict[str, Any], offsets: Any, text: str) -> None:
    """Move checked span fields from the file's text onto the normalised text."""
    if offsets.identity:
        return
    pieces = fields["fragments"] or [[fields["start"], fields["end"]]]
    moved = [list(offsets.map_span(a, b)) for a, b in pieces]
    fields["start"], fields["end"] = moved[0][0], moved[-1][1]
    fields["fragments"] = moved if fields["fragments"] else None
    fields["text"] = " ".join(text[a:b] for a, b in moved)


def _links_check(
    document: _Document, aset: _Set, schema: Schema, layers: _Layers, path: str, errors: Errors
) -> None:
    resolver = _Resolver(aset, document, layers)
    item = aset.record
    relations = item.get("relations") or []
    stances = item.get("stances") or []
    if not isinstance(relations, list) or not isinstance(stances, list):
        errors.add(path, "relations and stances must be lists")
        return
    seen: set[Any] = set()
    for k, data in enumerate(relations):
        resolver.target_document = data.get("target_document") if isinstance(data, dict) else None
        relation = relation_fields_checked(schema, resolver, data, f"{path}.relations[{k}]", errors)
        if relation is None:
            continue
        key = (relation["type"], id(relation["source"]), id(relation["target"]))
        if key in seen:
            errors.add(f"{path}.relations[{k}]", "appears twice")
            continue
        seen.add(key)
        aset.relations.append(relation)
    seen = set()
    for k, data in enumerate(stances):
        stance = stance_fields_checked(schema, resolver, data, f"{path}.stances[{k}]", errors)
        if stance is None:
            continue
        key = (id(stance["holder"]), stance["target"], id(stance["object_span"]))
        if key in seen:
            errors.add(f"{path}.stances[{k}]", "appears twice")
            continue
        seen.add(key)
        aset.stances.append(stance)
    sub = Errors()
    aset.answers = answers_checked(schema, aset.row, item.get("answers") or {}, sub)
    for sub_path, message in sub.items.items():
        errors.add(f"{path}.{sub_path}", message)


# --- writing ------------------------------------------------------------------------------


def _members_ensure(
    project: Project, header: Header | None, parsed: list[_Document], outcome: ImportOutcome
) -> None:
    """Users for every username the file names (created without a password when missing)
    and a membership for each in this project (existing roles are left as they are)."""
    roles: dict[str, str] = {}
    for member in (header or {}).get("members") or []:
        if isinstance(member, dict) and isinstance(member.get("username"), str):
            role = member.get("role")
            roles[member["username"]] = role if role in Role.values else Role.ANNOTATOR
    for document in parsed:
        for aset in document.sets:
            if aset.author:
                default = Role.REVIEWER if aset.row.kind == SetKind.GOLD else Role.ANNOTATOR
                roles.setdefault(aset.author, default)
    if not roles:
        return
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=list(roles))}
    for username in sorted(set(roles) - set(users)):
        if len(username) > 150:
            outcome.error(Issue("", None, f"username {username[:40]!r}... is too long"))
            return
        new = User(username=username)
        new.set_unusable_password()
        new.save()
        users[username] = new
        outcome.users_created.append(username)
    Membership.objects.bulk_create(
        [Membership(project=project, user=users[u], role=r) for u, r in roles.items()],
        ignore_conflicts=True,
    )
    for document in parsed:
        for aset in document.sets:
            if aset.author:
                aset.row.author = users[aset.author]


def _documents_write(parsed: list[_Document], outcome: ImportOutcome) -> None:
    existing = {d.sha256: d for d in Document.objects.filter(sha256__in=[p.sha256 for p in parsed])}
    stories = {
        name: Story.objects.get_or_create(name=name[:300])[0]
        for name in sorted({p.story for p in parsed if p.story})
    }
    outlets: dict[str, Outlet] = {}
    for name, domain in sorted({p.outlet for p in parsed if p.outlet}):
        if name.casefold() not in outlets:
            found = Outlet.objects.filter(name__iexact=name).first()
            outlets[name.casefold()] = found or Outlet.objects.create(
                name=name[:200], domain=domain[:200]
            )
    new: list[Document] = []
    now = timezone.now()
    for item in parsed:
        item.row = existing.get(item.sha256)
        if item.row is not None:
            outcome.counts["documents_existing"] += 1
            continue
        record = item.record
        raw = record.get("raw") if isinstance(record.get("raw"), str) else ""
        if not raw and item.original != item.text:
            raw = item.original
        item.row = Document(
            story=stories.get(item.story) if item.story else None,
            outlet=outlets.get(item.outlet[0].casefold()) if item.outlet else None,
            title=str(record.get("title") or "")[:500],
            text=item.text,
            raw="" if raw == item.text else raw,
            url=str(record.get("url") or "")[:2000],
            published_at=_when(record.get("published_at")),
            language=str(record.get("language") or "en")[:16],
            meta=record.get("meta") if isinstance(record.get("meta"), dict) else {},
            sha256=item.sha256,
            zones=item.zones,
            created_at=now,
        )
        new.append(item.row)
    if new:
        with DocumentCopy() as copy:
            for document in new:
                copy.write(document)
        ids = dict(
            Document.objects.filter(sha256__in=[d.sha256 for d in new]).values_list("sha256", "id")
        )
        for document in new:
            document.pk = ids[document.sha256]
            document._state.adding = False
        from corpus.tasks import search_index_enqueue

        new_ids = [d.pk for d in new]
        transaction.on_commit(lambda: search_index_enqueue(new_ids))
    outcome.counts["documents_created"] += len(new)


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _sets_clash(project: Project, parsed: list[_Document], outcome: ImportOutcome) -> None:
    """A set the project already has for a document and layer of the file: reported."""
    wanted = {(d.row.pk, _layer_key(s)): d for d in parsed for s in d.sets}
    rows = AnnotationSet.objects.filter(
        project=project, document_id__in={d.row.pk for d in parsed}
    ).values_list("document_id", "kind", "author__username", "model_name")
    for document_id, kind, username, model in rows:
        document = wanted.get((document_id, (kind, username or model or "")))
        if document is not None:
            who = username or model or "gold"
            message = f"the project already has a {kind} set by {who} on this document"
            outcome.error(Issue(document.file, document.line, message))


def _write(project: Project, parsed: list[_Document], outcome: ImportOutcome) -> None:
    _documents_write(parsed, outcome)
    _sets_clash(project, parsed, outcome)
    if outcome.errors:
        return
    outcome.counts["added_to_project"] = project_documents_add(
        project=project, documents=[d.row for d in parsed]
    )
    sets = [(d, s) for d in parsed for s in d.sets]
    set_ids = ids_take(AnnotationSet._meta.db_table, len(sets))
    now = timezone.now()
    for (document, aset), pk in zip(sets, set_ids, strict=True):
        aset.row.pk = pk
        aset.row.project = project
        aset.row.document = document.row
    rows_copy(
        AnnotationSet._meta.db_table,
        [
            "id",
            "project_id",
            "document_id",
            "kind",
            "author_id",
            "model_name",
            "status",
            "version",
            "created_at",
            "updated_at",
            "started_at",
            "submitted_at",
            "seconds_spent",
        ],  # fmt: skip
        (
            (
                s.row.pk,
                project.pk,
                d.row.pk,
                s.row.kind,
                s.row.author_id,
                s.row.model_name,
                s.row.status,
                1,
                now,
                now,
                s.row.started_at,
                s.row.submitted_at,
                s.row.seconds_spent,
            )  # fmt: skip
            for d, s in sets
        ),
    )
    spans = [(s, span) for _, s in sets for span in s.spans.values()]
    for (_, span), pk in zip(spans, ids_take(Span._meta.db_table, len(spans)), strict=True):
        span.pk = pk
    outcome.counts["sets"] = len(sets)
    outcome.counts["spans"] = rows_copy(
        Span._meta.db_table,
        [
            "id",
            "annotation_set_id",
            "label",
            "start",
            "end",
            "fragments",
            "text",
            "attributes",
            "created_at",
        ],  # fmt: skip
        (
            (
                span.pk,
                s.row.pk,
                span.label,
                span.start,
                span.end,
                _json(span.fragments),
                span.text,
                _json(span.attributes),
                now,
            )  # fmt: skip
            for s, span in spans
        ),
    )
    outcome.counts["relations"] = rows_copy(
        Relation._meta.db_table,
        ["annotation_set_id", "type", "source_id", "target_id", "attributes"],
        (
            (s.row.pk, r["type"], r["source"].pk, r["target"].pk, _json(r["attributes"]))
            for _, s in sets
            for r in s.relations
        ),
    )
    outcome.counts["stances"] = rows_copy(
        Stance._meta.db_table,
        ["annotation_set_id", "holder_id", "target", "object_span_id", "value"],
        (
            (
                s.row.pk,
                x["holder"].pk if x["holder"] else None,
                x["target"],
                x["object_span"].pk if x["object_span"] else None,
                x["value"],
            )
            for _, s in sets
            for x in s.stances
        ),
    )
    outcome.counts["answers"] = rows_copy(
        DocumentAnswer._meta.db_table,
        ["annotation_set_id", "question", "value"],
        ((s.row.pk, a.question, _json(a.value)) for _, s in sets for a in s.answers),
    )
    _assigned_counts_refresh(project, [d.row.pk for d in parsed])


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def _assigned_counts_refresh(project: Project, document_ids: list[int]) -> None:
    """``assigned_count`` counts live (not skipped) annotator sets: recount the imported."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {ProjectDocument._meta.db_table} pd SET assigned_count = (
                SELECT count(*) FROM {AnnotationSet._meta.db_table} s
                WHERE s.project_id = pd.project_id AND s.document_id = pd.document_id
                  AND s.kind = %s AND s.status <> %s)
            WHERE pd.project_id = %s AND pd.document_id = ANY(%s)
            """,
            [SetKind.ANNOTATOR, SetStatus.SKIPPED, project.pk, document_ids],
        )
