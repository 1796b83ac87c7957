"""Texts normalised as the corpus stores them, with offsets moved along (pure)."""

from __future__ import annotations

import unicodedata
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.formats import text_map
from annotations.formats.text_map import normalised


def stored_form(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def test_a_stored_form_text_is_the_same_object_and_maps_to_itself():
    text = "Officials said so.\nThe union disagreed 🚢, café."
    stored, offsets = normalised(text)
    assert stored is text and offsets.identity
    assert offsets.map_span(3, 9) == (3, 9) and offsets(len(text)) == len(text)
    assert not offsets.inside(4)


def test_offsets_outside_the_text_are_refused_even_when_nothing_changed():
    _, offsets = normalised("abc")
    for bad in (-1, 4):
        with pytest.raises(ValueError, match=f"offset {bad} is outside the text"):
            offsets.map(bad)
    assert not offsets.inside(4)


def test_crlf_spans_after_several_line_breaks_keep_their_text():
    text = "Title\r\n\r\nThe minister said\r\nthat taxes rise.\r\nUnions disagree.\r\n"
    stored, offsets = normalised(text)
    assert stored == "Title\n\nThe minister said\nthat taxes rise.\nUnions disagree.\n"
    assert not offsets.identity
    for word in ("Title", "minister", "taxes rise", "Unions disagree."):
        start = text.index(word)
        mapped = offsets.map_span(start, start + len(word))
        assert stored[slice(*mapped)] == word
    # a span over a line break keeps it, as one "\n"
    start, end = text.index("said"), text.index("that") + 4
    assert stored[slice(*offsets.map_span(start, end))] == "said\nthat"
    assert offsets(len(text)) == len(stored)


def test_lone_cr_becomes_a_newline_without_moving_offsets():
    text = "One.\rTwo.\rThree."
    stored, offsets = normalised(text)
    assert stored == "One.\nTwo.\nThree."
    assert [offsets(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_the_offset_between_cr_and_lf_has_no_place():
    text = "One.\r\nTwo."
    stored, offsets = normalised(text)
    assert offsets(4) == 4 and offsets(6) == 5  # before "\r", after "\n"
    assert offsets.inside(5) and not offsets.inside(4)
    with pytest.raises(ValueError, match=r"offset 5 falls between \\r and \\n"):
        offsets.map(5)
    with pytest.raises(ValueError, match="offset 5"):
        offsets.map_span(0, 5)  # a span ending on the "\r"


def test_decomposed_letters_compose_and_offsets_around_them_map():
    text = "cafe\u0301 au lait, re\u0301sume\u0301"
    stored, offsets = normalised(text)
    assert stored == "café au lait, résumé"
    assert stored[slice(*offsets.map_span(0, 5))] == "café"
    assert stored[slice(*offsets.map_span(6, 8))] == "au"
    start = text.index("re")
    assert stored[slice(*offsets.map_span(start, len(text)))] == "résumé"
    assert offsets.inside(4)
    with pytest.raises(ValueError) as error:
        offsets.map(4)  # between the e and its accent
    message = str(error.value)
    assert "offset 4 falls between 'e' and U+0301 COMBINING ACUTE ACCENT" in message
    assert "'é'" in message


def test_crlf_and_composition_together():
    text = "A\r\nB\r\nnaï\u0308ve? no: nai\u0308ve\r\nend"
    stored, offsets = normalised(text)
    assert stored == stored_form(text)
    start = text.index("nai")
    assert stored[slice(*offsets.map_span(start, start + 6))] == "naïve"
    end_at = text.index("end")
    assert stored[offsets(end_at) :] == "end"


def test_hangul_jamo_compose_into_a_syllable():
    text = "\u1100\u1161\u11a8 \u1100\u1161"  # L V T, then L V
    stored, offsets = normalised(text)
    assert stored == "각 가"
    assert offsets.map_span(0, 3) == (0, 1) and offsets.map_span(4, 6) == (2, 3)
    assert offsets.inside(1) and offsets.inside(2) and offsets.inside(5)
    with pytest.raises(ValueError, match=r"U\+1100 HANGUL CHOSEONG KIYEOK and U\+1161"):
        offsets.map(1)


def test_marks_are_reordered_and_nfc_may_lengthen():
    # dot below (ccc 220) goes before acute (230); U+0958 has no composed form in NFC
    text = "x\u0301\u0323 \u0958 \u212b"
    stored, offsets = normalised(text)
    assert stored == unicodedata.normalize("NFC", text)
    assert stored[slice(*offsets.map_span(0, 3))] == "x\u0323\u0301"
    assert offsets(4) == 4 and offsets(5) == 6  # U+0958 became two code points
    assert stored[offsets(4) : offsets(5)] == "\u0915\u093c"
    assert stored[offsets(6) :] == "\u00c5"  # the Angstrom sign became Å
    assert offsets.inside(1) and offsets.inside(2)


def test_a_combining_mark_at_the_start_stays_and_maps():
    text = "\u0301abc\r"
    stored, offsets = normalised(text)
    assert stored == "\u0301abc\n"
    assert [offsets(i) for i in range(6)] == [0, 1, 2, 3, 4, 5]


PIECES = [
    "a", "b", " ", "e", "\r\n", "\r", "\n", "\u0301", "\u0323", "\u0308", "\u0302",
    "é", "\u1100", "\u1161", "\u11a8", "가", "\u0958", "\u212b", "\u0344", "\u09c7",
    "\u09be", "🚢", "\u0f73", "\u0f71",
]  # fmt: skip
# after these, an offset always has a place (unless it splits "\r" + "\n")
STARTERS = {"a", "b", " ", "e", "\r", "\n", "é", "\u1100", "가", "\u0958", "\u212b", "🚢"}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.data())
def test_spans_that_map_keep_their_text_in_stored_form(pieces, data):
    text = "".join(pieces)
    stored, offsets = normalised(text)
    assert stored == stored_form(text)
    size = len(text)
    a = data.draw(st.integers(0, size))
    b = data.draw(st.integers(a, size))
    if offsets.inside(a) or offsets.inside(b):
        with pytest.raises(ValueError, match="falls between"):
            offsets.map_span(a, b)
        return
    start, end = offsets.map_span(a, b)
    assert stored[start:end] == stored_form(text[a:b])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_offsets_before_a_starter_always_map_and_keep_order(pieces):
    text = "".join(pieces)
    stored, offsets = normalised(text)
    assert offsets(0) == 0 and offsets(len(text)) == len(stored)
    at = 0
    for before, piece in zip([""] + pieces, pieces, strict=False):
        if piece in STARTERS and not (before.endswith("\r") and piece.startswith("\n")):
            assert not offsets.inside(at), (text, at)
        at += len(piece)
    mapped = [offsets(i) for i in range(len(text) + 1) if not offsets.inside(i)]
    assert mapped == sorted(mapped)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_a_text_checked_in_small_parts_maps_as_it_does_whole(pieces):
    # Long texts are looked at a part at a time and checked a run at a time; parts of three
    # code points and runs of four put those edges everywhere.
    text = "".join(pieces)
    stored, offsets = normalised(text)
    with patch.object(text_map, "_CHUNK", 3), patch.object(text_map, "_RUN", 4):
        stored_in_parts, in_parts = normalised(text)
    assert stored_in_parts == stored == stored_form(text)
    for i in range(len(text) + 1):
        assert in_parts.inside(i) == offsets.inside(i)
        if not offsets.inside(i):
            assert in_parts(i) == offsets(i)
