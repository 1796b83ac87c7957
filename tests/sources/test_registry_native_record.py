"""The source registry in the native record: the export's header carries the entries with
their aliases; an import creates the entries the project lacks before checking the sets, so
spans linking to them come across; a bad entry or an outsider's file is refused at the
header and nothing is written."""

from __future__ import annotations

import orjson

from annotations.models import Project, SourceEntry
from annotations.selectors.export import ExportFilters
from annotations.services.exports import export_stream
from annotations.services.imports.service import annotations_import, records_import
from annotations.services.projects import project_create
from annotations.services.sources import source_create
from tests.annotations.conftest import Bench, put_set, span_payload


def native_export(project: Project) -> bytes:
    return b"".join(export_stream(project, "jsonl", ExportFilters()))


def linked_project(bench: Bench, owner) -> bytes:
    source_create(
        project=bench.project,
        data={
            "name": "Israeli government",
            "kind": "named_organisation",
            "affiliation": "Israel",
            "aliases": ["the government", "Jerusalem"],
        },
    )
    span = span_payload(
        bench.text, "SOURCE", "minister", attributes={"entry": "israeli-government"}
    )
    assert put_set(owner, bench.aset, spans=[span]).status_code == 200
    return native_export(bench.project)


def test_the_export_header_carries_the_registry_with_aliases(bench, owner):
    header = orjson.loads(linked_project(bench, owner).splitlines()[0])
    assert header["sources"] == [
        {
            "key": "israeli-government",
            "name": "Israeli government",
            "kind": "named_organisation",
            "affiliation": "Israel",
            "aliases": ["Jerusalem", "the government"],
        }
    ]


def test_a_round_trip_brings_the_entries_and_the_links_into_a_new_project(bench, owner):
    exported = linked_project(bench, owner)
    fresh = project_create(name="Copy", owner=bench.people.manager)
    outcome = annotations_import(
        project=fresh,
        user=bench.people.manager,
        fmt="jsonl",
        files=[("project.jsonl", exported)],
        may_add_people=True,
    )
    assert outcome.ok, outcome.errors
    entry = SourceEntry.objects.get(project=fresh)
    assert (entry.key, entry.name, entry.kind, entry.affiliation) == (
        "israeli-government",
        "Israeli government",
        "named_organisation",
        "Israel",
    )
    assert sorted(a.alias for a in entry.aliases.all()) == ["Jerusalem", "the government"]
    again = orjson.loads(native_export(fresh).splitlines()[0])["sources"]
    assert again == orjson.loads(exported.splitlines()[0])["sources"]
    linked = [
        span
        for line in native_export(fresh).splitlines()[1:]
        for aset in orjson.loads(line)["sets"]
        for span in aset["spans"]
        if span["attributes"].get("entry")
    ]
    assert [(s["text"], s["attributes"]["entry"]) for s in linked] == [
        ("minister", "israeli-government")
    ]


def test_an_entry_the_project_has_is_left_as_it_is(bench, owner):
    exported = linked_project(bench, owner)
    fresh = project_create(name="Copy", owner=bench.people.manager)
    source_create(project=fresh, data={"name": "Government of Israel", "key": "israeli-government"})
    outcome = annotations_import(
        project=fresh,
        user=bench.people.manager,
        fmt="jsonl",
        files=[("project.jsonl", exported)],
        may_add_people=True,
    )
    assert outcome.ok, outcome.errors
    assert SourceEntry.objects.get(project=fresh).name == "Government of Israel"


def header_alone(bench: Bench, user, sources: object):
    """An import of a header bringing ``sources`` and no documents."""
    header = {"claimlens": "project", "version": 2, "sources": sources}
    return records_import(project=bench.project, user=user, header=header, documents=[])


def test_a_bad_entry_is_refused_at_the_header_and_nothing_is_written(bench):
    bad = [{"key": "ok", "name": "Fine"}, {"key": "not a slug", "name": "Bad"}]
    outcome = header_alone(bench, bench.people.manager, bad)
    assert [(e.file, e.message) for e in outcome.errors] == [
        ("header", "sources[1].key: must be a slug: letters, digits, - or _ (at most 64)")
    ]
    assert not SourceEntry.objects.filter(project=bench.project).exists()


def test_a_header_of_sources_alone_fills_the_registry(bench):
    entries = [{"key": "hamas", "name": "Hamas", "kind": "named_organisation", "aliases": []}]
    outcome = header_alone(bench, bench.people.manager, entries)
    assert outcome.ok, outcome.errors
    assert list(
        SourceEntry.objects.filter(project=bench.project).values_list("key", flat=True)
    ) == ["hamas"]


def test_someone_outside_the_project_may_not_bring_new_entries(bench):
    entries = [{"key": "hamas", "name": "Hamas"}]
    outcome = header_alone(bench, bench.people.outsider, entries)
    assert [e.message for e in outcome.errors] == [
        "the file brings source registry entries and you may not add entries to this project"
    ]
    assert not SourceEntry.objects.exists()
