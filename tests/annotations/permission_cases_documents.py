"""Permission cases of a project's documents (``permission_matrix.py`` runs every area's):
editing a document's metadata, removing a document and ordering the queue are for the
project's managers."""

from __future__ import annotations

from tests.annotations.permission_case import Case, managers_only, p

CASES: list[Case] = [
    Case(
        "document metadata edit",
        "project-document-detail",
        "patch",
        lambda b: p(b) + f"documents/{b.people.documents[1].pk}/",
        managers_only(200),
        lambda b: {"title": "A better title"},
    ),
    Case(
        "document removal",
        "project-document-detail",
        "delete",
        lambda b: p(b) + f"documents/{b.people.documents[1].pk}/",
        managers_only(200),
    ),
    Case(
        "queue order",
        "project-documents-order",
        "post",
        lambda b: p(b) + "documents/order/",
        managers_only(200),
        lambda b: {"documents": [b.people.documents[2].pk]},
    ),
]
