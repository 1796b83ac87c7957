"""brat standoff, read and written without a database: the bratiaa example (a folder per
annotator), brat's own news tutorial (every kind of line), broken input, and our export opened
by brat's reader and by bratiaa."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotations.formats.brat import read, write
from annotations.formats.records import ExportNotes, span_pieces
from annotations.schema import Schema, validate_definition
from annotations.spans import check_span

SENTENCE = "Officials said the strike would end soon."  # offsets: the=15, strike=19, soon=36


@pytest.fixture(scope="module")
def bratiaa_root(datasets_dir: Path) -> Path:
    return datasets_dir / "bratiaa-example" / "example-project"


@pytest.fixture(scope="module")
def tutorial_root(datasets_dir: Path) -> Path:
    return datasets_dir / "brat-tutorial-news"


def files_under(root: Path) -> list[tuple[str, bytes]]:
    """A folder as an upload gives it: (path from the folder's parent, bytes)."""
    return [
        (path.relative_to(root.parent).as_posix(), path.read_bytes())
        for path in sorted(root.rglob("*"))
        if path.is_file()
    ]


def unzipped(data: bytes, folder: str = "export") -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(f"{folder}/{name}", archive.read(name)) for name in archive.namelist()]


def exported(header: dict[str, Any], documents: list[dict[str, Any]]) -> tuple[bytes, list[str]]:
    notes = ExportNotes()
    data = b"".join(write(header, documents, notes))
    return data, notes.items


def numbered_lines(path: Path) -> list[tuple[int, str]]:
    return list(enumerate(path.read_text("utf-8").split("\n"), start=1))


def lines_of(root: Path, *kinds: str) -> list[tuple[str, int, str]]:
    """(file, line number, line) of every .ann line starting with one of ``kinds``."""
    return [
        (path.name, number, line)
        for path in sorted(root.glob("*.ann"))
        for number, line in numbered_lines(path)
        if line[:1] in kinds
    ]


def selected(text: str, span: dict[str, Any]) -> str:
    return " ".join(text[a:b] for a, b in span_pieces(span))


def content(documents: list[dict[str, Any]]) -> dict[tuple[str, Any], dict[str, list]]:
    """Each set's spans (sorted by place) and relations (as positions in that order), keyed by
    document title and layer: what must survive a round trip, whatever the span ids."""
    out: dict[tuple[str, Any], dict[str, list]] = {}
    for document in documents:
        for aset in document["sets"]:
            spans = sorted(aset["spans"], key=lambda s: (s["start"], s["end"], s["label"]))
            place = {span["id"]: i for i, span in enumerate(spans)}
            layer = (aset["kind"], aset["author"], aset.get("model_name"))
            out[(document["title"], layer)] = {
                "spans": [
                    (
                        s["label"],
                        s["start"],
                        s["end"],
                        s.get("fragments"),
                        s["text"],
                        s["attributes"],
                    )
                    for s in spans
                ],  # fmt: skip
                "relations": sorted(
                    (r["type"], place[r["source"]], place[r["target"]]) for r in aset["relations"]
                ),
            }
    return out


# --- a folder per annotator ---------------------------------------------------------------------


def test_a_folder_per_annotator_gives_each_document_once_with_a_set_per_annotator(bratiaa_root):
    result = read(files_under(bratiaa_root), {})
    assert result.errors == []
    assert len(result.documents) == 7
    for document in result.documents:
        assert [(s["kind"], s["author"]) for s in document["sets"]] == [
            ("annotator", "Lisa"), ("annotator", "Maria"), ("annotator", "Max"),
            ("annotator", "Peter"),
        ]  # fmt: skip


def test_every_t_line_becomes_a_span_whose_text_is_what_its_offsets_select(bratiaa_root):
    result = read(files_under(bratiaa_root), {})
    for document in result.documents:
        for aset in document["sets"]:
            ann = bratiaa_root / aset["author"] / f"{document['title']}.ann"
            t_lines = [line for _, line in numbered_lines(ann) if line.startswith("T")]
            assert len(aset["spans"]) == len(t_lines) > 0
            for span in aset["spans"]:
                assert span["text"] == selected(document["text"], span) != ""


def test_span_ids_are_integers_unique_across_the_whole_upload(bratiaa_root):
    result = read(files_under(bratiaa_root), {})
    ids = [s["id"] for d in result.documents for a in d["sets"] for s in a["spans"]]
    assert all(isinstance(i, int) for i in ids)
    assert len(ids) == len(set(ids)) > 1000


