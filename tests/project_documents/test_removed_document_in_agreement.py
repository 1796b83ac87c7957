"""A removed document's sets leave the agreement figures: its annotators' submitted sets and
its model layer (suggestions) alike."""

from __future__ import annotations

from annotations.models import SetKind
from annotations.selectors.agreement import LayerFilters, agreement_layers
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.project_documents import project_document_remove


def test_a_removed_documents_sets_and_model_layer_leave_agreement(people):
    removed, kept = people.documents[:2]
    for document in (removed, kept):
        aset, _ = annotation_set_open(
            project=people.project, document=document, author=people.annotator
        )
        annotation_set_submit(annotation_set=aset)
        annotation_set_open(
            project=people.project,
            document=document,
            author=None,
            kind=SetKind.MODEL,
            model_name="rules",
        )
    before = agreement_layers(people.project, LayerFilters())
    assert {d for layer in before.layers.values() for d in layer} == {removed.pk, kept.pk}

    project_document_remove(project=people.project, document_id=removed.pk, confirm=True)

    after = agreement_layers(people.project, LayerFilters())
    assert {d for layer in after.layers.values() for d in layer} == {kept.pk}
