"""The Curate queue in a real browser, against the real API: documents two annotators
submitted, listed most disagreed first with their states and counts, narrowed by a filter,
walked with j/k; a bulk auto-merge followed with its progress bar puts the units both
annotators made into gold (provenance "auto"); the reviewer's workspace toolbar counts what
curation needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, MergeJob, Relation, Role, SetKind, Span
from annotations.services.comments import comment_create
from annotations.services.merge import merge_job_run
from annotations.services.projects import project_documents_add
from annotations.services.review_states import document_return
from tests import factories
from tests.curation.conftest import annotated, span
from tests.e2e.workspace_helpers import LAPTOP, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

TEXT = "The minister said the talks had stalled, officials said on Tuesday."
BOTH = ("annotator", "other_annotator")


@dataclass
class Queue:
    people: factories.People
    some: Any  # both marked the claim, the minister and their link; one also the officials
    calm: Any  # both marked the minister alike
    split: Any  # nothing alike, from another outlet
    returned: Any  # sent back to the first annotator
    waiting: Any  # one annotator of two submitted


def document(people: factories.People, title: str, outlet: Any = None) -> Any:
    extra = {"outlet": outlet} if outlet else {}
    text = f"{TEXT} {title}."  # the same offsets for every unit, a text of its own
    made = factories.DocumentFactory(story=people.story, text=text, title=title, **extra)
    project_documents_add(project=people.project, documents=[made])
    return made


def both_annotate(people: factories.People, doc: Any, first: dict, second: dict) -> Any:
    """Both annotators submit their sets on ``doc``; the first annotator's set."""
    annotated(people, doc, people.other_annotator, **second)
    return annotated(people, doc, people.annotator, **first)


@pytest.fixture
def queue(db) -> Queue:  # noqa: ANN001
    people = factories.people_in_project(n_documents=0)
    claim = span(TEXT, "CLAIM", "the talks had stalled", "c")
    minister = span(TEXT, "SOURCE", "The minister", "m")
    officials = span(TEXT, "SOURCE", "officials", "o")
    link = {"type": "ATTRIBUTED_TO", "source": "c", "target": "m"}

    some = document(people, "Some disagreement")
    asked = both_annotate(
        people,
        some,
        {"spans": [claim, minister, officials], "relations": [link]},
        {"spans": [claim, minister], "relations": [link]},
    )
    calm = document(people, "Full agreement")
    both_annotate(people, calm, {"spans": [minister]}, {"spans": [minister]})
    split = document(people, "No agreement", outlet=factories.OutletFactory(name="The Courier"))
    both_annotate(people, split, {"spans": [claim]}, {"spans": [officials]})
    returned = document(people, "Sent back")
    both_annotate(people, returned, {"spans": [minister]}, {"spans": [officials]})
    document_return(
        project=people.project,
        document_id=returned.pk,
        annotator=people.annotator,
        reviewer=people.reviewer,
        text="Please mark the officials too.",
    )
    waiting = document(people, "Half done")
    annotated(people, waiting, people.annotator, spans=[minister])
    comment_create(
        project=people.project,
        document=some,
        author=people.annotator,
        role=Role.ANNOTATOR,
        data={"set": asked.pk, "text": "Is the minister the source here?"},
    )
    return Queue(people, some, calm, split, returned, waiting)


def titles(page) -> list[str]:  # noqa: ANN001
    return page.locator("#queue tbody td.title-cell a").all_inner_texts()


def gold_of(doc: Any) -> AnnotationSet | None:
    return AnnotationSet.objects.filter(document=doc, kind=SetKind.GOLD).first()