def test_the_schema_comes_from_the_projects_annotation_conf(bratiaa_root):
    result = read(files_under(bratiaa_root), {})
    schema = validate_definition(result.header["schema"])
    assert [label["key"] for label in schema["span_labels"]] == ["ORG", "PER", "LOC", "MISC"]
    assert result.header["claimlens"] == "project" and result.header["members"] == []


def test_an_annotators_folder_inside_the_project_folder_keeps_the_annotators_name(bratiaa_root):
    files = [(n, d) for n, d in files_under(bratiaa_root) if "/Max/" in n or n.endswith(".conf")]
    [layer] = {s["author"] for d in read(files, {}).documents for s in d["sets"]}
    assert layer == "Max"


def test_gold_and_model_folders_become_those_layers():
    files = []
    for folder in ("gold", "model-tagger", "ana"):
        files += [(f"p/{folder}/a.txt", SENTENCE.encode()), (f"p/{folder}/a.ann", b"")]
    [document] = read(files, {}).documents
    layers = sorted((s["kind"], s["author"], s["model_name"], s["status"])
                    for s in document["sets"])  # fmt: skip
    assert layers == [
        ("annotator", "ana", None, "submitted"),
        ("gold", None, None, "curated"),
        ("model", None, "tagger", "submitted"),
    ]


# --- one folder: brat's news tutorial -----------------------------------------------------------


def test_a_single_folder_gives_one_set_per_document_for_the_importing_person(tutorial_root):
    result = read(files_under(tutorial_root), {})
    assert result.errors == []
    assert sorted(d["title"] for d in result.documents) == sorted(
        p.stem for p in tutorial_root.glob("*.ann")
    )
    for document in result.documents:
        [aset] = document["sets"]
        assert (aset["kind"], aset["author"]) == ("annotator", None)
        assert document["meta"]["source"] == {
            "format": "brat",
            "file": f"brat-tutorial-news/{document['title']}.txt",
        }


def test_event_triggers_and_every_other_t_line_stay_spans(tutorial_root):
    result = read(files_under(tutorial_root), {})
    spans = [s for d in result.documents for a in d["sets"] for s in a["spans"]]
    assert len(spans) == len(lines_of(tutorial_root, "T")) == 119
    assert {"Merge-org", "Report"} <= {s["label"] for s in spans}


def test_attributes_relations_and_notes_on_spans_are_read(tutorial_root):
    result = read(files_under(tutorial_root), {})
    sets = [a for d in result.documents for a in d["sets"]]
    attributes = [
        (key, value)
        for aset in sets
        for span in aset["spans"]
        for key, value in span["attributes"].items()
        if key != "note"
    ]
    on_spans = [line for _, _, line in lines_of(tutorial_root, "A") if line.split()[2][0] == "T"]
    assert len(attributes) == len(on_spans) == 5
    assert ("Mention", "Nominal") in attributes and ("Individual", True) in attributes
    relations = [r for aset in sets for r in aset["relations"]]
    assert len(relations) == len(lines_of(tutorial_root, "R")) == 8
    assert all(r["target_document"] is None and r["attributes"] == {} for r in relations)
    notes = sorted(
        s["attributes"]["note"] for a in sets for s in a["spans"] if "note" in s["attributes"]
    )
    assert notes == ["100000000 USD", "Should fictional places be annotated?"]


def test_relations_name_the_ids_of_spans_of_their_own_set(tutorial_root):
    result = read(files_under(tutorial_root), {})
    for document in result.documents:
        for aset in document["sets"]:
            ids = {span["id"] for span in aset["spans"]}
            for relation in aset["relations"]:
                assert {relation["source"], relation["target"]} <= ids


def test_events_normalisations_and_equivalences_are_noted_with_file_and_line(tutorial_root):
    result = read(files_under(tutorial_root), {})
    noted = {(Path(n.file).name, n.line) for n in result.notes}
    left_out = lines_of(tutorial_root, "E", "N", "*")
    assert len(left_out) == 23 + 1 + 2
    assert {(name, number) for name, number, _ in left_out} <= noted
    on_events = [
        (name, number)
        for name, number, line in lines_of(tutorial_root, "A", "#")
        if line.split("\t")[1].split()[1][0] != "T"
    ]
    assert on_events and set(on_events) <= noted
    assert "E1 (event) not imported: Claimlens has no events" in " ".join(
        n.message for n in result.notes
    )


def test_the_tutorial_schema_passes_validation_with_event_attributes_left_out(tutorial_root):
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
    assert "Confidence" not in {a["key"] for label in labels.values() for a in label["attributes"]}
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


# --- lines and offsets --------------------------------------------------------------------------


