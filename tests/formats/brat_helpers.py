"""What the brat tests share: a sentence to annotate, a folder as an upload gives it, and the
numbered lines of a project's .ann files."""

from __future__ import annotations

from pathlib import Path

# An event mapping of an attribution corpus onto the news-attribution preset.
ATTRIBUTION_MAPPING = {
    "labels": {"Content": "CLAIM", "Source": "SOURCE", "Cue": "CUE"},
    "events": {
        "Attribution": {
            "trigger": None,
            "relations": [
                {"from": "Content", "to": "Source", "type": "ATTRIBUTED_TO"},
                {"from": "Cue", "to": "Content", "type": "CUE_OF"},
            ],
        }
    },
}

SENTENCE = "Officials said the strike would end soon."  # offsets: the=15, strike=19, soon=36


def files_under(root: Path) -> list[tuple[str, bytes]]:
    """A folder as an upload gives it: (path from the folder's parent, bytes)."""
    return [
        (path.relative_to(root.parent).as_posix(), path.read_bytes())
        for path in sorted(root.rglob("*"))
        if path.is_file()
    ]


def numbered_lines(path: Path) -> list[tuple[int, str]]:
    return list(enumerate(path.read_text("utf-8").split("\n"), start=1))


def lines_of(root: Path, *kinds: str) -> list[tuple[str, int, str]]:
    """(file, line number, line) of every .ann line starting with one of ``kinds``."""
    return [
        (path.name, number, line)
        for path in sorted(root.glob("*.ann"))
        for number, line in numbered_lines(path)
        if line[:1] in kinds
    ]
