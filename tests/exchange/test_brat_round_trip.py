"""One brat project with every shape brat writes (events, pieces out of order and touching,
a span whose text runs over a line break, a CRLF text counted brat's way, a byte-order mark)
imported, exported as brat and imported again: the stored rows are the same."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from annotations.models import Relation, Span
from annotations.services.projects import project_create
from tests.exchange.helpers import canonical, exported, imported
from tests.factories import people_importer

pytestmark = pytest.mark.django_db

CONF = (
    "[entities]\nSource\nCue\nContent\nTime\nAgent\n[relations]\n"
    "[events]\nAttribution\tSource:Source, Cue?:Cue, Content:Content\nReport\tSource*:Source\n"
    "[attributes]\nNegated\tArg:<EVENT>\n"
)
# brat counts a CRLF as one character: Officials=0, said=10, The=16, strike=20, would=27, soon=37
CRLF_TEXT = "Officials said.\r\nThe strike\r\nwould end soon."
CRLF_ANN = "\n".join([
    "T1\tSource 0 9\tOfficials",
    "T2\tCue 10 14\tsaid",
    "T3\tContent 16 32\tThe strike",  # its text column runs over the next line
    "would",
    "T4\tAttribution 10 14\tsaid",
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    "A1\tNegated E1",
    "T5\tTime 37 41;27 32\tsoon would",  # pieces out of order
    "T6\tAgent 16 19;19 26\tThe  strike",  # touching pieces
    "",
])  # fmt: skip
# brat counts the byte-order mark: Officials=1, said=11, the=16
BOM_TEXT = codecs.BOM_UTF8 + b"Officials said\nthe strike\nwould end soon."
BOM_ANN = codecs.BOM_UTF8 + (
    b"T1\tSource 1 10\tOfficials\nT2\tReport 11 15\tsaid\nE1\tReport:T2 Source:T1\n"
    b"T3\tContent 16 26\tthe strike\n"
)


def upload() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("p/annotation.conf", CONF)
        archive.writestr("p/anna/a.txt", CRLF_TEXT)
        archive.writestr("p/anna/a.ann", CRLF_ANN)
        archive.writestr("p/anna/b.txt", BOM_TEXT)
        archive.writestr("p/anna/b.ann", BOM_ANN)
    return buffer.getvalue()


def stored(project) -> tuple[list[tuple], list[tuple]]:  # noqa: ANN001
    """The spans (document, label, offsets, pieces, text, attributes) and relations (type and
    the texts they join) of the project."""
    spans = Span.objects.filter(annotation_set__project=project).select_related(
        "annotation_set__document"
    )
    relations = Relation.objects.filter(annotation_set__project=project).select_related(
        "source", "target", "annotation_set__document"
    )
    return (
        sorted(
            (
                s.annotation_set.document.title,
                s.label,
                s.start,
                s.end,
                s.fragments or [],
                s.text,
                sorted(s.attributes.items()),
            )  # fmt: skip
            for s in spans
        ),
        sorted(
            (
                r.annotation_set.document.title,
                r.type,
                r.source.label,
                r.source.text,
                r.target.label,
                r.target.text,
            )  # fmt: skip
            for r in relations
        ),
    )


def test_a_brat_project_of_every_shape_reads_back_the_same_after_our_export(db):  # noqa: ANN001
    owner = people_importer("importer")
    first = project_create(name="First", owner=owner)
    outcome = imported(first, owner, upload(), fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    spans, relations = stored(first)
    assert ("a", "Content", 16, 32, [], "The strike\nwould", []) in spans  # CRLF as stored
    assert ("a", "Time", 27, 41, [[27, 32], [37, 41]], "would soon", []) in spans
    assert ("a", "Agent", 16, 26, [], "The strike", []) in spans
    assert ("a", "Attribution", 10, 14, [], "said", [("Negated", True)]) in spans
    assert ("b", "Source", 0, 9, [], "Officials", []) in spans  # after the byte-order mark
    assert relations == [
        ("a", "Content", "Attribution", "said", "Content", "The strike\nwould"),
        ("a", "Cue", "Attribution", "said", "Cue", "said"),
        ("a", "Source", "Attribution", "said", "Source", "Officials"),
        ("b", "Source", "Report", "said", "Source", "Officials"),
    ]

    again = project_create(name="Again", owner=owner)
    outcome = imported(again, owner, exported(first, "brat"), fmt="brat", name="export.zip")
    assert outcome.ok, outcome.errors
    assert stored(again) == (spans, relations)
    assert canonical(exported(again)) == canonical(exported(first))
    first.schema.refresh_from_db()
    again.schema.refresh_from_db()
    assert again.schema.definition["events"] == first.schema.definition["events"]
    assert [event["key"] for event in first.schema.definition["events"]] == [
        "Attribution",
        "Report",
    ]
