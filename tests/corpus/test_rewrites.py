"""A rewrite aligned with its original sentence by sentence (``corpus.rewrites``,
``corpus.sentences``): pure, on synthetic texts and on the seed pair Al Mayadeen rewrote
from Axios."""

from __future__ import annotations

from pathlib import Path

from corpus.rewrites import CHANGED_THRESHOLD, Alignment, rewrite_alignment
from corpus.sentences import sentence_ranges


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_ranges(text)]


def kinds(alignment: Alignment) -> list[str]:
    return [row.kind for row in alignment.rows]


def side(text: str, runs) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(run.op, text[run.start : run.end]) for run in runs]


def test_sentences_end_at_stops_and_line_breaks_but_not_after_abbreviations() -> None:
    text = "The U.S. envoy met Mr. Smith. He left!\n  • A bullet line\nLast one? Yes"
    assert sentences(text) == [
        "The U.S. envoy met Mr. Smith.",
        "He left!",
        "A bullet line",
        "Last one?",
        "Yes",
    ]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert sentences("“It is over.” Then he left.") == ["“It is over.”", "Then he left."]


def test_sentences_offsets_are_code_points_after_emoji() -> None:
    text = "Talks 🇺🇸 stalled. Both sides waited."
    assert sentences(text) == ["Talks 🇺🇸 stalled.", "Both sides waited."]


def test_a_sentence_differing_only_in_quote_marks_case_and_spaces_is_copied() -> None:
    original = "“We are stuck,” the official said. The talks went on."
    rewrite = '"we are  STUCK," the official said. The talks went on.'
    alignment = rewrite_alignment(original, rewrite)
    assert kinds(alignment) == ["copied", "copied"]
    assert alignment.counts == {"copied": 2, "changed": 0, "moved": 0, "added": 0, "dropped": 0}


def test_a_reworded_sentence_is_changed_with_its_words_removed_and_added() -> None:
    original = "Hamas rejected every offer made by the mediators on Monday."
    rewrite = "The Resistance rejected every offer made by the mediators on Monday."
    (row,) = rewrite_alignment(original, rewrite).rows
    assert row.kind == "changed" and CHANGED_THRESHOLD <= row.similarity < 1
    assert side(original, row.original.runs) == [
        ("removed", "Hamas"),
        ("kept", " rejected every offer made by the mediators on Monday."),
    ]
    assert side(rewrite, row.rewrite.runs) == [
        ("added", "The Resistance"),
        ("kept", " rejected every offer made by the mediators on Monday."),
    ]


def test_runs_of_a_changed_sentence_cover_it_exactly() -> None:
    original = "The envoy said the talks were over, and left for Cairo at noon."
    rewrite = "The envoy said talks were not over, and flew to Cairo at noon."
    (row,) = rewrite_alignment(original, rewrite).rows
    sides = [(original, row.original, "removed"), (rewrite, row.rewrite, "added")]
    for text, sentence, op in sides:
        whole = text[sentence.start : sentence.end]
        assert "".join(text[r.start : r.end] for r in sentence.runs) == whole
        assert {r.op for r in sentence.runs} == {"kept", op}


def test_a_sentence_only_the_rewrite_has_is_added_and_one_only_the_original_has_is_dropped() -> (
    None
):
    original = "The talks stalled in Doha. Gallant flew to Washington on Tuesday."
    rewrite = "Read more: a related story. The talks stalled in Doha."
    alignment = rewrite_alignment(original, rewrite)
    assert kinds(alignment) == ["added", "copied", "dropped"]
    added, _, dropped = alignment.rows
    assert added.original is None and dropped.rewrite is None


def test_unrelated_sentences_are_never_paired() -> None:
    alignment = rewrite_alignment("The weather was fine.", "Prices of bread went up again.")
    assert kinds(alignment) == ["dropped", "added"]


def test_the_alignment_keeps_the_order_of_both_texts() -> None:
    original = "First point made here. Second point made here too. Third and last point."
    rewrite = "Third and last point. First point made here. Second point made here too."
    alignment = rewrite_alignment(original, rewrite)
    assert kinds(alignment) == ["moved", "copied", "copied", "moved"]
    starts = [row.original.start for row in alignment.rows if row.original]
    assert starts == sorted(starts)


def test_a_sentence_the_rewrite_moved_is_moved_in_both_places_and_the_rows_name_each_other() -> (
    None
):
    original = "First point made here. Second point made here too. Third and last point."
    rewrite = "Third and last point. First point made here. Second point made here too."
    alignment = rewrite_alignment(original, rewrite)
    moved_to, _, _, moved_from = alignment.rows
    assert (moved_to.kind, moved_to.moved, moved_to.similarity) == ("moved", 3, 1.0)
    assert moved_to.original is None and moved_to.rewrite.runs == ()
    assert (moved_from.kind, moved_from.moved) == ("moved", 0)
    assert moved_from.rewrite is None and moved_from.original.runs == ()
    assert alignment.counts == {"copied": 2, "changed": 0, "moved": 1, "added": 0, "dropped": 0}


def test_a_sentence_moved_and_reworded_shows_its_words_against_its_other_place() -> None:
    original = "First point made here. Second point made here too. Third and last point, at length."
    rewrite = "Third and final point, at length. First point made here. Second point made here too."
    where_it_is, _, _, where_it_was = rewrite_alignment(original, rewrite).rows
    assert where_it_is.kind == where_it_was.kind == "moved"
    assert CHANGED_THRESHOLD <= where_it_is.similarity == where_it_was.similarity < 1
    assert side(original, where_it_was.original.runs) == [
        ("kept", "Third and "),
        ("removed", "last"),
        ("kept", " point, at length."),
    ]
    assert side(rewrite, where_it_is.rewrite.runs) == [
        ("kept", "Third and "),
        ("added", "final"),
        ("kept", " point, at length."),
    ]


def test_an_added_sentence_unlike_any_dropped_one_has_not_moved() -> None:
    alignment = rewrite_alignment("The weather was fine.", "Prices of bread went up again.")
    assert [row.moved for row in alignment.rows] == [None, None]


def test_empty_texts_align_to_nothing() -> None:
    assert rewrite_alignment("", "").rows == []
    assert kinds(rewrite_alignment("", "One sentence.")) == ["added"]


def test_the_seed_rewrite_shows_copied_changed_and_added_sentences(seeds_dir: Path) -> None:
    axios = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    al_mayadeen = next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8")
    alignment = rewrite_alignment(axios, al_mayadeen)
    counts = alignment.counts
    assert counts["copied"] > 0 and counts["changed"] > 0 and counts["added"] > 0
    assert counts["moved"] > 0
    assert sum(counts.values()) + counts["moved"] == len(alignment.rows)  # moved: two rows
    for row in alignment.rows:
        for text, sentence in [(axios, row.original), (al_mayadeen, row.rewrite)]:
            if sentence is None:
                continue
            piece = text[sentence.start : sentence.end]
            assert piece == piece.strip() and piece
            if sentence.runs:
                assert "".join(text[r.start : r.end] for r in sentence.runs) == piece
    copied = [
        axios[row.original.start : row.original.end]
        for row in alignment.rows
        if row.kind == "copied"
    ]
    assert "It didn't happen." in copied
