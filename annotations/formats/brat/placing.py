"""Where each file of a brat upload belongs: the layer (annotator) of an ``.ann``, the
document it annotates and the ``.txt`` that holds that document's text.

- The root is the one folder every file sits in, else the upload's top (``root_of``). The
  layer is the top-level folder under the root (``root/anna/batch1/a.ann`` is anna's), or
  None when every ``.ann`` sits in the root. With ``annotator_from`` =
  ``name:<regex with (?P<annotator>...)>`` it is the group matched in the file's stem
  (``article_4b22.ann`` with ``name:_(?P<annotator>[0-9a-f]{4})$`` is 4b22's), and the stem
  without the match is the document's name.
- The text of ``<folder>/<name>.ann`` is ``<name>.txt`` in the ``texts`` folder when the
  option names one, else the nearest found walking up from the ``.ann``'s folder to the top of
  the upload: ``<name>.txt`` in the folder itself, or in a subfolder of it named ``text``,
  ``texts`` or ``txt`` (so ``corpus/text/a.txt`` serves ``corpus/ann/a.ann``, and one
  ``root/a.txt`` every annotator's ``root/<annotator>/a.ann``).
- A document is known by its name and the folders between the layer and the file
  (``batch1/a``): the same key in several layers is one document with a set per layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

TEXT_FOLDERS = ("text", "texts", "txt")
ANN_FOLDERS = ("ann", "anns", "annotations")  # beside a texts folder: the project's .ann files
NAME_PREFIX = "name:"
GROUP = "annotator"


class PlacingError(ValueError):
    """An option or a layout that cannot be read: the message says why."""


@dataclass(frozen=True)
class Placed:
    """An ``.ann`` (or an unused ``.txt``) and where it belongs."""

    path: PurePosixPath
    layer: str | None
    name: str  # the document's name: the stem without the annotator part
    key: str  # the document: folders below the layer, and the name


def annotator_pattern(options: dict[str, Any]) -> re.Pattern[str] | None:
    """The ``annotator_from`` option as a pattern (None: the annotator is the folder)."""
    given = str(options.get("annotator_from") or "").strip()
    if given in ("", "folder"):
        return None
    if not given.startswith(NAME_PREFIX):
        raise PlacingError(
            f"annotator_from {given!r}: expected 'folder' or 'name:<regular expression>'"
        )
    try:
        pattern = re.compile(given[len(NAME_PREFIX) :])
    except re.error as exc:
        raise PlacingError(f"annotator_from {given!r} is not a regular expression: {exc}") from exc
    if GROUP not in pattern.groupindex:
        raise PlacingError(
            f"annotator_from {given!r} has no (?P<{GROUP}>...) group naming the annotator"
        )
    return pattern


def texts_folder(options: dict[str, Any]) -> tuple[str, ...] | None:
    given = str(options.get("texts") or "").strip().strip("/")
    return PurePosixPath(given).parts if given else None


def root_of(
    paths: list[PurePosixPath], anns: list[PurePosixPath], texts: list[PurePosixPath]
) -> tuple[str, ...]:
    """The import root: the one folder every file of ``paths`` sits in (the folder given to
    the command, a zipped project folder), else the upload's top (``()``). A single folder of
    ``.ann`` files named ``ann``, ``anns`` or ``annotations`` beside a texts folder
    (``corpus/ann`` beside ``corpus/text``) is the root itself, not an annotator's folder."""
    tops = {path.parts[0] if len(path.parts) > 1 else "" for path in paths}
    root: tuple[str, ...] = (tops.pop(),) if len(tops) == 1 and "" not in tops else ()
    folders = {path.parts[len(root)] for path in anns if len(path.parts) > len(root) + 1}
    below = all(len(path.parts) > len(root) + 1 for path in anns)
    named = len(folders) == 1 and next(iter(folders)).lower() in ANN_FOLDERS
    if named and below and any(path.parent.parent.parts == root for path in texts):
        root = (*root, folders.pop())
    return root


def in_text_folder(path: PurePosixPath, texts: tuple[str, ...] | None) -> bool:
    """Whether ``path`` sits in the texts folder (the given one, else one by convention)."""
    parts = path.parent.parts
    if texts is not None:
        return parts[-len(texts) :] == texts
    return bool(parts) and parts[-1].lower() in TEXT_FOLDERS


class Placing:
    """The layer, document and text of each file, for one upload."""

    def __init__(
        self,
        root: tuple[str, ...],
        per_layer: bool,
        pattern: re.Pattern[str] | None,
        texts: tuple[str, ...] | None,
        txt_paths: set[PurePosixPath],
    ) -> None:
        self.root = root
        self.per_layer = per_layer
        self.pattern = pattern
        self.texts = texts
        self.txt_paths = txt_paths
        # (the folder holding a text folder, file name) -> the .txt, for the walk up
        self.shared: dict[tuple[PurePosixPath, str], PurePosixPath] = {}
        for path in sorted(txt_paths):
            if in_text_folder(path, texts):
                self.shared.setdefault((path.parent.parent, path.name), path)
        self.ann_folders: set[PurePosixPath] = set()
        self.given = sorted({p.parent for p in txt_paths if texts and in_text_folder(p, texts)})

    def beside_anns(self, path: PurePosixPath) -> bool:
        """Whether a ``.txt`` sits where ``.ann`` files do (in a layer's folder, or in a
        folder that holds some), rather than apart (a texts folder, the project's top)."""
        if path.parent in self.ann_folders:
            return True
        inner = path.parent.parts[len(self.root) :]
        layered = self.pattern is None and self.per_layer
        return bool(inner) and layered and not in_text_folder(path, self.texts)

    def ann(self, path: PurePosixPath) -> Placed:
        """Where an ``.ann`` belongs; PlacingError when its name lacks the annotator."""
        self.ann_folders.add(path.parent)
        name, layer = path.stem, None
        if self.pattern is not None:
            match = self.pattern.search(path.stem)
            if match is None or not match.group(GROUP):
                raise PlacingError(
                    f"the name {path.stem!r} does not match the annotator pattern "
                    f"{self.pattern.pattern!r}"
                )
            layer = match.group(GROUP)
            name = path.stem[: match.start()] + path.stem[match.end() :]
            if not name:
                raise PlacingError(f"the name {path.stem!r} is all annotator: no document name")
        return self._placed(path, name, layer)

    def unused_text(self, path: PurePosixPath) -> Placed:
        """Where a ``.txt`` no ``.ann`` uses belongs (a document without that layer's set)."""
        return self._placed(path, path.stem, None)

    def _placed(self, path: PurePosixPath, name: str, layer: str | None) -> Placed:
        inner = path.parent.parts[len(self.root) :]
        if self.pattern is None and self.per_layer and inner:
            layer, inner = inner[0], inner[1:]
        if in_text_folder(path, self.texts):
            inner = ()  # a shared text: the document of that name
        return Placed(path, layer, name, "/".join((*inner, name)))

    def text_of(self, placed: Placed) -> PurePosixPath | None:
        """The ``.txt`` holding the text an ``.ann`` annotates (None: none found)."""
        file = f"{placed.name}.txt"
        for folder in self.given:
            if folder / file in self.txt_paths:
                return folder / file
        folder = placed.path.parent
        while True:
            if folder / file in self.txt_paths:
                return folder / file
            if self.texts is None and (folder, file) in self.shared:
                return self.shared[(folder, file)]
            if folder == folder.parent:
                return None
            folder = folder.parent
