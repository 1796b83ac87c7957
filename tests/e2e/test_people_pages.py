"""People in a real browser: a manager invites an annotator by e-mail, who chooses a
password from the mailed link, logs in and opens the project; a forgotten password is reset;
the people page shows each member's figures; the member forms reset their role."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, Membership, Role, SetKind, SetStatus
from tests import factories
from tests.e2e.workspace_helpers import log_in, mouse_select, wait_saved

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]

NEW_PASSWORD = "harbour lights at dusk 7"
LAPTOP = {"width": 1366, "height": 768}


def mailed_path(message) -> str:  # noqa: ANN001
    """The path of the one link to the site's account pages in a mail."""
    return re.search(r"https?://[^/\s]+(/account/\S+)", message.body).group(1)


def choose_password(page, base_url: str, path: str, shot: str = "") -> None:  # noqa: ANN001
    page.goto(base_url + path)
    if shot:
        page.screenshot(path=shot)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set password").click()
    expect(page.get_by_role("heading", name="Your password is set")).to_be_visible()


def log_in_with(page, base_url: str, username: str, password: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/")


def test_a_manager_invites_an_annotator_who_sets_a_password_and_opens_the_project(
    live_server, page, people, mailoutbox, screenshot_path
):
    project = people.project
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{project.pk}/")
    page.get_by_role("link", name="People").click()
    page.wait_for_url(f"{live_server.url}/projects/{project.pk}/people/")
    expect(page.locator("#people-rows tr")).to_have_count(4)

    page.get_by_label("Username or e-mail").fill("ada.quill@example.org")
    page.get_by_label("Role", exact=True).select_option("reviewer")
    page.get_by_role("button", name="Add", exact=True).click()
    feedback = page.locator("#add-feedback")
    expect(feedback).to_have_text(
        "Made the account ada.quill for ada.quill@example.org as reviewer. "
        "The link to choose a password was e-mailed."
    )
    expect(page.locator("#people-rows tr")).to_have_count(5)
    # Ready for the next person: the field is empty and the role is back to annotator.
    expect(page.get_by_label("Username or e-mail")).to_have_value("")
    expect(page.get_by_label("Role", exact=True)).to_have_value("annotator")
    link = page.get_by_label("One-time link to choose a password")
    [message] = mailoutbox
    assert message.to == ["ada.quill@example.org"]
    assert link.input_value().endswith(mailed_path(message))
    page.screenshot(path=screenshot_path("people-invited"), full_page=True)
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("people-invited-1366"))

    # Until Ada chooses a password her row says so, and a new link can be sent.
    ada_row = page.locator("#people-rows tr[data-username='ada.quill']")
    expect(ada_row).to_contain_text("Invited: no password yet")
    page.get_by_role("button", name="Send ada.quill a new link").click()
    expect(page.locator("#people-feedback")).to_have_text(
        "A new link to choose a password was e-mailed to ada.quill@example.org."
    )
    assert len(mailoutbox) == 2
    message = mailoutbox[-1]  # the newest link; the first one still works too until used

    # The manager changes their mind about the role before Ada even signs in.
    page.get_by_label("Role of ada.quill").select_option("annotator")
    expect(page.locator("#people-feedback")).to_have_text("Saved: ada.quill is now annotator.")
    page.get_by_role("button", name="Log out").click()

    choose_password(
        page, live_server.url, mailed_path(message), screenshot_path("people-welcome-1366")
    )
    log_in_with(page, live_server.url, "ada.quill", NEW_PASSWORD)
    page.get_by_role("link", name=project.name).click()
    page.wait_for_url(f"{live_server.url}/projects/{project.pk}/")
    expect(page.locator(".meta").first).to_contain_text("Your role: annotator")
    # ... and annotates: the queue hands out a document, a claim is marked and saved.
    page.get_by_role("link", name="Start annotating").click()
    page.wait_for_selector("#doc-text .seg")
    mouse_select(page, "the talks had stalled")
    page.keyboard.press("c")
    wait_saved(page)
    ada_set = AnnotationSet.objects.get(project=project, author__username="ada.quill")
    assert list(ada_set.spans.values_list("label", "text")) == [("CLAIM", "the talks had stalled")]

    # The link worked once.
    page.goto(live_server.url + mailed_path(message))
    expect(page.get_by_role("alert")).to_contain_text("This link does not work any more")


def test_a_person_who_forgot_their_password_resets_it_from_the_log_in_page(
    live_server, page, people, mailoutbox, screenshot_path
):
    people.annotator.email = "annotator@example.org"
    people.annotator.save()
    page.goto(f"{live_server.url}/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("E-mail").fill("annotator@example.org")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    page.screenshot(path=screenshot_path("password-reset-sent"))
    [message] = mailoutbox

    choose_password(page, live_server.url, mailed_path(message))
    log_in_with(page, live_server.url, "annotator", NEW_PASSWORD)
    expect(page.get_by_role("link", name=people.project.name)).to_be_visible()


def test_the_people_page_shows_each_members_figures_to_a_reviewer(
    live_server, page, people, screenshot_path
):
    for seconds, status in [(90, SetStatus.SUBMITTED), (150, SetStatus.SUBMITTED)]:
        AnnotationSet.objects.create(
            project=people.project,
            document=factories.DocumentFactory(story=people.story),
            kind=SetKind.ANNOTATOR,
            author=people.annotator,
            status=status,
            seconds_spent=seconds,
        )
    AnnotationSet.objects.create(
        project=people.project,
        document=people.documents[0],
        kind=SetKind.ANNOTATOR,
        author=people.annotator,
        status=SetStatus.IN_PROGRESS,
        seconds_spent=3600,
    )
    people.annotator.first_name, people.annotator.last_name = "Ann", "Otator"
    people.annotator.save()

    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/people/")
    row = page.locator("#people-rows tr[data-username=annotator]")
    cells = row.locator("td")
    expect(cells).to_have_text(
        ["Ann Otatorannotator", "annotator", "0", "1", "2", "0", "1 h 04 min", "2 min", "just now"]
    )
    expect(page.locator("#person-add")).to_have_count(0)
    expect(page.get_by_label("Role of annotator")).to_have_count(0)
    page.screenshot(path=screenshot_path("people-reviewer"), full_page=True)
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("people-reviewer-1366"))


def test_the_settings_member_form_resets_its_role_after_adding_someone(live_server, page, people):
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{people.project.pk}/settings/")
    expect(page.locator("#member-rows tr")).to_have_count(4)
    page.get_by_label("Username", exact=True).fill(people.outsider.username)
    page.locator("#member-role").select_option("manager")
    page.get_by_role("button", name="Add member").click()
    expect(page.locator("#members-feedback")).to_have_text("Added outsider as manager.")
    assert Membership.objects.get(project=people.project, user=people.outsider).role == Role.MANAGER
    expect(page.locator("#member-role")).to_have_value("annotator")
    expect(page.get_by_label("Username", exact=True)).to_have_value("")


def test_a_person_gives_their_name_on_the_account_page_and_sees_it_in_the_top_bar(
    live_server, page, people, screenshot_path
):
    log_in(page, live_server.url, people.annotator.username)
    page.get_by_role("link", name="annotator", exact=True).click()
    page.wait_for_url(f"{live_server.url}/account/")
    page.get_by_label("First name").fill("Ann")
    page.get_by_label("Last name").fill("Otator")
    expect(page.get_by_label("E-mail")).to_have_count(0)
    expect(page.get_by_text("Your address is set by the invitation")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.locator(".topbar .who")).to_have_text("Ann Otator")
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=screenshot_path("account-1366"))
