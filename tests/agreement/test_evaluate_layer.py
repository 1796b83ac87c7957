"""``manage.py evaluate_layer``: a model's layer against gold, as a table, CSV or JSON."""

from __future__ import annotations

import io

import orjson
import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("evaluate_layer", *args, stdout=out)
    return out.getvalue()


def test_a_model_layer_is_evaluated_against_gold(team, capsys):
    table = run("--project", str(team.project.pk), "--layer", "model:rules", "--against", "gold")
    lines = table.splitlines()
    assert lines[0] == "model:rules against gold, 1 documents compared"
    spans = next(line for line in lines if line.startswith("spans.exact"))
    assert spans.split()[-3:] == ["0.800", "0.667", "0.727"]  # 4 of 5 right, 4 of 6 found
    claim = lines[lines.index(spans) + 1]
    assert claim.split() == ["CLAIM", "0.500", "0.500", "0.500"]

    call_command(
        "evaluate_layer",
        "--project", str(team.project.pk), "--layer", "model:rules", "--format", "json",
    )  # fmt: skip
    report = orjson.loads(capsys.readouterr().out)
    assert report["parameters"]["against"] == "gold"
    assert report["measures"][0]["pairs"][0]["recall"] == pytest.approx(4 / 6)


def test_an_unknown_layer_or_measure_is_an_error(team):
    with pytest.raises(CommandError, match="model:none"):
        run("--project", str(team.project.pk), "--layer", "model:none")
    with pytest.raises(CommandError, match="unknown measure"):
        run("--project", str(team.project.pk), "--layer", "model:rules", "--measures", "x")
