"""POST /projects/{id}/schema/rename/: renames that move the rows, with or without a new
definition, and refusals in the error envelope; PUT /schema/ refuses a drop with counts."""

from __future__ import annotations

from annotations.models import Span
from tests.annotations.conftest import assert_error


def rename_url(used) -> str:  # noqa: ANN001
    return f"/api/v1/projects/{used.project.pk}/schema/rename/"


def test_a_manager_renames_a_label_and_the_spans_follow(used, client_for):
    manager = client_for(used.people.manager)
    body = {"renames": [{"kind": "label", "old": "CLAIM", "new": "ASSERTION"}]}
    response = manager.post(rename_url(used), body, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["span_labels"][0]["key"] == "ASSERTION"
    assert Span.objects.filter(annotation_set=used.aset, label="ASSERTION").count() == 1


def test_an_attribute_rename_names_its_label(used, client_for):
    manager = client_for(used.people.manager)
    rename = {"kind": "attribute", "label": "CLAIM", "old": "quote_type", "new": "quotation"}
    response = manager.post(rename_url(used), {"renames": [rename]}, format="json")
    assert response.status_code == 200, response.content
    assert Span.objects.get(annotation_set=used.aset, label="CLAIM").attributes == {
        "quotation": "indirect"
    }


def test_a_rename_of_a_key_the_schema_lacks_is_a_400_naming_the_field(used, client_for):
    manager = client_for(used.people.manager)
    body = {"renames": [{"kind": "label", "old": "NOPE", "new": "OTHER"}]}
    error = assert_error(manager.post(rename_url(used), body, format="json"), 400)
    assert error["details"] == {"renames[0].old": "the schema has no label 'NOPE'"}


def test_an_unknown_kind_is_a_400(used, client_for):
    manager = client_for(used.people.manager)
    body = {"renames": [{"kind": "colour", "old": "a", "new": "b"}]}
    assert_error(manager.post(rename_url(used), body, format="json"), 400)


def test_a_put_dropping_a_used_label_is_refused_with_the_count(used, client_for):
    manager = client_for(used.people.manager)
    definition = used.project.schema.definition
    definition["span_labels"] = [x for x in definition["span_labels"] if x["key"] != "CUE"]
    definition["relation_types"] = [r for r in definition["relation_types"] if r["key"] != "CUE_OF"]
    definition["span_labels"] = definition["span_labels"][1:]  # CLAIM goes too
    for relation in definition["relation_types"]:
        relation["from_labels"] = ["SOURCE"]
        relation["to_labels"] = ["SOURCE"]
    definition["stance"]["object_labels"] = []
    response = manager.put(f"/api/v1/projects/{used.project.pk}/schema/", definition, format="json")
    error = assert_error(response, 400)
    assert error["details"]["span_labels"] == (
        "CLAIM is used by 2 spans in 2 sets; rename or remove them first"
    )


def test_a_schema_whose_keys_are_objects_is_a_400_also_with_submit_checks(used, client_for):
    manager = client_for(used.people.manager)
    definition = used.project.schema.definition
    definition["document_questions"][0]["key"] = {}
    definition["span_labels"][2]["key"] = {}
    definition["submit_checks"] = []
    response = manager.put(f"/api/v1/projects/{used.project.pk}/schema/", definition, format="json")
    details = assert_error(response, 400)["details"]["schema"]
    assert "document_questions[0].key" in details and "span_labels[2].key" in details
