"""Whole-set writes through the API: ids, refs, cross-document links, stances, answers and
the checks that refuse bad payloads."""

from __future__ import annotations

from typing import Any

import pytest

from annotations.models import AnnotationSet, Span
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.projects import project_documents_add
from tests import factories
from tests.annotations.conftest import (
    Bench,
    assert_error,
    current,
    put_set,
    set_url,
    span_payload,
)

# --- whole-set writes -------------------------------------------------------------------


def test_spans_sent_with_their_id_keep_it_and_spans_left_out_are_deleted(bench, owner):
    text = bench.text
    kept = {
        "id": bench.claim.pk,
        "label": "CLAIM",
        "start": bench.claim.start,
        "end": bench.claim.end,
        "text": bench.claim.text,
        "attributes": {"quote_type": "indirect"},
    }
    response = put_set(owner, bench.aset, spans=[kept, span_payload(text, "CUE", "said")])
    assert response.status_code == 200, response.content
    spans = {s["text"]: s for s in response.json()["spans"]}
    assert set(spans) == {"the talks had stalled", "said"}
    assert spans["the talks had stalled"]["id"] == bench.claim.pk
    assert spans["the talks had stalled"]["attributes"] == {"quote_type": "indirect"}
    assert not Span.objects.filter(pk__in=[bench.source.pk, bench.source2.pk]).exists()
    assert response.json()["relations"] == []  # the relation's source span is gone


def test_an_id_from_another_set_is_refused(bench, owner, client_for):
    gold_span = {"id": bench.claim.pk, **span_payload(bench.text, "CLAIM", "talks")}
    response = client_for(bench.people.reviewer).put(
        set_url(bench.gold), {"version": current(bench.gold), "spans": [gold_span]}, format="json"
    )
    assert "spans[0].id" in assert_error(response, 400)["details"]


def test_refs_resolve_in_relations_and_stances(bench, owner):
    text = bench.text
    response = put_set(
        owner,
        bench.aset,
        spans=[
            span_payload(text, "CLAIM", "the talks had stalled", ref="claim"),
            span_payload(text, "SOURCE", "officials", ref="who"),
            span_payload(text, "CUE", "said", ref="cue"),
        ],
        relations=[
            {"type": "ATTRIBUTED_TO", "source": "claim", "target": "who"},
            {"type": "CUE_OF", "source": "cue", "target": "claim"},
        ],
        stances=[{"holder": "who", "object": "claim", "value": "favor"}],
    )
    assert response.status_code == 200, response.content
    body = response.json()
    ids = {s["text"]: s["id"] for s in body["spans"]}
    assert {(r["type"], r["source"], r["target"]) for r in body["relations"]} == {
        ("ATTRIBUTED_TO", ids["the talks had stalled"], ids["officials"]),
        ("CUE_OF", ids["said"], ids["the talks had stalled"]),
    }
    assert body["stances"] == [
        {
            "id": body["stances"][0]["id"],
            "holder": ids["officials"],
            "target": None,
            "object": ids["the talks had stalled"],
            "value": "favor",
            "provenance": None,
        }
    ]


def test_an_unknown_ref_is_refused_naming_the_relation_end(bench, owner):
    response = put_set(
        owner,
        bench.aset,
        spans=[span_payload(bench.text, "CLAIM", "talks", ref="c")],
        relations=[{"type": "ATTRIBUTED_TO", "source": "c", "target": "nobody"}],
    )
    assert "relations[0].target" in assert_error(response, 400)["details"]
    assert Span.objects.filter(pk=bench.source.pk).exists()  # nothing was written


def test_a_write_without_spans_keeps_the_spans(bench, client_for):
    client = client_for(bench.people.annotator)
    body = client.get(set_url(bench.aset)).json()
    response = client.put(
        set_url(bench.aset), {"version": body["version"], "stances": []}, format="json"
    )
    assert response.status_code == 200
    assert [s["id"] for s in response.json()["spans"]] == [s["id"] for s in body["spans"]]
    assert response.json()["relations"] == body["relations"]
    assert response.json()["stances"] == []


def test_the_answer_maps_refs_to_the_new_span_ids(bench, client_for):
    client = client_for(bench.people.annotator)
    body = client.get(set_url(bench.aset)).json()
    new = span_payload(bench.text, "CLAIM", "Document", ref="new-claim")
    response = client.put(
        set_url(bench.aset),
        {"version": body["version"], "spans": [*body["spans"], new]},
        format="json",
    )
    refs = response.json()["refs"]
    assert set(refs) == {"new-claim"}
    assert refs["new-claim"] in [s["id"] for s in response.json()["spans"]]


