"""brat's names and ours: brat type names made schema keys (``Naming``, with
``schema_derive.Keys``: names kept as written, keys from them, clashes reported), the
``AnnotatorNotes`` that become a span's ``note`` attribute, and attribute values written so
that an ``.ann`` line and ``annotation.conf`` can hold them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from annotations.formats.schema_derive import Clash, Keys

NOTE = "note"  # the span attribute that holds brat's AnnotatorNotes
NOTE_TYPE = "AnnotatorNotes"


@dataclass
class Naming:
    """The keys of one import, kept apart by what they name (``Keys``: the same name, the
    same key; two names that would share one are a clash, reported by the reader)."""

    labels: Keys = field(default_factory=lambda: Keys("label"))
    relations: Keys = field(default_factory=lambda: Keys("relation type"))
    attributes: Keys = field(default_factory=lambda: Keys("attribute"))

    def reading(self, file: str) -> None:
        """Names read from now on come from ``file`` (where a clash is reported)."""
        for keys in (self.labels, self.relations, self.attributes):
            keys.place = (file, None)

    def clashes(self) -> list[Clash]:
        return [*self.labels.clashes, *self.relations.clashes, *self.attributes.clashes]


def brat_value(value: Any) -> str:
    """An attribute value as brat can hold it: no spaces (nor the conf's ``|`` and ``,``)."""
    return re.sub(r"[\s|,]+", "_", str(value))
