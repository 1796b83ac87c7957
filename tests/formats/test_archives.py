"""Uploaded zips unpacked safely, all or nothing (pure)."""

from __future__ import annotations

import io
import stat
import zipfile

from annotations.formats.archives import safe_member_name, upload_files

LIMIT = 10 * 2**20


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_plain_files_pass_through():
    assert upload_files("a.jsonl", b"{}", max_total=LIMIT) == ([("a.jsonl", b"{}")], [])


def test_a_zip_gives_its_files_by_path_and_skips_system_litter():
    data = zip_of({"p/a.txt": b"A", "p/b/c.ann": b"C", "__MACOSX/p/._a.txt": b"x",
                   "p/.DS_Store": b"x"})  # fmt: skip
    files, issues = upload_files("p.zip", data, max_total=LIMIT)
    assert issues == [] and files == [("p/a.txt", b"A"), ("p/b/c.ann", b"C")]


def test_names_that_leave_the_folder_are_unsafe():
    for name in ("../evil", "/etc/passwd", "a/../../b", "C:\\x", "a\\..\\..\\b", "a\x00b"):
        assert safe_member_name(name) is None, name
    assert safe_member_name("a/./b\\c.txt") == "a/b/c.txt"


def test_a_symbolic_link_member_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("p/link")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    files, issues = upload_files("p.zip", buffer.getvalue(), max_total=LIMIT)
    assert files == [] and "a symbolic link" in issues[0].message


def test_a_header_that_lies_about_sizes_is_stopped_while_reading():
    data = bytearray(zip_of({"big.txt": b"x" * 4096}))
    # Patch the central directory's uncompressed size (offset 24 in its record) down to 10.
    at = data.rindex(b"PK\x01\x02")
    data[at + 24 : at + 28] = (10).to_bytes(4, "little")
    files, issues = upload_files("lie.zip", bytes(data), max_total=1000)
    assert files == []
    assert issues  # either the size check while reading or the CRC check refuses it


def test_corrupt_bytes_are_named():
    files, issues = upload_files("bad.zip", b"PK\x03\x04garbage", max_total=LIMIT)
    assert files == [] and "not a readable zip archive" in issues[0].message
