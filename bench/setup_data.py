"""The bench database and the data the API benchmarks work on.

``claimlens_bench`` is dropped and created again on every run (fresh tables, no bloat from
the last run), migrated with ``manage.py migrate``, and filled through the project's own
services: ``documents_import``, ``project_create``,
``project_documents_add``, ``annotation_set_open`` and ``annotation_set_write``.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from typing import Any

import orjson
import psycopg

from bench.common import ADMIN_URL, BENCH_DB, manage
from bench.payloads import STANCE_TARGETS, set_payload
from bench.textgen import GeneratedDocument, Triple, generate_document

N_CLIENTS = 8
PASSWORD = "bench-password-not-secret"
DOC_BYTES = 7_700
LONG_DOC_BYTES = 200_000
SET_SPANS, SET_RELATIONS = 30, 10
LONG_SPANS, LONG_RELATIONS = 2_000, 667


def recreate_database() -> None:
    """Drop and create ``claimlens_bench`` on the local server (never any other database)."""
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {BENCH_DB}")


def migrate() -> None:
    manage("migrate", timeout=300)


def documents_jsonl(docs: list[GeneratedDocument], run: str) -> bytes:
    """Generated documents as one JSONL file."""
    lines = [
        orjson.dumps(
            d.record(
                url=f"https://news.example/{run}/{i}",
                published_at=f"2031-03-{1 + i % 28:02d}T08:00:00Z",
            )
        )
        for i, d in enumerate(docs)
    ]
    return b"\n".join(lines) + b"\n"


def store_documents(docs: list[GeneratedDocument], story_name: str, run: str) -> list[Any]:
    """Store generated documents (in order) through ``corpus.services.documents_import``
    and return the Document rows."""
    from corpus.services import documents_import

    report = documents_import(
        files=[(f"{run}.jsonl", documents_jsonl(docs, run))],
        fmt="jsonl",
        story_name=story_name,
        clean=True,
    )
    stored = report.documents
    if len(stored) != len(docs) or report.errors:
        raise RuntimeError(f"imported {len(stored)} of {len(docs)} documents for {run}")
    return stored


def relocate(generated: GeneratedDocument, stored_text: str) -> list[Triple]:
    """The triples' offsets in the stored text (import cleaning may have changed the text:
    then each piece is found again, in order)."""
    if stored_text == generated.text:
        return generated.triples
    cursor = 0
    out: list[Triple] = []

    def find(span: tuple[int, int]) -> tuple[int, int]:
        nonlocal cursor
        piece = generated.text[span[0] : span[1]]
        at = stored_text.find(piece, cursor)
        if at < 0:
            raise RuntimeError(f"span {piece!r} not found in the stored text")
        return at, at + len(piece)

    for t in generated.triples:
        spans = {"claim": t.claim, "cue": t.cue, "source": t.source}
        found = {k: find(v) for k, v in sorted(spans.items(), key=lambda kv: kv[1][0])}
        cursor = max(end for _, end in found.values())
        out.append(Triple(**found))
    return out


@dataclass
class BenchSet:
    set_id: int
    document_id: int
    username: str
    text: str
    triples: list[Triple]


@dataclass
class BenchData:
    project_id: int
    users: list[str] = field(default_factory=list)
    sets: list[BenchSet] = field(default_factory=list)  # one 30-span set per client
    long_set: BenchSet | None = None


def build_api_data() -> BenchData:
    """One project (news-attribution with two stance targets), a manager and 8 annotators;
    each annotator has a 30-span set on its own 7.7 KB document; annotator 0 also has a
    2,000-span set on a 200 KB document."""
    from django.contrib.auth import get_user_model

    from annotations.models import Membership, Role
    from annotations.presets import PRESETS
    from annotations.services.annotation_sets import annotation_set_open
    from annotations.services.projects import project_create, project_documents_add
    from annotations.services.set_write import annotation_set_write

    user_model = get_user_model()
    owner = user_model.objects.create_user("bench_manager", password=PASSWORD)
    annotators = [
        user_model.objects.create_user(f"bench_ann{i}", password=PASSWORD) for i in range(N_CLIENTS)
    ]
    schema = copy.deepcopy(PRESETS["news-attribution"])
    schema["stance"]["targets"] = STANCE_TARGETS
    project = project_create(name="Bench project", owner=owner, schema=schema)
    Membership.objects.bulk_create(
        [Membership(project=project, user=u, role=Role.ANNOTATOR) for u in annotators]
    )

    rng = random.Random(20310301)
    generated = [
        generate_document(rng, target_bytes=DOC_BYTES, min_triples=10, marker=f"api-{i}")
        for i in range(N_CLIENTS)
    ]
    generated.append(
        generate_document(
            rng, target_bytes=LONG_DOC_BYTES, min_triples=LONG_SPANS // 3 + 1, marker="api-long"
        )
    )
    stored = store_documents(generated, "Bench API story", "api")
    project_documents_add(project=project, documents=stored)

    data = BenchData(project_id=project.pk, users=[u.username for u in annotators])
    jobs = [(annotators[i], stored[i], generated[i], SET_SPANS, SET_RELATIONS) for i in range(8)]
    jobs.append((annotators[0], stored[-1], generated[-1], LONG_SPANS, LONG_RELATIONS))
    for user, document, gen, n_spans, n_relations in jobs:
        triples = relocate(gen, document.text)
        aset, _ = annotation_set_open(project=project, document=document, author=user)
        payload = set_payload(
            document.text, triples, n_spans=n_spans, n_relations=n_relations, version=aset.version
        )
        annotation_set_write(annotation_set=aset, data=payload)
        bench_set = BenchSet(aset.pk, document.pk, user.username, document.text, triples)
        if n_spans == LONG_SPANS:
            data.long_set = bench_set
        else:
            data.sets.append(bench_set)
    return data
