"""Curation of one document: accept a unit of its layers into the gold set (as the layers
made it, or edited), reject it, mark the document curated.

A unit is named by its group's key in the curation view (``annotations/curation/groups.py``),
computed again here from the same layers, so a step acts on what the reviewer saw, and a
unit that is gone meanwhile (a layer changed) is a 409. Every gold change is one whole-set
write (``set_write.annotation_set_write``: the version the reviewer loaded, the layer lock,
every check), built by ``GoldDraft``. Provenance says how a unit came (accepted, edited)
and which layers had it; a rejection is kept (``GoldRejection``) until the unit is
accepted. The first step on an unreviewed document puts it in review.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from annotations.agreement.units import Mode, Place
from annotations.curation.gold_draft import DraftRefusal, Ends, GoldDraft
from annotations.curation.groups import CurationGroup, unit_key
from annotations.models import AnnotationSet, GoldRejection, Project, ReviewStatus, SetKind
from annotations.provenance import Provenance
from annotations.selectors.curation import CurationState, curation_state
from annotations.selectors.sets import annotation_set_lookup
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.errors import DomainError, SetStateConflict, VersionConflict
from annotations.services.review_states import review_begin
from annotations.services.set_write import annotation_set_write

# What an edit changes of a span's place (its label and pieces), not only of its content.
PLACE_FIELDS = {"label", "start", "end", "fragments"}

# What an edit may change, by kind of unit.
EDITABLE = {
    "span": {"label", "start", "end", "fragments", "attributes"},
    "relation": {"type", "attributes"},
    "stance": {"value"},
    "answer": {"value"},
}


def state_of(
    project: Project, document_id: int, models: Sequence[str], mode: Mode
) -> CurationState:
    state = curation_state(project, document_id, models=models, mode=mode)
    if state is None:
        raise DomainError("The document is not in this project.", {"document": "not in project"})
    return state


def group_of(state: CurationState, key: str) -> CurationGroup:
    group = state.group(key)
    if group is None:
        raise SetStateConflict(
            "This unit is not in the document's layers or gold set any more (they changed "
            "since you loaded them): reload.",
            state.review_status,
        )
    return group


def gold_of(
    project: Project, document: Any, reviewer: AbstractBaseUser | None, version: int | None
) -> tuple[AnnotationSet, int]:
    """The document's gold set (started now when it has none), loaded for a write, and the
    version to write at: the one the reviewer loaded (None: they saw no gold set)."""
    gold, created = annotation_set_open(
        project=project, document=document, author=reviewer, kind=SetKind.GOLD
    )
    if version is None:
        if not created:
            raise VersionConflict(gold.version)  # someone started it meanwhile
        version = gold.version
    looked_up = annotation_set_lookup(gold.pk, reviewer.pk if reviewer else None)
    assert looked_up is not None
    return looked_up[0], version


def ends_for(state: CurationState, method: str) -> Ends:
    """What a relation's or stance's end that gold lacks is given: the attributes of the
    layer's span at that place, and provenance naming the layers that had that span."""

    def ends(place: Place) -> tuple[dict[str, Any], Provenance]:
        for group in state.span_groups_at(place):
            member = next(u for u in group.members.values() if u.places[0] == place)
            layers = list(group.layers)
            return dict(member.row.get("attributes") or {}), {"method": method, "layers": layers}
        return {}, {"method": method, "layers": []}

    return ends


def draft_of(state: CurationState) -> GoldDraft:
    contents = state.gold.contents if state.gold else {}
    return GoldDraft(
        contents,
        state.document.pk,
        state.document.text,
        elsewhere=state.gold_elsewhere,
        mode=state.mode,
    )


def gold_write(
    gold: AnnotationSet, draft: GoldDraft, version: int, reviewer: AbstractBaseUser | None
) -> None:
    """Write the draft as the gold set's contents; the reviewer is the revision's author."""
    annotation_set_write(annotation_set=gold, data=draft.payload(version), writer=reviewer)


