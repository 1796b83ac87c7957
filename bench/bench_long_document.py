"""One long document through every exchange format (issue 11, section 3): a generated text of
about 20 MB (``textgen``: quotes, some emoji, so UTF-16 offsets differ from code points)
with one annotator's set of 2,000 spans (CLAIM, CUE, SOURCE of 667 attributions), 1,000
relations (ATTRIBUTED_TO, CUE_OF), 100 stances and the document answers.

Each step runs in a process of its own (``python -m bench.bench_long_document --step ...``),
which sets Django up, then times the one call of the step (wall, ``time.perf_counter``) and
reports its peak resident memory (``VmHWM`` from ``/proc/self/status``, the whole process:
Python, Django and the libraries, about 100 MiB before any work) and the resident memory
before the call (``VmRSS``):

- ``import <format>``: ``annotations_import`` of a file of that format into a new project,
  through the real import service (read, normalise, check, write to PostgreSQL). The file is
  the native JSONL built here for ``jsonl``, our own export of the document for ``brat`` (a
  zip) and ``label-studio``, and a file built here for ``doccano`` (entities and relations,
  UTF-16 offsets) and ``mapped-jsonl`` (spans by a mapping). The document's text is already
  in the corpus after the first import: later imports find it by its hash.
- ``export <format>``: ``export_chunks`` of the project the JSONL import made, every export
  format, the bytes written to a file (what a background export job does).
- ``normalise``: ``text_map.normalised`` (what every import does to a text that is not in
  the stored form) on the 20 MB text with every ``e`` made a decomposed ``é`` (``e`` +
  U+0301: 2.5 million changes, a harsh case) and CRLF line ends, and on the text with only
  ten decomposed characters, mapping the 4,000 span ends.

Target for each step: under 10 s and 1 GiB. A benchmark, not a test: a miss is shown in the
table, never as an exit code.

Not part of ``bench/run_all.py`` (a few minutes of its own). Run it alone, on a database of
its own (created and migrated when missing)::

    .venv/bin/python -m bench.bench_long_document [--database claimlens_bench_long]
        [--only export:spacy] [--megabytes 20]
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from bench import common
from bench.payloads import ANSWERS, STANCE_TARGETS, set_payload
from bench.textgen import generate_document

OWN_DATABASE = "claimlens_bench_long"
SPANS, RELATIONS, STANCES = 2_000, 1_000, 100
TARGET_SECONDS, TARGET_MIB = 10.0, 1024
EXPORTS = (
    "jsonl",
    "brat",
    "label-studio",
    "conll",
    "spacy",
    "hf-jsonl",
    "hf-parquet",
    "csv-spans",
    "csv-stances",
)
IMPORTS = ("jsonl", "brat", "label-studio", "doccano", "mapped-jsonl")
OWNER = "bench_long_owner"
MAPPING = {
    "text": "text",
    "title": "title",
    "spans": {"path": "spans", "start": "s", "end": "e", "label": "l", "text": "t"},
}


# --- the document -----------------------------------------------------------------------------


def _schema() -> dict[str, Any]:
    from annotations.presets import NEWS_ATTRIBUTION

    schema = copy.deepcopy(NEWS_ATTRIBUTION)
    schema["stance"]["targets"] = STANCE_TARGETS
    return schema


def long_record(megabytes: float, seed: int = 11) -> dict[str, Any]:
    """The document record: the long text and one set (spans with ids, relations, stances)."""
    rng = random.Random(seed)
    doc = generate_document(
        rng, target_bytes=int(megabytes * 1_000_000), min_triples=SPANS // 3 + 1, marker="long"
    )
    payload = set_payload(doc.text, doc.triples, n_spans=SPANS, n_relations=RELATIONS, version=1)
    ids = {}
    for k, span in enumerate(payload["spans"], start=1):
        ids[span.pop("ref")] = span["id"] = k
    relations = [
        {**r, "source": ids[r["source"]], "target": ids[r["target"]]} for r in payload["relations"]
    ]
    sources = [s["id"] for s in payload["spans"] if s["label"] == "SOURCE"]
    stances = [
        {"holder": holder, "target": STANCE_TARGETS[n % 2]["key"], "value": "favor"}
        for n, holder in enumerate(sources[:STANCES])
    ]
    return {
        "title": f"The long document ({megabytes:g} MB)",
        "text": doc.text,
        "outlet": doc.outlet,
        "sets": [
            {
                "kind": "annotator",
                "author": OWNER,
                "status": "submitted",
                "spans": payload["spans"],
                "relations": relations,
                "stances": stances,
                "answers": ANSWERS,
            }
        ],
    }


def native_jsonl(record: dict[str, Any]) -> bytes:
    header = {"claimlens": "project", "version": 2, "project": {}, "schema": _schema()}
    return orjson.dumps(header) + b"\n" + orjson.dumps(record) + b"\n"


def _utf16(text: str, offsets: list[int]) -> dict[int, int]:
    from annotations.spans import Utf16Offsets

    index = Utf16Offsets(text)
    return {o: index.to_utf16(o) for o in offsets}


def doccano_jsonl(record: dict[str, Any]) -> bytes:
    """doccano's shape with relations; offsets in UTF-16 units, as doccano counts."""
    aset = record["sets"][0]
    units = _utf16(record["text"], [x for s in aset["spans"] for x in (s["start"], s["end"])])
    item = {
        "text": record["text"],
        "title": record["title"],
        "entities": [
            {
                "id": s["id"],
                "start_offset": units[s["start"]],
                "end_offset": units[s["end"]],
                "label": s["label"],
            }
            for s in aset["spans"]
        ],
        "relations": [
            {"id": k, "from_id": r["source"], "to_id": r["target"], "type": r["type"]}
            for k, r in enumerate(aset["relations"])
        ],
    }
    return orjson.dumps(item) + b"\n"


