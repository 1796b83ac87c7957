"""``manage.py import_sources``: a registry from a CSV file, all or nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from annotations.models import SourceEntry
from annotations.services.project_archive import project_archive
from annotations.services.sources import source_create

pytestmark = pytest.mark.django_db

GOOD = """name,kind,affiliation,aliases
Benjamin Netanyahu,named_person,Israel,Israeli Prime Minister|Bibi
Hamas,named_organisation,,the movement
"one U.S. official",anonymous_official,United States,
"""


def run(people, tmp_path, text: str, err: StringIO | None = None) -> str:
    path = tmp_path / "sources.csv"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    project = str(people.project.pk)
    call_command("import_sources", "--project", project, str(path), stdout=out, stderr=err)
    return out.getvalue()


def test_a_csv_fills_the_registry_with_kinds_affiliations_and_aliases(people, tmp_path):
    assert "3 entries created, 0 given aliases" in run(people, tmp_path, GOOD)
    netanyahu = SourceEntry.objects.get(project=people.project, key="benjamin-netanyahu")
    assert (netanyahu.kind, netanyahu.affiliation) == ("named_person", "Israel")
    assert sorted(a.alias for a in netanyahu.aliases.all()) == ["Bibi", "Israeli Prime Minister"]
    assert SourceEntry.objects.get(key="one-us-official").kind == "anonymous_official"


def test_a_row_naming_an_entry_the_project_has_adds_its_aliases(people, tmp_path):
    source_create(project=people.project, data={"name": "hamas", "affiliation": "Gaza"})
    assert "2 entries created, 1 given aliases" in run(people, tmp_path, GOOD)
    hamas = SourceEntry.objects.get(project=people.project, key="hamas")
    assert hamas.affiliation == "Gaza"
    assert [a.alias for a in hamas.aliases.all()] == ["the movement"]


def test_one_bad_row_writes_nothing_and_names_its_line(people, tmp_path):
    bad = GOOD + "Qatar,government,,\n"
    err = StringIO()
    with pytest.raises(CommandError, match="nothing imported: 1 problem"):
        run(people, tmp_path, bad, err)
    assert err.getvalue().startswith("line 5: kind: must be one of")
    assert not SourceEntry.objects.exists()


def test_unknown_columns_are_refused(people, tmp_path):
    with pytest.raises(CommandError):
        run(people, tmp_path, "name,side\nHamas,Gaza\n")


def test_an_archived_project_is_refused(people, tmp_path):
    project_archive(project=people.project)
    with pytest.raises(CommandError, match="archived"):
        run(people, tmp_path, GOOD)
