"""The project pages as the server renders them: who may open them, and what they carry."""

from __future__ import annotations

import pytest
from django.test import Client

from annotations.services.projects import project_update

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def home_url(people) -> str:  # noqa: ANN001
    return f"/projects/{people.project.pk}/"


def settings_url(people) -> str:  # noqa: ANN001
    return f"/projects/{people.project.pk}/settings/"


PAGES = {
    "home": "/projects/{project}/",
    "settings": "/projects/{project}/settings/",
    "schema": "/projects/{project}/schema/",
    "workspace": "/projects/{project}/work/",
    "workspace for a document": "/projects/{project}/documents/{document}/work/",
    "import": "/projects/{project}/import/",
    "add documents": "/projects/{project}/documents/add/",
    "export": "/projects/{project}/export/",
    "progress": "/projects/{project}/progress/",
    "rewrites of a story": "/projects/{project}/stories/{story}/rewrites/",
    "stories": "/projects/{project}/stories/",
    "story workbench": "/projects/{project}/stories/{story}/",
    "people": "/projects/{project}/people/",
    "documents": "/projects/{project}/documents/",
    "sources": "/projects/{project}/sources/",
    "source page": "/projects/{project}/sources/1/",
    "suggesters": "/projects/{project}/suggesters/",
}


def page_url(people, page: str) -> str:  # noqa: ANN001
    return PAGES[page].format(
        project=people.project.pk, document=people.documents[0].pk, story=people.story.pk
    )


@pytest.mark.parametrize("who", ["manager", "reviewer", "annotator", "other_annotator"])
def test_every_member_opens_the_project_home(people, who):
    response = client_as(getattr(people, who)).get(home_url(people))
    assert response.status_code == 200
    assert people.project.name in response.content.decode()


@pytest.mark.parametrize("page", PAGES)
def test_an_outsider_gets_404_for_every_project_page(people, page):
    assert client_as(people.outsider).get(page_url(people, page)).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_an_anonymous_visitor_of_a_project_page_is_sent_to_log_in(people, page):
    response = client_as(None).get(page_url(people, page))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


@pytest.mark.parametrize("who", ["manager", "reviewer", "annotator"])
@pytest.mark.parametrize("page", ["workspace", "workspace for a document"])
def test_members_open_the_workspace_shell_with_their_role(people, who, page):
    response = client_as(getattr(people, who)).get(page_url(people, page))
    assert response.status_code == 200
    assert f'data-role="{who}"' in response.content.decode()


def test_a_manager_opens_the_settings(people):
    response = client_as(people.manager).get(settings_url(people))
    assert response.status_code == 200
    assert f'data-project-id="{people.project.pk}"' in response.content.decode()


@pytest.mark.parametrize("who", ["reviewer", "annotator", "other_annotator"])
def test_a_member_who_is_not_a_manager_gets_403_for_the_settings(people, who):
    assert client_as(getattr(people, who)).get(settings_url(people)).status_code == 403


def test_guidelines_are_escaped_text_not_markup(people):
    project_update(
        project=people.project, fields={"guidelines": "<script>alert(1)</script>\nLine two"}
    )
    html = client_as(people.annotator).get(home_url(people)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;\nLine two" in html
    assert "<script>alert(1)" not in html


def test_annotators_and_managers_get_the_start_link_and_reviewers_do_not(people):
    start = f'href="/projects/{people.project.pk}/work/"'
    assert start in client_as(people.annotator).get(home_url(people)).content.decode()
    assert start in client_as(people.manager).get(home_url(people)).content.decode()
    assert start not in client_as(people.reviewer).get(home_url(people)).content.decode()


def test_only_managers_see_the_settings_link(people):
    link = f'href="{settings_url(people)}"'
    assert link in client_as(people.manager).get(home_url(people)).content.decode()
    assert link not in client_as(people.annotator).get(home_url(people)).content.decode()


def test_the_project_list_links_each_project_to_its_home(people):
    html = client_as(people.annotator).get("/").content.decode()
    assert f'href="{home_url(people)}"' in html


def test_the_pages_load_their_modules_and_have_no_inline_script_or_style(people):
    for url, module in [
        (home_url(people), "frontend/js/project_home.js"),
        (settings_url(people), "frontend/js/project_settings.js"),
    ]:
        html = client_as(people.manager).get(url).content.decode()
        assert f'<script type="module" src="/static/{module}"></script>' in html
        assert "<script>" not in html
        assert " style=" not in html
