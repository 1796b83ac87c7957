"""``manage.py run_suggester`` runs a suggester now, prints its progress and what it wrote, and
fails (non-zero exit, nothing written) with the reason."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from annotations.models import AnnotationSet, SuggesterRun
from annotations.services import attribution_layer
from annotations.services.project_archive import project_archive

pytestmark = pytest.mark.django_db


def run(*arguments: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("run_suggester", *arguments, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_runs_the_attribution_suggester_and_prints_progress_and_outcome(seed):
    out, _ = run("--project", str(seed.project.pk), "--suggester", "attribution")
    assert "attribution over 5 document(s), writing model:attribution" in out
    assert "documents done: 5 of 5" in out
    assert "written: sets: 5, spans:" in out
    assert SuggesterRun.objects.get().status == "done"


def test_it_runs_the_aligner_on_a_story_and_replaces_on_request(seed):
    arguments = ["--project", str(seed.project.pk), "--suggester", "quote-aligner"]
    out, _ = run(*arguments, "--story", str(seed.story.pk), "--model-name", "aligner-b")
    assert "writing model:aligner-b" in out
    with pytest.raises(CommandError, match="nothing written: The layer model:aligner-b"):
        run(*arguments, "--story", str(seed.story.pk), "--model-name", "aligner-b")
    out, _ = run(
        *arguments, "--story", str(seed.story.pk), "--model-name", "aligner-b", "--replace"
    )
    assert "written: sets:" in out


def test_the_aligner_without_a_story_is_refused(seed):
    with pytest.raises(CommandError, match="choose a story"):
        run("--project", str(seed.project.pk), "--suggester", "quote-aligner")


def test_a_failing_run_exits_non_zero_with_the_reason_and_writes_nothing(seed, monkeypatch):
    def broken(text):
        raise RuntimeError("the lexicon is missing")

    monkeypatch.setattr(attribution_layer, "suggest_attributions", broken)
    with pytest.raises(CommandError, match="RuntimeError: the lexicon is missing"):
        run("--project", str(seed.project.pk), "--suggester", "attribution")
    assert SuggesterRun.objects.get().status == "failed"
    assert not AnnotationSet.objects.filter(kind="model").exists()


def test_an_archived_project_and_unknown_ids_are_refused(seed):
    with pytest.raises(CommandError, match="no project with id 0"):
        run("--project", "0", "--suggester", "attribution")
    with pytest.raises(CommandError, match="no story with id 0"):
        run("--project", str(seed.project.pk), "--suggester", "quote-aligner", "--story", "0")
    project_archive(project=seed.project)
    with pytest.raises(CommandError, match="archived"):
        run("--project", str(seed.project.pk), "--suggester", "attribution")