def second_document_set(bench: Bench, story: Any = None) -> AnnotationSet:
    people = bench.people
    document = people.documents[1]
    if story is not None:
        document = factories.DocumentFactory(story=story)
        project_documents_add(project=people.project, documents=[document])
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    return aset


def link_from_a_new_claim(owner: Any, other: AnnotationSet, rtype: str, target: Span) -> Any:
    """Write ``other`` with one new claim linked by ``rtype`` to ``target``."""
    return put_set(
        owner,
        other,
        spans=[span_payload(other.document.text, "CLAIM", "the talks had stalled", ref="c")],
        relations=[{"type": rtype, "source": "c", "target": target.pk}],
    )


def test_same_claim_may_link_a_claim_in_another_document_of_the_story(bench, owner):
    response = link_from_a_new_claim(owner, second_document_set(bench), "SAME_CLAIM", bench.claim)
    assert response.status_code == 200, response.content
    assert response.json()["relations"][0]["target"] == bench.claim.pk


def test_attributed_to_may_not_cross_documents(bench, owner):
    other = second_document_set(bench)
    response = link_from_a_new_claim(owner, other, "ATTRIBUTED_TO", bench.source)
    assert "relations[0].target" in assert_error(response, 400)["details"]


def test_same_claim_may_not_cross_stories(bench, owner):
    other = second_document_set(bench, story=factories.StoryFactory())
    response = link_from_a_new_claim(owner, other, "SAME_CLAIM", bench.claim)
    assert "relations[0].target" in assert_error(response, 400)["details"]


def test_same_claim_may_not_link_into_a_layer_of_another_author(bench, client_for):
    people = bench.people
    theirs, _ = annotation_set_open(
        project=people.project, document=people.documents[1], author=people.other_annotator
    )
    response = client_for(people.other_annotator).put(
        set_url(theirs),
        {
            "version": theirs.version,
            "spans": [span_payload(theirs.document.text, "CLAIM", "talks", ref="c")],
            "relations": [{"type": "SAME_CLAIM", "source": "c", "target": bench.claim.pk}],
        },
        format="json",
    )
    assert "relations[0].target" in assert_error(response, 400)["details"]


@pytest.mark.parametrize(
    "stance",
    [
        {"holder": None, "value": "favor"},
        {"holder": None, "object": "c", "target": "government", "value": "favor"},
    ],
    ids=["neither", "both"],
)
def test_a_stance_needs_exactly_one_of_target_or_object(bench, owner, stance):
    response = put_set(
        owner,
        bench.aset,
        spans=[span_payload(bench.text, "CLAIM", "talks", ref="c")],
        stances=[stance],
    )
    assert "stances[0].target" in assert_error(response, 400)["details"]


def test_a_stance_on_a_declared_target_is_accepted_and_an_undeclared_one_is_not(bench, owner):
    schema = bench.project.schema
    schema.definition["stance"]["targets"] = [{"key": "government", "name": "Government"}]
    schema.save()
    ok = put_set(owner, bench.aset, stances=[{"target": "government", "value": "against"}])
    assert ok.status_code == 200, ok.content
    assert ok.json()["stances"][0]["target"] == "government"
    bad = put_set(owner, bench.aset, stances=[{"target": "army", "value": "against"}])
    assert "stances[0].target" in assert_error(bad, 400)["details"]
    bad_value = put_set(owner, bench.aset, stances=[{"target": "government", "value": "meh"}])
    assert "stances[0].value" in assert_error(bad_value, 400)["details"]


def test_answers_are_validated_against_the_questions(bench, owner):
    schema = bench.project.schema
    schema.definition["stance"]["targets"] = [{"key": "government", "name": "Government"}]
    schema.save()
    ok = put_set(owner, bench.aset, answers={"framing": {"government": "critical"}})
    assert ok.status_code == 200, ok.content
    assert ok.json()["answers"] == {"framing": {"government": "critical"}}
    for answers, path in [
        ({"framing": "critical"}, "answers.framing"),
        ({"framing": {"government": "angry"}}, "answers.framing"),
        ({"mood": "x"}, "answers.mood"),
        (["framing"], "answers"),
    ]:
        response = put_set(owner, bench.aset, answers=answers)
        assert path in assert_error(response, 400)["details"], answers


