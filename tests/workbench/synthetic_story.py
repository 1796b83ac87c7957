"""A generated story for the workbench's size tests and bench: ``n_documents`` articles
from a handful of outlets, each with ``claims_per_document`` quoted claims (SOURCE, CUE,
CLAIM, ATTRIBUTED_TO, CUE_OF), written as the project's curated gold sets through the
native import; the first ``linked_per_document`` claims of each document are linked with
SAME_CLAIM to the same claim of the document before, the rest are one outlet's alone.
Generated words only, never real articles."""

from __future__ import annotations

import json
import random
from typing import Any

from annotations.models import Project
from annotations.services.imports.service import records_import
from annotations.services.projects import project_documents_add
from corpus.models import Document, Story
from corpus.services import documents_import

OUTLETS = ("Harbour Herald", "Veyra Times", "Coastline Daily", "North Pier Post", "Tidewatch")
WORDS = [
    "bridge", "harbour", "council", "ferry", "closure", "repairs", "workers", "strike",
    "tide", "storm", "budget", "mayor", "engineers", "inspection", "traffic", "detour",
]  # fmt: skip
SPEAKERS = ("the mayor", "a council official", "an engineer", "one resident", "the union")
CUES = ("said", "told reporters", "claimed", "warned", "added")


def _claim_words(rng: random.Random, claim: int) -> str:
    base = random.Random(claim)  # the same claim reads alike in every outlet...
    words = [base.choice(WORDS) for _ in range(14)]
    words[rng.randrange(len(words))] = rng.choice(WORDS)  # ...with a word of its own
    return " ".join(words)


def synthetic_story(
    project: Project,
    user: Any,
    *,
    n_documents: int,
    claims_per_document: int,
    linked_per_document: int,
    name: str = "Bridge closure",
) -> tuple[Story, list[Document]]:
    rng = random.Random(14)
    texts, layouts = [], []
    for d in range(n_documents):
        paragraphs, spans = [f"Bridge closure report {d}"], []
        offset = len(paragraphs[0]) + 2
        for c in range(claims_per_document):
            claim_key = c if c < linked_per_document else 1000 * (d + 1) + c
            speaker, cue = rng.choice(SPEAKERS), rng.choice(CUES)
            quote = _claim_words(rng, claim_key)
            paragraph = f'{speaker.capitalize()} {cue} "{quote}" on day {d}.'
            start = offset
            spans.append(("s", start, start + len(speaker)))
            cue_start = start + len(speaker) + 1
            spans.append(("k", cue_start, cue_start + len(cue)))
            claim_start = cue_start + len(cue) + 2
            spans.append(("c", claim_start, claim_start + len(quote)))
            paragraphs.append(paragraph)
            offset += len(paragraph) + 2
        texts.append("\n\n".join(paragraphs))
        layouts.append(spans)
    lines = [
        json.dumps({"text": text, "title": f"Report {d}", "outlet": OUTLETS[d % len(OUTLETS)],
                    "published_at": f"2024-03-{1 + d % 28:02d}T{d % 24:02d}:00:00Z"})
        for d, text in enumerate(texts)
    ]  # fmt: skip
    report = documents_import(
        files=[("story.jsonl", "\n".join(lines).encode())], story_name=name, clean=False
    )
    assert report.errors == [], report.errors
    documents = list(report.documents)
    project_documents_add(project=project, documents=documents)
    records = [
        _record(doc, layouts[d], documents[d - 1] if d else None, linked_per_document)
        for d, doc in enumerate(documents)
    ]
    outcome = records_import(
        project=project, user=user, header=None, documents=records, may_add_people=False
    )
    assert outcome.ok, outcome.errors
    return documents[0].story, documents


def _record(
    doc: Document, layout: list[tuple[str, int, int]], previous: Document | None, linked: int
) -> dict[str, Any]:
    labels = {"s": "SOURCE", "k": "CUE", "c": "CLAIM"}
    spans, relations = [], []
    for i, (kind, start, end) in enumerate(layout):
        c = i // 3
        attributes = {"source_type": "anonymous_official"} if kind == "s" and c % 2 else {}
        spans.append({"id": f"{kind}{c}", "label": labels[kind], "start": start, "end": end,
                      "text": doc.text[start:end], "attributes": attributes})  # fmt: skip
        if kind == "c":
            relations.append({"type": "ATTRIBUTED_TO", "source": f"c{c}", "target": f"s{c}"})
            relations.append({"type": "CUE_OF", "source": f"k{c}", "target": f"c{c}"})
            if previous is not None and c < linked:
                relations.append({"type": "SAME_CLAIM", "source": f"c{c}", "target": f"c{c}",
                                  "target_document": previous.pk})  # fmt: skip
    return {
        "claimlens": "document",
        "id": doc.pk,
        "sha256": doc.sha256,
        "text": doc.text,
        "story": doc.story.name,
        "sets": [
            {
                "kind": "gold",
                "status": "curated",
                "spans": spans,
                "relations": relations,
                "stances": [],
            }
        ],  # fmt: skip
    }
