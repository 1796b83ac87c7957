"""The workspace in headless Chromium (Debian's, through Playwright) against gunicorn:
open the 200 KB document with its 2,000 spans until it is drawn and interactive, then add
spans and time each repaint.

- **open**: from navigation start (``performance.now()`` is 0 there) to the first animation
  frame in which the text is drawn with its spans and the side panel lists them: HTML,
  modules, the API calls (schema, document with sets), drawing. 7 loads after one warm-up
  load; the browser keeps its cache between loads, as it does for a person at work.
- **add span**: a text selection over words with no span, then the label action, until the
  next frame has been laid out and painted (``requestAnimationFrame`` then a task). 20 adds.
"""

from __future__ import annotations

import os
from typing import Any

from bench.common import manage, summary_ms
from bench.server import gunicorn_server
from bench.setup_data import PASSWORD, BenchData

OPEN_RUNS = 7
ADDS = 20

READY_JS = """
() => {
  const ws = window.claimlens;
  const ready = ws && ws.view && document.querySelector("#doc-text .seg.has-span")
    && document.querySelector('[data-section="spans"] .span-list');
  if (ready && !window.__readyAt) window.__readyAt = performance.now();
  return Boolean(ready);
}
"""

ADD_SPANS_JS = """
async (n) => {
  const ws = window.claimlens;
  const text = ws.chars;
  const taken = new Uint8Array(text.length);
  for (const s of ws.state.spans) taken.fill(1, s.start, s.end);
  const times = [];
  let position = 0;
  for (let i = 0; i < n; i++) {
    // the next run of 12 code points with no span, starting at a word
    position += Math.floor(text.length / (n + 1));
    let start = position;
    const busy = (at) => taken[at] || taken[at + 11] || /\\s/.test(text[at]);
    while (start < text.length - 12 && busy(start)) start++;
    ws.view.showSelection(start, start + 12);
    const t0 = performance.now();
    ws.labelSelection("CUE");
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    times.push(performance.now() - t0);
    taken.fill(1, start, start + 12);
  }
  return times;
}
"""


def collect_static() -> None:
    """gunicorn serves static files through whitenoise from STATIC_ROOT, as in production."""
    manage("collectstatic")


def run_workspace_benches(data: BenchData) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    if data.long_set is None:
        return {"skipped": "no 2,000-span set"}
    collect_static()
    chromium = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    results: dict[str, Any] = {}
    with gunicorn_server() as port, sync_playwright() as playwright:
        base = f"http://127.0.0.1:{port}"
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--headless=new"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/login/")
        page.fill("#id_username", data.long_set.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        url = f"{base}/projects/{data.project_id}/documents/{data.long_set.document_id}/work/"
        opens: list[float] = []
        for run in range(OPEN_RUNS + 1):
            page.goto(url, wait_until="commit")
            page.wait_for_function(READY_JS, polling="raf", timeout=30_000)
            if run:  # the first load warms the caches
                opens.append(page.evaluate("window.__readyAt") / 1000)
        spans_drawn = page.evaluate("window.claimlens.state.spans.length")
        segments = page.evaluate("document.querySelectorAll('#doc-text .seg').length")
        adds = [t / 1000 for t in page.evaluate(ADD_SPANS_JS, ADDS)]
        page.wait_for_function(
            "() => document.querySelector('#save-status').dataset.state === 'saved'",
            timeout=30_000,
        )
        browser.close()
    results["open_long"] = {
        **summary_ms(opens),
        "spans": spans_drawn,
        "segments": segments,
        "text_chars": len(data.long_set.text),
    }
    results["add_span_long"] = summary_ms(adds)
    if errors:
        results["page_errors"] = errors[:5]
    return results
