"""Shared steps of the exchange tests: export to bytes, import bytes, compare exports."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import orjson

from annotations.formats.records import ExportNotes
from annotations.models import AnnotationSet, Project, Span
from annotations.selectors.export import ExportFilters
from annotations.services.exports import export_chunks


def exported(project: Project, fmt: str = "jsonl", notes: ExportNotes | None = None, **filters):
    params = {k: str(v) for k, v in filters.items()}
    chunks = export_chunks(project, fmt, ExportFilters.parse(params), notes or ExportNotes())
    return b"".join(chunks)


def imported(project: Project, user: Any, data: bytes, fmt: str = "jsonl", name: str = "in.jsonl",
             **options: Any) -> Any:  # fmt: skip
    from annotations.services.imports import annotations_import

    return annotations_import(
        project=project, user=user, fmt=fmt, files=[(name, data)], options=options
    )


def lines(data: bytes) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in data.splitlines() if line.strip()]


def canonical(data: bytes) -> list[dict[str, Any]]:
    """The document records of a native export with server-specific ids replaced by where
    things are: a document by its text hash, a span by (document, layer, position)."""
    records = lines(data)[1:]
    by_id = {r["id"]: r["sha256"] for r in records}
    span_place: dict[int, tuple] = {}
    for record in records:
        for aset in record["sets"]:
            layer = (aset["kind"], aset["author"], aset["model_name"])
            for i, item in enumerate(aset["spans"]):
                span_place[item["id"]] = (record["sha256"], layer, i)
    out = []
    for record in records:
        record = {k: v for k, v in record.items() if k != "id"}
        for aset in record["sets"]:
            for item in aset["spans"]:
                item["id"] = span_place[item["id"]]
            for rel in aset["relations"]:
                rel["source"] = span_place[rel["source"]]
                rel["target"] = span_place[rel["target"]]
                if rel["target_document"] is not None:
                    rel["target_document"] = by_id[rel["target_document"]]
            for stance in aset["stances"]:
                for key in ("holder", "object"):
                    if stance[key] is not None:
                        stance[key] = span_place[stance[key]]
        out.append(record)
    return sorted(out, key=lambda r: r["sha256"])


def zipped(files: dict[str, str | bytes]) -> bytes:
    """A zip holding ``files`` (name -> text or bytes), as an upload of a brat project."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return buffer.getvalue()


def sets_stored() -> list[tuple[str, str, int]]:
    """(document title, author, number of spans) of every stored set, sorted."""
    return sorted(
        (s.document.title, s.author.username, Span.objects.filter(annotation_set=s).count())
        for s in AnnotationSet.objects.select_related("document", "author")
    )
