"""``manage.py add_documents``: the Add documents page's import from a shell."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from annotations.models import ProjectDocument
from annotations.services.project_archive import project_archive


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("add_documents", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_seed_folder_joins_the_queue_with_a_line_per_file(people, seeds_dir):
    out = _run(str(people.project.pk), str(seeds_dir), "--story", "Hostage talks")
    assert out.startswith(f"5 added to {people.project.name}: 5 new")
    assert "[Axios]" in out and "[Al Mayadeen]" in out
    assert out.count("resembles #") == 1
    assert ProjectDocument.objects.filter(project=people.project).count() == 3 + 5


def test_a_zip_is_read_and_a_text_already_held_is_kept(people, seeds_dir, tmp_path):
    archive = tmp_path / "seeds.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(seeds_dir.glob("*.txt"))[:2]:
            zipped.writestr(path.name, path.read_bytes())
    _run(str(people.project.pk), str(archive))
    again = _run(str(people.project.pk), str(archive))
    assert again.startswith(f"0 added to {people.project.name}: 0 new, 2 already stored")
    assert again.count(" kept [") == 2


def test_an_archived_project_or_an_unknown_one_is_refused(people, seeds_dir):
    with pytest.raises(CommandError, match="No project with id 0"):
        _run("0", str(seeds_dir))
    project_archive(project=people.project)
    with pytest.raises(CommandError, match="archived"):
        _run(str(people.project.pk), str(seeds_dir))
    assert ProjectDocument.objects.filter(project=people.project).count() == 3
