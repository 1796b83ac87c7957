"""The project pages as the server renders them: the "New project" page for people allowed
to create projects, the project list's button and "Archived" heading, the project home's
rendered guidelines, its "This project" card for managers and the archived banner."""

from __future__ import annotations

import pytest
from django.test import Client

from annotations.services.project_archive import project_archive
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_someone_allowed_to_create_projects_opens_the_new_project_page(may_create):
    lead = may_create(UserFactory(username="lead"))
    page = client_as(lead).get("/projects/new/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="project-new"' in html and "news-attribution" in html


def test_someone_without_the_permission_is_told_what_is_needed():
    page = client_as(UserFactory(username="annotator")).get("/projects/new/")
    assert page.status_code == 403
    assert "can create projects" in page.content.decode()


def test_an_anonymous_visitor_of_the_new_project_page_is_sent_to_log_in():
    page = client_as(None).get("/projects/new/")
    assert page.status_code == 302
    assert page["Location"].startswith("/login/?next=")


def test_the_new_project_button_shows_only_for_people_who_may_create_projects(people, may_create):
    assert 'id="new-project"' not in client_as(people.annotator).get("/").content.decode()
    lead = may_create(people.manager)
    assert 'id="new-project"' in client_as(lead).get("/").content.decode()


def test_an_archived_project_is_listed_under_archived_for_its_managers_only(people):
    project_archive(project=people.project)

    managers = client_as(people.manager).get("/").content.decode()
    assert 'id="projects-archived"' in managers and people.project.name in managers
    annotators = client_as(people.annotator).get("/").content.decode()
    assert people.project.name not in annotators


def test_the_project_home_shows_the_guidelines_rendered_and_without_scripts(people):
    people.project.guidelines = "## Claims\n\nMark **every** claim.\n\n<script>alert(1)</script>"
    people.project.save()

    html = client_as(people.annotator).get(f"/projects/{people.project.pk}/").content.decode()

    assert "<h2>Claims</h2>" in html and "<strong>every</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_managers_get_the_this_project_card_and_others_do_not(people):
    url = f"/projects/{people.project.pk}/"
    assert 'id="project-lifecycle"' in client_as(people.manager).get(url).content.decode()
    assert 'id="project-lifecycle"' not in client_as(people.reviewer).get(url).content.decode()


@pytest.mark.parametrize("page", ["", "settings/", "work/", "import/"])
def test_an_archived_projects_pages_carry_the_banner(people, page):
    project_archive(project=people.project)
    html = client_as(people.manager).get(f"/projects/{people.project.pk}/{page}").content.decode()
    assert 'class="archived-banner"' in html
    active = client_as(people.manager).get(f"/projects/{people.project.pk}/").content.decode()
    assert 'id="unarchive-project"' in active


def test_an_archived_projects_queue_card_says_there_is_no_work_instead_of_a_start_button(people):
    url = f"/projects/{people.project.pk}/"
    assert 'id="start-annotating"' in client_as(people.annotator).get(url).content.decode()
    project_archive(project=people.project)
    html = client_as(people.annotator).get(url).content.decode()
    assert 'id="start-annotating"' not in html
    assert "the queue hands out no work" in html
