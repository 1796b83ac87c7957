"""A source's claims across outlets (``GET .../sources/{id}/claims/?layer=``): on the seed
story, with the gold layer's SOURCE spans that name Netanyahu linked to one registry entry,
a researcher reads every claim attributed to him, by outlet then time, how each outlet
named him, and the cues; the layer rule (a blind project's annotator reads only their own
layer); a bounded number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.models import Relation, SetKind, Span
from annotations.services.sources import source_create
from tests.annotations.conftest import assert_error
from tests.factories import people_in_project
from tests.seed_story import seed_story_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    people = people_in_project(n_documents=0)
    story = seed_story_project(people.project, people.manager)
    entry = source_create(
        project=people.project,
        data={"name": "Benjamin Netanyahu", "kind": "named_person", "affiliation": "Israel"},
    )
    # The gold layer's SOURCE spans that name him, linked to the entry (set-up: the
    # workspace's linker does this in the browser).
    spans = Span.objects.filter(
        annotation_set__project=people.project,
        annotation_set__kind=SetKind.GOLD,
        label="SOURCE",
        text__icontains="netanyahu",
    )
    for span in spans:
        span.attributes = {**span.attributes, "entry": entry.key}
        span.save(update_fields=["attributes"])
    return people, story, entry, list(spans)


def url(people, entry, layer: str = "") -> str:
    query = f"?layer={layer}" if layer else ""
    return f"/api/v1/projects/{people.project.pk}/sources/{entry.pk}/claims/{query}"


def test_a_researcher_reads_every_claim_attributed_to_the_source_across_outlets(seed, client_for):
    people, _, entry, linked = seed
    expected = Relation.objects.filter(type="ATTRIBUTED_TO", target__in=linked)
    assert expected.count() >= 2, "the seed gold attributes claims to Netanyahu"
    body = client_for(people.reviewer).get(url(people, entry)).json()
    assert body["layer"] == "gold" and body["entry"]["key"] == entry.key
    assert body["entry"]["spans"] == len(linked)
    assert sorted(c["claim"]["span"] for c in body["claims"]) == sorted(
        r.source_id for r in expected
    )
    for claim in body["claims"]:
        assert "netanyahu" in claim["named_as"].lower()
        span = Span.objects.get(pk=claim["claim"]["span"])
        assert (claim["claim"]["text"], claim["claim"]["start"]) == (span.text, span.start)
        assert span.annotation_set.document_id == claim["document"]["id"]
    outlets = [c["document"]["outlet"] for c in body["claims"]]
    assert len(set(outlets)) >= 2, "several outlets report him"
    assert outlets == sorted(outlets, key=str.casefold), "ordered by outlet"


def test_how_each_outlet_named_the_source_is_counted_once_per_source_span(seed, client_for):
    people, _, entry, linked = seed
    body = client_for(people.manager).get(url(people, entry, "gold")).json()
    assert sum(row["count"] for row in body["named_as"]) == len(
        {c["source_span"] for c in body["claims"]}
    )
    assert all(row["outlet"] for row in body["named_as"])


def test_a_claim_with_a_cue_carries_its_text(seed, client_for):
    people, _, entry, _ = seed
    claims = client_for(people.manager).get(url(people, entry)).json()["claims"]
    cued = [c for c in claims if c["cue"]]
    assert cued, "the seed gold gives cues to claims attributed to him"
    for claim in cued:
        cue = Relation.objects.get(type="CUE_OF", target_id=claim["claim"]["span"]).source
        assert claim["cue"] == cue.text


def test_an_annotators_own_layer_is_empty_until_they_link_sources(seed, client_for):
    people, _, entry, _ = seed
    body = client_for(people.annotator).get(url(people, entry)).json()
    assert body["layer"] == "annotator:annotator" and body["claims"] == []


def test_a_blind_projects_annotator_may_not_read_the_gold_layer(seed, client_for):
    people, _, entry, _ = seed
    error = assert_error(client_for(people.annotator).get(url(people, entry, "gold")), 403)
    assert "blind" in error["message"]
    assert_error(client_for(people.outsider).get(url(people, entry)), 404)


def test_a_malformed_layer_is_a_400(seed, client_for):
    people, _, entry, _ = seed
    assert (
        "layer"
        in assert_error(client_for(people.manager).get(url(people, entry, "x")), 400)["details"]
    )


def test_the_claims_take_a_bounded_number_of_queries(seed, client_for):
    people, _, entry, _ = seed
    client = client_for(people.manager)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(people, entry)).status_code == 200
    assert len(queries) <= 12, [q["sql"][:120] for q in queries]
