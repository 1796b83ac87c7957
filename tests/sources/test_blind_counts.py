"""In a blind project an annotator must not learn how many SOURCE spans the others linked
to an entry: the registry's list, an entry, a suggestion and a source's claims count only
their own sets' links for them; managers and reviewers (and annotators of a project that is
not blind) get every layer's count. Deleting, which answers 409 with the count, is refused
to annotators before any count is taken."""

from __future__ import annotations

import pytest

from annotations.models import SourceEntry, Span
from annotations.services.sources import source_create
from tests.annotations.conftest import Bench, assert_error, put_set, span_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked_in_gold(bench: Bench) -> SourceEntry:
    """An entry that one SOURCE span of the gold set links to."""
    entry = source_create(project=bench.project, data={"name": "Benjamin Netanyahu"})
    span = span_payload(bench.text, "SOURCE", "minister", attributes={"entry": entry.key})
    Span.objects.create(annotation_set=bench.gold, **span)
    return entry


def counts_seen(client, bench: Bench, entry: SourceEntry) -> list[int]:  # noqa: ANN001
    base = f"/api/v1/projects/{bench.project.pk}/sources/"
    [listed] = client.get(base).json()
    [searched] = client.get(base, {"q": "netanyahu"}).json()
    [suggested] = client.get(f"{base}suggest/", {"text": "Netanyahu"}).json()["results"]
    return [
        listed["spans"],
        searched["spans"],
        client.get(f"{base}{entry.pk}/").json()["spans"],
        suggested["entry"]["spans"],
        client.get(f"{base}{entry.pk}/claims/").json()["entry"]["spans"],
    ]


def test_a_blind_projects_annotator_counts_only_the_links_of_their_own_sets(
    bench, owner, client_for, linked_in_gold
):
    assert bench.project.blind
    assert counts_seen(owner, bench, linked_in_gold) == [0] * 5
    assert counts_seen(client_for(bench.people.manager), bench, linked_in_gold) == [1] * 5
    own = span_payload(bench.text, "SOURCE", "minister", attributes={"entry": linked_in_gold.key})
    assert put_set(owner, bench.aset, spans=[own]).status_code == 200
    assert counts_seen(owner, bench, linked_in_gold) == [1] * 5
    assert counts_seen(client_for(bench.people.reviewer), bench, linked_in_gold) == [2] * 5


def test_an_annotator_of_a_project_that_is_not_blind_counts_every_layer(
    bench, owner, linked_in_gold
):
    bench.project.blind = False
    bench.project.save(update_fields=["blind"])
    assert counts_seen(owner, bench, linked_in_gold) == [1] * 5


def test_a_blind_projects_annotator_deleting_is_refused_without_the_count(
    bench, owner, linked_in_gold
):
    url = f"/api/v1/projects/{bench.project.pk}/sources/{linked_in_gold.pk}/"
    error = assert_error(owner.delete(url), 403)
    assert "span" not in error["message"]
