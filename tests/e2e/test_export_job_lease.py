"""The export page lists a job whose worker died as failed, with the reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from annotations.models import ExportJob, ExportJobStatus
from tests import factories
from tests.e2e.workspace_helpers import log_in

pytestmark = pytest.mark.e2e


def test_the_export_page_lists_a_job_whose_worker_died_as_failed_with_the_reason(
    live_server, page, db
):
    people = factories.people_in_project(n_documents=1)
    job = ExportJob.objects.create(
        project=people.project,
        format="jsonl",
        status=ExportJobStatus.RUNNING,
        documents_total=1,
        heartbeat_at=timezone.now() - timedelta(hours=1),
    )
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/export/")
    item = page.locator("#job-list li", has_text=f"#{job.pk} jsonl")
    expect(item).to_contain_text("failed")
    expect(item.locator(".job-error")).to_contain_text("The worker running this job stopped")
