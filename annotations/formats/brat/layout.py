"""The layout of a brat project as we read and write it: the configuration files and the
README at the top, and a folder per layer (``gold``, an author's username,
``model-<name>``). ``set_record`` reads a folder as a layer; ``Folders`` names the folder
of each layer written."""

from __future__ import annotations

import re
from itertools import count
from typing import Any

from annotations.formats.records import RelationRecord, SetRecord, SpanRecord, layer_name

GOLD = "gold"
MODEL_PREFIX = "model-"
CONF = "annotation.conf"
VISUAL = "visual.conf"
README = "README.txt"
SET_STATUS = "submitted"  # brat has no workflow: an annotator's file is taken as finished
GOLD_STATUS = "curated"


def set_record(
    layer: str | None, spans: list[SpanRecord], relations: list[RelationRecord]
) -> SetRecord:
    """The set of a layer's folder (None: the one folder of an upload without layers)."""
    record: SetRecord = {
        "kind": "annotator",
        "author": layer,
        "model_name": None,
        "status": SET_STATUS,
        "spans": spans,
        "relations": relations,
        "stances": [],
        "answers": {},
    }
    if layer == GOLD:
        record.update(kind="gold", author=None, status=GOLD_STATUS)
    elif layer and layer.startswith(MODEL_PREFIX) and len(layer) > len(MODEL_PREFIX):
        record.update(kind="model", author=None, model_name=layer[len(MODEL_PREFIX) :])
    return record


class Folders:
    """A folder per layer, named as ``layer_name`` says, kept safe and unique."""

    def __init__(self, changes: list[str]) -> None:
        self.by_layer: dict[tuple[Any, ...], str] = {}
        self.used: set[str] = set()
        self.changes = changes

    def of(self, aset: SetRecord) -> tuple[str, bool]:
        layer = (aset.get("kind"), aset.get("author"), aset.get("model_name"))
        known = self.by_layer.get(layer)
        if known is not None:
            return known, False
        name = layer_name(aset)
        folder = re.sub(r"[^\w.@+-]+", "_", name).lstrip(".") or "layer"
        if aset.get("kind") == "annotator" and (folder == GOLD or folder.startswith(MODEL_PREFIX)):
            folder = f"annotator-{folder}"  # not to be read back as the gold or a model layer
        base = folder
        for n in count(2):
            if folder.lower() not in self.used and folder.lower() != README.lower():
                break
            folder = f"{base}_{n}"
        if folder != name:
            self.changes.append(f"the layer {name!r} is the folder {folder!r}")
        self.used.add(folder.lower())
        self.by_layer[layer] = folder
        return folder, True
