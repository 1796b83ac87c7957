"""The rewrites page in Chromium, as a researcher (a reviewer) uses it on the seed story,
reached from the story's workbench: Al Mayadeen's rewrite of the Axios article, aligned
sentence by sentence, with the copied sentences quiet, the reworded ones' removed and added
words marked, the sentences only one of them has labelled and moved ones labelled "Moved"
in both places, linked and diffed against each other; "changes only" from the keyboard,
kept in the address."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.workspace_helpers import LAPTOP, log_in
from tests.factories import people_in_project
from tests.seed_story import AL_MAYADEEN, AXIOS, CNN, TIMES_OF_ISRAEL, seed_story_project

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

# A page is ready once its first answers are drawn (the seed pair's alignment, the
# workbench's table); the shared CI machine can take more than the default 5 s under load.
READY_MS = 15_000


@pytest.fixture
def seed(db):  # noqa: ANN001
    people = people_in_project(n_documents=0)
    return people, seed_story_project(people.project, people.manager, with_gold=False)


def open_rewrites(page: Page, base_url: str, people, seed, query: str = "") -> None:  # noqa: ANN001
    page.goto(f"{base_url}/projects/{seed.project.pk}/stories/{seed.story.pk}/rewrites/{query}")
    root = page.locator("#story-rewrites-page")
    expect(root).to_have_attribute("data-ready", "true", timeout=READY_MS)


def row_with(page: Page, text: str):  # noqa: ANN201
    return page.locator("#alignment tbody tr", has_text=text).first


def test_a_researcher_reads_how_al_mayadeen_rewrote_axios_sentence_by_sentence(
    live_server, page, seed, screenshot_path
):
    people, story = seed
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{story.project.pk}/stories/{story.story.pk}/")
    expect(page.locator("#story-workbench")).to_have_attribute(
        "data-ready", "true", timeout=READY_MS
    )
    page.get_by_role("link", name="Rewrites", exact=True).click()
    expect(page.locator("#story-rewrites-page")).to_have_attribute(
        "data-ready", "true", timeout=READY_MS
    )
    picker = page.get_by_label("Rewrite and original")
    expect(picker.locator("option:checked")).to_have_text(
        "Al Mayadeen rewrote Axios (32% of clauses shared)"
    )
    expect(page.locator("#original-head")).to_contain_text("Original: Axios, 26 Mar 2024")
    expect(page.locator("#rewrite-head")).to_contain_text("Rewrite: Al Mayadeen")
    for kind in ["copied", "changed", "moved", "added", "dropped"]:
        assert int(page.locator(f"#count-{kind}").inner_text()) > 0

    copied = row_with(page, "It didn't happen.")
    expect(copied).to_have_attribute("data-kind", "copied")
    expect(copied.locator("del, ins")).to_have_count(0)
    expect(copied.locator("th")).to_have_text("Copied")

    reworded = row_with(page, "Hamas rebuffed all U.S. offers for a compromise")
    expect(reworded).to_have_attribute("data-kind", "changed")
    expect(reworded.locator("th .kind-tag")).to_have_text("Changed")
    expect(reworded.locator("th .similarity")).to_have_text("98% similar")
    expect(reworded.locator("td").nth(0).locator("del").first).to_have_text(",")

    renamed = row_with(page, "An advisor to Netanyahu")
    expect(renamed.locator("td").nth(0).locator("del").first).to_be_visible()
    expect(renamed.locator("td").nth(1).locator("ins").first).to_be_visible()

    added = row_with(page, "Who's to blame")
    expect(added).to_have_attribute("data-kind", "added")
    expect(added.locator("td").nth(0)).to_have_text("not in the original")

    # Gallant's words moved further down and slightly reworded: "Moved" in both places,
    # with its words against its other place, each place linking to the other.
    negotiation = "The negotiation on the hostages issue"
    where_it_was = page.locator("#alignment tbody tr[data-kind=moved]", has_text=negotiation).first
    expect(where_it_was.locator("th .kind-tag")).to_have_text("Moved")
    expect(where_it_was.locator("th .similarity")).to_have_text("97% similar")
    expect(where_it_was.locator("td").nth(0).locator("del").first).to_be_visible()
    both_places = page.locator("#alignment tbody tr", has_text=negotiation)
    expect(both_places.locator(".kind-tag.kind-moved")).to_have_count(2)
    expect(both_places.locator(".kind-tag.kind-added, .kind-tag.kind-dropped")).to_have_count(0)
    where_it_was.get_by_role("link", name="Moved to: further down").focus()
    page.keyboard.press("Enter")
    focused = page.locator("#alignment tbody tr:focus")
    expect(focused).to_have_attribute("data-kind", "moved")
    where_it_is = page.locator(f"#{focused.get_attribute('id')}")
    assert where_it_is.get_attribute("id") != where_it_was.get_attribute("id")
    expect(where_it_is).to_contain_text(negotiation)
    expect(where_it_is.locator("th .kind-tag")).to_have_text("Moved")
    expect(where_it_is.locator("td").nth(1).locator("ins").first).to_be_visible()
    expect(where_it_is.locator("td").nth(0)).to_have_text("Moved from: further up")
    expect(where_it_is).not_to_contain_text("not in the original")
    page.screenshot(path=screenshot_path("story-rewrites"), full_page=True)
    page.set_viewport_size(LAPTOP)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=screenshot_path("story-rewrites-1366"))
    reworded.scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("story-rewrites-1366-changed"))
    where_it_was.get_by_role("link", name="Moved to: further down").click()
    expect(where_it_is).to_be_focused()
    page.screenshot(path=screenshot_path("story-rewrites-1366-moved"))
    where_it_is.get_by_role("link", name="Moved from: further up").click()
    expect(where_it_was).to_be_focused()
    page.screenshot(path=screenshot_path("story-rewrites-1366-moved-from"))


def test_changes_only_is_reached_by_keyboard_and_kept_in_the_address(
    live_server, page, seed, screenshot_path
):
    people, story = seed
    log_in(page, live_server.url, people.annotator.username)
    open_rewrites(page, live_server.url, people, story)
    copied_rows = page.locator("#alignment tbody tr[data-kind=copied]")
    assert copied_rows.count() > 0
    page.get_by_label("Rewrite and original").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Changes only (hide copied sentences)")).to_be_focused()
    page.keyboard.press("Space")
    expect(copied_rows).to_have_count(0)
    expect(page.locator("#alignment tbody tr[data-kind=changed]").first).to_be_visible()
    pair = f"{story.document(AXIOS).pk}-{story.document(AL_MAYADEEN).pk}"
    assert f"pair={pair}" in page.url and "changes=1" in page.url

    page.reload()
    expect(page.locator("#story-rewrites-page")).to_have_attribute(
        "data-ready", "true", timeout=READY_MS
    )
    expect(page.get_by_label("Changes only (hide copied sentences)")).to_be_checked()
    expect(copied_rows).to_have_count(0)
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("story-rewrites-changes-only-1366"))


def test_two_reports_the_import_did_not_flag_are_compared_and_kept_in_the_address(
    live_server, page, seed, screenshot_path
):
    people, story = seed
    log_in(page, live_server.url, people.manager.username)
    open_rewrites(page, live_server.url, people, story)
    page.get_by_text("Compare any two documents of the story").focus()
    page.keyboard.press("Enter")
    original, rewrite = story.document(TIMES_OF_ISRAEL), story.document(CNN)
    page.get_by_label("Original", exact=True).select_option(str(original.pk))
    page.get_by_label("Rewrite", exact=True).select_option(str(rewrite.pk))
    page.get_by_role("button", name="Compare").click()
    picked = page.get_by_label("Rewrite and original").locator("option:checked")
    expect(picked).to_have_text("CNN against The Times of Israel (not flagged as a rewrite)")
    expect(page.locator("#rewrite-head")).to_contain_text("Rewrite: CNN")
    expect(page.locator("#count-copied")).to_have_text("0")
    assert f"pair={original.pk}-{rewrite.pk}" in page.url
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("story-rewrites-any-two-1366"))

    page.reload()
    expect(page.locator("#story-rewrites-page")).to_have_attribute(
        "data-ready", "true", timeout=READY_MS
    )
    expect(picked).to_have_text("CNN against The Times of Israel (not flagged as a rewrite)")
    page.get_by_label("Rewrite and original").select_option(
        f"{story.document(AXIOS).pk}-{story.document(AL_MAYADEEN).pk}"
    )
    expect(page.locator("#rewrite-head")).to_contain_text("Rewrite: Al Mayadeen")


def test_an_outsider_gets_not_found_for_the_rewrites_page(live_server, page, seed):
    people, story = seed
    log_in(page, live_server.url, people.outsider.username)
    response = page.goto(
        f"{live_server.url}/projects/{story.project.pk}/stories/{story.story.pk}/rewrites/"
    )
    assert response is not None and response.status == 404


def test_a_story_with_one_report_says_there_is_no_pair(live_server, page, db):  # noqa: ANN001
    people = people_in_project(n_documents=1)
    log_in(page, live_server.url, people.annotator.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/stories/{people.story.pk}/rewrites/")
    expect(page.locator("#story-rewrites-page")).to_have_attribute(
        "data-ready", "true", timeout=READY_MS
    )
    expect(page.locator("#rewrites-message")).to_have_text(
        "None of the story's 1 document in this project re-reports another: no near-duplicate pair."
    )
    expect(page.locator("#pair-form")).to_be_hidden()
    expect(page.locator("#any-two")).to_be_hidden()
    expect(page.locator("#alignment-card")).to_be_hidden()
