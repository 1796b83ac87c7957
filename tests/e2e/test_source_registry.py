"""The source registry in a real browser: a researcher links a SOURCE of the seed story to the
registry entry the linker suggests by alias, from the keyboard, and the entry's page then
lists the claims attributed to it with the outlet's wording; an annotator makes a new source
from the linker; a manager keeps the registry (adds a source with aliases, finds it, edits it
in the dialog, and is told why a source spans link to cannot be deleted); the source page
reads another layer when asked, and the address keeps it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, SetKind, Span
from annotations.services.sources import source_create
from tests import factories
from tests.curation.conftest import annotated, span
from tests.e2e.workspace_helpers import (
    LAPTOP,
    annotator_set,
    click_text,
    log_in,
    mouse_select,
    open_workspace,
    wait_saved,
)
from tests.seed_story import AL_MAYADEEN, AXIOS, seed_story_project

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

# Axios names the prime minister's office so; the gold layer has it as a SOURCE that two
# claims are attributed to.
NAMED_AS = "Netanyahu's office"
AXIOS_CLAIM = "Hamas rebuffed all U.S. offers for a compromise"
# Al Mayadeen names it the same way and attributes this claim to it.
AL_MAYADEEN_CLAIM = "the group's stance was due to the UNSC's resolution"


def ready(page: Page, root: str) -> None:
    expect(page.locator(root)).to_have_attribute("data-ready", "true")


@pytest.fixture
def seed(db):  # noqa: ANN001, ANN201
    people = factories.people_in_project(n_documents=0)
    story = seed_story_project(people.project, people.manager)
    office = source_create(
        project=people.project,
        data={
            "name": "Office of the Prime Minister of Israel",
            "kind": "named_organisation",
            "affiliation": "Israeli government",
            "aliases": [NAMED_AS, "The PMO"],
        },
    )
    return people, story, office


def test_a_researcher_links_a_source_to_the_entry_suggested_by_alias_and_reads_its_claims(
    live_server, page, seed, screenshot_path
):
    people, story, office = seed
    project = people.project
    axios = story.document(AXIOS)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)
    open_workspace(page, f"{live_server.url}/projects/{project.pk}/documents/{axios.pk}/work/")

    click_text(page, NAMED_AS)
    selected = page.locator('[data-section="selected"]')
    expect(selected.locator(".selected-text q")).to_have_text(NAMED_AS)
    expect(selected.locator(".source-link-now")).to_have_text("Not linked to the registry.")

    page.keyboard.press("g")
    finder = page.get_by_role("combobox", name="Find a source")
    expect(finder).to_be_focused()
    options = page.get_by_role("listbox", name="Registry entries").get_by_role("option")
    expect(options.first).to_contain_text("Office of the Prime Minister of Israel")
    expect(options.first).to_contain_text(f"suggested as “{NAMED_AS}”")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(options.last).to_have_text(f"Create “{NAMED_AS}” as a new sourcea new registry entry")
    page.screenshot(path=screenshot_path("source-linker-open-1366"))

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    expect(options.first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(selected.locator(".source-link-now")).to_contain_text(
        "Linked to Office of the Prime Minister of Israel (named organisation)."
    )
    wait_saved(page)
    gold = AnnotationSet.objects.get(project=project, document=axios, kind=SetKind.GOLD)
    linked = Span.objects.get(annotation_set=gold, label="SOURCE", text=NAMED_AS, start=1380)
    assert linked.attributes["entry"] == office.key

    page.goto(f"{live_server.url}/projects/{project.pk}/sources/")
    ready(page, "#project-sources")
    row = page.locator(f'#source-rows tr[data-key="{office.key}"]')
    expect(row.locator("td").nth(4)).to_have_text("1")
    page.screenshot(path=screenshot_path("source-registry-1366"), full_page=True)

    row.get_by_role("link", name="Office of the Prime Minister of Israel").click()
    ready(page, "#source-page")
    expect(
        page.get_by_role("heading", name="Office of the Prime Minister of Israel")
    ).to_be_visible()
    expect(page.get_by_label("Layer")).to_have_value("gold")
    naming = page.locator("#naming-rows tr")
    expect(naming).to_have_count(1)
    expect(naming.first).to_contain_text("Axios")
    expect(naming.first).to_contain_text(f"{NAMED_AS} × 1")
    group = page.get_by_role("region", name="Axios")
    expect(group.locator(".claim-item")).to_have_count(2)
    claim = group.locator(".claim-item", has_text=AXIOS_CLAIM)
    expect(claim.locator(".named-as")).to_have_text(NAMED_AS)
    start = axios.text.index(AXIOS_CLAIM)
    link = claim.get_by_role("link")
    assert f"/documents/{axios.pk}/work/?at={start}-" in link.get_attribute("href")
    page.screenshot(path=screenshot_path("source-page-1366"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.screenshot(path=screenshot_path("source-page"), full_page=True)

    link.click()  # the workspace opens at the claim, selected
    expect(page.locator("#workspace")).to_have_attribute("data-at", "span")
    expect(selected.locator(".selected-text q")).to_contain_text(AXIOS_CLAIM)


def test_an_annotator_makes_a_new_source_from_the_linker(live_server, page, seed):
    people, story, _ = seed
    project = people.project
    axios = story.document(AXIOS)
    annotator_set(people, axios)  # the queue handed it to them
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{project.pk}/documents/{axios.pk}/work/")
    # the annotator's own set starts empty: they mark the speaker first
    mouse_select(page, "a source familiar with the issue")
    page.keyboard.press("s")
    wait_saved(page)
    page.keyboard.press("g")
    finder = page.get_by_role("combobox", name="Find a source")
    expect(finder).to_be_focused()
    expect(page.locator(".source-link-status")).to_have_text("1 entry listed.")
    finder.fill("Source familiar with the talks")
    create = page.get_by_role("listbox", name="Registry entries").get_by_role(
        "option", name="Create “Source familiar with the talks” as a new source"
    )
    expect(create).to_be_visible()
    page.keyboard.press("ArrowUp")  # from the field, up wraps to the last option
    expect(create).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    selected = page.locator('[data-section="selected"]')
    expect(selected.locator(".source-link-now")).to_contain_text(
        "Linked to Source familiar with the talks (other)."
    )
    wait_saved(page)
    entry = project.sources.get(name="Source familiar with the talks")
    assert entry.kind == "other"
    assert list(entry.aliases.values_list("alias", flat=True)) == [
        "a source familiar with the issue"
    ]
    mine = AnnotationSet.objects.get(project=project, document=axios, author=people.annotator)
    assert Span.objects.get(annotation_set=mine, label="SOURCE").attributes["entry"] == entry.key

    # Escape closes the list without linking; Unlink removes the link
    page.keyboard.press("g")
    expect(finder).to_be_focused()
    page.keyboard.press("Escape")
    expect(finder).to_have_count(0)
    expect(selected.get_by_role("button", name="Link to another source…")).to_be_focused()
    selected.get_by_role("button", name="Unlink").click()
    expect(selected.locator(".source-link-now")).to_have_text("Not linked to the registry.")
    wait_saved(page)
    assert "entry" not in Span.objects.get(annotation_set=mine, label="SOURCE").attributes


def test_a_manager_keeps_the_registry_and_is_told_why_a_linked_source_stays(
    live_server, page, seed, screenshot_path
):
    people, _, office = seed
    project = people.project
    Span.objects.filter(
        annotation_set__project=project, annotation_set__kind=SetKind.GOLD, text=NAMED_AS
    ).update(attributes={"source_type": "named_organization", "entry": office.key})
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/")
    page.get_by_role("link", name="Sources").click()
    ready(page, "#project-sources")

    adding = page.get_by_role("region", name="Add a source")
    adding.get_by_label("Name", exact=True).fill("Benjamin Netanyahu")
    adding.get_by_label("Kind", exact=True).select_option("named_person")
    adding.get_by_label("Affiliation or side", exact=True).fill("Israeli government")
    alias = page.locator("#add-alias")
    for name in ["Netanyahu", "the prime minister", "NETANYAHU"]:
        alias.fill(name)
        alias.press("Enter")
    expect(page.locator("#add-alias-error")).to_have_text("“NETANYAHU” is already an alias.")
    alias.fill("")
    expect(page.locator("#add-alias-list li")).to_have_count(2)
    page.get_by_role("button", name="Add source").click()
    expect(page.locator("#add-feedback")).to_contain_text("Added Benjamin Netanyahu")
    netanyahu = project.sources.get(name="Benjamin Netanyahu")
    assert sorted(netanyahu.aliases.values_list("alias", flat=True)) == [
        "Netanyahu",
        "the prime minister",
    ]

    page.get_by_label("Search names and aliases").fill("prime minister")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#sources-status")).to_contain_text("match “prime minister”")
    expect(page.locator("#source-rows tr")).to_have_count(2)  # by name, and by alias

    page.get_by_role("button", name="Edit Benjamin Netanyahu").click()
    dialog = page.get_by_role("dialog", name="Edit source")
    expect(dialog.get_by_label("Name", exact=True)).to_be_focused()
    dialog.get_by_label("Affiliation or side").fill("Prime Minister of Israel")
    dialog.get_by_role("button", name="Remove alias the prime minister").click()
    page.screenshot(path=screenshot_path("source-registry-edit-1366"))
    dialog.get_by_role("button", name="Save").click()
    expect(page.locator("#sources-feedback")).to_have_text("Saved Benjamin Netanyahu.")
    netanyahu.refresh_from_db()
    assert netanyahu.affiliation == "Prime Minister of Israel"
    assert list(netanyahu.aliases.values_list("alias", flat=True)) == ["Netanyahu"]

    page.get_by_role("button", name="Clear").click()
    expect(page.locator("#sources-status")).to_have_text("2 sources in the registry.")
    page.get_by_role("button", name="Delete Office of the Prime Minister of Israel").click()
    page.get_by_role("button", name="Yes, delete Office of the Prime Minister of Israel").click()
    feedback = page.locator("#sources-feedback")
    expect(feedback).to_contain_text("“Office of the Prime Minister of Israel” is not deleted:")
    expect(feedback).to_have_attribute("role", "alert")
    assert project.sources.filter(pk=office.pk).exists()

    page.get_by_role("button", name="Delete Benjamin Netanyahu").click()
    page.get_by_role("button", name="Yes, delete Benjamin Netanyahu").click()
    expect(feedback).to_have_text("Deleted Benjamin Netanyahu.")
    assert not project.sources.filter(name="Benjamin Netanyahu").exists()


def test_a_researcher_reads_a_source_in_another_layer_and_the_address_keeps_it(
    live_server, page, seed
):
    people, story, office = seed
    project = people.project
    gold_source = Span.objects.filter(
        annotation_set__project=project, annotation_set__kind=SetKind.GOLD, text=NAMED_AS
    )
    gold_source.update(attributes={"source_type": "named_organization", "entry": office.key})
    al_mayadeen = story.document(AL_MAYADEEN)
    text = al_mayadeen.text
    annotated(
        people,
        al_mayadeen,
        people.annotator,
        spans=[
            span(text, "CLAIM", AL_MAYADEEN_CLAIM, "claim"),
            span(text, "SOURCE", NAMED_AS, "office", entry=office.key),
        ],
        relations=[{"type": "ATTRIBUTED_TO", "source": "claim", "target": "office"}],
    )
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/sources/{office.pk}/")
    ready(page, "#source-page")
    layer = page.get_by_label("Layer")
    expect(layer).to_have_value("gold")
    expect(page.locator("#claims-status")).to_have_text("5 claims from 2 outlets")

    layer.select_option(label="annotator (annotator)")
    expect(page.locator("#claims-status")).to_have_text("1 claim from 1 outlet")
    group = page.get_by_role("region", name="Al Mayadeen")
    expect(group.locator(".claim-text")).to_have_text(AL_MAYADEEN_CLAIM)
    expect(page.locator("#naming-rows tr")).to_have_count(1)
    assert page.url.endswith("?layer=annotator%3Aannotator")

    page.reload()
    ready(page, "#source-page")
    expect(layer).to_have_value("annotator:annotator")
    expect(page.locator("#claims-status")).to_have_text("1 claim from 1 outlet")
