"""How sources are named and matched: ``annotations/source_names.py``."""

from __future__ import annotations

from annotations.source_names import Named, entry_matches, name_normalized

NETANYAHU = Named(1, "Benjamin Netanyahu", ("Prime Minister Benjamin Netanyahu", "Bibi"))
WHITE_HOUSE = Named(2, "The White House", ("the Biden administration",))
OFFICIAL = Named(3, "Senior U.S. official", ("a senior U.S. official", "one U.S. official"))
HAMAS = Named(4, "Hamas", ())
ENTRIES = [NETANYAHU, WHITE_HOUSE, OFFICIAL, HAMAS]


def test_normalising_folds_case_and_drops_quotes_punctuation_and_a_leading_article():
    assert name_normalized("  The  “White House”. ") == "white house"
    assert name_normalized("a Senior U.S. Official,") == "senior us official"


def test_normalising_drops_a_possessive_with_either_apostrophe():
    assert name_normalized("Netanyahu's") == "netanyahu"
    assert name_normalized("Netanyahu\u2019s office") == "netanyahu office"


def test_an_article_alone_is_kept_so_that_a_name_never_normalises_to_nothing():
    assert name_normalized("The") == "the"


def test_the_exact_name_or_alias_scores_one_whatever_the_spelling():
    [match] = [m for m in entry_matches("the White House", ENTRIES) if m.entry_id == 2]
    assert match.score == 1.0 and match.matched == "The White House"
    best = entry_matches("A senior US official", ENTRIES)[0]
    assert (best.entry_id, best.score, best.matched) == (3, 1.0, "Senior U.S. official")


def test_a_surname_alone_suggests_the_full_name():
    best = entry_matches("Netanyahu", ENTRIES)[0]
    assert best.entry_id == 1 and 0.5 <= best.score < 1.0


def test_titles_alone_match_nothing():
    assert [m.entry_id for m in entry_matches("the Prime Minister", ENTRIES)] == []
    assert entry_matches("an official", ENTRIES) == []


def test_unrelated_text_matches_nothing():
    assert entry_matches("Qatari mediators", ENTRIES) == []


def test_matches_are_best_first_and_at_most_the_limit():
    many = [Named(i, f"Official number {i}", ()) for i in range(1, 9)]
    found = entry_matches("number", many, limit=5)
    assert len(found) == 5
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
