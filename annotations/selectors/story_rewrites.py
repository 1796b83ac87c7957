"""Rewrites within a story: which of its documents in a project re-report another, and how
one pair aligns sentence by sentence (``corpus.rewrites``).

The corpus import reports near-duplicates when documents are added but does not store them,
so the pairs are computed here, over the story's documents in the project, with the import's
own measure and threshold (``corpus.similarity``); documents are taken in publication order
(those without a date last, then by id), so the earlier published document of a pair is the
original. The pairs are kept in Django's "computed" cache (a database table of its own),
keyed by the story and by the documents in that order with their sha256s: texts never
change, so the key changes exactly when the answer can (a document added, removed or
re-dated), and a warm request reads no text at all (``bench/bench_rewrites.py`` measures
both). A pair's alignment is kept too, keyed by the two texts' sha256s. ``CACHE_VERSION``
is in every key: raise it when ``corpus.rewrites`` or ``corpus.similarity`` changes what
they answer.

Access: every member of the project reads its documents, so every member reads their
rewrites (blind projects hide sets, not texts). The project can be left out when the
caller's projects hold the story's documents in exactly one project.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import caches
from django.db.models import F
from django.http import Http404

from annotations.models import Project
from annotations.selectors.projects import project_with_role
from annotations.services.errors import DomainError
from corpus.models import Document, Story
from corpus.rewrites import Alignment, Sentence, clause_similarity, rewrite_alignment, rewrite_pairs
from corpus.similarity import NearDuplicate

NO_STORY = "No such story."
CACHE_VERSION = 2  # 2: moved rows (raise when the pairs' or the alignment's answer changes)
# The keys change with the documents, so an entry is never stale; it lives a day in the
# "computed" cache (its own table: culling it never touches the rate-limit counts).
KEPT_SECONDS = 24 * 3600
# What the listing reads of each document (not its text, raw text, zones or search vector).
SUMMARY_FIELDS = ("id", "title", "outlet", "published_at", "sha256")
SEVERAL_PROJECTS = (
    "The story's documents are in several of your projects; name one with ?project=<id>."
)


@dataclass(frozen=True)
class StoryInProject:
    story: Story
    project: Project
    role: str


def story_in_project(
    user: AbstractBaseUser, story_id: int, project_id: int | None
) -> StoryInProject:
    """The story and the project whose documents of it the caller reads: 404 when the
    caller is in no project holding the story's documents (or not in the project named),
    400 naming ``project`` when it is left out and several of their projects hold them."""
    story = Story.objects.filter(pk=story_id).first()
    if story is None:
        raise Http404(NO_STORY)
    if project_id is None:
        holders = _projects_holding(user, story)
        if not holders:
            raise Http404(NO_STORY)
        if len(holders) > 1:
            raise DomainError(SEVERAL_PROJECTS, {"project": SEVERAL_PROJECTS})
        project_id = holders[0]
    found = project_with_role(project_id, user)
    if found is None or not _story_documents(found[0], story).exists():
        raise Http404(NO_STORY)
    project, role = found
    return StoryInProject(story, project, role)


def _projects_holding(user: AbstractBaseUser, story: Story) -> list[int]:
    projects = Project.objects.filter(queue__document__story=story)
    if not getattr(user, "is_superuser", False):  # a superuser acts in every project
        projects = projects.filter(members=user)
    return list(projects.values_list("pk", flat=True).distinct().order_by("pk")[:2])


def _story_documents(project: Project, story: Story) -> Any:
    return Document.objects.filter(story=story, projects=project)


def _documents(found: StoryInProject, ids: list[int] | None = None) -> list[Document]:
    """The story's documents in the project (only ``ids`` when given), in publication
    order, without their texts (``SUMMARY_FIELDS``)."""
    qs = _story_documents(found.project, found.story).select_related("outlet")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    qs = qs.only(*SUMMARY_FIELDS, "outlet__name")
    return list(qs.order_by(F("published_at").asc(nulls_last=True), "pk"))


def document_summary(document: Document) -> dict[str, Any]:
    return {
        "id": document.pk,
        "title": document.title,
        "outlet": document.outlet.name if document.outlet_id else None,
        "published_at": document.published_at,
    }


def story_rewrite_pairs(found: StoryInProject) -> dict[str, Any]:
    """The story's documents in the project (in publication order) and their near-duplicate
    pairs, most similar first."""
    documents = _documents(found)
    by_id = {document.pk: document for document in documents}
    return {
        "story": {"id": found.story.pk, "name": found.story.name},
        "project": found.project.pk,
        "documents": [document_summary(document) for document in documents],
        "pairs": [
            {
                "original": document_summary(by_id[pair.similar_to]),
                "rewrite": document_summary(by_id[pair.document]),
                "similarity": pair.similarity,
            }
            for pair in _pairs_cached(found.story, documents)
        ],
    }


def pairs_key(story: Story, documents: list[Document]) -> str:
    """The cache key of the pairs of ``documents`` (in publication order): the story and a
    digest of the documents' ids and sha256s in that order."""
    listed = ",".join(f"{document.pk}:{document.sha256}" for document in documents)
    digest = hashlib.sha256(listed.encode()).hexdigest()
    return f"story-rewrite-pairs:v{CACHE_VERSION}:{story.pk}:{digest}"


