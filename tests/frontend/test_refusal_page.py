"""A page refused to someone (403) says why in the site's layout, with the way back to their
projects, instead of the browser's bare "403 Forbidden"; the reason is shown as text. A
page of a project they are not in (404) says so in the same layout."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_annotator_refused_the_agreement_page_reads_why_and_the_way_back(people):
    client = Client()
    client.force_login(people.annotator)
    page = client.get(f"/projects/{people.project.pk}/agreement/")

    assert page.status_code == 403
    html = page.content.decode()
    assert "Only the project&#x27;s managers and reviewers may see agreement figures." in html
    assert 'href="/"' in html and "Your projects" in html
    assert "Log out" in html


def test_someone_outside_the_project_gets_not_found_in_the_sites_layout(people):
    client = Client()
    client.force_login(people.outsider)
    page = client.get(f"/projects/{people.project.pk}/curate/")

    assert page.status_code == 404
    html = page.content.decode()
    assert "There is no such page, or it belongs to a project you are not a member of." in html
    assert 'href="/"' in html and "Your projects" in html
