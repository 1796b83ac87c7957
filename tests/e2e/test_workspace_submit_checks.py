"""The project's submit checks in Chromium: a claim with no source is a warning on submit,
which the annotator can follow (Show, fix) or override (Ctrl+Enter again); a project that
turns the check off submits straight away."""

from __future__ import annotations

import copy

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, SetStatus
from annotations.services.projects import project_schema_replace
from annotations.services.set_write import annotation_set_write
from tests.e2e.workspace_helpers import (
    LAPTOP,
    REPORT,
    annotator_set,
    log_in,
    open_workspace,
    project_with,
    span_on,
    write_set,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


def status_of(aset: AnnotationSet) -> str:
    return AnnotationSet.objects.get(pk=aset.pk).status


def test_a_claim_without_a_source_warns_on_submit_and_ctrl_enter_again_submits_anyway(
    live_server, page, db, screenshot_path
):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    write_set(aset, [span_on(REPORT, "the talks had stalled", "CLAIM")])
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    page.keyboard.press("Control+Enter")
    message = page.locator("#message")
    expect(message).to_contain_text("Before you submit, one check:")
    expect(message.locator(".submit-warning")).to_contain_text(
        "A claim has no source: link it with ATTRIBUTED_TO (a)"
    )
    expect(message.locator(".submit-warning")).to_contain_text("“the talks had stalled”")
    page.screenshot(path=screenshot_path("workspace-submit-warning-1366"))
    page.wait_for_timeout(500)
    assert status_of(aset) != SetStatus.SUBMITTED

    page.keyboard.press("Escape")  # keep annotating
    expect(message).to_have_text("Not submitted: go on annotating.")
    page.keyboard.press("Control+Enter")
    message.locator(".submit-warning button", has_text="Show").click()
    expect(page.locator('[data-section="selected"] .selected-text q')).to_have_text(
        "the talks had stalled"
    )
    page.locator("#doc-text").focus()
    page.keyboard.press("Control+Enter")  # the question still stands: this submits anyway
    expect(message).to_contain_text("Submitted “Report 1”")
    assert status_of(aset) == SetStatus.SUBMITTED


def test_a_claim_linked_to_its_source_submits_without_a_question(live_server, page, db):
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    aset.refresh_from_db()
    claim = span_on(REPORT, "the talks had stalled", "CLAIM")
    source = span_on(REPORT, "Officials", "SOURCE")
    annotation_set_write(
        annotation_set=aset,
        data={
            "version": aset.version,
            "spans": [claim, source],
            "relations": [
                {"type": "ATTRIBUTED_TO", "source": claim["ref"], "target": source["ref"]}
            ],
        },
    )
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    page.keyboard.press("Control+Enter")
    expect(page.locator("#message")).to_contain_text("Submitted “Report 1”")
    assert status_of(aset) == SetStatus.SUBMITTED


def test_a_project_that_turns_the_check_off_submits_a_lone_claim_straight_away(
    live_server, page, db
):
    people, (document,) = project_with(REPORT)
    definition = copy.deepcopy(people.project.schema.definition)
    definition["submit_checks"][0]["enabled"] = False
    project_schema_replace(project=people.project, definition=definition)
    aset = annotator_set(people, document)
    write_set(aset, [span_on(REPORT, "the talks had stalled", "CLAIM")])
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")

    page.keyboard.press("Control+Enter")
    expect(page.locator("#message")).to_contain_text("Submitted “Report 1”")
    assert status_of(aset) == SetStatus.SUBMITTED
