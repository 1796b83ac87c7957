"""Autosave through a network that fails, in Chromium: a save that landed but whose answer
was cut is recognised as the page's own (no "changed elsewhere"), and edits made while the
server is unreachable are kept in the browser, survive a reload and are saved once it is back."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from annotations.models import AnnotationSet
from tests.e2e.workspace_helpers import (
    REPORT,
    annotator_set,
    log_in,
    mouse_select,
    open_workspace,
    project_with,
    spans_in,
    wait_saved,
)

pytestmark = pytest.mark.e2e

SET_WRITES = "**/api/v1/sets/*/"


def status(page: Page):
    return page.locator("#save-status")


def texts_stored(people) -> list[str]:
    aset = AnnotationSet.objects.get(author=people.annotator, kind="annotator")
    return sorted(text for _, _, _, text, _ in spans_in(aset))


def test_a_save_whose_answer_is_cut_is_not_taken_for_a_conflict(live_server, page, db):
    people, (document,) = project_with(REPORT)
    annotator_set(people, document)
    url = f"{live_server.url}/projects/{people.project.id}/documents/{document.id}/work/"
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, url)

    cut: list[str] = []

    def deliver_then_cut(route: Route) -> None:
        if route.request.method != "PUT" or cut:
            route.fallback()
            return
        route.fetch()  # the server stores the write ...
        cut.append(route.request.url)
        route.abort("connectionreset")  # ... and the answer never reaches the page

    page.route(SET_WRITES, deliver_then_cut)
    mouse_select(page, "the talks had stalled")
    page.keyboard.press("c")
    expect(status(page)).to_have_attribute("data-state", "offline")
    assert cut and texts_stored(people) == ["the talks had stalled"]

    mouse_select(page, "a minister")  # an edit after the fault
    page.keyboard.press("s")
    wait_saved(page)
    assert texts_stored(people) == ["a minister", "the talks had stalled"]

    page.reload()
    page.wait_for_selector("#doc-text .seg")
    wait_saved(page)
    expect(page.locator("#message")).not_to_contain_text("Reload to continue")
    assert texts_stored(people) == ["a minister", "the talks had stalled"]


def test_edits_made_while_the_server_is_unreachable_survive_a_reload(live_server, page, db):
    people, (document,) = project_with(REPORT)
    annotator_set(people, document)
    url = f"{live_server.url}/projects/{people.project.id}/documents/{document.id}/work/"
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, url)

    def unreachable(route: Route) -> None:
        if route.request.method == "PUT":
            route.abort("internetdisconnected")
        else:
            route.fallback()

    page.route(SET_WRITES, unreachable)
    mouse_select(page, "the talks had stalled")
    page.keyboard.press("c")
    expect(status(page)).to_have_attribute("data-state", "offline")
    expect(status(page)).to_contain_text("trying again")
    expect(page.get_by_role("button", name="Retry")).to_be_visible()  # no need to wait
    assert texts_stored(people) == []

    page.reload()  # the draft comes back from the browser's storage
    page.wait_for_selector("#doc-text .seg")
    expect(page.locator(".seg[title='Claim']").first).to_be_visible()
    expect(status(page)).to_have_attribute("data-state", "offline")

    page.unroute(SET_WRITES)  # the server is reachable again: the next try saves
    wait_saved(page)
    assert texts_stored(people) == ["the talks had stalled"]
