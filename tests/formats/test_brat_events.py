"""brat events (E lines), read and written without a database: by default the trigger is a
span and each role argument a relation from it typed by the role; an event mapping makes roles
relations between the arguments; the schema declares event types and their roles, and the
export writes a trigger with its role relations back as an E line."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from annotations.formats.brat import annotation_conf, read, write
from annotations.formats.records import ExportNotes
from annotations.schema import validate_definition
from tests.formats.brat_helpers import ATTRIBUTION_MAPPING

TEXT = "Officials said the strike would end soon."  # Officials=0, said=10, the strike...=15
ANN = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 40\tthe strike would end soon\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
)


def one_set(files: list[tuple[str, bytes]], options: dict[str, Any] | None = None):
    result = read(files, options or {})
    [document] = result.documents
    [aset] = document["sets"]
    return result, aset


def named(aset: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The set's relations as (type, source text, target text)."""
    text = {span["id"]: f"{span['label']}:{span['text']}" for span in aset["spans"]}
    return [(r["type"], text[r["source"]], text[r["target"]]) for r in aset["relations"]]


def test_an_event_becomes_its_trigger_span_and_a_relation_per_role_from_the_trigger():
    result, aset = one_set([("a.txt", TEXT.encode()), ("a.ann", ANN.encode())])
    assert result.errors == [] and result.notes == []
    assert [s["label"] for s in aset["spans"]] == ["Source", "Cue", "Content", "Attribution"]
    assert named(aset) == [
        ("Source", "Attribution:said", "Source:Officials"),
        ("Cue", "Attribution:said", "Cue:said"),
        ("Content", "Attribution:said", "Content:the strike would end soon"),
    ]


def test_a_repeated_role_numbered_by_brat_is_the_same_role():
    ann = "T1\tOrg 0 9\tOfficials\nT2\tOrg 19 25\tstrike\nT3\tMerge 10 14\tsaid\n"
    ann += "E1\tMerge:T3 Org:T1 Org2:T2\n"
    _, aset = one_set([("a.txt", TEXT.encode()), ("a.ann", ann.encode())])
    assert named(aset) == [
        ("Org", "Merge:said", "Org:Officials"),
        ("Org", "Merge:said", "Org:strike"),
    ]


def test_an_event_argument_that_is_an_event_is_its_trigger_span_with_a_note():
    ann = (
        "T1\tSource 0 9\tOfficials\nT2\tReport 10 14\tsaid\nT3\tEnd 32 35\tend\n"
        "E1\tReport:T2 Source:T1 Event:E2\nE2\tEnd:T3\n"
    )
    result, aset = one_set([("a.txt", TEXT.encode()), ("a.ann", ann.encode())])
    assert named(aset) == [
        ("Source", "Report:said", "Source:Officials"),
        ("Event", "Report:said", "End:end"),
    ]
    [note] = result.notes
    assert (note.file, note.line) == ("a.ann", 4)
    assert note.message == "E1: its Event E2 is an event: its trigger span stands for it"


def test_attributes_and_notes_on_an_event_are_its_trigger_spans():
    ann = ANN + "A1\tNegated E1\nA2\tCertainty E1 High\n#1\tAnnotatorNotes E1\tcheck this\n"
    result, aset = one_set([("a.txt", TEXT.encode()), ("a.ann", ann.encode())])
    assert result.notes == []
    trigger = aset["spans"][3]
    assert trigger["attributes"] == {"Negated": True, "Certainty": "High", "note": "check this"}


def test_two_events_on_one_trigger_each_get_a_trigger_span_with_a_note():
    ann = ANN + "E2\tAttribution:T4 Source:T1\n"
    result, aset = one_set([("a.txt", TEXT.encode()), ("a.ann", ann.encode())])
    triggers = [s for s in aset["spans"] if s["label"] == "Attribution"]
    assert len(triggers) == 2 and triggers[0]["id"] != triggers[1]["id"]
    assert [r["source"] for r in aset["relations"]][-1] == triggers[1]["id"]
    assert [(n.line, n.message) for n in result.notes] == [
        (6, "E2 shares its trigger T4: a copy of it is its own")
    ]


def test_an_event_naming_an_undefined_trigger_or_argument_is_an_error_with_its_line():
    ann = "T1\tSource 0 9\tOfficials\nE1\tReport:T9 Source:T1\nT2\tReport 10 14\tsaid\n"
    ann += "E2\tReport:T2 Source:T7\nE3\tReport\n"
    result = read([("a.txt", TEXT.encode()), ("a.ann", ann.encode())], {})
    assert [(e.file, e.line, e.message) for e in result.errors] == [
        ("a.ann", 2, "E1: its trigger T9 is not defined in this file"),
        ("a.ann", 5, "E3: expected 'E3<TAB>Type:T1 Role:T2 Role:T3 ...'"),
        ("a.ann", 4, "E2: T7 is not defined in this file"),
    ]


