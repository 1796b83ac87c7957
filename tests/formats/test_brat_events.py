"""brat events (E lines), read and written without a database: by default the trigger is a
span and each role argument a relation from it typed by the role; an event mapping makes roles
relations between the arguments; the schema declares event types and their roles, and the
export writes a trigger with its role relations back as an E line."""

from __future__ import annotations

from typing import Any

from annotations.formats.brat import read

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
