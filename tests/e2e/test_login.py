"""A person logs in through the browser and sees their projects."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.e2e


def test_a_member_logs_in_and_sees_their_project(live_server, page, db, screenshot_path):
    people = factories.people_in_project()
    page.goto(f"{live_server.url}/")
    assert "/login/" in page.url
    page.fill("#id_username", people.annotator.username)
    page.fill("#id_password", "pw-for-tests")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("h1").inner_text() == "Your projects"
    assert people.project.name in page.locator(".projects").inner_text()
    page.screenshot(path=screenshot_path("home"))


def test_a_wrong_password_is_told_plainly(live_server, page, db):
    people = factories.people_in_project()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", people.annotator.username)
    page.fill("#id_password", "not-the-password")
    page.click("button[type=submit]")
    assert page.get_by_role("alert").inner_text() == "Wrong username or password."
