"""Documents through the real import service: a text given twice is one document with the
sets of both files, and a problem in one annotator's file is reported at that file and line."""

from __future__ import annotations

import orjson
import pytest

from annotations.services.projects import project_create
from corpus.models import Document
from tests.exchange.helpers import imported, sets_stored, zipped
from tests.factories import people_importer

pytestmark = pytest.mark.django_db

TEXT = "Officials said the strike would end soon."  # "the strike" = [15, 25)
CLAIM = "T1\tCLAIM 15 25\tthe strike\n"


@pytest.fixture
def empty(db):  # noqa: ANN001
    owner = people_importer("importer")
    return project_create(name="Target", owner=owner), owner


def jsonl(*records: dict) -> bytes:
    return b"\n".join(orjson.dumps(r) for r in records) + b"\n"


def test_an_unknown_label_in_bobs_file_is_reported_at_bobs_file_and_line(empty):
    project, owner = empty
    data = zipped({
        "p/alice/a.txt": TEXT, "p/alice/a.ann": CLAIM,
        "p/bob/a.txt": TEXT, "p/bob/a.ann": CLAIM + "T2\tRUMOUR 26 40\twould end soon\n",
    })  # fmt: skip
    outcome = imported(project, owner, data, fmt="brat", name="p.zip", keep_schema=True)
    assert [(e.file, e.line, e.message) for e in outcome.errors] == [
        ("p/bob/a.ann", 2, "sets[1].spans[1].label: unknown label 'RUMOUR'")
    ]
    assert not Document.objects.exists()


def test_a_relation_type_the_project_lacks_is_reported_at_its_r_line_in_bobs_file(empty):
    project, owner = empty
    spans = CLAIM + "T2\tSOURCE 0 9\tOfficials\n"
    data = zipped({
        "p/alice/a.txt": TEXT, "p/alice/a.ann": spans,
        "p/bob/a.txt": TEXT, "p/bob/a.ann": spans + "R1\tDENIES Arg1:T2 Arg2:T1\n",
    })  # fmt: skip
    outcome = imported(project, owner, data, fmt="brat", name="p.zip", keep_schema=True)
    assert [(e.file, e.line, e.message) for e in outcome.errors] == [
        ("p/bob/a.ann", 3, "sets[1].relations[0].type: unknown relation type 'DENIES'")
    ]


def test_two_brat_files_with_the_same_text_are_one_document_with_both_sets(empty):
    project, owner = empty
    data = zipped({
        "p/alice/a.txt": TEXT, "p/alice/a.ann": CLAIM,
        "p/bob/b.txt": TEXT, "p/bob/b.ann": CLAIM,
    })  # fmt: skip
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    assert Document.objects.count() == 1
    assert sets_stored() == [("a", "alice", 1), ("a", "bob", 1)]
    assert [(n.file, n.line, n.message) for n in outcome.notes] == [
        (
            "p/bob/b.ann",
            None,
            "the same text as p/alice/a.ann: one document with the sets of both; "
            "this file's title 'b' (there: 'a') not taken: the first is kept",
        )
    ]


def test_two_files_of_one_folder_with_the_same_text_are_one_set_with_both_files_spans(empty):
    project, owner = empty
    source = "T1\tSOURCE 0 9\tOfficials\n"
    data = zipped({"p/a.txt": TEXT, "p/a.ann": CLAIM, "p/b.txt": TEXT, "p/b.ann": source})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    assert sets_stored() == [("a", "importer", 2)]
    assert [(n.file, n.line, n.message) for n in outcome.notes] == [
        (
            "p/b.ann",
            None,
            "the same text as p/a.ann: one document, and the set holds the annotations of "
            "both files (1 spans and 0 relations from this one)",
        )
    ]


