"""The suggester runs API's answers keep to the shapes the OpenAPI document declares (the
reads of a done and a failed run, and a start)."""

from __future__ import annotations

import pytest

from annotations.models import SuggesterRun
from tests import factories
from tests.annotations.conftest import build_bench
from tests.annotations.test_openapi_contract import (  # noqa: F401  (api: a fixture)
    SUGGESTER_RUN_READS,
    api,
    assert_keeps_to_its_schema,
)

pytestmark = pytest.mark.django_db


def test_every_suggester_run_answer_keeps_to_its_declared_schema(api, client_for):  # noqa: F811
    # The bench of the API tests (this folder's ``people`` has no documents).
    bench = build_bench(factories.people_in_project())
    manager = client_for(bench.people.manager)
    SuggesterRun.objects.create(
        project=bench.project,
        suggester="attribution",
        model_name="attribution",
        status="failed",
        error="Something broke.",
        outcome={"errors": ["a problem"]},
    )
    done = SuggesterRun.objects.create(
        project=bench.project,
        story=bench.people.story,
        suggester="quote-aligner",
        model_name="quote-aligner",
        status="done",
        documents_total=3,
        documents_done=3,
        outcome={"sets": 2, "spans": 4, "relations": 2, "stances": 0},
    )
    ids = {"project_id": bench.project.pk, "run_id": done.pk}
    for path in SUGGESTER_RUN_READS:
        response = manager.get(path.format(**ids))
        assert response.status_code == 200, (path, response.content)
        assert_keeps_to_its_schema(api, path, "get", response)
    started = manager.post(
        SUGGESTER_RUN_READS[0].format(**ids),
        {"suggester": "attribution", "model_name": "rules-b"},
        format="json",
    )
    assert started.status_code == 202, started.content
    assert_keeps_to_its_schema(api, SUGGESTER_RUN_READS[0], "post", started)
