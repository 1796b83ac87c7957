"""Fine-grained span, relation and stance endpoints; submit and skip; schema changes."""

from __future__ import annotations

import copy

import pytest

from annotations.models import AnnotationSet, ProjectDocument, Span
from annotations.presets import NEWS_ATTRIBUTION
from tests import factories
from tests.annotations.conftest import (
    assert_error,
    current,
    set_url,
    span_payload,
)

# --- fine-grained rows ------------------------------------------------------------------


def test_a_span_is_created_changed_and_deleted_one_at_a_time(bench, owner):
    v0 = current(bench.aset)
    created = owner.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/",
        {**span_payload(bench.text, "CUE", "said"), "version": v0},
        format="json",
    )
    assert created.status_code == 201, created.content
    span_id = created.json()["id"]
    assert current(bench.aset) == v0 + 1
    start = bench.text.index("officials")
    changed = owner.patch(
        f"/api/v1/spans/{span_id}/",
        {"start": start + 10, "end": start + 14, "text": "said"},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    assert (changed.json()["start"], changed.json()["text"]) == (start + 10, "said")
    mismatch = owner.patch(f"/api/v1/spans/{span_id}/", {"text": "SAID"}, format="json")
    assert "span.text" in assert_error(mismatch, 400)["details"]
    stale = owner.delete(f"/api/v1/spans/{span_id}/?version={v0}")
    assert_error(stale, 409)
    gone = owner.delete(f"/api/v1/spans/{span_id}/?version={current(bench.aset)}")
    assert gone.status_code == 204
    assert not Span.objects.filter(pk=span_id).exists()


@pytest.mark.parametrize("version", ["abc", "\u00b2", "-1", "1" * 30])
def test_a_malformed_version_query_gets_400(bench, owner, version):
    response = owner.delete(f"/api/v1/spans/{bench.source.pk}/?version={version}")
    assert "version" in assert_error(response, 400)["details"]
    assert Span.objects.filter(pk=bench.source.pk).exists()


@pytest.mark.parametrize("version", ["1", True, 2.5])
def test_a_fine_grained_write_with_a_non_integer_version_gets_400(bench, owner, version):
    response = owner.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/",
        {**span_payload(bench.text, "CUE", "said"), "version": version},
        format="json",
    )
    assert "version" in assert_error(response, 400)["details"]


def test_relations_and_stances_are_created_and_deleted_one_at_a_time(bench, owner):
    base = f"/api/v1/sets/{bench.aset.pk}"
    rel = {"type": "ATTRIBUTED_TO", "source": bench.claim.pk, "target": bench.source2.pk}
    created = owner.post(f"{base}/relations/", rel, format="json")
    assert created.status_code == 201, created.content
    assert_error(owner.post(f"{base}/relations/", rel, format="json"), 400)  # duplicate
    wrong_way = {"type": "ATTRIBUTED_TO", "source": bench.source.pk, "target": bench.claim.pk}
    assert (
        "relation.source"
        in assert_error(owner.post(f"{base}/relations/", wrong_way, format="json"), 400)["details"]
    )
    stance = {"holder": bench.source.pk, "object": bench.claim.pk, "value": "against"}
    made = owner.post(f"{base}/stances/", stance, format="json")
    assert made.status_code == 201, made.content
    assert_error(owner.post(f"{base}/stances/", stance, format="json"), 400)  # duplicate
    listed = owner.get(f"{base}/stances/").json()
    assert {s["value"] for s in listed} == {"neutral", "against"}
    assert owner.delete(f"/api/v1/relations/{created.json()['id']}/").status_code == 204
    assert owner.delete(f"/api/v1/stances/{made.json()['id']}/").status_code == 204
    assert len(owner.get(f"{base}/relations/").json()) == 1


