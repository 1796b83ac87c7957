"""Both suggesters' layers on the seed story against its gold layer, through the agreement
machinery (``selectors/layer_quality.py``, what ``evaluate_layer``, the quality API and the
agreement page show): floors per label, exact and overlapping, so a regression in either
suggester fails here. The figures when written are in docs/suggesters.md."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from annotations.models import AnnotationSet, SetKind, Span
from annotations.selectors.layer_quality import layer_quality, models_quality
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.suggestion_decisions import decisions_record
from tests.factories import people_in_project
from tests.seed_story import AXIOS, SeedStory, seed_story_project
from tests.suggesters.quality_layers import LAYERS, suggester_layers_write

pytestmark = pytest.mark.django_db

# (label, counting) -> (least precision, least recall); measured values in the comments.
ATTRIBUTION_FLOORS = {
    ("CLAIM", "exact"): (0.65, 0.45),  # 0.72, 0.50
    ("CLAIM", "overlap"): (0.9, 0.6),  # 0.97, 0.68
    ("SOURCE", "exact"): (0.8, 0.55),  # 0.88, 0.63
    ("SOURCE", "overlap"): (0.9, 0.6),  # 0.95, 0.68
    ("CUE", "exact"): (0.9, 0.6),  # 0.95, 0.66
    ("CUE", "overlap"): (0.9, 0.6),  # 0.95, 0.66
    ("ATTRIBUTED_TO", "exact"): (0.6, 0.4),  # 0.69, 0.48
    ("ATTRIBUTED_TO", "overlap"): (0.85, 0.6),  # 0.92, 0.65
    ("CUE_OF", "exact"): (0.6, 0.4),  # 0.71, 0.50
    ("CUE_OF", "overlap"): (0.85, 0.55),  # 0.91, 0.64
}
ALIGNER_FLOORS = {
    ("SAME_CLAIM", "exact"): (0.8, 0.5),  # 0.86 (12 of 14), 0.57 (12 of 21)
    ("SAME_CLAIM", "overlap"): (0.9, 0.6),  # 0.93 (13 of 14), 0.62 (13 of 21)
    ("CLAIM", "exact"): (0.8, 0.2),  # 0.86, 0.23 (most gold claims have no partner)
    ("CLAIM", "overlap"): (0.9, 0.2),  # 0.93, 0.25
}


@pytest.fixture
def seed_with_layers() -> tuple[SeedStory, object]:
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    suggester_layers_write(seed, people.manager)
    return seed, people


def _figures(quality, label: str, counting: str) -> tuple[float, float]:
    row = next(row for row in quality["labels"] if row["label"] == label)
    return row[counting]["precision"], row[counting]["recall"]


def test_each_suggester_stays_above_its_floors_on_the_seed_gold(seed_with_layers) -> None:
    seed, _people = seed_with_layers
    qualities = {q["layer"]: q for q in models_quality(seed.project)}
    assert sorted(qualities) == sorted(LAYERS)
    for layer, floors in (
        ("model:attribution", ATTRIBUTION_FLOORS),
        ("model:quote-aligner", ALIGNER_FLOORS),
    ):
        for (label, counting), (least_precision, least_recall) in floors.items():
            precision, recall = _figures(qualities[layer], label, counting)
            assert precision >= least_precision, (layer, label, counting, precision)
            assert recall >= least_recall, (layer, label, counting, recall)


def test_what_a_suggester_never_proposes_is_named_not_listed(seed_with_layers) -> None:
    seed, _people = seed_with_layers
    aligner = layer_quality(seed.project, "model:quote-aligner")
    assert [row["label"] for row in aligner["labels"]] == ["CLAIM", "SAME_CLAIM"]
    assert {"SOURCE", "CUE", "ATTRIBUTED_TO", "CUE_OF"} <= set(aligner["unproposed"])
    assert aligner["documents"] == 4  # The New York Times has no aligner set: not compared


def test_the_rates_are_the_share_of_decisions_people_made_on_the_suggestions(
    seed_with_layers,
) -> None:
    seed, people = seed_with_layers
    axios = seed.document(AXIOS)
    model = AnnotationSet.objects.get(
        project=seed.project, document=axios, kind=SetKind.MODEL, model_name="quote-aligner"
    )
    first, second, third = Span.objects.filter(annotation_set=model).order_by("start")[:3]
    mine, _ = annotation_set_open(project=seed.project, document=axios, author=people.annotator)
    decisions_record(
        annotation_set=mine,
        items=[
            {"suggestion": first.pk, "decision": "accepted"},
            {"suggestion": second.pk, "decision": "accepted"},
            {"suggestion": third.pk, "decision": "rejected"},
        ],
    )
    rates = layer_quality(seed.project, "model:quote-aligner")["rates"]
    assert (rates["decided"], rates["accepted"], rates["rejected"]) == (3, 2, 1)
    assert rates["acceptance_rate"] == pytest.approx(2 / 3)
    assert layer_quality(seed.project, "model:attribution")["rates"]["decided"] == 0

    out = io.StringIO()
    arguments = ["--project", str(seed.project.pk), "--layer", "model:quote-aligner"]
    call_command("evaluate_layer", *arguments, stdout=out)
    lines = out.getvalue().splitlines()
    same_claim = next(line for line in lines if line.startswith("relation  SAME_CLAIM"))
    assert same_claim.split()[2:] == ["0.857", "0.571", "0.686", "0.929", "0.619", "0.743"]
    assert lines[-1] == (
        "Suggestions: 28 spans, 3 decided in the workspace: 2 accepted (rate 0.667), "
        "1 rejected (rate 0.333)"
    )


def test_a_layer_that_is_not_a_models_has_no_rates(seed_with_layers) -> None:
    seed, _people = seed_with_layers
    assert layer_quality(seed.project, "gold", against="model:attribution")["rates"] is None
    out = io.StringIO()
    call_command(
        "evaluate_layer", "--project", str(seed.project.pk), "--layer", "gold",
        "--against", "model:attribution", stdout=out,
    )  # fmt: skip
    assert out.getvalue().splitlines()[-1] == (
        "Acceptance and rejection rates: only a model's layer has suggestions."
    )
