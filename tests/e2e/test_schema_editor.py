"""The label schema page as a manager uses it: labels, attributes, relation types, stance and
questions edited as forms, the workspace panel previewed beside them, keys renamed with the
stored annotations carried along, and a used label that cannot be removed."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Span
from annotations.services.annotation_sets import annotation_set_open
from tests import factories
from tests.e2e.workspace_helpers import log_in, open_workspace

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


@pytest.fixture
def people(db) -> factories.People:  # noqa: ANN001
    return factories.people_in_project(n_documents=2)


def open_editor(page: Page, base_url: str, people: factories.People) -> None:
    log_in(page, base_url, people.manager.username)
    page.goto(f"{base_url}/projects/{people.project.pk}/schema/")
    expect(page.get_by_role("heading", name="Span labels")).to_be_visible()


def label_row(page: Page, number: int):  # noqa: ANN201
    return page.locator(".label-row").nth(number - 1)


def test_a_manager_adds_a_label_with_a_colour_and_hotkey_and_sees_it_in_the_preview(
    live_server, page, people, screenshot_path
):
    open_editor(page, live_server.url, people)
    page.screenshot(path=screenshot_path("schema-editor"), full_page=True)
    questions = page.get_by_role("region", name="Document questions")
    questions.screenshot(path=screenshot_path("schema-editor-questions"))
    preview = page.locator("#preview-panel")
    expect(preview.locator(".label-button")).to_have_count(3)

    page.get_by_role("button", name="Add a label").click()
    new = label_row(page, 4)
    expect(new.get_by_label("Key", exact=True)).to_be_focused()
    new.get_by_label("Key", exact=True).fill("EVIDENCE")
    new.get_by_label("Name").fill("Evidence")
    new.get_by_label("Colour").fill("#cc79a7")
    new.get_by_label("Hotkey").fill("c")
    expect(new.locator(".problem", has_text="hotkey c is taken by CLAIM")).to_be_visible()
    new.get_by_label("Hotkey").fill("e")
    expect(new.locator(".problem:visible")).to_have_count(0)

    expect(preview.locator(".label-button")).to_have_count(4)
    button = preview.locator(".label-button", has_text="Evidence")
    expect(button.locator("kbd")).to_have_text("e")
    page.get_by_label("Show a span labelled").select_option("EVIDENCE")
    expect(preview.locator(".selected-text")).to_contain_text("Evidence")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.screenshot(path=screenshot_path("schema-editor-new-label-1366"))

    page.get_by_role("button", name="Save schema").click()
    expect(page.locator("#schema-feedback")).to_have_text("Saved.")
    people.project.schema.refresh_from_db()
    evidence = people.project.schema.definition["span_labels"][3]
    assert (evidence["key"], evidence["name"], evidence["color"], evidence["hotkey"]) == (
        "EVIDENCE",
        "Evidence",
        "#cc79a7",
        "e",
    )


def test_renaming_a_label_in_use_carries_the_annotators_spans_along(
    live_server, page, people, screenshot_path
):
    document = people.documents[0]
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    start = document.text.index("the talks")
    aset.spans.create(label="CLAIM", start=start, end=start + 9, text="the talks")
    open_editor(page, live_server.url, people)

    key = label_row(page, 1).get_by_label("Key", exact=True)
    key.fill("ASSERTION")
    label_row(page, 1).get_by_label("Name").first.fill("Assertion")
    expect(page.locator("#schema-renames")).to_have_text(
        "Saving renames label CLAIM to ASSERTION in every stored annotation."
    )
    relation = page.locator(".relation-row").first
    expect(
        relation.get_by_role("group", name="From labels").get_by_label("Assertion")
    ).to_be_checked()
    page.get_by_role("button", name="Save schema").click()
    expect(page.locator("#schema-feedback")).to_have_text(
        "Saved. One rename carried into the stored annotations."
    )
    page.screenshot(path=screenshot_path("schema-editor-renamed"))
    assert list(Span.objects.filter(annotation_set=aset).values_list("label", flat=True)) == [
        "ASSERTION"
    ]
    expect(page.locator("#schema-renames")).to_be_hidden()

    # The annotator opens the document and finds the span under its new label.
    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(
        page, f"{live_server.url}/projects/{people.project.pk}/documents/{document.pk}/work/"
    )
    expect(page.locator("#panel .span-list")).to_contain_text("Assertion")
    page.screenshot(path=screenshot_path("schema-renamed-annotator-workspace"))


def test_removing_a_label_in_use_is_refused_with_the_count(
    live_server, page, people, screenshot_path
):
    document = people.documents[0]
    for annotator in (people.annotator, people.other_annotator):
        aset, _ = annotation_set_open(project=people.project, document=document, author=annotator)
        aset.spans.create(label="CUE", start=0, end=8, text=document.text[:8])
    open_editor(page, live_server.url, people)

    page.get_by_role("button", name="Remove label CUE").click()
    expect(page.get_by_role("button", name="Add a label")).to_be_focused()
    expect(page.locator(".label-row")).to_have_count(2)
    page.get_by_role("button", name="Save schema").click()
    expect(page.get_by_role("alert")).to_have_text(
        "The new schema drops keys that annotations still use. The problems are marked in the form."
    )
    labels = page.get_by_role("region", name="Span labels")
    expect(labels.locator(".problem:visible")).to_have_text(
        "CUE is used by 2 spans in 2 sets; rename or remove them first Undo remove"
    )
    page.screenshot(path=screenshot_path("schema-editor-drop-refused"))
    people.project.schema.refresh_from_db()
    assert "CUE" in [x["key"] for x in people.project.schema.definition["span_labels"]]

    # Beside the refusal, the manager puts the label back.
    labels.get_by_role("button", name="Undo remove").click()
    expect(page.locator(".label-row")).to_have_count(3)
    expect(page.get_by_role("button", name="Remove label CUE")).to_be_visible()
    expect(labels.locator(".problem:visible")).to_have_count(0)


def test_a_manager_orders_stance_values_by_keyboard_and_edits_a_question_in_the_json_tab(
    live_server, page, people, screenshot_path
):
    open_editor(page, live_server.url, people)
    stance = page.get_by_role("region", name="Stance")
    down = stance.get_by_role("button", name="Move value favor down")
    down.focus()
    page.keyboard.press("Enter")
    expect(stance.get_by_role("button", name="Move value favor down")).to_be_focused()
    page.keyboard.press("Enter")
    values = stance.locator(".compact-row input[type=text]")
    for index, value in enumerate(["against", "neutral", "favor", "unclear"]):
        expect(values.nth(index)).to_have_value(value)

    page.get_by_role("tab", name="JSON").click()
    editor = page.get_by_label("Schema as JSON")
    definition = json.loads(editor.input_value())
    assert definition["stance"]["values"] == ["against", "neutral", "favor", "unclear"]
    definition["document_questions"][0]["text"] = "How does the article frame each actor?"
    editor.fill(json.dumps(definition))
    page.get_by_role("tab", name="JSON").press("ArrowLeft")
    expect(page.get_by_role("tab", name="Form")).to_have_attribute("aria-selected", "true")
    questions = page.get_by_role("region", name="Document questions")
    expect(questions.get_by_label("Question", exact=True)).to_have_value(
        "How does the article frame each actor?"
    )
    page.set_viewport_size({"width": 1366, "height": 768})
    stance.scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("schema-editor-stance-1366"))

    page.get_by_role("button", name="Save schema").click()
    expect(page.locator("#schema-feedback")).to_have_text("Saved.")
    people.project.schema.refresh_from_db()
    saved = people.project.schema.definition
    assert saved["stance"]["values"] == ["against", "neutral", "favor", "unclear"]
    assert saved["document_questions"][0]["text"] == "How does the article frame each actor?"


def test_a_manager_turns_off_the_presets_check_and_adds_one_for_the_framing_question(
    live_server, page, people, screenshot_path
):
    open_editor(page, live_server.url, people)
    checks = page.get_by_role("region", name="Checks before submitting")
    first = checks.locator(".check-row").first
    expect(first.get_by_label("Label")).to_have_value(re.compile(".+"))
    first.get_by_label("On", exact=True).uncheck()
    checks.get_by_role("button", name="Add a check").click()
    second = checks.locator(".check-row").nth(1)
    expect(second.get_by_label("Warn unless")).to_be_focused()
    second.get_by_label("Warn unless").select_option("require_answer")
    expect(second.locator(".problem", has_text="choose a question")).to_be_visible()
    second.get_by_label("Question", exact=True).select_option(
        label="Overall framing toward each main actor"
    )
    second.get_by_label("Message (blank: a generated one)").fill(
        "Say how the article frames each actor."
    )
    checks.scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("schema-editor-checks"))
    page.get_by_role("button", name="Save schema").click()
    expect(page.locator("#schema-feedback")).to_have_text("Saved.")
    people.project.schema.refresh_from_db()
    saved = people.project.schema.definition["submit_checks"]
    assert [check["enabled"] for check in saved] == [False, True]
    assert saved[1] == {
        "kind": "require_answer",
        "question": "framing",
        "enabled": True,
        "message": "Say how the article frames each actor.",
    }
