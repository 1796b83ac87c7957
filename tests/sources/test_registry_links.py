"""A SOURCE span links to the source registry through its ``entry`` attribute (schema
attribute type ``registry``): every set write refuses a key the project's registry does
not hold, and an entry spans link to is not deleted."""

from __future__ import annotations

import copy

import pytest

from annotations.models import SourceEntry
from annotations.schema import SchemaError, validate_definition
from annotations.services.errors import DomainError
from annotations.services.projects import project_create, project_schema_replace
from annotations.services.source_links import linked_span_counts
from annotations.services.sources import SourceInUse, source_create, source_delete
from tests.annotations.conftest import Bench, assert_error, put_set, span_payload


@pytest.fixture
def hamas(bench: Bench) -> SourceEntry:
    return source_create(
        project=bench.project, data={"name": "Hamas", "kind": "named_organisation"}
    )


def minister(bench: Bench, entry: object) -> dict:
    return span_payload(bench.text, "SOURCE", "minister", attributes={"entry": entry})


def test_the_news_preset_gives_sources_a_registry_entry_attribute(bench):
    source = bench.project.schema.definition["span_labels"][1]
    assert source["key"] == "SOURCE"
    assert {"key": "entry", "name": "Registry entry", "type": "registry"} in [
        {k: a[k] for k in ("key", "name", "type")} for a in source["attributes"]
    ]


def test_a_schema_may_declare_a_registry_attribute_and_no_unknown_type():
    labels = [{"key": "SOURCE", "attributes": [{"key": "entry", "type": "registry"}]}]
    assert (
        validate_definition({"span_labels": labels})["span_labels"][0]["attributes"][0]["type"]
        == "registry"
    )
    labels[0]["attributes"][0]["type"] = "registry_entry"
    with pytest.raises(SchemaError):
        validate_definition({"span_labels": labels})


def test_a_set_write_links_a_span_to_an_entry_of_the_registry(bench, owner, hamas):
    response = put_set(owner, bench.aset, spans=[minister(bench, hamas.key)])
    assert response.status_code == 200, response.content
    assert bench.aset.spans.get().attributes == {"entry": hamas.key}


def test_a_set_write_refuses_a_key_not_in_the_registry_naming_the_span(bench, owner, hamas):
    spans = [span_payload(bench.text, "CLAIM", "the talks had stalled"), minister(bench, "fatah")]
    error = assert_error(put_set(owner, bench.aset, spans=spans), 400)
    assert "spans[1].attributes" in error["details"]
    assert "'fatah' is not an entry" in error["details"]["spans[1].attributes"]


def test_a_key_of_another_projects_registry_is_refused_too(bench, owner):
    other = project_create(name="Other", owner=bench.people.manager)
    source_create(project=other, data={"name": "Fatah"})
    error = assert_error(put_set(owner, bench.aset, spans=[minister(bench, "fatah")]), 400)
    assert "spans[0].attributes" in error["details"]


def test_a_value_that_is_not_a_key_is_refused_and_null_unlinks(bench, owner, hamas):
    error = assert_error(put_set(owner, bench.aset, spans=[minister(bench, ["hamas"])]), 400)
    assert "spans[0].attributes" in error["details"]
    assert put_set(owner, bench.aset, spans=[minister(bench, None)]).status_code == 200


def test_a_span_write_through_the_rows_api_is_checked_the_same_way(bench, owner, hamas):
    url = f"/api/v1/spans/{bench.source.pk}/"
    body = {"version": bench.aset.version, "attributes": {"entry": "nobody"}}
    error = assert_error(owner.patch(url, body, format="json"), 400)
    assert "is not an entry of the project's source registry" in error["message"]
    body["attributes"] = {"entry": hamas.key}
    assert owner.patch(url, body, format="json").status_code == 200, "a known key is taken"


def test_an_entry_that_spans_link_to_is_not_deleted_and_says_how_many(bench, owner, hamas):
    put_set(owner, bench.aset, spans=[minister(bench, hamas.key)])
    with pytest.raises(SourceInUse) as refused:
        source_delete(entry=hamas)
    assert refused.value.spans == 1 and "1 span" in refused.value.message
    put_set(owner, bench.aset, spans=[minister(bench, None)])
    source_delete(entry=hamas)
    assert not SourceEntry.objects.filter(pk=hamas.pk).exists()


def test_an_import_refuses_a_key_not_in_the_registry(bench):
    from annotations.services.imports.service import records_import

    document = bench.people.documents[1]
    start = document.text.index(" ") + 1
    end = document.text.index(" ", start)
    record = {
        "text": document.text,
        "sets": [
            {
                "kind": "model",
                "model_name": "registry-check",
                "spans": [
                    {
                        "label": "SOURCE",
                        "start": start,
                        "end": end,
                        "text": document.text[start:end],
                        "attributes": {"entry": "nobody"},
                    }
                ],
            }
        ],
    }
    outcome = records_import(
        project=bench.project, user=bench.people.manager, header=None, documents=[record]
    )
    assert outcome.errors, "the import must be refused"
    assert any("nobody" in issue.message for issue in outcome.errors)


def test_a_domain_error_is_what_bad_registry_input_raises(bench):
    with pytest.raises(DomainError):
        source_create(project=bench.project, data={"name": "", "kind": "named_person"})


def test_another_labels_attribute_of_the_same_key_is_not_a_registry_link(bench, owner, hamas):
    definition = copy.deepcopy(bench.project.schema.definition)
    claim = definition["span_labels"][0]
    claim["attributes"].append({"key": "entry", "name": "Entry note", "type": "text"})
    project_schema_replace(project=bench.project, definition=definition)
    note = span_payload(
        bench.text, "CLAIM", "the talks had stalled", attributes={"entry": hamas.key}
    )
    assert put_set(owner, bench.aset, spans=[note]).status_code == 200
    assert linked_span_counts(bench.project.pk, definition) == {}
    source_delete(entry=hamas)
