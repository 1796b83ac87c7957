"""Registry links in the agreement report: a SOURCE span's ``entry`` is a rated span
attribute (``SOURCE.entry``) like any choice, so two layers that mark the same sources but
link them to different entries disagree, and the same links agree."""

from __future__ import annotations

import pytest

from annotations.agreement.inputs import Options
from annotations.selectors.agreement import LayerFilters
from annotations.services.agreement import agreement_report_for
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.set_write import annotation_set_write
from annotations.services.sources import source_create
from tests.annotations.conftest import span_payload

pytestmark = pytest.mark.django_db

LAYERS = LayerFilters(layers=("annotator:annotator", "annotator:other_annotator"))


def linked(people, author, entries: tuple[str, str]) -> None:
    """``author`` marks the document's two sources, linked to ``entries``, and submits."""
    document = people.documents[0]
    aset, _ = annotation_set_open(project=people.project, document=document, author=author)
    spans = [
        span_payload(document.text, "SOURCE", word, attributes={"entry": entry})
        for word, entry in zip(("minister", "officials"), entries, strict=True)
    ]
    annotation_set_write(annotation_set=aset, data={"version": aset.version, "spans": spans})
    annotation_set_submit(annotation_set=aset)


def entry_figures(people) -> dict:
    report = agreement_report_for(
        people.project, LAYERS, Options(measures=("spans.exact", "attributes.alpha"))
    )
    return {m["measure"]: m for m in report["measures"]}


@pytest.fixture
def registry(people):
    for name in ("Israeli government", "Hamas"):
        source_create(project=people.project, data={"name": name})
    return people


def test_two_layers_differing_only_in_a_sources_entry_disagree_on_it(registry):
    people = registry
    linked(people, people.annotator, ("israeli-government", "hamas"))
    linked(people, people.other_annotator, ("israeli-government", "israeli-government"))
    figures = entry_figures(people)
    assert figures["spans.exact"]["value"] == pytest.approx(1.0), "the spans themselves agree"
    alpha = figures["attributes.alpha"]
    [row] = [row for row in alpha["labels"] if row["label"] == "SOURCE.entry"]
    assert row["value"] < 1.0
    assert alpha["value"] < 1.0


def test_the_same_links_agree(registry):
    people = registry
    for author in (people.annotator, people.other_annotator):
        linked(people, author, ("israeli-government", "hamas"))
    alpha = entry_figures(people)["attributes.alpha"]
    [row] = [row for row in alpha["labels"] if row["label"] == "SOURCE.entry"]
    assert row["value"] == pytest.approx(1.0)
