"""A small external recommender for the tests: an ``http.server`` in a thread on 127.0.0.1
(port 0: a free one), answering each path in its own way, good and bad.

``/good`` proposes every occurrence of each phrase of ``PHRASES`` in the document it is
sent as a span of that label (of the labels asked for), a CUE_OF from each cue to the first
claim, and a stance of each SOURCE toward the first claim when stances are asked for. The
other paths answer one kind of bad answer each (``BAD_ANSWERS``: the path and what the
reason must say). Every
request body is kept in ``received`` (path, JSON).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from annotations.services.recommender_http import MAX_ANSWER_BYTES

PHRASES = {"CLAIM": "the talks had stalled", "CUE": "said", "SOURCE": "The minister"}


def good_answer(request: dict[str, Any]) -> dict[str, Any]:
    """Spans for every phrase the document holds (of the labels asked for), a CUE_OF from
    each cue to the first claim, and a stance of each source toward it if asked."""
    text = request["document"]["text"]
    spans: list[dict[str, Any]] = []
    for label, phrase in PHRASES.items():
        if label not in request["labels"]:
            continue
        start = text.find(phrase)
        while start != -1:
            end = start + len(phrase)
            spans.append(
                {"id": f"s{len(spans)}", "label": label, "start": start, "end": end, "text": phrase}
            )
            start = text.find(phrase, end)
    claims = [s["id"] for s in spans if s["label"] == "CLAIM"]
    relations = []
    stances = []
    if claims:
        if "CUE_OF" in request["relation_types"]:
            relations = [
                {"type": "CUE_OF", "source": s["id"], "target": claims[0]}
                for s in spans
                if s["label"] == "CUE"
            ]
        if request["stances"]:
            stances = [
                {"holder": s["id"], "object": claims[0], "value": "favor"}
                for s in spans
                if s["label"] == "SOURCE"
            ]
    return {"spans": spans, "relations": relations, "stances": stances}


def _one_span(request: dict[str, Any], **changes: Any) -> dict[str, Any]:
    text = request["document"]["text"]
    span = {"id": 1, "label": "CUE", "start": 0, "end": 5, "text": text[0:5], **changes}
    return {"spans": [span], "relations": [], "stances": []}


# path -> (what a test expects the reason to say, how the server answers)
BAD_ANSWERS: dict[str, str] = {
    "/slow": "no answer within 1 s",
    "/error": "answered HTTP 500",
    "/redirect": "redirects are not followed",
    "/not-json": "not JSON",
    "/huge": f"over {MAX_ANSWER_BYTES} bytes",
    "/label": "label 'TOPIC' was not asked for",
    "/offsets": "outside the text",
    "/text": "does not match the text at its offsets",
    "/relation": "names no span of the answer",
}


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # quiet in test output

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", headers.pop("content_type", "application/json"))
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length", "0"))
        request = json.loads(self.rfile.read(length))
        self.server.received.append((self.path, request))
        answer = self._answer(request)
        if answer is not None:
            self._send(200, json.dumps(answer).encode())

    def _answer(self, request: dict[str, Any]) -> dict[str, Any] | None:
        path = self.path
        if path == "/good":
            return good_answer(request)
        if path == "/slow":
            time.sleep(2.5)
            return good_answer(request)
        if path == "/error":
            self._send(500, b'{"error": "boom"}')
        elif path == "/redirect":
            self._send(302, b"", Location=f"http://127.0.0.1:{self.server.server_port}/good")
        elif path == "/not-json":
            self._send(200, b"<html>hello</html>", content_type="text/html")
        elif path == "/huge":
            self._send(200, b'{"spans": [' + b" " * (MAX_ANSWER_BYTES + 10) + b"]}")
        elif path == "/label":
            return _one_span(request, label="TOPIC")
        elif path == "/offsets":
            return _one_span(request, start=0, end=len(request["document"]["text"]) + 5, text="x")
        elif path == "/text":
            return _one_span(request, text="not what the text says")
        elif path == "/relation":
            answer = good_answer(request)
            answer["relations"].append({"type": "CUE_OF", "source": "nowhere", "target": 1})
            return answer
        else:
            self._send(404, b"{}")
        return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    received: list[tuple[str, dict[str, Any]]]


@contextmanager
def fake_recommender() -> Iterator[_Server]:
    """The server, running until the block ends; ``url(path)`` gives a path's address."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def url_of(server: _Server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_port}{path}"