def test_the_queue_lists_the_most_disagreed_first_with_states_counts_and_unread_comments(
    live_server, page, queue, screenshot_path
):
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, queue.people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{queue.people.project.pk}/")
    card = page.locator("#curation-counts")
    expect(card.locator("dd")).to_have_text(["3", "0", "0", "1"])
    expect(card.locator("dt")).to_have_text(["Ready to curate", "In review", "Curated", "Returned"])
    page.screenshot(path=screenshot_path("curate-queue-project-home"))
    page.get_by_role("link", name="Curate", exact=True).click()
    page.wait_for_url(f"{live_server.url}/projects/{queue.people.project.pk}/curate/")

    expect(page.locator("#queue-status")).to_have_text(
        "4 documents, the most disagreed first.", timeout=10_000
    )
    assert titles(page) == ["No agreement", "Some disagreement", "Full agreement", "Sent back"]
    counts = page.locator("#review-counts")
    for name, figure in [
        ("ready", "3"),
        ("in_review", "0"),
        ("curated", "0"),
        ("returned", "1"),
        ("waiting", "1"),
    ]:
        expect(counts.locator(f"[data-count={name}] dd")).to_have_text(figure)

    rows = page.locator("#queue tbody tr")
    split, some, calm, returned = (rows.nth(i) for i in range(4))
    expect(split.locator("td").nth(1)).to_have_text("The Courier")
    expect(split.locator(".disagreement")).to_contain_text("100 %")
    expect(split.locator(".disagreement")).to_contain_text("2 of 2 units disputed")
    expect(some.locator(".disagreement")).to_contain_text("25 %")
    expect(some.locator(".disagreement")).to_contain_text("1 of 4 units disputed")
    expect(some.locator("td").nth(3)).to_have_text("Unreviewed, ready to curate")
    expect(some.locator("td").nth(5)).to_have_text("2 of 2")
    expect(some.locator("td").nth(6)).to_have_text("1 unread")
    expect(calm.locator(".disagreement")).to_contain_text("0 %")
    expect(calm.locator("td").nth(6)).to_have_text("—")
    expect(returned.locator("td").nth(3)).to_have_text("Returned to annotator")
    expect(returned.locator("td").nth(5)).to_have_text("1 of 2")
    expect(some.locator("td.title-cell a")).to_have_attribute(
        "href", f"/projects/{queue.people.project.pk}/curate/{queue.some.pk}/"
    )
    page.screenshot(path=screenshot_path("curate-queue"), full_page=True)

    page.select_option("#filter-outlet", "The Courier")
    expect(page.locator("#queue-status")).to_have_text(
        "1 document matches, the most disagreed first."
    )
    assert titles(page) == ["No agreement"]
    page.reload()  # the address keeps the filters (and coming back from a document does)
    expect(page.locator("#filter-outlet")).to_have_value("The Courier")
    expect(page.locator("#queue tbody tr")).to_have_count(1)
    page.select_option("#filter-outlet", "")
    page.select_option("#filter-state", "returned")
    expect(page.locator("#queue-status")).to_have_text(
        "1 document matches, the most disagreed first."
    )
    assert titles(page) == ["Sent back"]
    page.select_option("#filter-state", "")
    page.select_option("#filter-disagreement", "0.25")
    expect(page.locator("#queue-status")).to_have_text(
        "2 documents match, the most disagreed first."
    )
    assert titles(page) == ["No agreement", "Some disagreement"]
    page.select_option("#filter-disagreement", "")
    page.fill("#filter-q", "nothing-like-this")
    page.keyboard.press("Enter")
    expect(page.locator("#queue-status")).to_have_text("No document matches these filters.")