def test_pieces_joined_by_a_semicolon_make_one_discontinuous_span():
    files = [
        ("a.txt", SENTENCE.encode()),
        ("a.ann", b"T1\tCLAIM 15 25;32 40\tthe strike end soon\n"),
    ]
    [document] = read(files, {}).documents
    [span] = document["sets"][0]["spans"]
    assert span["fragments"] == [[15, 25], [32, 40]]
    assert (span["start"], span["end"], span["text"]) == (15, 40, "the strike end soon")


def test_offsets_count_code_points_of_the_text_as_stored_line_endings_included():
    text = "Über\r\nOfficials said so.\r\n"
    files = [("a.txt", text.encode()), ("a.ann", b"T1\tSOURCE 6 15\tOfficials\n")]
    result = read(files, {})
    assert result.errors == []
    [document] = result.documents
    assert document["text"] == text  # the import service normalises line endings, not this
    [span] = document["sets"][0]["spans"]
    assert (span["start"], span["end"]) == (6, 15)


def test_a_latin_1_text_is_read_with_the_encoding_option():
    files = [
        ("a.txt", "Señor said so.".encode("latin-1")),
        ("a.ann", b"T1\tSOURCE 0 5\tSe\xc3\xb1or"),
    ]
    assert read(files, {}).errors[0].file == "a.txt"
    result = read(files, {"encoding": "latin-1"})
    assert result.errors == [] and result.documents[0]["sets"][0]["spans"][0]["text"] == "Señor"


def test_bad_lines_are_errors_with_file_and_line():
    ann = "\n".join([
        "T1\tSOURCE 0 9\tOfficials",
        "T2\tCLAIM 15 99\tthe strike",
        "T3\tCLAIM 15 25\tthe strife",
        "T4 CLAIM 15 25 the strike",
        "T5\tCLAIM fifteen\tthe strike",
        "R1\tSAID Arg1:T1 Arg2:T9",
        "A1\tCertain T8",
        "R2\tSAID T1",
        "just some words",
        "R3\tSAID Arg1:T2 Arg2:T1",
    ])  # fmt: skip
    result = read([("p/a.txt", SENTENCE.encode()), ("p/a.ann", ann.encode())], {})
    assert {e.file for e in result.errors} == {"p/a.ann"}
    found = [(e.line, e.message) for e in result.errors]
    expected = [
        (2, "is outside the text (41 characters)"),
        (3, "quoted text 'the strife' does not match the offsets ('the strike')"),
        (4, "expected 'T1<TAB>Label start end<TAB>text'"),
        (5, "cannot read 'CLAIM fifteen' as 'Label start end'"),
        (9, "cannot read this line"),
        (6, "R1: T9 is not a text-bound annotation here"),
        (7, "A1: T8 is not defined in this file"),
        (8, "R2: expected"),
    ]  # R3 names T2, whose line is already an error: nothing more is said
    assert len(found) == len(expected)
    for (line, message), (want_line, want) in zip(found, expected, strict=True):
        assert line == want_line and want in message


def test_pieces_that_overlap_and_empty_ranges_are_errors():
    ann = "T1\tCLAIM 15 25;20 30\tthe strike strike wou\nT2\tCLAIM 15 15\t\n"
    result = read([("a.txt", SENTENCE.encode()), ("a.ann", ann.encode())], {})
    assert [(e.line, e.message) for e in result.errors] == [
        (1, "T1: its pieces overlap or touch (15 25;20 30)"),
        (2, "[15, 15) is empty or reversed"),
    ]


def test_the_same_name_with_another_text_in_two_folders_is_an_error():
    files = [
        ("p/ana/doc.txt", b"One text."), ("p/ana/doc.ann", b""),
        ("p/ben/doc.txt", b"Another text."), ("p/ben/doc.ann", b""),
    ]  # fmt: skip
    [error] = read(files, {}).errors
    assert error.file == "p/ben/doc.txt"
    assert "differs from the file of that name in another annotator's folder" in error.message


def test_an_ann_without_its_txt_is_an_error_and_a_txt_without_its_ann_a_bare_document():
    files = [("p/a.ann", b""), ("p/b.txt", SENTENCE.encode())]
    result = read(files, {})
    assert [(e.file, e.message[:10]) for e in result.errors] == [("p/a.ann", "no a.txt b")]
    [bare] = result.documents
    assert (bare["title"], bare["sets"]) == ("b", [])
    assert [(n.file, n.message[:10]) for n in result.notes] == [("p/b.txt", "no b.ann b")]


