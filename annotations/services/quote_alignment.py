"""Writing the quote aligner's proposals as a model layer (issue 14 §3).

``quote_alignment_write`` runs ``annotations.suggesters.quotes.align_quotes`` over the documents
of one story that a project holds and writes what it proposes (CLAIM spans, SAME_CLAIM links
across documents) as model sets named ``model_name``, through the import's checked path
(``records_import``): the same checks as any import, all or nothing, and a clash (the model's
layer already on a document) is reported as an error and writes nothing.
"""

from __future__ import annotations

from typing import Any

from annotations.formats.records import Record, RelationRecord, SetRecord, SpanRecord
from annotations.models import Project, ProjectDocument
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.imports.service import records_import
from annotations.services.project_archive import project_writable
from annotations.suggesters.quotes import AlignerSettings, Alignment, align_quotes
from corpus.models import Document, Story

QUOTE_ALIGNER = "quote-aligner"


def quote_alignment_records(
    documents: list[Document], alignment: Alignment, model_name: str
) -> list[Record]:
    """One document record per document with a proposed span, holding the model's set; a
    link is written once, on the set of its first span's document (the import links across
    documents of one story, so each record names its story)."""
    sets: dict[int, SetRecord] = {}
    for number, span in enumerate(alignment.spans):
        layer = sets.setdefault(
            span.document_id,
            {"kind": "model", "model_name": model_name, "spans": [], "relations": []},
        )
        record: SpanRecord = {
            "id": number,
            "label": "CLAIM",
            "start": span.start,
            "end": span.end,
            "text": span.text,
        }
        layer["spans"].append(record)
    for link in alignment.links:
        source, target = alignment.spans[link.source], alignment.spans[link.target]
        relation: RelationRecord = {
            "type": "SAME_CLAIM",
            "source": link.source,
            "target": link.target,
        }
        if target.document_id != source.document_id:
            relation["target_document"] = target.document_id
        sets[source.document_id]["relations"].append(relation)
    return [
        {
            "claimlens": "document",
            "id": doc.pk,
            "sha256": doc.sha256,
            "text": doc.text,
            "story": doc.story.name if doc.story else None,
            "sets": [sets[doc.pk]],
        }
        for doc in documents
        if doc.pk in sets
    ]


def quote_alignment_write(
    *,
    project: Project,
    story: Story,
    user: Any,
    model_name: str = QUOTE_ALIGNER,
    settings: AlignerSettings | None = None,
) -> ImportOutcome:
    """Align the quotes of ``story``'s documents in ``project`` and write them as model sets.
    Raises ProjectArchived for an archived project."""
    project_writable(project)
    documents = [
        row.document
        for row in ProjectDocument.objects.filter(project=project, document__story=story)
        .select_related("document__story")
        .order_by("document_id")
    ]
    alignment = align_quotes([(doc.pk, doc.text) for doc in documents], settings)
    records = quote_alignment_records(documents, alignment, model_name)
    outcome = ImportOutcome()
    if not records:
        return outcome
    # A model's sets name no people: nothing to add to the project.
    return records_import(
        project=project,
        user=user,
        header=None,
        documents=records,
        outcome=outcome,
        may_add_people=False,
    )
