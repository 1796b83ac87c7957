"""A reviewer curates a document of the seed story in Chromium, from two annotators' layers:
the diff of the two layers, accept one unit, reject one, edit one's boundaries, auto-merge
the rest at k = 2, return the document to one annotator with a comment; then the gold set
in the database is exactly what was chosen, each unit with its provenance."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, Comment, ProjectDocument, Relation, Span, Stance
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.merge import document_auto_merge
from annotations.services.projects import project_documents_add
from corpus.services import documents_import
from tests import factories
from tests.agreement.conftest import team_project
from tests.curation.conftest import annotated, span, two_layers_of
from tests.e2e.workspace_helpers import LAPTOP, log_in

pytestmark = pytest.mark.e2e

CLAIM = (
    "This statement is inaccurate in almost every respect and unfair to the hostages and "
    "their families"
)
OFFICE = "the Israeli prime minister's office"
BOTH = ["annotator:annotator", "annotator:other_annotator"]
RETURN_NOTE = "Benjamin Netanyahu speaks in this report too: please mark him as a source."


@pytest.fixture
def two_layers_on_a_seed(db, seeds_dir) -> tuple[factories.People, Any]:
    """The first seed article, which both annotators submitted: both marked the claim, its
    source, the U.S. officials and the prime minister's office, linked the claim to its
    source and read the report as neutral toward it; only the first marked Hamas, only the
    second Benjamin Netanyahu."""
    people = factories.people_in_project(n_documents=0)
    files = [(path.name, path.read_bytes()) for path in sorted(seeds_dir.glob("*.txt"))]
    report = documents_import(files=files, story_name="Gaza hostage talks")
    assert report.errors == []
    project_documents_add(project=people.project, documents=report.documents)
    document = report.documents[0]
    text = document.text
    common = [
        span(text, "CLAIM", CLAIM, "claim"),
        span(text, "SOURCE", "one official", "official"),
        span(text, "SOURCE", "U.S. officials", "us"),
        span(text, "SOURCE", OFFICE, "office"),
    ]
    links = {
        "relations": [{"type": "ATTRIBUTED_TO", "source": "claim", "target": "official"}],
        "stances": [{"holder": None, "object": "claim", "value": "neutral"}],
    }
    annotated(
        people,
        document,
        people.annotator,
        spans=[*common, span(text, "SOURCE", "Hamas", "hamas")],
        **links,
    )
    annotated(
        people,
        document,
        people.other_annotator,
        spans=[*common, span(text, "SOURCE", "Benjamin Netanyahu", "bn")],
        **links,
    )
    return people, document


# Where a substring of the drawn text is on screen (the page's TextView maps offsets).
_CENTRE_OF_JS = """
(needle) => {
  const view = window.claimlens.text;
  const at = view.text.indexOf(needle);
  const point = view.domPoint(at + Math.floor(needle.length / 2));
  point.node.parentElement.scrollIntoView({ block: "center" });
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  range.setEnd(point.node, point.offset + 1);
  const box = range.getClientRects()[0];
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}
"""


def click_text(page: Page, needle: str) -> None:
    centre = page.evaluate(_CENTRE_OF_JS, needle)
    page.mouse.click(centre["x"], centre["y"])


def unit_button(page: Page, text: str):  # noqa: ANN201
    return page.locator("#units .unit-item", has_text=text)


def done(page: Page, message: str) -> None:
    expect(page.locator("#message")).to_contain_text(message)
    expect(page.locator("#curate")).not_to_have_attribute("data-busy", "true")


def gold_of(people: factories.People, document: Any) -> AnnotationSet:
    return AnnotationSet.objects.get(project=people.project, document=document, kind="gold")


def test_a_reviewer_curates_two_layers_into_exactly_the_gold_set_chosen(
    live_server, page, two_layers_on_a_seed, screenshot_path
):
    people, document = two_layers_on_a_seed
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{document.id}/")
    expect(page.locator("#review-status")).to_have_text("Review: Unreviewed")
    expect(page.locator("#counts")).to_contain_text("8 units · 6 agreed · 0 in gold")
    # Disputed spans are dashed and marked, not told by colour alone.
    expect(page.locator("#doc-text .seg.disputed[data-flag='≠']")).to_have_count(2)
    page.screenshot(path=screenshot_path("curation-view-loaded"))

    # The diff of the two layers, one key away.
    page.locator("#doc-text").focus()
    page.keyboard.press("d")
    expect(page.locator("#diff-only-a h3")).to_have_text("Only in A: annotator (1)")
    expect(page.locator("#diff-both h3")).to_have_text("In both (6)")
    expect(page.locator("#diff-only-b h3")).to_have_text("Only in B: other_annotator (1)")
    expect(page.locator("#diff-only-a")).to_contain_text("Hamas")
    expect(page.locator("#diff-only-b")).to_contain_text("Benjamin Netanyahu")
    page.screenshot(path=screenshot_path("curation-view-diff"))
    page.keyboard.press("Escape")
    expect(page.locator("#tool")).to_be_hidden()

    # Accept: a click on the text selects the unit, the key accepts it.
    click_text(page, "U.S. officials")
    expect(page.locator("#unit .unit-title")).to_contain_text("U.S. officials")
    page.keyboard.press("a")
    done(page, "accepted")

    # Reject: with the mouse, from the list.
    unit_button(page, "Hamas").click()
    page.locator("#reject").click()
    done(page, "rejected")
    expect(unit_button(page, "Hamas")).to_contain_text("✗ rejected")

    # Edit: the office without its article, by keyboard.
    click_text(page, OFFICE)
    page.keyboard.press("e")
    page.keyboard.press("{")  # narrower at the start by a word
    expect(page.locator(".edit-preview")).to_have_text("Israeli prime minister's office")
    start = document.text.index(OFFICE)
    expect(page.locator("#edit-start")).to_have_value(str(start + len("the ")))
    page.select_option("#edit-attr-source_type", "named_organization")
    expect(page.locator("#doc-text .seg.selected").first).to_be_in_viewport()
    page.screenshot(path=screenshot_path("curation-view-edit"))
    page.keyboard.press("Enter")
    done(page, "edited and accepted")

    # Auto-merge the rest at k = 2.
    page.locator("#doc-text").focus()
    page.keyboard.press("m")
    expect(page.locator("#merge-k")).to_have_value("2")
    page.screenshot(path=screenshot_path("curation-view-merge-dialog"))
    page.keyboard.press("Enter")
    done(page, "Auto-merge at 2 of 2")
    expect(page.locator("#counts")).to_contain_text("1 open")  # Netanyahu, one layer's
    page.screenshot(path=screenshot_path("curation-view-merged"))

    # Return the document to the second annotator with a comment.
    page.locator("#doc-text").focus()
    page.keyboard.press("c")
    page.select_option("#return-annotator", "other_annotator")
    page.fill("#return-comment", RETURN_NOTE)
    page.screenshot(path=screenshot_path("curation-view-return"))
    page.keyboard.press("Enter")
    done(page, "Returned to other_annotator")
    expect(page.locator("#review-status")).to_have_text("Review: Returned")
    # It waits for that annotator: not marked curated, unless taken back (Reopen).
    expect(page.locator("#mark-curated")).to_be_hidden()
    expect(page.locator("#reopen")).to_be_visible()

    # The gold set is exactly what was chosen, each unit with its provenance.
    gold = gold_of(people, document)
    spans = {
        s.text: (s.label, s.attributes, s.provenance)
        for s in Span.objects.filter(annotation_set=gold)
    }
    organization = {"source_type": "named_organization"}
    assert spans == {
        "U.S. officials": ("SOURCE", {}, {"method": "accepted", "layers": BOTH}),
        "Israeli prime minister's office": (
            "SOURCE",
            organization,
            {"method": "edited", "layers": BOTH},
        ),
        CLAIM: ("CLAIM", {}, {"method": "auto", "layers": BOTH}),
        "one official": ("SOURCE", {}, {"method": "auto", "layers": BOTH}),
    }
    relations = Relation.objects.filter(annotation_set=gold).select_related("source", "target")
    assert [(r.type, r.source.text, r.target.text, r.provenance) for r in relations] == [
        ("ATTRIBUTED_TO", CLAIM, "one official", {"method": "auto", "layers": BOTH})
    ]
    stances = Stance.objects.filter(annotation_set=gold).select_related("object_span")
    assert [(s.holder_id, s.object_span.text, s.value, s.provenance) for s in stances] == [
        (None, CLAIM, "neutral", {"method": "auto", "layers": BOTH})
    ]
    # The returned annotator's set is open again with the reviewer's comment on its thread.
    returned = AnnotationSet.objects.get(document=document, author=people.other_annotator)
    assert returned.status == "returned"
    note = Comment.objects.get(annotation_set=returned, author=people.reviewer)
    assert note.text == RETURN_NOTE
    review = ProjectDocument.objects.get(project=people.project, document=document)
    assert review.review_status == "returned"


def test_a_reviewer_curates_by_keyboard_alone_and_marks_the_document_curated(
    live_server, page, people, screenshot_path
):
    layers = two_layers_of(people)  # the claim is direct speech for one, indirect for the other
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{layers.document.id}/")
    expect(page.locator("#counts")).to_contain_text("5 units · 3 agreed")
    page.locator("#doc-text").focus()

    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()
    expect(page.locator("#help")).to_contain_text("accept the selected unit into gold")
    page.screenshot(path=screenshot_path("curation-view-keys"))
    page.keyboard.press("Escape")
    expect(page.locator("#help")).to_be_hidden()

    page.keyboard.press("j")  # the minister, both layers alike
    expect(page.locator("#unit .unit-title")).to_have_text("Source “The minister”")
    page.keyboard.press("a")
    done(page, "accepted")
    # The next open unit is selected: the claim, which the two layers made differently.
    expect(page.locator("#unit .unit-title")).to_contain_text("the talks had stalled")
    page.keyboard.press("2")  # as the second layer made it
    done(page, "accepted as other_annotator made it")
    expect(page.locator("#unit .unit-title")).to_contain_text("officials")
    page.keyboard.press("r")
    done(page, "rejected")
    page.keyboard.press("m")
    page.keyboard.press("Enter")
    done(page, "1 relation, 1 stance put into gold")
    page.keyboard.press("Control+Enter")
    done(page, "The document is curated")
    expect(page.locator("#review-status")).to_have_text("Review: Curated")
    expect(page.locator("#reopen")).to_be_visible()
    page.screenshot(path=screenshot_path("curation-view-curated"))

    gold = gold_of(people, layers.document)
    assert gold.status == "curated"
    spans = {s.text: (s.attributes, s.provenance) for s in Span.objects.filter(annotation_set=gold)}
    assert spans == {
        "The minister": ({}, {"method": "accepted", "layers": BOTH}),
        "the talks had stalled": (
            {"quote_type": "indirect"},
            {"method": "accepted", "layers": BOTH},
        ),
    }
    relation = Relation.objects.get(annotation_set=gold)
    assert relation.provenance == {"method": "auto", "layers": BOTH}
    stance = Stance.objects.get(annotation_set=gold)
    assert (stance.value, stance.provenance) == (
        "neutral",
        {"method": "auto", "layers": BOTH},
    )
    review = ProjectDocument.objects.get(project=people.project, document=layers.document)
    assert review.review_status == "curated"


def test_links_across_documents_model_layers_stances_and_answers_are_units_too(
    live_server, page, db, screenshot_path
):
    team = team_project()  # two reports; ana and bob link their claims across them
    people = team.people
    minister, port = people.documents
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)

    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{port.id}/")
    links = page.locator("#units h2", has_text="Cross-document links (1)")
    expect(links).to_be_visible()
    link = unit_button(page, "SAME_CLAIM")
    expect(link).to_contain_text("in “Minister”")
    expect(link).to_contain_text("= agreed")
    link.click()
    expect(page.locator("#doc-text .seg.related")).to_have_text(["the strike would go on"])
    page.keyboard.press("a")
    done(page, "accepted")
    gold_link = Relation.objects.select_related("source", "target").get(
        annotation_set=gold_of(people, port)
    )
    assert gold_link.type == "SAME_CLAIM"
    assert gold_link.target.annotation_set == team.sets["gold1"]  # the other report's gold
    assert gold_link.provenance == {"method": "accepted", "layers": BOTH}

    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{minister.id}/")
    expect(page.locator("#counts")).to_contain_text("Layers: annotator, other_annotator ·")
    page.locator("#models").get_by_label("rules").check()
    expect(page.locator("#counts")).to_contain_text(
        "Layers: annotator, other_annotator, model rules"
    )
    expect(unit_button(page, "Source “The minister”").first).to_contain_text(
        "by annotator, other_annotator, model rules"
    )
    stances = page.locator("#units h2", has_text="Stances")
    expect(stances).to_be_visible()
    expect(unit_button(page, "toward The port authority: against")).to_contain_text("≠ disputed")
    expect(page.locator("#units")).to_contain_text("framing")
    page.screenshot(path=screenshot_path("curation-view-models"), full_page=True)


def test_a_step_on_a_stale_page_is_refused_and_reload_shows_what_changed(live_server, page, people):
    layers = two_layers_of(people)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{layers.document.id}/")
    expect(page.locator("#counts")).to_contain_text("0 in gold")
    # Meanwhile another reviewer merges the document.
    document_auto_merge(
        project=people.project,
        document_id=layers.document.id,
        reviewer=people.manager,
        k=2,
        mode="exact",
        models=[],
        version=None,
    )
    before = Span.objects.filter(annotation_set=gold_of(people, layers.document)).count()

    page.locator("#doc-text").focus()
    page.keyboard.press("j")
    page.keyboard.press("r")
    expect(page.locator("#message")).to_have_attribute("data-kind", "error")
    after = Span.objects.filter(annotation_set=gold_of(people, layers.document)).count()
    assert after == before  # nothing was written
    page.locator("#reload").click()
    done(page, "Reloaded")
    expect(page.locator("#counts")).to_contain_text("4 in gold")  # 2 spans, a relation, a stance


def test_the_way_back_to_the_curate_queue_keeps_its_filters(live_server, page, people):
    layers = two_layers_of(people)
    log_in(page, live_server.url, people.reviewer.username)
    queue = f"{live_server.url}/projects/{people.project.id}/curate/?order=position"
    page.goto(queue)
    page.get_by_role("link", name=layers.document.title).click()
    expect(page.locator("#counts")).to_contain_text("5 units")

    expect(page.locator("#to-queue")).to_have_attribute("href", queue)


def test_a_steps_message_stays_in_sight_when_the_page_is_scrolled_down(
    live_server, page, two_layers_on_a_seed, screenshot_path
):
    people, document = two_layers_on_a_seed
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{document.id}/")
    expect(page.locator("#counts")).to_contain_text("8 units")
    click_text(page, "Hamas")
    expect(page.locator("#unit .unit-title")).to_contain_text("Hamas")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(page.locator(".toolbar")).not_to_be_in_viewport()

    page.keyboard.press("a")
    done(page, "accepted")
    expect(page.locator("#message")).to_be_in_viewport()
    expect(page.locator("#unit")).to_be_in_viewport()
    page.screenshot(path=screenshot_path("curation-view-message-scrolled"))


def test_a_document_nobody_submitted_says_so_instead_of_listing_units(live_server, page, people):
    document = people.documents[0]
    annotation_set_open(project=people.project, document=document, author=people.annotator)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{document.id}/")
    expect(page.locator("#counts")).to_contain_text("none submitted (also: annotator assigned)")
    expect(page.locator("#no-units")).to_have_text(
        "No annotator has submitted a set on this document yet: their units show here once "
        "they do (the line above says who is working on it)."
    )
