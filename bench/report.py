"""The figure table: each measure, our figure, Label Studio's, the target, pass or fail."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Row:
    measure: str
    ours: float | None
    unit: str
    label_studio: float | None = None
    target: float | None = None
    higher_is_better: bool = False  # True for throughput, False for latency

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "-"
        if self.ours is None:
            return "n/a"
        ok = self.ours >= self.target if self.higher_is_better else self.ours <= self.target
        return "PASS" if ok else "FAIL"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "verdict": self.verdict}


def _get(results: dict[str, Any], *keys: str) -> float | None:
    value: Any = results
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


# Label Studio 1.23.2's task import over its API on this machine, best run (issue 9:
# 770-950 tasks/s); the target is 3x that with cleaning off, and with cleaning on half of
# the PostgreSQL floor measured in the same run.
LABEL_STUDIO_API_IMPORT = 950


def build_rows(results: dict[str, Any]) -> list[Row]:
    api, imp, q = results.get("api", {}), results.get("import", {}), results.get("queries", {})
    ws, ex = results.get("workspace", {}), results.get("exchange", {})
    web = results.get("api_import", {})
    floor = _get(web, "copy_floor", "docs_per_s_best")
    rows = [
        Row("import 2,000 docs, clean=True", _get(imp, "import_2000_clean", "docs_per_s"),
            "docs/s", 650, 10_000, True),
        Row("import 2,000 docs, clean=False", _get(imp, "import_2000_raw", "docs_per_s"),
            "docs/s", None, 10_000, True),
        Row("import 10,000 docs, clean=True", _get(imp, "import_10000_clean", "docs_per_s"),
            "docs/s", None, 10_000, True),
        Row("API import 2,000 articles, clean=false, best", _get(web, "api_import_raw",
            "docs_per_s_best"), "docs/s", LABEL_STUDIO_API_IMPORT, 3 * LABEL_STUDIO_API_IMPORT,
            True),
        Row("API import 2,000 articles, clean=false, median", _get(web, "api_import_raw",
            "docs_per_s_median"), "docs/s"),
        Row("API import 2,000 articles, clean=true, best", _get(web, "api_import_clean",
            "docs_per_s_best"), "docs/s", None, floor / 2 if floor else None, True),
        Row("API import 2,000 articles, clean=true, median", _get(web, "api_import_clean",
            "docs_per_s_median"), "docs/s"),
        Row("PostgreSQL floor for those rows (COPY alone)", floor, "docs/s"),
        Row("cleaning alone (article_clean), 1 process", _get(imp, "cleaning_only", "clean",
            "docs_per_s"), "docs/s"),
        Row("detection alone (enabled=False)", _get(imp, "cleaning_only", "detect_only",
            "docs_per_s"), "docs/s"),
        Row("HTTP floor: JSON 404, p50", _get(api, "http_floor_404", "p50_ms"), "ms"),
        Row("save 30 spans+10 rel, 1 client p50", _get(api, "save_30", "p50_ms"), "ms", 148, 15),
        Row("save 30 spans+10 rel, 1 client p95", _get(api, "save_30", "p95_ms"), "ms"),
        Row("saves/s, 8 clients", _get(api, "save_30_8_clients", "saves_per_s"), "saves/s",
            14, 150, True),
        Row("save latency with 8 clients p50", _get(api, "save_30_8_clients", "latency",
            "p50_ms"), "ms"),
        Row("GET set (30 spans) p50", _get(api, "get_set_30", "p50_ms"), "ms", 228, 10),
        Row("GET set (30 spans) p95", _get(api, "get_set_30", "p95_ms"), "ms"),
        Row("GET project document (30 spans) p50", _get(api, "get_doc_30", "p50_ms"), "ms",
            228, 10),
        Row("GET project document (30 spans) p95", _get(api, "get_doc_30", "p95_ms"), "ms"),
        Row("GET set, 200 KB / 2,000 spans p50", _get(api, "get_set_long", "p50_ms"), "ms",
            390, 40),
        Row("GET set, 200 KB / 2,000 spans p95", _get(api, "get_set_long", "p95_ms"), "ms"),
        Row("GET project document, 200 KB p50", _get(api, "get_doc_long", "p50_ms"), "ms",
            390, 40),
        Row("GET project document, 200 KB p95", _get(api, "get_doc_long", "p95_ms"), "ms"),
        Row("save 2,000 spans+667 rel p50", _get(api, "save_long", "p50_ms"), "ms"),
        Row("workspace: open 200 KB / 2,000 spans p50", _get(ws, "open_long", "p50_ms"), "ms",
            None, 500),
        Row("workspace: open 200 KB / 2,000 spans p95", _get(ws, "open_long", "p95_ms"), "ms"),
        Row("workspace: add a span, repaint p50", _get(ws, "add_span_long", "p50_ms"), "ms",
            None, 50),
        Row("workspace: add a span, repaint p95", _get(ws, "add_span_long", "p95_ms"), "ms"),
        Row("JSONL export, 2,000 annotated docs, per doc", _get(ex, "export_2000",
            "ms_per_document"), "ms", 6.41, round(6.41 / 15, 3)),
        Row("JSONL export of 1,000,000 spans: worker peak RSS", _get(ex, "export_1m_spans",
            "worker_peak_rss_mib"), "MiB", 546, 200),
        Row("JSONL import, 10,000 annotated docs", _get(ex, "import_10000", "docs_per_s"),
            "docs/s", None, 10_000, True),
    ]  # fmt: skip
    for name in ("get_set_30", "get_doc_30", "save_30", "get_set_long", "get_doc_long",
                 "save_long"):  # fmt: skip
        rows.append(Row(f"SQL queries: {name}", _get(q, name, "queries"), "queries"))
    return rows


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}" if value >= 100 else f"{value:,.2f}"


def render(rows: list[Row]) -> str:
    header = ("measure", "ours", "unit", "Label Studio", "target", "result")
    lines = [
        (
            r.measure,
            _fmt(r.ours),
            r.unit,
            _fmt(r.label_studio),
            ("" if r.target is None else (">= " if r.higher_is_better else "<= ")) + _fmt(r.target),
            r.verdict,
        )
        for r in rows
    ]
    widths = [max(len(str(x[i])) for x in [header, *lines]) for i in range(len(header))]
    right = {1, 3, 4}

    def fmt_line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        )

    out = [fmt_line(header), "  ".join("-" * w for w in widths)]
    out += [fmt_line(line) for line in lines]
    return "\n".join(out)
