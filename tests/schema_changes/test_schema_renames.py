"""Renaming a schema key moves every stored row of the project that names it, in one
transaction, and gives the sets whose rows moved a new version."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, DocumentAnswer, Relation, Span, Stance
from annotations.schema_renames import KeyRename
from annotations.services.errors import DomainError
from annotations.services.projects import project_create
from annotations.services.schema_changes import project_schema_change
from tests import factories


def rename(used, kind: str, old: str, new: str, label: str = ""):  # noqa: ANN001, ANN201
    return project_schema_change(project=used.project, renames=[KeyRename(kind, old, new, label)])


def test_renaming_a_label_moves_every_span_and_every_place_the_schema_names_it(used):
    schema = rename(used, "label", "CLAIM", "ASSERTION")
    labels = set(
        Span.objects.filter(annotation_set__project=used.project).values_list("label", flat=True)
    )
    assert labels == {"ASSERTION", "SOURCE"}
    definition = schema.definition
    assert [label["key"] for label in definition["span_labels"]] == ["ASSERTION", "SOURCE", "CUE"]
    attributed = next(r for r in definition["relation_types"] if r["key"] == "ATTRIBUTED_TO")
    assert attributed["from_labels"] == ["ASSERTION"]
    assert definition["stance"]["object_labels"] == ["ASSERTION"]


def test_renaming_a_label_leaves_other_projects_alone(used):
    other = project_create(name="Elsewhere", owner=factories.UserFactory(username="elsewhere"))
    rename(used, "label", "CLAIM", "ASSERTION")
    other.refresh_from_db()
    assert "CLAIM" in [label["key"] for label in other.schema.definition["span_labels"]]


def test_renaming_an_attribute_moves_the_key_in_the_spans_of_its_label(used):
    rename(used, "attribute", "quote_type", "quotation", label="CLAIM")
    claim = Span.objects.get(annotation_set=used.aset, label="CLAIM")
    assert claim.attributes == {"quotation": "indirect"}
    keys = [a["key"] for a in used.project.schema.definition["span_labels"][0]["attributes"]]
    assert keys == ["quotation", "check_worthy"]


def test_renaming_a_relation_type_moves_the_relations(used):
    rename(used, "relation_type", "ATTRIBUTED_TO", "SAID_BY")
    assert list(
        Relation.objects.filter(annotation_set=used.aset).values_list("type", flat=True)
    ) == ["SAID_BY"]


def test_renaming_a_stance_target_moves_the_stances_and_the_per_target_answers(used):
    rename(used, "stance_target", "union", "dockers")
    assert set(
        Stance.objects.filter(annotation_set=used.aset).values_list("target", flat=True)
    ) == {
        "dockers",
        "",
    }
    assert DocumentAnswer.objects.get(annotation_set=used.aset).value == {"dockers": "critical"}


def test_renaming_a_stance_value_keeps_its_place_in_the_order(used):
    schema = rename(used, "stance_value", "against", "opposed")
    assert schema.definition["stance"]["values"] == ["favor", "opposed", "neutral", "unclear"]
    assert set(Stance.objects.filter(annotation_set=used.aset).values_list("value", flat=True)) == {
        "opposed",
        "neutral",
    }


def test_renaming_a_question_moves_the_answers(used):
    rename(used, "question", "framing", "tone")
    assert DocumentAnswer.objects.get(annotation_set=used.aset).question == "tone"


def test_the_sets_whose_rows_moved_get_a_new_version_and_the_others_keep_theirs(used):
    before = {s.pk: s.version for s in AnnotationSet.objects.filter(project=used.project)}
    rename(used, "relation_type", "ATTRIBUTED_TO", "SAID_BY")
    after = {s.pk: s.version for s in AnnotationSet.objects.filter(project=used.project)}
    assert after[used.aset.pk] == before[used.aset.pk] + 1
    assert after[used.other.pk] == before[used.other.pk]


def test_a_rename_with_a_definition_stores_that_definition(used):
    definition = used.project.schema.definition
    definition["span_labels"][0]["key"] = "ASSERTION"
    definition["span_labels"][0]["name"] = "Assertion"
    for relation in definition["relation_types"]:
        relation["from_labels"] = [
            "ASSERTION" if x == "CLAIM" else x for x in relation["from_labels"]
        ]
        relation["to_labels"] = ["ASSERTION" if x == "CLAIM" else x for x in relation["to_labels"]]
    definition["stance"]["object_labels"] = ["ASSERTION"]
    schema = project_schema_change(
        project=used.project,
        definition=definition,
        renames=[KeyRename("label", "CLAIM", "ASSERTION")],
    )
    assert schema.definition["span_labels"][0]["name"] == "Assertion"
    assert Span.objects.filter(annotation_set=used.other, label="ASSERTION").count() == 1


@pytest.mark.parametrize(
    ("rename_", "field"),
    [
        (KeyRename("label", "NOPE", "OTHER"), "renames[0].old"),
        (KeyRename("label", "CLAIM", "SOURCE"), "renames[0].new"),
        (KeyRename("label", "CLAIM", "not a key"), "renames[0].new"),
        (KeyRename("attribute", "quote_type", "q", label="NOPE"), "renames[0].label"),
        (KeyRename("colour", "a", "b"), "renames[0].kind"),
        (KeyRename("stance_value", "against", "bad\x00"), "renames[0].new"),
    ],
)
def test_a_rename_that_cannot_be_made_is_refused_and_nothing_moves(used, rename_, field):
    with pytest.raises(DomainError) as refused:
        project_schema_change(project=used.project, renames=[rename_])
    assert field in refused.value.details
    assert Span.objects.filter(annotation_set=used.aset, label="CLAIM").count() == 1


def test_a_refused_definition_undoes_the_renames_before_it(used):
    definition = used.project.schema.definition
    definition["span_labels"] = [x for x in definition["span_labels"] if x["key"] != "SOURCE"]
    with pytest.raises(DomainError):
        project_schema_change(
            project=used.project,
            definition=definition,
            renames=[KeyRename("label", "CLAIM", "ASSERTION")],
        )
    assert Span.objects.filter(annotation_set=used.aset, label="CLAIM").count() == 1
    assert used.aset.version == AnnotationSet.objects.get(pk=used.aset.pk).version
