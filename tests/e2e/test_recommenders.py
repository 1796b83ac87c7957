"""External recommenders in Chromium: a manager adds one on the suggesters page (the local
test recommender), checks it and sees what it proposed for the sample, points it at an
address that answers badly and sees why, runs it, disables it; a reviewer reads the card
without its controls."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, Recommender, SuggesterRun
from tests.e2e.workspace_helpers import LAPTOP, log_in
from tests.factories import people_in_project
from tests.recommenders.fake_recommender import fake_recommender, url_of

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


def open_card(page: Page, base: str, project_id: int) -> None:
    page.goto(f"{base}/projects/{project_id}/suggesters/")
    expect(page.locator("#recommenders")).to_have_attribute("data-ready", "true")
    expect(page.locator("#project-suggesters")).to_have_attribute("data-ready", "true")


def test_a_manager_adds_checks_runs_and_disables_a_recommender(
    live_server, page, db, screenshot_path
):
    people = people_in_project(n_documents=2)
    base, project_id = live_server.url, people.project.pk
    with fake_recommender() as server:
        log_in(page, base, people.manager.username)
        open_card(page, base, project_id)
        expect(page.locator("#recommenders-empty")).to_be_visible()

        # Add it from the keyboard: the summary opens the form.
        page.locator("#recommender-editor-summary").focus()
        page.keyboard.press("Enter")
        page.get_by_label("Name", exact=True).fill("Tagger One")
        page.get_by_label("Address (http or https)").fill(url_of(server, "/good"))
        page.get_by_label("CUE", exact=True).check()
        page.get_by_label("CLAIM", exact=True).check()
        page.get_by_label("CUE_OF").check()
        page.screenshot(path=screenshot_path("recommenders-add-form"), full_page=True)
        page.get_by_role("button", name="Add recommender").click()
        expect(page.locator("#recommender-name-error")).to_contain_text("Lower-case letters")
        expect(page.get_by_label("Name", exact=True)).to_be_focused()
        page.get_by_label("Name", exact=True).fill("tagger")
        page.keyboard.press("Enter")
        item = page.locator("#recommender-list li", has_text="tagger")
        expect(item).to_contain_text("model:tagger")
        expect(item).to_contain_text("labels: CLAIM, CUE · relations: CUE_OF · stances: no")
        recommender = Recommender.objects.get(project=people.project, name="tagger")
        assert recommender.labels == ["CLAIM", "CUE"]

        # Check: the sample's proposals come back; nothing is written.
        expect(item.get_by_role("button", name="Check tagger")).to_be_focused()
        page.keyboard.press("Enter")
        outcome = item.locator(".recommender-outcome")
        expect(outcome).to_contain_text("Good answer in")
        expect(outcome).to_contain_text("CUE “said”")
        assert server.received[-1][1]["document"]["id"] == 0
        assert not AnnotationSet.objects.filter(project=people.project, kind="model").exists()
        page.screenshot(path=screenshot_path("recommenders-checked"), full_page=True)

        # Edit: an address that answers with a span text not at its offsets.
        item.get_by_role("button", name="Edit tagger").click()
        address = page.get_by_label("Address (http or https)")
        expect(page.get_by_label("Name", exact=True)).to_be_focused()
        expect(address).to_have_value(url_of(server, "/good"))
        address.fill(url_of(server, "/text"))
        page.get_by_role("button", name="Save changes").click()
        expect(page.locator("#recommenders-feedback")).to_have_text("tagger saved.")
        item.get_by_role("button", name="Check tagger").click()
        expect(outcome).to_contain_text("Bad answer:")
        expect(outcome).to_contain_text("does not match the text at its offsets")
        page.set_viewport_size({"width": 1366, "height": 768})
        item.scroll_into_view_if_needed()
        page.screenshot(path=screenshot_path("recommenders-bad-answer-1366"))

        # Back to the good address, then run it: the layer is written.
        Recommender.objects.filter(pk=recommender.pk).update(url=url_of(server, "/good"))
        open_card(page, base, project_id)
        item.get_by_role("button", name="Run tagger").click()
        expect(outcome).to_contain_text("started over every document of the project")
        run = SuggesterRun.objects.get(project=people.project, model_name="tagger")
        run.refresh_from_db()
        assert run.status == "done", run.error
        assert AnnotationSet.objects.filter(model_name="tagger").count() == 2
        # The page's runs table hears of the run and shows it done.
        run_row = page.locator("#runs-table tbody tr", has_text="model:tagger")
        expect(run_row).to_have_attribute("data-status", "done")

        # Disable it: it stays listed, and cannot be run.
        item.get_by_role("button", name="Disable tagger").click()
        expect(item.locator(".recommender-state")).to_have_text("disabled")
        expect(item.get_by_role("button", name="Run tagger")).to_be_disabled()
        expect(item.get_by_role("button", name="Enable tagger")).to_be_focused()
        page.screenshot(path=screenshot_path("recommenders-disabled-1366"), full_page=True)


def test_a_reviewer_reads_the_recommenders_without_their_controls(live_server, page, db):
    people = people_in_project(n_documents=0)
    Recommender.objects.create(
        project=people.project, name="tagger", url="http://127.0.0.1:9/", labels=["CUE"]
    )
    log_in(page, live_server.url, people.reviewer.username)
    open_card(page, live_server.url, people.project.pk)
    item = page.locator("#recommender-list li")
    expect(item).to_contain_text("model:tagger")
    expect(item.get_by_role("button")).to_have_count(0)
    expect(page.locator("#recommender-form")).to_have_count(0)


def test_a_reviewer_without_recommenders_sees_the_card_end_at_its_last_line(
    live_server, page, db, screenshot_path
):
    people = people_in_project(n_documents=0)
    log_in(page, live_server.url, people.reviewer.username)
    page.set_viewport_size(LAPTOP)
    open_card(page, live_server.url, people.project.pk)
    last_line = page.locator("#recommenders-empty")
    expect(last_line).to_be_visible()
    expect(page.locator("#recommender-list")).to_be_hidden()
    expect(page.locator("#recommenders-feedback")).to_be_hidden()
    card = page.locator("#recommenders").bounding_box()
    line = last_line.bounding_box()
    gap = card["y"] + card["height"] - (line["y"] + line["height"])
    assert gap < 34, f"{gap:.0f} px under the card's last line (its padding is about 26)"
    page.locator("#recommenders").scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("recommenders-reviewer-empty-1366"))
