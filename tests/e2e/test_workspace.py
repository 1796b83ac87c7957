"""The annotator's workspace in Chromium: label, link, set a stance, reload, and find the
exact code-point offsets in the database."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, Relation, Span, Stance
from annotations.services.projects import project_documents_add
from corpus.services import documents_import
from tests import factories
from tests.e2e.workspace_helpers import (
    click_text,
    log_in,
    mouse_select,
    open_workspace,
    wait_saved,
)

pytestmark = pytest.mark.e2e

CLAIM = (
    "This statement is inaccurate in almost every respect and unfair to the hostages and "
    "their families"
)
SPEAKER = "one official"


@pytest.fixture
def seed_project(db, seeds_dir):
    people = factories.people_in_project(n_documents=0)
    files = [(path.name, path.read_bytes()) for path in sorted(seeds_dir.glob("*.txt"))]
    report = documents_import(files=files, story_name="Gaza hostage talks")
    assert report.errors == []
    project_documents_add(project=people.project, documents=report.documents)
    return people, report.documents


def the_set(user):
    return AnnotationSet.objects.get(author=user, kind="annotator")


def test_an_annotator_labels_links_and_sets_a_stance_that_survive_a_reload(
    live_server, page, seed_project, screenshot_path
):
    people, documents = seed_project
    first = documents[0]
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    expect(page.locator("#doc-title")).to_have_text(first.title)

    mouse_select(page, CLAIM)
    page.keyboard.press("c")
    mouse_select(page, SPEAKER)
    page.keyboard.press("s")
    click_text(page, CLAIM)  # select the claim again
    expect(page.locator(".selected-text")).to_contain_text("Claim")
    page.keyboard.press("a")  # ATTRIBUTED_TO, then click the source
    click_text(page, SPEAKER)
    expect(page.locator('[data-section="relations"]')).to_contain_text("attributed to")
    click_text(page, SPEAKER)
    page.select_option("#stance-0", "against")  # the source toward the claim it made
    wait_saved(page)
    page.screenshot(path=screenshot_path("workspace-seed"))

    page.reload()
    page.wait_for_selector("#doc-text .seg.has-span")
    expect(page.locator('[data-section="spans"] h2')).to_have_text("Spans (2)")
    expect(page.locator('[data-section="relations"]')).to_contain_text("attributed to")

    aset = the_set(people.annotator)
    assert aset.document_id == first.pk
    spans = {span.label: span for span in Span.objects.filter(annotation_set=aset)}
    text = first.text
    assert (spans["CLAIM"].start, spans["CLAIM"].end) == (
        text.index(CLAIM),
        text.index(CLAIM) + len(CLAIM),
    )
    assert spans["CLAIM"].text == CLAIM
    assert spans["SOURCE"].text == SPEAKER
    assert spans["SOURCE"].start == text.index(SPEAKER, text.index(CLAIM))
    relation = Relation.objects.get(annotation_set=aset)
    assert (relation.type, relation.source_id, relation.target_id) == (
        "ATTRIBUTED_TO",
        spans["CLAIM"].pk,
        spans["SOURCE"].pk,
    )
    stance = Stance.objects.get(annotation_set=aset)
    assert (stance.holder_id, stance.object_span_id, stance.value) == (
        spans["SOURCE"].pk,
        spans["CLAIM"].pk,
        "against",
    )


def test_offsets_are_exact_around_emoji_combining_marks_rtl_and_crlf(live_server, page, db):
    people = factories.people_in_project(n_documents=0)
    raw = (
        "Harbour news 🚢👨‍👩‍👧 from Q\u0307uay 7\r\n"
        "\r\n"
        "The mayor שלום ✋🏽 said: “The bridge will reopen on Friday.”\r\n"
    )
    report = documents_import(files=[("odd.txt", raw.encode())], story_name="Odd text")
    (document,) = report.documents
    project_documents_add(project=people.project, documents=[document])
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    needle = "The bridge will reopen on Friday."
    mouse_select(page, needle)
    page.keyboard.press("c")
    speaker = "The mayor שלום ✋🏽 said"  # RTL and a skin-tone emoji inside the selection
    mouse_select(page, speaker)
    page.keyboard.press("s")
    wait_saved(page)

    spans = {s.label: s for s in Span.objects.filter(annotation_set=the_set(people.annotator))}
    assert "\r" not in document.text
    for label, text in (("CLAIM", needle), ("SOURCE", speaker)):
        assert (spans[label].start, spans[label].end) == (
            document.text.index(text),
            document.text.index(text) + len(text),
        )
        assert spans[label].text == text


def test_alt_select_adds_a_fragment_to_the_selected_claim(live_server, page, db):
    people = factories.people_in_project(n_documents=0)
    text = "“The bridge,” the mayor said, “will reopen on Friday.”\n"
    report = documents_import(files=[("split.txt", text.encode())], story_name="Split quote")
    (document,) = report.documents
    project_documents_add(project=people.project, documents=[document])
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    mouse_select(page, "The bridge")
    page.keyboard.press("c")
    page.keyboard.down("Alt")
    mouse_select(page, "will reopen on Friday.")
    page.keyboard.up("Alt")
    wait_saved(page)

    span = Span.objects.get(annotation_set=the_set(people.annotator))
    first, second = document.text.index("The bridge"), document.text.index("will reopen")
    assert span.fragments == [[first, first + 10], [second, second + 22]]
    assert span.text == "The bridge will reopen on Friday."
    expect(page.locator(".selected-text")).to_contain_text("The bridge will reopen")


def test_labelling_a_span_already_there_selects_it_instead_of_a_duplicate(live_server, page, db):
    people = factories.people_in_project(n_documents=0)
    text = "Officials said the talks had stalled on Tuesday, a minister told reporters.\n"
    report = documents_import(files=[("twice.txt", text.encode())], story_name="Twice")
    project_documents_add(project=people.project, documents=report.documents)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    mouse_select(page, "a minister")
    page.keyboard.press("s")
    wait_saved(page)
    page.keyboard.press("Escape")
    mouse_select(page, "a minister")
    page.keyboard.press("s")
    expect(page.locator("#message")).to_have_text("That span is already there: it is selected.")
    expect(page.locator(".selected-text")).to_contain_text("a minister")
    mouse_select(page, "a minister")
    page.keyboard.press("c")  # another label over the same words is a span of its own
    wait_saved(page)

    spans = Span.objects.filter(annotation_set=the_set(people.annotator))
    assert sorted((s.label, s.text) for s in spans) == [
        ("CLAIM", "a minister"),
        ("SOURCE", "a minister"),
    ]
