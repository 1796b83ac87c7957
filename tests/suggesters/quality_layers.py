"""The seed story with its gold layer and both suggesters' layers, for the quality figures
(tests/suggesters/test_suggester_quality.py, the agreement page's e2e test and
bench/bench_suggester_quality.py): the quote aligner's layer written by its service, the
attribution suggester's through ``attribution_records`` and the import's checked path."""

from __future__ import annotations

from typing import Any

from annotations.services.attribution_layer import ATTRIBUTION, attribution_records
from annotations.services.imports.service import records_import
from annotations.services.quote_alignment import QUOTE_ALIGNER, quote_alignment_write
from tests.seed_story import SeedStory

LAYERS = (f"model:{ATTRIBUTION}", f"model:{QUOTE_ALIGNER}")


def suggester_layers_write(seed: SeedStory, user: Any) -> None:
    """Write the quote aligner's and the attribution suggester's layers on the seed story."""
    aligned = quote_alignment_write(project=seed.project, story=seed.story, user=user)
    assert aligned.ok, aligned.errors
    documents = sorted(seed.documents.values(), key=lambda doc: doc.pk)
    attributed = records_import(
        project=seed.project,
        user=user,
        header=None,
        documents=attribution_records(documents),
        may_add_people=False,
    )
    assert attributed.ok, attributed.errors
