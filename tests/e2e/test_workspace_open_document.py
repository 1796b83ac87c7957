"""Opening a document by its id (a title in the project's document list) in Chromium: it
never creates an annotator set or takes a queue slot. An annotator sees their own set or
is told the document is not theirs; a reviewer or manager edits the gold set, their own
set, or sees the document read-only until they start the gold set."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, ProjectDocument, SetKind, Span
from tests.e2e.workspace_helpers import (
    LAPTOP,
    OTHER_REPORT,
    REPORT,
    log_in,
    mouse_select,
    open_workspace,
    project_with,
    wait_saved,
)

pytestmark = pytest.mark.e2e


def assigned(people, document) -> int:  # noqa: ANN001
    slot = ProjectDocument.objects.get(project=people.project, document=document)
    return slot.assigned_count


def open_from_the_list(page: Page, base_url: str, people, title: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}/projects/{people.project.id}/")
    page.locator("#documents").get_by_role("link", name=title).click()
    page.wait_for_url(re.compile(r"/documents/\d+/work/"))


def test_a_manager_opening_a_title_sees_it_read_only_and_no_annotator_set_is_made(
    live_server, page, db, screenshot_path
):
    people, (first, _) = project_with(REPORT, OTHER_REPORT)
    before = assigned(people, first)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.manager.username)
    open_from_the_list(page, live_server.url, people, first.title)

    page.wait_for_selector("#doc-text .seg")
    expect(page.locator("#doc-title")).to_have_text(first.title)
    expect(page.locator("#save-status")).to_have_text("Read-only")
    expect(page.locator("#doc-meta")).to_contain_text("read-only: no gold set yet")
    expect(page.locator("#message")).to_contain_text("Start the gold set (g)")
    # The way to the annotators' layers: the curation view of this document.
    curation = f"/projects/{people.project.id}/curate/{first.id}/"
    expect(page.locator("#message a#to-curation")).to_have_attribute("href", curation)
    expect(page.locator("#start-gold")).to_be_visible()
    for hidden in ("#submit", "#skip", "#panel"):
        expect(page.locator(hidden)).to_be_hidden()
    # The keys that edit do nothing here.
    writes: list[str] = []
    page.on("request", lambda r: writes.append(r.url) if r.method != "GET" else None)
    mouse_select(page, "the talks had stalled")
    page.keyboard.press("c")
    page.keyboard.press("Control+Enter")
    page.screenshot(path=screenshot_path("workspace-read-only"))
    page.wait_for_timeout(1_000)
    assert writes == []
    assert not AnnotationSet.objects.filter(document=first).exists()
    assert assigned(people, first) == before

    page.keyboard.press("g")
    expect(page.locator("#doc-meta")).to_contain_text("gold set: assigned")
    expect(page.locator("#save-status")).to_have_text("All changes saved")
    expect(page.locator("#start-gold")).to_be_hidden()
    expect(page.locator("#submit")).to_be_visible()
    expect(page.locator("#skip")).to_be_hidden()  # a gold set is not skipped
    mouse_select(page, "the talks had stalled")
    page.keyboard.press("c")
    wait_saved(page)
    gold = AnnotationSet.objects.get(document=first)
    assert gold.kind == SetKind.GOLD
    assert list(Span.objects.filter(annotation_set=gold).values_list("label", "text")) == [
        ("CLAIM", "the talks had stalled")
    ]
    assert assigned(people, first) == before
    # A reload goes on with the gold set.
    open_workspace(page, page.url)
    expect(page.locator('[data-section="spans"] h2')).to_have_text("Spans (1)")


def test_an_annotator_opening_a_title_not_theirs_is_told_so_and_no_set_is_made(
    live_server, page, db, screenshot_path
):
    people, (first, second) = project_with(REPORT, OTHER_REPORT)
    before = assigned(people, second)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_from_the_list(page, live_server.url, people, second.title)

    expect(page.locator("#doc-text")).to_contain_text("This document is not assigned to you")
    expect(page.locator("#doc-title")).to_have_text(second.title)
    start = page.get_by_role("link", name="Start annotating")
    expect(start).to_have_attribute("href", f"/projects/{people.project.id}/work/")
    for hidden in ("#submit", "#skip", "#start-gold", "#panel"):
        expect(page.locator(hidden)).to_be_hidden()
    page.screenshot(path=screenshot_path("workspace-not-assigned"))
    assert not AnnotationSet.objects.filter(document=second).exists()
    assert assigned(people, second) == before

    # The way on is the queue, which hands out the first document.
    start.click()
    page.wait_for_selector("#doc-text .seg")
    expect(page.locator("#doc-title")).to_have_text(first.title)
    assert list(AnnotationSet.objects.values_list("document", "author")) == [
        (first.id, people.annotator.id)
    ]


def test_an_annotator_opening_their_own_title_edits_their_set(live_server, page, db):
    people, (first, _) = project_with(REPORT, OTHER_REPORT)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    before = assigned(people, first)
    open_from_the_list(page, live_server.url, people, first.title)

    page.wait_for_selector("#doc-text .seg")
    expect(page.locator("#doc-meta")).to_contain_text("your set: assigned")
    mouse_select(page, "a minister")
    page.keyboard.press("s")
    wait_saved(page)
    (own,) = AnnotationSet.objects.all()
    assert (own.author, own.document) == (people.annotator, first)
    assert Span.objects.get(annotation_set=own).text == "a minister"
    assert assigned(people, first) == before


def test_a_manager_with_their_own_set_opens_it_and_after_a_reload_keeps_it_over_the_gold_set(
    live_server, page, db
):
    people, (first, _) = project_with(REPORT, OTHER_REPORT)
    log_in(page, live_server.url, people.manager.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    expect(page.locator("#doc-meta")).to_contain_text("your set")
    own = AnnotationSet.objects.get(author=people.manager, kind=SetKind.ANNOTATOR)
    assert page.url.endswith(f"/documents/{first.id}/work/?set={own.id}")
    # A reviewer starts the gold set meanwhile; the manager's page goes on with their own.
    AnnotationSet.objects.create(
        project=people.project, document=first, kind=SetKind.GOLD, author=people.reviewer
    )
    open_workspace(page, page.url)
    expect(page.locator("#doc-meta")).to_contain_text("your set")
    # Opened from the list, the gold set comes first.
    open_from_the_list(page, live_server.url, people, first.title)
    page.wait_for_selector("#doc-text .seg")
    expect(page.locator("#doc-meta")).to_contain_text("gold set")
    assert AnnotationSet.objects.filter(kind=SetKind.ANNOTATOR).count() == 1


def test_a_document_that_cannot_be_opened_leaves_nothing_shown_and_says_why(live_server, page, db):
    people, _ = project_with(REPORT)
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/documents/999999/work/")
    expect(page.locator("#message")).to_have_attribute("role", "alert")
    expect(page.locator("#message")).not_to_be_empty()
    expect(page.locator("#doc-text")).to_have_text("Nothing is shown: it could not be loaded.")
    expect(page.locator("#save-status")).to_have_text("")
    for hidden in ("#submit", "#skip", "#start-gold", "#panel"):
        expect(page.locator(hidden)).to_be_hidden()
    assert not AnnotationSet.objects.exists()
