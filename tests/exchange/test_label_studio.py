"""Label Studio JSON: UTF-16 offsets out and in, a round trip through our importer, and our
export read by the Label Studio SDK's converter."""

from __future__ import annotations

import json

import orjson
import pytest

from annotations.formats.label_studio import labeling_config, read
from annotations.models import Project
from annotations.services.projects import project_create
from corpus.models import Document
from tests.exchange.helpers import canonical, exported, imported, lines
from tests.factories import people_importer

pytestmark = pytest.mark.django_db


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[start * 2 : end * 2].decode("utf-16-le")


def test_offsets_are_utf16_units_so_javascript_slices_give_the_span_text(annotated):
    tasks = orjson.loads(exported(annotated.project, "label-studio"))
    first = next(t for t in tasks if t["id"] == annotated.people.documents[0].pk)
    text = first["data"]["text"]
    layers = first["annotations"] + first["predictions"]
    regions = [r for a in layers for r in a["result"] if r["type"] == "labels"]
    assert regions
    for region in regions:
        value = region["value"]
        assert utf16_slice(text, value["start"], value["end"]) == value["text"]
    late = next(r for r in regions if r["value"]["text"] == "Union leaders disagreed")
    assert late["value"]["start"] == text.index("Union leaders disagreed")  # before the emoji
    assert first["predictions"][0]["model_version"] == "claim-tagger-v1"
    assert [a["ground_truth"] for a in first["annotations"]] == [True, False, False]


def test_an_offset_after_an_emoji_moves_by_one_unit_per_astral_character():
    from annotations.formats.label_studio import task

    text = "🚢🚢 Officials said so."
    record = {"id": 1, "text": text, "sets": [{"kind": "gold", "spans": [
        {"id": 5, "label": "SOURCE", "start": 3, "end": 12, "text": "Officials"}]}]}  # fmt: skip
    [region] = task(record, {"discontinuous": 0, "across documents": 0})["annotations"][0]["result"]
    assert (region["value"]["start"], region["value"]["end"]) == (5, 14)
    assert read([("t.json", orjson.dumps([task(record, {"discontinuous": 0,
                                                        "across documents": 0})]))],
                {}).documents[0]["sets"][0]["spans"][0]["start"] == 3  # fmt: skip


def test_importing_our_export_gives_back_every_set_within_a_document(annotated):
    data = exported(annotated.project, "label-studio")
    native = exported(annotated.project)
    Project.objects.filter(pk=annotated.project.pk).delete()
    Document.objects.all().delete()
    owner = people_importer("ls-importer")
    target = project_create(name="From LS", owner=owner)
    # The schema comes from the source project (Label Studio files carry none).
    from annotations.services.projects import project_schema_replace

    project_schema_replace(project=target, definition=lines(native)[0]["schema"])

    outcome = imported(target, owner, data, fmt="label-studio", name="ls.json", keep_schema=True)

    assert outcome.ok, outcome.errors[:3]

    def content(data: bytes) -> list:
        records = canonical(data)
        for record in records:
            for aset in record["sets"]:
                # Label Studio keeps neither cross-document links nor set timestamps/status.
                aset["relations"] = [r for r in aset["relations"] if not r["target_document"]]
                for key in ("started_at", "submitted_at", "status"):
                    aset.pop(key)
            yield [(s["kind"], s["author"], s["model_name"], s["spans"], s["relations"],
                    s["stances"], s["answers"]) for s in record["sets"]]  # fmt: skip

    assert list(content(exported(target))) == list(content(native))


def test_the_label_studio_converter_reads_our_export(annotated, tmp_path):
    from label_studio_sdk.converter import Converter

    schema = annotated.project.schema.definition
    path = tmp_path / "export.json"
    path.write_bytes(exported(annotated.project, "label-studio"))
    converter = Converter(config=labeling_config(schema), project_dir=str(tmp_path),
                          download_resources=False)  # fmt: skip
    converter.convert(str(path), str(tmp_path / "out"), "JSON_MIN", is_dir=False)
    converted = json.loads((tmp_path / "out" / "result.json").read_text())
    native = {r["id"]: r for r in lines(exported(annotated.project))[1:]}
    assert len(converted) == sum(
        1 for r in native.values() for s in r["sets"] if s["kind"] != "model"
    )
    for item in converted:
        text = native[item["id"]]["text"]
        for region in item.get("label", []):
            assert utf16_slice(text, region["start"], region["end"]) == region["text"]
    gold = next(i for i in converted if i.get("label") and
                i["label"][0]["text"] == "the dock workers' strike would end soon")  # fmt: skip
    assert gold["label"][0]["labels"] == ["CLAIM"]