def _edit_checked(kind: str, edit: Any) -> dict[str, Any] | None:
    if edit is None:
        return None
    if not isinstance(edit, dict) or not edit:
        raise DomainError("edit must be an object of the fields to change.", {"edit": "invalid"})
    unknown = set(edit) - EDITABLE[kind]
    if unknown:
        allowed = ", ".join(sorted(EDITABLE[kind]))
        raise DomainError(
            f"A {kind}'s edit changes {allowed}; not {', '.join(sorted(unknown))}.",
            {"edit": f"unknown: {', '.join(sorted(unknown))}"},
        )
    return edit


@transaction.atomic
def curation_accept(
    *,
    project: Project,
    document_id: int,
    reviewer: AbstractBaseUser,
    key: str,
    version: int | None,
    models: Sequence[str] = (),
    mode: Mode = "exact",
    layer: str | None = None,
    edit: Any = None,
) -> None:
    """Put the unit ``key`` into gold: as ``layer`` made it (default: as most layers made
    it), changed by ``edit`` when given. A unit already in gold is replaced."""
    state = state_of(project, document_id, models, mode)
    group = group_of(state, key)
    edit = _edit_checked(group.kind, edit)
    if layer is not None and layer not in group.members:
        raise DomainError(f"{layer} did not make this unit.", {"layer": "not among its makers"})
    unit = group.members[layer] if layer else group.unit
    if group.members:
        method = "edited" if edit else "accepted"
        provenance: Provenance | None = {"method": method, "layers": list(group.layers)}
    else:  # made in gold by hand: editing it keeps what it was
        provenance = group.gold.row.get("provenance") if group.gold.row else None
    gold, version = gold_of(project, state.document, reviewer, version)
    draft = draft_of(state)
    try:
        draft.accept(
            unit, provenance, ends=ends_for(state, "accepted"), replacing=group.gold, edit=edit
        )
    except DraftRefusal as refusal:
        raise DomainError(str(refusal), {"unit": "cannot go into gold yet"}) from refusal
    gold_write(gold, draft, version, reviewer)
    keys = [unit_key(member) for member in group.members.values()]
    GoldRejection.objects.filter(
        project=project, document_id=document_id, unit_key__in=keys
    ).delete()
    if edit and group.kind == "span" and PLACE_FIELDS & set(edit):
        # Gold has the span elsewhere now: the layers' own is kept out, so that auto-merge
        # does not bring it back beside the edited one.
        for key in keys:
            GoldRejection.objects.get_or_create(
                project=project,
                document_id=document_id,
                unit_key=key,
                defaults={"rejected_by": reviewer},
            )
    review_begin(project_id=project.pk, document_id=document_id)


@transaction.atomic
def curation_reject(
    *,
    project: Project,
    document_id: int,
    reviewer: AbstractBaseUser,
    key: str,
    version: int | None,
    models: Sequence[str] = (),
    mode: Mode = "exact",
) -> None:
    """Keep the unit ``key`` out of gold: taken out of gold if it is there, and remembered
    as rejected (a unit only gold has, made by hand, is simply taken out)."""
    state = state_of(project, document_id, models, mode)
    group = group_of(state, key)
    if group.gold is not None:
        gold, version = gold_of(project, state.document, reviewer, version)
        draft = draft_of(state)
        draft.remove(group.gold)
        gold_write(gold, draft, version, reviewer)
    for member in group.members.values():
        GoldRejection.objects.get_or_create(
            project=project,
            document_id=document_id,
            unit_key=unit_key(member),
            defaults={"rejected_by": reviewer},
        )
    review_begin(project_id=project.pk, document_id=document_id)


def document_curate(
    *, project: Project, document_id: int, reviewer: AbstractBaseUser
) -> AnnotationSet:
    """Mark the document curated: its gold set (started now if it has none) is submitted.
    Not while it is returned: an annotator is correcting a layer gold may still need."""
    state = state_of(project, document_id, (), "exact")
    if state.review_status == ReviewStatus.RETURNED:
        raise SetStateConflict(
            "This document was returned to an annotator: it can be marked curated once their "
            "set is submitted again (or reopen it to curate without them).",
            ReviewStatus.RETURNED,
        )
    gold, _ = annotation_set_open(
        project=project, document=state.document, author=reviewer, kind=SetKind.GOLD
    )
    return annotation_set_submit(annotation_set=gold)
