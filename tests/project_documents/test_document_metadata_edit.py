"""A manager fixes a document's metadata from the project's document list: PATCH
/projects/{p}/documents/{d}/. The text never changes; a document held by several projects
changes for all of them, so only someone who manages every one of them may edit it."""

from __future__ import annotations

from annotations.models import Membership, Relation, Role, Span
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.projects import project_create, project_documents_add
from corpus.models import Document, Outlet, Story
from tests.factories import OutletFactory, UserFactory


def _url(people, document) -> str:  # noqa: ANN001
    return f"/api/v1/projects/{people.project.pk}/documents/{document.pk}/"


def test_a_manager_fixes_the_title_and_types_a_new_outlet(people, client_for):
    document = people.documents[0]
    text_before = document.text

    response = client_for(people.manager).patch(
        _url(people, document),
        {"title": "Talks stall", "outlet": "The New York Times"},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Talks stall"
    assert response.json()["outlet"] == "The New York Times"
    document.refresh_from_db()
    assert (document.title, document.outlet.name, document.text) == (
        "Talks stall",
        "The New York Times",
        text_before,
    )


def test_an_outlet_typed_in_another_case_is_the_existing_outlet(people, client_for):
    existing = OutletFactory(name="Harbour Ledger")
    client_for(people.manager).patch(
        _url(people, people.documents[0]), {"outlet": "harbour ledger"}, format="json"
    )
    people.documents[0].refresh_from_db()
    assert people.documents[0].outlet_id == existing.pk
    assert Outlet.objects.filter(name__iexact="harbour ledger").count() == 1


def test_story_date_url_and_language_change_and_a_new_story_is_created(people, client_for):
    response = client_for(people.manager).patch(
        _url(people, people.documents[1]),
        {
            "story": "Ceasefire talks",
            "published_at": "2024-05-01",
            "url": "https://example.org/a",
            "language": "pt-BR",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    row = response.json()
    assert row["story_name"] == "Ceasefire talks"
    assert row["published_at"].startswith("2024-05-01")
    assert (row["url"], row["language"]) == ("https://example.org/a", "pt-BR")
    assert row["story"] == Story.objects.get(name="Ceasefire talks").pk


def test_an_empty_outlet_clears_it(people, client_for):
    client_for(people.manager).patch(
        _url(people, people.documents[0]), {"outlet": ""}, format="json"
    )
    people.documents[0].refresh_from_db()
    assert people.documents[0].outlet_id is None


def test_bad_values_are_named_field_by_field(people, client_for):
    response = client_for(people.manager).patch(
        _url(people, people.documents[0]),
        {"title": "", "url": "not a url", "language": "english!", "published_at": "someday"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]) == {"title", "url", "language", "published_at"}


def test_the_text_is_not_editable(people, client_for):
    document = people.documents[0]
    response = client_for(people.manager).patch(
        _url(people, document), {"text": "Rewritten."}, format="json"
    )
    document.refresh_from_db()
    assert response.status_code == 200
    assert document.text != "Rewritten."


def test_reviewers_and_annotators_may_not_edit(people, client_for):
    for person in (people.reviewer, people.annotator):
        response = client_for(person).patch(
            _url(people, people.documents[0]), {"title": "x"}, format="json"
        )
        assert response.status_code == 403


def test_a_document_shared_with_a_project_the_editor_does_not_manage_is_refused_naming_none(
    people, client_for
):
    other_manager = UserFactory(username="elsewhere")
    secret = project_create(name="Secret investigation", owner=other_manager)
    project_documents_add(project=secret, documents=[people.documents[0]])

    response = client_for(people.manager).patch(
        _url(people, people.documents[0]), {"title": "Changed"}, format="json"
    )

    assert response.status_code == 403
    assert "Secret investigation" not in response.content.decode()
    assert "do not manage" in response.json()["error"]["message"]
    people.documents[0].refresh_from_db()
    assert people.documents[0].title != "Changed"


def test_a_document_shared_only_with_projects_the_editor_manages_changes_for_both(
    people, client_for
):
    second = project_create(name="Second", owner=people.manager)
    project_documents_add(project=second, documents=[people.documents[0]])

    response = client_for(people.manager).patch(
        _url(people, people.documents[0]), {"title": "Changed"}, format="json"
    )

    assert response.status_code == 200
    assert Document.objects.get(pk=people.documents[0].pk).title == "Changed"


def test_a_document_also_in_an_archived_project_of_the_editor_is_refused(people, client_for):
    second = project_create(name="Second", owner=people.manager)
    project_documents_add(project=second, documents=[people.documents[0]])
    second.archived_at = second.created_at
    second.save(update_fields=["archived_at"])

    response = client_for(people.manager).patch(
        _url(people, people.documents[0]), {"title": "Changed"}, format="json"
    )
    assert response.status_code == 409


def test_the_story_stays_while_spans_link_to_another_document(people, client_for):
    first, second, _ = people.documents
    a, _ = annotation_set_open(project=people.project, document=first, author=people.annotator)
    b, _ = annotation_set_open(project=people.project, document=second, author=people.annotator)
    claim = Span.objects.create(annotation_set=a, **_span(first, "CLAIM"))
    other = Span.objects.create(annotation_set=b, **_span(second, "CLAIM"))
    Relation.objects.create(annotation_set=a, type="SAME_CLAIM", source=claim, target=other)

    response = client_for(people.manager).patch(
        _url(people, first), {"story": "Another story", "title": "Fine"}, format="json"
    )

    assert response.status_code == 400
    assert "1 link" in response.json()["error"]["details"]["story"]
    first.refresh_from_db()
    assert first.title != "Fine"


def test_a_superuser_who_is_no_member_edits_like_a_manager(people, client_for):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    Membership.objects.filter(user=admin).delete()
    response = client_for(admin).patch(
        _url(people, people.documents[0]), {"title": "By admin"}, format="json"
    )
    assert response.status_code == 200
    assert Role.MANAGER  # superusers act as managers


def _span(document, label: str) -> dict:  # noqa: ANN001
    return {"label": label, "start": 0, "end": 8, "text": document.text[0:8]}
