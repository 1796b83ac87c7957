"""A document a reviewer returned to an annotator, in Chromium: the annotator's project home
lists it with the reviewer's note and counts the unread comment, the queue gives it first,
the workspace shows the note at the top of the panel and in the set's thread, Skip is not
offered, and the corrected set submitted again gives the document back to its reviewers."""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import expect

from annotations.models import AnnotationSet, ProjectDocument, ReviewStatus, SetStatus
from annotations.services.annotation_sets import annotation_set_submit
from tests.e2e.workspace_helpers import (
    LAPTOP,
    OTHER_REPORT,
    REPORT,
    annotator_set,
    log_in,
    mouse_select,
    project_with,
    span_on,
    spans_in,
    wait_saved,
    where,
    write_set,
)

pytestmark = pytest.mark.e2e

NOTE = "The <source> is missing: mark “a minister” as a Source."


def test_a_returned_set_comes_first_with_the_reviewers_note_and_is_submitted_again(
    live_server, page, db, screenshot_path
):
    people, (first, second) = project_with(REPORT, OTHER_REPORT)
    aset = annotator_set(people, first)
    write_set(aset, [span_on(REPORT, "the talks had stalled", "CLAIM")])
    annotation_set_submit(annotation_set=aset)
    annotator_set(people, second)  # open work that would otherwise come first
    reviewer = Client()
    reviewer.force_login(people.reviewer)
    answer = reviewer.post(
        f"/api/v1/projects/{people.project.id}/curation/{first.id}/return/",
        {"annotator": people.annotator.username, "comment": NOTE},
        content_type="application/json",
    )
    assert answer.status_code == 200, answer.content
    aset.refresh_from_db()
    assert aset.status == SetStatus.RETURNED

    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/")
    returned = page.locator("#returned-work")
    expect(returned).to_have_attribute("data-loaded", "true")
    expect(returned.locator("h3")).to_have_text("Returned to you (1)")
    expect(returned.locator("li")).to_contain_text(f"{first.title} · returned by reviewer")
    expect(returned.locator(".returned-comment")).to_have_text(NOTE)  # as text
    expect(returned.locator(".unread-comments")).to_have_text("1 unread comment on 1 document.")
    page.screenshot(path=screenshot_path("project-home-returned"))

    # The queue gives the returned set first, with the note above the panel and in the thread.
    page.locator("#start-annotating").click()
    page.wait_for_selector("#doc-text .seg")
    expect(page.locator("#doc-title")).to_have_text(first.title)
    notice = page.locator('[data-section="returned"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("reviewer sent this set back to you:")
    expect(notice.locator(".returned-comment")).to_have_text(NOTE)
    thread = page.locator('[data-section="comments"] .thread.current')
    expect(thread.locator(".comment-text")).to_have_text([NOTE])
    expect(thread.locator(".comment.unread")).to_have_count(1)
    expect(page.locator("#skip")).to_be_hidden()
    expect(page.locator("#submit")).to_be_visible()
    page.screenshot(path=screenshot_path("workspace-returned"))

    # Corrected and submitted again: the document goes back to its reviewers.
    mouse_select(page, "a minister")
    page.keyboard.press("s")
    wait_saved(page)
    page.keyboard.press("Control+Enter")
    # the claim is not linked to the source: the project's check asks, and again submits anyway
    expect(page.locator("#message .submit-warning")).to_contain_text("A claim has no source")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#doc-title")).to_have_text(second.title)
    expect(page.locator('[data-section="returned"]')).to_be_hidden()
    aset.refresh_from_db()
    assert aset.status == SetStatus.SUBMITTED
    assert spans_in(aset) == [
        ("CLAIM", *where(REPORT, "the talks had stalled"), "the talks had stalled", {}),
        ("SOURCE", *where(REPORT, "a minister"), "a minister", {}),
    ]
    slot = ProjectDocument.objects.get(project=people.project, document=first)
    assert slot.review_status == ReviewStatus.IN_REVIEW
    assert not AnnotationSet.objects.filter(status=SetStatus.RETURNED).exists()
    page.goto(f"{live_server.url}/projects/{people.project.id}/")
    expect(returned).to_have_attribute("data-loaded", "true")
    expect(returned).to_be_empty()  # nothing returned, every comment read