def test_the_labeling_config_parses_with_the_sdk(annotated):
    from label_studio_sdk.converter.utils import parse_config

    parsed = parse_config(labeling_config(annotated.project.schema.definition))
    assert parsed["label"]["labels"] == ["CLAIM", "SOURCE", "CUE"]
    assert "quote_type" in parsed and "answer:framing:union" in parsed


def ls_file(text: str, *results: dict) -> bytes:
    return orjson.dumps([{"id": 1, "data": {"text": text}, "annotations": [
        {"id": 1, "completed_by": 3, "result": list(results)}]}])  # fmt: skip


def region(start: int, end: int, text: str, label: str = "CLAIM") -> dict:
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}  # fmt: skip


def test_bad_tasks_are_named_by_file_and_task():
    text = "🚢 Officials said so."
    result = read([("a.json", ls_file(text, region(3, 99, "Officials")))], {})
    assert result.errors[0].line == 1
    assert "task 1, annotation 1: region r1: UTF-16 index 99 is past the end" in str(
        result.errors[0]
    )
    inside = read([("a.json", ls_file(text, region(1, 5, "x")))], {})
    assert "inside a surrogate pair" in inside.errors[0].message
    mismatch = read([("a.json", ls_file(text, region(3, 12, "Officers")))], {})
    assert "quoted text 'Officers' does not match" in mismatch.errors[0].message
    broken = read([("a.json", b"[{not json")], {})
    assert (
        broken.errors[0].file == "a.json" and "neither JSON nor JSONL" in broken.errors[0].message
    )


def test_results_of_other_kinds_are_noted_not_dropped():
    text = "Officials said so."
    rating = {"from_name": "quality", "to_name": "text", "type": "rating", "value": {"rating": 4}}
    result = read([("a.json", ls_file(text, region(0, 9, "Officials", "SOURCE"), rating))], {})
    assert result.errors == []
    assert "a 'rating' result (quality) was not imported" in result.notes[0].message
    assert result.documents[0]["sets"][0]["author"] == "label-studio-user-3"


def test_the_converter_reads_an_export_of_an_imported_project_with_two_annotators(tmp_path):
    # A set imported without times beside one with them: the converter sorts a task's
    # annotations by created_at and stops (TypeError) when only some have one.
    from label_studio_sdk.converter import Converter

    text = "Officials said the strike would end soon."
    header = {"claimlens": "project", "version": 2, "schema": {"span_labels": [
        {"key": "SOURCE", "name": "Source"}, {"key": "CLAIM", "name": "Claim"}]}}  # fmt: skip
    sets = [
        {"kind": "annotator", "author": name, "status": "submitted",
         "spans": [{"id": 1, "label": label, "start": 0, "end": 9, "text": "Officials"}]}
        for name, label in (("anna", "SOURCE"), ("bob", "CLAIM"))
    ]  # fmt: skip
    sets[0]["started_at"] = "2026-03-02T10:00:00+00:00"  # anna's file has her time, bob's none
    data = orjson.dumps(header) + b"\n" + orjson.dumps({"text": text, "sets": sets}) + b"\n"
    owner = people_importer("ls-owner")
    project = project_create(name="Imported twice", owner=owner)
    assert imported(project, owner, data).ok

    path = tmp_path / "export.json"
    path.write_bytes(exported(project, "label-studio"))
    [task] = orjson.loads(path.read_bytes())
    anna, bob = sorted(task["annotations"], key=lambda a: a["completed_by"]["email"])
    assert anna["created_at"] == anna["updated_at"] == "2026-03-02T10:00:00+00:00"
    assert bob["created_at"] == bob["updated_at"] > anna["created_at"]  # the export's time
    converter = Converter(config=labeling_config(project.schema.definition),
                          project_dir=str(tmp_path), download_resources=False)  # fmt: skip
    converter.convert(str(path), str(tmp_path / "out"), "JSON_MIN", is_dir=False)

    converted = json.loads((tmp_path / "out" / "result.json").read_text())
    assert sorted(item["label"][0]["labels"][0] for item in converted) == ["CLAIM", "SOURCE"]
