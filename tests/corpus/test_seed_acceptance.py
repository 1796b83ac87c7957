"""Acceptance: the five seed articles (read from ../shared/seeds at test time, never copied)
imported as one story."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.cleaning import normalise_text
from corpus.models import Document
from corpus.services import ImportReport, documents_import

pytestmark = pytest.mark.django_db

STORY = "Gaza hostage talks, March 2024"
TITLES = {
    "000": "Gaza hostage talks deadlock and spark U.S.-Israel blame game",
    "001": "US, 'Israel' mis-assessed Hamas' firm position on its demands: Axios",
    "002": "Israel-Hamas Talks Over Hostage Releases and a Cease-Fire Stall",
    "003": "Blaming UN vote, Israel pulls negotiators from Qatar after Hamas rejects truce deal",
    "004": "Talks on a Gaza deal are at an impasse. Here’s what we know",
}
# What the text itself says; 002 (The New York Times) has no cue in its text.
OUTLETS = {
    "000": "Axios",
    "001": "Al Mayadeen",
    "002": None,
    "003": "The Times of Israel",
    "004": "CNN",
}
BOILERPLATE_LINES = {
    "skip to content", "leave a comment", "most popular", "read more:", "go deeper",
    "jump to comments ↓", "be part of the conversation", "author profile photo",
    "the-cnn-wire", "cnn newsource", "article topic follows: cnn - world",
}  # fmt: skip
BOILERPLATE_FRAGMENTS = (
    "read more: ",
    "is committed to providing a forum",
    "please keep your comments",
    "share a story idea",
    "all rights reserved",
    "<i>",
    "<br/>",
)
QUOTE_RES = (re.compile(r"“[^”\n]*”"), re.compile(r'"[^"\n]*"'))


@pytest.fixture
def imported(seed_files: list[tuple[str, bytes]]) -> dict[str, Document]:
    report = documents_import(files=seed_files, story_name=STORY)
    assert report.errors == []
    return {doc.meta["source"]["file"][:3]: doc for doc in report.documents}


@pytest.fixture
def report(seed_files: list[tuple[str, bytes]]) -> ImportReport:
    return documents_import(files=seed_files, story_name=STORY)


def test_the_five_seeds_become_five_documents_of_one_story(imported: dict[str, Document]) -> None:
    assert sorted(imported) == sorted(TITLES)
    assert Document.objects.filter(story__name=STORY).count() == 5


def test_every_seed_gets_its_headline_as_title(imported: dict[str, Document]) -> None:
    assert {key: doc.title for key, doc in imported.items()} == TITLES


def test_the_outlet_is_found_for_at_least_four_seeds_and_never_wrong(
    imported: dict[str, Document],
) -> None:
    found = {key: doc.outlet.name if doc.outlet else None for key, doc in imported.items()}
    for key, outlet in found.items():
        assert outlet in (OUTLETS[key], None), f"{key}: {outlet} is not {OUTLETS[key]}"
    assert sum(1 for outlet in found.values() if outlet) >= 4
    assert found == OUTLETS


def test_no_boilerplate_line_is_left_in_the_text(imported: dict[str, Document]) -> None:
    for key, doc in imported.items():
        for line in doc.text.split("\n"):
            folded = line.strip().casefold()
            assert folded not in BOILERPLATE_LINES, f"{key}: {line!r}"
            for fragment in BOILERPLATE_FRAGMENTS:
                assert fragment not in folded, f"{key}: {line!r}"


def test_repeated_captions_are_kept_once(imported: dict[str, Document]) -> None:
    assert imported["000"].text.count("A man passes by a building covered with photos") == 1
    assert imported["003"].text.count("File: Prime Minister Benjamin Netanyahu (R)") == 1
    assert imported["004"].text.count("Ohad Zwigenberg/AP") == 1
    assert imported["004"].text.count("A commemoration for people killed") == 1
    assert all(
        any(zone["kind"] == "caption" for zone in imported[key].zones)
        for key in ("000", "003", "004")
    )


def test_every_quotation_outside_removed_lines_is_intact_character_for_character(
    imported: dict[str, Document], seed_paths: list[Path]
) -> None:
    checked = 0
    for path in seed_paths:
        doc = imported[path.name[:3]]
        removed = {item["line"] for item in doc.meta["cleaning"]["removed"]}
        raw_lines = normalise_text(path.read_text(encoding="utf-8")).split("\n")
        for number, line in enumerate(raw_lines, 1):
            if number in removed:
                continue
            for pattern in QUOTE_RES:
                for quote in pattern.findall(line):
                    assert quote in doc.text, f"{path.name}:{number}: {quote[:60]!r} changed"
                    checked += 1
    assert checked >= 75


def test_removed_lines_are_all_audited_with_their_input_text(
    imported: dict[str, Document], seed_paths: list[Path]
) -> None:
    for path in seed_paths:
        doc = imported[path.name[:3]]
        raw_lines = normalise_text(path.read_text(encoding="utf-8")).split("\n")
        for item in doc.meta["cleaning"]["removed"]:
            assert raw_lines[item["line"] - 1] == item["text"]


def test_zones_cover_headline_and_body_and_stay_inside_the_text(
    imported: dict[str, Document],
) -> None:
    for key, doc in imported.items():
        kinds = [zone["kind"] for zone in doc.zones]
        assert "headline" in kinds and "body" in kinds, key
        headline = next(zone for zone in doc.zones if zone["kind"] == "headline")
        assert doc.text[headline["start"] : headline["end"]] == doc.title
        previous = 0
        for zone in doc.zones:
            assert previous <= zone["start"] < zone["end"] <= len(doc.text)
            previous = zone["end"]


def test_bylines_and_datelines_are_found(imported: dict[str, Document]) -> None:
    assert imported["000"].published_at.date().isoformat() == "2024-03-26"
    assert imported["003"].meta["cleaning"]["byline"] == "Lazar Berman"
    assert imported["004"].meta["cleaning"]["byline"].startswith("Nadeen Ebrahim")
    assert imported["004"].meta["cleaning"]["dateline"] == "(CNN) —"


def test_the_re_report_of_axios_is_flagged_as_near_duplicate_of_it(
    report: ImportReport,
) -> None:
    by_key = {doc.meta["source"]["file"][:3]: doc.pk for doc in report.created}
    pairs = {(p["document"], p["similar_to"]) for p in report.near_duplicates}
    assert pairs == {(by_key["001"], by_key["000"])}
    assert report.created[1].meta["cleaning"]["cited_outlets"] == ["Axios"]


def test_importing_the_seeds_again_creates_nothing(
    seed_files: list[tuple[str, bytes]], imported: dict[str, Document]
) -> None:
    again = documents_import(files=seed_files, story_name=STORY)
    assert again.created == [] and len(again.existing) == 5
    assert again.near_duplicates == []