def test_ann_files_at_different_depths_are_refused():
    files = [("p/a.txt", b"x"), ("p/a.ann", b""), ("p/ana/b.txt", b"y"), ("p/ana/b.ann", b"")]
    [error] = read(files, {}).errors
    assert error.file == "p/ana/b.ann" and "different folder depths" in error.message


def test_an_upload_without_ann_files_is_refused():
    [error] = read([("p/a.txt", SENTENCE.encode())], {}).errors
    assert "no .ann files" in error.message


# --- export -------------------------------------------------------------------------------------


def test_the_export_reads_back_to_the_same_sets(bratiaa_root):
    original = read(files_under(bratiaa_root), {})
    data, notes = exported(original.header, original.documents)
    again = read(unzipped(data), {})
    assert again.errors == [] and notes == []
    assert content(again.documents) == content(original.documents)
    assert again.header["schema"]["span_labels"] == original.header["schema"]["span_labels"]


def test_attributes_relations_and_notes_survive_the_round_trip(tutorial_root):
    original = read(files_under(tutorial_root), {})
    data, _ = exported(original.header, original.documents)
    again = read(unzipped(data), {})
    assert again.errors == [] and again.notes == []  # nothing left out on the way back
    # the tutorial is one folder (the importer's): the export names that layer "annotator"
    for document in original.documents:
        document["sets"][0]["author"] = "annotator"
    assert content(again.documents) == content(original.documents)


def test_the_export_has_a_folder_per_layer_with_the_configuration_in_each(bratiaa_root):
    original = read(files_under(bratiaa_root), {})
    data, _ = exported(original.header, original.documents)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        conf = archive.read("annotation.conf").decode()
    for folder in ("", "Lisa/", "Maria/", "Max/", "Peter/"):
        assert f"{folder}annotation.conf" in names and f"{folder}visual.conf" in names
    assert "Lisa/esp.train-doc-100.txt" in names and "Peter/esp.train-doc-896.ann" in names
    assert names[-1] == "README.txt"
    entities = conf.split("[entities]")[1].split("[relations]")[0].split()
    assert entities == ["ORG", "PER", "LOC", "MISC"]


def test_brats_own_reader_accepts_every_exported_ann(tutorial_root, tmp_path):
    from bratsubset.annotation import TextAnnotations

    original = read(files_under(tutorial_root), {})
    data, _ = exported(original.header, original.documents)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path)
    counts = {"spans": 0, "attributes": 0, "relations": 0, "notes": 0}
    for ann in sorted((tmp_path / "annotator").glob("*.ann")):
        with TextAnnotations(str(ann.with_suffix("")), read_only=True) as annotations:
            assert annotations.failed_lines == [], ann.name
            counts["spans"] += len(list(annotations.get_textbounds()))
            counts["attributes"] += len(list(annotations.get_attributes()))
            counts["relations"] += len(list(annotations.get_relations()))
            counts["notes"] += len(list(annotations.get_oneline_comments()))
    assert counts == {"spans": 119, "attributes": 5, "relations": 8, "notes": 2}


def test_bratiaa_computes_the_same_agreement_on_our_export(bratiaa_root, tmp_path):
    import bratiaa

    original = read(files_under(bratiaa_root), {})
    data, _ = exported(original.header, original.documents)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path / "export")
    ours = bratiaa.compute_f1_agreement(str(tmp_path / "export"))
    theirs = bratiaa.compute_f1_agreement(str(bratiaa_root))
    assert ours.annotators == theirs.annotators == ["Lisa", "Maria", "Max", "Peter"]
    assert ours.documents == theirs.documents and len(ours.documents) == 7
    assert ours.labels == theirs.labels
    assert list(ours.mean_sd_total()) == pytest.approx(list(theirs.mean_sd_total()))
    for mine, original_figures in zip(
        ours.mean_sd_per_label(), theirs.mean_sd_per_label(), strict=True
    ):
        assert list(mine) == pytest.approx(list(original_figures))
    for mine, original_figures in zip(
        ours.mean_sd_per_document(), theirs.mean_sd_per_document(), strict=True
    ):
        assert list(mine) == pytest.approx(list(original_figures))


