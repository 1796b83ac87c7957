"""``GET /api/v1/projects/{id}/agreement/``: JSON keeping to its declared schema, CSV, filters,
errors, the cache, and who may see figures (the matrix is in
``tests/annotations/permission_cases_agreement.py``)."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator

from annotations.models import AgreementCache
from tests.agreement.conftest import ana_document_1, team_project, written
from tests.annotations.conftest import assert_error
from tests.annotations.test_openapi_contract import assert_keeps_to_its_schema

pytestmark = pytest.mark.django_db

PATH = "/api/v1/projects/{project_id}/agreement/"


def test_the_report_keeps_to_its_declared_schema(team, client_for):
    response = client_for(team.people.reviewer).get(team.url)
    assert response.status_code == 200, response.content
    api = SchemaGenerator().get_schema(request=None, public=True)
    assert_keeps_to_its_schema(api, PATH, "get", response)
    body = response.json()
    assert body["project"] == team.project.pk and body["documents"] == 2
    assert [m["measure"] for m in body["measures"]][:3] == [
        "spans.exact",
        "spans.tokens",
        "spans.overlap",
    ]


def test_filters_choose_measures_layers_documents_and_labels(team, client_for):
    manager = client_for(team.people.manager)
    body = manager.get(
        team.url,
        {
            "measure": "spans,stances.alpha",
            "layers": "annotator:annotator,annotator:other_annotator",
            "documents": str(team.people.documents[0].pk),
            "labels": "CLAIM,union",
        },
    ).json()
    assert [m["measure"] for m in body["measures"]] == [
        "spans.exact",
        "spans.tokens",
        "spans.overlap",
        "stances.alpha",
    ]
    assert body["layers"] == ["annotator:annotator", "annotator:other_annotator"]
    exact = body["measures"][0]
    assert [row["label"] for row in exact["labels"]] == ["CLAIM"]
    assert exact["value"] == 0.5  # claims: one of the two each marked is the same
    assert [d["title"] for d in exact["documents"]] == ["Minister"]
    assert [row["label"] for row in body["measures"][3]["labels"]] == ["union"]


def test_a_layer_is_evaluated_against_gold(team, client_for):
    body = (
        client_for(team.people.manager)
        .get(team.url, {"measure": "spans.exact", "layers": "model:rules", "against": "gold"})
        .json()
    )
    [pair] = body["measures"][0]["pairs"]
    assert (pair["a"], pair["b"], pair["precision"]) == ("gold", "model:rules", 0.8)


def test_csv_by_format_parameter_or_accept_header(team, client_for):
    reviewer = client_for(team.people.reviewer)
    by_parameter = reviewer.get(team.url, {"measure": "spans.exact", "format": "csv"})
    by_header = reviewer.get(team.url, {"measure": "spans.exact"}, HTTP_ACCEPT="text/csv")
    for response in (by_parameter, by_header):
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(by_parameter.content.decode())))
    json_report = reviewer.get(team.url, {"measure": "spans.exact"}).json()
    [overall] = [r for r in rows if r["section"] == "overall"]
    assert float(overall["value"]) == pytest.approx(json_report["measures"][0]["value"], abs=1e-6)
    sections = {r["section"] for r in rows}
    assert sections == {"overall", "pair", "label", "document", "trend"}
    assert by_header.content == by_parameter.content


def test_bad_parameters_are_refused_in_the_error_envelope_even_for_csv(team, client_for):
    manager = client_for(team.people.manager)
    unknown = assert_error(manager.get(team.url, {"measure": "nonsense"}), 400)
    assert "measure" in unknown["details"]
    layer = assert_error(manager.get(team.url, {"layers": "annotator:nobody"}), 400)
    assert "annotator:nobody" in layer["details"]["layers"]
    against = assert_error(manager.get(team.url, {"against": "model:none"}), 400)
    assert "against" in against["details"]
    iou = assert_error(manager.get(team.url, {"min_iou": "2", "format": "csv"}), 400)
    assert "min_iou" in iou["details"]
    assert_error(manager.get(team.url, {"documents": "1,x"}), 400)


def test_a_story_no_document_of_the_project_belongs_to_is_refused_naming_it(team, client_for):
    refused = assert_error(client_for(team.people.manager).get(team.url, {"story": 999999}), 400)
    assert "story" in refused["details"]


def test_a_story_id_beyond_64_bits_is_refused_not_a_server_error(team, client_for):
    manager = client_for(team.people.manager)
    refused = assert_error(manager.get(team.url, {"story": str(2**64)}), 400)
    assert "story" in refused["details"]


def test_a_second_request_is_served_from_the_cache_until_a_set_changes(team, client_for):
    reviewer = client_for(team.people.reviewer)
    first = reviewer.get(team.url, {"measure": "spans"}).json()
    with CaptureQueriesContext(connection) as queries:
        again = reviewer.get(team.url, {"measure": "spans"}).json()
    assert again == first
    assert len(queries) <= 8  # session, project and role, data version, cache lookup
    assert AgreementCache.objects.filter(project=team.project).count() == 1

    changed = ana_document_1()
    del changed["spans"][0]  # ana drops "The minister"
    changed["relations"] = [r for r in changed["relations"] if r["target"] != "s1"]
    written(team.sets["ana1"], changed)
    fresh = reviewer.get(team.url, {"measure": "spans"}).json()
    assert fresh["data_version"] != first["data_version"]
    assert fresh["measures"][0]["value"] != first["measures"][0]["value"]
    assert AgreementCache.objects.filter(project=team.project).count() == 1  # old one gone


def test_other_parameters_are_cached_apart(team, client_for):
    reviewer = client_for(team.people.reviewer)
    reviewer.get(team.url, {"measure": "spans"})
    reviewer.get(team.url, {"measure": "spans", "min_iou": "0.5"})
    assert AgreementCache.objects.filter(project=team.project).count() == 2


@pytest.mark.parametrize("blind", [True, False])
def test_annotators_never_see_figures_whether_the_project_is_blind_or_not(db, client_for, blind):
    team = team_project(blind=blind)
    for annotator in (team.people.annotator, team.people.other_annotator):
        error = assert_error(client_for(annotator).get(team.url), 403)
        assert "managers and reviewers" in error["message"]
        assert "measures" not in error["details"]
    assert_error(client_for(team.people.outsider).get(team.url), 404)


def test_options_asked_for_csv_describes_the_route_in_json(team, client_for):
    manager = client_for(team.people.manager)
    response = manager.options(f"{team.url}?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["name"]
