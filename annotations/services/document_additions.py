"""Documents added to a project from files (the Add documents page and
``POST /projects/{id}/documents/import/``): zips unpacked, the files imported into the corpus
(``corpus.services.documents_import``), every document they gave appended to the queue.

Nothing already annotated is changed: a text the project holds already is reused as it is
(its title, metadata and sets untouched) and reported ``in_project``."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from annotations.contracts import DocumentImportReport, Resemblance
from annotations.formats.archives import ZIP_MAGIC, upload_files
from annotations.models import Project
from annotations.selectors.imported_documents import documents_described, documents_held
from annotations.services.project_archive import project_writable
from annotations.services.projects import project_documents_add
from corpus.issues import Issue
from corpus.services import documents_import


def project_documents_import(
    *,
    project: Project,
    files: list[tuple[str, bytes]],
    fmt: str | None = None,
    story_name: str | None = None,
    clean: bool = True,
    reader: Any = None,
    details: bool = False,
) -> DocumentImportReport:
    """Import ``files`` (a zip's members in its place) and append every document they gave,
    new or already stored, to the project's queue. A stored text ``reader`` cannot read is
    stored again from the file (``document_writer``). ``details``: each document's outlet,
    story, date, zones, removed lines and look-alikes too (one more query). An archived
    project refuses (``ProjectArchived``)."""
    project_writable(project)
    unpacked, problems = _unpacked(files)
    report = documents_import(
        files=unpacked,
        fmt=fmt,
        story_name=story_name,
        clean=clean,
        reader=reader,
        project_id=project.pk,
    )
    report.errors[:0] = problems
    held = documents_held(project, (document.pk for document in report.documents))
    added = project_documents_add(project=project, documents=report.documents)
    body: Any = {**report.to_dict(), "added_to_project": added}
    for entry in body["documents"]:
        entry["in_project"] = entry["id"] in held
    if details:
        _details_add(body)
    return body


def _unpacked(files: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[Issue]]:
    """The files with each zip replaced by its members (``zip name/member path``); a zip
    that cannot be read safely is left out whole, with its problems."""
    limit = settings.CLAIMLENS_MAX_UPLOAD_BYTES * 4
    unpacked: list[tuple[str, bytes]] = []
    problems: list[Issue] = []
    for name, data in files:
        members, issues = upload_files(name, data, max_total=limit)
        problems.extend(issues)
        if not data.startswith(ZIP_MAGIC):
            unpacked.append((name, data))
        else:
            unpacked.extend((f"{name}/{member}", content) for member, content in members)
    return unpacked, problems


def _details_add(body: Any) -> None:
    """Each document's facts (``ImportedDocument``), and under each one the documents it
    resembles; removed lines only for the documents this import created."""
    pairs = body["near_duplicates"]
    ids = {entry["id"] for entry in body["documents"]}
    ids.update(pair["similar_to"] for pair in pairs)
    described = documents_described(ids)
    resembles: dict[int, list[Resemblance]] = {}
    for pair in pairs:
        other = described.get(pair["similar_to"])
        if other is None:
            continue
        resembles.setdefault(pair["document"], []).append(
            {
                "id": pair["similar_to"],
                "title": other["title"],
                "outlet": other["outlet"],
                "similarity": pair["similarity"],
            }
        )
    for entry in body["documents"]:
        facts = dict(described.get(entry["id"], {}))
        facts.pop("title", None)
        if not entry["created"]:
            facts["removed"] = []
        entry.update(facts, resembles=resembles.get(entry["id"], []))