def test_the_export_streams_a_chunk_per_document_as_documents_arrive():
    taken = []

    def documents() -> Iterator[dict[str, Any]]:
        for i in range(1, 41):
            taken.append(i)
            text = f"Document {i}: {SENTENCE}"
            span = {"id": i, "label": "SOURCE", "start": 0, "end": 8, "text": "Document"}
            aset = {"kind": "annotator", "author": "ana", "spans": [span]}
            yield {"id": i, "title": f"doc {i}", "text": text, "sets": [aset]}

    header = {"schema": {"span_labels": [{"key": "SOURCE", "attributes": []}]}}
    chunks = write(header, documents(), ExportNotes())
    first = next(chunks)
    assert first and len(taken) == 1  # written before the second document was asked for
    rest = list(chunks)
    assert len(rest) >= 40
    with zipfile.ZipFile(io.BytesIO(first + b"".join(rest))) as archive:
        assert archive.testzip() is None
        assert len([n for n in archive.namelist() if n.endswith(".ann")]) == 40
        assert archive.read("ana/doc-7.ann").decode() == "T1\tSOURCE 0 8\tDocument\n"


def test_what_brat_cannot_hold_is_listed_in_the_notes_and_the_readme():
    schema = {
        "span_labels": [
            {"key": "CLAIM", "attributes": [{"key": "quote_type", "type": "choice",
                                             "choices": ["direct", "in part"]}]},
            {"key": "SOURCE", "attributes": [{"key": "side", "type": "text"}]},
        ],
    }  # fmt: skip
    spans = [
        {"id": 1, "label": "SOURCE", "start": 0, "end": 9, "text": "Officials",
         "attributes": {"side": "the union", "note": "who?"}},
        {"id": 2, "label": "CLAIM", "start": 15, "end": 41, "text": "the strike would end soon.",
         "attributes": {"quote_type": "in part"}},
    ]  # fmt: skip
    aset = {
        "kind": "gold",
        "spans": spans,
        "relations": [
            {"type": "SAID", "source": 2, "target": 1, "target_document": None},
            {"type": "SAME", "source": 2, "target": 7, "target_document": 9},
        ],
        "stances": [{"holder": 1, "object": 2, "value": "favor"}],
        "answers": {"framing": "neutral"},
    }
    record = {"id": 3, "title": "Strike", "text": SENTENCE, "sets": [aset]}
    data, notes = exported({"schema": schema}, [record])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        ann = archive.read("gold/Strike.ann").decode()
        readme = archive.read("README.txt").decode()
        conf = archive.read("annotation.conf").decode()
    assert ann.splitlines() == [
        "T1\tSOURCE 0 9\tOfficials",
        "#1\tAnnotatorNotes T1\twho?",
        "T2\tCLAIM 15 41\tthe strike would end soon.",
        "A1\tquote_type T2 in_part",
        "R1\tSAID Arg1:T2 Arg2:T1",
    ]
    assert "quote_type\tArg:CLAIM, Value:direct|in_part" in conf
    for item in (
        "1 free-text attributes (side): brat has none",
        "1 attribute values with spaces (written with _)",
        "1 relations across documents",
        "1 stances",
        "1 document answers",
    ):
        assert item in readme
        assert any(item in note for note in notes)


def test_a_span_over_a_line_break_is_written_one_piece_per_line():
    text = "Officials said\nthe strike would end."
    span = {"id": 1, "label": "CLAIM", "start": 10, "end": 25, "text": text[10:25]}
    record = {"id": 1, "title": "t", "text": text,
              "sets": [{"kind": "annotator", "author": "ana", "spans": [span]}]}  # fmt: skip
    data, notes = exported({"schema": {"span_labels": [{"key": "CLAIM"}]}}, [record])
    [(name, ann)] = [(n, d) for n, d in unzipped(data) if n.endswith(".ann")]
    assert ann.decode() == "T1\tCLAIM 10 14;15 25\tsaid the strike\n"
    assert any("line break" in note for note in notes)
    [span] = read(unzipped(data), {}).documents[0]["sets"][0]["spans"]
    assert span["fragments"] == [[10, 14], [15, 25]]


def test_file_and_folder_names_are_safe_and_unique():
    def record(i: int, title: str, author: str) -> dict[str, Any]:
        return {"id": i, "title": title, "text": f"Text {i}.",
                "sets": [{"kind": "annotator", "author": author, "spans": []}]}  # fmt: skip

    documents = [
        record(1, "Grève à Marseille / jour 2", "ana"),
        record(2, "Grève à Marseille / jour 2", "ana"),
        record(3, "", "gold"),
    ]
    data, notes = exported({"schema": {}}, documents)
    names = {n for n, _ in unzipped(data, folder="x")}
    assert "x/ana/Greve-a-Marseille-jour-2.txt" in names
    assert "x/ana/2-Greve-a-Marseille-jour-2.txt" in names
    assert "x/annotator-gold/3.txt" in names  # an annotator called "gold" is not the gold layer
    assert any("annotator-gold" in note for note in notes)
