"""Native JSONL is lossless: export a project, import it into an empty one, export again."""

from __future__ import annotations

import orjson
import pytest

from annotations.models import AnnotationSet, Comment, Membership, Project, Role, Span
from annotations.services.projects import project_create
from corpus.models import Document
from tests.exchange.helpers import canonical, exported, imported, lines
from tests.factories import people_importer

pytestmark = pytest.mark.django_db


def test_the_export_starts_with_the_project_and_has_a_line_per_document(annotated):
    records = lines(exported(annotated.project))
    header, documents = records[0], records[1:]
    assert header["claimlens"] == "project"
    assert header["schema"] == annotated.project.schema.definition
    assert {"username": "annotator", "role": "annotator"} in header["members"]
    assert [d["text"] for d in documents] == annotated.texts
    first = documents[0]
    layers = [(s["kind"], s["author"], s["model_name"]) for s in first["sets"]]
    assert layers == [
        ("gold", "reviewer", None),
        ("annotator", "annotator", None),
        ("annotator", "other_annotator", None),
        ("model", None, "claim-tagger-v1"),
    ]
    spans = first["sets"][1]["spans"]
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)
    [claim] = [s for s in spans if s["label"] == "CLAIM"]
    assert len(claim["fragments"]) == 2
    assert claim["text"] == "the dock workers' strike would end soon"


def test_a_link_across_documents_names_the_other_document(annotated):
    second = lines(exported(annotated.project))[2]
    same_claim = [r for r in second["sets"][0]["relations"] if r["type"] == "SAME_CLAIM"][0]
    assert same_claim["target_document"] == annotated.people.documents[0].pk


def test_importing_an_export_into_an_empty_project_reproduces_it(annotated):
    before = exported(annotated.project)
    # Remove the project and its documents: the import must bring everything back.
    Project.objects.filter(pk=annotated.project.pk).delete()
    Document.objects.filter(pk__in=[d.pk for d in annotated.people.documents]).delete()
    owner = people_importer("new-owner")
    target = project_create(name="Copy", owner=owner)

    outcome = imported(target, owner, before)

    assert outcome.ok, outcome.errors
    assert outcome.schema_replaced
    assert outcome.counts["documents_created"] == 2
    after = exported(Project.objects.get(pk=target.pk))
    assert canonical(after) == canonical(before)
    header_before, header_after = lines(before)[0], lines(after)[0]
    assert header_after["schema"] == header_before["schema"]
    for field in ("description", "guidelines", "blind", "annotators_per_document"):
        assert header_after["project"][field] == header_before["project"][field]
    # Everyone comes back, as an annotator: an import never gives a role above that.
    roles_after = {m["username"]: m["role"] for m in header_after["members"]}
    for member in header_before["members"]:
        assert roles_after[member["username"]] == "annotator"


def test_importing_into_a_project_of_the_same_server_reuses_the_documents(annotated):
    data = exported(annotated.project)
    owner = people_importer("copier")
    target = project_create(name="Copy", owner=owner)
    # a member of the source project can read its documents, so they are reused
    Membership.objects.create(project=annotated.project, user=owner, role=Role.REVIEWER)
    documents_before = Document.objects.count()

    outcome = imported(target, owner, data)

    assert outcome.ok, outcome.errors
    assert outcome.counts["documents_existing"] == 2
    assert Document.objects.count() == documents_before
    assert canonical(exported(Project.objects.get(pk=target.pk))) == canonical(data)


def test_a_second_import_of_the_same_file_is_refused_whole(annotated):
    data = exported(annotated.project)
    owner = people_importer("copier")
    target = project_create(name="Copy", owner=owner)
    assert imported(target, owner, data).ok
    spans = Span.objects.filter(annotation_set__project=target).count()

    again = imported(target, owner, data)

    assert not again.ok
    assert "already has a annotator set" in again.errors[0].message or "already has" in str(
        again.errors[0]
    )
    assert Span.objects.filter(annotation_set__project=target).count() == spans


def test_users_named_in_the_file_are_created_without_a_password(annotated):
    data = exported(annotated.project)
    records = lines(data)
    for record in records[1:]:
        for aset in record["sets"]:
            if aset["author"] == "other_annotator":
                aset["author"] = "newcomer"
    data = b"\n".join(orjson.dumps(r) for r in records)
    owner = people_importer("copier")
    target = project_create(name="Copy", owner=owner)

    outcome = imported(target, owner, data)

    assert outcome.ok, outcome.errors
    assert outcome.users_created == ["newcomer"]
    newcomer = Membership.objects.get(project=target, user__username="newcomer").user
    assert not newcomer.has_usable_password()
    assert AnnotationSet.objects.filter(project=target, author=newcomer).count() == 1


