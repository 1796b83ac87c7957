"""Import and export pages in a real browser, against the real API."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, Span
from annotations.services.projects import project_create
from tests.e2e.workspace_helpers import log_in
from tests.exchange import conftest as exchange
from tests.exchange.helpers import exported, lines
from tests.factories import people_importer

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]
annotated = exchange.annotated  # the annotated project of the exchange tests


@pytest.fixture
def target(db):  # noqa: ANN001
    owner = people_importer("importing-manager")  # its imports may add the people files name
    return project_create(name="Empty target", owner=owner), owner


def test_a_manager_imports_a_native_export_and_sees_the_counts(
    live_server,
    page,
    annotated,
    target,
    tmp_path,
):
    project, owner = target
    upload = tmp_path / "project.jsonl"
    upload.write_bytes(exported(annotated.project))
    log_in(page, live_server.url, owner.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/import/")
    expect(page.locator("#import-format option[value=jsonl]")).to_have_count(1)
    page.select_option("#import-format", "jsonl")
    page.set_input_files("#import-files", str(upload))
    page.click("#import-form button[type=submit]")
    expect(page.locator("#result-heading")).to_have_text("Imported")
    expect(page.locator("#result-heading")).to_be_focused()
    expect(page.locator(".counts")).to_contain_text("spans")
    assert AnnotationSet.objects.filter(project=project).count() == 5
    assert Span.objects.filter(annotation_set__project=project).count() == 10


def test_a_bad_line_shows_nothing_was_imported_and_where(live_server, page, target, tmp_path):
    project, owner = target
    upload = tmp_path / "broken.jsonl"
    upload.write_text('{"text": "Officials said so.", "sets": []}\n{"text": \n')
    log_in(page, live_server.url, owner.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/import/")
    page.select_option("#import-format", "jsonl")
    page.set_input_files("#import-files", str(upload))
    page.click("#import-form button[type=submit]")
    expect(page.locator("#result-heading")).to_have_text("Nothing was imported")
    expect(page.locator(".problems li").first).to_contain_text("broken.jsonl:2")
    assert not AnnotationSet.objects.filter(project=project).exists()


def test_sets_without_an_author_go_to_the_author_given(live_server, page, target, tmp_path):
    project, owner = target
    upload = tmp_path / "d.jsonl"
    upload.write_text('{"text": "Officials said so.", "label": [[0, 9, "SRC"]]}\n')
    log_in(page, live_server.url, owner.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/import/")
    page.select_option("#import-format", "doccano")
    page.set_input_files("#import-files", str(upload))
    page.fill("#import-author", "maria")
    page.click("#import-form button[type=submit]")
    expect(page.locator("#result-heading")).to_have_text("Imported")
    assert AnnotationSet.objects.get(project=project).author.username == "maria"


def test_the_mapping_box_shows_only_for_mapped_jsonl(live_server, page, target):
    project, owner = target
    log_in(page, live_server.url, owner.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/import/")
    expect(page.locator("#mapping-field")).to_be_hidden()
    page.select_option("#import-format", "mapped-jsonl")
    expect(page.locator("#mapping-field")).to_be_visible()


def test_a_brat_zip_names_its_annotators_by_the_pattern_given_on_the_page(
    live_server, page, target, tmp_path, screenshot_path
):
    project, owner = target
    upload = tmp_path / "team.zip"
    with zipfile.ZipFile(upload, "w") as archive:
        archive.writestr("team/article.txt", "Officials said the port reopened.\n")
        archive.writestr("team/article_4b22.ann", "T1\tSource 0 9\tOfficials\n")
        archive.writestr("team/article_5fec.ann", "T1\tClaim 15 32\tthe port reopened\n")
    log_in(page, live_server.url, owner.username)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/projects/{project.pk}/import/")
    expect(page.locator("#import-format option[value=brat]")).to_have_count(1)
    expect(page.locator("#brat-fields")).to_be_hidden()
    page.select_option("#import-format", "brat")
    expect(page.locator("#brat-fields")).to_be_visible()
    page.set_input_files("#import-files", str(upload))
    page.fill("#import-annotator-from", "name:_(?P<annotator>[0-9a-f]{4})$")
    page.screenshot(path=screenshot_path("import-brat-fields"), full_page=True)
    page.click("#import-form button[type=submit]")
    expect(page.locator("#result-heading")).to_have_text("Imported")
    authors = AnnotationSet.objects.filter(project=project).values_list(
        "author__username", "document__title"
    )
    assert sorted(authors) == [("4b22", "article"), ("5fec", "article")]


def test_a_manager_downloads_the_gold_sets_as_jsonl(live_server, page, annotated):
    log_in(page, live_server.url, annotated.people.manager.username)
    page.goto(f"{live_server.url}/projects/{annotated.project.pk}/export/")
    expect(page.locator("#export-format option[value=jsonl]")).to_have_count(1)
    page.select_option("#export-format", "jsonl")
    page.check("#export-gold")
    with page.expect_download() as info:
        page.click("#export-download")
    records = lines(Path(info.value.path()).read_bytes())[1:]
    assert [[s["kind"] for s in r["sets"]] for r in records] == [["gold"]]


def test_a_manager_downloads_the_sets_of_the_authors_named(live_server, page, annotated):
    log_in(page, live_server.url, annotated.people.manager.username)
    page.goto(f"{live_server.url}/projects/{annotated.project.pk}/export/")
    page.select_option("#export-format", "jsonl")
    page.fill("#export-author", "other_annotator")
    with page.expect_download() as info:
        page.click("#export-download")
    records = lines(Path(info.value.path()).read_bytes())[1:]
    assert [[(s["kind"], s["author"]) for s in r["sets"]] for r in records] == [
        [("annotator", "other_annotator")]
    ]


def test_a_background_export_reaches_done_and_offers_its_file(
    live_server,
    page,
    annotated,
    settings,
    tmp_path,
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    log_in(page, live_server.url, annotated.people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{annotated.project.pk}/export/")
    expect(page.locator("#export-format option[value=csv-spans]")).to_have_count(1)
    page.select_option("#export-format", "csv-spans")
    page.click("#export-job")
    expect(page.locator("#job-status")).to_contain_text("Export done: 2 of 2 documents")
    with page.expect_download() as info:
        page.click("#job-download")
    assert Path(info.value.path()).read_bytes().startswith(b"document_id,title,outlet")
    expect(page.locator("#job-list li")).to_have_count(1)
