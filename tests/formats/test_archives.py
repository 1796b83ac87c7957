"""Uploaded zips unpacked safely, all or nothing (pure)."""

from __future__ import annotations

import io
import stat
import time
import tracemalloc
import zipfile

import pytest

from annotations.formats import archives
from annotations.formats.archives import safe_member_name, upload_files

LIMIT = 10 * 2**20
MB = 2**20


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zeros_zip(name: str, megabytes: int) -> bytes:
    """A member of ``megabytes`` MiB of zeros, written in streamed chunks (low memory)."""
    buffer = io.BytesIO()
    block = bytes(MB)
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open(name, "w", force_zip64=True) as member,
    ):
        for _ in range(megabytes):
            member.write(block)
    return buffer.getvalue()


def central_entry(data: bytes | bytearray, name: bytes) -> int:
    """Where the central directory record of member ``name`` starts."""
    return data.index(name, data.index(b"PK\x01\x02")) - 46  # the name follows 46 bytes


def messages(issues) -> str:
    return "\n".join(issue.message for issue in issues)


# -- what passes -------------------------------------------------------------------------


def test_plain_files_pass_through_unchanged_whatever_their_name():
    assert upload_files("a.jsonl", b"{}", max_total=LIMIT) == ([("a.jsonl", b"{}")], [])
    assert upload_files("fake.zip", b"not a zip", max_total=LIMIT) == (
        [("fake.zip", b"not a zip")],
        [],
    )


def test_a_zip_gives_its_files_by_path_as_in_the_archive():
    inner = zip_of({"x.txt": b"X"})
    data = zip_of({"p/a.txt": b"A", "p/b/c.ann": b"C" * 1000, "p/nested.zip": inner})
    files, issues = upload_files("upload.bin", data, max_total=LIMIT)  # told by its bytes
    assert issues == []
    assert files == [("p/a.txt", b"A"), ("p/b/c.ann", b"C" * 1000), ("p/nested.zip", inner)]


def test_folders_and_system_litter_are_skipped():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("p/", b"")  # a folder entry
        for name in ("p/a.txt", "__MACOSX/p/._a.txt", "p/.DS_Store", "p/Thumbs.db",
                     "p/._b.txt", "desktop.ini"):  # fmt: skip
            archive.writestr(name, b"A" if name == "p/a.txt" else b"junk")
    files, issues = upload_files("p.zip", buffer.getvalue(), max_total=LIMIT)
    assert issues == [] and files == [("p/a.txt", b"A")]


def test_backslash_separators_are_read_as_folders():
    files, issues = upload_files("w.zip", zip_of({"docs\\a.txt": b"A"}), max_total=LIMIT)
    assert issues == [] and files == [("docs/a.txt", b"A")]


def test_utf8_names_without_the_utf8_flag_are_read_as_utf8():
    data = bytearray(zip_of({"dé/ü.txt": b"A"}))
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature)
        flags = int.from_bytes(data[at + flag_at : at + flag_at + 2], "little") & ~0x800
        data[at + flag_at : at + flag_at + 2] = flags.to_bytes(2, "little")
    files, issues = upload_files("n.zip", bytes(data), max_total=LIMIT)
    assert issues == [] and files == [("dé/ü.txt", b"A")]


# -- names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../evil.txt", "/etc/passwd", "a/../../b", "C:\\x", "C:/x", "a\\..\\..\\b", "\\\\srv\\x",
     "a\x00b", "..", "a/.."],
)  # fmt: skip
def test_names_that_could_leave_the_folder_are_unsafe(name):
    assert safe_member_name(name) is None


def test_safe_names_are_cleaned_into_relative_posix_paths():
    assert safe_member_name("a/./b\\c.txt") == "a/b/c.txt"
    assert safe_member_name("a//b.txt") == "a/b.txt"
    assert safe_member_name("..a/b..") == "..a/b.."  # dots inside a name are fine


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "a/../../b", "C:\\x",
                                  "a\\..\\..\\b", "a\x00b.txt"])  # fmt: skip
def test_a_zip_with_an_unsafe_member_is_refused_whole_naming_it(name):
    # zipfile cuts a name at NUL when writing: write a stand-in and patch both headers
    data = zip_of({"ok.txt": b"fine", name.replace("\x00", "#"): b"evil"})
    data = data.replace(name.replace("\x00", "#").encode(), name.encode())
    files, issues = upload_files("evil.zip", data, max_total=LIMIT)
    assert files == [] and len(issues) == 1
    assert issues[0].file == "evil.zip" and issues[0].line is None
    assert repr(name) in issues[0].message and "refused" in issues[0].message


def test_a_symbolic_link_member_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("p/a.txt", b"A")
        link = zipfile.ZipInfo("p/link")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    files, issues = upload_files("p.zip", buffer.getvalue(), max_total=LIMIT)
    assert files == [] and "'p/link' is refused: it is a symbolic link" in messages(issues)


def test_the_same_path_twice_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", b"one")
        archive.writestr("./a.txt", b"two")
    files, issues = upload_files("d.zip", buffer.getvalue(), max_total=LIMIT)
    assert files == [] and "appears twice" in messages(issues)


