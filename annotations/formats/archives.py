"""Pure: uploaded files, with zip archives unpacked safely, all or nothing.

``upload_files(name, data, max_total=...)`` returns ``(files, issues)``. Data that is not a
zip (told by its first bytes, not its name) comes back as ``[(name, data)]``. A zip comes back
as its members' (relative POSIX path, bytes) pairs, paths as the archive has them (no common
folder is stripped); nested zips stay files. A zip is refused whole, with an ``Issue`` per
problem naming the member, when

- a member's name could land outside the folder it is unpacked into: absolute, a drive
  letter, a ``..`` part (also once backslashes are read as separators), a NUL;
- a member is a symbolic link, is encrypted, or is compressed with a method other than
  stored or deflate (bzip2 and LZMA are decompressed by the standard library without an output
  bound, so one small read could allocate without limit);
- two members have the same path;
- there are more than ``max_files`` members, the declared sizes add up to more than
  ``max_total``, or a member claims to be compressed more than ``max_ratio`` to 1 (a zip
  bomb; members under 64 KiB are not held to the ratio, their size is harmless);
- the archive or a member is damaged (not a zip, bad CRC, broken deflate stream).

Declared sizes are not trusted: each member is read in chunks and reading stops as soon as
the bytes read pass ``max_total``, so a header that lies about a size gains nothing (the
standard library also stops a member at its declared size and then fails its CRC check).
Each member's chunks go into one buffer whose bytes are taken without a copy, so a zip costs
about what it unpacks to (at most ``max_total``) plus the buffer's growth, not twice that
(tests/formats/test_archive_memory.py: 27 MiB unpacked, 31.5 MiB peak; 49 MiB with a join).
Folders and operating-system litter (``__MACOSX/``, ``.DS_Store``, ``Thumbs.db``,
``desktop.ini``, AppleDouble ``._`` files) are skipped without a word.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib

from annotations.formats.records import Issue

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
CHUNK = 1 << 16
RATIO_FLOOR = 1 << 16  # members up to this size are not held to max_ratio
MAX_LISTED = 20  # issues listed one by one before the rest are summed up
JUNK_FOLDERS = {"__MACOSX"}
JUNK_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA", 9: "deflate64"}
_UTF8_FLAG = 0x800
# What the standard library raises on a damaged archive or member.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


def _name_problem(name: str) -> str | None:
    """Why a member name is unsafe, or None."""
    if "\x00" in name:
        return "its name holds a NUL character"
    path = name.replace("\\", "/")
    if path.startswith("/"):
        return "its path is absolute"
    if len(path) >= 2 and path[1] == ":" and path[0].isalpha():
        return "its path starts with a drive letter"
    if ".." in path.split("/"):
        return "its path has a '..' part"
    return None


def safe_member_name(name: str) -> str | None:
    """The member's path as a relative POSIX path (backslashes read as separators, empty and
    ``.`` parts dropped), or None when it could land outside the folder it is unpacked in."""
    if _name_problem(name) is not None:
        return None
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
    return "/".join(parts) or None


def _member_name(info: zipfile.ZipInfo) -> str:
    """The name as the archive wrote it. Without the UTF-8 flag the standard library reads it
    as code page 437; many tools write UTF-8 all the same, so that is tried first."""
    name = info.orig_filename  # ``filename`` is cut at a NUL: the check needs all of it
    if not info.flag_bits & _UTF8_FLAG:
        try:
            return name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def _is_junk(path: str) -> bool:
    parts = path.split("/")
    last = parts[-1]
    return parts[0] in JUNK_FOLDERS or last in JUNK_NAMES or last.startswith("._")


def _is_folder(name: str) -> bool:
    return name.replace("\\", "/").endswith("/")


def _member_problems(info: zipfile.ZipInfo, max_ratio: int) -> list[str]:
    problems = []
    if stat.S_ISLNK(info.external_attr >> 16):
        problems.append("it is a symbolic link")
    if info.flag_bits & 0x1:
        problems.append("it is encrypted (password protected)")
    if info.compress_type not in READABLE_METHODS:
        method = METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
        problems.append(
            f"it is compressed with {method}; only stored and deflate members are read "
            "(make the zip with a standard zip tool)"
        )
    if info.file_size > RATIO_FLOOR and info.file_size > max_ratio * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        problems.append(
            f"it claims {info.file_size} bytes compressed {ratio} to 1 (more than "
            f"{max_ratio} to 1): a possible zip bomb"
        )
    return problems


def _capped(name: str, issues: list[Issue]) -> list[Issue]:
    if len(issues) <= MAX_LISTED:
        return issues
    more = len(issues) - MAX_LISTED
    return [*issues[:MAX_LISTED], Issue(name, None, f"... and {more} more problems")]


def upload_files(
    name: str,
    data: bytes,
    *,
    max_total: int,
    max_files: int = 20_000,
    max_ratio: int = 200,
) -> tuple[list[tuple[str, bytes]], list[Issue]]:
    """The files in an upload: a zip's members (checked, see the module docstring), or the
    upload itself. Any problem: no files and the issues."""
    if not data.startswith(ZIP_MAGIC):
        return [(name, data)], []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except _DAMAGED as exc:
        return [], [Issue(name, None, f"not a readable zip archive: {exc}")]
    with archive:
        if len(members) > max_files:
            message = f"the archive has {len(members)} members, more than the {max_files} allowed"
            return [], [Issue(name, None, message)]
        wanted, issues = _checked(name, members, max_total, max_ratio)
        if issues:
            return [], _capped(name, issues)
        return _read(name, archive, wanted, max_total)


def _checked(
    name: str, members: list[zipfile.ZipInfo], max_total: int, max_ratio: int
) -> tuple[list[tuple[str, zipfile.ZipInfo]], list[Issue]]:
    """The members to read with their paths, and what is wrong, from the headers alone."""
    issues: list[Issue] = []
    wanted: list[tuple[str, zipfile.ZipInfo]] = []
    seen: set[str] = set()
    declared = 0
    for info in members:
        raw = _member_name(info)
        problem = _name_problem(raw)
        if problem is not None:
            issues.append(Issue(name, None, f"member {raw!r} is refused: {problem}"))
            continue
        path = safe_member_name(raw)
        if path is None or _is_folder(raw) or _is_junk(path):
            continue
        for problem in _member_problems(info, max_ratio):
            issues.append(Issue(name, None, f"member {raw!r} is refused: {problem}"))
        if path in seen:
            issues.append(Issue(name, None, f"member {raw!r}: the path {path!r} appears twice"))
        seen.add(path)
        declared += info.file_size
        wanted.append((path, info))
    if declared > max_total:
        message = (
            f"the archive unpacks to {declared} bytes, more than the {max_total} allowed "
            "(a possible zip bomb)"
        )
        issues.append(Issue(name, None, message))
    if not wanted and not issues:
        issues.append(Issue(name, None, "the archive holds no files (only folders or litter)"))
    return wanted, issues


def _read(
    name: str, archive: zipfile.ZipFile, wanted: list[tuple[str, zipfile.ZipInfo]], max_total: int
) -> tuple[list[tuple[str, bytes]], list[Issue]]:
    """The members' bytes, counted as they come: never more than ``max_total`` + 1 in all."""
    files: list[tuple[str, bytes]] = []
    total = 0
    for path, info in wanted:
        member_bytes = io.BytesIO()  # its value is taken without a copy (no list to join)
        try:
            with archive.open(info) as member:
                while chunk := member.read(min(CHUNK, max_total - total + 1)):
                    total += len(chunk)
                    if total > max_total:
                        message = (
                            f"member {path!r}: the archive unpacks to more than "
                            f"the {max_total} bytes allowed (its headers understate the sizes)"
                        )
                        return [], [Issue(name, None, message)]
                    member_bytes.write(chunk)
        except _DAMAGED as exc:
            message = f"member {path!r} cannot be read (damaged archive?): {exc}"
            return [], [Issue(name, None, message)]
        files.append((path, member_bytes.getvalue()))
    return files, []
