"""The demo project's source registry: its entries, and the demo layers' SOURCE spans that
name one of them linked to it (so the registry pages have work to show)."""

from __future__ import annotations

import pytest

from annotations.demo import demo_load
from annotations.models import SourceEntry, Span
from annotations.selectors.source_claims import source_claims

pytestmark = pytest.mark.django_db


def test_the_demo_links_its_sources_to_the_registry():
    project = demo_load().project
    assert SourceEntry.objects.filter(project=project).count() == 5
    marrow = SourceEntry.objects.get(project=project, name="Joel Marrow")
    linked = Span.objects.filter(annotation_set__project=project, attributes__entry=marrow.key)
    texts = sorted(set(linked.values_list("text", flat=True)))
    assert texts == [
        "Joel Marrow",
        "Joel Marrow, general secretary of the Porthaven Dockers’ Union",
    ]
    unnamed = Span.objects.filter(annotation_set__project=project, text="Officials").get()
    assert "entry" not in unnamed.attributes, "a vague source is left for a person to link"


def test_a_demo_annotators_claims_of_a_source_read_across_outlets():
    project = demo_load().project
    marrow = SourceEntry.objects.get(project=project, name="Joel Marrow")
    annotator = project.memberships.get(user__username="annotator1").user
    claims = source_claims(annotator, "annotator", project, marrow, "annotator:annotator1")
    assert claims["claims"], "annotator1's layer attributes claims to Joel Marrow"
    assert all(c["named_as"].startswith("Joel Marrow") for c in claims["claims"])
