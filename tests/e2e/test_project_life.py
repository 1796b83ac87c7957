"""A project's life in the browser, as its manager lives it: create it from the project list
with the news-attribution preset and two actors as stance targets (the framing question then
appears in the workspace), duplicate it, archive it (an annotator loses it from their list
and changes are refused), and unarchive it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import Page, expect

from annotations.models import Membership, Project, Role
from annotations.services.project_setup import project_start
from annotations.services.projects import project_documents_add
from tests import factories
from tests.e2e.workspace_helpers import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

REASON = "This project is archived; unarchive it to change it."


@pytest.fixture
def lead(db):  # noqa: ANN001
    user = factories.UserFactory(username="lead")
    user.user_permissions.add(Permission.objects.get(codename="create_project"))
    return user


def create_project_from_the_list(page: Page, base_url: str, screenshot_path) -> Project:  # noqa: ANN001
    page.get_by_role("link", name="New project").click()
    page.wait_for_url(f"{base_url}/projects/new/")
    page.get_by_label("Name", exact=True).fill("Gaza ceasefire talks")
    page.get_by_label("Description").fill("Five outlets on one event")
    page.get_by_label("Guidelines").fill("## Claims\n\nMark **every** claim, with its source.")
    preview = page.locator("#guidelines-preview")
    expect(preview.locator("h2")).to_have_text("Claims")
    expect(preview.locator("strong")).to_have_text("every")

    # The preset takes stance but names no targets: the form asks for the actors.
    expect(page.get_by_label("A preset")).to_be_checked()
    targets = page.get_by_label("Stance targets (actors), one per line")
    expect(targets).to_be_visible()
    expect(page.locator("#targets-hint")).to_contain_text("Overall framing toward each main actor")
    expect(page.locator("#schema-summary")).to_contain_text("0 stance targets")
    targets.fill("Benjamin Netanyahu\nHamas")
    expect(page.locator("#schema-summary")).to_contain_text("2 stance targets")
    page.get_by_label("Annotators per document").fill("1")
    page.screenshot(path=screenshot_path("project-new"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.screenshot(path=screenshot_path("project-new-1366"))
    page.get_by_role("button", name="Create project").click()
    expect(page.locator("h1")).to_have_text("Gaza ceasefire talks")
    return Project.objects.get(name="Gaza ceasefire talks")


def test_a_manager_creates_duplicates_archives_and_unarchives_a_project(
    live_server, page, browser, lead, screenshot_path
):
    base = live_server.url
    log_in(page, base, "lead")
    page.screenshot(path=screenshot_path("home-new-project"))

    project = create_project_from_the_list(page, base, screenshot_path)

    assert Membership.objects.get(project=project, user=lead).role == Role.MANAGER
    assert project.annotators_per_document == 1
    expect(page.locator("#guidelines strong")).to_have_text("every")
    # The framing question is asked once per actor in the workspace.
    project_documents_add(project=project, documents=[factories.DocumentFactory()])
    page.get_by_role("link", name="Start annotating").click()
    framing = page.locator("fieldset.question", has_text="Overall framing toward each main actor")
    expect(framing.locator(".target-name")).to_have_text(["Benjamin Netanyahu", "Hamas"])
    page.go_back()
    expect(page.locator("#project-lifecycle")).to_have_attribute("data-ready", "true")

    # Duplicate: the copy opens, with the settings and none of the documents.
    page.get_by_role("button", name="Duplicate").click()
    page.wait_for_url(lambda url: url != f"{base}/projects/{project.pk}/")
    expect(page.locator("h1")).to_have_text("Gaza ceasefire talks (copy)")
    copy = Project.objects.get(name="Gaza ceasefire talks (copy)")
    assert copy.schema.definition == project.schema.definition
    assert not copy.queue.exists()

    # Archive the original, after a confirmation.
    annotator = factories.UserFactory(username="annotator")
    Membership.objects.create(project=project, user=annotator, role=Role.ANNOTATOR)
    page.goto(f"{base}/projects/{project.pk}/")
    expect(page.locator("#project-lifecycle")).to_have_attribute("data-ready", "true")
    page.get_by_role("button", name="Archive…").click()
    page.get_by_role("button", name="Keep it active").click()
    expect(page.get_by_role("button", name="Archive…")).to_be_focused()
    page.get_by_role("button", name="Archive…").click()
    page.get_by_role("button", name="Archive", exact=True).click()
    expect(page.locator(".archived-banner")).to_contain_text("read-only")
    expect(page.get_by_role("button", name="Unarchive")).to_be_visible()
    expect(page.locator("#queue-archived")).to_be_visible()
    page.screenshot(path=screenshot_path("project-archived-1366"), full_page=True)

    # Its settings refuse a change, with the reason.
    page.goto(f"{base}/projects/{project.pk}/settings/")
    page.get_by_label("Name", exact=True).fill("Renamed")
    page.get_by_role("button", name="Save project").click()
    expect(page.locator("#project-feedback")).to_have_text(REASON)
    assert Project.objects.get(pk=project.pk).name == "Gaza ceasefire talks"
    expect(page.locator("#guidelines-preview strong")).to_have_text("every")
    page.locator("#details").screenshot(path=screenshot_path("settings-guidelines-preview-1366"))

    # The workspace carries the banner too; the queue hands out nothing.
    page.goto(f"{base}/projects/{project.pk}/work/")
    expect(page.locator(".archived-banner")).to_be_visible()
    page.screenshot(path=screenshot_path("workspace-archived-1366"))

    # The manager sees it under "Archived"; the annotator no longer sees it at all.
    page.goto(f"{base}/")
    expect(page.locator("#projects-archived")).to_contain_text("Gaza ceasefire talks")
    page.screenshot(path=screenshot_path("home-archived"))
    other = browser.new_page()
    log_in(other, base, "annotator")
    expect(other.locator("main")).not_to_contain_text("Gaza ceasefire talks")

    # Unarchive: active again, back in the annotator's list.
    page.goto(f"{base}/projects/{project.pk}/")
    expect(page.locator("#project-lifecycle")).to_have_attribute("data-ready", "true")
    page.get_by_role("button", name="Unarchive").click()
    expect(page.get_by_role("button", name="Archive…")).to_be_visible()
    expect(page.locator(".archived-banner")).to_have_count(0)
    other.reload()
    expect(other.locator("#projects-active")).to_contain_text("Gaza ceasefire talks")
    other.close()


def test_an_uploaded_schema_with_a_fault_shows_the_validators_message_inline(
    live_server, page, lead, tmp_path
):
    schema = tmp_path / "schema.json"
    schema.write_text('{"span_labels": [{"key": "1bad", "name": "Bad", "color": "#123456"}]}')
    log_in(page, live_server.url, "lead")
    page.goto(f"{live_server.url}/projects/new/")
    page.get_by_label("Name", exact=True).fill("From a file")
    page.get_by_label("Schema file", exact=True).set_input_files(str(schema))
    expect(page.get_by_label("A schema file (JSON)")).to_be_checked()
    expect(page.locator("#targets")).to_be_hidden()
    page.get_by_role("button", name="Create project").click()
    errors = page.locator("#schema-errors")
    expect(errors).to_contain_text("span_labels[0].key")
    expect(page.locator("#new-feedback")).to_have_text("The schema is not valid.")
    assert not Project.objects.filter(name="From a file").exists()


def test_a_schema_copied_from_a_managed_project_with_targets_asks_for_none(live_server, page, lead):
    earlier = project_start(owner=lead, name="Earlier event", stance_targets=["Hamas", "Israel"])
    log_in(page, live_server.url, "lead")
    page.goto(f"{live_server.url}/projects/new/")
    expect(page.locator("#targets")).to_be_visible()  # the preset names no targets

    page.get_by_label("Project to copy the schema from").select_option(str(earlier.pk))
    expect(page.get_by_label("The schema of a project you manage")).to_be_checked()
    expect(page.locator("#schema-summary")).to_contain_text("2 stance targets")
    expect(page.locator("#targets")).to_be_hidden()
    page.get_by_label("Name", exact=True).fill("Later event")
    page.keyboard.press("Enter")  # the form submits from the keyboard
    expect(page.locator("h1")).to_have_text("Later event")
    later = Project.objects.get(name="Later event")
    assert later.schema.definition == earlier.schema.definition
    assert later.schema_id != earlier.schema_id
