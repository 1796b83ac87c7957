"""Submitting and skipping in Chromium: only the document shown is ever submitted, an empty
set is submitted only once confirmed, and the page says what happened after each step."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, SetKind, SetStatus
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from tests.e2e.workspace_helpers import (
    LAPTOP,
    OTHER_REPORT,
    REPORT,
    log_in,
    mouse_select,
    open_workspace,
    project_with,
    span_on,
    wait_saved,
    write_set,
)

pytestmark = pytest.mark.e2e


def statuses(people) -> dict[str, str]:  # noqa: ANN001
    sets = AnnotationSet.objects.filter(project=people.project, kind=SetKind.ANNOTATOR)
    return {s.document.title: s.status for s in sets.select_related("document")}


def settle(page: Page) -> None:
    """Give a request the page should not make the time to be made (and fail the test)."""
    page.wait_for_timeout(1_000)


def test_after_skipping_to_the_end_of_the_queue_ctrl_enter_submits_nothing(
    live_server, page, db, screenshot_path
):
    people, (first, second) = project_with(REPORT, OTHER_REPORT)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    skip = page.locator("#skip")

    skip.click()
    expect(page.locator("#doc-title")).to_have_text(second.title)
    skip.click()
    expect(page.locator("#doc-text")).to_contain_text("Nothing left in your queue")

    posts: list[str] = []
    # a time-on-task report of the skipped sets' last seconds is not a step on a set
    page.on(
        "request",
        lambda r: posts.append(r.url) if r.method != "GET" and "/time/" not in r.url else None,
    )
    page.keyboard.press("Control+Enter")
    page.locator("#doc-text").press("Control+Enter")
    page.keyboard.press("c")
    settle(page)
    assert posts == []
    assert statuses(people) == {first.title: SetStatus.SKIPPED, second.title: SetStatus.SKIPPED}
    expect(page.locator("#message")).to_have_text("Skipped “Report 2”. Nothing left in your queue.")
    expect(page.locator("#submit")).to_be_hidden()
    expect(page.locator("#skip")).to_be_hidden()
    expect(page.locator("#panel")).to_be_hidden()
    page.screenshot(path=screenshot_path("workspace-queue-done"))


def test_an_empty_set_is_submitted_only_on_a_second_ctrl_enter_and_esc_keeps_it_open(
    live_server, page, db, screenshot_path
):
    people, (first, second) = project_with(REPORT, OTHER_REPORT)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    message = page.locator("#message")

    page.keyboard.press("Control+Enter")
    expect(message).to_contain_text("Submit with no annotations? Press Ctrl+Enter again")
    expect(message).to_have_attribute("role", "alert")
    page.screenshot(path=screenshot_path("workspace-submit-empty-question"))
    settle(page)
    assert statuses(people) == {first.title: SetStatus.ASSIGNED}

    page.keyboard.press("Escape")
    expect(message).to_have_text("Not submitted: go on annotating.")
    expect(page.locator("#doc-title")).to_have_text(first.title)
    assert statuses(people) == {first.title: SetStatus.ASSIGNED}

    page.keyboard.press("Control+Enter")
    expect(message).to_contain_text("Submit with no annotations?")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#doc-title")).to_have_text(second.title)
    expect(message).to_have_text("Submitted “Report 1”. Here is the next document from your queue.")
    assert statuses(people)[first.title] == SetStatus.SUBMITTED


def test_an_edit_answers_the_empty_question_and_the_button_confirms_with_submit_empty(
    live_server, page, db
):
    people, (first, second) = project_with(REPORT, OTHER_REPORT)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    message = page.locator("#message")
    submit = page.locator("#submit")

    # Asked, then a span: the set is no longer empty, so the next submit goes straight on.
    submit.click()
    expect(message).to_contain_text("Submit with no annotations?")
    mouse_select(page, "Officials")  # a source: a lone claim would ask the claim's check
    page.keyboard.press("s")
    expect(message).not_to_contain_text("Submit with no annotations?")
    wait_saved(page)
    submit.click()
    expect(page.locator("#doc-title")).to_have_text(second.title)
    expect(message).to_have_text("Submitted “Report 1”. Here is the next document from your queue.")

    # The last document, submitted empty with the mouse.
    submit.click()
    message.get_by_role("button", name="Submit empty").click()
    expect(page.locator("#doc-text")).to_contain_text("Nothing left in your queue")
    expect(message).to_have_text("Submitted “Report 2”. Nothing left in your queue.")
    assert statuses(people) == {first.title: SetStatus.SUBMITTED, second.title: SetStatus.SUBMITTED}


def test_a_reviewer_who_submits_the_gold_set_is_told_so_and_promised_no_next_document(
    live_server, page, db, screenshot_path
):
    people, (first, _) = project_with(REPORT, OTHER_REPORT)
    gold, _ = annotation_set_open(
        project=people.project, document=first, author=people.reviewer, kind=SetKind.GOLD
    )
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)
    open_workspace(
        page, f"{live_server.url}/projects/{people.project.id}/documents/{first.id}/work/"
    )
    expect(page.locator("#doc-meta")).to_contain_text("gold set")
    expect(page.locator("#skip")).to_be_hidden()
    mouse_select(page, "Officials")  # a source: a lone claim would ask the claim's check
    page.keyboard.press("s")
    wait_saved(page)

    page.keyboard.press("Control+Enter")
    message = page.locator("#message")
    expect(message).to_have_text("Submitted the gold set of “Report 1”.")
    expect(page.locator("#doc-text")).to_contain_text(
        "Open the next document to curate from the Curate queue."
    )
    expect(page.get_by_role("link", name="Go to the Curate queue")).to_have_attribute(
        "href", f"/projects/{people.project.id}/curate/"
    )
    expect(page.get_by_text("next document from your queue")).to_have_count(0)
    page.screenshot(path=screenshot_path("workspace-gold-submitted"))
    gold.refresh_from_db()
    assert gold.status == SetStatus.CURATED
    assert not AnnotationSet.objects.filter(kind=SetKind.ANNOTATOR).exists()


def test_a_reviewer_who_opens_the_queue_is_told_reviewers_have_none(live_server, page, db):
    people, _ = project_with(REPORT)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/work/")
    expect(page.locator("#doc-text")).to_contain_text("Reviewers have no queue")
    expect(page.get_by_role("link", name="Go to the Curate queue")).to_have_attribute(
        "href", f"/projects/{people.project.id}/curate/"
    )
    expect(page.locator("#save-status")).to_have_text("")


def test_the_toolbar_counts_only_your_own_submitted_sets(live_server, page, db):
    people, (first, second) = project_with(REPORT, OTHER_REPORT)
    people.project.blind = False  # the annotator may see the other's sets, and not count them
    people.project.save(update_fields=["blind"])
    theirs, _ = annotation_set_open(
        project=people.project, document=first, author=people.other_annotator
    )
    annotation_set_submit(annotation_set=theirs)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    progress = page.locator("#progress")
    expect(progress).to_have_text("0 of 2 submitted")

    mouse_select(page, "Officials")  # a source: a lone claim would ask the claim's check
    page.keyboard.press("s")
    wait_saved(page)
    page.keyboard.press("Control+Enter")
    expect(page.locator("#doc-title")).to_have_text(second.title)
    expect(progress).to_have_text("1 of 2 submitted")


def test_the_next_document_opens_with_the_side_panel_at_its_top(live_server, page, db):
    text = " ".join(f"Official number {i} said the talks had stalled." for i in range(30))
    people, documents = project_with(text, f"{text} The end.")
    for document in documents:  # both side panels are longer than the window
        aset, _ = annotation_set_open(
            project=people.project, document=document, author=people.annotator
        )
        write_set(aset, [span_on(text, f"Official number {i}", "SOURCE") for i in range(30)])
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    panel = page.locator("#panel")
    panel.evaluate("p => { p.scrollTop = p.scrollHeight; }")
    assert panel.evaluate("p => p.scrollTop") > 0

    page.keyboard.press("Control+Enter")
    expect(page.locator("#doc-title")).to_have_text("Report 2")
    expect(page.locator('[data-section="labels"]')).to_be_in_viewport()
    assert panel.evaluate("p => p.scrollTop") == 0
