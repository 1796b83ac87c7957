"""brat standoff: projects laid out per annotator or in one folder, in and out; our export
opened by bratiaa (a brat tool built on brat's own configuration reader)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from annotations.formats.brat import read
from annotations.models import AnnotationSet, Relation, Span
from annotations.services.projects import project_create
from corpus.models import Document
from tests.exchange.helpers import exported, imported
from tests.factories import people_importer

pytestmark = pytest.mark.django_db


def folder_zip(root: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root.parent).as_posix())
    return buffer.getvalue()


def files_of(root: Path) -> list[tuple[str, bytes]]:
    return [
        (p.relative_to(root.parent).as_posix(), p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    ]


@pytest.fixture
def empty(db):  # noqa: ANN001
    owner = people_importer("importer")
    return project_create(name="Target", owner=owner), owner


def t_lines(path: Path) -> int:
    return sum(1 for line in path.read_text("utf-8").splitlines() if line.startswith("T"))


def test_a_project_with_a_folder_per_annotator_imports_as_their_sets(empty, datasets_dir):
    project, owner = empty
    root = datasets_dir / "bratiaa-example" / "example-project"
    outcome = imported(project, owner, folder_zip(root), fmt="brat", name="project.zip")
    assert outcome.ok, outcome.errors[:3]
    assert outcome.counts["documents_created"] == 7
    assert sorted(outcome.users_created) == ["Lisa", "Maria", "Max", "Peter"]
    for aset in AnnotationSet.objects.filter(project=project).select_related("author", "document"):
        ann = root / aset.author.username / f"{aset.document.title}.ann"
        assert Span.objects.filter(annotation_set=aset).count() == t_lines(ann)
    for span in Span.objects.filter(annotation_set__project=project).select_related(
        "annotation_set__document"
    ):
        assert span.annotation_set.document.text[span.start : span.end] == span.text
    assert [label["key"] for label in project.schema.definition["span_labels"]] == [
        "ORG", "PER", "LOC", "MISC",
    ]  # fmt: skip


def test_the_brat_tutorial_imports_its_spans_and_reports_what_has_no_place(empty, datasets_dir):
    project, owner = empty
    root = datasets_dir / "brat-tutorial-news"
    outcome = imported(project, owner, folder_zip(root), fmt="brat", name="tutorial.zip")
    assert outcome.ok, outcome.errors[:3]
    anns = sorted(root.glob("*.ann"))
    lines = [(p, n, line) for p in anns for n, line in enumerate(p.read_text().splitlines(), 1)]
    left_out = [(p.name, n) for p, n, line in lines if line[:1] in "N*"]
    noted = {(Path(note.file).name, note.line) for note in outcome.notes}
    assert set(left_out) <= noted and len(left_out) == 3
    assert Span.objects.count() == sum(1 for _, _, line in lines if line.startswith("T"))
    arguments = sum(len(line.split()) - 2 for _, _, line in lines if line.startswith("E"))
    r_lines = sum(1 for _, _, line in lines if line.startswith("R"))
    assert Relation.objects.count() == r_lines + arguments  # an event's role arguments
    assert Span.objects.filter(attributes__has_key="note").exists()
    assert AnnotationSet.objects.filter(author=owner).count() == len(anns)


def test_pieces_joined_by_a_semicolon_are_one_discontinuous_span():
    text = "Officials said the strike, they added, would end soon."
    files = [
        ("a.txt", text.encode()),
        ("a.ann", b"T1\tCLAIM 15 25;39 53\tthe strike would end soon\nA1\tCertain T1\n"),
    ]
    [document] = read(files, {}).documents
    [span] = document["sets"][0]["spans"]
    assert span["fragments"] == [[15, 25], [39, 53]]
    assert (span["start"], span["end"]) == (15, 53)
    assert span["attributes"] == {"Certain": True}


def test_bad_standoff_is_reported_with_file_and_line():
    files = [
        ("p/a.txt", b"Officials said the strike would end soon."),
        ("p/a.ann", "\n".join([
            "T1\tSRC 0 9\tOfficials",
            "T2\tCLAIM 15 99\tthe strike",
            "T3\tCLAIM 15 25\tthe strife",
            "T4 broken line",
            "R1\tSAID Arg1:T1 Arg2:T9",
        ]).encode()),
    ]  # fmt: skip
    result = read(files, {})
    assert [(e.line, e.message[:40]) for e in result.errors] == [
        (2, "[15, 99) is outside the text (41 charact"),
        (3, "quoted text 'the strife' does not match "),
        (4, "expected 'T1<TAB>Label start end<TAB>tex"),
        (5, "R1: T9 is not a text-bound annotation he"),
    ]


def test_the_export_reads_back_to_the_same_sets(empty, datasets_dir):
    project, owner = empty
    root = datasets_dir / "bratiaa-example" / "example-project"
    assert imported(project, owner, folder_zip(root), fmt="brat", name="p.zip").ok
    data = exported(project, "brat")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        files = [(f"export/{n}", archive.read(n)) for n in names]
    assert "annotation.conf" in names and "Lisa/annotation.conf" in names
    result = read(files, {})
    assert result.errors == []
    original = read(files_of(root), {})

    def content(documents):  # noqa: ANN001, ANN202
        return sorted(
            (
                d["text"],
                s["author"],
                sorted((x["label"], x["start"], x["end"]) for x in s["spans"]),
            )
            for d in documents
            for s in d["sets"]
        )

    assert content(result.documents) == content(original.documents)


def test_bratiaa_computes_the_same_agreement_on_our_export(empty, datasets_dir, tmp_path):
    import bratiaa

    project, owner = empty
    root = datasets_dir / "bratiaa-example" / "example-project"
    assert imported(project, owner, folder_zip(root), fmt="brat", name="p.zip").ok
    with zipfile.ZipFile(io.BytesIO(exported(project, "brat"))) as archive:
        archive.extractall(tmp_path / "export")
    ours = bratiaa.compute_f1_agreement(str(tmp_path / "export"))
    theirs = bratiaa.compute_f1_agreement(str(root))
    assert ours.mean_sd_total() == pytest.approx(theirs.mean_sd_total())
    for mine, original in zip(ours.mean_sd_per_label(), theirs.mean_sd_per_label(), strict=True):
        assert list(mine) == pytest.approx(list(original))
    assert len(ours.documents) == len(theirs.documents) == 7


def test_the_export_says_what_brat_cannot_hold(annotated):
    from annotations.formats.records import ExportNotes

    notes = ExportNotes()
    data = exported(annotated.project, "brat", notes=notes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        readme = archive.read("README.txt").decode()
        ann = archive.read(next(n for n in archive.namelist() if n.startswith("annotator/")
                                and n.endswith(".ann"))).decode()  # fmt: skip
    assert "1 relations across documents" in readme
    assert "3 stances" in readme
    assert any("relations across documents" in n for n in notes.items)
    claim = next(line for line in ann.splitlines() if "\tCLAIM " in line)
    assert ";" in claim.split("\t")[1]  # the discontinuous claim keeps its two pieces
    assert "\tquote_type T" in ann


def test_a_brat_zip_with_documents_differing_across_folders_is_refused(empty):
    project, owner = empty
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for who, text in (("ann1", "One text."), ("ann2", "Another text.")):
            archive.writestr(f"p/{who}/doc.txt", text)
            archive.writestr(f"p/{who}/doc.ann", "")
    outcome = imported(project, owner, buffer.getvalue(), fmt="brat", name="p.zip")
    assert "differs from the file of that name" in outcome.errors[0].message
    assert not Document.objects.exists()


def test_text_attributes_are_left_out_and_counted_empty_ones_are_not_flags():
    from annotations.formats.brat import write
    from annotations.formats.records import ExportNotes

    text = "Officials said so."
    record = {"id": 1, "title": "t", "text": text, "sets": [{"kind": "gold", "spans": [
        {"id": 1, "label": "SOURCE", "start": 0, "end": 9, "text": "Officials",
         "attributes": {"side": "", "kind": "named", "party": "the union"}}]}]}  # fmt: skip
    schema = {"span_labels": [{"key": "SOURCE", "attributes": [
        {"key": "side", "type": "text"}, {"key": "party", "type": "text"},
        {"key": "kind", "type": "choice", "choices": ["named"]}]}]}  # fmt: skip
    data = b"".join(write({"schema": schema}, [record], ExportNotes()))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        ann = archive.read("gold/t.ann").decode()
        readme = archive.read("README.txt").decode()
    assert "side" not in ann and "party" not in ann and "A1\tkind T1 named" in ann
    assert "1 free-text attributes (party): brat has none" in readme


def test_gold_and_model_folders_become_those_layers():
    files = []
    for folder in ("gold", "model-tagger", "ana"):
        files += [(f"p/{folder}/a.txt", b"Officials said so."), (f"p/{folder}/a.ann", b"")]
    [document] = read(files, {}).documents
    layers = sorted((s["kind"], s["author"], s.get("model_name")) for s in document["sets"])
    assert layers == [("annotator", "ana", None), ("gold", None, None), ("model", None, "tagger")]
