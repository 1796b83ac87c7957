"""Restoring a set to one of its revisions ("restore this version").

The old contents go back through the whole-set write with the version the person loaded,
so a stale restore is a 409 like any stale write, everything is validated again (against
the schema as it is now), and the restore is itself recorded as a new revision.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from annotations.models import AnnotationSet, SetRevision, Span
from annotations.services.set_write import annotation_set_write


def restore_payload(aset: AnnotationSet, contents: dict[str, Any]) -> dict[str, Any]:
    """A whole-set payload that writes ``contents`` (a revision's) back. Spans the set still
    has keep their ids, so links from other documents into them stay; the others come back
    as new spans (ref ``r<old id>``), and relations and stances point at them by that ref.
    An end that is not a span of the revision is a span of another document (a link across
    the story) and is sent as it was."""
    spans = contents.get("spans") or []
    old_ids = {span["id"] for span in spans}
    still = set(
        Span.objects.filter(annotation_set=aset, pk__in=old_ids).values_list("pk", flat=True)
    )

    def end(span_id: Any) -> Any:
        return f"r{span_id}" if span_id in old_ids and span_id not in still else span_id

    def without_id(row: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in row.items() if key != "id"}

    def span_in(span: dict[str, Any]) -> dict[str, Any]:
        named = {"id": span["id"]} if span["id"] in still else {"ref": f"r{span['id']}"}
        return {**named, **without_id(span)}

    return {
        "spans": [span_in(span) for span in spans],
        "relations": [
            {**without_id(r), "source": end(r["source"]), "target": end(r["target"])}
            for r in contents.get("relations") or []
        ],
        "stances": [
            {**without_id(x), "holder": end(x["holder"]), "object": end(x["object"])}
            for x in contents.get("stances") or []
        ],
        "answers": contents.get("answers") or {},
    }


def set_revision_restore(
    *,
    annotation_set: AnnotationSet,
    revision: SetRevision,
    loaded_version: Any,
    writer: AbstractBaseUser,
) -> dict[str, int]:
    """Write ``revision`` of the set back, checked against ``loaded_version`` (the version
    the person has); returns the write's refs (``r<old id>`` -> new span id)."""
    payload = restore_payload(annotation_set, revision.contents)
    return annotation_set_write(
        annotation_set=annotation_set,
        data={"version": loaded_version, **payload},
        writer=writer,
    )
