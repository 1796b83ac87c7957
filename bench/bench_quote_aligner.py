"""Quote aligner (issue 14, figure: a story of 100 documents of 8 KB aligned in <= 2 s).

A generated story (``bench/textgen.py``, never real articles): 100 documents of about 8 KB,
each with the generator's own attributed quotes (built from small word lists, so many of them
recur across documents by chance: a harder case than a real story) plus 8 statements drawn
from a story-wide pool of 60, quoted whole or in part, in straight, curly or guillemet marks.

Measured: ``align_quotes`` in-process (pure, no database); generating the text is not timed.
Best and median of 5 runs, wall time (the target's), and the process's CPU time beside it
(the figure to compare when other work shares the machine).
Run: ``.venv/bin/python -m bench.bench_quote_aligner``.
"""

from __future__ import annotations

import random
import statistics
import time
from collections import Counter

from annotations.suggesters.quotes import align_quotes
from bench.textgen import claim_text, filler_sentence, generate_document

DOCUMENTS = 100
DOC_BYTES = 8_000
POOL = 60
PER_DOCUMENT = 8
TARGET_SECONDS = 2.0
MARKS = [('"', '"'), ("\u201c", "\u201d"), ("\u00ab", "\u00bb")]


def generated_story(seed: int = 14) -> list[tuple[int, str]]:
    rng = random.Random(seed)
    pool = [f"{claim_text(rng, emoji=False)} and {claim_text(rng).lower()}" for _ in range(POOL)]
    story: list[tuple[int, str]] = []
    for number in range(DOCUMENTS):
        base = generate_document(
            rng, target_bytes=DOC_BYTES - 1_700, min_triples=10, marker=f"q{number}"
        ).text
        extra: list[str] = []
        for statement in rng.sample(pool, PER_DOCUMENT):
            words = statement.split()
            if rng.random() < 0.2:  # a partial quote: the first two thirds
                words = words[: len(words) * 2 // 3]
            opening, closing = rng.choice(MARKS)
            extra.append(f"{filler_sentence(rng)} {opening}{' '.join(words)},{closing} they said.")
        story.append((number, base + "\n\n" + " ".join(extra) + "\n"))
    return story


def main() -> None:
    story = generated_story()
    size = sum(len(text.encode()) for _, text in story) / len(story)
    times: list[float] = []
    cpu: list[float] = []
    result = None
    for _ in range(5):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = align_quotes(story)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    assert result is not None
    best, median = min(times), statistics.median(times)
    verdict = "PASS" if median <= TARGET_SECONDS else "FAIL"
    kinds = Counter(link.kind for link in result.links)
    print(f"quote aligner: {len(story)} documents of {size / 1000:.1f} KB on average")
    print(f"  {len(result.spans)} spans, {len(result.links)} SAME_CLAIM links proposed")
    print("  links by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print(f"  best {best:.3f} s, median {median:.3f} s (target <= {TARGET_SECONDS} s) {verdict}")
    print(f"  CPU time: best {min(cpu):.3f} s, median {statistics.median(cpu):.3f} s")


if __name__ == "__main__":
    main()
