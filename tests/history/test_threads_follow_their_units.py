"""Comment threads and suggestion decisions across whole-set writes: a whole-set write
stores relations and stances again with new ids, so a thread on one moves to its new row
when the same link or stance comes back, and goes when it does not; threads and decisions
on spans a write deletes go with them."""

from __future__ import annotations

from annotations.models import Comment, Decision, SuggestionDecision
from annotations.services.set_write import annotation_set_write
from tests.annotations.conftest import current, put_set, span_payload


def comment_on(bench, **unit) -> Comment:  # noqa: ANN001
    return Comment.objects.create(
        project=bench.project,
        document=bench.people.documents[0],
        author=bench.people.reviewer,
        annotation_set=bench.aset,
        text="Is this right?",
        **unit,
    )


def kept_spans(bench) -> list[dict]:  # noqa: ANN001
    text = bench.text
    return [
        {"id": bench.claim.pk, **span_payload(text, "CLAIM", "the talks had stalled")},
        {"id": bench.source.pk, **span_payload(text, "SOURCE", "minister")},
    ]


def test_a_thread_on_a_relation_moves_to_the_same_relation_written_again(bench, owner):
    thread = comment_on(bench, relation=bench.relation)
    relation = {"type": "ATTRIBUTED_TO", "source": bench.claim.pk, "target": bench.source.pk}
    assert (
        put_set(owner, bench.aset, spans=kept_spans(bench), relations=[relation]).status_code == 200
    )
    thread.refresh_from_db()
    assert thread.relation == bench.aset.relations.get()
    assert thread.relation_id != bench.relation.pk


def test_a_thread_on_a_stance_moves_to_the_same_stance_even_with_another_value(bench, owner):
    thread = comment_on(bench, stance=bench.stance)
    stance = {"holder": None, "object": bench.claim.pk, "value": "against"}
    assert put_set(owner, bench.aset, stances=[stance]).status_code == 200
    thread.refresh_from_db()
    assert thread.stance == bench.aset.stances.get()
    assert thread.stance.value == "against"


def test_a_thread_goes_with_its_relation_when_a_write_drops_it(bench, owner):
    comment_on(bench, relation=bench.relation)
    comment_on(bench, stance=bench.stance)
    kept = comment_on(bench)  # on the set as a whole
    assert put_set(owner, bench.aset, relations=[], stances=[]).status_code == 200
    assert list(Comment.objects.all()) == [kept]


def test_threads_on_a_deleted_span_and_on_links_to_it_go_with_it(bench, owner):
    comment_on(bench, span=bench.source)
    comment_on(bench, relation=bench.relation)  # claim -> minister
    spans = [s for s in kept_spans(bench) if s["id"] == bench.claim.pk]
    assert put_set(owner, bench.aset, spans=spans).status_code == 200
    assert not Comment.objects.exists()


def test_decisions_on_suggestions_go_when_the_model_set_drops_them(bench):
    text = bench.text
    annotation_set_write(
        annotation_set=bench.model,
        data={"version": current(bench.model), "spans": [span_payload(text, "CUE", "said")]},
    )
    suggestion = bench.model.spans.get()
    SuggestionDecision.objects.create(
        suggestion=suggestion, annotation_set=bench.aset, decision=Decision.REJECTED
    )
    annotation_set_write(
        annotation_set=bench.model, data={"version": current(bench.model), "spans": []}
    )
    assert not SuggestionDecision.objects.exists()


def test_a_write_deleting_commented_units_commits(transactional_db, bench, owner):
    """The database checks its foreign keys at commit (deferred): the write must leave no
    comment pointing at a row it deleted, or the commit fails."""
    comment_on(bench, span=bench.source2)
    moved = comment_on(bench, relation=bench.relation)
    relation = {"type": "ATTRIBUTED_TO", "source": bench.claim.pk, "target": bench.source.pk}
    response = put_set(owner, bench.aset, spans=kept_spans(bench), relations=[relation])
    assert response.status_code == 200, response.content
    assert list(Comment.objects.values_list("pk", flat=True)) == [moved.pk]