# -- zip bombs ---------------------------------------------------------------------------


def test_a_real_zip_bomb_is_refused_from_its_headers_without_unpacking():
    data = zeros_zip("bomb.txt", 100)  # 100 MiB of zeros, about 1000 to 1
    assert len(data) < 2 * MB
    started = time.perf_counter()
    files, issues = upload_files("bomb.zip", data, max_total=2**40)  # only the ratio trips
    assert time.perf_counter() - started < 1
    assert files == [] and "'bomb.txt' is refused" in messages(issues)
    assert "a possible zip bomb" in messages(issues)
    files, issues = upload_files("bomb.zip", data, max_total=LIMIT, max_ratio=10**6)
    assert files == [] and f"more than the {LIMIT} allowed" in messages(issues)


def test_declared_sizes_over_the_total_are_refused():
    data = zip_of({"a.txt": b"a" * 600, "b.txt": b"b" * 600}, zipfile.ZIP_STORED)
    files, issues = upload_files("big.zip", data, max_total=1000)
    assert files == [] and "unpacks to 1200 bytes, more than the 1000 allowed" in messages(issues)
    assert upload_files("big.zip", data, max_total=1200)[1] == []


def test_too_many_members_are_refused():
    data = zip_of({f"f{i}.txt": b"x" for i in range(30)})
    files, issues = upload_files("many.zip", data, max_total=LIMIT, max_files=20)
    assert files == [] and "30 members, more than the 20 allowed" in issues[0].message


def test_small_members_are_not_held_to_the_ratio():
    data = zip_of({"zeros.txt": bytes(60_000)})  # compresses about 1000 to 1, but 60 KB
    files, issues = upload_files("z.zip", data, max_total=LIMIT)
    assert issues == [] and files == [("zeros.txt", bytes(60_000))]


def test_a_header_that_understates_a_size_gains_nothing():
    data = bytearray(zeros_zip("liar.txt", 20))  # 20 MiB of zeros ...
    at = central_entry(data, b"liar.txt")
    # ... declared as 100 bytes in the central directory (the size the reader trusts)
    assert int.from_bytes(data[at + 24 : at + 28], "little") == 20 * MB
    assert data[at + 30 : at + 32] == b"\x00\x00"  # no zip64 field overriding it
    data[at + 24 : at + 28] = (100).to_bytes(4, "little")
    tracemalloc.start()
    try:
        files, issues = upload_files("lie.zip", bytes(data), max_total=1000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert files == [] and "'liar.txt'" in messages(issues)
    assert peak < 2 * MB  # read 100 bytes, then the CRC check failed


def test_reading_stops_at_the_total_whatever_the_headers_say(monkeypatch):
    """Should a member yield more than its header declares (the standard library stops at
    the declared size, but that is its choice), reading stops just past ``max_total``."""
    data = zip_of({"a.txt": b"small"})
    reads = []

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def read(self, size=-1):
            reads.append(size)
            return b"x" * size

    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info: Endless())
    files, issues = upload_files("lie.zip", data, max_total=300_000)
    assert files == [] and "'a.txt': the archive unpacks to more than" in messages(issues)
    assert sum(reads) <= 300_001 and len(reads) <= 300_000 // archives.CHUNK + 1


# -- damaged and unreadable --------------------------------------------------------------


def test_an_encrypted_member_is_refused():
    data = bytearray(zip_of({"secret.txt": b"S"}, zipfile.ZIP_STORED))
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature)
        data[at + flag_at] |= 0x1
    files, issues = upload_files("s.zip", bytes(data), max_total=LIMIT)
    assert files == [] and "'secret.txt' is refused: it is encrypted" in messages(issues)


def test_other_compression_methods_are_refused():
    data = zip_of({"a.txt": b"A" * 100}, zipfile.ZIP_BZIP2)
    files, issues = upload_files("b.zip", data, max_total=LIMIT)
    assert files == [] and "compressed with bzip2" in messages(issues)


def test_corrupt_bytes_are_named():
    files, issues = upload_files("bad.zip", b"PK\x03\x04garbage", max_total=LIMIT)
    assert files == [] and "not a readable zip archive" in issues[0].message


def test_a_member_that_fails_its_crc_is_named():
    data = bytearray(zip_of({"a.txt": b"hello world"}, zipfile.ZIP_STORED))
    data[data.index(b"hello")] = ord("j")
    files, issues = upload_files("crc.zip", bytes(data), max_total=LIMIT)
    assert files == [] and "'a.txt' cannot be read" in issues[0].message
    assert "CRC" in issues[0].message


def test_a_broken_deflate_stream_is_named():
    data = bytearray(zip_of({"a.txt": bytes(range(256)) * 50}))
    start = data.index(b"a.txt") + len("a.txt")
    data[start : start + 40] = b"\xff" * 40
    files, issues = upload_files("z.zip", bytes(data), max_total=LIMIT)
    assert files == [] and "'a.txt' cannot be read" in issues[0].message


def test_an_empty_archive_is_reported():
    files, issues = upload_files("e.zip", zip_of({}), max_total=LIMIT)
    assert files == [] and "holds no files" in issues[0].message
