"""Caps on how much a set holds and one request carries: past them a clear 400
``too_many_rows`` naming the limit, and nothing written."""

from __future__ import annotations

import orjson

from annotations.models import Span
from tests.annotations.conftest import assert_error, current, put_set, span_payload
from tests.exchange.helpers import imported


def spans(bench, n: int) -> list[dict]:  # noqa: ANN001
    return [span_payload(bench.text, "CUE", "said") for _ in range(n)]


def test_a_set_write_over_the_rows_per_request_cap_is_refused_before_it_is_checked(
    bench, owner, settings
):
    settings.CLAIMLENS_MAX_ROWS_PER_REQUEST = 5
    before = Span.objects.filter(annotation_set=bench.aset).count()
    response = put_set(owner, bench.aset, spans=spans(bench, 4), stances=[{}, {}])
    error = assert_error(response, 400)
    assert error["code"] == "too_many_rows"
    assert "carries 6 rows" in error["message"]
    assert "CLAIMLENS_MAX_ROWS_PER_REQUEST" in error["message"]
    assert error["details"] == {"spans": "4 rows", "stances": "2 rows"}
    assert Span.objects.filter(annotation_set=bench.aset).count() == before


def test_a_set_write_leaving_more_spans_than_a_set_holds_is_refused(bench, owner, settings):
    settings.CLAIMLENS_MAX_SPANS_PER_SET = 3
    error = assert_error(put_set(owner, bench.aset, spans=spans(bench, 4)), 400)
    assert error["code"] == "too_many_rows"
    assert "at most 3 spans" in error["message"]
    assert put_set(owner, bench.aset, spans=spans(bench, 3)).status_code == 200


def test_one_span_more_than_a_set_holds_is_refused(bench, owner, settings):
    held = Span.objects.filter(annotation_set=bench.aset).count()
    settings.CLAIMLENS_MAX_SPANS_PER_SET = held
    response = owner.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/",
        {**span_payload(bench.text, "CUE", "said"), "version": current(bench.aset)},
        format="json",
    )
    assert assert_error(response, 400)["code"] == "too_many_rows"
    assert Span.objects.filter(annotation_set=bench.aset).count() == held


def test_an_import_with_a_set_over_the_cap_imports_nothing_and_names_the_set(people, settings):
    settings.CLAIMLENS_MAX_SPANS_PER_SET = 2
    text = "Officials said it; the union said no; the port said later."
    spans = [
        {"id": i, "label": "CUE", "start": start, "end": start + 4, "text": "said"}
        for i, start in enumerate(i for i in range(len(text)) if text.startswith("said", i))
    ]
    record = {"text": text, "sets": [{"kind": "annotator", "author": "ana", "spans": spans}]}
    outcome = imported(people.project, people.manager, orjson.dumps(record) + b"\n")
    assert not outcome.ok
    assert [(e.line, e.message) for e in outcome.errors] == [
        (1, "sets[0].spans: 3 spans; a set holds at most 2 (CLAIMLENS_MAX_SPANS_PER_SET)")
    ]
