"""Swagger UI renders from this server's own files under the strict CSP."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_swagger_ui_lists_the_operations_without_csp_violations(live_server, page, db):
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    external: list[str] = []
    page.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() > 20
    assert not [p for p in problems if "Content Security Policy" in p]
    assert external == []
