"""Pure: uploaded files, with zip archives unpacked safely.

``upload_files(name, data, max_total=...)`` returns ``(files, issues)``: the (relative path,
bytes) pairs, or nothing and the problems. A zip (recognised by its first bytes, not its
name) is refused whole when a member's name would escape the folder (absolute, ``..``, a
drive letter, NUL), a member is a symbolic link, is encrypted or corrupt, there are too many
members, a member is compressed suspiciously well (a zip bomb), or the unpacked bytes pass
``max_total``. Sizes are counted while reading, so a header that lies about them gains nothing.
Folders and operating-system litter (``__MACOSX/``, ``.DS_Store``, ``Thumbs.db``) are skipped.
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import PurePosixPath

from annotations.formats.records import Issue

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
CHUNK = 1 << 16
JUNK_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


def safe_member_name(name: str) -> str | None:
    """The member's relative POSIX path, or None when it could land outside the folder."""
    if not name or "\x00" in name:
        return None
    path = name.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return None
    parts = [p for p in PurePosixPath(path).parts if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    return "/".join(parts)


def _junk(path: str) -> bool:
    parts = path.split("/")
    return parts[0] == "__MACOSX" or parts[-1] in JUNK_NAMES or parts[-1].startswith("._")


def upload_files(
    name: str,
    data: bytes,
    *,
    max_total: int,
    max_files: int = 20_000,
    max_ratio: int = 200,
) -> tuple[list[tuple[str, bytes]], list[Issue]]:
    if not data.startswith(ZIP_MAGIC):
        return [(name, data)], []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        return [], [Issue(name, None, f"not a readable zip archive: {exc}")]
    if len(members) > max_files:
        return [], [Issue(name, None, f"{len(members)} members: more than {max_files}")]
    issues: list[Issue] = []
    declared = 0
    for info in members:
        if info.is_dir():
            continue
        path = safe_member_name(info.filename)
        if path is None:
            issues.append(Issue(name, None, f"member {info.filename!r}: unsafe path, refused"))
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            issues.append(Issue(name, None, f"member {info.filename!r}: a symbolic link"))
        if info.flag_bits & 0x1:
            issues.append(Issue(name, None, f"member {info.filename!r}: encrypted"))
        ratio = info.file_size // max(info.compress_size, 1)
        if ratio > max_ratio and info.file_size > CHUNK:
            message = f"member {info.filename!r}: compressed {ratio}:1, a possible zip bomb"
            issues.append(Issue(name, None, message))
        declared += info.file_size
    if declared > max_total:
        issues.append(Issue(name, None, f"unpacks to {declared} bytes: more than {max_total}"))
    if issues:
        return [], issues
    files: list[tuple[str, bytes]] = []
    total = 0
    for info in members:
        path = safe_member_name(info.filename)
        if info.is_dir() or path is None or _junk(path):
            continue
        parts: list[bytes] = []
        try:
            with archive.open(info) as member:
                while chunk := member.read(CHUNK):
                    total += len(chunk)
                    if total > max_total:
                        return [], [
                            Issue(
                                name,
                                None,
                                f"unpacks to more than {max_total} bytes (at "
                                f"member {info.filename!r}): refused",
                            )
                        ]
                    parts.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
            return [], [Issue(name, None, f"member {info.filename!r} cannot be read: {exc}")]
        files.append((path, b"".join(parts)))
    return files, []
