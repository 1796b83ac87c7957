"""The protocol's answer checks (pure): a good answer becomes the model's set record; each
kind of bad answer is refused with a reason naming where it is wrong."""

from __future__ import annotations

import pytest

from annotations.recommender_protocol import (
    PROTOCOL,
    Asked,
    BadAnswer,
    answer_checked,
    request_payload,
)

TEXT = "The minister said the talks had stalled."
ASKED = Asked(
    labels=frozenset({"CLAIM", "SOURCE", "CUE"}),
    relation_types=frozenset({"CUE_OF", "ATTRIBUTED_TO"}),
    stances=True,
    stance_values=frozenset({"favor", "against"}),
)


def span(ref, label, phrase, **extra):
    start = TEXT.index(phrase)
    return {"id": ref, "label": label, "start": start, "end": start + len(phrase), **extra}


GOOD = {
    "spans": [
        span("c", "CLAIM", "the talks had stalled", text="the talks had stalled"),
        span("s", "SOURCE", "The minister"),
        span("q", "CUE", "said"),
    ],
    "relations": [
        {"type": "ATTRIBUTED_TO", "source": "c", "target": "s"},
        {"type": "CUE_OF", "source": "q", "target": "c"},
    ],
    "stances": [{"holder": "s", "object": "c", "value": "favor"}],
}


def refusal(answer, asked=ASKED) -> str:
    with pytest.raises(BadAnswer) as caught:
        answer_checked(answer, TEXT, asked, "ner")
    return caught.value.message


def test_the_request_names_the_protocol_the_document_and_what_may_be_proposed():
    payload = request_payload(
        project={"id": 1, "name": "P"},
        schema={"span_labels": []},
        document={"id": 7, "text": TEXT},
        asked=ASKED,
    )
    assert payload["protocol"] == PROTOCOL
    assert payload["document"]["text"] == TEXT
    assert payload["labels"] == ["CLAIM", "CUE", "SOURCE"]
    assert payload["relation_types"] == ["ATTRIBUTED_TO", "CUE_OF"]
    assert payload["stances"] is True


def test_a_good_answer_becomes_a_model_set_with_each_span_text_taken_from_the_document():
    layer = answer_checked(GOOD, TEXT, ASKED, "ner")
    assert layer["kind"] == "model" and layer["model_name"] == "ner"
    assert [(s["label"], s["text"]) for s in layer["spans"]] == [
        ("CLAIM", "the talks had stalled"),
        ("SOURCE", "The minister"),
        ("CUE", "said"),
    ]
    assert len(layer["relations"]) == 2
    assert layer["stances"] == [{"holder": "s", "object": "c", "target": None, "value": "favor"}]


def test_spans_without_ids_are_named_by_their_place_in_the_list():
    answer = {
        "spans": [
            {"label": "CLAIM", "start": 18, "end": 39},
            {"label": "CUE", "start": 13, "end": 17},
        ],
        "relations": [{"type": "CUE_OF", "source": 1, "target": 0}],
    }
    layer = answer_checked(answer, TEXT, ASKED, "ner")
    assert [s["id"] for s in layer["spans"]] == [0, 1]
    assert layer["spans"][1]["text"] == "said"


def test_a_discontinuous_span_keeps_its_fragments_and_their_joined_text():
    answer = {"spans": [{"id": 1, "label": "CLAIM", "fragments": [[0, 12], [18, 27]]}]}
    layer = answer_checked(answer, TEXT, ASKED, "ner")
    assert layer["spans"][0]["fragments"] == [[0, 12], [18, 27]]
    assert layer["spans"][0]["text"] == "The minister the talks"


def test_an_empty_answer_is_an_empty_set():
    assert answer_checked({}, TEXT, ASKED, "ner")["spans"] == []


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ([], "not a JSON object"),
        ({"spans": "many"}, "'spans' is not a list"),
        ({"spans": [span(1, "TOPIC", "said")]}, "spans[0]: label 'TOPIC' was not asked for"),
        ({"spans": [{"label": "CUE", "start": 30, "end": 99}]}, "spans[0]: offsets 30-99"),
        ({"spans": [{"label": "CUE", "start": "13", "end": 17}]}, "must be integers"),
        ({"spans": [span(1, "CUE", "said", text="says")]}, "'says' does not match the text"),
        (
            {"spans": [{"label": "CLAIM", "fragments": [[18, 27], [0, 12]]}]},
            "out of order",
        ),
        ({"spans": [span(1, "CUE", "said"), span(1, "SOURCE", "The minister")]}, "given twice"),
        (
            {
                "spans": [span(1, "CUE", "said")],
                "relations": [{"type": "CUE_OF", "source": 1, "target": 9}],
            },
            "relations[0]: target 9 names no span",
        ),
        (
            {
                "spans": [span(1, "CUE", "said")],
                "relations": [{"type": "SAME_CLAIM", "source": 1, "target": 1}],
            },
            "type 'SAME_CLAIM' was not asked for",
        ),
        (
            {
                "spans": [span(1, "CUE", "said")],
                "relations": [{"type": "CUE_OF", "source": 1, "target": 1, "target_document": 4}],
            },
            "links into another document",
        ),
        ({"stances": [{"holder": None, "object": None, "value": "angry"}]}, "'angry' is not one"),
        ({"stances": [{"holder": "x", "value": "favor"}]}, "holder 'x' names no span"),
    ],
)
def test_each_kind_of_bad_answer_is_refused_with_its_reason(answer, reason):
    assert reason in refusal(answer)


def test_stances_are_refused_when_they_were_not_asked_for():
    asked = Asked(labels=ASKED.labels, relation_types=ASKED.relation_types, stances=False)
    assert "stances were not asked for" in refusal(GOOD, asked)


def test_a_refusal_names_five_problems_and_counts_the_rest():
    answer = {"spans": [span(i, "TOPIC", "said") for i in range(8)]}
    message = refusal(answer)
    assert message.count("was not asked for") == 5
    assert message.endswith("and 3 more")
