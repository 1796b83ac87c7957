"""Agreement reports of a project, computed from its layers and cached.

``agreement_report_for(project, filters, options)`` answers with the report for those
parameters. It first reads the project's data version (``selectors.agreement``: one aggregate
over the project's sets and its schema); a report cached for the same parameters on the same
data version is returned as stored, so a dashboard refresh costs that one query and one
lookup. Otherwise the layers are read, the report computed (``annotations.agreement``, pure)
and stored in ``AgreementCache`` under (project, hash of the parameters), replacing what was
there; reports of older data versions of the project are deleted at the same time.

Any write to a set of the project changes the data version, so a cached report is never
served for data that changed after it was computed. Two requests computing the same report
at once both compute it and the later write wins (same content): no lock is held while
computing.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from typing import Any

import orjson
from django.utils import timezone

from annotations.agreement.inputs import MEASURES, PERIODS, Options
from annotations.agreement.report import agreement_report, collector_paused
from annotations.models import AgreementCache, Project, ProjectDocument
from annotations.selectors.agreement import (
    LayerFilters,
    agreement_cached,
    agreement_data_version,
    agreement_layer_names,
    agreement_layers,
)
from annotations.services.errors import DomainError

REPORT_VERSION = 1  # bump when the report's content changes for the same data


def agreement_parameters(filters: LayerFilters, options: Options) -> dict[str, Any]:
    """The parameters as the report states them (and as the cache key is made from)."""
    return {
        "measures": list(options.measures),
        "labels": sorted(options.labels) if options.labels is not None else None,
        "layers": list(filters.layers) or None,
        "documents": list(filters.documents) or None,
        "story": filters.story,
        "against": options.against,
        "match": options.match,
        "min_iou": options.min_iou,
        "period": options.period,
    }


def story_error(project: Project, story: int | None) -> str | None:
    """Why ``story`` cannot narrow this project's figures (no document of the project
    belongs to it: an unknown story would read as no documents at all), or None."""
    if story is None:
        return None
    if ProjectDocument.objects.filter(project=project, document__story_id=story).exists():
        return None
    return f"no story {story} in this project"


def _checked(project: Project, filters: LayerFilters, options: Options) -> None:
    errors: dict[str, str] = {}
    if story := story_error(project, filters.story):
        errors["story"] = story
    if bad := [m for m in options.measures if m not in MEASURES]:
        errors["measure"] = f"unknown measure {bad[0]!r}: use {', '.join(MEASURES)}"
    if options.period not in PERIODS:
        errors["period"] = f"must be one of {', '.join(PERIODS)}"
    if options.match not in ("exact", "overlap"):
        errors["match"] = "must be exact or overlap"
    if not 0 <= options.min_iou <= 1:
        errors["min_iou"] = "must be between 0 and 1"
    known = set(agreement_layer_names(project)) if filters.layers or options.against else set()
    for field, names in (("layers", filters.layers), ("against", [options.against or ""])):
        if bad := [n for n in names if n and n not in known]:
            errors[field] = (
                f"no layer {bad[0]!r} in this project: layers are annotator:<username>, "
                "gold and model:<name>"
            )
    if errors:
        raise DomainError("Invalid agreement parameters.", errors)


def agreement_report_for(
    project: Project, filters: LayerFilters, options: Options
) -> dict[str, Any]:
    """The ``AgreementReport`` (``agreement/contracts.py``) of these layers and documents."""
    _checked(project, filters, options)
    if options.against and filters.layers and options.against not in filters.layers:
        filters = LayerFilters(
            layers=(*filters.layers, options.against),
            documents=filters.documents,
            story=filters.story,
        )
    parameters = agreement_parameters(filters, options)
    key = hashlib.sha256(
        orjson.dumps({"v": REPORT_VERSION, **parameters}, option=orjson.OPT_SORT_KEYS)
    ).hexdigest()
    data_version = agreement_data_version(project)
    cached = agreement_cached(project, key, data_version)
    if cached is not None:
        return cached
    with_text = "spans.tokens" in options.measures
    chosen = LayerFilters(**{**asdict(filters), "with_text": with_text})
    with collector_paused():  # reading makes a million small objects too (the sets' rows)
        inputs = agreement_layers(project, chosen)
        figures = agreement_report(inputs, options)
    report = {
        "project": project.pk,
        "data_version": data_version,
        "computed_at": timezone.now().isoformat(),
        "parameters": parameters,
        **figures,
    }
    _store(project, key, data_version, report)
    return report


def _store(project: Project, key: str, data_version: str, report: dict[str, Any]) -> None:
    AgreementCache.objects.filter(project=project).exclude(data_version=data_version).delete()
    AgreementCache.objects.bulk_create(
        [AgreementCache(project=project, key=key, data_version=data_version, result=report)],
        update_conflicts=True,
        unique_fields=["project", "key"],
        update_fields=["data_version", "result", "created_at"],
    )
