"""The agreement page in a real browser: the figures it shows (headline, heat map, tables,
labels, the documents' order, the trend) are those the API returns for the same question,
after switching the measure and a filter too; the CSV link downloads the API's CSV."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from annotations.agreement.inputs import MEASURES
from tests.agreement.conftest import Team, team_project
from tests.e2e.workspace_helpers import log_in
from tests.factories import people_in_project

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def team(db) -> Team:  # noqa: ANN001
    return team_project()


def api_report(team: Team, query: str = "") -> dict[str, Any]:
    client = Client()
    client.force_login(team.people.reviewer)
    response = client.get(f"{team.url}?{query}")
    assert response.status_code == 200
    return response.json()


def measure_of(report: dict[str, Any], key: str) -> dict[str, Any]:
    return next(m for m in report["measures"] if m["measure"] == key)


def shown(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def open_page(page: Page, live_server, team: Team) -> None:  # noqa: ANN001
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, team.people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{team.project.pk}/agreement/")
    expect(page.locator("#project-agreement")).to_have_attribute("data-state", "shown")


def cells(page: Page, selector: str) -> list[list[str]]:
    return page.eval_on_selector_all(
        f"{selector} tbody tr",
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))",
    )


def assert_page_shows(page: Page, measure: dict[str, Any]) -> None:
    """Every figure of ``measure`` (from the API) as the page prints it."""
    expect(page.locator("#agreement-value")).to_have_text(shown(measure["value"]))
    for pair in measure["pairs"]:
        for row, column in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            cell = page.locator(f'#heatmap-chart .cell[data-row="{row}"][data-column="{column}"]')
            if cell.count():
                expect(cell.locator(".cell-value")).to_have_text(shown(pair["value"]))
    table = [row[:5] for row in cells(page, "#pairs-table")]
    assert table == [
        [p["a"], p["b"], shown(p["value"]), shown(p["precision"]), shown(p["recall"])]
        for p in measure["pairs"]
    ]
    for figure in measure["labels"]:
        bar = page.locator(f'#labels-chart .bar[data-label="{figure["label"]}"] .bar-value')
        expect(bar).to_have_text(shown(figure["value"]))
    assert [row[:2] for row in cells(page, "#labels-table")] == [
        [f["label"], shown(f["value"])] for f in measure["labels"]
    ]
    documents = page.eval_on_selector_all(
        "#documents-table tbody tr", "rows => rows.map(r => Number(r.dataset.document))"
    )
    assert documents == [d["document"] for d in measure["documents"]][:20]
    values = [row[2] for row in cells(page, "#documents-table")]
    assert values == [shown(d["value"]) for d in measure["documents"]][:20]
    if measure["trend"]:
        assert [row[:3] for row in cells(page, "#trend-table")] == [
            [p["period"], shown(p["value"]), shown(p["sd"])] for p in measure["trend"]
        ]


def test_the_page_shows_the_apis_figures_for_each_measure_and_filter(
    live_server, page, team, screenshot_path
):
    report = api_report(team)
    open_page(page, live_server, team)
    assert_page_shows(page, measure_of(report, "spans.exact"))
    spans = measure_of(report, "spans.exact")
    assert spans["value"] is not None and spans["value"] < 1, "the annotators disagree a little"
    page.screenshot(path=screenshot_path("agreement-spans-exact"), full_page=True)

    for key in ("spans.overlap", "stances.cohen", "attribution.exact", "links.pairwise"):
        page.select_option("#agreement-measure", key)
        expect(page.locator("#agreement-what")).to_contain_text(MEASURES[key][0])
        assert_page_shows(page, measure_of(report, key))

    page.select_option("#agreement-against", "gold")
    page.check('#agreement-labels input[value="CLAIM"]')
    page.click("#agreement-apply")
    expect(page.locator("#project-agreement")).to_have_attribute("data-state", "shown")
    expect(page.locator("#agreement-heatmap .row-name")).to_have_count(1)
    page.select_option("#agreement-measure", "spans.exact")
    against_gold = api_report(team, "against=gold&labels=CLAIM")
    assert against_gold["parameters"]["against"] == "gold"
    assert_page_shows(page, measure_of(against_gold, "spans.exact"))
    page.screenshot(path=screenshot_path("agreement-against-gold"), full_page=True)


def test_the_documents_open_in_the_curation_view_most_disagreed_first(live_server, page, team):
    report = api_report(team)
    open_page(page, live_server, team)
    first = measure_of(report, "spans.exact")["documents"][0]
    link = page.locator("#documents-table tbody tr").first.locator("a")
    expect(link).to_have_text(first["title"])
    curate = f"/projects/{team.project.pk}/curate/{first['document']}/"
    expect(link).to_have_attribute("href", curate)


def test_the_csv_link_downloads_the_figures_the_page_shows(live_server, page, team):
    open_page(page, live_server, team)
    page.select_option("#agreement-match", "overlap")
    page.click("#agreement-apply")
    expect(page.locator("#project-agreement")).to_have_attribute("data-state", "shown")
    with page.expect_download() as info:
        page.click("#agreement-csv")
    download = info.value
    assert download.suggested_filename == f"agreement-project-{team.project.pk}.csv"
    with open(download.path(), encoding="utf-8", newline="") as downloaded:
        body = downloaded.read()
    client = Client()
    client.force_login(team.people.reviewer)
    expected = client.get(f"{team.url}?match=overlap&format=csv").content.decode()
    assert body == expected
    assert body.startswith("measure,statistic,section,")


def test_a_project_without_submitted_sets_says_so(live_server, page, db, screenshot_path):  # noqa: ANN001
    people = people_in_project(n_documents=2)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/agreement/")
    expect(page.locator("#agreement-empty")).to_contain_text("No submitted sets yet")
    expect(page.locator("#agreement-figures")).to_be_hidden()
    page.screenshot(path=screenshot_path("agreement-empty"), full_page=True)
