"""The workspace's read of a document names the far end of each link into another document
of the story (its text, label, document title and outlet), to those who may see that end,
and to nobody else."""

from __future__ import annotations

import pytest

from annotations.models import Relation, Span
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.set_write import annotation_set_write
from tests import factories

pytestmark = pytest.mark.django_db

HERE = "The talks had stalled, officials said."
THERE = "The talks have stalled, the minister said."


@pytest.fixture
def story(db):  # noqa: ANN001
    """Two reports of one story from two outlets; the annotator's claim here is linked as
    SAME_CLAIM to their own claim there."""
    people = factories.people_in_project(n_documents=0)
    here = factories.DocumentFactory(story=people.story, text=HERE, title="Talks stall")
    there = factories.DocumentFactory(
        story=people.story,
        text=THERE,
        title="Minister: talks stalled",
        outlet=factories.OutletFactory(name="Harbour Ledger"),
    )
    from annotations.services.projects import project_documents_add

    project_documents_add(project=people.project, documents=[here, there])
    far_set = opened(people, there, people.annotator)
    refs = write(far_set, [claim(THERE, "The talks have stalled")])
    far_id = refs["far"]
    near_set = opened(people, here, people.annotator)
    write(
        near_set,
        [claim(HERE, "The talks had stalled", ref="near")],
        [{"type": "SAME_CLAIM", "source": "near", "target": far_id}],
    )
    people.documents = [here, there]
    return people, here, far_id


def opened(people, document, author):  # noqa: ANN001, ANN201
    aset, _ = annotation_set_open(project=people.project, document=document, author=author)
    return aset


def claim(text: str, needle: str, ref: str = "far") -> dict:
    start = text.index(needle)
    return {
        "ref": ref,
        "label": "CLAIM",
        "start": start,
        "end": start + len(needle),
        "text": needle,
    }


def write(aset, spans: list[dict], relations: list[dict] | None = None) -> dict[str, int]:  # noqa: ANN001
    aset.refresh_from_db()
    data = {"version": aset.version, "spans": spans, "relations": relations or []}
    return annotation_set_write(annotation_set=aset, data=data)


def read(client_for, user, people, document) -> dict:  # noqa: ANN001
    response = client_for(user).get(
        f"/api/v1/projects/{people.project.pk}/documents/{document.pk}/"
    )
    assert response.status_code == 200
    return response.json()


def test_the_annotator_reads_the_far_ends_outlet_title_and_text_with_the_document(
    story, client_for
):
    people, here, far_id = story
    body = read(client_for, people.annotator, people, here)
    assert body["linked_spans"] == [
        {
            "id": far_id,
            "label": "CLAIM",
            "text": "The talks have stalled",
            "document": people.documents[1].pk,
            "document_title": "Minister: talks stalled",
            "outlet": "Harbour Ledger",
        }
    ]
    (own,) = [s for s in body["sets"] if s["kind"] == "annotator"]
    assert [r["target"] for r in own["relations"]] == [far_id]


def test_a_reviewer_who_sees_every_set_reads_the_far_end_too(story, client_for):
    people, here, far_id = story
    assert [s["id"] for s in read(client_for, people.reviewer, people, here)["linked_spans"]] == [
        far_id
    ]


def test_another_annotator_of_a_blind_project_reads_neither_the_set_nor_its_far_end(
    story, client_for
):
    people, here, _ = story
    opened(people, here, people.other_annotator)
    body = read(client_for, people.other_annotator, people, here)
    assert body["linked_spans"] == []
    assert all(s["author"] != people.annotator.username for s in body["sets"])


def test_a_link_into_a_layer_the_reader_may_not_see_gives_no_far_end(story, client_for):
    """A link the services would refuse (into another annotator's layer), written straight
    to the table: the reader still learns nothing of the hidden span."""
    people, here, _ = story
    hidden_set = opened(people, people.documents[1], people.other_annotator)
    hidden = write(hidden_set, [claim(THERE, "the minister said", ref="hidden")])["hidden"]
    own = Span.objects.get(annotation_set__author=people.annotator, annotation_set__document=here)
    Relation.objects.create(
        annotation_set=own.annotation_set, type="SAME_SOURCE", source=own, target_id=hidden
    )
    ids = [s["id"] for s in read(client_for, people.annotator, people, here)["linked_spans"]]
    assert hidden not in ids
    assert hidden in [
        s["id"] for s in read(client_for, people.reviewer, people, here)["linked_spans"]
    ]