def _pairs_cached(story: Story, documents: list[Document]) -> list[NearDuplicate]:
    key = pairs_key(story, documents)
    kept = caches["computed"].get(key)  # plain tuples (document, similar_to, similarity)
    if kept is None:
        pairs = story_pairs_computed([document.pk for document in documents])
        kept = [(pair.document, pair.similar_to, pair.similarity) for pair in pairs]
        caches["computed"].set(key, kept, KEPT_SECONDS)
    return [NearDuplicate(*pair) for pair in kept]


def story_pairs_computed(ids: list[int]) -> list[NearDuplicate]:
    """The near-duplicate pairs of the documents ``ids`` (in publication order), most
    similar first, computed from their texts (what the cache keeps)."""
    texts = dict(Document.objects.filter(pk__in=ids).values_list("pk", "text"))
    pairs = rewrite_pairs([(pk, texts[pk]) for pk in ids])
    pairs.sort(key=lambda pair: (-pair.similarity, pair.similar_to, pair.document))
    return pairs


def story_rewrite(found: StoryInProject, original_id: int, rewrite_id: int) -> dict[str, Any]:
    """Two documents of the story in the project, the rewrite aligned with the original
    (any two may be compared; ``near_duplicate`` says whether the import would flag them)."""
    if original_id == rewrite_id:
        message = "Compare two different documents."
        raise DomainError(message, {"rewrite_id": message})
    ids = [original_id, rewrite_id]
    by_id = {document.pk: document for document in _documents(found, ids)}
    if original_id not in by_id or rewrite_id not in by_id:
        raise Http404("No such document in this story and project.")
    original, rewrite = by_id[original_id], by_id[rewrite_id]
    key = f"story-rewrite-alignment:v{CACHE_VERSION}:{original.sha256}:{rewrite.sha256}"
    compared = caches["computed"].get(key)
    if compared is None:
        texts = dict(Document.objects.filter(pk__in=ids).values_list("pk", "text"))
        compared = rewrite_compared(texts[original_id], texts[rewrite_id])
        caches["computed"].set(key, compared, KEPT_SECONDS)
    return {
        "story": {"id": found.story.pk, "name": found.story.name},
        "project": found.project.pk,
        "original": document_summary(original),
        "rewrite": document_summary(rewrite),
        **compared,
    }


def rewrite_compared(original: str, rewrite: str) -> dict[str, Any]:
    """What the alignment answer says of two texts (what the cache keeps): the import's
    similarity and flag, the counts and the rows."""
    return {
        "similarity": clause_similarity(original, rewrite),
        "near_duplicate": bool(rewrite_pairs([(1, original), (2, rewrite)])),
        **_alignment_json(rewrite_alignment(original, rewrite), original, rewrite),
    }


def _alignment_json(alignment: Alignment, original: str, rewrite: str) -> dict[str, Any]:
    return {
        "counts": alignment.counts,
        "rows": [
            {
                "kind": row.kind,
                "similarity": row.similarity,
                "original": _sentence_json(row.original, original),
                "rewrite": _sentence_json(row.rewrite, rewrite),
                "moved": row.moved,
            }
            for row in alignment.rows
        ],
    }


def _sentence_json(sentence: Sentence | None, text: str) -> dict[str, Any] | None:
    if sentence is None:
        return None
    return {
        "start": sentence.start,
        "end": sentence.end,
        "text": text[sentence.start : sentence.end],
        "runs": [
            {"op": run.op, "start": run.start, "end": run.end, "text": text[run.start : run.end]}
            for run in sentence.runs
        ],
    }
