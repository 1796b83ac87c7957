"""The schema a brat upload brings, read without a database: from annotation.conf and
visual.conf (macros, groups, names that are not keys), from the files when there is no
annotation.conf, and every record read passes the checks an import makes against it."""

from __future__ import annotations

import pytest

from annotations.formats.brat import read
from annotations.schema import Schema, validate_definition
from annotations.spans import check_span
from tests.formats.brat_helpers import SENTENCE, files_under


def test_the_schema_comes_from_the_projects_annotation_conf(bratiaa_root):
    result = read(files_under(bratiaa_root), {})
    schema = validate_definition(result.header["schema"])
    assert [label["key"] for label in schema["span_labels"]] == ["ORG", "PER", "LOC", "MISC"]
    assert result.header["claimlens"] == "project" and result.header["members"] == []


def test_the_tutorial_schema_passes_validation_with_event_attributes_on_triggers(tutorial_root):
    result = read(files_under(tutorial_root), {})
    schema = validate_definition(result.header["schema"])
    labels = {label["key"]: label for label in schema["span_labels"]}
    assert {"Person", "Organization", "GPE", "Money", "Merge-org"} <= set(labels)
    assert "Life" not in labels  # a "!" group, only there to hold its children
    person = {a["key"]: a for a in labels["Person"]["attributes"]}
    assert person["Individual"]["type"] == "bool"
    assert person["Mention"] == {
        "key": "Mention", "name": "Mention", "type": "choice",
        "choices": ["Name", "Nominal", "Other"], "required": False,
    }  # fmt: skip
    assert person["note"]["type"] == "text"
    confidence = {a["key"]: a for a in labels["Merge-org"]["attributes"]}["Confidence"]
    assert confidence["choices"] == ["High", "Neutral", "Low"]  # an event's, on its trigger
    relations = {r["key"]: r for r in schema["relation_types"]}
    assert (relations["Located"]["from_labels"], relations["Located"]["to_labels"]) == (
        ["Person"],
        ["GPE"],
    )
    assert relations["Alias"]["directed"] is False
    assert labels["GPE"]["name"] == "Geo-political entity"  # from visual.conf


@pytest.mark.parametrize("project", ["bratiaa-example/example-project", "brat-tutorial-news"])
def test_every_record_passes_the_checks_an_import_makes_against_the_schema_read(
    datasets_dir, project
):
    result = read(files_under(datasets_dir / project), {})
    schema = Schema(validate_definition(result.header["schema"]))
    checked = 0
    for document in result.documents:
        for aset in document["sets"]:
            labels = {}
            for span in aset["spans"]:
                check_span(
                    document["text"],
                    span["start"],
                    span["end"],
                    span["text"],
                    span.get("fragments"),
                )
                schema.check_attributes(span["label"], span["attributes"])
                labels[span["id"]] = span["label"]
                checked += 1
            for relation in aset["relations"]:
                kind = schema.relation_types[relation["type"]]
                assert labels[relation["source"]] in kind["from_labels"]
                assert labels[relation["target"]] in kind["to_labels"]
    assert checked > 100


def test_macros_groups_and_names_that_are_not_keys_are_handled_in_annotation_conf():
    conf = "\n".join([
        "[entities]", "!Actor", "\tPerson", "\tOrg.Unit", "Place",
        "[relations]", "<PA>=Actor|Place", "Near\tArg1:<PA>, Arg2:Place",
        "[events]", "[attributes]", "Kind\tArg:Actor, Value:a|b",
    ])  # fmt: skip
    files = [
        ("p/annotation.conf", conf.encode()),
        ("p/a.txt", SENTENCE.encode()),
        ("p/a.ann", b"T1\tOrg.Unit 0 9\tOfficials\nA1\tKind T1 b\n"),
    ]
    result = read(files, {})
    assert result.errors == []
    schema = validate_definition(result.header["schema"])
    labels = {label["key"]: label for label in schema["span_labels"]}
    assert list(labels) == ["Person", "Org_Unit", "Place"]
    assert labels["Org_Unit"]["name"] == "Org.Unit"
    assert [a["key"] for a in labels["Org_Unit"]["attributes"]] == ["Kind", "note"]
    assert [a["key"] for a in labels["Place"]["attributes"]] == ["note"]
    [near] = schema["relation_types"]
    assert near["from_labels"] == ["Person", "Org_Unit", "Place"] and near["to_labels"] == ["Place"]
    [span] = result.documents[0]["sets"][0]["spans"]
    assert (span["label"], span["attributes"]) == ("Org_Unit", {"Kind": "b"})


def test_without_annotation_conf_the_schema_is_made_from_the_files():
    files = [
        ("a.txt", SENTENCE.encode()),
        ("a.ann", b"T1\tSOURCE 0 9\tOfficials\nT2\tCLAIM 15 41\tthe strike would end soon.\n"
                  b"R1\tSAID Arg1:T2 Arg2:T1\n#1\tAnnotatorNotes T1\tunnamed\n"),
    ]  # fmt: skip
    result = read(files, {})
    schema = validate_definition(result.header["schema"])
    assert [label["key"] for label in schema["span_labels"]] == ["SOURCE", "CLAIM"]
    [said] = schema["relation_types"]
    assert (said["key"], said["from_labels"], said["to_labels"]) == ("SAID", ["CLAIM"], ["SOURCE"])


def test_labels_used_in_the_files_but_missing_from_annotation_conf_are_added_and_noted():
    files = [
        ("p/annotation.conf", b"[entities]\nSOURCE\n[relations]\n[events]\n[attributes]\n"),
        ("p/a.txt", SENTENCE.encode()),
        ("p/a.ann", b"T1\tSOURCE 0 9\tOfficials\nT2\tCUE 10 14\tsaid\nA1\tLoud T2\n"),
    ]
    result = read(files, {})
    schema = validate_definition(result.header["schema"])
    labels = {label["key"]: label for label in schema["span_labels"]}
    assert list(labels) == ["SOURCE", "CUE"]
    assert labels["CUE"]["attributes"][0] == {
        "key": "Loud", "name": "Loud", "type": "bool", "choices": [], "required": False,
    }  # fmt: skip
    assert any("label CUE is used" in n.message for n in result.notes)
