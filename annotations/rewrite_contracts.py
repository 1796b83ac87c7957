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
    runs: list[RewriteRun]  # a changed or reworded moved sentence's words, covering it; else empty


class RewriteRow(TypedDict):
    kind: Literal["copied", "changed", "moved", "added", "dropped"]
    similarity: float  # word similarity of a changed or moved pair (1 copied, else 0)
    # None for an added sentence, and for a moved one where it is now (in the rewrite)
    original: RewriteSentence | None
    # None for a dropped sentence, and for a moved one where it was (in the original)
    rewrite: RewriteSentence | None
    # A moved row's counterpart (an index into ``rows``): the row where the sentence is now
    # for the one where it was, and the other way round; both rows carry the two sentences'
    # ``similarity`` and, below 1, their word-level runs against each other. None otherwise.
    moved: int | None


class RewriteCounts(TypedDict):
    copied: int
    changed: int
    moved: int  # moved sentences (each has two rows)
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
