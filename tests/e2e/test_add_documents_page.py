"""The Add documents page as a manager uses it: the five seed articles (read from
../shared/seeds) into a new story, the upload's progress, the report per file with titles,
outlets, removed lines and the near-duplicate pair side by side; then the same articles given
to the annotation import, which points back here."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import ProjectDocument
from annotations.services.projects import project_create
from corpus.models import Story
from tests.e2e.workspace_helpers import log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def project(db):  # noqa: ANN001
    owner = UserFactory(username="desk-editor")
    return project_create(name="Hostage talks coverage", owner=owner)


def test_a_manager_adds_the_seed_articles_and_reads_the_report_per_file(
    live_server, page, project, seeds_dir, screenshot_path
):
    seeds = sorted(str(path) for path in seeds_dir.glob("*.txt"))
    log_in(page, live_server.url, "desk-editor")
    page.goto(f"{live_server.url}/projects/{project.pk}/")
    page.get_by_role("link", name="Add documents").click()
    expect(page.get_by_role("heading", name="Add documents", exact=True)).to_be_visible()

    expect(page.locator("#add-documents")).to_have_attribute("data-ready", "true")
    page.set_input_files("#add-files", seeds)
    expect(page.locator("#chosen-files")).to_contain_text("5 files")
    page.fill("#add-story", "Hostage talks, March")
    page.click("#add-submit")

    expect(page.locator("#add-result-heading")).to_be_focused()
    expect(page.locator("#add-progress")).to_have_js_property("value", 100)
    expect(page.locator("#add-stage")).to_have_text("Done.")
    expect(page.locator("#add-summary")).to_contain_text("5 added to the project")
    reports = page.locator(".file-report")
    expect(reports).to_have_count(5)
    expect(reports.first.locator(".file-name")).to_have_text(seeds_dir.joinpath(seeds[0]).name)
    expect(page.locator(".badge.new")).to_have_count(5)
    for outlet in ("Axios", "Al Mayadeen"):
        expect(page.locator(".facts dd", has_text=outlet).first).to_be_visible()
    assert ProjectDocument.objects.filter(project=project).count() == 5
    assert Story.objects.get(name="Hostage talks, March").documents.count() == 5

    removed = page.locator(".removed details").first
    removed.locator("summary").click()
    expect(removed.locator("li").first).to_be_visible()
    expect(removed.locator("li").first).to_contain_text("line ")

    look_alike = page.locator(".resembles")
    expect(look_alike).to_have_count(1)
    expect(look_alike).to_contain_text("% of clauses shared")
    page.screenshot(path=screenshot_path("add_documents_report"), full_page=True)
    compare = look_alike.get_by_role("button", name="Compare side by side")
    compare.click()
    dialog = page.locator("#compare-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".compare-column")).to_have_count(2)
    expect(dialog.locator(".compare-column").first.locator("mark").first).to_be_visible()
    outlets = dialog.locator(".compare-column .hint").all_inner_texts()
    assert any("Axios" in words for words in outlets)
    assert any("Al Mayadeen" in words for words in outlets)
    page.screenshot(path=screenshot_path("add_documents_side_by_side"))
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("add_documents_side_by_side_1366"))
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(compare).to_be_focused()
    page.screenshot(path=screenshot_path("add_documents_report_1366"), full_page=True)


def test_the_seed_articles_given_to_the_annotation_import_point_to_add_documents(
    live_server, page, project, seeds_dir, screenshot_path
):
    log_in(page, live_server.url, "desk-editor")
    page.goto(f"{live_server.url}/projects/{project.pk}/import/")
    expect(page.locator("#project-import")).to_have_attribute("data-ready", "true")
    page.select_option("#import-format", "jsonl")
    page.set_input_files("#import-files", sorted(str(p) for p in seeds_dir.glob("*.txt")))
    page.click("#import-form button[type=submit]")

    expect(page.locator("#result-heading")).to_have_text("Nothing was imported")
    expect(page.locator("#result-body")).to_contain_text("articles without annotations")
    expect(page.locator(".problems")).to_have_count(0)
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("import_points_to_add_documents_1366"), full_page=True)
    page.locator("#raw-articles-link").click()
    expect(page).to_have_url(f"{live_server.url}/projects/{project.pk}/documents/add/")
    expect(page.get_by_role("heading", name="Add documents", exact=True)).to_be_visible()


def test_adding_without_files_says_what_is_missing(live_server, page, project):
    log_in(page, live_server.url, "desk-editor")
    page.goto(f"{live_server.url}/projects/{project.pk}/documents/add/")
    expect(page.locator("#add-documents")).to_have_attribute("data-ready", "true")
    page.click("#add-submit")
    expect(page.locator("#add-message")).to_have_text("Choose or drop at least one file first.")
    expect(page.locator("#add-files")).to_be_focused()


def test_a_manager_adds_an_article_with_the_keyboard_alone(live_server, page, project, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    log_in(page, live_server.url, "desk-editor")
    page.goto(f"{live_server.url}/projects/{project.pk}/documents/add/")
    expect(page.locator("#add-documents")).to_have_attribute("data-ready", "true")
    for _ in range(30):  # Tab from the top of the page to the file input
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "add-files":
            break
    expect(page.locator("#add-files")).to_be_focused()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(seed))
    expect(page.locator("#chosen-files")).to_contain_text("1 file")
    page.keyboard.press("Tab")
    expect(page.locator("#add-story")).to_be_focused()
    page.keyboard.type("Keyboard story")
    page.keyboard.press("Enter")
    expect(page.locator("#add-result-heading")).to_be_focused()
    expect(page.locator(".badge.new")).to_have_count(1)
    summary = page.locator(".removed summary").first
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".removed details").first).to_have_attribute("open", "")


def test_files_dropped_on_the_zone_are_the_ones_added(live_server, page, project, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[1]
    log_in(page, live_server.url, "desk-editor")
    page.goto(f"{live_server.url}/projects/{project.pk}/documents/add/")
    expect(page.locator("#add-documents")).to_have_attribute("data-ready", "true")
    dropped = page.evaluate_handle(
        """(text) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], "dropped.txt", { type: "text/plain" }));
            return transfer;
        }""",
        seed.read_text(encoding="utf-8"),
    )
    page.dispatch_event("#drop-zone", "drop", {"dataTransfer": dropped})
    expect(page.locator("#chosen-files")).to_contain_text("dropped.txt")
    page.click("#add-submit")
    expect(page.locator(".file-name")).to_have_text("dropped.txt")
    expect(page.locator(".facts dd", has_text="Al Mayadeen")).to_be_visible()


def test_adding_an_article_the_project_holds_says_it_was_left_as_it_was(
    live_server, page, project, seeds_dir
):
    seed = str(sorted(seeds_dir.glob("*.txt"))[2])
    log_in(page, live_server.url, "desk-editor")
    page.goto(f"{live_server.url}/projects/{project.pk}/documents/add/")
    expect(page.locator("#add-documents")).to_have_attribute("data-ready", "true")
    page.set_input_files("#add-files", seed)
    page.click("#add-submit")
    expect(page.locator(".badge.new")).to_have_count(1)
    title = page.locator(".facts dd").first.inner_text()

    expect(page.locator("#add-documents")).to_have_attribute("data-ready", "true")
    page.set_input_files("#add-files", seed)
    page.fill("#add-story", "Another story")
    page.click("#add-submit")
    expect(page.locator(".badge.kept")).to_have_text("Already in the project: left as it was")
    expect(page.locator("#add-summary")).to_contain_text("0 added to the project")
    expect(page.locator(".facts dd").first).to_have_text(title)
    assert ProjectDocument.objects.filter(project=project).count() == 1
    assert not Story.objects.filter(name="Another story", documents__isnull=False).exists()
