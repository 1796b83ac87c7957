"""Who may do what in a project. Roles: manager > reviewer > annotator.

- Managers configure the project and read every set.
- Reviewers read every set and write the gold set.
- Annotators read and write their own sets; when the project is blind (the default) they
  see no other annotator's set. They always see model sets (suggestions) for their documents.
- Opening a set: annotators (and managers) their own annotator sets, reviewers and managers
  the gold set, managers a model's set.
- Importing is for managers; exporting (and export jobs) for reviewers and managers.
- Comment threads: reviewers and managers read all, annotators all when the project is not
  blind, else only those on their own sets. Authors and managers delete comments.
Superusers act as managers of every project. Outsiders get 404, never a hint.

Site permissions (not tied to a project):
- Creating a project: staff, superusers and holders of "Can create projects"
  (annotations.create_project), or every signed-in user when CLAIMLENS_PROJECT_CREATORS=anyone.
- An import may create accounts and add non-members (as annotators, never staff or
  superusers) only for holders of "Can add people by import" (annotations.import_people).
- Making an account: a project's managers, only by inviting an e-mail address into their
  project (``annotations/services/people.py``). The people figures are for managers and
  reviewers (``can_review``); only managers see addresses.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from annotations.models import AnnotationSet, Comment, Project, Role, SetKind

User = AbstractBaseUser | AnonymousUser


def role_acted(user: User, member_role: str | None) -> str | None:
    """The role a caller acts in within a project: their membership's, or manager for a
    superuser. None for outsiders."""
    return Role.MANAGER if getattr(user, "is_superuser", False) else member_role


def can_manage(role: str | None) -> bool:
    return role == Role.MANAGER


def can_annotate(role: str | None) -> bool:
    """Annotators take documents from the queue; managers may too (small teams). Reviewers
    curate the gold layer instead, so their judgement stays separate from the annotators'."""
    return role in (Role.ANNOTATOR, Role.MANAGER)


def can_review(role: str | None) -> bool:
    return role in (Role.MANAGER, Role.REVIEWER)


PROJECT_CREATION_REFUSAL = (
    "Creating projects needs the 'can create projects' permission; ask a site administrator."
)


def can_create_projects(user: User) -> bool:
    """Whether ``user`` may create a project (the API and the pages ask this)."""
    if not user.is_authenticated:
        return False
    if settings.CLAIMLENS_PROJECT_CREATORS == "anyone" or user.is_staff:
        return True
    return user.has_perm("annotations.create_project")


def can_import_people(user: User) -> bool:
    """Whether an import by ``user`` may create accounts and add people to the project."""
    return user.is_authenticated and user.has_perm("annotations.import_people")


# What a person is told when the rule below refuses them.
IMPORT_REFUSAL = "Only the project's managers may import into it."
EXPORT_REFUSAL = "Only the project's managers and reviewers may export it."


def can_import(role: str | None) -> bool:
    return can_manage(role)


def can_export(role: str | None) -> bool:
    return can_review(role)


AGREEMENT_REFUSAL = "Only the project's managers and reviewers may see agreement figures."
CURATION_REFUSAL = "Curation is for the project's reviewers and managers."


def can_see_agreement(role: str | None) -> bool:
    """Agreement figures compare people's work with each other's: reviewers and managers see
    them; annotators do not (in a blind project they would show the others' work)."""
    return can_review(role)


PROGRESS_REFUSAL = "Only the project's managers and reviewers may see its progress matrix."


def can_see_progress(role: str | None) -> bool:
    """The progress matrix shows every annotator's sets and time: managers and reviewers."""
    return can_review(role)


# Why a role may not open a set of a kind, by kind: the refusal's message.
OPEN_REFUSALS = {
    SetKind.ANNOTATOR: "Reviewers curate the gold set; annotator sets are not theirs.",
    SetKind.GOLD: "Only reviewers and managers write the gold set.",
    SetKind.MODEL: "Only managers add model sets.",
}


def can_open_set(role: str | None, kind: str) -> bool:
    """Whether a role may open (get or create) a set of this kind for itself."""
    if kind == SetKind.ANNOTATOR:
        return can_annotate(role)
    if kind == SetKind.GOLD:
        return can_review(role)
    return kind == SetKind.MODEL and can_manage(role)


def can_read_set(user: User, role: str | None, project: Project, aset: AnnotationSet) -> bool:
    if role is None:
        return False
    if can_review(role):
        return True
    if aset.kind == SetKind.MODEL:
        return True
    if aset.author_id == user.pk:
        return True
    return not project.blind


def can_write_set(user: User, role: str | None, aset: AnnotationSet) -> bool:
    if role is None:
        return False
    if aset.kind == SetKind.GOLD:
        return can_review(role)
    if aset.kind == SetKind.MODEL:
        return can_manage(role)
    return aset.author_id == user.pk


def can_read_comment_thread(
    user: User, role: str | None, project: Project, aset: AnnotationSet | None
) -> bool:
    """Who reads (and writes in) a thread: reviewers and managers every thread; when the
    project is not blind, every member. In a blind project an annotator reads only the
    threads of their own sets (on a set or its units): not the document's general thread
    (no set), not the threads on model suggestions or the gold set, where other
    annotators' judgements would show."""
    if role is None:
        return False
    if can_review(role) or not project.blind:
        return True
    return aset is not None and aset.kind == SetKind.ANNOTATOR and aset.author_id == user.pk


def can_delete_comment(user: User, role: str | None, comment: Comment) -> bool:
    return role is not None and (comment.author_id == user.pk or can_manage(role))
