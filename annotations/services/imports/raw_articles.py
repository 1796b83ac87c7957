"""Telling raw articles from annotated data (pure): the annotation import recognises an upload
of plain articles (``.txt``, ``.html``, or JSON lines with a text and nothing annotated) and
answers with one pointer to the Add documents page instead of an error per line.

The rule, per file of the unpacked upload:

- brat reads ``.ann`` files: an upload with none is raw articles whatever it holds;
- otherwise a file is an article when its name ends in ``.txt``, ``.text``, ``.html`` or
  ``.htm``, or when its first character (after a byte-order mark and blanks) is not ``{`` or
  ``[`` (so it is no JSON at all: text, or HTML starting with ``<``);
- for Claimlens JSONL and doccano, a JSON Lines file whose first lines (``SAMPLE``) are all
  objects with a ``text`` string and none of the keys that carry annotations (``sets``,
  ``spans``, ``label``, ``labels``, ``entities``, ``claimlens``) is articles too: the shape
  ``import_corpus`` reads. A file with a JSON mapping (``mapped-jsonl``) may legitimately
  hold texts alone, so that format is held to the first two rules only.
"""

from __future__ import annotations

from pathlib import PurePath

import orjson

ARTICLE_EXTENSIONS = frozenset({".txt", ".text", ".html", ".htm"})
ANNOTATION_KEYS = frozenset({"sets", "spans", "label", "labels", "entities", "claimlens"})
RECORDS_CHECKED = frozenset({"jsonl", "doccano"})  # formats whose lines are held to the text rule
SAMPLE = 20  # lines looked at
HEAD_BYTES = 1 << 16  # bytes looked at


def raw_articles_message(names: list[str], total: int) -> str:
    """The one message for an upload with raw articles in it."""
    listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    which = "These files are" if len(names) == total else f"{len(names)} of the {total} files are"
    return (
        f"{which} articles without annotations ({listed}): add articles on the project's "
        "Add documents page, which cleans them, finds their titles and outlets and lists "
        "near-duplicates. This import reads annotated data only."
    )


def raw_articles(
    fmt: str, files: list[tuple[str, bytes]], encoding: str | None = None
) -> list[str]:
    """The names of the files in ``files`` (unpacked) that are raw articles for format
    ``fmt`` (read as ``encoding``, UTF-8 by default, or as a UTF-16 byte-order mark says);
    all of them for a brat upload with no ``.ann`` file."""
    if fmt == "brat":
        if any(PurePath(name).suffix.lower() == ".ann" for name, _ in files):
            return []
        return [name for name, _ in files]
    return [name for name, data in files if _is_article(fmt, name, data, encoding)]


def _is_article(fmt: str, name: str, data: bytes, encoding: str | None) -> bool:
    if PurePath(name).suffix.lower() in ARTICLE_EXTENSIONS:
        return True
    head = _head(data, encoding)
    if not head.strip():
        return False  # empty: the reader says so
    if head.lstrip()[:1] not in ("{", "["):
        return True
    return fmt in RECORDS_CHECKED and _lines_are_texts(head, complete=len(data) <= HEAD_BYTES)


def _head(data: bytes, encoding: str | None) -> str:
    """The first ``HEAD_BYTES`` decoded (what cannot be decoded is dropped: a sniff, not a
    read; the reader reports bad bytes)."""
    head = data[:HEAD_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    try:
        text = head.decode(encoding or "utf-8", errors="ignore")
    except LookupError:  # an unknown encoding: the import refuses it by name
        text = head.decode("utf-8", errors="ignore")
    return text.removeprefix("\ufeff")


def _lines_are_texts(head: str, *, complete: bool) -> bool:
    """Whether the first lines are all JSON objects with a text and nothing annotated
    (the last line of a cut head is left out)."""
    lines = [line for line in head.split("\n") if line.strip()]
    if not complete and len(lines) > 1:
        lines = lines[:-1]
    for line in lines[:SAMPLE]:
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError:
            return False
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            return False
        if ANNOTATION_KEYS & item.keys():
            return False
    return bool(lines)
