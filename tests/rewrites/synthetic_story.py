"""A generated story for the rewrites' cache tests and bench: ``n_documents`` articles of
about ``target_chars`` characters, every other one a rewrite of the one before it (most of
its sentences copied, some reworded, some moved, a few left out, new ones added), so the
story has many near-duplicate pairs. Generated words only, never real articles."""

from __future__ import annotations

import json
import random

from annotations.models import Project
from annotations.services.projects import project_documents_add
from corpus.models import Document, Story
from corpus.services import documents_import

WORDS = [
    "harbour", "bridge", "council", "ferry", "closure", "repairs", "workers", "strike",
    "tide", "storm", "budget", "mayor", "engineers", "inspection", "traffic", "detour",
    "cables", "pier", "tender", "residents", "union", "minister", "crane", "schedule",
]  # fmt: skip
OUTLETS = ("Harbour Herald", "Veyra Times", "Coastline Daily", "North Pier Post", "Tidewatch")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 18))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?"])


def _reworded(rng: random.Random, sentence: str) -> str:
    words = sentence.split(" ")
    words[rng.randrange(1, len(words) - 1)] = rng.choice(WORDS)
    return " ".join(words)


def _rewrite(rng: random.Random, sentences: list[str]) -> list[str]:
    out = []
    for sentence in sentences:
        roll = rng.random()
        if roll < 0.1:
            continue  # left out
        out.append(_reworded(rng, sentence) if roll < 0.3 else sentence)
        if rng.random() < 0.1:
            out.append(_sentence(rng))  # added
    for _ in range(2):  # moved
        out.append(out.pop(rng.randrange(len(out) // 2)))
    return out


def story_texts(n_documents: int, target_chars: int, seed: int = 14) -> list[str]:
    """The articles' texts: paragraphs of generated sentences, odd ones rewriting the one
    before."""
    rng = random.Random(seed)
    texts: list[str] = []
    previous: list[str] = []
    for d in range(n_documents):
        if d % 2:
            sentences = _rewrite(rng, previous)
        else:
            sentences = [f"Report {d} on the harbour bridge."]
            while sum(len(s) + 1 for s in sentences) < target_chars:
                sentences.append(_sentence(rng))
        previous = sentences
        paragraphs = [" ".join(sentences[at : at + 4]) for at in range(0, len(sentences), 4)]
        texts.append("\n\n".join(paragraphs))
    return texts


def rewrites_story(
    project: Project, n_documents: int, target_chars: int, name: str = "Harbour bridge"
) -> tuple[Story, list[Document]]:
    """The story imported (``documents_import``, not cleaned) and added to ``project``."""
    lines = [
        json.dumps(
            {
                "text": text,
                "title": f"Report {d}",
                "outlet": OUTLETS[d % len(OUTLETS)],
                "published_at": f"2024-03-{1 + d // 24:02d}T{d % 24:02d}:00:00Z",
            }
        )
        for d, text in enumerate(story_texts(n_documents, target_chars))
    ]
    report = documents_import(
        files=[("story.jsonl", "\n".join(lines).encode())], story_name=name, clean=False
    )
    assert report.errors == [], report.errors
    documents = list(report.documents)
    project_documents_add(project=project, documents=documents)
    return documents[0].story, documents
