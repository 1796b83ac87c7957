"""The demo project's source registry (fiction, like the demo's articles): the people and
bodies the five Porthaven reports quote, with the names each outlet gives them. The demo's
layers link their SOURCE spans to these entries where the span's text is an entry's name or
alias (compared normalised, ``source_names``), through the ordinary set write, so the
registry pages and the workspace linker have something to show."""

from __future__ import annotations

from typing import Any

from annotations.models import Project
from annotations.services.sources import source_create
from annotations.source_names import name_normalized

DEMO_SOURCES: list[dict[str, Any]] = [
    {
        "name": "Joel Marrow",
        "kind": "named_person",
        "affiliation": "Porthaven Dockers’ Union",
        "aliases": ["Joel Marrow, general secretary of the Porthaven Dockers’ Union"],
    },
    {"name": "Anneli Strand", "kind": "named_person", "affiliation": "Government"},
    {"name": "Rashid Haddad", "kind": "named_person", "affiliation": "Port authority"},
    {
        "name": "Ministry of Transport and Maritime Affairs",
        "kind": "named_organisation",
        "affiliation": "Government",
        "aliases": [
            "A spokesperson for the Ministry of Transport and Maritime Affairs",
            "A spokesperson for the ministry",
        ],
    },
    {
        "name": "Senior ministry official",
        "kind": "anonymous_official",
        "affiliation": "Government",
        "aliases": ["A senior ministry official who asked not to be named"],
    },
]


def demo_registry(project: Project) -> dict[str, str]:
    """Create the demo's entries; give their keys by normalised name and alias."""
    keys: dict[str, str] = {}
    for data in DEMO_SOURCES:
        entry = source_create(project=project, data=data)
        for name in (data["name"], *data.get("aliases", [])):
            keys[name_normalized(name)] = entry.key
    return keys


def demo_links_added(payload: dict[str, Any], keys: dict[str, str]) -> dict[str, Any]:
    """The layer's payload with each SOURCE span that names an entry linked to it."""
    for span in payload["spans"]:
        key = keys.get(name_normalized(span["text"]))
        if span["label"] == "SOURCE" and key:
            span["attributes"] = {**span["attributes"], "entry": key}
    return payload