def test_an_unknown_label_gets_400(bench, owner):
    response = put_set(owner, bench.aset, spans=[span_payload(bench.text, "OPINION", "talks")])
    error = assert_error(response, 400, "invalid")
    assert "spans[0].label" in error["details"]
    assert "spans[0].label" in error["message"]


def test_fragments_on_a_label_that_does_not_allow_them_get_400(bench, owner):
    text = bench.text
    a, b = text.index("minister"), text.index("officials")
    span = {
        "label": "SOURCE",
        "start": a,
        "end": b + 9,
        "fragments": [[a, a + 8], [b, b + 9]],
        "text": "minister officials",
    }
    assert (
        "spans[0].fragments"
        in assert_error(put_set(owner, bench.aset, spans=[span]), 400)["details"]
    )
    claim = {**span, "label": "CLAIM"}
    assert put_set(owner, bench.aset, spans=[claim]).status_code == 200


@pytest.mark.parametrize(
    ("content", "path"),
    [
        ({"spans": [{"label": ["CLAIM"], "start": 0, "end": 1, "text": "x"}]}, "spans[0].label"),
        ({"spans": [{"label": "CLAIM", "start": "0", "end": 1, "text": "x"}]}, "spans[0].start"),
        ({"spans": [{"label": "CLAIM", "start": 0, "end": 1}]}, "spans[0].text"),
        ({"spans": ["CLAIM"]}, "spans[0]"),
        ({"spans": {"label": "CLAIM"}}, "spans"),
        (
            {"relations": [{"type": ["ATTRIBUTED_TO"], "source": 1, "target": 2}]},
            "relations[0].type",
        ),
        ({"relations": "none"}, "relations"),
        ({"stances": [{"target": ["government"], "value": "favor"}]}, "stances[0].target"),
        ({"stances": [{"target": {"k": 1}, "value": "favor"}]}, "stances[0].target"),
        (
            {"spans": [{"label": "SOURCE", "start": 0, "end": 3, "text": "Doc", "attributes": []}]},
            "spans[0].attributes",
        ),
    ],
)
def test_malformed_rows_get_400_naming_the_path(bench, owner, content, path):
    error = assert_error(put_set(owner, bench.aset, **content), 400, "invalid")
    assert path in error["details"], error


@pytest.mark.parametrize("version", [None, "1", True, 1.0, [1]])
def test_a_whole_set_write_needs_an_integer_version(bench, owner, version):
    body = {"spans": []} if version is None else {"version": version, "spans": []}
    assert (
        "version"
        in assert_error(owner.put(set_url(bench.aset), body, format="json"), 400)["details"]
    )


def test_a_stale_whole_set_write_gets_409_and_changes_nothing(bench, owner):
    stale = current(bench.aset) - 1
    response = owner.put(set_url(bench.aset), {"version": stale, "spans": []}, format="json")
    error = assert_error(response, 409, "conflict")
    assert error["details"] == {"current_version": stale + 1}
    assert bench.aset.spans.count() == 3


def test_duplicate_relations_in_a_payload_get_400(bench, owner):
    rel = {"type": "ATTRIBUTED_TO", "source": bench.claim.pk, "target": bench.source.pk}
    spans = [
        {k: getattr(s, k) for k in ("id", "label", "start", "end", "text")}
        for s in (bench.claim, bench.source)
    ]
    error = assert_error(put_set(owner, bench.aset, spans=spans, relations=[rel, rel]), 400)
    assert "violates" not in str(error)  # no SQL leaks out


def test_a_json_array_body_gets_400(bench, owner):
    assert_error(owner.put(set_url(bench.aset), [1, 2], format="json"), 400, "invalid")


@pytest.mark.parametrize("url_of", [set_url, lambda a: f"/api/v1/sets/{a.pk}/spans/"])
def test_a_bad_json_body_gets_400_not_500(bench, owner, url_of):
    method = owner.put if url_of is set_url else owner.post
    response = method(
        url_of(bench.aset), b'{"version": 1, "spans": [', content_type="application/json"
    )
    assert_error(response, 400)


def test_a_form_encoded_body_gets_400_not_500(bench, owner):
    response = owner.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/",
        "label=CLAIM&start=0&end=3&text=Doc",
        content_type="application/x-www-form-urlencoded",
    )
    assert_error(response, 400)


def test_an_unsupported_media_type_gets_415_in_the_envelope(bench, owner):
    response = owner.put(set_url(bench.aset), b"hello", content_type="text/plain")
    assert_error(response, 415)