def mapped_jsonl(record: dict[str, Any]) -> bytes:
    spans = [
        {"s": s["start"], "e": s["end"], "l": s["label"], "t": s["text"]}
        for s in record["sets"][0]["spans"]
    ]
    item = {"text": record["text"], "title": record["title"], "spans": spans}
    return orjson.dumps(item) + b"\n"


# --- the steps (each in its own process) ------------------------------------------------------


def _status(field: str) -> int:
    """A ``/proc/self/status`` figure (``VmHWM``, ``VmRSS``) in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _owner() -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get_or_create(username=OWNER)[0]


def _project(name: str) -> Any:
    from annotations.services.projects import project_create

    return project_create(name=f"Long document: {name} {time.time_ns()}", owner=_owner())


def step_import(fmt: str, path: Path, options: dict[str, Any]) -> dict[str, Any]:
    from annotations.services.imports import annotations_import

    project = _project(f"import {fmt}")
    if fmt != "jsonl":
        from annotations.services.projects import project_schema_replace

        project_schema_replace(project=project, definition=_schema())
    files = [(path.name, path.read_bytes())]
    before = _status("VmRSS")
    t0 = time.perf_counter()
    outcome = annotations_import(
        project=project, user=_owner(), fmt=fmt, files=files, options=options
    )
    seconds = time.perf_counter() - t0
    if not outcome.ok:
        raise SystemExit(f"import {fmt} failed: {outcome.errors[:3]}")
    return {
        "seconds": seconds,
        "rss_before_kib": before,
        "peak_kib": _status("VmHWM"),
        "project": project.pk,
        "counts": outcome.counts,
        "notes": len(outcome.notes),
    }


def step_export(fmt: str, project_id: int, out: Path) -> dict[str, Any]:
    from annotations.formats.records import ExportNotes
    from annotations.models import Project
    from annotations.selectors.export import ExportFilters
    from annotations.services.exports import export_chunks

    project = Project.objects.select_related("schema").get(pk=project_id)
    notes = ExportNotes()
    before = _status("VmRSS")
    t0 = time.perf_counter()
    size = 0
    with out.open("wb") as file:
        for chunk in export_chunks(project, fmt, ExportFilters(), notes):
            file.write(chunk)
            size += len(chunk)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "rss_before_kib": before,
        "peak_kib": _status("VmHWM"),
        "bytes": size,
        "notes": len(notes.items),
    }


def step_normalise(path: Path, how: str) -> dict[str, Any]:
    from annotations.formats.text_map import normalised

    record = orjson.loads(path.read_bytes().split(b"\n")[1])
    text = record["text"]
    ends = [x for s in record["sets"][0]["spans"] for x in (s["start"], s["end"])]
    if how == "decomposed":
        text = text.replace("e", "\u00e9")  # the text is ASCII but for quotes and emoji
        changes = text.count("\u00e9")
        text = text.replace("\u00e9", "e\u0301").replace("\n", "\r\n")
        ends = []  # the offsets moved with the text: not mapped here
    else:
        head = text[: len(text) // 2]
        text = head + "e\u0301" * 10 + text[len(head) :]
        changes = 10
        ends = [o + 10 if o > len(head) else o for o in ends]
    del record
    before = _status("VmRSS")
    t0 = time.perf_counter()
    stored, offsets = normalised(text)
    mapped = [offsets.map(o) for o in ends]
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "rss_before_kib": before,
        "peak_kib": _status("VmHWM"),
        "changes": changes,
        "mapped": len(mapped),
        "stored_length": len(stored),
    }


def run_step(args: argparse.Namespace) -> None:
    common.BENCH_ENV["DATABASE_URL"] = common.local_database_url(args.database)
    common.django_setup()
    kind, _, fmt = args.step.partition(":")
    work = Path(args.work)
    if kind == "import":
        options = {"mapping": MAPPING} if fmt == "mapped-jsonl" else {}
        figures = step_import(fmt, work / _import_file(fmt), options)
    elif kind == "export":
        figures = step_export(fmt, args.project, work / f"export.{fmt}")
    else:
        figures = step_normalise(work / "long.jsonl", fmt)
    sys.stdout.write(orjson.dumps(figures).decode() + "\n")


def _import_file(fmt: str) -> str:
    return {
        "jsonl": "long.jsonl",
        "brat": "export.brat.zip",
        "label-studio": "export.label-studio.json",
        "doccano": "long.doccano.jsonl",
        "mapped-jsonl": "long.mapped.jsonl",
    }[fmt]


# --- the run ----------------------------------------------------------------------------------


def _child(step: str, database: str, work: Path, project: int | None = None) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.bench_long_document", "--database", database]
    command += ["--step", step, "--work", str(work)]
    if project is not None:
        command += ["--project", str(project)]
    t0 = time.perf_counter()
    done = subprocess.run(
        command, cwd=common.ROOT, env=common.bench_env(), capture_output=True, text=True
    )
    if done.returncode != 0:
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
    figures = orjson.loads(done.stdout.strip().splitlines()[-1])
    figures["process_seconds"] = time.perf_counter() - t0
    return figures


def _row(step: str, figures: dict[str, Any]) -> str:
    if "error" in figures:
        return f"{step:<22} FAILED: {figures['error']}"
    peak = figures["peak_kib"] / 1024
    ok = figures["seconds"] < TARGET_SECONDS and peak < TARGET_MIB
    return (
        f"{step:<22} {figures['seconds']:>8.2f} {peak:>9.0f} "
        f"{figures['rss_before_kib'] / 1024:>9.0f}  {'PASS' if ok else 'FAIL'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=OWN_DATABASE)
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--only", default="", help="steps to run, comma-separated")
    parser.add_argument("--step", default="", help=argparse.SUPPRESS)
    parser.add_argument("--work", default="", help=argparse.SUPPRESS)
    parser.add_argument("--project", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        run_step(args)
        return 0

    from bench.bench_api_import import database_use

    database_use(args.database)
    only = {s for s in args.only.split(",") if s}
    print(f"load average at start: {os.getloadavg()}", flush=True)
    record = long_record(args.megabytes)
    print(
        f"document: {len(record['text'].encode()):,} bytes, {len(record['text']):,} code points, "
        f"{sum(ord(c) > 0xFFFF for c in record['text'])} outside the BMP; "
        f"{len(record['sets'][0]['spans'])} spans, {len(record['sets'][0]['relations'])} "
        f"relations, {len(record['sets'][0]['stances'])} stances",
        flush=True,
    )
    print(f"{'step':<22} {'seconds':>8} {'peak MiB':>9} {'start MiB':>9}")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench_long_") as tmp:
        work = Path(tmp)
        (work / "long.jsonl").write_bytes(native_jsonl(record))
        (work / "long.doccano.jsonl").write_bytes(doccano_jsonl(record))
        (work / "long.mapped.jsonl").write_bytes(mapped_jsonl(record))
        del record

        def run(step: str, project: int | None = None) -> dict[str, Any]:
            figures = _child(step, args.database, work, project)
            results[step] = figures
            print(_row(step, figures), flush=True)
            return figures

        first = run("import:jsonl")  # always: the exports read the project it makes
        project = first.get("project")
        for fmt in EXPORTS:
            if not only or f"export:{fmt}" in only or fmt in ("brat", "label-studio"):
                run(f"export:{fmt}", project)
        (work / "export.brat.zip").write_bytes((work / "export.brat").read_bytes())
        (work / "export.label-studio.json").write_bytes((work / "export.label-studio").read_bytes())
        for fmt in IMPORTS[1:]:
            if not only or f"import:{fmt}" in only:
                run(f"import:{fmt}")
        for how in ("decomposed", "few"):
            if not only or f"normalise:{how}" in only:
                run(f"normalise:{how}")
    print(f"load average at end: {os.getloadavg()}")
    out = common.RESULTS / "long_document.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    print(f"figures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