def test_j_and_k_walk_the_list_and_enter_opens_the_curation_view(live_server, page, queue):
    log_in(page, live_server.url, queue.people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{queue.people.project.pk}/curate/")
    expect(page.locator("#queue tbody tr")).to_have_count(4)
    links = page.locator("#queue tbody td.title-cell a")
    page.keyboard.press("j")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("j")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("k")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(
        f"{live_server.url}/projects/{queue.people.project.pk}/curate/{queue.some.pk}/"
    )


def test_a_bulk_auto_merge_shows_its_progress_and_puts_what_both_made_into_gold(
    live_server, page, queue, settings, screenshot_path
):
    # The job waits for a worker, as in production; the test is the worker, below.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    project = queue.people.project
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, queue.people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/curate/")
    expect(page.locator("#queue tbody tr")).to_have_count(4)
    expect(page.locator("#merge-k")).to_have_value("2")
    page.select_option("#merge-matching", "exact")
    page.click("#merge-start")

    progress = page.locator("#merge-progress")
    expect(progress).to_be_visible()
    expect(page.locator("#merge-status")).to_have_text(
        "Auto-merge queued: 0 of 3 documents (k = 2, exact)"
    )
    assert progress.evaluate("bar => bar.value") == 0
    page.reload()  # a job still waiting is followed again when the page opens
    expect(progress).to_be_visible()
    expect(page.locator("#merge-status")).to_have_text(
        "Auto-merge queued: 0 of 3 documents (k = 2, exact)"
    )
    expect(page.locator("#merge-start")).to_be_disabled()
    page.screenshot(path=screenshot_path("curate-queue-merging"))
    job = MergeJob.objects.get(project=project)
    assert merge_job_run(job.pk).status == "done"

    expect(page.locator("#merge-status")).to_have_text(
        "Auto-merge done: 3 of 3 documents (k = 2, exact)", timeout=10_000
    )
    expect(progress).to_be_hidden()
    expect(page.locator("#merge-headline")).to_have_text(
        "Merged into 2 documents: 1 relation, 3 spans."
    )
    expect(page.locator("#review-counts [data-count=in_review] dd")).to_have_text("2")
    expect(page.locator("#merge-jobs li")).to_have_count(1)
    expect(page.locator("#queue tbody td:nth-child(4)")).to_have_text(
        ["Unreviewed, ready to curate", "In review", "In review", "Returned to annotator"]
    )
    expect(page.locator("#merge-start")).to_be_enabled()
    page.screenshot(path=screenshot_path("curate-queue-merged"), full_page=True)

    both = ["annotator:annotator", "annotator:other_annotator"]
    auto = {"method": "auto", "layers": both}
    spans = {
        (s.label, TEXT[s.start : s.end], s.provenance["method"], tuple(s.provenance["layers"]))
        for s in Span.objects.filter(annotation_set=gold_of(queue.some))
    }
    assert spans == {
        ("CLAIM", "the talks had stalled", "auto", tuple(both)),
        ("SOURCE", "The minister", "auto", tuple(both)),
    }
    (relation,) = Relation.objects.filter(annotation_set=gold_of(queue.some))
    assert (relation.type, relation.provenance) == ("ATTRIBUTED_TO", auto)
    calm = Span.objects.get(annotation_set=gold_of(queue.calm))
    assert (TEXT[calm.start : calm.end], calm.provenance) == ("The minister", auto)
    assert gold_of(queue.split) is None  # nothing both made
    assert gold_of(queue.returned) is None  # not ready: back with its annotator


def test_the_reviewers_workspace_toolbar_counts_ready_curated_and_returned(
    live_server, page, queue, screenshot_path
):
    project = queue.people.project
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, queue.people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/documents/{queue.some.pk}/work/")
    expect(page.locator("#save-status")).to_have_text("Read-only")  # no gold set yet
    toolbar = page.locator("#progress")
    expect(toolbar).to_have_text("3 ready · 0 curated · 1 returned · Curate queue")
    expect(toolbar.get_by_role("link", name="Curate queue")).to_have_attribute(
        "href", f"/projects/{project.pk}/curate/"
    )
    page.screenshot(path=screenshot_path("curate-queue-workspace-toolbar"))


def test_a_long_queue_comes_fifty_to_a_page_and_the_address_keeps_the_page(live_server, page, db):
    people = factories.people_in_project(n_documents=52)
    for doc in people.documents:
        both_annotate(people, doc, {"spans": []}, {"spans": []})
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/curate/?order=position")
    expect(page.locator("#queue-page-of")).to_have_text("Page 1 of 2")
    expect(page.locator("#queue tbody tr")).to_have_count(50)
    expect(page.locator("#queue-previous")).to_be_disabled()
    page.click("#queue-next")
    expect(page.locator("#queue-page-of")).to_have_text("Page 2 of 2")
    assert titles(page) == [people.documents[50].title, people.documents[51].title]
    expect(page.locator("#queue-next")).to_be_disabled()
    page.reload()
    expect(page.locator("#queue-page-of")).to_have_text("Page 2 of 2")
    expect(page.locator("#queue tbody tr")).to_have_count(2)
    page.select_option("#filter-state", "ready")  # a new choice starts at the first page
    expect(page.locator("#queue-page-of")).to_have_text("Page 1 of 2")
    # A page the list no longer has (an address kept from before) shows the first one.
    page.goto(f"{live_server.url}/projects/{people.project.pk}/curate/?page=3")
    expect(page.locator("#queue-page-of")).to_have_text("Page 1 of 2")
    expect(page.locator("#queue tbody tr")).to_have_count(50)
    expect(page.locator("#queue-message")).to_have_text("")
