"""The seed story in a project, for tests of the features that work across outlets: the five
seed articles (../shared/seeds) imported through the real corpus import into a project with
the news-attribution preset, and, on request, the hand-made gold layer
(tests/gold/seed_story_gold.json) written as the project's curated gold sets through the
import's checked path.

``seed_story_project(people)`` is the one way tests build it; ``gold_records`` turns the gold
file into native document records (the shape ``records_import`` reads)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotations.formats.records import Record
from annotations.models import Project
from annotations.services.imports.service import records_import
from annotations.services.projects import project_documents_add
from corpus.models import Document, Story
from corpus.services import documents_import
from tests.conftest import SEEDS

GOLD_PATH = Path(__file__).parent / "gold" / "seed_story_gold.json"
STORY_NAME = "Gaza hostage talks, March 2024"
# The seed files' name prefixes, by outlet.
AXIOS, AL_MAYADEEN, NEW_YORK_TIMES, TIMES_OF_ISRAEL, CNN = "000", "001", "002", "003", "004"


@dataclass(frozen=True)
class SeedStory:
    project: Project
    story: Story
    documents: dict[str, Document]  # by file-name prefix: AXIOS, AL_MAYADEEN, ...

    def document(self, prefix: str) -> Document:
        return self.documents[prefix]


def seed_gold() -> dict[str, Any]:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def seed_documents_import(seeds_dir: Path = SEEDS) -> list[Document]:
    """The seed articles stored by the corpus import (cleaning on), in file order."""
    files = [(path.name, path.read_bytes()) for path in sorted(seeds_dir.glob("*.txt"))]
    report = documents_import(files=files, story_name=STORY_NAME)
    assert report.errors == [], report.errors
    return list(report.documents)


def gold_records(documents: list[Document], gold: dict[str, Any] | None = None) -> list[Record]:
    """The gold file as native document records, one curated gold set per document; span ids
    are the file's (``c1``, ``s1``, ...), SAME_CLAIM and SAME_SOURCE links cross documents."""
    gold = gold or seed_gold()
    by_file = {doc.meta["source"]["file"]: doc for doc in documents}
    sets: dict[str, dict[str, Any]] = {}
    for entry in gold["documents"]:
        doc = by_file[entry["file"]]
        assert doc.sha256 == entry["sha256"], entry["file"]
        sets[entry["file"]] = {
            "kind": "gold",
            "status": "curated",
            "spans": [
                {
                    "id": span["id"],
                    "label": span["label"],
                    "start": span["start"],
                    "end": span["end"],
                    "text": doc.text[span["start"] : span["end"]],
                    "attributes": span.get("attributes", {}),
                }
                for span in entry["spans"]
            ],
            "relations": [
                {"type": rel["label"], "source": rel["from"], "target": rel["to"]}
                for rel in entry.get("relations", [])
            ],
            "stances": [
                {"holder": st["holder"], "object": st["object"], "value": st["value"]}
                for st in entry.get("stances", [])
            ],
        }
    for link in [*gold["same_claim"], *gold["same_source"]]:
        relation: dict[str, Any] = {
            "type": link["label"],
            "source": link["from"]["span"],
            "target": link["to"]["span"],
            "target_document": by_file[link["to"]["file"]].pk,
        }
        sets[link["from"]["file"]]["relations"].append(relation)
    return [
        {
            "claimlens": "document",
            "id": by_file[file].pk,
            "sha256": by_file[file].sha256,
            "text": by_file[file].text,
            "story": STORY_NAME,
            "sets": [layer],
        }
        for file, layer in sets.items()
    ]


def seed_story_project(
    project: Project, user: Any, *, with_gold: bool = True, seeds_dir: Path = SEEDS
) -> SeedStory:
    """Add the seed story's five documents to ``project`` (news-attribution preset) and, with
    ``with_gold``, write the gold layer as its curated gold sets (``user``: a manager)."""
    documents = seed_documents_import(seeds_dir)
    project_documents_add(project=project, documents=documents)
    if with_gold:
        outcome = records_import(
            project=project,
            user=user,
            header=None,
            documents=gold_records(documents),
            may_add_people=False,
        )
        assert outcome.ok, outcome.errors
    return SeedStory(
        project=project,
        story=documents[0].story,
        documents={doc.meta["source"]["file"][:3]: doc for doc in documents},
    )
