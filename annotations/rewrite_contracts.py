"""The shapes of the story rewrites API, declared once as ``TypedDict``s
(``annotations/api/openapi.py`` makes them OpenAPI components)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypedDict


class RewriteStory(TypedDict):
    id: int
    name: str


class RewriteDocument(TypedDict):
    id: int
    title: str
    outlet: str | None
    published_at: datetime | None


class RewritePair(TypedDict):
    original: RewriteDocument  # published first
    rewrite: RewriteDocument
    similarity: float  # the import's near-duplicate score: shared clauses over the fewer


class RewritePairs(TypedDict):
    story: RewriteStory
    project: int
    documents: list[RewriteDocument]  # the story's documents in the project, published first
    pairs: list[RewritePair]  # most similar first


class RewriteRun(TypedDict):
    op: Literal["kept", "removed", "added"]
    start: int  # code points in the document's text
    end: int
    text: str


class RewriteSentence(TypedDict):
    start: int
    end: int
    text: str
    runs: list[RewriteRun]  # a changed sentence's words, covering it; empty otherwise


class RewriteRow(TypedDict):
    kind: Literal["copied", "changed", "added", "dropped"]
    similarity: float  # word similarity of a changed or moved pair (1 copied, else 0)
    original: RewriteSentence | None  # None for an added sentence
    rewrite: RewriteSentence | None  # None for a dropped sentence
    # An added or dropped row's counterpart (an index into ``rows``) when the rewrite moved
    # the sentence: the dropped row where it was, the added row where it is; then
    # ``similarity`` is the two sentences'. None otherwise.
    moved: int | None


class RewriteCounts(TypedDict):
    copied: int
    changed: int
    added: int
    dropped: int


class RewriteAlignment(TypedDict):
    story: RewriteStory
    project: int
    original: RewriteDocument
    rewrite: RewriteDocument
    similarity: float
    near_duplicate: bool  # whether the corpus import flags the pair
    counts: RewriteCounts
    rows: list[RewriteRow]  # in the order of both texts
