"""Span F1 is bratiaa's, figure for figure: the bratiaa example project (4 annotators x 7
documents) imported through the brat import, its agreement computed by the service, and
bratiaa run on the same folder; every figure it prints must be ours to 3 decimals."""

from __future__ import annotations

import io
import math
import zipfile
from pathlib import Path

import pytest

from annotations.agreement.inputs import Options
from annotations.selectors.agreement import LayerFilters
from annotations.services.agreement import agreement_report_for
from annotations.services.imports import annotations_import
from annotations.services.projects import project_create
from tests.factories import people_importer

pytestmark = pytest.mark.django_db


def folder_zip(root: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root.parent).as_posix())
    return buffer.getvalue()


@pytest.fixture
def example(datasets_dir: Path) -> Path:
    return datasets_dir / "bratiaa-example" / "example-project"


@pytest.fixture
def project(db, example):  # noqa: ANN001
    owner = people_importer("importer")
    project = project_create(name="bratiaa example", owner=owner)
    outcome = annotations_import(
        project=project,
        user=owner,
        fmt="brat",
        files=[("example.zip", folder_zip(example))],
        options={},
    )
    assert outcome.ok, outcome.errors[:3]
    return project


def same(ours: float | None, theirs: float) -> bool:
    if math.isnan(theirs):
        return ours is None
    return ours is not None and round(ours, 3) == round(float(theirs), 3)


@pytest.mark.parametrize("measure,tokenised", [("spans.exact", False), ("spans.tokens", True)])
def test_every_figure_equals_what_bratiaa_prints(project, example, measure, tokenised):
    import bratiaa
    from bratiaa.utils import tokenize

    theirs = bratiaa.compute_f1_agreement(str(example), token_func=tokenize if tokenised else None)
    report = agreement_report_for(project, LayerFilters(), Options(measures=(measure,)))
    [ours] = report["measures"]

    assert report["layers"] == [f"annotator:{a}" for a in theirs.annotators]
    mean, sd = theirs.mean_sd_total()
    assert same(ours["value"], mean) and same(ours["sd"], sd), (ours["value"], mean)

    by_label = {row["label"]: row for row in ours["labels"]}
    assert sorted(by_label) == sorted(theirs.labels)
    for label, mean, sd in zip(theirs.labels, *theirs.mean_sd_per_label(), strict=True):
        assert same(by_label[label]["value"], mean) and same(by_label[label]["sd"], sd), label

    by_title = {row["title"]: row for row in ours["documents"]}
    assert len(by_title) == len(theirs.documents) == 7
    for document, mean, sd in zip(theirs.documents, *theirs.mean_sd_per_document(), strict=True):
        row = by_title[document.removesuffix(".ann")]
        assert same(row["value"], mean) and same(row["sd"], sd), document
        assert row["pairs"] == 6

    pairs = {(p["a"], p["b"]): p["value"] for p in ours["pairs"]}
    matrix = theirs.compute_total_f1_matrix()
    for i, a in enumerate(theirs.annotators):
        for j, b in enumerate(theirs.annotators):
            if i < j:
                assert same(pairs[(f"annotator:{a}", f"annotator:{b}")], matrix[i][j])


def test_the_figures_are_not_all_alike(project):
    """The comparison above means something: the annotators differ, by label and document."""
    report = agreement_report_for(project, LayerFilters(), Options(measures=("spans.exact",)))
    [ours] = report["measures"]
    assert 0.3 < ours["value"] < 0.95
    assert len({round(p["value"], 3) for p in ours["pairs"]}) > 3
    assert len({round(d["value"], 3) for d in ours["documents"]}) > 3
