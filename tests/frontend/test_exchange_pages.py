"""The import page (managers) and the export page (managers and reviewers)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "who, import_status, export_status",
    [
        ("manager", 200, 200),
        ("reviewer", 403, 200),
        ("annotator", 403, 403),
        ("other_annotator", 403, 403),
    ],
)
def test_who_opens_the_import_and_export_pages(people, who, import_status, export_status):
    client = client_as(getattr(people, who))
    assert client.get(f"/projects/{people.project.pk}/import/").status_code == import_status
    assert client.get(f"/projects/{people.project.pk}/export/").status_code == export_status


def test_the_project_home_links_to_them_for_those_who_may_use_them(people):
    home = f"/projects/{people.project.pk}/"
    importing = f'href="/projects/{people.project.pk}/import/"'
    exporting = f'href="/projects/{people.project.pk}/export/"'
    manager = client_as(people.manager).get(home).content.decode()
    reviewer = client_as(people.reviewer).get(home).content.decode()
    annotator = client_as(people.annotator).get(home).content.decode()
    assert importing in manager and exporting in manager
    assert importing not in reviewer and exporting in reviewer
    assert importing not in annotator and exporting not in annotator


def test_the_export_page_offers_the_projects_stories_and_outlets(people):
    html = client_as(people.manager).get(f"/projects/{people.project.pk}/export/").content.decode()
    assert f'<option value="{people.story.pk}">{people.story.name}</option>' in html
    outlet = people.documents[0].outlet
    assert f'<option value="{outlet.pk}">{outlet.name}</option>' in html
    assert '<script type="module" src="/static/frontend/js/project_export.js"></script>' in html
    assert " style=" not in html and "<script>" not in html
