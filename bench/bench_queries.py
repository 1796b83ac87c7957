"""SQL statements per request, counted in-process with DRF's test client and Django's
``CaptureQueriesContext`` (a separate, quick measurement; the HTTP timings do not include it)."""

from __future__ import annotations

from typing import Any

from bench.payloads import set_payload
from bench.setup_data import (
    LONG_RELATIONS,
    LONG_SPANS,
    SET_RELATIONS,
    SET_SPANS,
    BenchData,
    BenchSet,
)


def count_queries(data: BenchData) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    assert data.long_set is not None
    user = get_user_model().objects.get(username=data.users[0])
    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    p = data.project_id
    out: dict[str, Any] = {}

    def measure(name: str, method: str, path: str, body: Any = None) -> Any:
        call = getattr(client, method)
        call(path, body, format="json") if body is not None else call(path)  # warm caches
        if body is not None:
            body["version"] = client.get(path).json()["version"]
        with CaptureQueriesContext(connection) as ctx:
            response = call(path, body, format="json") if body is not None else call(path)
        if response.status_code != 200:
            raise RuntimeError(f"{method.upper()} {path}: HTTP {response.status_code}")
        out[name] = {
            "queries": len(ctx.captured_queries),
            "sql": [q["sql"][:160] for q in ctx.captured_queries],
        }
        return response

    def payload(s: BenchSet, n_spans: int, n_relations: int) -> dict[str, Any]:
        version = client.get(f"/api/v1/sets/{s.set_id}/").json()["version"]
        return set_payload(
            s.text, s.triples, n_spans=n_spans, n_relations=n_relations, version=version
        )

    one, long = data.sets[0], data.long_set
    measure("get_set_30", "get", f"/api/v1/sets/{one.set_id}/")
    measure("get_doc_30", "get", f"/api/v1/projects/{p}/documents/{one.document_id}/")
    measure("save_30", "put", f"/api/v1/sets/{one.set_id}/", payload(one, SET_SPANS, SET_RELATIONS))
    measure("get_set_long", "get", f"/api/v1/sets/{long.set_id}/")
    measure("get_doc_long", "get", f"/api/v1/projects/{p}/documents/{long.document_id}/")
    measure(
        "save_long",
        "put",
        f"/api/v1/sets/{long.set_id}/",
        payload(long, LONG_SPANS, LONG_RELATIONS),
    )
    return out
