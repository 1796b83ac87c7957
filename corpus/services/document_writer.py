"""The one writer of corpus documents. Every import stores its documents here: files into
the corpus (``document_import``) and annotated data into a project
(``annotations.services.imports``). The rules are the same for every caller:

- a text already in the corpus (same ``sha256``) is reused when the importer (``reader``)
  can read a stored copy: one in the target project first, else the first variant in a
  project they belong to (superusers and the shell: any). Otherwise the text is stored
  again as a new ``variant`` with the file's own title, URL, outlet and metadata, so an
  import never shows what another project stored (``documents_existing``). The hashes are
  locked first (advisory locks, in hash order), so two imports of one new text take turns;
- a story is found by its name, an outlet by its name case-insensitively, and either is
  created when missing. Names are trimmed (an outlet's inner spaces collapsed) and cut to
  their column's length, and so are the title, URL and language;
- stories and outlets are inserted with ``ON CONFLICT DO NOTHING`` (outlet names are unique
  on ``lower(name)``) and then read back, in name order: two imports creating the same
  names at once both end with the one row, and lock the names in the same order;
- new documents go in with one binary ``COPY`` (``DocumentCopy``), get their ids, and
  their search vectors are filled once the caller's transaction commits.

A document comes as a ``DocumentInput`` (text and JSON as Python values: the annotation
import) or as ``corpus.prepare.Prepared`` (the corpus import: its long columns already
encoded by the worker process that cleaned it). Either way the long columns go into the
COPY as UTF-8 and JSON bytes. The row returned for a ``Prepared`` document does not hold
them (its text, raw, meta and zones are read from the database when asked for, as for a
document found by ``documents_existing``): the storing process never decodes them, and
a large import's report does not keep every text in memory.

Everything happens inside the caller's transaction; ``names_ensure`` may run in a shorter
transaction of its own first, so that long imports do not hold new names locked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

import orjson
from django.db import connection, transaction
from django.db.models import DEFERRED, Max
from django.utils import timezone

from config.sequences import ids_take
from corpus.models import Document, Outlet, Story
from corpus.prepare import Prepared
from corpus.services.document_copy import DocumentCopy

_MAX = {f.name: f.max_length for f in Document._meta.concrete_fields if f.max_length}
_ATTNAMES = [f.attname for f in Document._meta.concrete_fields]
_STORY, _OUTLET = Document._meta.get_field("story"), Document._meta.get_field("outlet")
_STORY_NAME_MAX = Story._meta.get_field("name").max_length
_OUTLET_NAME_MAX = Outlet._meta.get_field("name").max_length
_OUTLET_DOMAIN_MAX = Outlet._meta.get_field("domain").max_length
DEFAULT_LANGUAGE = "en"


@dataclass(slots=True)
class DocumentInput:
    """A document to store. ``text`` is as the corpus keeps it (NFC, ``\\n``, cleaned or
    not) and ``sha256`` its hash; ``raw`` what was imported, when it differs; ``story``
    and ``outlet`` are names ("" for none)."""

    text: str
    sha256: str
    title: str = ""
    raw: str = ""
    url: str = ""
    published_at: datetime | None = None
    language: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    zones: list[dict[str, Any]] = field(default_factory=list)
    story: str = ""
    outlet: str = ""
    outlet_domain: str = ""


class _Encoded(NamedTuple):
    """A ``DocumentInput``'s long columns as the COPY sends them (``Prepared`` has them)."""

    text: bytes
    raw: bytes
    meta: bytes
    zones: bytes


@dataclass
class Names:
    """Stories and outlets found or created so far, by their names as documents give them
    (after ``story_name`` / ``outlet_name``)."""

    stories: dict[str, Story] = field(default_factory=dict)
    outlets: dict[str, Outlet] = field(default_factory=dict)


@dataclass
class Written:
    """``documents``: a row for each input, in order (reused or created); ``created``: the
    new rows."""

    documents: list[Document] = field(default_factory=list)
    created: list[Document] = field(default_factory=list)


def story_name(name: str) -> str:
    return name.strip()[:_STORY_NAME_MAX]


def outlet_name(name: str) -> str:
    return " ".join(name.split())[:_OUTLET_NAME_MAX]


