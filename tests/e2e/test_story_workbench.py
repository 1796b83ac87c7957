"""The story workbench in Chromium, as a researcher uses it: the seed story's claims across
its outlets in the gold layer, the shared quotes in one row each with both outlets'
wording, a click into the workspace at that wording; and a blind project's annotator, who
sees only their own layer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, SetKind, SetStatus, Span
from annotations.services.sources import source_create
from tests.e2e.workspace_helpers import LAPTOP, log_in
from tests.factories import people_in_project
from tests.seed_story import AXIOS, seed_story_project

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


# Whether the line holding a code point is within the viewport.
IN_VIEW_JS = """(start) => {
  const view = window.claimlens.view;
  const box = view.domPoint(view.map.toUtf16(start)).node.parentElement.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


def open_workbench(page, url: str):  # noqa: ANN001, ANN201
    page.goto(url)
    root = page.locator("#story-workbench")
    expect(root).to_have_attribute("data-ready", "true")
    return root


def row_with(page, words: str):  # noqa: ANN001, ANN201
    return page.locator("#claims-table tbody tr").filter(has_text=words)


def test_a_researcher_follows_shared_quotes_across_outlets_and_opens_one(
    live_server, page, db, screenshot_path
):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    log_in(page, live_server.url, people.reviewer.username)
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/")
    page.get_by_role("link", name="Stories").click()
    story_row = page.locator("#stories-table tbody tr")
    expect(story_row).to_have_count(1)
    expect(story_row.locator("td")).to_have_text(
        [seed.story.name, "5", "Al Mayadeen, Axios, CNN, The Times of Israel", "127"]
    )
    page.screenshot(path=screenshot_path("story_list_1366"))
    page.set_viewport_size({"width": 1280, "height": 720})
    story_row.get_by_role("link", name=seed.story.name).click()
    root = page.locator("#story-workbench")
    expect(root).to_have_attribute("data-ready", "true")
    expect(page.locator("#story-layer")).to_have_value("gold")
    heads = page.locator("#claims-table thead th.outlet-head .outlet-name")
    expect(heads).to_have_text(["Al Mayadeen", "Axios", "CNN", "The Times of Israel", "No outlet"])

    # A quote Axios and Al Mayadeen share: one row, both outlets' wording, two outlets.
    inaccurate = row_with(page, "This statement is inaccurate in almost every respect")
    expect(inaccurate).to_have_count(1)
    expect(inaccurate.locator("th .status")).to_have_text("2 outlets")
    expect(inaccurate.locator("td.carried")).to_have_count(2)
    expect(inaccurate.locator("td.carried .source")).to_have_text(["one official", "one official"])
    stuck = row_with(page, "We are dramatically stuck")
    expect(stuck).to_have_count(1)
    expect(stuck.locator("td.carried")).to_have_count(2)

    # The Times of Israel and CNN report the "delusional" remark in their own words.
    delusional = row_with(page, "delusional demands of Hamas")
    expect(delusional).to_have_count(1)
    expect(delusional.locator("td.carried")).to_have_count(2)
    expect(delusional.locator("td.carried").first.locator("mark").first).to_be_visible()

    # A claim only one outlet carries says so.
    expect(page.locator("tr.only-outlet-row th .status").first).to_contain_text("Only ")
    expect(page.locator("#outlet-charts svg")).to_have_count(4)
    page.screenshot(path=screenshot_path("story_workbench"))
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("story_workbench_1366"))
    page.locator("#outlet-charts").scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("story_workbench_charts_1366"))

    # From the keyboard: focus Axios's wording of the quote and open it.
    axios_link = stuck.locator("td.carried").nth(1).locator("a.wording")
    href = axios_link.get_attribute("href")
    assert href.startswith(f"/projects/{people.project.pk}/documents/{seed.document(AXIOS).pk}/")
    axios_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/documents/{seed.document(AXIOS).pk}/work/**")
    workspace = page.locator("#workspace")
    expect(workspace).to_have_attribute("data-at", "span")
    selected = page.evaluate("() => window.claimlens.selectedSpan()")
    start, end = (int(n) for n in href.split("at=")[1].split("-"))
    assert (selected["start"], selected["end"], selected["label"]) == (start, end, "CLAIM")
    in_view = page.evaluate(IN_VIEW_JS, start)
    assert in_view, "the claim's first line is on screen"
    page.screenshot(path=screenshot_path("story_workbench_to_workspace_1366"))


def test_a_blind_projects_annotator_sees_only_their_own_layer(live_server, page, db):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    assert people.project.blind
    log_in(page, live_server.url, people.annotator.username)
    open_workbench(
        page, f"{live_server.url}/projects/{people.project.pk}/stories/{seed.story.pk}/?layer=gold"
    )
    picker = page.locator("#story-layer option")
    expect(picker).to_have_count(1)
    expect(picker).to_have_text("annotator:annotator")
    status = page.locator("#story-status")
    expect(status).to_contain_text("No claim in the layer annotator:annotator")
    expect(page.locator("#claims-table")).to_be_hidden()
    answer = page.request.get(
        f"{live_server.url}/api/v1/stories/{seed.story.pk}/claims/?layer=gold"
    )
    assert answer.status == 403
    assert "blind" in answer.json()["error"]["message"]


def test_at_laptop_size_the_table_says_it_scrolls_and_a_sources_entry_opens_its_page(
    live_server, page, db, screenshot_path
):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    official = source_create(
        project=people.project, data={"name": "US official", "kind": "anonymous_official"}
    )
    gold_officials = Span.objects.filter(
        annotation_set__project=people.project,
        annotation_set__kind=SetKind.GOLD,
        label="SOURCE",
        text="one official",
    )
    for span in gold_officials:
        span.attributes = {**span.attributes, "entry": official.key}
        span.save(update_fields=["attributes"])
    log_in(page, live_server.url, people.reviewer.username)
    page.set_viewport_size(LAPTOP)
    open_workbench(page, f"{live_server.url}/projects/{people.project.pk}/stories/{seed.story.pk}/")

    # Five reports do not fit at 1366 px: the heading counts them, a hint says the table
    # scrolls sideways and the right edge is shaded until it is scrolled to the end.
    expect(page.locator("#claims-heading")).to_contain_text("(5 reports)")
    expect(page.locator("#claims-scroll-hint")).to_be_visible()
    frame = page.locator("#claims-frame")
    expect(frame).to_have_class(re.compile(r"\bmore-right\b"))
    page.screenshot(path=screenshot_path("story_workbench_scrolls_1366"))
    page.locator("#claims-scroll").focus()
    page.locator("#claims-scroll").evaluate("(box) => { box.scrollLeft = box.scrollWidth; }")
    expect(frame).not_to_have_class(re.compile(r"\bmore-right\b"))
    expect(frame).to_have_class(re.compile(r"\bmore-left\b"))
    page.screenshot(path=screenshot_path("story_workbench_scrolled_1366"))

    # The registry entry of a claim's source links to the source's page.
    inaccurate = row_with(page, "This statement is inaccurate in almost every respect")
    link = inaccurate.locator("td.carried .source a.entry-link").first
    expect(link).to_have_text("US official")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/projects/{people.project.pk}/sources/{official.pk}/")
    expect(page.locator("#source-page")).to_have_attribute("data-ready", "true", timeout=15000)
    expect(page.locator("#naming-table thead th")).to_have_text(["Outlet", "Named as (times)"])
    expect(page.locator("#naming-rows tr").first).to_contain_text("one official × ")
    page.screenshot(path=screenshot_path("source_page_from_workbench_1366"))


def test_an_annotator_at_work_sees_their_claims_before_submitting(
    live_server, page, db, screenshot_path
):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    axios = seed.document(AXIOS)
    at_work = AnnotationSet.objects.create(
        project=people.project,
        document=axios,
        kind=SetKind.ANNOTATOR,
        author=people.annotator,
        status=SetStatus.IN_PROGRESS,
    )
    Span.objects.create(
        annotation_set=at_work, label="CLAIM", start=0, end=40, text=axios.text[:40]
    )
    log_in(page, live_server.url, people.annotator.username)
    page.set_viewport_size(LAPTOP)
    open_workbench(page, f"{live_server.url}/projects/{people.project.pk}/stories/{seed.story.pk}/")
    expect(page.locator("#layer-sets")).to_have_text(
        "The layer annotator:annotator shows your sets, submitted or not."
    )
    expect(page.locator("#claims-table tbody tr")).to_have_count(1)
    expect(page.locator("#story-status")).to_contain_text("1 claim (1 wording) in 5 reports")
    page.screenshot(path=screenshot_path("story_workbench_annotator_at_work_1366"))
