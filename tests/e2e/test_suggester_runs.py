"""Suggesters as background jobs, in Chromium: a manager runs the quote aligner on the seed
story from the suggesters page, follows the run to done, then in the workspace accepts two of
its suggestions and rejects one; the decisions are stored. A reviewer reads the runs only."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, SuggesterRun, SuggestionDecision
from tests.e2e.workspace_helpers import LAPTOP, log_in, open_workspace, wait_saved
from tests.factories import people_in_project
from tests.seed_story import AXIOS, seed_story_project

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


def open_suggesters(page: Page, base: str, project_id: int) -> None:
    page.goto(f"{base}/projects/{project_id}/suggesters/")
    expect(page.locator("#project-suggesters")).to_have_attribute("data-ready", "true")


def press_and_wait_for_decision(page: Page, key: str) -> None:
    with page.expect_response(
        lambda r: "/decisions/" in r.url and r.request.method == "POST" and r.ok
    ):
        page.keyboard.press(key)


def test_a_manager_runs_the_aligner_then_accepts_two_suggestions_and_rejects_one(
    live_server, page, db, screenshot_path
):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager, with_gold=False)
    base, project_id = live_server.url, people.project.pk
    log_in(page, base, people.manager.username)
    page.goto(f"{base}/projects/{project_id}/")
    page.get_by_role("link", name="Suggesters").click()
    expect(page.locator("#project-suggesters")).to_have_attribute("data-ready", "true")
    expect(page.locator("#runs-status")).to_have_text("No runs yet.")

    # From the keyboard: the story is chosen, the run button pressed.
    page.select_option("#aligner-story", str(seed.story.pk))
    page.locator("#run-quote-aligner button[type=submit]").focus()
    page.keyboard.press("Enter")
    feedback = page.locator("#run-quote-aligner-feedback")
    expect(feedback).to_contain_text("writing model:quote-aligner")
    run = page.locator("#runs-table tbody tr").first
    expect(run).to_have_attribute("data-status", "done")
    expect(run).to_contain_text("Quote aligner")
    expect(run).to_contain_text(seed.story.name)
    expect(run).to_contain_text("5 of 5 documents")
    expect(run).to_contain_text("Wrote ")
    expect(run.get_by_role("link", name="model:quote-aligner")).to_have_attribute(
        "href", f"/projects/{project_id}/agreement/#suggestion-quality-card"
    )
    assert SuggesterRun.objects.get().status == "done"
    page.screenshot(path=screenshot_path("suggesters-run-done"), full_page=True)

    # Running it again is refused with the count; the replace box gets the focus.
    page.locator("#run-quote-aligner button[type=submit]").click()
    expect(feedback).to_contain_text("already has")
    expect(page.locator("#aligner-replace")).to_be_focused()
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("suggesters-refused-1366"), full_page=True)

    # In the workspace (the queue's first document, the Axios article): accept two
    # suggestions, reject a third.
    axios = seed.document(AXIOS)
    open_workspace(page, f"{base}/projects/{project_id}/work/")
    expect(page.locator("#doc-title")).to_contain_text(axios.title)
    suggested = page.locator("#doc-text .seg.suggested")
    expect(suggested.first).to_be_visible()
    page.keyboard.press("Tab")  # the first suggestion in reading order
    selected = page.locator('[data-section="selected"]')
    expect(selected).to_contain_text("from quote-aligner")
    press_and_wait_for_decision(page, "Enter")
    expect(selected).to_contain_text("from quote-aligner")
    press_and_wait_for_decision(page, "Enter")
    expect(selected).to_contain_text("from quote-aligner")
    press_and_wait_for_decision(page, "Backspace")
    wait_saved(page)  # the accepted suggestions are the manager's spans once saved
    page.screenshot(path=screenshot_path("suggesters-workspace-decisions-1366"))

    own = AnnotationSet.objects.get(document=axios, author=people.manager, kind="annotator")
    decisions = sorted(
        SuggestionDecision.objects.filter(annotation_set=own).values_list("decision", flat=True)
    )
    assert decisions == ["accepted", "accepted", "rejected"]
    model = AnnotationSet.objects.get(document=axios, kind="model", model_name="quote-aligner")
    assert set(
        SuggestionDecision.objects.filter(annotation_set=own).values_list(
            "suggestion__annotation_set", flat=True
        )
    ) == {model.pk}
    assert own.spans.filter(label="CLAIM").count() == 2


def test_a_reviewer_follows_the_runs_but_has_no_run_button(live_server, page, db, screenshot_path):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager, with_gold=False)
    SuggesterRun.objects.create(
        project=people.project,
        story=seed.story,
        suggester="quote-aligner",
        model_name="quote-aligner",
        status="failed",
        error="The project is archived; unarchive it to change it.",
        documents_total=5,
    )
    log_in(page, live_server.url, people.reviewer.username)
    open_suggesters(page, live_server.url, people.project.pk)
    expect(page.locator("#suggesters-read-only")).to_be_visible()
    expect(page.get_by_role("button", name="Run the quote aligner")).to_have_count(0)
    row = page.locator("#runs-table tbody tr")
    expect(row).to_have_attribute("data-status", "failed")
    expect(row).to_contain_text("The project is archived")
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("suggesters-reviewer-1366"), full_page=True)


def test_a_manager_runs_the_aligner_from_the_story_workbench_and_opens_its_layer(
    live_server, page, db, screenshot_path
):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager, with_gold=True)
    base, project_id = live_server.url, people.project.pk
    log_in(page, base, people.manager.username)
    page.set_viewport_size(LAPTOP)
    page.goto(f"{base}/projects/{project_id}/stories/{seed.story.pk}/")
    expect(page.locator("#story-workbench")).to_have_attribute("data-ready", "true")
    control = page.locator("#aligner-run-control")
    expect(control).to_have_attribute("data-ready", "true")

    control.get_by_role("button", name="Run the quote aligner").click()
    status = control.locator(".run-status")
    expect(status).to_contain_text("Wrote ")
    page.screenshot(path=screenshot_path("suggesters-workbench-control-1366"))
    control.get_by_role("link", name="Show model:quote-aligner").click()
    expect(page.locator("#story-workbench")).to_have_attribute("data-ready", "true")
    expect(page.locator("#story-layer")).to_have_value("model:quote-aligner")
    expect(page.locator("#claims-table tbody tr").first).to_be_visible()
    assert SuggesterRun.objects.get().status == "done"

    # Again without replace: refused with the count, the replace box focused.
    control = page.locator("#aligner-run-control")
    expect(control).to_have_attribute("data-ready", "true")
    control.get_by_role("button", name="Run the quote aligner").click()
    expect(control.locator(".run-status")).to_contain_text("already has")
    expect(control.locator(".run-replace")).to_be_focused()


def test_the_workbench_offers_no_run_control_to_a_reviewer(live_server, page, db):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager, with_gold=True)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/stories/{seed.story.pk}/")
    expect(page.locator("#story-workbench")).to_have_attribute("data-ready", "true")
    expect(page.locator("#aligner-run-control")).to_have_count(0)


def test_a_manager_runs_the_attribution_suggester_over_every_document_from_the_keyboard(
    live_server, page, db
):
    people = people_in_project(n_documents=0)
    seed_story_project(people.project, people.manager, with_gold=False)
    log_in(page, live_server.url, people.manager.username)
    open_suggesters(page, live_server.url, people.project.pk)
    page.locator("#attribution-model").fill("rules-v1")
    page.keyboard.press("Enter")  # submits the form
    run = page.locator("#runs-table tbody tr").first
    expect(run).to_have_attribute("data-status", "done")
    expect(run).to_contain_text("model:rules-v1")
    expect(run).to_contain_text("every document")
    expect(run).to_contain_text("Wrote 5 sets")
    assert AnnotationSet.objects.filter(kind="model", model_name="rules-v1").count() == 5