def names_ensure(
    documents: Iterable[DocumentInput | Prepared], names: Names | None = None
) -> Names:
    """The stories and outlets these documents name, found or created; those already in
    ``names`` are not looked up again."""
    names = names or Names()
    stories: set[str] = set()
    outlets: dict[str, str] = {}
    for document in documents:
        story = story_name(document.story)
        if story and story not in names.stories:
            stories.add(story)
        outlet = outlet_name(document.outlet)
        if outlet and outlet not in names.outlets:
            outlets.setdefault(outlet, document.outlet_domain[:_OUTLET_DOMAIN_MAX])
    if stories:
        names.stories.update(_stories_get_or_create(stories))
    if outlets:
        names.outlets.update(_outlets_get_or_create(outlets))
    return names


_EXISTING_FIELDS = (
    "id", "sha256", "variant", "title", "story_id", "outlet_id", "language", "url"
)  # fmt: skip
_TEXT_LOCK_SQL = (
    "SELECT pg_advisory_xact_lock(hashtextextended('document:' || sha, 0)) "
    "FROM unnest(%s::text[]) AS given(sha) ORDER BY sha"
)


def documents_existing(
    sha256s: list[str], reader: Any = None, project_id: int | None = None
) -> dict[str, Document]:
    """The stored document each of these hashes reuses, by hash (without its text, which
    the callers do not need: ~16 KB a document): the one already in project ``project_id``,
    else the first variant ``reader`` can read (in a project they are a member of). With
    ``reader`` None (an operator at the shell) or a superuser, any variant is readable. A
    hash with no readable copy is missing: the caller stores a new variant."""
    found = Document.objects.filter(sha256__in=sha256s)
    if reader is not None and not getattr(reader, "is_superuser", False):
        found = found.filter(projects__members=reader).distinct()
    in_project: set[int] = set()
    if project_id is not None:
        in_project = set(
            Document.objects.filter(sha256__in=sha256s, projects=project_id).values_list(
                "pk", flat=True
            )
        )
    chosen: dict[str, Document] = {}
    for document in found.only(*_EXISTING_FIELDS).order_by("variant"):
        if document.sha256 not in chosen or document.pk in in_project:
            chosen[document.sha256] = document
    return chosen


def _variants_next(sha256s: set[str]) -> dict[str, int]:
    """The variant a new copy of each stored text takes (texts not stored: none, so 0)."""
    if not sha256s:
        return {}
    top = Document.objects.filter(sha256__in=sha256s).values("sha256").annotate(Max("variant"))
    return {row["sha256"]: row["variant__max"] + 1 for row in top}


def documents_write(
    documents: Sequence[DocumentInput | Prepared],
    *,
    names: Names | None = None,
    reuse: bool = True,
    reader: Any = None,
    project_id: int | None = None,
) -> Written:
    """Store ``documents`` inside the caller's transaction. With ``reuse`` a text already
    in the corpus that ``reader`` can read gives its row back (``documents_existing``) and
    one they cannot is stored as a new variant; without, the caller knows every text is
    new and a text that is not raises ``IntegrityError`` from the ``COPY`` (the batch is
    then redone with ``reuse``). A text given twice is stored once."""
    names = names_ensure(documents, names)
    hashes = sorted({d.sha256 for d in documents})
    found: dict[str, Document] = {}
    variants: dict[str, int] = {}
    if reuse:
        with connection.cursor() as cursor:
            cursor.execute(_TEXT_LOCK_SQL, [hashes])
        found = documents_existing(hashes, reader, project_id)
        variants = _variants_next(set(hashes) - found.keys())
    written = Written()
    now = timezone.now()
    ids = iter(ids_take(Document._meta.db_table, len(set(hashes) - found.keys())))
    copies: list[tuple[Document, Prepared | _Encoded]] = []
    for item in documents:
        row = found.get(item.sha256)
        if row is None:
            variant = variants.get(item.sha256, 0)
            row = found[item.sha256] = _row(item, names, now, next(ids), variant)
            written.created.append(row)
            copies.append((row, item if isinstance(item, Prepared) else _encoded(item)))
        written.documents.append(row)
    # Rows go in in hash order: two imports sharing texts then meet them in the same order
    # and one waits for the other, where input order could deadlock them on the index.
    with DocumentCopy() as copy:
        for row, encoded in sorted(copies, key=lambda pair: pair[0].sha256):
            copy.write(row, encoded)
        copy.close()
    _search_index_later([document.pk for document in written.created])
    return written


