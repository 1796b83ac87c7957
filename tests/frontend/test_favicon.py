"""Every page names the site's icon, and the icon is a file the static files serve."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_login_page_links_the_svg_favicon_that_static_files_hold():
    html = Client().get("/login/").content.decode()
    link = re.search(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)">', html)
    assert link is not None
    assert link.group(1).endswith("frontend/img/favicon.svg")
    found = finders.find("frontend/img/favicon.svg")
    assert found is not None
    with open(found, encoding="utf-8") as icon:
        assert icon.read().lstrip().startswith("<svg")


def test_the_api_docs_page_shows_the_same_favicon(people):
    client = Client()
    client.force_login(people.manager)
    html = client.get("/api/docs/").content.decode()
    assert 'href="/static/frontend/img/favicon.svg"' in html
