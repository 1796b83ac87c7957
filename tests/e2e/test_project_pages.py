"""The project home and the settings page in a real browser, against the real API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from annotations.models import Membership, Role
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.projects import project_documents_add, project_update
from tests import factories
from tests.e2e.workspace_helpers import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

GUIDELINES = "Mark every claim.\n\n  Indented line: <b>not bold</b>\nLast line."


@pytest.fixture
def people(db) -> factories.People:  # noqa: ANN001
    people = factories.people_in_project(n_documents=3, annotators_per_document=1)
    project_update(
        project=people.project,
        fields={"guidelines": GUIDELINES, "description": "Three outlets on one event"},
    )
    return people


def test_an_annotator_sees_guidelines_progress_and_documents_on_the_project_home(
    live_server, page, people, screenshot_path
):
    project = people.project
    first, second, third = people.documents
    done, _ = annotation_set_open(project=project, document=first, author=people.annotator)
    annotation_set_submit(annotation_set=done)
    annotation_set_open(project=project, document=second, author=people.annotator)
    # Someone else's work counts for the project, not for "my progress".
    other, _ = annotation_set_open(project=project, document=third, author=people.other_annotator)
    annotation_set_submit(annotation_set=other)

    log_in(page, live_server.url, people.annotator.username)
    page.screenshot(path=screenshot_path("home-projects"))
    page.click(f"a:text-is('{project.name}')")
    page.wait_for_url(f"{live_server.url}/projects/{project.pk}/")

    assert page.locator("h1").inner_text() == project.name
    # Markdown rendered and sanitised: paragraphs; typed HTML stays text, never markup.
    guidelines = page.locator("#guidelines")
    expect(guidelines.locator("p")).to_have_count(2)
    expect(guidelines.locator("p").first).to_have_text("Mark every claim.")
    expect(guidelines.locator("p").nth(1)).to_contain_text("Indented line: <b>not bold</b>")
    assert guidelines.locator("b").count() == 0

    start = page.get_by_role("link", name="Start annotating")
    assert start.get_attribute("href") == f"/projects/{project.pk}/work/"

    expect(page.locator("#progress-figure")).to_have_text("2 of 3 documents done")
    my_counts = page.locator("#my-progress")
    expect(my_counts).to_contain_text("Submitted")
    counts = dict(
        zip(
            my_counts.locator("dt").all_inner_texts(),
            my_counts.locator("dd").all_inner_texts(),
            strict=True,
        )
    )
    assert counts == {"Assigned": "1", "In progress": "0", "Submitted": "1", "Skipped": "0"}

    rows = page.locator("#documents tbody tr")
    expect(rows).to_have_count(3)
    link = rows.nth(0).get_by_role("link")
    assert link.inner_text() == first.title
    assert link.get_attribute("href") == f"/projects/{project.pk}/documents/{first.pk}/work/"
    expect(rows.nth(0)).to_contain_text("Submitted")
    # Sets submitted of those needed (one annotator a document here), and the ones still open.
    expect(page.locator("#documents thead th").nth(4)).to_have_text("Submitted")
    expect(rows.locator("td:nth-child(5)")).to_have_text(["1 of 1", "0 of 1 · 1 open", "1 of 1"])
    assert page.get_by_role("link", name="Project settings").count() == 0
    page.screenshot(path=screenshot_path("project-home"), full_page=True)


def test_the_document_search_narrows_the_list_and_clearing_brings_it_back(
    live_server, page, people
):
    ferry = factories.DocumentFactory(
        title="Ferry strike", text="Ferry crews walked out at dawn, the union said."
    )
    project_documents_add(project=people.project, documents=[ferry])
    log_in(page, live_server.url, people.annotator.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/")
    rows = page.locator("#documents tbody tr")
    expect(rows).to_have_count(4)
    clear = page.get_by_role("button", name="Clear")
    expect(clear).to_be_hidden()
    expect(page.locator("#documents-pager")).to_be_hidden()  # one page only

    page.get_by_label("Search the documents' text").fill("ferry crews")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(rows).to_have_count(1)
    assert rows.get_by_role("link").inner_text() == "Ferry strike"
    expect(page.locator("#documents-status")).to_have_text("1 document match “ferry crews”.")
    assert "q=ferry+crews" in page.url
    expect(clear).to_be_visible()

    page.get_by_label("Search the documents' text").fill("nothing-like-this")
    page.keyboard.press("Enter")
    expect(page.locator("#documents-status")).to_have_text(
        "No documents match “nothing-like-this”."
    )
    expect(page.locator("#documents")).to_be_hidden()

    clear.click()
    expect(rows).to_have_count(4)
    expect(clear).to_be_hidden()


def test_a_long_document_list_pages_by_fifty(live_server, page, db):
    people = factories.people_in_project(n_documents=51)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/")
    rows = page.locator("#documents tbody tr")
    expect(rows).to_have_count(50)
    expect(page.locator("#documents-page-of")).to_have_text("Page 1 of 2")
    expect(page.get_by_role("button", name="Previous page")).to_be_disabled()
    page.get_by_role("button", name="Next page").click()
    expect(rows).to_have_count(1)
    expect(page.locator("#documents-page-of")).to_have_text("Page 2 of 2")
    assert rows.get_by_role("link").inner_text() == people.documents[-1].title
    expect(page.get_by_role("button", name="Next page")).to_be_disabled()
    # Reviewers curate rather than take the queue: no start link, no "my progress".
    assert page.get_by_role("link", name="Start annotating").count() == 0
    assert page.locator("#my-progress").count() == 0


def test_a_failing_api_call_on_the_project_home_is_shown_not_swallowed(live_server, page, people):
    log_in(page, live_server.url, people.annotator.username)
    page.route(
        "**/api/v1/projects/*/documents/**",
        lambda route: route.fulfill(
            status=503,
            json={"error": {"code": "unavailable", "message": "Down for a moment.", "details": {}}},
        ),
    )
    page.goto(f"{live_server.url}/projects/{people.project.pk}/")
    expect(page.get_by_role("alert")).to_have_text(
        "The documents could not be loaded: Down for a moment."
    )
    expect(page.locator("#progress-figure")).to_have_text("0 of 3 documents done")


def test_a_manager_adds_a_member_and_changes_roles_and_annotators_per_document(
    live_server, page, people, screenshot_path
):
    project = people.project
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/")
    page.get_by_role("link", name="Project settings").click()
    page.wait_for_url(f"{live_server.url}/projects/{project.pk}/settings/")
    expect(page.locator("#member-rows tr")).to_have_count(4)

    page.get_by_label("Username").fill(people.outsider.username)
    page.locator("#member-role").select_option("reviewer")
    page.get_by_role("button", name="Add member").click()
    feedback = page.locator("#members-feedback")
    expect(feedback).to_have_text("Added outsider as reviewer.")
    expect(page.locator("#member-rows tr")).to_have_count(5)
    assert Membership.objects.get(project=project, user=people.outsider).role == Role.REVIEWER

    page.get_by_label("Username").fill("nobody-by-this-name")
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_role("alert")).to_contain_text("No user with this username.")

    page.get_by_label("Role of annotator", exact=True).select_option("reviewer")
    expect(feedback).to_have_text("Saved: annotator is now reviewer.")
    assert Membership.objects.get(project=project, user=people.annotator).role == Role.REVIEWER

    # The last manager cannot step down: the refusal is shown and the menu shows the truth.
    page.get_by_label("Role of manager").select_option("annotator")
    expect(page.get_by_role("alert")).to_contain_text("A project keeps at least one manager.")
    expect(page.get_by_label("Role of manager")).to_have_value("manager")

    page.get_by_role("button", name="Remove other_annotator").click()
    page.get_by_role("button", name="Yes, remove other_annotator").click()
    expect(feedback).to_have_text("Removed other_annotator.")
    expect(page.locator("#member-rows tr")).to_have_count(4)
    assert not Membership.objects.filter(project=project, user=people.other_annotator).exists()

    page.get_by_label("Annotators per document").fill("3")
    page.get_by_label("Blind annotation").uncheck()
    page.get_by_label("Name", exact=True).fill("Harbour fire, renamed")
    page.get_by_role("button", name="Save project").click()
    expect(page.locator("#project-feedback")).to_have_text("Saved")
    project.refresh_from_db()
    assert (project.annotators_per_document, project.blind) == (3, False)
    assert project.name == "Harbour fire, renamed"
    assert project.guidelines == GUIDELINES  # untouched fields come back unchanged
    expect(page.locator("#project-home-link")).to_have_text("Harbour fire, renamed")
    page.screenshot(path=screenshot_path("project-settings"), full_page=True)


def test_a_refused_project_change_is_shown_with_its_field(live_server, page, people):
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/settings/")
    # The browser's own check would stop 0; take it away to see the server's answer.
    page.locator("#project-annotators").evaluate("e => e.removeAttribute('min')")
    page.get_by_label("Annotators per document").fill("0")
    page.get_by_role("button", name="Save project").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("annotators_per_document")
    expect(page.locator("#project-annotators")).to_have_attribute("aria-invalid", "true")
    people.project.refresh_from_db()
    assert people.project.annotators_per_document == 1


def test_an_invalid_schema_upload_lists_each_problem_and_a_valid_one_is_saved(
    live_server, page, people, screenshot_path, tmp_path
):
    project = people.project
    before = project.schema.definition
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/settings/")
    expect(page.locator("#schema-overview")).to_contain_text("Claim (CLAIM)")

    invalid = {
        "span_labels": [{"key": "1st", "name": "Bad key"}, {"key": "OK", "hotkey": "xy"}],
        "colours": [],
    }
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(invalid))
    page.set_input_files("#schema-file", bad_file)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("The schema is not valid.")
    problems = alert.locator("li")
    expect(problems).to_have_count(3)
    paths = problems.locator("code").all_inner_texts()
    assert sorted(paths) == ["colours", "span_labels[0].key", "span_labels[1].hotkey"]
    expect(alert).to_contain_text("span_labels[1].hotkey: a hotkey is one character")
    assert json.loads(page.locator("#schema-json").input_value()) == invalid
    expect(page.locator("#schema-dirty")).to_be_visible()
    page.screenshot(path=screenshot_path("project-settings-schema-error"), full_page=True)
    project.schema.refresh_from_db()
    assert project.schema.definition == before

    valid = {
        "span_labels": [
            {"key": "CLAIM", "name": "Claim", "color": "#0072B2", "hotkey": "c"},
            {"key": "SOURCE", "name": "Source", "color": "#D55E00", "hotkey": "s"},
            {"key": "ACTOR", "name": "Actor", "color": "#CC79A7", "hotkey": "p"},
        ],
        "relation_types": [
            {"key": "ATTRIBUTED_TO", "from_labels": ["CLAIM"], "to_labels": ["SOURCE"]}
        ],
    }
    good_file = tmp_path / "good.json"
    good_file.write_text(json.dumps(valid))
    page.set_input_files("#schema-file", good_file)
    expect(page.locator("#schema-feedback")).to_have_text("Saved")
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.locator("#schema-overview")).to_contain_text("Actor (ACTOR)")
    expect(page.locator("#schema-dirty")).to_be_hidden()
    project.schema.refresh_from_db()
    assert [label["key"] for label in project.schema.definition["span_labels"]] == [
        "CLAIM",
        "SOURCE",
        "ACTOR",
    ]

    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Download schema-project-{project.pk}.json").click()
    download = download_info.value
    assert download.suggested_filename == f"schema-project-{project.pk}.json"
    assert json.loads(Path(download.path()).read_text()) == project.schema.definition


def test_a_schema_edited_in_the_text_box_is_checked_before_and_after_saving(
    live_server, page, people
):
    project = people.project
    aset, _ = annotation_set_open(
        project=project, document=people.documents[0], author=people.annotator
    )
    aset.spans.create(label="CUE", start=0, end=8, text=people.documents[0].text[:8])
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/settings/")
    editor = page.get_by_label("Schema as JSON")
    expect(editor).not_to_have_value("Loading…")

    editor.fill('{"span_labels": [')
    page.get_by_role("button", name="Save schema").click()
    expect(page.get_by_role("alert")).to_contain_text("This is not valid JSON")

    schema = project.schema.definition
    schema = {**schema, "span_labels": [x for x in schema["span_labels"] if x["key"] != "CUE"]}
    schema["relation_types"] = [
        r for r in schema["relation_types"] if "CUE" not in r["from_labels"] + r["to_labels"]
    ]
    editor.fill(json.dumps(schema))
    page.get_by_role("button", name="Save schema").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("The new schema drops keys that annotations still use.")
    expect(alert.locator("li")).to_have_text(
        ["span_labels: CUE is used by 1 span in 1 set; rename or remove them first"]
    )

    page.get_by_role("button", name="Discard changes").click()
    assert json.loads(editor.input_value()) == project.schema.definition


def test_the_start_link_is_reached_by_keyboard_and_shows_its_focus(live_server, page, people):
    log_in(page, live_server.url, people.annotator.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Start annotating":
            break
    else:
        pytest.fail("Start annotating was not reached with the Tab key")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    # The workspace behind the link has its own tests; here only where it leads.
    assert page.evaluate("document.activeElement.getAttribute('href')") == (
        f"/projects/{people.project.pk}/work/"
    )


def test_a_managers_buttons_leave_a_long_project_name_on_one_line(
    live_server, page, people, screenshot_path
):
    project_update(project=people.project, fields={"name": "Porthaven dock strike — attribution"})
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/")
    # Each page of the project adds its button (issue 13 added several): however many there
    # are, the name keeps its line.
    expect(page.locator(".head-actions .button").first).to_be_visible()
    assert page.locator(".head-actions .button").count() >= 5
    lines = page.locator(".page-head h1").evaluate(
        "h1 => { const r = document.createRange(); r.selectNodeContents(h1);"
        " return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size; }"
    )
    assert lines == 1
    page.screenshot(path=screenshot_path("project_home_manager_head"))
