"""Real concurrency on PostgreSQL: threads with their own connections, started together.

A stale write never overwrites (one 200, one 409, the winner's spans intact), and the queue
never gives a document to more than ``annotators_per_document`` annotators nor the same
document twice to one annotator.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from annotations.models import AnnotationSet, Membership, ProjectDocument, Role, SetKind
from annotations.services.annotation_sets import annotation_set_open
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run each job in its own thread, released at once by a barrier; return the results
    (or the exception a job raised) in order."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def worker(i: int, job: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = job()
        except BaseException as exc:  # noqa: BLE001 - reported to the test below
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def client_as(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def words_of(text: str, *words: str) -> list[dict[str, Any]]:
    spans = []
    for word in words:
        start = text.index(word)
        spans.append({"label": "SOURCE", "start": start, "end": start + len(word), "text": word})
    return spans


@pytest.mark.parametrize("round_", range(3))
def test_two_writes_with_the_same_version_give_one_200_and_one_409(round_):
    people = factories.people_in_project(n_documents=1)
    document = people.documents[0]
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    version = aset.version
    payloads = [
        {"version": version, "spans": words_of(document.text, "minister", "talks")},
        {"version": version, "spans": words_of(document.text, "officials", "stalled")},
    ]

    def writer(payload: dict[str, Any]) -> Callable[[], tuple[int, dict[str, Any]]]:
        def job() -> tuple[int, dict[str, Any]]:
            response = client_as(people.annotator).put(
                f"/api/v1/sets/{aset.pk}/", payload, format="json"
            )
            return response.status_code, payload

        return job

    results = run_together([writer(p) for p in payloads])
    statuses = sorted(status for status, _ in results)
    assert statuses == [200, 409]
    winner = next(payload for status, payload in results if status == 200)
    stored = AnnotationSet.objects.get(pk=aset.pk)
    assert stored.version == version + 1
    got = sorted((s.start, s.end, s.text) for s in stored.spans.all())
    assert got == sorted((s["start"], s["end"], s["text"]) for s in winner["spans"])


def test_parallel_queue_calls_never_over_assign_a_document():
    people = factories.people_in_project(n_documents=3, annotators_per_document=2)
    project = people.project
    annotators = [people.annotator, people.other_annotator]
    for i in range(4):
        user = factories.UserFactory(username=f"extra{i}")
        Membership.objects.create(project=project, user=user, role=Role.ANNOTATOR)
        annotators.append(user)
    threads_per_annotator = 2
    url = f"/api/v1/projects/{project.pk}/queue/next/"

    def caller(user: Any) -> Callable[[], tuple[str, int, int | None]]:
        def job() -> tuple[str, int, int | None]:
            response = client_as(user).get(url)
            body = response.json() if response.status_code == 200 else {}
            return user.username, response.status_code, body.get("id")

        return job

    for _round in range(4):
        jobs = [caller(u) for u in annotators for _ in range(threads_per_annotator)]
        results = run_together(jobs)
        assert {status for _, status, _ in results} <= {200, 204}, results
        # Two calls of one annotator at the same moment get the same set.
        by_user: dict[str, set[int | None]] = {}
        for username, _, set_id in results:
            by_user.setdefault(username, set()).add(set_id)
        assert all(len(ids) == 1 for ids in by_user.values()), by_user
        sets = AnnotationSet.objects.filter(project=project, kind=SetKind.ANNOTATOR)
        per_doc = Counter(sets.values_list("document_id", flat=True))
        assert max(per_doc.values(), default=0) <= project.annotators_per_document, per_doc
        pairs = Counter(sets.values_list("author_id", "document_id"))
        assert max(pairs.values(), default=0) == 1
        for set_id in {i for ids in by_user.values() for i in ids if i is not None}:
            owner = AnnotationSet.objects.get(pk=set_id).author
            assert client_as(owner).post(f"/api/v1/sets/{set_id}/submit/").status_code == 200

    sets = AnnotationSet.objects.filter(project=project, kind=SetKind.ANNOTATOR)
    assert Counter(sets.values_list("document_id", flat=True)) == {
        d.pk: project.annotators_per_document for d in people.documents
    }
    assert set(
        ProjectDocument.objects.filter(project=project).values_list("assigned_count", flat=True)
    ) == {project.annotators_per_document}
