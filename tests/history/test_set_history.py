"""Set history over the API: every write to a set leaves a revision (who, when, what it
changed), the first write keeps the set as it was before it, and the history of a set is
read like the set itself."""

from __future__ import annotations

from annotations.models import AnnotationSet, SetRevision
from annotations.services.imports import records_import
from annotations.services.set_write import annotation_set_write
from tests.annotations.conftest import current, put_set, span_payload


def versions(aset: AnnotationSet) -> list[tuple[int, str | None]]:
    rows = SetRevision.objects.filter(annotation_set=aset).order_by("version")
    return [(r.version, r.author.username if r.author_id else None) for r in rows]


def history(client, aset: AnnotationSet) -> list[dict]:  # noqa: ANN001
    response = client.get(f"/api/v1/sets/{aset.pk}/history/")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_the_first_write_keeps_the_set_as_it_was_then_its_own_revision_with_its_writer(bench):
    # The bench's one write (no writer given) left a baseline and its revision.
    assert versions(bench.aset) == [(1, None), (2, None)]
    baseline = SetRevision.objects.get(annotation_set=bench.aset, version=1)
    assert baseline.contents == {"spans": [], "relations": [], "stances": [], "answers": {}}


def test_a_whole_set_put_leaves_a_revision_by_its_writer_holding_what_the_set_holds(bench, owner):
    text = bench.text
    spans = [{"id": bench.claim.pk, **span_payload(text, "CLAIM", "the talks had stalled")}]
    response = put_set(owner, bench.aset, spans=spans)
    assert response.status_code == 200, response.content
    body = response.json()
    assert versions(bench.aset)[-1] == (body["version"], "annotator")
    stored = SetRevision.objects.get(annotation_set=bench.aset, version=body["version"])
    assert stored.contents == {
        part: body[part] for part in ("spans", "relations", "stances", "answers")
    }


def test_the_history_counts_what_each_write_added_removed_and_changed(bench, owner):
    text = bench.text
    kept = [
        {"id": bench.claim.pk, **span_payload(text, "CLAIM", "the talks had stalled")},
        {
            "id": bench.source.pk,
            **span_payload(text, "SOURCE", "minister", attributes={"side": "government"}),
        },
        span_payload(text, "CUE", "said", ref="cue"),
    ]
    relation = {"type": "ATTRIBUTED_TO", "source": bench.claim.pk, "target": bench.source.pk}
    stance = {"holder": None, "object": bench.claim.pk, "value": "neutral"}
    put_set(owner, bench.aset, spans=kept, relations=[relation], stances=[stance])

    newest, before, baseline = history(owner, bench.aset)
    assert newest["author"] == "annotator" and not newest["baseline"]
    assert newest["changes"] == {
        "spans": {"added": 1, "removed": 1, "changed": 1},  # the cue; officials; the side
        "relations": {"added": 0, "removed": 0, "changed": 0},  # the same link again
        "stances": {"added": 0, "removed": 0, "changed": 0},
        "answers": {"added": 0, "removed": 0, "changed": 0},
    }
    assert newest["counts"] == {"spans": 3, "relations": 1, "stances": 1, "answers": 0}
    assert before["changes"]["spans"]["added"] == 3
    assert baseline["baseline"] and baseline["changes"] is None and baseline["author"] is None


def test_a_revision_lists_the_rows_its_write_changed(bench, owner):
    text = bench.text
    spans = [
        {"id": bench.claim.pk, **span_payload(text, "CLAIM", "the talks had stalled")},
        {"id": bench.source.pk, **span_payload(text, "SOURCE", "minister")},
    ]
    saved = put_set(owner, bench.aset, spans=spans, stances=[]).json()
    detail = owner.get(f"/api/v1/sets/{bench.aset.pk}/history/{saved['version']}/").json()
    assert [s["text"] for s in detail["changed"]["spans"]["removed"]] == ["officials"]
    assert detail["changed"]["stances"]["removed"] == [
        {
            "id": bench.stance.pk,
            "holder": None,
            "target": None,
            "object": bench.claim.pk,
            "value": "neutral",
            "provenance": None,
        }
    ]
    assert detail["contents"]["spans"] == saved["spans"]


