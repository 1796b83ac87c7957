"""The document import's report as the Add documents page reads it: per file, what each
document holds, what cleaning removed, which documents it resembles, and that a text the
project holds already (annotations and all) is left exactly as it was."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from annotations.models import AnnotationSet, ProjectDocument, Span
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.document_additions import _details_add, project_documents_import
from annotations.services.set_write import annotation_set_write
from corpus.models import Document


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _url(people) -> str:  # noqa: ANN001
    return f"/api/v1/projects/{people.project.pk}/documents/import/"


def _seeds(seeds_dir) -> list[SimpleUploadedFile]:  # noqa: ANN001
    return [_upload(p.name, p.read_bytes()) for p in sorted(seeds_dir.glob("*.txt"))]


def _add(people, client_for, files, **fields) -> dict:  # noqa: ANN001, ANN003
    response = client_for(people.manager).post(
        _url(people), {"files": files, **fields}, format="multipart"
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_with_details_each_seed_names_its_file_title_outlet_zones_and_removed_lines(
    people, client_for, seeds_dir
):
    body = _add(people, client_for, _seeds(seeds_dir), story="Hostage talks", details="true")
    documents = body["documents"]
    assert [d["file"] for d in documents] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for document in documents:
        assert document["created"] and not document["in_project"]
        assert document["title"] and document["line"] is None
        assert document["story"] == "Hostage talks"
        assert document["zones"].get("body", 0) >= 1
        assert {"line", "rule", "text"} <= set(document["removed"][0])
    assert {"Axios", "Al Mayadeen"} <= {d["outlet"] for d in documents}
    removed = sum(len(d["removed"]) for d in documents)
    assert removed == body["removed_lines"]["total"]


def test_the_near_duplicate_pair_names_the_document_each_one_resembles(
    people, client_for, seeds_dir
):
    body = _add(people, client_for, _seeds(seeds_dir), story="Hostage talks", details="true")
    by_id = {d["id"]: d for d in body["documents"]}
    pairs = [(d, r) for d in body["documents"] for r in d["resembles"]]
    assert len(pairs) == len(body["near_duplicates"]) == 1
    document, resembled = pairs[0]
    assert {document["outlet"], resembled["outlet"]} == {"Axios", "Al Mayadeen"}
    assert resembled["title"] == by_id[resembled["id"]]["title"]
    assert 0.2 <= resembled["similarity"] <= 1


def test_without_details_the_report_stays_short(people, client_for, seeds_dir):
    body = _add(people, client_for, _seeds(seeds_dir))
    assert set(body["documents"][0]) == {"id", "title", "created", "in_project", "file", "line"}


def test_a_zip_of_the_seeds_adds_each_article_named_by_its_place_in_the_zip(
    people, client_for, seeds_dir
):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(seeds_dir.glob("*.txt")):
            archive.writestr(f"articles/{path.name}", path.read_bytes())
    body = _add(people, client_for, [_upload("seeds.zip", buffer.getvalue())])
    assert body["counts"]["created"] == 5 and body["added_to_project"] == 5
    assert body["documents"][0]["file"].startswith("seeds.zip/articles/")


def test_a_damaged_zip_is_reported_by_name_and_the_other_files_still_land(
    people, client_for, seeds_dir
):
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    files = [
        _upload("broken.zip", b"PK\x03\x04 not really a zip"),
        _upload(seed.name, seed.read_bytes()),
    ]
    body = _add(people, client_for, files)
    assert body["counts"]["created"] == 1
    assert body["errors"] and all("broken.zip" in e["file"] for e in body["errors"])
    assert body["counts"]["errors"] == len(body["errors"])


def test_re_adding_an_annotated_text_changes_nothing_and_says_it_is_in_the_project(
    people, client_for
):
    document = people.documents[0]
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    words = "The minister"
    start = document.text.index(words)
    annotation_set_write(
        annotation_set=aset,
        data={
            "version": 1,
            "spans": [
                {"label": "SOURCE", "start": start, "end": start + len(words), "text": words}
            ],
        },
    )
    annotation_set_submit(annotation_set=AnnotationSet.objects.get(pk=aset.pk))
    before_document = Document.objects.values().get(pk=document.pk)
    before_set = AnnotationSet.objects.values().get(pk=aset.pk)
    before_spans = list(Span.objects.filter(annotation_set=aset).values())
    before_queue = list(ProjectDocument.objects.filter(project=people.project).values())

    body = _add(
        people,
        client_for,
        [_upload("again.txt", document.text.encode())],
        story="Another story",
        clean="false",
        details="true",
    )

    assert body["counts"]["created"] == 0 and body["added_to_project"] == 0
    [entry] = body["documents"]
    assert (entry["id"], entry["created"], entry["in_project"]) == (document.pk, False, True)
    assert Document.objects.values().get(pk=document.pk) == before_document
    assert AnnotationSet.objects.values().get(pk=aset.pk) == before_set
    assert list(Span.objects.filter(annotation_set=aset).values()) == before_spans
    assert list(ProjectDocument.objects.filter(project=people.project).values()) == before_queue


def test_the_details_cost_one_query_whatever_the_number_of_documents(
    people, django_assert_num_queries
):
    lines = b"\n".join(
        f'{{"text": "Report {n}: the harbour road reopened on Friday, officials said."}}'.encode()
        for n in range(60)
    )
    body = project_documents_import(
        project=people.project, files=[("many.jsonl", lines)], reader=people.manager
    )
    assert len(body["documents"]) == 60
    with django_assert_num_queries(1):
        _details_add(body)
    assert all("zones" in entry for entry in body["documents"])
