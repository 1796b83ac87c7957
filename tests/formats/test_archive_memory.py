"""A zip at the upload limit costs memory in proportion to the limit, and a zip bomb is refused
from its headers or while it is read, never expanded: peaks measured with tracemalloc."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile

from annotations.formats.archives import upload_files

LIMIT = 8 * 2**20  # the upload limit in these tests
UNPACKED_LIMIT = 4 * LIMIT  # what the import allows a zip to unpack to


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def peak_while(action) -> tuple[object, int]:  # noqa: ANN001
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_zip_at_the_limit_unpacks_within_four_times_the_limit():
    # Many small files that do not compress, plus one that expands about 70 to 1 (under the
    # 200 to 1 a member may claim) to 16 MiB.
    members = {f"doc{i:04}.txt": os.urandom(3000) for i in range(2500)}
    members["notes.txt"] = b"".join(os.urandom(50) + b"a" * 5000 for _ in range(3300))
    data = zipped(members)
    assert 7 * 2**20 < len(data) <= LIMIT
    (files, issues), peak = peak_while(
        lambda: upload_files("up.zip", data, max_total=UNPACKED_LIMIT)
    )
    assert issues == []
    assert len(files) == 2501
    unpacked = sum(len(content) for _, content in files)
    assert peak < 4 * LIMIT
    assert peak < unpacked + LIMIT // 2  # the files, and no second copy of any of them


def test_a_zip_bomb_member_is_refused_from_its_headers_without_expanding_it():
    data = zipped({"bomb.txt": b"\0" * (64 * 2**20)})  # 64 MiB in about 64 KiB
    (files, issues), peak = peak_while(
        lambda: upload_files("up.zip", data, max_total=UNPACKED_LIMIT)
    )
    assert files == []
    assert "possible zip bomb" in issues[0].message
    assert peak < 2**20  # nothing was expanded


def test_a_zip_whose_headers_understate_the_size_stops_at_the_limit():
    data = bytearray(zipped({"big.txt": os.urandom(2**20) * 40}))  # 40 MiB: past 32 MiB
    # Lie in the central directory: the member claims 1 MiB unpacked.
    at = data.rfind(b"PK\x01\x02")
    data[at + 24 : at + 28] = (2**20).to_bytes(4, "little")
    (files, issues), peak = peak_while(
        lambda: upload_files("up.zip", bytes(data), max_total=UNPACKED_LIMIT)
    )
    assert files == []
    assert issues  # refused: the sizes were a lie
    assert peak < 3 * UNPACKED_LIMIT