def test_a_span_both_files_of_one_folder_have_is_kept_once(empty):
    project, owner = empty
    both = CLAIM + "T2\tSOURCE 0 9\tOfficials\nR1\tATTRIBUTED_TO Arg1:T1 Arg2:T2\n"
    data = zipped({"p/a.txt": TEXT, "p/a.ann": both, "p/b.txt": TEXT, "p/b.ann": CLAIM})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    assert sets_stored() == [("a", "importer", 2)]
    assert [n.message for n in outcome.notes if n.file == "p/b.ann"] == [
        "the same text as p/a.ann: one document, and the set holds the annotations of both "
        "files (1 spans and 0 relations from this one; 1 spans both files have are kept once)"
    ]


def test_one_authors_set_given_twice_on_one_text_is_an_error_at_the_second_line(empty):
    project, owner = empty
    claim = {"id": 1, "label": "CLAIM", "start": 15, "end": 25, "text": "the strike"}
    alice = {"kind": "annotator", "author": "alice", "spans": [claim]}
    data = jsonl({"text": TEXT, "sets": [alice]}, {"text": TEXT, "sets": [alice]})
    outcome = imported(project, owner, data, fmt="jsonl", name="in.jsonl")
    assert [(e.file, e.line, e.message) for e in outcome.errors] == [
        (
            "in.jsonl",
            2,
            "sets[0]: a second annotator set for alice on this document "
            "(the first is at in.jsonl:1, of the same text)",
        )
    ]


def test_two_jsonl_lines_with_the_same_text_merge_their_sets_and_note_what_differs(empty):
    project, owner = empty
    claim = {"id": 1, "label": "CLAIM", "start": 15, "end": 25, "text": "the strike"}
    data = jsonl(
        {"text": TEXT, "title": "Strike", "sets": [{"author": "ana", "spans": [claim]}]},
        {"text": TEXT, "title": "Strike ends", "sets": [{"author": "ben", "spans": []}]},
    )
    outcome = imported(project, owner, data)
    assert outcome.ok, outcome.errors
    assert [(n.file, n.line, n.message) for n in outcome.notes] == [
        (
            "in.jsonl",
            2,
            "the same text as in.jsonl:1: one document with the sets of both; "
            "this file's title 'Strike ends' (there: 'Strike') not taken: the first is kept",
        )
    ]
    assert sets_stored() == [("Strike", "ana", 1), ("Strike", "ben", 0)]


def test_a_bad_relation_in_the_second_line_of_a_text_is_reported_at_that_line(empty):
    project, owner = empty
    claim = {"id": 1, "label": "CLAIM", "start": 15, "end": 25, "text": "the strike"}
    bad = {"type": "ATTRIBUTED_TO", "source": 1, "target": 9}
    data = jsonl(
        {"text": TEXT, "sets": [{"author": "ana", "spans": [claim]}]},
        {"text": TEXT, "sets": [{"author": "ben", "spans": [claim], "relations": [bad]}]},
    )
    outcome = imported(project, owner, data)
    assert [(e.file, e.line) for e in outcome.errors] == [("in.jsonl", 2)]
    assert outcome.errors[0].message.startswith("sets[0].relations[0].target: ")


STORED = {"text": TEXT, "title": "Strike", "url": "https://a.example/strike",
          "published_at": "2026-05-01T08:00:00+00:00", "outlet": "Harbour Times",
          "meta": {"section": "world"}}  # fmt: skip
FILE = {"text": TEXT, "title": "Strike ends", "url": "https://b.example/strike",
        "published_at": "2026-05-02T08:00:00", "outlet": "Port Post", "story": "Port strike",
        "meta": {"section": "local", "source": {"format": "x"}}}  # fmt: skip


def stored_fields() -> tuple:
    document = Document.objects.select_related("story", "outlet").get()
    return (
        document.title, document.url, document.published_at.isoformat(),
        document.outlet.name, document.story.name if document.story else None, document.meta,
    )  # fmt: skip


