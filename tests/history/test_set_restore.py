"""Restoring a set to an old revision ("restore this version"): written back through the
whole-set write, with its version check, as a new revision."""

from __future__ import annotations

import copy

from annotations.models import AnnotationSet, SetRevision
from annotations.services.projects import project_schema_replace
from tests.annotations.conftest import assert_error, current, put_set, span_payload


def restore(client, aset: AnnotationSet, version: int, loaded: int | None = None):  # noqa: ANN001
    body = {"version": current(aset) if loaded is None else loaded}
    return client.post(f"/api/v1/sets/{aset.pk}/history/{version}/restore/", body, format="json")


def contents(aset: AnnotationSet) -> dict:
    return {
        "spans": sorted((s.label, s.start, s.end, s.text) for s in aset.spans.all()),
        "relations": sorted(
            (r.type, r.source.text, r.target.text) for r in aset.relations.select_related()
        ),
        "stances": sorted((x.value, x.object_span.text) for x in aset.stances.select_related()),
        "answers": {a.question: a.value for a in aset.answers.all()},
    }


def test_restoring_brings_back_spans_relations_and_stances_a_later_write_removed(bench, owner):
    filled = SetRevision.objects.filter(annotation_set=bench.aset).order_by("version").last()
    before = contents(bench.aset)
    put_set(owner, bench.aset, spans=[], relations=[], stances=[])
    assert contents(bench.aset)["spans"] == []

    response = restore(owner, bench.aset, filled.version)
    assert response.status_code == 200, response.content
    assert contents(bench.aset) == before
    body = response.json()
    assert sorted(body["refs"]) == sorted(f"r{s['id']}" for s in filled.contents["spans"])
    newest = SetRevision.objects.filter(annotation_set=bench.aset).order_by("version").last()
    assert (newest.version, newest.author) == (body["version"], bench.people.annotator)


def test_spans_the_set_still_has_keep_their_ids_when_restored(bench, owner):
    filled = SetRevision.objects.filter(annotation_set=bench.aset).order_by("version").last()
    text = bench.text
    changed = {
        "id": bench.claim.pk,
        **span_payload(text, "CLAIM", "the talks had stalled", attributes={"quote_type": "direct"}),
    }
    put_set(owner, bench.aset, spans=[changed])
    response = restore(owner, bench.aset, filled.version)
    assert response.status_code == 200, response.content
    claim = next(s for s in response.json()["spans"] if s["label"] == "CLAIM")
    assert claim["id"] == bench.claim.pk and claim["attributes"] == {}
    assert response.json()["refs"] == {
        f"r{bench.source.pk}": bench.aset.spans.get(text="minister").pk,
        f"r{bench.source2.pk}": bench.aset.spans.get(text="officials").pk,
    }


def test_restoring_the_baseline_empties_a_set_that_started_empty(bench, owner):
    assert restore(owner, bench.aset, 1).status_code == 200
    assert contents(bench.aset) == {"spans": [], "relations": [], "stances": [], "answers": {}}


def test_a_restore_with_a_stale_version_gets_409_and_writes_nothing(bench, owner):
    before = contents(bench.aset)
    stale = current(bench.aset) - 1
    assert_error(restore(owner, bench.aset, 1, loaded=stale), 409, "conflict")
    assert contents(bench.aset) == before


def test_restoring_a_version_the_set_never_had_is_not_found(bench, owner):
    assert_error(restore(owner, bench.aset, 99), 404)


def test_answers_given_after_the_revision_are_cleared_by_the_restore(bench, owner):
    filled = SetRevision.objects.filter(annotation_set=bench.aset).order_by("version").last()
    definition = copy.deepcopy(bench.project.schema.definition)
    definition["stance"]["targets"] = [{"key": "council", "name": "The council"}]
    project_schema_replace(project=bench.project, definition=definition)
    put_set(owner, bench.aset, answers={"framing": {"council": "critical"}})
    assert contents(bench.aset)["answers"] == {"framing": {"council": "critical"}}
    assert restore(owner, bench.aset, filled.version).status_code == 200
    assert contents(bench.aset)["answers"] == {}