def test_patching_only_the_fragments_of_a_span_works(bench, client_for):
    text = bench.text
    a = text.index("the talks")
    b = text.index("stalled")
    response = client_for(bench.people.annotator).patch(
        f"/api/v1/spans/{bench.claim.pk}/",
        {
            "fragments": [[a, a + 9], [b, b + 7]],
            "text": f"{text[a : a + 9]} {text[b : b + 7]}",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert (response.json()["start"], response.json()["end"]) == (a, b + 7)


def test_patching_a_span_deleted_meanwhile_is_a_404(bench, client_for):
    client = client_for(bench.people.annotator)
    body = client.get(set_url(bench.aset)).json()
    client.put(set_url(bench.aset), {"version": body["version"], "spans": []}, format="json")
    response = client.patch(f"/api/v1/spans/{bench.claim.pk}/", {"label": "SOURCE"}, format="json")
    assert response.status_code == 404


# --- submit and skip --------------------------------------------------------------------


def test_submit_marks_the_set_submitted_and_counts_in_progress(bench, owner, client_for):
    response = owner.post(f"/api/v1/sets/{bench.aset.pk}/submit/")
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    assert response.json()["submitted_at"]
    progress = client_for(bench.people.manager).get(f"/api/v1/projects/{bench.project.pk}/")
    assert progress.json()["progress"]["sets_by_status"]["submitted"] == 1


def test_skip_frees_the_queue_slot_for_another_annotator(people, client_for):
    project = people.project
    project.annotators_per_document = 1
    project.save()
    ProjectDocument.objects.filter(project=project).exclude(document=people.documents[0]).delete()
    queue = f"/api/v1/projects/{project.pk}/queue/next/"
    mine = client_for(people.annotator).get(queue)
    assert mine.status_code == 200
    assert client_for(people.other_annotator).get(queue).status_code == 204
    skipped = client_for(people.annotator).post(f"/api/v1/sets/{mine.json()['id']}/skip/")
    assert skipped.json()["status"] == "skipped"
    theirs = client_for(people.other_annotator).get(queue)
    assert theirs.status_code == 200
    assert theirs.json()["document"] == mine.json()["document"]
    assert client_for(people.annotator).get(queue).status_code == 204  # not given back


def test_only_an_annotators_set_can_be_skipped(bench, client_for):
    response = client_for(bench.people.reviewer).post(f"/api/v1/sets/{bench.gold.pk}/skip/")
    assert_error(response, 400)


def test_submitted_work_cannot_be_skipped(bench, client_for):
    client = client_for(bench.people.annotator)
    assert client.post(set_url(bench.aset) + "submit/").status_code == 200
    assert_error(client.post(set_url(bench.aset) + "skip/"), 409, "conflict")


def test_a_skipped_set_is_submitted_only_while_a_slot_is_free(people, client_for):
    people.project.annotators_per_document = 1
    people.project.save()
    mine = client_for(people.annotator)
    first = mine.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    mine.post(f"/api/v1/sets/{first['id']}/skip/")
    theirs = client_for(people.other_annotator)
    taken = theirs.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    assert taken["document"] == first["document"]
    assert_error(mine.post(f"/api/v1/sets/{first['id']}/submit/"), 409, "conflict")


def test_opening_a_set_on_a_document_outside_the_project_gets_400(bench, owner):
    stray = factories.DocumentFactory()
    response = owner.post(
        "/api/v1/sets/", {"project": bench.project.pk, "document": stray.pk}, format="json"
    )
    assert "document" in assert_error(response, 400)["details"]


def test_opening_an_annotator_set_on_a_document_with_all_its_annotators_gets_409(
    people, client_for
):
    document = people.documents[1]
    slot = ProjectDocument.objects.get(project=people.project, document=document)
    slot.assigned_count = people.project.annotators_per_document
    slot.save(update_fields=["assigned_count"])
    body = {"project": people.project.pk, "document": document.pk}

    response = client_for(people.manager).post("/api/v1/sets/", body, format="json")

    error = assert_error(response, 409, "conflict")
    assert error["details"] == {"assigned": 2, "annotators_per_document": 2}
    assert not AnnotationSet.objects.filter(document=document, kind="annotator").exists()
    slot.refresh_from_db()
    assert slot.assigned_count == 2


def test_opening_an_annotator_set_takes_one_of_the_documents_slots(people, client_for):
    document = people.documents[1]
    body = {"project": people.project.pk, "document": document.pk}

    first = client_for(people.annotator).post("/api/v1/sets/", body, format="json")
    again = client_for(people.annotator).post("/api/v1/sets/", body, format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    slot = ProjectDocument.objects.get(project=people.project, document=document)
    assert slot.assigned_count == 1


# --- schema ------------------------------------------------------------------------------


def test_the_schema_cannot_drop_a_label_still_in_use(bench, client_for):
    manager = client_for(bench.people.manager)
    url = f"/api/v1/projects/{bench.project.pk}/schema/"
    definition = copy.deepcopy(bench.project.schema.definition)
    definition["span_labels"] = [x for x in definition["span_labels"] if x["key"] != "SOURCE"]
    for rel in definition["relation_types"]:
        rel["from_labels"] = [x for x in rel["from_labels"] if x != "SOURCE"] or ["CLAIM"]
        rel["to_labels"] = [x for x in rel["to_labels"] if x != "SOURCE"] or ["CLAIM"]
    definition["stance"]["holder_labels"] = []
    error = assert_error(manager.put(url, definition, format="json"), 400)
    assert "span_labels" in error["details"]
    assert "SOURCE" in error["details"]["span_labels"]
    unused = copy.deepcopy(bench.project.schema.definition)
    unused["span_labels"] = [x for x in unused["span_labels"] if x["key"] != "CUE"]
    unused["relation_types"] = [r for r in unused["relation_types"] if r["key"] != "CUE_OF"]
    assert manager.put(url, unused, format="json").status_code == 200


@pytest.mark.parametrize(
    ("definition", "path"),
    [
        (
            {"span_labels": [{"key": "A", "attributes": [{"key": ["x"], "type": "bool"}]}]},
            "span_labels[0].attributes[0].key",
        ),
        ({"span_labels": "CLAIM"}, "span_labels"),
        ([1, 2], ""),
    ],
)
def test_an_invalid_schema_gets_400_naming_the_path(bench, client_for, definition, path):
    response = client_for(bench.people.manager).put(
        f"/api/v1/projects/{bench.project.pk}/schema/", definition, format="json"
    )
    error = assert_error(response, 400)
    assert path in error["details"]["schema"], error


def test_a_project_created_with_a_bad_schema_gets_400(client_for, people):
    creator = factories.permitted(people.manager, "create_project")
    response = client_for(creator).post(
        "/api/v1/projects/", {"name": "x", "schema": {"span_labels": []}}, format="json"
    )
    assert "span_labels" in assert_error(response, 400)["details"]["schema"]


def test_a_relation_type_with_a_number_for_labels_is_a_400_not_a_500(bench, client_for):
    schema = copy.deepcopy(NEWS_ATTRIBUTION)
    schema["relation_types"][0]["from_labels"] = 5
    response = client_for(bench.people.manager).put(
        f"/api/v1/projects/{bench.project.pk}/schema/", schema, format="json"
    )
    error = assert_error(response, 400)
    assert "relation_types[0].from_labels" in error["details"]["schema"]


def test_a_schema_change_dropping_a_chosen_attribute_value_is_refused_with_its_count(
    bench, client_for
):
    client = client_for(bench.people.annotator)
    body = client.get(set_url(bench.aset)).json()
    spans = body["spans"]
    claim = next(s for s in spans if s["label"] == "CLAIM")
    claim["attributes"] = {"quote_type": "mixed"}
    saved = client.put(
        set_url(bench.aset), {"version": body["version"], "spans": spans}, format="json"
    )
    assert saved.status_code == 200, saved.content
    manager = client_for(bench.people.manager)
    schema = manager.get(f"/api/v1/projects/{bench.project.pk}/schema/").json()
    schema["span_labels"][0]["attributes"][0]["choices"] = ["direct", "indirect"]

    changed = manager.put(f"/api/v1/projects/{bench.project.pk}/schema/", schema, format="json")

    assert changed.status_code == 400, changed.content
    assert changed.json()["error"]["details"] == {
        "span_labels[0].attributes[0].choices": (
            "mixed is chosen on 1 span in 1 set; rename or remove them first"
        )
    }


def test_an_untouched_span_still_saves_after_the_schema_lost_its_attribute_value(bench, client_for):
    """The API refuses such a schema change (above), but a schema edited another way (the
    admin, an older release) must not lock people out of saving what they did not touch."""
    client = client_for(bench.people.annotator)
    body = client.get(set_url(bench.aset)).json()
    spans = body["spans"]
    claim = next(s for s in spans if s["label"] == "CLAIM")
    claim["attributes"] = {"quote_type": "mixed"}
    saved = client.put(
        set_url(bench.aset), {"version": body["version"], "spans": spans}, format="json"
    )
    assert saved.status_code == 200, saved.content
    schema = bench.project.schema
    definition = copy.deepcopy(schema.definition)
    definition["span_labels"][0]["attributes"][0]["choices"] = ["direct", "indirect"]
    schema.definition = definition
    schema.save(update_fields=["definition"])

    again = client.put(
        set_url(bench.aset),
        {"version": saved.json()["version"], "spans": saved.json()["spans"]},
        format="json",
    )
    assert again.status_code == 200, again.content
