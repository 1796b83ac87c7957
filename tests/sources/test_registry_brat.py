"""A registry link in a brat export: the entry's key is an attribute value, declared in
``annotation.conf`` among the registry's keys (brat refuses undeclared attributes), and the
export reads back with the link and no undeclared attribute."""

from __future__ import annotations

import io
import zipfile

from annotations.formats.brat import read
from annotations.services.sources import source_create
from tests.annotations.conftest import put_set, span_payload
from tests.exchange.helpers import exported


def test_a_sources_entry_is_a_declared_brat_attribute_and_reads_back(bench, owner):
    for name in ("Hamas", "Israeli government"):
        source_create(project=bench.project, data={"name": name})
    span = span_payload(bench.text, "SOURCE", "minister", attributes={"entry": "hamas"})
    assert put_set(owner, bench.aset, spans=[span]).status_code == 200
    with zipfile.ZipFile(io.BytesIO(exported(bench.project, "brat"))) as archive:
        files = [(f"export/{n}", archive.read(n)) for n in archive.namelist()]
        conf = archive.read("annotation.conf").decode()
    assert "entry\tArg:SOURCE, Value:hamas|israeli-government" in conf.splitlines()
    result = read(files, {})
    assert result.errors == [] and not [n for n in result.notes if "entry" in n.message]
    [annotator] = [s for d in result.documents for s in d["sets"] if s["spans"]]
    assert annotator["spans"][0]["attributes"] == {"entry": "hamas"}
