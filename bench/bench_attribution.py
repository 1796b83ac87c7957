"""The attribution suggester's throughput (issue 14 §4: >= 200 documents/s on one core).

Runs ``suggest_attributions`` in this one process (one core) over 200 generated articles of
about 8 KB (``bench.textgen``: fictional text with attributed quotes), three passes, and
prints documents/s (best pass, by CPU time and by wall time) and how many of the generated
quotes came back as a CLAIM with the same offsets (the generator knows where they are).
Pure: no database. Run: ``.venv/bin/python -m bench.bench_attribution``.
"""

from __future__ import annotations

import random
import sys
import time

from annotations.suggesters.attribution import suggest_attributions
from bench.textgen import generate_document

DOCUMENTS = 200
TARGET_BYTES = 8_000
PASSES = 3
TARGET_PER_SECOND = 200


def main() -> int:
    rng = random.Random(14)
    documents = [
        generate_document(rng, target_bytes=TARGET_BYTES, min_triples=10, marker=f"a{i}")
        for i in range(DOCUMENTS)
    ]
    mean_bytes = sum(len(d.text.encode()) for d in documents) / DOCUMENTS
    best_cpu = best_wall = float("inf")
    for _ in range(PASSES):
        cpu, wall = time.process_time(), time.perf_counter()
        results = [suggest_attributions(d.text) for d in documents]
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    expected = found = 0
    for document, result in zip(documents, results, strict=True):
        claims = {(s.start, s.end) for s in result.spans if s.label == "CLAIM"}
        expected += len(document.triples)
        found += sum(1 for t in document.triples if t.claim in claims)
    per_second_cpu = DOCUMENTS / best_cpu
    verdict = "PASS" if per_second_cpu >= TARGET_PER_SECOND else "FAIL"
    print(f"{DOCUMENTS} documents of {mean_bytes:.0f} bytes on average, best of {PASSES}")
    print(f"documents/s (CPU): {per_second_cpu:.0f}   (wall): {DOCUMENTS / best_wall:.0f}")
    print(f"target >= {TARGET_PER_SECOND} documents/s: {verdict}")
    print(f"generated quotes found as a CLAIM with exact offsets: {found}/{expected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
