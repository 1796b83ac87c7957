"""A rename and set writes take turns on the schema's row (schema_lock.py), on real
PostgreSQL connections: a rename waits for a save in flight that stores the old key and then
moves that row too; a save that comes after the rename with the old key is refused."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Span
from annotations.schema_renames import KeyRename
from annotations.services.errors import VersionConflict
from annotations.services.schema_changes import project_schema_change
from annotations.services.set_write import annotation_set_write
from tests.annotations.schema_races import CUE_SPAN, a_set_to_race_on, change_during_a_save

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_rename_waits_for_a_save_storing_the_old_key_and_then_moves_that_span_too():
    owner, project, aset = a_set_to_race_on("Race")

    outcome = change_during_a_save(
        aset,
        owner,
        lambda: project_schema_change(project=project, renames=[KeyRename("label", "CUE", "VERB")]),
        "rename",
    )

    assert outcome == {"rename": "done"}
    assert list(Span.objects.filter(annotation_set=aset).values_list("label", flat=True)) == [
        "VERB"
    ]


def test_a_save_holding_the_version_from_before_a_rename_is_a_conflict_not_an_old_key():
    owner, project, aset = a_set_to_race_on("Late")
    span = CUE_SPAN
    annotation_set_write(
        annotation_set=aset, data={"version": aset.version, "spans": [span]}, writer=owner
    )
    loaded = AnnotationSet.objects.get(pk=aset.pk).version
    project_schema_change(project=project, renames=[KeyRename("label", "CUE", "VERB")])
    stale = {"version": loaded, "spans": [span]}
    with pytest.raises(VersionConflict):
        annotation_set_write(annotation_set=aset, data=stale, writer=owner)
    assert list(Span.objects.filter(annotation_set=aset).values_list("label", flat=True)) == [
        "VERB"
    ]
