"""Time on task in Chromium: an annotator works in the workspace, the page's clock (run by
the test, so no long sleeps) counts the active time, pauses while the tab is hidden and
after a minute without activity, reports it, and the manager reads it on the progress page.

The server caps each report by its own wall time since the last one
(``tests/progress/test_time_on_task_api.py``); here the page's clock runs minutes ahead of
the server's, so that cap is lifted for the test."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from annotations.models import AnnotationSet, SetKind
from annotations.services import time_on_task
from annotations.services.annotation_sets import annotation_set_open
from tests.e2e.workspace_helpers import (
    LAPTOP,
    REPORT,
    annotator_set,
    log_in,
    open_workspace,
    project_with,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


def seconds_spent(aset: AnnotationSet, at_least: int = 0, wait: float = 10.0) -> int:
    """The set's time on task once it reaches ``at_least`` (or after ``wait`` seconds)."""
    deadline = time.monotonic() + wait
    while True:
        value = AnnotationSet.objects.get(pk=aset.pk).seconds_spent
        if value >= at_least or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def work_for(page: Page, seconds: int) -> None:
    """Move the mouse over the page every 5 s of the page's clock."""
    box = page.locator("main").bounding_box()
    for step in range(seconds // 5):
        page.mouse.move(box["x"] + 40 + step % 7 * 9, box["y"] + 30)
        page.clock.run_for(5_000)


def stop_the_clock(page: Page, aset: AnnotationSet) -> int:
    """Pause the page's clock (it ran on its own while the page loaded, for a time that
    depends on the machine's load) and report what it counted so far: the baseline."""
    page.clock.pause_at(page.evaluate("Date.now()") + 1_000)
    page.clock.run_for(2_000)  # the tracker sees the set
    set_tab_hidden(page, True)  # reports at once
    set_tab_hidden(page, False)
    deadline = time.monotonic() + 10
    while page.evaluate("() => window.claimlens.timeOnTask.inFlight") and (
        time.monotonic() < deadline
    ):
        time.sleep(0.1)
    return seconds_spent(aset, wait=0)


def set_tab_hidden(page: Page, hidden: bool) -> None:
    page.evaluate(
        """(hidden) => {
          Object.defineProperty(document, "hidden", { value: hidden, configurable: true });
          Object.defineProperty(document, "visibilityState",
            { value: hidden ? "hidden" : "visible", configurable: true });
          document.dispatchEvent(new Event("visibilitychange"));
        }""",
        hidden,
    )


def test_active_time_is_counted_paused_when_hidden_or_idle_and_shown_to_the_manager(
    live_server, page, db, monkeypatch, screenshot_path
):
    monkeypatch.setattr(time_on_task, "SLACK_SECONDS", 24 * 3600)
    people, (document,) = project_with(REPORT)
    aset = annotator_set(people, document)
    AnnotationSet.objects.filter(pk=aset.pk).update(started_at=timezone.now() - timedelta(hours=1))
    page.set_viewport_size(LAPTOP)
    page.clock.install()
    log_in(page, live_server.url, people.annotator.username)
    open_workspace(page, f"{live_server.url}/projects/{people.project.id}/work/")
    before = stop_the_clock(page, aset)

    work_for(page, 60)  # a report every 30 s while counting
    worked = seconds_spent(aset, at_least=before + 55)
    assert before + 55 <= worked <= before + 62

    set_tab_hidden(page, True)  # reports at once, then counts nothing
    after_hiding = seconds_spent(aset, at_least=worked + 1, wait=3)
    page.clock.run_for(5 * 60_000)
    set_tab_hidden(page, False)
    page.clock.run_for(31_000)
    assert seconds_spent(aset, at_least=after_hiding + 30) == after_hiding + 30

    # three minutes without a key, click or scroll: a minute of it counts
    page.clock.run_for(180_000)
    total = seconds_spent(aset, at_least=after_hiding + 60 + 2)
    assert after_hiding + 60 <= total <= after_hiding + 62

    manager = page.context.browser.new_page(viewport=LAPTOP)
    log_in(manager, live_server.url, people.manager.username)
    manager.goto(f"{live_server.url}/projects/{people.project.id}/progress/")
    expect(manager.locator("#project-progress-page")).to_have_attribute("data-state", "shown")
    row = manager.locator('#annotators-table tr[data-username="annotator"]')
    expect(row.locator(".time-on-task")).to_have_text(f"{total // 60} min")
    cell = manager.locator(f'#matrix tr[data-document="{document.pk}"] td.cell').first
    expect(cell).to_have_attribute("title", f"annotator: assigned, {total // 60} min on task")
    manager.screenshot(path=screenshot_path("progress-time-on-task"), full_page=True)


def test_a_reviewers_active_time_on_the_gold_set_is_counted_in_the_curation_view(
    live_server, page, db, monkeypatch
):
    monkeypatch.setattr(time_on_task, "SLACK_SECONDS", 24 * 3600)
    people, (document,) = project_with(REPORT)
    gold, _ = annotation_set_open(
        project=people.project, document=document, author=people.reviewer, kind=SetKind.GOLD
    )
    AnnotationSet.objects.filter(pk=gold.pk).update(started_at=timezone.now() - timedelta(hours=1))
    page.set_viewport_size(LAPTOP)
    page.clock.install()
    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/curate/{document.id}/")
    expect(page.locator("#no-units")).to_be_visible()  # the view is drawn: nobody submitted
    before = stop_the_clock(page, gold)

    work_for(page, 60)  # two reports, 30 s apart
    assert before + 55 <= seconds_spent(gold, at_least=before + 55) <= before + 62