def as_version_1(data: bytes) -> bytes:
    """A native export as version 1 wrote it: sets name ``annotator`` and ``model``."""
    header, *records = lines(data)
    header["version"] = 1
    for record in records:
        for aset in record["sets"]:
            aset["annotator"] = aset.pop("author")
            aset["model"] = aset.pop("model_name")
    return b"\n".join(orjson.dumps(line) for line in [header, *records])


def test_a_version_1_file_imports_with_its_authors_and_model_names(annotated):
    before = exported(annotated.project)
    owner = people_importer("copier")
    target = project_create(name="Copy", owner=owner)

    outcome = imported(target, owner, as_version_1(before))

    assert outcome.ok, outcome.errors
    assert canonical(exported(Project.objects.get(pk=target.pk))) == canonical(before)
    layers = AnnotationSet.objects.filter(project=target).values_list(
        "kind", "author__username", "model_name"
    )
    assert sorted(layers) == [
        ("annotator", "annotator", ""),
        ("annotator", "annotator", ""),
        ("annotator", "other_annotator", ""),
        ("gold", "reviewer", ""),
        ("model", None, "claim-tagger-v1"),
    ]


def test_the_export_writes_the_current_version_with_author_and_model_name(annotated):
    header, *records = lines(exported(annotated.project))
    assert header["version"] == 2
    for record in records:
        for aset in record["sets"]:
            assert "author" in aset and "model_name" in aset
            assert "annotator" not in aset and "model" not in aset


def test_the_database_export_writes_exactly_the_declared_record_shapes(annotated):
    """The SQL that builds records (selectors/export.py) and the declared types
    (formats/records.py) name the same keys: a field added to one fails here."""
    from typing import get_type_hints

    from annotations.formats import records as shapes

    def keys(shape: type) -> set[str]:
        return set(get_type_hints(shape))

    header, *documents = lines(exported(annotated.project))
    assert set(header) == keys(shapes.Header)
    assert set(header["project"]) == keys(shapes.ProjectSettings)
    assert all(set(member) == keys(shapes.Member) for member in header["members"])
    kinds = {"spans": shapes.SpanRecord, "relations": shapes.RelationRecord,
             "stances": shapes.StanceRecord}  # fmt: skip
    seen = set()
    for record in documents:
        assert set(record) == keys(shapes.DocumentRecord)
        if record["outlet"] is not None:
            assert set(record["outlet"]) == keys(shapes.Outlet)
        for aset in record["sets"]:
            assert set(aset) == keys(shapes.SetRecord)
            for part, shape in kinds.items():
                for item in aset[part]:
                    assert set(item) == keys(shape), part
                    seen.add(part)
    assert seen == set(kinds)  # the fixture has every kind of row


def test_comment_threads_travel_with_their_set_and_document_and_an_import_says_it_leaves_them(
    annotated,
):
    people = annotated.people
    document = people.documents[0]
    aset = AnnotationSet.objects.get(document=document, author=people.annotator)
    claim = aset.spans.get(label="CLAIM")
    relation = aset.relations.first()
    on = {"project": people.project, "document": document, "author": people.reviewer}
    Comment.objects.create(**on, annotation_set=aset, span=claim, text="Longer claim?")
    Comment.objects.create(**on, annotation_set=aset, relation=relation, text="Right source?")
    Comment.objects.create(**on, annotation_set=aset, text="Good work overall.")
    Comment.objects.create(**on, text="Compare with the Ledger.")

    records = lines(exported(annotated.project))
    first = records[1]
    threads = {c["text"]: c for s in first["sets"] for c in s["comments"]}
    assert threads["Longer claim?"]["span"] == claim.pk
    assert threads["Right source?"]["relation"] == {
        "type": relation.type,
        "source": relation.source_id,
        "target": relation.target_id,
    }
    overall = threads["Good work overall."]
    assert (overall["author"], overall["span"], overall["relation"]) == ("reviewer", None, None)
    assert [c["text"] for c in first["comments"]] == ["Compare with the Ledger."]
    assert records[2]["comments"] == []

    owner = people_importer("copier")
    target = project_create(name="Copy", owner=owner)
    outcome = imported(target, owner, exported(annotated.project))
    assert outcome.ok, outcome.errors
    assert any("4 comments were not imported" in note.message for note in outcome.notes)
