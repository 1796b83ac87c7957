"""The agreement report of a team's project (``tests/agreement/conftest.py``), figure by
figure against values worked out by hand; a layer against itself; a layer against gold."""

from __future__ import annotations

import pytest

from annotations.agreement.inputs import MEASURES, Options, expand_measures
from annotations.models import AnnotationSet
from annotations.selectors.agreement import LayerFilters
from annotations.services.agreement import agreement_report_for
from tests.agreement.conftest import ana_document_1, team_project, written

pytestmark = pytest.mark.django_db

ANA, BOB = "annotator:annotator", "annotator:other_annotator"
PEOPLE = LayerFilters(layers=(ANA, BOB))


def measures(project, filters=PEOPLE, **options) -> dict:  # noqa: ANN001
    report = agreement_report_for(project, filters, Options(**options))
    return {m["measure"]: m for m in report["measures"]}


def test_span_relation_and_attribution_f1_of_two_annotators(team):
    got = measures(team.project)
    # spans: ana 6 + 1, bob 5 + 1; exact 4 + 1 shared; by overlap the first claim too
    assert got["spans.exact"]["value"] == pytest.approx(10 / 13)
    assert got["spans.overlap"]["value"] == pytest.approx(12 / 13)
    [pair] = got["spans.exact"]["pairs"]
    assert (pair["a"], pair["b"], pair["matched"], pair["a_units"], pair["b_units"]) == (
        ANA, BOB, 5, 7, 6,
    )  # fmt: skip
    # relations: ana 4 + 1 link, bob 3 + 1; exact: the second attribution and the link
    assert got["relations.exact"]["value"] == pytest.approx(4 / 9)
    assert got["relations.overlap"]["value"] == pytest.approx(8 / 9)
    # attribution: ana 2 pairs + 2 triples, bob 2 pairs + 1 triple
    assert got["attribution.exact"]["value"] == pytest.approx(2 / 7)
    assert got["attribution.overlap"]["value"] == pytest.approx(6 / 7)
    labels = {row["label"]: row["value"] for row in got["attribution.overlap"]["labels"]}
    assert labels == {"pair": 1.0, "triple": pytest.approx(2 / 3)}


def test_figures_by_document_sorted_by_disagreement(team):
    got = measures(team.project)
    documents = got["spans.exact"]["documents"]
    assert [(d["title"], d["value"]) for d in documents] == [
        ("Minister", pytest.approx(8 / 11)),
        ("Port strike", 1.0),
    ]
    # nothing to attribute in the second document: undefined, listed last
    assert [d["value"] for d in got["attribution.exact"]["documents"]][-1] is None


def test_stance_kappa_and_alpha_on_the_two_stances(team):
    got = measures(team.project)
    # items: (Union leaders, union) favor/favor; (document, authority) against/neutral
    assert got["stances.cohen"]["value"] == pytest.approx(1 / 3)
    assert got["stances.alpha"]["value"] == pytest.approx(0.4)
    assert got["stances.fleiss"]["value"] == pytest.approx(0.2)
    assert got["stances.fleiss"]["pairs"] == []
    assert {row["label"] for row in got["stances.alpha"]["labels"]} == {"union", "authority"}


def test_attributes_pair_up_by_the_spans_matching(team):
    exact = measures(team.project, measures=("attributes.cohen",))["attributes.cohen"]
    overlap = measures(team.project, measures=("attributes.cohen",), match="overlap")
    assert [p["items"] for p in exact["pairs"]] == [1]  # the second claim only
    assert [p["items"] for p in overlap["attributes.cohen"]["pairs"]] == [2]
    assert exact["labels"][0]["label"] == "CLAIM.quote_type"


def test_cross_document_clusters(team):
    got = measures(team.project, measures=("links.pairwise", "links.bcubed"))
    assert got["links.pairwise"]["value"] == 1.0 and got["links.bcubed"]["value"] == 1.0
    assert got["links.pairwise"]["unit"] == "story"
    [story] = got["links.bcubed"]["documents"]
    assert story["document"] == team.people.story.pk
    labels = {row["label"]: row["value"] for row in got["links.pairwise"]["labels"]}
    assert labels == {"SAME_CLAIM": 1.0, "SAME_SOURCE": None}  # no SAME_SOURCE link at all


def test_a_layer_against_gold_gives_its_precision_and_recall(team):
    got = measures(
        team.project,
        LayerFilters(layers=("model:rules",)),
        against="gold",
        measures=expand_measures(["spans"]),
    )
    [pair] = got["spans.exact"]["pairs"]
    assert (pair["a"], pair["b"]) == ("gold", "model:rules")
    assert pair["precision"] == pytest.approx(4 / 5) and pair["recall"] == pytest.approx(4 / 6)
    assert pair["value"] == pytest.approx(8 / 11)


def test_every_measure_of_a_layer_with_an_identical_layer_is_one(db):
    team = team_project()
    same = ana_document_1()
    same["spans"][5]["attributes"] = {"quote_type": "direct"}  # two values: kappa is defined
    same["answers"] = {"framing": {"union": "sympathetic", "authority": "critical"}}
    for name in ("ana1", "bob1"):
        written(team.sets[name], same)
    ana2 = AnnotationSet.objects.get(pk=team.sets["ana2"].pk)
    bob2 = team.sets["bob2"]
    written(bob2, {"spans": [], "relations": []})
    written(ana2, {"spans": [], "relations": []})
    got = measures(team.project)
    for name in MEASURES:
        if name.startswith("answers"):
            assert got[name]["value"] in (1.0, None), name  # one answer per target
        elif name != "links.pairwise":
            assert got[name]["value"] == pytest.approx(1.0), name


def test_only_submitted_work_counts(team):
    from annotations.services.annotation_sets import annotation_set_open

    third = team.people.manager
    project = team.project
    project.annotators_per_document = 3
    project.save()
    aset, _ = annotation_set_open(project=project, document=team.people.documents[0], author=third)
    written(aset, ana_document_1())  # in progress, never submitted
    report = agreement_report_for(project, LayerFilters(), Options(measures=("spans.exact",)))
    assert "annotator:manager" not in report["layers"]
    assert set(report["layers"]) == {ANA, BOB, "gold", "model:rules"}


def test_alpha_is_ordinal_where_the_schema_orders_the_values(team):
    """Stances: (Union leaders, union) favor/favor, (document, authority) against/neutral.
    With against < neutral < favor ordered, alpha weighs a near miss less than nominal does."""
    import krippendorff
    import numpy as np

    from annotations.services.projects import project_schema_replace
    from tests.schemas import schema_with_targets

    nominal = measures(team.project, measures=("stances.alpha",))["stances.alpha"]
    schema = schema_with_targets()
    schema["stance"].update(values=["against", "neutral", "favor"], ordered=True)
    project_schema_replace(project=team.project, definition=schema)
    team.project.refresh_from_db()

    ordinal = measures(team.project, measures=("stances.alpha",))["stances.alpha"]
    coded = np.array([[2, 0], [2, 1]], dtype=float)  # layers x items, by the schema's order
    expected = krippendorff.alpha(
        reliability_data=coded, value_domain=[0, 1, 2], level_of_measurement="ordinal"
    )
    assert nominal["value"] == pytest.approx(0.4)
    assert ordinal["value"] == pytest.approx(expected)
    assert ordinal["value"] != pytest.approx(nominal["value"])
    assert [p["value"] for p in ordinal["pairs"]] == [pytest.approx(expected)]
