"""Posting one JSON request to an external recommender and reading its JSON answer, with the
standard library (no new dependency).

What it refuses, each as ``RecommenderUnreachable`` with the reason in words: an address
the client cannot send to (saved before the settings checked it), a connection that fails,
no complete answer within the timeout (the whole exchange, not each read), a redirect
(never followed: the operator configured this URL and no other), a status other than 2xx,
an answer over ``MAX_ANSWER_BYTES``, an answer that is not JSON. Proxies from the
environment are not used: the request goes to the configured URL only.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from typing import Any

MAX_ANSWER_BYTES = 2 * 1024 * 1024
CHUNK = 64 * 1024


class RecommenderUnreachable(Exception):
    """The exchange failed before there was an answer to check."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        return None  # urllib then raises HTTPError with the 3xx status


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())


def _body_read(response: Any, deadline: float, timeout: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
        raise RecommenderUnreachable(f"the answer is over {MAX_ANSWER_BYTES} bytes")
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise RecommenderUnreachable(f"no complete answer within {timeout:g} s")
        chunk = response.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise RecommenderUnreachable(f"the answer is over {MAX_ANSWER_BYTES} bytes")
        chunks.append(chunk)


def json_post(url: str, payload: dict[str, Any], timeout: float) -> Any:
    """POST ``payload`` as JSON to ``url`` and give the decoded JSON answer."""
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    deadline = time.monotonic() + timeout
    try:
        request = urllib.request.Request(
            url,
            data=data,
            method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        with _OPENER.open(request, timeout=timeout) as response:
            body = _body_read(response, deadline, timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:
            raise RecommenderUnreachable(
                f"answered HTTP {exc.code} (a redirect; redirects are not followed)"
            ) from None
        raise RecommenderUnreachable(f"answered HTTP {exc.code}") from None
    except TimeoutError:
        raise RecommenderUnreachable(f"no answer within {timeout:g} s") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise RecommenderUnreachable(f"no answer within {timeout:g} s") from None
        raise RecommenderUnreachable(f"could not connect ({exc.reason})") from None
    except (http.client.InvalidURL, ValueError) as exc:
        # An address saved before the settings checked it (a port that is not a number, a
        # space, a bracket left open): the client cannot send to it.
        raise RecommenderUnreachable(f"could not connect (not a usable address: {exc})") from None
    except (OSError, http.client.HTTPException) as exc:
        raise RecommenderUnreachable(f"the exchange failed ({exc})") from None
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RecommenderUnreachable("the answer is not JSON") from None
