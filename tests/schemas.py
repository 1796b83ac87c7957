"""Label schemas for tests: the news-attribution preset with stance targets of one's own."""

from __future__ import annotations

import copy
from typing import Any

from annotations.presets import NEWS_ATTRIBUTION


def schema_with_targets(**targets: str) -> dict[str, Any]:
    """The preset with stance targets ``key=name`` (by default the union and the port
    authority of the harbour-strike texts)."""
    targets = targets or {"union": "The dock workers' union", "authority": "The port authority"}
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    definition["stance"]["targets"] = [{"key": k, "name": v} for k, v in targets.items()]
    return definition
