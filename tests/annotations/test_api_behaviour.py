"""The annotation API's behaviour: whole-set writes, fine-grained rows, submit and skip,
schema changes, the error envelope, token auth, search and the OpenAPI pages."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from annotations.models import AnnotationSet, ProjectDocument, Span
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.projects import project_create, project_documents_add
from tests import factories
from tests.annotations.conftest import Bench, assert_error, span_payload


def set_url(aset: AnnotationSet) -> str:
    return f"/api/v1/sets/{aset.pk}/"


def current(aset: AnnotationSet) -> int:
    return AnnotationSet.objects.get(pk=aset.pk).version


def put_set(client: Any, aset: AnnotationSet, **content: Any) -> Any:
    return client.put(set_url(aset), {"version": current(aset), **content}, format="json")


@pytest.fixture
def owner(bench: Bench, client_for: Any) -> Any:
    return client_for(bench.people.annotator)


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


def test_same_claim_may_link_a_claim_in_another_document_of_the_story(bench, owner):
    other = second_document_set(bench)
    text = other.document.text
    response = put_set(
        owner,
        other,
        spans=[span_payload(text, "CLAIM", "the talks had stalled", ref="c")],
        relations=[{"type": "SAME_CLAIM", "source": "c", "target": bench.claim.pk}],
    )
    assert response.status_code == 200, response.content
    assert response.json()["relations"][0]["target"] == bench.claim.pk


def test_attributed_to_may_not_cross_documents(bench, owner):
    other = second_document_set(bench)
    response = put_set(
        owner,
        other,
        spans=[span_payload(other.document.text, "CLAIM", "the talks had stalled", ref="c")],
        relations=[{"type": "ATTRIBUTED_TO", "source": "c", "target": bench.source.pk}],
    )
    assert "relations[0].target" in assert_error(response, 400)["details"]


def test_same_claim_may_not_cross_stories(bench, owner):
    other = second_document_set(bench, story=factories.StoryFactory())
    response = put_set(
        owner,
        other,
        spans=[span_payload(other.document.text, "CLAIM", "the talks had stalled", ref="c")],
        relations=[{"type": "SAME_CLAIM", "source": "c", "target": bench.claim.pk}],
    )
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


# --- fine-grained rows ------------------------------------------------------------------


def test_a_span_is_created_changed_and_deleted_one_at_a_time(bench, owner):
    v0 = current(bench.aset)
    created = owner.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/",
        {**span_payload(bench.text, "CUE", "said"), "version": v0},
        format="json",
    )
    assert created.status_code == 201, created.content
    span_id = created.json()["id"]
    assert current(bench.aset) == v0 + 1
    start = bench.text.index("officials")
    changed = owner.patch(
        f"/api/v1/spans/{span_id}/",
        {"start": start + 10, "end": start + 14, "text": "said"},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    assert (changed.json()["start"], changed.json()["text"]) == (start + 10, "said")
    mismatch = owner.patch(f"/api/v1/spans/{span_id}/", {"text": "SAID"}, format="json")
    assert "span.text" in assert_error(mismatch, 400)["details"]
    stale = owner.delete(f"/api/v1/spans/{span_id}/?version={v0}")
    assert_error(stale, 409)
    gone = owner.delete(f"/api/v1/spans/{span_id}/?version={current(bench.aset)}")
    assert gone.status_code == 204
    assert not Span.objects.filter(pk=span_id).exists()


@pytest.mark.parametrize("version", ["abc", "\u00b2", "-1", "1" * 30])
def test_a_malformed_version_query_gets_400(bench, owner, version):
    response = owner.delete(f"/api/v1/spans/{bench.source.pk}/?version={version}")
    assert "version" in assert_error(response, 400)["details"]
    assert Span.objects.filter(pk=bench.source.pk).exists()


@pytest.mark.parametrize("version", ["1", True, 2.5])
def test_a_fine_grained_write_with_a_non_integer_version_gets_400(bench, owner, version):
    response = owner.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/",
        {**span_payload(bench.text, "CUE", "said"), "version": version},
        format="json",
    )
    assert "version" in assert_error(response, 400)["details"]


def test_relations_and_stances_are_created_and_deleted_one_at_a_time(bench, owner):
    base = f"/api/v1/sets/{bench.aset.pk}"
    rel = {"type": "ATTRIBUTED_TO", "source": bench.claim.pk, "target": bench.source2.pk}
    created = owner.post(f"{base}/relations/", rel, format="json")
    assert created.status_code == 201, created.content
    assert_error(owner.post(f"{base}/relations/", rel, format="json"), 400)  # duplicate
    wrong_way = {"type": "ATTRIBUTED_TO", "source": bench.source.pk, "target": bench.claim.pk}
    assert (
        "relation.source"
        in assert_error(owner.post(f"{base}/relations/", wrong_way, format="json"), 400)["details"]
    )
    stance = {"holder": bench.source.pk, "object": bench.claim.pk, "value": "against"}
    made = owner.post(f"{base}/stances/", stance, format="json")
    assert made.status_code == 201, made.content
    assert_error(owner.post(f"{base}/stances/", stance, format="json"), 400)  # duplicate
    listed = owner.get(f"{base}/stances/").json()
    assert {s["value"] for s in listed} == {"neutral", "against"}
    assert owner.delete(f"/api/v1/relations/{created.json()['id']}/").status_code == 204
    assert owner.delete(f"/api/v1/stances/{made.json()['id']}/").status_code == 204
    assert len(owner.get(f"{base}/relations/").json()) == 1


# --- submit and skip --------------------------------------------------------------------


def test_submit_marks_the_set_submitted_and_counts_in_progress(bench, owner, client_for):
    response = owner.post(f"/api/v1/sets/{bench.aset.pk}/submit/")
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    assert response.json()["submitted_at"]
    progress = client_for(bench.people.manager).get(f"/api/v1/projects/{bench.project.pk}/")
    assert progress.json()["progress"]["sets_by_status"]["submitted"] == 1


def test_skip_frees_the_queue_slot_for_another_annotator(people, client_for):
    project = people.project
    project.annotators_per_document = 1
    project.save()
    ProjectDocument.objects.filter(project=project).exclude(document=people.documents[0]).delete()
    queue = f"/api/v1/projects/{project.pk}/queue/next/"
    mine = client_for(people.annotator).get(queue)
    assert mine.status_code == 200
    assert client_for(people.other_annotator).get(queue).status_code == 204
    skipped = client_for(people.annotator).post(f"/api/v1/sets/{mine.json()['id']}/skip/")
    assert skipped.json()["status"] == "skipped"
    theirs = client_for(people.other_annotator).get(queue)
    assert theirs.status_code == 200
    assert theirs.json()["document"] == mine.json()["document"]
    assert client_for(people.annotator).get(queue).status_code == 204  # not given back


def test_only_an_annotators_set_can_be_skipped(bench, client_for):
    response = client_for(bench.people.reviewer).post(f"/api/v1/sets/{bench.gold.pk}/skip/")
    assert_error(response, 400)


def test_opening_a_set_on_a_document_outside_the_project_gets_400(bench, owner):
    stray = factories.DocumentFactory()
    response = owner.post(
        "/api/v1/sets/", {"project": bench.project.pk, "document": stray.pk}, format="json"
    )
    assert "document" in assert_error(response, 400)["details"]


# --- schema ------------------------------------------------------------------------------


def test_the_schema_cannot_drop_a_label_still_in_use(bench, client_for):
    manager = client_for(bench.people.manager)
    url = f"/api/v1/projects/{bench.project.pk}/schema/"
    definition = copy.deepcopy(bench.project.schema.definition)
    definition["span_labels"] = [x for x in definition["span_labels"] if x["key"] != "SOURCE"]
    for rel in definition["relation_types"]:
        rel["from_labels"] = [x for x in rel["from_labels"] if x != "SOURCE"] or ["CLAIM"]
        rel["to_labels"] = [x for x in rel["to_labels"] if x != "SOURCE"] or ["CLAIM"]
    definition["stance"]["holder_labels"] = []
    error = assert_error(manager.put(url, definition, format="json"), 400)
    assert "span_labels" in error["details"]
    assert "SOURCE" in error["details"]["span_labels"]
    unused = copy.deepcopy(bench.project.schema.definition)
    unused["span_labels"] = [x for x in unused["span_labels"] if x["key"] != "CUE"]
    unused["relation_types"] = [r for r in unused["relation_types"] if r["key"] != "CUE_OF"]
    assert manager.put(url, unused, format="json").status_code == 200


@pytest.mark.parametrize(
    ("definition", "path"),
    [
        (
            {"span_labels": [{"key": "A", "attributes": [{"key": ["x"], "type": "bool"}]}]},
            "span_labels[0].attributes[0].key",
        ),
        ({"span_labels": "CLAIM"}, "span_labels"),
        ([1, 2], ""),
    ],
)
def test_an_invalid_schema_gets_400_naming_the_path(bench, client_for, definition, path):
    response = client_for(bench.people.manager).put(
        f"/api/v1/projects/{bench.project.pk}/schema/", definition, format="json"
    )
    error = assert_error(response, 400)
    assert path in error["details"]["schema"], error


def test_a_project_created_with_a_bad_schema_gets_400(client_for, people):
    response = client_for(people.manager).post(
        "/api/v1/projects/", {"name": "x", "schema": {"span_labels": []}}, format="json"
    )
    assert "span_labels" in assert_error(response, 400)["details"]["schema"]


# --- envelope, auth, search, docs --------------------------------------------------------


def test_an_unknown_api_url_gets_404_in_the_envelope(client_for, people):
    assert_error(client_for(people.manager).get("/api/v1/nothing-here/"), 404, "not_found")


def test_a_wrong_method_gets_405_in_the_envelope(bench, owner):
    assert_error(owner.delete("/api/v1/projects/"), 405)


def test_serializer_errors_name_the_field(people, client_for):
    response = client_for(people.manager).post(
        f"/api/v1/projects/{people.project.pk}/members/", {"username": "x"}, format="json"
    )
    error = assert_error(response, 400, "invalid")
    assert "role" in error["details"]


@pytest.mark.parametrize(
    "query",
    [
        "annotator=%00",
        "status=a%00b",
        "document=%C2%B2",
        "document=99999999999999999999999",
        "project=abc",
    ],
)
def test_hostile_query_parameters_get_400_not_500(bench, owner, query):
    base = "" if query.startswith("project=") else f"project={bench.project.pk}&"
    assert_error(owner.get(f"/api/v1/sets/?{base}{query}"), 400)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/documents/?outlet=%00",
        "/api/v1/documents/?q=%00",
        "/api/v1/documents/?story=%C2%B2",
        "/api/v1/projects/{project}/documents/?story=%C2%B2",
        "/api/v1/projects/{project}/documents/?outlet=a%00",
    ],
)
def test_hostile_document_filters_get_400_not_500(bench, owner, url):
    assert_error(owner.get(url.format(project=bench.project.pk)), 400)


def test_a_huge_id_in_the_path_gets_404(owner):
    assert_error(owner.get("/api/v1/projects/99999999999999999999999999/"), 404)
    assert_error(owner.get("/api/v1/spans/99999999999999999999999999/"), 404)


def test_a_huge_id_in_a_body_gets_a_4xx(bench, owner):
    response = owner.post("/api/v1/sets/", {"project": 10**30, "document": 10**30}, format="json")
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)


def test_a_nul_in_a_text_attribute_gets_400(bench, owner):
    span = span_payload(bench.text, "SOURCE", "minister", attributes={"side": "a\x00b"})
    assert (
        "spans[0].attributes"
        in assert_error(put_set(owner, bench.aset, spans=[span]), 400)["details"]
    )


def test_a_nul_in_relation_attributes_gets_400_not_500(bench, owner):
    rel = {
        "type": "ATTRIBUTED_TO",
        "source": bench.claim.pk,
        "target": bench.source2.pk,
        "attributes": {"note": "a\x00b"},
    }
    assert_error(owner.post(f"/api/v1/sets/{bench.aset.pk}/relations/", rel, format="json"), 400)


def test_a_token_from_the_token_endpoint_authenticates_scripts(people):
    from rest_framework.test import APIClient

    client = APIClient()
    issued = client.post(
        "/api/v1/auth/token/", {"username": "annotator", "password": "pw-for-tests"}, format="json"
    )
    assert issued.status_code == 200, issued.content
    token = issued.json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    listed = client.get("/api/v1/projects/")
    assert listed.status_code == 200
    assert [p["id"] for p in listed.json()["results"]] == [people.project.pk]
    again = APIClient().post(
        "/api/v1/auth/token/", {"username": "annotator", "password": "pw-for-tests"}, format="json"
    )
    assert again.json()["token"] == token


def test_a_wrong_password_or_token_gets_401(people):
    from rest_framework.test import APIClient

    wrong = APIClient().post(
        "/api/v1/auth/token/", {"username": "annotator", "password": "nope"}, format="json"
    )
    assert_error(wrong, 401)
    missing = APIClient().post("/api/v1/auth/token/", {"username": "annotator"}, format="json")
    assert "password" in assert_error(missing, 400)["details"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert_error(client.get("/api/v1/projects/"), 401)


def test_full_text_search_finds_project_documents_by_word(people, client_for):
    strike = factories.DocumentFactory(text="Dockers went on strike at the harbour on Monday.")
    project_documents_add(project=people.project, documents=[strike])
    url = f"/api/v1/projects/{people.project.pk}/documents/"
    client = client_for(people.annotator)
    found = client.get(url, {"q": "strikes"}).json()["results"]  # stemmed
    assert [d["id"] for d in found] == [strike.pk]
    assert len(client.get(url, {"q": "minister"}).json()["results"]) == 3
    assert client.get(url, {"q": "zebra"}).json()["results"] == []
    assert client.get(url, {"q": '"talks had" -strike'}).status_code == 200


def test_full_text_search_on_the_corpus_sees_only_visible_documents(people, client_for):
    outside = factories.DocumentFactory(text="A strike nobody in this project can see.")
    project_create(name="elsewhere", owner=people.outsider)
    found = client_for(people.annotator).get("/api/v1/documents/", {"q": "strike"})
    assert outside.pk not in [d["id"] for d in found.json()["results"]]


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/"])
def test_the_openapi_schema_and_swagger_ui_respond(client_for, people, url):
    response = client_for(people.annotator).get(url)
    assert response.status_code == 200
