"""The offset contract (DESIGN.md section 4) in the pure module."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.spans import (
    FRAGMENT_JOINER,
    OffsetError,
    check_span,
    codepoint_to_utf16_index,
    normalise_fragments,
    overlaps,
    utf16_index_to_codepoint,
)

TEXT = "The minister said the talks had stalled, officials said."
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl
HEBREW = "\u05e9\u05dc\u05d5\u05dd"
ARABIC = "\u0645\u0631\u062d\u0628\u0627"
MIXED = f"a\U0001f600b {FAMILY} caf\u00e9 e\u0301 {HEBREW} {ARABIC}"

texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=60
)


def test_a_plain_span_is_returned_in_canonical_form():
    checked = check_span(TEXT, 4, 12, "minister")
    assert (checked.start, checked.end, checked.fragments, checked.text) == (
        4,
        12,
        None,
        "minister",
    )


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(-1, 3, "start"), (0, len(TEXT) + 1, "start"), (5, 5, "start"), (6, 5, "start")],
)
def test_offsets_outside_the_text_or_empty_are_refused(start, end, field):
    with pytest.raises(OffsetError) as info:
        check_span(TEXT, start, end, TEXT[max(start, 0) : end])
    assert info.value.field == field


def test_a_text_that_differs_from_the_offsets_is_refused_naming_text():
    with pytest.raises(OffsetError) as info:
        check_span(TEXT, 4, 12, "Minister")
    assert info.value.field == "text"
    assert "'minister'" in info.value.message


def test_missing_start_or_end_without_fragments_is_refused():
    with pytest.raises(OffsetError) as info:
        check_span(TEXT, None, 12, "x")
    assert info.value.field == "start"


def test_fragments_are_sorted_and_joined_with_the_joiner():
    checked = check_span(TEXT, None, None, "minister talks", [[22, 27], [4, 12]])
    assert checked.fragments == [[4, 12], [22, 27]]
    assert (checked.start, checked.end) == (4, 27)
    assert checked.text == "minister" + FRAGMENT_JOINER + "talks"


def test_a_single_fragment_becomes_a_plain_span():
    checked = check_span(TEXT, None, None, "minister", [[4, 12]])
    assert checked.fragments is None
    assert (checked.start, checked.end) == (4, 12)


@pytest.mark.parametrize(
    "fragments", [[[4, 12], [10, 15]], [[4, 12], [12, 15]]], ids=["overlap", "touch"]
)
def test_fragments_that_overlap_or_touch_are_refused(fragments):
    with pytest.raises(OffsetError) as info:
        check_span(TEXT, None, None, "whatever", fragments)
    assert info.value.field == "fragments[1]"


@pytest.mark.parametrize(
    "fragments",
    [[[1, 2, 3]], [[1]], ["ab"], [[1.5, 3]], [[True, 3]], [[1, False]], [[0, "3"]]],
)
def test_malformed_fragments_are_refused_naming_the_fragment(fragments):
    with pytest.raises(OffsetError) as info:
        check_span(TEXT, None, None, "x", fragments)
    assert info.value.field == "fragments[0]"


def test_start_and_end_must_be_the_outer_bounds_of_the_fragments():
    with pytest.raises(OffsetError) as info:
        check_span(TEXT, 0, 27, "minister talks", [[4, 12], [22, 27]])
    assert info.value.field == "start"


def test_start_and_end_must_agree_with_a_single_fragment_too():
    with pytest.raises(OffsetError):
        check_span(TEXT, 0, 3, "minister", [[4, 12]])


def test_a_fragment_past_the_end_is_refused_naming_it():
    with pytest.raises(OffsetError) as info:
        check_span(TEXT, None, None, "x", [[0, 3], [10, 999]])
    assert info.value.field == "fragments[1]"


def test_normalise_fragments_of_a_plain_span_is_one_piece():
    assert normalise_fragments(3, 9, None) == [(3, 9)]


def test_overlap_is_half_open():
    assert overlaps((0, 5), (4, 6))
    assert not overlaps((0, 5), (5, 6))


def test_offsets_count_code_points_through_emoji_and_zero_width_joiners():
    text = f"x{FAMILY}y"
    start = text.index("y")
    assert start == 1 + 5  # three people and two joiners are five code points
    assert check_span(text, start, start + 1, "y").text == "y"
    assert check_span(text, 1, 6, FAMILY).text == FAMILY


def test_combining_marks_and_rtl_words_are_selected_by_code_points():
    start = MIXED.index("e\u0301")
    assert check_span(MIXED, start, start + 2, "e\u0301").end == start + 2
    hebrew = MIXED.index("\u05e9")
    assert check_span(MIXED, hebrew, hebrew + 4, "\u05e9\u05dc\u05d5\u05dd").text.startswith(
        "\u05e9"
    )


def test_utf16_indices_count_astral_characters_as_two_units():
    text = "a\U0001f600b"
    assert codepoint_to_utf16_index(text, 2) == 3
    assert utf16_index_to_codepoint(text, 3) == 2
    assert utf16_index_to_codepoint(text, 4) == 3


def test_a_utf16_index_inside_a_surrogate_pair_is_refused():
    with pytest.raises(ValueError, match="surrogate"):
        utf16_index_to_codepoint("a\U0001f600b", 2)


@pytest.mark.parametrize("index", [-1, 5])
def test_a_utf16_index_outside_the_text_is_refused(index):
    with pytest.raises(ValueError):
        utf16_index_to_codepoint("a\U0001f600b", index)


@pytest.mark.parametrize("index", [-1, 4])
def test_a_code_point_index_outside_the_text_is_refused(index):
    with pytest.raises(ValueError):
        codepoint_to_utf16_index("a\U0001f600b", index)


@given(text=texts, data=st.data())
def test_utf16_conversion_round_trips_and_agrees_with_the_utf16_codec(text, data):
    index = data.draw(st.integers(min_value=0, max_value=len(text)))
    units = codepoint_to_utf16_index(text, index)
    assert units == len(text[:index].encode("utf-16-le")) // 2
    assert utf16_index_to_codepoint(text, units) == index


@given(text=texts.filter(bool), data=st.data())
def test_any_in_range_span_with_its_own_text_is_accepted(text, data):
    start = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(text)))
    checked = check_span(text, start, end, text[start:end])
    assert (checked.start, checked.end, checked.text) == (start, end, text[start:end])
