"""The agreement page's "Model suggestions" card in Chromium: each model's suggestions and
what annotators accepted and rejected of them, as the rates API counts them; a project
without a model says so."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import SetKind
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.suggestion_decisions import decisions_record
from tests.e2e.workspace_helpers import LAPTOP, log_in, project_with, span_on, write_set

pytestmark = pytest.mark.e2e

TEXT = "Officials said the talks had stalled on Tuesday, a minister told reporters."


def test_a_models_suggestions_and_the_decisions_on_them_are_listed(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(TEXT)
    model, _ = annotation_set_open(
        project=people.project,
        document=document,
        author=None,
        kind=SetKind.MODEL,
        model_name="cue-finder",
    )
    refs = write_set(model, [span_on(TEXT, word, "CUE") for word in ("said", "told", "talks")])
    said, told, _ = refs.values()
    mine, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    decisions_record(
        annotation_set=mine,
        items=[
            {"suggestion": said, "decision": "accepted"},
            {"suggestion": told, "decision": "rejected"},
        ],
    )

    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/agreement/")
    rows = page.locator("#suggestion-rates-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.locator("td")).to_have_text(["cue-finder", "3", "2", "1 (50 %)", "1 (50 %)"])
    page.locator("#suggestion-rates").scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("agreement_suggestion_rates"))


def test_a_project_without_a_model_says_so(live_server, page, db):
    people, _ = project_with(TEXT)
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/agreement/")
    expect(page.locator("#suggestion-rates")).to_contain_text("No model has made suggestions")