CONF = (
    "[entities]\nSource\nCue\nContent\n[relations]\n"
    "[events]\nAttribution\tSource:Source, Cue?:Cue, Content{1-2}:Content\n[attributes]\n"
)


def test_annotation_conf_events_are_the_schemas_events_with_their_roles_as_relation_types():
    files = [
        ("p/annotation.conf", CONF.encode()),
        ("p/a.txt", TEXT.encode()),
        ("p/a.ann", ANN.encode()),
    ]
    result = read(files, {})
    assert result.errors == []
    schema = result.header["schema"]
    assert schema["events"] == [
        {
            "key": "Attribution",
            "roles": [
                {"key": "Source", "labels": ["Source"], "min": 1, "max": 1},
                {"key": "Cue", "labels": ["Cue"], "min": 0, "max": 1},
                {"key": "Content", "labels": ["Content"], "min": 1, "max": 2},
            ],
        }
    ]
    relations = {r["key"]: (r["from_labels"], r["to_labels"]) for r in schema["relation_types"]}
    assert relations == {
        "Source": (["Attribution"], ["Source"]),
        "Cue": (["Attribution"], ["Cue"]),
        "Content": (["Attribution"], ["Content"]),
    }
    validate_definition(schema)


def test_without_annotation_conf_the_schema_declares_the_events_the_files_hold():
    result = read([("a.txt", TEXT.encode()), ("a.ann", ANN.encode())], {})
    assert result.header["schema"]["events"] == [
        {
            "key": "Attribution",
            "roles": [
                {"key": role, "labels": [role], "min": 0, "max": None}
                for role in ("Source", "Cue", "Content")
            ],
        }
    ]
    validate_definition(result.header["schema"])


def test_the_annotation_conf_written_for_a_schema_with_events_declares_them():
    files = [
        ("p/annotation.conf", CONF.encode()),
        ("p/a.txt", TEXT.encode()),
        ("p/a.ann", ANN.encode()),
    ]
    schema = read(files, {}).header["schema"]
    conf = annotation_conf(schema)
    entities = conf.split("[entities]")[1].split("[relations]")[0].split()
    relations = conf.split("[relations]")[1].split("[events]")[0].split()
    events = conf.split("[events]")[1].split("[attributes]")[0].strip()
    assert entities == ["Source", "Cue", "Content"] and relations == []
    assert events == "Attribution\tSource:Source, Cue?:Cue, Content{1-2}:Content"


def test_with_an_event_mapping_roles_become_relations_between_the_arguments():
    result, aset = one_set(
        [("a.txt", TEXT.encode()), ("a.ann", ANN.encode())], {"event_mapping": ATTRIBUTION_MAPPING}
    )
    assert result.errors == [] and result.header is None  # the project keeps its schema
    assert [s["label"] for s in aset["spans"]] == ["SOURCE", "CUE", "CLAIM"]  # trigger dropped
    assert named(aset) == [
        ("ATTRIBUTED_TO", "CLAIM:the strike would end soon", "SOURCE:Officials"),
        ("CUE_OF", "CUE:said", "CLAIM:the strike would end soon"),
    ]


def test_an_event_mapping_may_keep_the_trigger_and_notes_the_roles_it_places_nowhere():
    mapping = {
        "events": {
            "Attribution": {
                "trigger": "CUE",
                "relations": [{"from": "Content", "to": "Source", "type": "ATTRIBUTED_TO"}],
            }
        }
    }
    result, aset = one_set(
        [("a.txt", TEXT.encode()), ("a.ann", ANN.encode())], {"event_mapping": mapping}
    )
    assert [s["label"] for s in aset["spans"]] == ["Source", "Cue", "Content", "CUE"]
    assert [(n.file, n.line, n.message) for n in result.notes if n.line] == [
        (
            "a.ann",
            5,
            "E1: no relation of the event mapping places its Cue T2: that link is not imported",
        )
    ]


def test_a_mapped_relation_may_start_or_end_at_the_kept_trigger():
    mapping = {
        "labels": {"Content": "CLAIM"},
        "events": {
            "Attribution": {
                "trigger": "CUE",
                "relations": [{"from": "<trigger>", "to": "Content", "type": "CUE_OF"}],
            }
        },
    }
    _, aset = one_set(
        [("a.txt", TEXT.encode()), ("a.ann", ANN.encode())], {"event_mapping": mapping}
    )
    assert named(aset) == [("CUE_OF", "CUE:said", "CLAIM:the strike would end soon")]


