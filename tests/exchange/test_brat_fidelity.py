"""brat files as brat writes them, through the import service: the stored spans sit on the
right words whatever way a file counts CRLF line endings and a byte-order mark, spans whose
text runs over several lines or whose pieces are listed out of order or touch are stored
whole, and our export of them reads back the same (and bratiaa reads it as brat would)."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from annotations.models import Span
from annotations.services.projects import project_create
from corpus.models import Document
from tests.exchange.helpers import exported, imported, zipped
from tests.factories import people_importer

pytestmark = pytest.mark.django_db

CRLF_TEXT = "Officials said.\r\nThe strike\r\nwould end soon."  # brat: The=16, would=27
MULTI_LINE = "Officials said\nthe strike\nwould end soon."  # said=10, would=26


@pytest.fixture
def target(db):  # noqa: ANN001
    owner = people_importer("importer")
    return project_create(name="Target", owner=owner), owner


def stored(project) -> list[tuple[str, str, int, int, list | None, str]]:  # noqa: ANN001
    """(annotator, label, start, end, fragments, the stored text at those offsets) per span."""
    rows = Span.objects.filter(annotation_set__project=project).select_related(
        "annotation_set__author", "annotation_set__document"
    )
    out = []
    for span in rows.order_by("annotation_set__author__username", "start", "end"):
        text = span.annotation_set.document.text
        pieces = span.fragments or [[span.start, span.end]]
        words = " ".join(text[a:b] for a, b in pieces)
        assert words == span.text
        author = span.annotation_set.author.username
        out.append((author, span.label, span.start, span.end, span.fragments, words))
    return out


@pytest.mark.parametrize(
    "ann,way",
    [
        ("T1\tCLAIM 16 26\tThe strike\nT2\tCLAIM 20 32\tstrike\nwould\n", "as one character"),
        ("T1\tCLAIM 17 27\tThe strike\nT2\tCLAIM 21 34\tstrike would\n", "as two characters"),
    ],
)
def test_a_crlf_text_stores_its_spans_on_the_right_words_either_way(target, ann, way):
    project, owner = target
    data = zipped({"p/a.txt": CRLF_TEXT, "p/a.ann": ann})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    assert Document.objects.get().text == "Officials said.\nThe strike\nwould end soon."
    assert stored(project) == [
        ("importer", "CLAIM", 16, 26, None, "The strike"),
        ("importer", "CLAIM", 20, 32, None, "strike\nwould"),
    ]
    [note] = [n for n in outcome.notes if "offsets count" in n.message]
    assert (note.file, note.line) == ("p/a.ann", 1) and f"\\r\\n {way}" in note.message


def test_a_byte_order_mark_counted_by_brat_keeps_spans_on_their_words(target):
    project, owner = target
    text = codecs.BOM_UTF8 + b"Officials said the strike would end soon."
    ann = codecs.BOM_UTF8 + b"T1\tSOURCE 1 10\tOfficials\nT2\tCLAIM 16 26\tthe strike\n"
    outcome = imported(project, owner, zipped({"p/a.txt": text, "p/a.ann": ann}), fmt="brat",
                       name="p.zip")  # fmt: skip
    assert outcome.ok, outcome.errors
    assert Document.objects.get().text.startswith("Officials")
    assert stored(project) == [
        ("importer", "SOURCE", 0, 9, None, "Officials"),
        ("importer", "CLAIM", 15, 25, None, "the strike"),
    ]


def test_multi_line_out_of_order_and_touching_spans_are_stored_whole(target):
    project, owner = target
    ann = "\n".join([
        "T1\tCLAIM 10 31\tsaid",
        "the strike",
        "would",
        "T2\tTIME 36 40;26 31\tsoon would",
        "T3\tEVENT 15 19;19 25\tthe  strike",
        "T4\tSOURCE 0 9\tOfficials",
    ])  # fmt: skip
    outcome = imported(project, owner, zipped({"p/a.txt": MULTI_LINE, "p/a.ann": ann}),
                       fmt="brat", name="p.zip")  # fmt: skip
    assert outcome.ok, outcome.errors
    assert stored(project) == [
        ("importer", "SOURCE", 0, 9, None, "Officials"),
        ("importer", "CLAIM", 10, 31, None, "said\nthe strike\nwould"),
        ("importer", "EVENT", 15, 25, None, "the strike"),
        ("importer", "TIME", 26, 40, [[26, 31], [36, 40]], "would soon"),
    ]
    assert [(n.file, n.line) for n in outcome.notes if "touch" in n.message] == [("p/a.ann", 5)]


def project_files() -> dict[str, str]:
    """Two annotators; anna's spans run over line breaks (one as brat's pieces, one with its
    text over two lines) and sit in a CRLF text."""
    return {
        "p/anna/a.txt": CRLF_TEXT,
        "p/anna/a.ann": "T1\tCLAIM 16 32\tThe strike\nwould\nT2\tSOURCE 0 9\tOfficials\n",
        "p/bob/a.txt": CRLF_TEXT,
        "p/bob/a.ann": "T1\tCLAIM 16 26;27 32\tThe strike would\nT2\tTIME 37 41\tsoon\n",
    }


def test_our_export_of_spans_over_line_breaks_reads_back_the_same(target):
    project, owner = target
    assert imported(project, owner, zipped(project_files()), fmt="brat", name="p.zip").ok
    before = stored(project)
    assert ("anna", "CLAIM", 16, 32, None, "The strike\nwould") in before
    again = project_create(name="Again", owner=owner)
    outcome = imported(again, owner, exported(project, "brat"), fmt="brat", name="export.zip")
    assert outcome.ok, outcome.errors
    assert stored(again) == before


def test_a_project_with_every_shape_of_brat_line_reads_back_the_same_after_our_export(target):
    project, owner = target
    bom_text = codecs.BOM_UTF8 + MULTI_LINE.encode()  # brat counts the mark: said=11
    files = {
        **project_files(),
        "p/anna/b.txt": bom_text,
        "p/anna/b.ann": "T1\tTIME 37 41;27 32\tsoon would\nT2\tEVENT 16 20;20 26\tthe  strike\n"
        "T3\tCLAIM 11 32\tsaid\nthe strike\nwould\n",
    }
    outcome = imported(project, owner, zipped(files), fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    before = stored(project)
    assert ("anna", "TIME", 26, 40, [[26, 31], [36, 40]], "would soon") in before
    assert ("anna", "EVENT", 15, 25, None, "the strike") in before
    again = project_create(name="Again", owner=owner)
    outcome = imported(again, owner, exported(project, "brat"), fmt="brat", name="export.zip")
    assert outcome.ok, outcome.errors
    assert stored(again) == before


def test_bratiaa_reads_our_export_of_spans_over_line_breaks_as_it_reads_brat(target, tmp_path):
    import bratiaa

    project, owner = target
    assert imported(project, owner, zipped(project_files()), fmt="brat", name="p.zip").ok
    with zipfile.ZipFile(io.BytesIO(exported(project, "brat"))) as archive:
        archive.extractall(tmp_path / "export")
    written = (tmp_path / "export" / "anna" / "a.ann").read_text()
    assert "\tCLAIM 16 26;27 32\tThe strike would\n" in written  # brat's own pieces
    brat = tmp_path / "brat"  # the same annotations as brat writes them, for comparison
    for who, ann in (("anna", "T1\tCLAIM 16 26;27 32\tThe strike would\nT2\tSOURCE 0 9\t"
                      "Officials\n"), ("bob", project_files()["p/bob/a.ann"])):  # fmt: skip
        (brat / who).mkdir(parents=True)
        (brat / who / "a.txt").write_text("Officials said.\nThe strike\nwould end soon.")
        (brat / who / "a.ann").write_text(ann)
    (brat / "annotation.conf").write_text(
        "[entities]\nCLAIM\nSOURCE\nTIME\n[relations]\n[events]\n[attributes]\n"
    )
    ours = bratiaa.compute_f1_agreement(str(tmp_path / "export"))
    theirs = bratiaa.compute_f1_agreement(str(brat))

    def per_label(f1) -> dict[str, float]:  # noqa: ANN001
        return dict(zip(f1.labels, f1.mean_sd_per_label()[0], strict=True))

    assert per_label(ours) == per_label(theirs) == {"CLAIM": 1.0, "SOURCE": 0.0, "TIME": 0.0}
