"""The source registry's pages as the server renders them: every member opens the registry
and a source's page; who may add and edit is carried for the script; a source's layer
picker offers only the layers the person may read (a blind project's annotator: their own)."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from annotations.services.project_archive import project_archive
from annotations.services.sources import source_create

pytestmark = pytest.mark.django_db


def page_of(user, url: str):  # noqa: ANN001, ANN201
    client = Client()
    client.force_login(user)
    return client.get(url)


def registry_url(people) -> str:  # noqa: ANN001
    return f"/projects/{people.project.pk}/sources/"


def source_url(people) -> str:  # noqa: ANN001
    entry = source_create(project=people.project, data={"name": "Ministry of Health"})
    return f"{registry_url(people)}{entry.pk}/"


def layers_offered(html: str) -> list[str]:
    found = re.search(r'<script id="source-layers" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


@pytest.mark.parametrize(
    ("who", "can_add", "can_edit"),
    [
        ("manager", "true", "true"),
        ("reviewer", "true", "true"),
        ("annotator", "true", "false"),
    ],
)
def test_every_member_opens_the_registry_and_the_page_says_what_they_may_change(
    people, who, can_add, can_edit
):
    response = page_of(getattr(people, who), registry_url(people))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-can-add="{can_add}"' in html
    assert f'data-can-edit="{can_edit}"' in html
    assert ('id="source-dialog"' in html) == (can_edit == "true")
    assert 'id="source-add"' in html


def test_an_archived_project_offers_no_add_form_and_no_edits(people):
    project_archive(project=people.project)
    html = page_of(people.manager, registry_url(people)).content.decode()
    assert 'id="source-add"' not in html
    assert 'id="source-dialog"' not in html
    assert 'data-can-edit="false"' in html
    assert "the registry is read-only" in html


def test_a_reviewer_reads_a_source_in_the_gold_layer_by_default(people):
    url = source_url(people)
    html = page_of(people.reviewer, url).content.decode()
    assert f'data-entry-id="{url.split("/")[-2]}"' in html
    assert 'data-layer="gold"' in html
    assert "gold" in layers_offered(html)


def test_a_blind_projects_annotator_is_offered_only_their_own_layer(people):
    assert people.project.blind
    html = page_of(people.annotator, source_url(people)).content.decode()
    assert 'data-layer="annotator:annotator"' in html
    assert layers_offered(html) == ["annotator:annotator"]


@pytest.mark.parametrize("who", ["manager", "annotator"])
def test_a_source_that_is_not_in_the_registry_is_not_found(people, who):
    assert page_of(getattr(people, who), f"{registry_url(people)}999999/").status_code == 404


def test_a_blind_projects_annotator_is_told_the_counts_are_of_their_own_spans(people):
    assert people.project.blind
    entry_url = source_url(people)
    annotator = page_of(people.annotator, registry_url(people)).content.decode()
    assert "Your linked spans" in annotator
    assert 'data-own-counts="true"' in page_of(people.annotator, entry_url).content.decode()
    reviewer = page_of(people.reviewer, registry_url(people)).content.decode()
    assert "Your linked spans" not in reviewer and "Linked spans" in reviewer
    assert 'data-own-counts="false"' in page_of(people.reviewer, entry_url).content.decode()


def test_the_project_home_links_the_registry_for_managers_and_reviewers(people):
    link = f'href="{registry_url(people)}"'
    assert link in page_of(people.reviewer, f"/projects/{people.project.pk}/").content.decode()


def test_the_pages_load_their_modules_and_have_no_inline_script_or_style(people):
    for url, module in [
        (registry_url(people), "frontend/js/sources.js"),
        (source_url(people), "frontend/js/source_page.js"),
    ]:
        html = page_of(people.manager, url).content.decode()
        assert f'<script type="module" src="/static/{module}"></script>' in html
        assert "<script>" not in html
        assert " style=" not in html
