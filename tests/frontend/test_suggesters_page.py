"""The suggesters page: managers get the forms to run the built-in suggesters, reviewers read
the runs only, annotators are refused with the reason; the project home links it for
managers; the run control renders for a story."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client

from annotations.services.project_archive import project_archive

pytestmark = pytest.mark.django_db


def page_for(user, project) -> tuple[int, str]:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    response = client.get(f"/projects/{project.pk}/suggesters/")
    return response.status_code, response.content.decode()


def test_a_manager_gets_both_suggesters_with_the_projects_stories(people):
    status, html = page_for(people.manager, people.project)
    assert status == 200
    assert 'data-can-run="true"' in html
    assert "Run the quote aligner" in html and "Run the attribution suggester" in html
    assert f'<option value="{people.story.pk}">{people.story.name}</option>' in html
    assert '<option value="">every document of the project</option>' in html
    assert '<script type="module" src="/static/frontend/js/suggesters.js"></script>' in html
    assert "<script>" not in html and " style=" not in html


def test_a_reviewer_reads_the_runs_without_the_forms(people):
    status, html = page_for(people.reviewer, people.project)
    assert status == 200
    assert 'data-can-run="false"' in html
    assert "Only the project's managers run suggesters" in html
    assert "Run the quote aligner" not in html
    assert 'id="runs-table"' in html


def test_an_annotator_is_refused_with_the_reason(people):
    status, html = page_for(people.annotator, people.project)
    assert status == 403
    assert "managers and reviewers may see its suggesters" in html


def test_an_archived_project_shows_no_forms(people):
    project_archive(project=people.project)
    status, html = page_for(people.manager, people.project)
    assert status == 200
    assert "The project is archived" in html
    assert "Run the quote aligner" not in html


def test_the_project_home_links_the_page_for_managers_only(people):
    link = f'href="/projects/{people.project.pk}/suggesters/"'
    assert link in page_home(people.manager, people.project)
    assert link not in page_home(people.reviewer, people.project)


def page_home(user, project) -> str:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client.get(f"/projects/{project.pk}/").content.decode()


def test_the_run_control_names_its_project_story_and_suggester(people):
    html = render_to_string(
        "frontend/suggester_run_control.html", {"project": people.project, "story": people.story}
    )
    assert f'data-project-id="{people.project.pk}"' in html
    assert f'data-story-id="{people.story.pk}"' in html
    assert 'data-suggester="quote-aligner"' in html
    assert '<label for="aligner-run-replace">' in html
    assert 'src="/static/frontend/js/suggester_run_control.js"' in html


def workbench_for(user, people) -> str:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    url = f"/projects/{people.project.pk}/stories/{people.story.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_story_workbench_offers_the_run_control_to_managers_only(people):
    assert 'id="aligner-run-control"' in workbench_for(people.manager, people)
    assert 'id="aligner-run-control"' not in workbench_for(people.reviewer, people)
    project_archive(project=people.project)
    assert 'id="aligner-run-control"' not in workbench_for(people.manager, people)
