"""Asking a project's external recommender for proposals (issue 14 §3, ``docs/recommender.md``).

``recommender_records`` is what a suggester run calls (``annotations/services/suggester_runs``,
suggester ``recommender``): it posts each document to the recommender named ``model_name``
and gives one document record per document holding the model's set, or raises
``DomainError`` naming the document and the reason at the first bad exchange, so the run
writes nothing. ``recommender_check`` posts one short sample document and says what came back
or why it is bad; it writes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from annotations.formats.records import Record
from annotations.models import Project, Recommender
from annotations.recommender_protocol import Asked, BadAnswer, answer_checked, request_payload
from annotations.schema import Schema
from annotations.services.errors import DomainError
from annotations.services.recommender_http import RecommenderUnreachable, json_post
from corpus.models import Document

# The sample the check sends: fictional, short, with a quote, a speaker and a cue.
SAMPLE_TITLE = "Harbour council delays the ferry vote"
SAMPLE_TEXT = (
    "The harbour council postponed its vote on the new ferry line on Tuesday.\n\n"
    '"We need another month to read the costings," council chair Mira Olsen said.\n\n'
    "A spokesperson for the operator, who asked not to be named, called the delay "
    '"a missed chance for the island."'
)


def asked_of(recommender: Recommender, schema: Schema) -> Asked:
    """What the recommender may propose, as configured and as the schema still has it (a
    label removed from the schema since is not asked for)."""
    return Asked(
        labels=frozenset(recommender.labels) & frozenset(schema.labels),
        relation_types=frozenset(recommender.relation_types) & frozenset(schema.relation_types),
        stances=recommender.stances,
        stance_values=frozenset(schema.stance.get("values", [])),
        stance_targets=frozenset(schema.target_keys),
    )


def _document_fields(document: Document) -> dict[str, Any]:
    return {
        "id": document.pk,
        "title": document.title,
        "outlet": document.outlet.name if document.outlet_id else None,
        "language": document.language,
        "text": document.text,
    }


def _exchange(recommender: Recommender, schema: Schema, document: dict[str, Any]) -> dict[str, Any]:
    """The checked set record for one document; raises BadAnswer or RecommenderUnreachable."""
    asked = asked_of(recommender, schema)
    payload = request_payload(
        project={"id": recommender.project.pk, "name": recommender.project.name},
        schema=schema.definition,
        document=document,
        asked=asked,
    )
    answer = json_post(recommender.url, payload, recommender.timeout_seconds)
    return dict(answer_checked(answer, document["text"], asked, recommender.name))


def recommender_named(project: Project, model_name: str) -> Recommender:
    """The project's enabled recommender called ``model_name``; DomainError otherwise."""
    found = Recommender.objects.filter(project=project, name=model_name).first()
    if found is None:
        raise DomainError(
            f"This project has no recommender named {model_name!r}.", {"model_name": "unknown"}
        )
    if not found.enabled:
        raise DomainError(
            f"The recommender {model_name!r} is disabled; enable it to run it.",
            {"model_name": "disabled"},
        )
    return found


def recommender_records(
    project: Project,
    documents: Iterable[Document],
    model_name: str,
    progress: Callable[[int], None] | None = None,
) -> list[Record]:
    """One document record per document the recommender proposes something for (``sets``:
    the model's set). ``progress``, if given, is called with the number of documents done
    after each one. DomainError at the first document whose exchange fails or whose answer
    breaks the protocol, naming the document and the reason."""
    recommender = recommender_named(project, model_name)
    schema = Schema(project.schema.definition)
    records: list[Record] = []
    for done, document in enumerate(documents, start=1):
        try:
            layer = _exchange(recommender, schema, _document_fields(document))
        except (BadAnswer, RecommenderUnreachable) as exc:
            reason = exc.message if isinstance(exc, BadAnswer) else exc.reason
            raise DomainError(
                f"The recommender {model_name!r} on document {document.pk} "
                f"({document.title or 'untitled'}): {reason}",
                {"document": document.pk, "reason": reason},
                code="recommender_failed",
            ) from None
        if layer["spans"] or layer["stances"]:
            records.append(
                {
                    "claimlens": "document",
                    "id": document.pk,
                    "sha256": document.sha256,
                    "text": document.text,
                    "story": document.story.name if document.story_id else None,
                    "sets": [layer],
                }
            )
        if progress is not None:
            progress(done)
    return records


def recommender_check(recommender: Recommender) -> dict[str, Any]:
    """Post the sample document and say what came back: ``ok``, the ``reason`` when not, the
    counts and the proposed spans (label and text), and how long it took. Writes nothing."""
    schema = Schema(recommender.project.schema.definition)
    sample = {"id": 0, "title": SAMPLE_TITLE, "outlet": None, "language": "en"}
    sample["text"] = SAMPLE_TEXT
    began = time.monotonic()
    outcome: dict[str, Any] = {"ok": True, "reason": None, "spans": [], "relations": 0}
    outcome["stances"] = 0
    try:
        layer = _exchange(recommender, schema, sample)
    except RecommenderUnreachable as exc:
        outcome.update(ok=False, reason=exc.reason)
    except BadAnswer as exc:
        outcome.update(ok=False, reason=exc.message)
    else:
        outcome["spans"] = [{"label": s["label"], "text": s["text"]} for s in layer["spans"]]
        outcome["relations"] = len(layer["relations"])
        outcome["stances"] = len(layer["stances"])
    outcome["seconds"] = round(time.monotonic() - began, 3)
    outcome["sample"] = {"title": SAMPLE_TITLE, "text": SAMPLE_TEXT}
    return outcome
