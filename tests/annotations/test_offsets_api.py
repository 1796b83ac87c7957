"""The offset contract through the API: spans over hard text round-trip unchanged.

Document texts mix ASCII, emoji (with ZWJ family sequences and skin tones), combining marks,
text that came in with CRLF line endings, Hebrew and Arabic words and zero-width characters.
``Document.text`` is stored normalised (NFC, ``\\n``), so texts are normalised before they are
stored, as the importer would.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.models import AnnotationSet
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.projects import project_documents_add
from annotations.spans import codepoint_to_utf16_index
from corpus.models import Document
from tests.annotations.conftest import assert_error

PIECES = [
    "The minister said",
    "talks",
    "\U0001f600",  # grinning face (astral: two UTF-16 units)
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",  # family: ZWJ sequence
    "\U0001f44d\U0001f3fd",  # thumbs up with a skin tone
    "\U0001f1ee\U0001f1f1",  # a flag: two regional indicators
    "e\u0301",  # composes to U+00E9 under NFC
    "q\u0301\u0323",  # no precomposed form: stays a base and two marks
    "line one\r\nline two\r\n",  # CRLF origin
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",  # Hebrew
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",  # Arabic
    "\u200d",  # zero-width joiner on its own
    "\u200c",  # zero-width non-joiner
    "\u200f",  # right-to-left mark
    "\u00a0",  # no-break space
    "\u2019s \u201cquoted\u201d",
    " ",
    "\n",
]

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def stored(text: str) -> str:
    """What the importer stores: NFC with ``\\n`` line endings."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


hard_texts = (
    st.lists(
        st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=6)), min_size=2, max_size=14
    )
    .map(lambda parts: stored("".join(parts)))
    .filter(lambda t: len(t) >= 4 and "\x00" not in t)
)


def open_set(people: Any, text: str) -> AnnotationSet:
    sha = hashlib.sha256(text.encode()).hexdigest()
    document, _ = Document.objects.get_or_create(sha256=sha, defaults={"text": text})
    project_documents_add(project=people.project, documents=[document])
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    aset.refresh_from_db()
    return aset


def put(client: Any, aset: AnnotationSet, spans: list[dict[str, Any]]) -> Any:
    version = AnnotationSet.objects.get(pk=aset.pk).version
    return client.put(
        f"/api/v1/sets/{aset.pk}/", {"version": version, "spans": spans}, format="json"
    )


@SETTINGS
@given(text=hard_texts, data=st.data())
def test_a_span_at_random_offsets_round_trips_unchanged(people, client_for, text, data):
    client = client_for(people.annotator)
    aset = open_set(people, text)
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(text)), label="end")
    span = {"label": "SOURCE", "start": start, "end": end, "text": text[start:end]}
    saved = put(client, aset, [span])
    assert saved.status_code == 200, saved.content
    got = client.get(f"/api/v1/sets/{aset.pk}/").json()
    assert got["document_detail"]["text"] == text
    assert [(s["start"], s["end"], s["text"], s["fragments"]) for s in got["spans"]] == [
        (start, end, text[start:end], None)
    ]


@SETTINGS
@given(text=hard_texts, data=st.data())
def test_a_discontinuous_span_round_trips_unchanged(people, client_for, text, data):
    client = client_for(people.annotator)
    aset = open_set(people, text)
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), min_size=4, max_size=4)))
    a, b, c, d = cuts
    fragments = [[a, b], [c, d]]
    joined = text[a:b] + " " + text[c:d]
    span = {"label": "CLAIM", "start": a, "end": d, "fragments": fragments, "text": joined}
    saved = put(client, aset, [span])
    assert saved.status_code == 200, saved.content
    got = client.get(f"/api/v1/sets/{aset.pk}/").json()["spans"]
    assert [(s["start"], s["end"], s["fragments"], s["text"]) for s in got] == [
        (a, d, fragments, joined)
    ]


@SETTINGS
@given(text=hard_texts, data=st.data())
def test_a_quoted_text_that_does_not_match_gets_400_naming_the_field(
    people, client_for, text, data
):
    client = client_for(people.annotator)
    aset = open_set(people, text)
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(text)), label="end")
    wrong = data.draw(st.text(max_size=8).filter(lambda t: t != text[start:end]), label="text")
    before = AnnotationSet.objects.get(pk=aset.pk).version
    spans = [
        {"label": "SOURCE", "start": start, "end": end, "text": text[start:end]},
        {"label": "SOURCE", "start": start, "end": end, "text": wrong},
    ]
    error = assert_error(put(client, aset, spans), 400, "invalid")
    assert "spans[1].text" in error["details"], error
    assert "spans[0].text" not in error["details"]
    assert AnnotationSet.objects.get(pk=aset.pk).version == before  # nothing written


def test_utf16_offsets_from_a_careless_client_are_refused_not_stored(people, client_for):
    text = stored("Family \U0001f468\u200d\U0001f469\u200d\U0001f467 then the minister spoke.")
    aset = open_set(people, text)
    start = text.index("minister")
    end = start + len("minister")
    wrong_start = codepoint_to_utf16_index(text, start)
    wrong_end = codepoint_to_utf16_index(text, end)
    span = {"label": "SOURCE", "start": wrong_start, "end": wrong_end, "text": "minister"}
    error = assert_error(put(client_for(people.annotator), aset, [span]), 400)
    assert "spans[0].text" in error["details"]
    assert error["details"]["spans[0].text"].startswith("text does not match")


def test_offsets_past_the_end_get_400_naming_the_offset(people, client_for):
    text = stored("caf\u00e9 \u05e9\u05dc\u05d5\u05dd")
    aset = open_set(people, text)
    span = {"label": "SOURCE", "start": 2, "end": len(text) + 1, "text": text[2:]}
    error = assert_error(put(client_for(people.annotator), aset, [span]), 400)
    assert "spans[0].start" in error["details"]


def test_a_crlf_origin_text_is_addressed_after_normalisation(people, client_for):
    text = stored("Line one.\r\nThe minister said.\r\n")
    aset = open_set(people, text)
    start = text.index("minister")
    span = {"label": "SOURCE", "start": start, "end": start + 8, "text": "minister"}
    assert put(client_for(people.annotator), aset, [span]).status_code == 200
    assert start == len("Line one.\n") + len("The ")
