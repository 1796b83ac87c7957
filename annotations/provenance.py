"""Pure: where a gold unit (span, relation, stance) came from.

A unit's ``provenance`` is None (made by hand in its own set), or::

    {"method": "auto" | "accepted" | "edited", "layers": ["annotator:ana", "model:rules", ...]}

``method`` says how it reached the gold set: merged automatically because enough layers
agreed on it, accepted by a reviewer from the layers named, or accepted and then edited.
``layers`` are the layers that had the unit (``layer_name``), in the order given.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

METHODS = ("auto", "accepted", "edited")
MAX_LAYERS = 100


class Provenance(TypedDict):
    method: Literal["auto", "accepted", "edited"]
    layers: list[str]


def provenance_checked(value: Any) -> Provenance | None:
    """The provenance as stored, or ``ValueError`` saying what is wrong with it."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"method", "layers"}:
        raise ValueError('must be null or {"method", "layers"}')
    if value["method"] not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}")
    layers = value["layers"]
    if not isinstance(layers, list) or not all(isinstance(x, str) and x for x in layers):
        raise ValueError("layers must be a list of layer names")
    if len(layers) > MAX_LAYERS or len(set(layers)) != len(layers):
        raise ValueError(f"layers must be distinct, at most {MAX_LAYERS}")
    return {"method": value["method"], "layers": list(layers)}


def layer_name(kind: str, author: str | None, model_name: str) -> str:
    """A layer's name in provenance and agreement reports: ``annotator:<username>``,
    ``gold``, ``model:<name>``."""
    if kind == "gold":
        return "gold"
    if kind == "model":
        return f"model:{model_name}"
    return f"annotator:{author}"
