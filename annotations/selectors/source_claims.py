"""A registry entry's claims across outlets, in one layer: every CLAIM span attributed
(ATTRIBUTED_TO) to a SOURCE span whose registry attribute holds the entry's key, with the
document it sits in, how that outlet named the source (the SOURCE span's text) and the cue
(the text of a CUE span linked to the claim by CUE_OF).

The layer is read as the workbench reads it (``story_layers``): sets of that layer the
caller may see, archived and skipped sets left out. Four queries whatever the size.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from annotations.contracts_sources import NamedAs, SourceClaim, SourceClaims
from annotations.models import Project, Relation, SetKind, SetStatus, SourceEntry, Span
from annotations.selectors.sets import sets_visible_to
from annotations.selectors.sources import entries_out, spans_counted_for
from annotations.selectors.story_layers import GOLD
from annotations.services.source_links import registry_links

ATTRIBUTED_TO = "ATTRIBUTED_TO"  # the news-attribution preset's relation types
CUE_OF = "CUE_OF"


def layer_sets(user: AbstractBaseUser, role: str | None, project: Project, layer: str) -> QuerySet:
    """The sets of ``layer`` (a name ``story_layers.layer_checked`` accepted) the caller
    may see, without archived or skipped ones."""
    sets = sets_visible_to(user, role, project).exclude(
        status__in=[SetStatus.ARCHIVED, SetStatus.SKIPPED]
    )
    if layer == GOLD:
        return sets.filter(kind=SetKind.GOLD)
    kind, _, name = layer.partition(":")
    if kind == "annotator":
        return sets.filter(kind=SetKind.ANNOTATOR, author__username=name)
    return sets.filter(kind=SetKind.MODEL, model_name=name)


def _claim_relations(project: Project, entry: SourceEntry, sets: QuerySet) -> list[Relation]:
    linked = registry_links(project.schema.definition, entry.key, prefix="target__")
    return list(
        Relation.objects.filter(linked, type=ATTRIBUTED_TO, annotation_set__in=sets)
        .select_related("source", "target", "annotation_set__document__outlet")
        .order_by("pk")
    )


def _cues(claim_ids: list[int]) -> dict[int, str]:
    """The cue text of each claim that has one (the first CUE_OF link's, by position)."""
    cues: dict[int, str] = {}
    rows = (
        Relation.objects.filter(type=CUE_OF, target_id__in=claim_ids)
        .order_by("source__start", "pk")
        .values_list("target_id", "source__text")
    )
    for claim_id, text in rows:
        cues.setdefault(claim_id, text)
    return cues


def _sort_key(claim: SourceClaim) -> tuple[Any, ...]:
    document = claim["document"]
    published = document["published_at"]
    return (
        document["outlet"] is None,
        (document["outlet"] or "").casefold(),
        published is None,
        published.isoformat() if published else "",
        document["id"],
        claim["claim"]["start"],
    )


def source_claims(
    user: AbstractBaseUser, role: str | None, project: Project, entry: SourceEntry, layer: str
) -> SourceClaims:
    """The entry, its claims in ``layer`` (by outlet, then time, then position) and how
    often each outlet named it each way (in how many SOURCE spans)."""
    relations = _claim_relations(project, entry, layer_sets(user, role, project, layer))
    cues = _cues([r.source_id for r in relations])
    claims: list[SourceClaim] = []
    for relation in relations:
        claim: Span = relation.source
        document = relation.annotation_set.document
        claims.append(
            {
                "claim": {
                    "span": claim.pk,
                    "text": claim.text,
                    "start": claim.start,
                    "end": claim.end,
                },
                "document": {
                    "id": document.pk,
                    "title": document.title,
                    "outlet": document.outlet.name if document.outlet else None,
                    "published_at": document.published_at,
                },
                "named_as": relation.target.text,
                "source_span": relation.target_id,
                "cue": cues.get(claim.pk),
            }
        )
    claims.sort(key=_sort_key)
    # each SOURCE span counted once, however many claims it is the source of
    mentions = {(c["source_span"], c["document"]["outlet"], c["named_as"]) for c in claims}
    counts = Counter((outlet, name) for _, outlet, name in mentions)
    named_as: list[NamedAs] = [
        {"outlet": outlet, "named_as": name, "count": n}
        for (outlet, name), n in sorted(
            counts.items(), key=lambda item: (item[0][0] is None, item[0][0] or "", -item[1])
        )
    ]
    return {
        "entry": entries_out(project, [entry], counted_for=spans_counted_for(user, role, project))[
            0
        ],
        "layer": layer,
        "claims": claims,
        "named_as": named_as,
    }