def test_a_stored_texts_title_date_and_metadata_are_kept_and_each_difference_noted(empty):
    project, owner = empty
    assert imported(project, owner, jsonl({**STORED, "sets": []})).ok
    outcome = imported(project, owner, jsonl({**FILE, "sets": [{"author": "ben"}]}))
    assert outcome.ok, outcome.errors
    pk = Document.objects.get().pk
    place = f"the corpus already has this text (document {pk}): its"
    tail = "(update_metadata takes the file's)"
    assert [(n.file, n.line, n.message) for n in outcome.notes] == [
        ("in.jsonl", 1, f"{place} title 'Strike' is kept, not the file's 'Strike ends' {tail}"),
        ("in.jsonl", 1, f"{place} url 'https://a.example/strike' is kept, "
                        f"not the file's 'https://b.example/strike' {tail}"),
        ("in.jsonl", 1, f"{place} published_at '2026-05-01T08:00:00+00:00' is kept, "
                        f"not the file's '2026-05-02T08:00:00+00:00' {tail}"),
        ("in.jsonl", 1, f"{place} story None is kept, not the file's 'Port strike' {tail}"),
        ("in.jsonl", 1, f"{place} outlet 'Harbour Times' is kept, "
                        f"not the file's 'Port Post' {tail}"),
        ("in.jsonl", 1, f"{place} meta.section 'world' is kept, not the file's 'local' {tail}"),
    ]  # fmt: skip
    assert stored_fields() == (
        "Strike", "https://a.example/strike", "2026-05-01T08:00:00+00:00", "Harbour Times",
        None, {"section": "world"},
    )  # fmt: skip


def test_with_update_metadata_the_files_values_replace_the_stored_ones_and_are_noted(empty):
    project, owner = empty
    assert imported(project, owner, jsonl({**STORED, "sets": []})).ok
    data = jsonl({**FILE, "sets": [{"author": "ben"}]})
    outcome = imported(project, owner, data, update_metadata=True)
    assert outcome.ok, outcome.errors
    assert len(outcome.notes) == 6
    assert outcome.notes[0].message.endswith(
        "title was 'Strike', now 'Strike ends' (update_metadata)"
    )
    assert stored_fields() == (
        "Strike ends", "https://b.example/strike", "2026-05-02T08:00:00+00:00", "Port Post",
        "Port strike", {"section": "local"},
    )  # fmt: skip


def test_the_same_values_again_and_what_a_reader_says_of_the_file_are_not_noted(empty):
    project, owner = empty
    assert imported(project, owner, jsonl({**STORED, "sets": []})).ok
    about_the_file = {"section": "world", "source": {"file": "b.txt"}, "label_studio_task": 7}
    again = {**STORED, "meta": about_the_file, "sets": [{"author": "ben"}]}
    outcome = imported(project, owner, jsonl(again))
    assert outcome.ok and outcome.notes == []


def test_a_brat_file_of_a_stored_text_notes_its_title(empty):
    project, owner = empty
    assert imported(project, owner, jsonl({**STORED, "sets": []})).ok
    data = zipped({"p/a.txt": TEXT, "p/a.ann": CLAIM})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    [note] = outcome.notes
    assert (note.file, note.line) == ("p/a.ann", None)
    assert note.message.endswith(
        "title 'Strike' is kept, not the file's 'a' (update_metadata takes the file's)"
    )


def test_an_unknown_label_in_bobs_label_studio_annotation_is_reported_at_his_task(empty):
    project, owner = empty

    def annotation(who: str, label: str) -> dict:
        value = {"start": 0, "end": 9, "text": "Officials", "labels": [label]}
        result = [{"id": f"r-{who}", "from_name": "label", "to_name": "text",
                   "type": "labels", "value": value}]  # fmt: skip
        return {"completed_by": {"email": who}, "result": result}

    tasks = [
        {"data": {"text": "Another text, fine."}, "annotations": []},
        {"data": {"text": TEXT},
         "annotations": [annotation("alice", "SOURCE"), annotation("bob", "RUMOUR")]},
    ]  # fmt: skip
    data = orjson.dumps(tasks)
    outcome = imported(project, owner, data, fmt="label-studio", name="tasks.json",
                       keep_schema=True)  # fmt: skip
    assert [(e.file, e.line, e.message) for e in outcome.errors] == [
        ("tasks.json", 2, "sets[1].spans[0].label: unknown label 'RUMOUR'")
    ]
