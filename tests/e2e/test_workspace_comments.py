"""Comment threads in the workspace's side panel, in Chromium: an annotator comments on a
span and on their set as a whole ('n' goes to the writing box, Ctrl+Enter sends), a
reviewer sees both threads marked new and reading them marks them read, an author deletes
their own comment, and in a blind project another annotator sees none of the first
annotator's threads; threads on a relation and a stance are listed and answered in the
box. 'h' opens the set's history."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from annotations.models import (
    AnnotationSet,
    Comment,
    CommentRead,
    Relation,
    Role,
    SetKind,
    Stance,
)
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.comments import comment_create
from annotations.services.set_write import annotation_set_write
from tests import factories
from tests.e2e.workspace_helpers import (
    LAPTOP,
    REPORT,
    annotator_set,
    log_in,
    mouse_select,
    open_workspace,
    project_with,
    span_on,
    wait_saved,
    write_set,
)

pytestmark = pytest.mark.e2e

COMMENTS = '[data-section="comments"]'


def work_url(base: str, people: factories.People, document_id: int) -> str:
    return f"{base}/projects/{people.project.id}/documents/{document_id}/work/"


def comment_with_keys(page: Page, text: str) -> None:
    """'n', type, Ctrl+Enter: and wait until the comment is stored."""
    page.keyboard.press("n")
    expect(page.locator("#comment-text")).to_be_focused()
    page.keyboard.type(text)
    with page.expect_response(lambda r: "/comments/" in r.url and r.request.method == "POST"):
        page.keyboard.press("Control+Enter")
    expect(page.locator(f"{COMMENTS} .comment-status")).to_have_text("Sent.")


def other_page(browser: Browser, base: str, username: str) -> Page:
    page = browser.new_page(viewport=LAPTOP)
    log_in(page, base, username)
    return page


def test_an_annotators_comments_on_a_span_and_on_the_set_reach_the_reviewer(
    live_server, page, browser, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    ids = write_set(aset, [span_on(REPORT, "the talks had stalled", "CLAIM")])
    (span_id,) = ids.values()
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, work_url(live_server.url, people, document.id))

    # Nothing selected: the thread is the set's.
    thread = page.locator(f"{COMMENTS} .thread.current h3")
    expect(thread).to_have_text("Your set as a whole")
    page.locator("#doc-text").focus()
    comment_with_keys(page, "I was unsure about the second paragraph.")
    # The span selected: the thread is the span's; the box keeps no draft of the other.
    page.keyboard.press("Escape")  # leave the box
    page.locator("#doc-text").focus()
    page.keyboard.press("Tab")
    expect(thread).to_have_text("The span “the talks had stalled”")
    expect(page.locator("#comment-text")).to_have_value("")
    comment_with_keys(page, "Is <b>this</b> a claim or a report of one?")
    expect(page.locator(f"{COMMENTS} .comment-text")).to_have_text(
        ["Is <b>this</b> a claim or a report of one?"]  # as text, never as markup
    )
    expect(page.locator(f"{COMMENTS} .thread-list")).to_contain_text("On this set as a whole (1)")
    expect(page.locator("#panel")).not_to_contain_text("null")
    page.screenshot(path=screenshot_path("workspace-comments-annotator"))
    stored = {
        (c.annotation_set_id, c.span_id, c.text, c.author.username)
        for c in Comment.objects.filter(document=document)
    }
    assert stored == {
        (aset.id, None, "I was unsure about the second paragraph.", "annotator"),
        (aset.id, span_id, "Is <b>this</b> a claim or a report of one?", "annotator"),
    }

    # An own comment can be deleted.
    with page.expect_response(lambda r: "/comments/" in r.url and r.request.method == "DELETE"):
        page.get_by_role("button", name="Delete your comment").click()
    expect(page.locator(f"{COMMENTS} .thread.current")).to_contain_text("No comments yet.")
    assert not Comment.objects.filter(span_id=span_id).exists()
    comment_with_keys(page, "Is this a claim or a report of one?")

    # A new span's thread opens once the span is saved (it needs the span's id).
    mouse_select(page, "a minister")
    page.keyboard.press("s")
    wait_saved(page)
    expect(thread).to_have_text("The span “a minister”")

    # 'h' shows the set's history and hides it again.
    page.locator("#doc-text").focus()
    page.keyboard.press("h")
    history = page.locator('[data-section="history"] details')
    expect(history).to_have_attribute("open", "")
    expect(history.locator(".revision").first).to_contain_text("Version 3 · annotator")
    page.locator("#doc-text").focus()
    page.keyboard.press("h")
    expect(history).not_to_have_attribute("open", "")
    # The reviewer, in the gold set, sees both threads as new; opening the page read them.
    gold, _ = annotation_set_open(
        project=people.project, document=document, author=people.reviewer, kind=SetKind.GOLD
    )
    reviewer = other_page(browser, live_server.url, people.reviewer.username)
    open_workspace(reviewer, f"{work_url(live_server.url, people, document.id)}?set={gold.id}")
    panel = reviewer.locator(COMMENTS)
    expect(panel.locator("h2")).to_have_text("Comments (2 · 2 new)")
    listed = panel.locator(".thread-list li")
    expect(listed).to_have_text(
        [
            "On the span “the talks had stalled” of annotator:annotator (1 · 1 new)",
            "On the set of annotator:annotator (1 · 1 new)",
        ]
    )
    listed.first.get_by_role("button").click()
    expect(panel.locator(".thread.current .comment-text")).to_have_text(
        ["Is this a claim or a report of one?"]
    )
    expect(panel.locator(".thread.current .comment-meta")).to_contain_text("annotator")
    reviewer.screenshot(path=screenshot_path("workspace-comments-reviewer"))
    assert CommentRead.objects.filter(user=people.reviewer, document=document).exists()
    open_workspace(reviewer, f"{work_url(live_server.url, people, document.id)}?set={gold.id}")
    expect(panel.locator("h2")).to_have_text("Comments (2)")

    reviewer.close()


def test_in_a_blind_project_another_annotator_sees_none_of_the_first_annotators_threads(
    live_server, page, db
):
    people, (document,) = project_with(REPORT)
    people.project.blind = True
    people.project.save(update_fields=["blind"])
    first = annotator_set(people, document)
    (span_id,) = write_set(first, [span_on(REPORT, "a minister", "SOURCE")]).values()
    second, _ = annotation_set_open(
        project=people.project, document=document, author=people.other_annotator
    )
    write_set(second, [span_on(REPORT, "a minister", "SOURCE")])
    for data in ({"span": span_id, "text": "Named or not?"}, {"set": first.id, "text": "Done."}):
        comment_create(
            project=people.project,
            document=document,
            author=people.annotator,
            role=Role.ANNOTATOR,
            data=data,
        )
    comment_create(
        project=people.project,
        document=document,
        author=people.other_annotator,
        role=Role.ANNOTATOR,
        data={"set": second.id, "text": "My own note."},
    )
    assert AnnotationSet.objects.filter(document=document, kind="annotator").count() == 2

    log_in(page, live_server.url, people.other_annotator.username)
    open_workspace(page, work_url(live_server.url, people, document.id))
    panel = page.locator(COMMENTS)
    expect(panel.locator("h2")).to_have_text("Comments (1)")
    expect(panel.locator(".thread.current .comment-text")).to_have_text(["My own note."])
    expect(panel.locator(".thread-list")).to_have_count(0)
    page.locator("#doc-text").focus()
    page.keyboard.press("Tab")  # the same words as the first annotator's span
    expect(panel.locator(".thread.current")).to_contain_text("No comments yet.")
    expect(panel).not_to_contain_text("Named or not?")


def test_threads_on_a_relation_and_a_stance_are_listed_and_open_in_the_box(live_server, page, db):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    claim = span_on(REPORT, "the talks had stalled", "CLAIM")
    source = span_on(REPORT, "a minister", "SOURCE")
    aset.refresh_from_db()
    annotation_set_write(
        annotation_set=aset,
        data={
            "version": aset.version,
            "spans": [claim, source],
            "relations": [
                {"type": "ATTRIBUTED_TO", "source": claim["ref"], "target": source["ref"]}
            ],
            "stances": [{"holder": None, "object": claim["ref"], "value": "neutral"}],
        },
    )
    relation = Relation.objects.get(annotation_set=aset)
    stance = Stance.objects.get(annotation_set=aset)
    for data in (
        {"relation": relation.id, "text": "Attributed, or only reported?"},
        {"stance": stance.id, "text": "Neutral seems right."},
    ):
        comment_create(
            project=people.project,
            document=document,
            author=people.reviewer,
            role=Role.REVIEWER,
            data=data,
        )
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, work_url(live_server.url, people, document.id))

    panel = page.locator(COMMENTS)
    listed = panel.locator(".thread-list li")
    expect(listed).to_have_text(["On a stance (1 · 1 new)", "On a relation (1 · 1 new)"])
    listed.nth(1).get_by_role("button").click()
    expect(panel.locator(".thread.current h3")).to_have_text("A relation")
    expect(panel.locator(".thread.current .comment-text")).to_have_text(
        ["Attributed, or only reported?"]
    )
    expect(page.locator("#comment-text")).to_be_focused()
    page.keyboard.type("Only reported: I will change it.")
    with page.expect_response(lambda r: "/comments/" in r.url and r.request.method == "POST"):
        page.keyboard.press("Control+Enter")
    expect(panel.locator(".thread.current .comment-text")).to_have_count(2)
    answer = Comment.objects.get(author=people.annotator)
    assert (answer.relation_id, answer.annotation_set_id) == (relation.id, aset.id)
