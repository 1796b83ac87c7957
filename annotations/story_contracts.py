"""The shapes of a story's claims x outlets table (``GET /api/v1/stories/{id}/claims/``),
declared once as ``TypedDict``s (``annotations/api/openapi.py`` makes them components)."""

from __future__ import annotations

from typing import TypedDict


class RegistryEntryRef(TypedDict):
    id: int  # the source page is /projects/{project}/sources/{id}/
    key: str
    name: str
    kind: str  # named_person, named_organisation, anonymous_official, other


class ClaimSource(TypedDict):
    id: int  # the SOURCE span
    text: str
    source_type: str | None  # the span's source_type attribute
    entry: RegistryEntryRef | None  # the registry entry its ``entry`` attribute names


class ClaimCue(TypedDict):
    id: int  # the CUE span
    text: str


class ClaimStance(TypedDict):
    holder: str | None  # the holder span's text; None: the document's own stance
    value: str


class CellClaim(TypedDict):
    id: int  # the CLAIM span
    start: int
    end: int
    fragments: list[list[int]]  # [start, end] pieces of a discontinuous claim, else []
    text: str  # the wording (pieces joined by " … ")
    differs: list[list[int]]  # [start, end] ranges of ``text`` other outlets word otherwise
    source: ClaimSource | None  # the ATTRIBUTED_TO target
    cue: ClaimCue | None  # the CUE_OF source
    zone: str  # headline, lede, body (or another zone kind, such as caption)
    paragraph: int  # 1-based, paragraphs separated by blank lines
    stances: list[ClaimStance]  # stances whose object is this claim


class ClaimCell(TypedDict):
    document: int
    claims: list[CellClaim]


class ClaimRow(TypedDict):
    id: int  # the cluster's first CLAIM span id
    outlets: int  # how many outlets carry the claim
    only_outlet: bool  # one outlet alone carries it
    cells: list[ClaimCell]  # only the documents that carry it, in column order


class StoryColumn(TypedDict):
    id: int  # the document
    title: str
    outlet: str  # "" when the document has no outlet
    published_at: str | None


class CountedCue(TypedDict):
    cue: str
    count: int


class CountedStance(TypedDict):
    value: str
    count: int


class OutletFigures(TypedDict):
    outlet: str
    documents: int
    claims: int  # CLAIM spans in its documents
    anonymous: int  # of them attributed to an anonymous source
    anonymous_share: float
    only_outlet: int  # rows only this outlet carries
    cues: list[CountedCue]
    stances: list[CountedStance]


class StoryRef(TypedDict):
    id: int
    name: str


class StoryClaimsTable(TypedDict):
    story: StoryRef
    project: int
    layer: str
    layers: list[str]  # the layers the caller may read
    documents: list[StoryColumn]  # the columns, by outlet then publication time
    rows: list[ClaimRow]
    outlets: list[OutletFigures]