def _encoded(item: DocumentInput) -> _Encoded:
    raw = "" if item.raw == item.text else item.raw
    return _Encoded(
        item.text.encode(), raw.encode(), orjson.dumps(item.meta), orjson.dumps(item.zones)
    )


def _row(
    item: DocumentInput | Prepared, names: Names, now: datetime, pk: int, variant: int = 0
) -> Document:
    """The row of a new document; its id is taken beforehand, so it is as if saved. A
    ``Prepared`` document's long columns (text, raw, meta, zones) are not loaded into it,
    as with ``documents_existing``: read, they come from the database."""
    published_at = item.published_at
    if published_at is not None and published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=UTC)  # a time without a zone is UTC
    story, outlet = story_name(item.story), outlet_name(item.outlet)
    story_row = names.stories[story] if story else None
    outlet_row = names.outlets[outlet] if outlet else None
    values: dict[str, Any] = {
        "id": pk,
        "story_id": story_row.pk if story_row else None,
        "outlet_id": outlet_row.pk if outlet_row else None,
        "title": item.title[: _MAX["title"]],
        "url": item.url[: _MAX["url"]],
        "published_at": published_at,
        "language": item.language[: _MAX["language"]] or DEFAULT_LANGUAGE,
        "sha256": item.sha256,
        "variant": variant,
        "search": None,
        "created_at": now,
    }
    if isinstance(item, DocumentInput):
        raw = "" if item.raw == item.text else item.raw  # empty: the same as ``text``
        values.update(text=item.text, raw=raw, meta=item.meta, zones=item.zones)
    row = Document(*[values.get(name, DEFERRED) for name in _ATTNAMES])  # positional: faster
    row._state.adding = False
    row._state.db = connection.alias
    for relation, related in ((_STORY, story_row), (_OUTLET, outlet_row)):
        if related is not None:
            relation.set_cached_value(row, related)
    return row


def _search_index_later(ids: list[int]) -> None:
    """Fill the new documents' search vectors in the background once the caller commits."""
    if not ids:
        return
    from corpus.tasks import search_index_enqueue

    transaction.on_commit(lambda: search_index_enqueue(ids))


def _stories_get_or_create(wanted: set[str]) -> dict[str, Story]:
    def lookup() -> dict[str, Story]:
        return {story.name: story for story in Story.objects.filter(name__in=wanted)}

    stories = lookup()
    missing = sorted(wanted - set(stories))
    if missing:
        Story.objects.bulk_create([Story(name=name) for name in missing], ignore_conflicts=True)
        stories = lookup()
    return stories


# Each wanted name with the outlet whose name equals it case-insensitively. PostgreSQL
# lowers both sides, so the match is the unique index's own (Python's casefold differs).
_OUTLETS_BY_NAME = """
SELECT wanted.name, o.id, o.name, o.domain
FROM unnest(%s::text[]) AS wanted(name)
JOIN {table} o ON lower(o.name) = lower(wanted.name)
"""


def _outlets_get_or_create(wanted: dict[str, str]) -> dict[str, Outlet]:
    """Outlets by the names wanted (name -> domain for a new one)."""
    sql = _OUTLETS_BY_NAME.format(table=connection.ops.quote_name(Outlet._meta.db_table))

    def lookup() -> dict[str, Outlet]:
        with connection.cursor() as cursor:
            cursor.execute(sql, [list(wanted)])
            rows = cursor.fetchall()
        fields = ["id", "name", "domain"]
        return {name: Outlet.from_db(connection.alias, fields, row) for name, *row in rows}

    outlets = lookup()
    missing = sorted((name for name in wanted if name not in outlets), key=str.lower)
    if missing:
        Outlet.objects.bulk_create(
            [Outlet(name=name, domain=wanted[name]) for name in missing], ignore_conflicts=True
        )
        outlets = lookup()
    return outlets