def test_a_version_the_set_never_had_is_not_found(bench, owner):
    assert owner.get(f"/api/v1/sets/{bench.aset.pk}/history/99/").status_code == 404


def test_fine_grained_writes_each_leave_a_revision_by_their_writer(bench, owner):
    text = bench.text
    start = versions(bench.aset)[-1][0]
    created = owner.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/", span_payload(text, "CUE", "said"), format="json"
    ).json()
    owner.patch(f"/api/v1/spans/{created['id']}/", {"attributes": {}}, format="json")
    owner.delete(f"/api/v1/relations/{bench.relation.pk}/")
    owner.delete(f"/api/v1/stances/{bench.stance.pk}/")
    owner.delete(f"/api/v1/spans/{created['id']}/")
    assert versions(bench.aset)[-5:] == [(start + n, "annotator") for n in range(1, 6)]
    assert history(owner, bench.aset)[0]["changes"]["spans"]["removed"] == 1


def test_submitting_moves_the_version_without_a_revision(bench, owner):
    before = versions(bench.aset)
    assert owner.post(f"/api/v1/sets/{bench.aset.pk}/submit/").status_code == 200
    assert versions(bench.aset) == before
    response = put_set(owner, bench.aset, answers={})
    assert versions(bench.aset)[-1] == (response.json()["version"], "annotator")
    assert history(owner, bench.aset)[0]["changes"]["spans"] == {
        "added": 0,
        "removed": 0,
        "changed": 0,
    }


def test_an_imported_set_keeps_what_the_import_brought_as_its_baseline(people, client_for):
    document = people.documents[0]
    claim = span_payload(document.text, "CLAIM", "the talks had stalled")
    record = {
        "text": document.text,
        "sets": [{"kind": "annotator", "author": "annotator", "spans": [claim]}],
    }
    outcome = records_import(
        project=people.project, user=people.manager, header=None, documents=[record]
    )
    assert not outcome.errors
    aset = AnnotationSet.objects.get(project=people.project, author=people.annotator)
    assert versions(aset) == []  # an import is not a write of history
    annotation_set_write(
        annotation_set=aset, data={"version": current(aset), "spans": []}, writer=people.annotator
    )
    baseline, write = SetRevision.objects.filter(annotation_set=aset).order_by("version")
    assert [s["text"] for s in baseline.contents["spans"]] == ["the talks had stalled"]
    assert write.contents["spans"] == [] and write.author == people.annotator


def test_a_write_that_drops_links_from_another_set_records_that_sets_revision_too(
    people, client_for
):
    client = client_for(people.annotator)
    first = client.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    claim = span_payload(first["document_detail"]["text"], "CLAIM", "the talks had stalled")
    saved = client.put(
        f"/api/v1/sets/{first['id']}/",
        {"version": first["version"], "spans": [claim]},
        format="json",
    ).json()
    client.post(f"/api/v1/sets/{first['id']}/submit/")
    second = client.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    text = second["document_detail"]["text"]
    link = {"type": "SAME_CLAIM", "source": "c", "target": saved["spans"][0]["id"]}
    client.put(
        f"/api/v1/sets/{second['id']}/",
        {
            "version": second["version"],
            "spans": [span_payload(text, "CLAIM", "the talks had stalled", ref="c")],
            "relations": [link],
        },
        format="json",
    )
    first_set = AnnotationSet.objects.get(pk=first["id"])
    client.put(
        f"/api/v1/sets/{first['id']}/", {"version": first_set.version, "spans": []}, format="json"
    )

    second_set = AnnotationSet.objects.get(pk=second["id"])
    newest = history(client, second_set)[0]
    assert newest["version"] == second_set.version
    assert newest["changes"]["relations"]["removed"] == 1
    assert newest["author"] == "annotator"
