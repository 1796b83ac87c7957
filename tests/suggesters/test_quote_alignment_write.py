"""Writing the quote aligner's proposals as a model layer through the import's checked path
(annotations/services/quote_alignment.py), on the seed story."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from annotations.models import AnnotationSet, Relation, Span
from annotations.services.errors import ProjectArchived
from annotations.services.project_archive import project_archive
from annotations.services.projects import project_documents_add
from annotations.services.quote_alignment import QUOTE_ALIGNER, quote_alignment_write
from corpus.services import documents_import
from tests.factories import people_in_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_project(seeds_dir: Path):
    people = people_in_project(n_documents=0)
    files = [(path.name, path.read_bytes()) for path in sorted(seeds_dir.glob("*.txt"))]
    report = documents_import(files=files, story_name="Seed story")
    assert report.errors == []
    project_documents_add(project=people.project, documents=report.documents)
    return people, report.documents


def test_the_aligner_writes_claims_and_cross_document_links_as_a_model_layer(seed_project):
    people, documents = seed_project
    outcome = quote_alignment_write(
        project=people.project, story=documents[0].story, user=people.manager
    )
    assert outcome.ok, outcome.errors
    sets = AnnotationSet.objects.filter(project=people.project, kind="model")
    assert {s.model_name for s in sets} == {QUOTE_ALIGNER}
    assert sets.count() == 4  # Axios and Al Mayadeen, The Times of Israel and CNN
    spans = Span.objects.filter(annotation_set__in=sets)
    assert spans.count() == 28
    for span in spans.select_related("annotation_set__document"):
        assert span.label == "CLAIM"
        assert span.annotation_set.document.text[span.start : span.end] == span.text
    links = Relation.objects.filter(annotation_set__in=sets, type="SAME_CLAIM")
    assert links.count() == 14  # 13 shared quotes, 1 paraphrase
    assert all(
        link.source.annotation_set.document_id != link.target.annotation_set.document_id
        for link in links.select_related("source__annotation_set", "target__annotation_set")
    )


def test_running_it_again_reports_the_clash_and_writes_nothing(seed_project):
    people, documents = seed_project
    story = documents[0].story
    assert quote_alignment_write(project=people.project, story=story, user=people.manager).ok
    spans_before = Span.objects.filter(annotation_set__project=people.project).count()
    again = quote_alignment_write(project=people.project, story=story, user=people.manager)
    assert not again.ok
    assert Span.objects.filter(annotation_set__project=people.project).count() == spans_before


def test_the_command_writes_the_layer_and_says_what_it_wrote(seed_project):
    people, documents = seed_project
    out = StringIO()
    arguments = ["--project", str(people.project.pk), "--story", str(documents[0].story_id)]
    call_command("align_quotes", *arguments, stdout=out)
    assert "spans: 28" in out.getvalue()
    with pytest.raises(CommandError, match="nothing written"):
        call_command("align_quotes", *arguments, stdout=StringIO(), stderr=StringIO())


def test_the_command_refuses_an_unknown_story(seed_project):
    people, _documents = seed_project
    with pytest.raises(CommandError, match="no story with id 0"):
        call_command("align_quotes", "--project", str(people.project.pk), "--story", "0")


def test_an_archived_project_is_refused_and_gets_no_layer(seed_project):
    people, documents = seed_project
    project_archive(project=people.project)
    with pytest.raises(ProjectArchived):
        quote_alignment_write(project=people.project, story=documents[0].story, user=None)
    assert not AnnotationSet.objects.filter(project=people.project, kind="model").exists()
