"""The curation view in an archived project, in Chromium: a reviewer reads the layers and
their units, but the steps that write are disabled, a step asked for by a key says why,
and nothing is sent."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, ProjectDocument, SetKind
from tests.curation.conftest import two_layers_of
from tests.e2e.workspace_helpers import LAPTOP, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

ARCHIVED_NOTE = "This project is archived: you can read its work but not change it."


def test_a_reviewer_reads_the_layers_of_an_archived_project_and_changes_nothing(
    live_server, page: Page, people, screenshot_path
):
    layers = two_layers_of(people)
    people.project.archived_at = timezone.now()
    people.project.save(update_fields=["archived_at"])
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, people.reviewer.username)
    writes: list[str] = []
    page.on("request", lambda r: writes.append(r.url) if r.method != "GET" else None)
    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{layers.document.id}/")

    expect(page.locator("#counts")).to_contain_text("5 units · 3 agreed")
    expect(page.locator("#message")).to_have_text(ARCHIVED_NOTE)
    for step in ("#open-merge", "#open-return", "#mark-curated"):
        expect(page.locator(step)).to_be_disabled()
    page.screenshot(path=screenshot_path("curation-archived"))

    page.locator("#doc-text").focus()
    page.keyboard.press("j")  # moving through the units still works
    expect(page.locator("#unit .unit-title")).to_have_text("Source “The minister”")
    page.keyboard.press("a")  # accepting it does not
    expect(page.locator("#message")).to_have_text(ARCHIVED_NOTE)
    expect(page.locator("#message")).to_have_attribute("data-kind", "error")
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(1_000)
    assert writes == []
    assert not AnnotationSet.objects.filter(document=layers.document, kind=SetKind.GOLD).exists()
    review = ProjectDocument.objects.get(project=people.project, document=layers.document)
    assert review.review_status != "curated"
