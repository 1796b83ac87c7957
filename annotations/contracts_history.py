"""The shapes of comments, suggestion decisions and set history in the API, declared once
as ``TypedDict``s (OpenAPI components through ``annotations/api/openapi.py``), beside the
core ones of ``annotations/contracts.py``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict

from annotations.contracts import SetContents
from annotations.set_changes import ChangeCounts, Changes

# --- comments -----------------------------------------------------------------------------


class CommentOut(TypedDict):
    """One comment. Its thread: a unit (``span``, ``relation`` or ``stance``: at most one)
    of the set ``set``; the set as a whole (``set`` alone); or the document's general thread
    (neither). ``layer`` names the set's layer (``annotator:<username>``, ``gold``,
    ``model:<name>``). ``unread``: written by someone else after your read mark."""

    id: int
    document: int
    author: str
    created_at: datetime
    text: str
    set: int | None
    layer: str | None
    span: int | None
    relation: int | None
    stance: int | None
    unread: bool


class _CommentKeys(TypedDict):
    text: str


class CommentIn(_CommentKeys, total=False):
    """A new comment: ``text`` and its thread: ``set`` (notes on a set as a whole), or one
    of ``span``, ``relation``, ``stance`` (its set is the unit's); none: the document's
    general thread."""

    set: int | None
    span: int | None
    relation: int | None
    stance: int | None


class CommentsReadIn(TypedDict, total=False):
    """Read up to ``until`` (the newest comment shown); now when left out."""

    until: datetime


class CommentsRead(TypedDict):
    read_at: datetime


class DocumentUnread(TypedDict):
    document: int
    unread: int


class UnreadCounts(TypedDict):
    """Comments written by others since your read mark, on the documents that have any."""

    total: int
    documents: list[DocumentUnread]


# --- suggestion decisions -----------------------------------------------------------------


class DecisionOut(TypedDict):
    """A decision on a suggestion (a span of a model's set) made in the set ``set``."""

    suggestion: int
    set: int
    model_name: str
    decision: str  # accepted, rejected
    created_at: datetime


class DecisionIn(TypedDict):
    suggestion: int
    decision: str  # accepted, rejected


class ModelRates(TypedDict):
    """How people decided on one model's suggestions: ``decided`` = accepted + rejected;
    the rates are shares of ``decided`` (null before any decision)."""

    model_name: str
    suggestions: int  # spans of the model's sets in the project
    decided: int
    accepted: int
    rejected: int
    acceptance_rate: float | None
    rejection_rate: float | None


# --- set history --------------------------------------------------------------------------


class RevisionRow(TypedDict):
    """One revision of a set: the set as the write that left ``version`` made it. ``author``
    wrote it (None for the baseline: the set as history found it, after an import or
    from before history was kept). ``changes`` counts what that write changed (None for
    the first revision: nothing before it); ``counts`` what the set then held."""

    version: int
    author: str | None
    created_at: datetime
    baseline: bool
    counts: dict[str, int]
    changes: ChangeCounts | None


class RevisionDetail(RevisionRow):
    """A revision with its contents and the rows its write added, removed and changed."""

    contents: SetContents
    changed: Changes | None


class RestoreIn(TypedDict):
    """The set's version you have loaded: if it moved on, 409 and nothing is written."""

    version: int
