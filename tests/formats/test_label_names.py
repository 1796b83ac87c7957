"""Label names are kept as written, in any script: each is its own label with its own ASCII
key, and two names that would share a key are an error naming both, never merged."""

from __future__ import annotations

import orjson
import pytest

from annotations.formats import brat, doccano
from annotations.models import Span
from annotations.schema import validate_definition
from annotations.services.projects import project_create
from tests.exchange.helpers import imported, zipped
from tests.factories import UserFactory

TEXT = "Officials said the strike would end soon."  # Officials, said, strike, end, soon
NAMES = ["Источник", "Цитата", "Äußerung", "Source😀", "Source"]
KEYS = ["Istochnik", "Tsitata", "Ausserung", "Source_grinning", "Source"]
DERIVE = {"derive_schema": True}
PLACES = [(0, 9), (10, 14), (19, 25), (32, 35), (36, 40)]


def ann(names: list[str]) -> str:
    return "".join(
        f"T{i}\t{name} {a} {b}\t{TEXT[a:b]}\n"
        for i, (name, (a, b)) in enumerate(zip(names, PLACES, strict=False), start=1)
    )


def labels(result) -> list[tuple[str, str]]:  # noqa: ANN001
    schema = validate_definition(result.header["schema"])
    return [(label["key"], label["name"]) for label in schema["span_labels"]]


def test_brat_labels_in_any_script_stay_distinct_with_their_names_as_written():
    result = brat.read([("a.txt", TEXT.encode()), ("a.ann", ann(NAMES).encode())], {})
    assert result.errors == []
    assert labels(result) == list(zip(KEYS, NAMES, strict=True))
    [document] = result.documents
    assert [s["label"] for s in document["sets"][0]["spans"]] == KEYS


def test_brat_labels_declared_in_annotation_conf_keep_their_names():
    conf = "[entities]\n" + "\n".join(NAMES) + "\n[relations]\n[events]\n[attributes]\n"
    files = [("p/annotation.conf", conf.encode()), ("p/a.txt", TEXT.encode()),
             ("p/a.ann", ann(NAMES).encode())]  # fmt: skip
    result = brat.read(files, {})
    assert result.errors == []
    assert [(k, n) for k, n in labels(result) if k in KEYS] == list(zip(KEYS, NAMES, strict=True))


def test_two_brat_names_that_would_share_a_key_are_an_error_naming_both_with_the_line():
    result = brat.read(
        [("a.txt", TEXT.encode()), ("a.ann", ann(["my.type", "my_type"]).encode())], {}
    )
    assert [(e.file, e.line, e.message) for e in result.errors] == [
        (
            "a.ann",
            2,
            "the labels 'my.type' and 'my_type' would share the key 'my_type': "
            "rename one of them (names are never merged)",
        )
    ]


def test_doccano_labels_in_any_script_stay_distinct_and_clashes_are_errors():
    spans = [[a, b, name] for name, (a, b) in zip(NAMES, PLACES, strict=True)]
    data = orjson.dumps({"text": TEXT, "label": spans}) + b"\n"
    result = doccano.read([("d.jsonl", data)], DERIVE)
    assert result.errors == []
    assert labels(result) == list(zip(KEYS, NAMES, strict=True))
    clash = orjson.dumps({"text": TEXT, "label": [[0, 9, "Source😀"], [15, 25, "Source 😀"]]})
    result = doccano.read([("d.jsonl", data + clash + b"\n")], DERIVE)
    assert [(e.file, e.line, e.message) for e in result.errors] == [
        (
            "d.jsonl",
            2,
            "the labels 'Source😀' and 'Source 😀' would share the key 'Source_grinning': "
            "rename one of them (names are never merged)",
        )
    ]


@pytest.mark.django_db
def test_an_imported_project_stores_the_names_as_written_and_the_spans_under_their_keys():
    owner = UserFactory(username="importer")
    project = project_create(name="Names", owner=owner)
    data = zipped({"p/a.txt": TEXT, "p/a.ann": ann(NAMES)})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    project.schema.refresh_from_db()
    stored = [(x["key"], x["name"]) for x in project.schema.definition["span_labels"]]
    assert stored == list(zip(KEYS, NAMES, strict=True))
    assert sorted(Span.objects.values_list("label", flat=True)) == sorted(KEYS)
