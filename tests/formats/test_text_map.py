"""Texts normalised as the corpus stores them, with offsets moved along (pure)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.formats.text_map import normalised


def test_a_stored_form_text_is_returned_as_it_is():
    text = "Officials said so.\nThe union disagreed 🚢."
    stored, offsets = normalised(text)
    assert stored is text and offsets.identity
    assert offsets.map_span(3, 9) == (3, 9)


def test_crlf_and_lone_cr_become_newlines_and_offsets_shift():
    text = "One.\r\nTwo.\rThree."
    stored, offsets = normalised(text)
    assert stored == "One.\nTwo.\nThree."
    start = text.index("Three")
    assert stored[slice(*offsets.map_span(start, start + 5))] == "Three"


def test_an_offset_between_cr_and_lf_has_no_place():
    stored, offsets = normalised("One.\r\nTwo.")
    with pytest.raises(ValueError, match="offset 5 falls inside"):
        offsets.map(5)


def test_decomposed_letters_compose_and_offsets_around_them_map():
    text = "cafe\u0301 au lait"
    stored, offsets = normalised(text)
    assert stored == "café au lait"
    assert stored[slice(*offsets.map_span(0, 5))] == "café"
    assert stored[slice(*offsets.map_span(6, 8))] == "au"
    with pytest.raises(ValueError):
        offsets.map(4)  # between the e and its accent


PIECES = st.sampled_from(["a", "b", " ", "\r\n", "\r", "\n", "e\u0301", "\u0301", "é", "🚢"])


@given(st.lists(PIECES, max_size=30), st.data())
def test_spans_between_safe_boundaries_keep_their_text_in_nfc(pieces, data):
    text = "".join(pieces)
    stored, offsets = normalised(text)
    assert stored == unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece))
    a, b = sorted(data.draw(st.lists(st.sampled_from(bounds), min_size=2, max_size=2)))
    try:
        start, end = offsets.map_span(a, b)
    except ValueError:
        return  # a boundary inside a pair that became one character: refused, not guessed
    original = text[a:b].replace("\r\n", "\n").replace("\r", "\n")
    assert stored[start:end] == unicodedata.normalize("NFC", original)
