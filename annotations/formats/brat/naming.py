"""brat's names and ours: brat type names made schema keys (``Keys``, ``Naming``), the
``AnnotatorNotes`` that become a span's ``note`` attribute, and attribute values written so
that an ``.ann`` line and ``annotation.conf`` can hold them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from annotations.formats.schema_derive import as_key

NOTE = "note"  # the span attribute that holds brat's AnnotatorNotes
NOTE_TYPE = "AnnotatorNotes"


class Keys:
    """brat names -> schema keys: the same name always gives the same key, two names never
    share one (``my.type`` and ``my_type`` become ``my_type`` and ``my_type_2``)."""

    def __init__(self) -> None:
        self.by_name: dict[str, str] = {}
        self.names: dict[str, str] = {}  # key -> the brat name

    def key(self, name: str) -> str:
        known = self.by_name.get(name)
        if known is not None:
            return known
        base = key = as_key(name)
        for n in count(2):
            if key not in self.names:
                break
            key = f"{base[:58]}_{n}"
        self.by_name[name] = key
        self.names[key] = name
        return key


@dataclass
class Naming:
    """The keys of one import, kept apart by what they name."""

    labels: Keys = field(default_factory=Keys)
    relations: Keys = field(default_factory=Keys)
    attributes: Keys = field(default_factory=Keys)


def brat_value(value: Any) -> str:
    """An attribute value as brat can hold it: no spaces (nor the conf's ``|`` and ``,``)."""
    return re.sub(r"[\s|,]+", "_", str(value))