def test_an_event_type_the_mapping_lacks_is_an_error_at_its_line():
    ann = ANN + "T5\tDenial 10 14\tsaid\nE2\tDenial:T5 Source:T1\n"
    result = read(
        [("a.txt", TEXT.encode()), ("a.ann", ann.encode())], {"event_mapping": ATTRIBUTION_MAPPING}
    )
    assert [(e.file, e.line, e.message) for e in result.errors] == [
        ("a.ann", 7, "E2: event type Denial is not in the event mapping (Attribution)")
    ]


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ([], 'must be an object with "events": {event type: {...}}'),
        (
            {"events": {"Attribution": {"relations": [{"from": "Cue", "to": "Content"}]}}},
            'events.Attribution.relations[0]: must be {"from": role, "to": role, "type": relation}',
        ),
        (
            {"events": {"Attribution": {"trigger": "a cue"}}},
            "events.Attribution.trigger: 'a cue' is not a label or relation type key",
        ),
        (
            {
                "events": {
                    "Attribution": {
                        "relations": [{"from": "<trigger>", "to": "Content", "type": "CUE_OF"}]
                    }
                }
            },
            "events.Attribution.relations[0]: joins the <trigger>, which the mapping drops",
        ),
        (
            {"events": {"Attribution": {}}, "roles": {}},
            "unknown keys roles (expected events, labels)",
        ),
    ],
)
def test_a_bad_event_mapping_is_an_error_naming_what_is_wrong(mapping, message):
    result = read([("a.txt", TEXT.encode()), ("a.ann", ANN.encode())], {"event_mapping": mapping})
    assert [(e.file, e.line, e.message) for e in result.errors] == [
        ("event_mapping", None, f"bad event mapping: {message}")
    ]


def exported_ann(files: list[tuple[str, bytes]]) -> tuple[str, list[tuple[str, bytes]]]:
    """The .ann our export writes for the one set of ``files``, and the export's files."""
    result = read(files, {})
    data = b"".join(write(result.header, result.documents, ExportNotes()))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        out = [(f"export/{name}", archive.read(name)) for name in archive.namelist()]
    [ann] = [data for name, data in out if name.endswith(".ann")]
    return ann.decode(), out


def test_the_export_writes_a_trigger_and_its_role_relations_back_as_an_event():
    ann = ANN + "A1\tNegated E1\nT5\tCue 36 40\tsoon\nR1\tAlso Arg1:E1 Arg2:T5\n"
    files = [
        ("p/annotation.conf", CONF.encode()),
        ("p/a.txt", TEXT.encode()),
        ("p/a.ann", ann.encode()),
    ]
    written, _ = exported_ann(files)
    assert [line for line in written.splitlines() if line[:1] in "EAR"] == [
        "A1\tNegated E1",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        "R1\tAlso Arg1:E1 Arg2:T5",
    ]


def test_repeated_roles_and_events_as_arguments_are_written_as_brat_writes_them():
    ann = (
        "T1\tOrg 0 9\tOfficials\nT2\tOrg 19 25\tstrike\nT3\tMerge 10 14\tsaid\n"
        "T4\tReport 32 35\tend\nE1\tMerge:T3 Org:T1 Org2:T2\nE2\tReport:T4 Event:E1\n"
    )
    written, _ = exported_ann([("a.txt", TEXT.encode()), ("a.ann", ann.encode())])
    assert [line for line in written.splitlines() if line[:1] == "E"] == [
        "E1\tMerge:T3 Org:T1 Org2:T2",
        "E2\tReport:T4 Event:E1",
    ]


def test_a_brat_event_project_reads_back_the_same_after_our_export():
    ann = ANN + "A1\tNegated E1\n#1\tAnnotatorNotes E1\tcheck\nE2\tAttribution:T4 Source:T1\n"
    files = [
        ("p/annotation.conf", CONF.encode()),
        ("p/a.txt", TEXT.encode()),
        ("p/a.ann", ann.encode()),
    ]
    original = read(files, {})
    _, out = exported_ann(files)
    again = read(out, {})
    assert again.errors == []
    assert again.header["schema"]["events"] == original.header["schema"]["events"]
    [before], [after] = original.documents[0]["sets"], again.documents[0]["sets"]
    assert named(after) == named(before) and len(named(before)) == 4
    fields = [(s["label"], s["start"], s["end"], s["attributes"]) for s in before["spans"]]
    assert [(s["label"], s["start"], s["end"], s["attributes"]) for s in after["spans"]] == fields


def test_brats_own_configuration_reader_reads_the_events_we_write(tmp_path):
    from bratsubset.projectconfig import ProjectConfiguration

    files = [
        ("p/annotation.conf", CONF.encode()),
        ("p/a.txt", TEXT.encode()),
        ("p/a.ann", ANN.encode()),
    ]
    (tmp_path / "annotation.conf").write_text(annotation_conf(read(files, {}).header["schema"]))
    config = ProjectConfiguration(str(tmp_path))
    assert config.get_event_types() == ["Attribution"]
    assert config.get_entity_types() == ["Source", "Cue", "Content"]
    counts = {
        role: (
            config.argument_minimum_count("Attribution", role),
            config.argument_maximum_count("Attribution", role),
        )  # fmt: skip
        for role in ("Source", "Cue", "Content")
    }
    assert counts == {"Source": (1, 1), "Cue": (0, 1), "Content": (1, 2)}
