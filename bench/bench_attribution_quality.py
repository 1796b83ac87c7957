"""The attribution suggester against the seed story's gold layer (issue 14 §4): precision,
recall and F1 per label, exact and overlapping, over the gold file's documents (all five seed
articles, each annotated in full).

The seed texts are read from ../shared/seeds and cleaned as the corpus import stores them
(the gold offsets are over that text; each document's sha256 is checked). Pure: no
database. Run: ``.venv/bin/python -m bench.bench_attribution_quality``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from annotations.suggesters.attribution_scores import attribution_scores
from corpus.cleaning import article_clean

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "seed_story_gold.json"
SEEDS = ROOT.parent / "shared" / "seeds"


def gold_documents(gold_path: Path = GOLD, seeds: Path = SEEDS) -> list[tuple[str, dict]]:
    """(stored text, gold document) of each document of the gold file."""
    out = []
    for document in json.loads(gold_path.read_text(encoding="utf-8"))["documents"]:
        raw = (seeds / document["file"]).read_text(encoding="utf-8")
        text = article_clean(raw, enabled=True).text
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != document["sha256"]:
            raise SystemExit(f"{document['file']}: the cleaned text is not the gold's text")
        out.append((text, document))
    return out


def main() -> int:
    documents = gold_documents()
    scores = attribution_scores(documents)
    print(f"{len(documents)} documents; gold is the reference")
    print(f"{'counting':8} {'label':14} {'gold':>5} {'ours':>5} {'P':>5} {'R':>5} {'F1':>5}")
    for counting, by_label in scores.items():
        for label, c in sorted(by_label.items()):
            print(
                f"{counting:8} {label:14} {c.a:5} {c.b:5} "
                f"{c.precision or 0:5.2f} {c.recall or 0:5.2f} {c.f1 or 0:5.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
