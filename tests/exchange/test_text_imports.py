"""doccano JSONL and JSONL with a field mapping (NewsMTSC) into a project."""

from __future__ import annotations

import orjson
import pytest

from annotations.models import AnnotationSet, Span, Stance
from annotations.services.projects import project_create
from corpus.models import Document
from tests.exchange.helpers import exported, imported, lines
from tests.factories import people_importer

pytestmark = pytest.mark.django_db

NEWSMTSC_MAPPING = {
    "text": "sentence_normalized",
    "id": "primary_gid",
    "author": {"const": "newsmtsc"},
    "kind": "gold",
    "spans": {
        "path": "targets",
        "start": "from",
        "end": "to",
        "label": {"const": "SOURCE"},
        "text": "mention",
        "stance": {"value": "polarity", "map": {"2": "against", "4": "neutral", "6": "favor"}},
    },
}


@pytest.fixture
def empty(db):  # noqa: ANN001
    owner = people_importer("importer")
    return project_create(name="Target", owner=owner), owner


def jsonl(*items: dict) -> bytes:
    return b"\n".join(orjson.dumps(i) for i in items) + b"\n"


def test_newsmtsc_imports_with_its_documented_mapping(empty, datasets_dir):
    project, owner = empty
    path = datasets_dir / "newsmtsc-sample" / "devtest_mt.head150.jsonl"
    sentences = [orjson.loads(line) for line in path.read_bytes().splitlines()]

    outcome = imported(project, owner, path.read_bytes(), fmt="mapped-jsonl",
                       name=path.name, mapping=NEWSMTSC_MAPPING, derive_schema=True)  # fmt: skip

    assert outcome.ok, outcome.errors[:3]
    assert outcome.counts["documents_created"] == len(sentences) == 150
    assert outcome.counts["spans"] == sum(len(s["targets"]) for s in sentences)
    polarity = {2.0: "against", 4.0: "neutral", 6.0: "favor"}
    for record in lines(exported(project))[1:]:
        sentence = next(s for s in sentences if s["sentence_normalized"] == record["text"])
        [gold] = record["sets"]
        assert gold["kind"] == "gold" and gold["author"] == "newsmtsc"
        assert sorted((s["start"], s["text"]) for s in gold["spans"]) == sorted(
            (t["from"], t["mention"]) for t in sentence["targets"]
        )
        by_id = {s["id"]: s for s in gold["spans"]}
        got = sorted((by_id[x["object"]]["start"], x["value"]) for x in gold["stances"])
        want = sorted((t["from"], polarity[t["polarity"]]) for t in sentence["targets"])
        assert got == want


def test_a_mapping_naming_a_missing_field_is_reported_by_line(empty):
    project, owner = empty
    data = jsonl({"sentence": "Officials said so."}, {"other": "x"})
    outcome = imported(project, owner, data, fmt="mapped-jsonl", name="m.jsonl",
                       mapping={"text": "sentence"})  # fmt: skip
    assert [(e.line, e.message) for e in outcome.errors] == [
        (2, 'field "sentence" (text) is missing')
    ]
    assert not Document.objects.exists()


def test_doccano_lines_import_as_the_importers_sets(empty):
    project, owner = empty
    text = "Officials said the strike would end soon."
    data = jsonl({"text": text, "label": [[0, 9, "SRC"], [15, 40, "CLAIM"]], "source": "wire"})
    outcome = imported(project, owner, data, fmt="doccano", name="d.jsonl", derive_schema=True)
    assert outcome.ok, outcome.errors
    aset = AnnotationSet.objects.get()
    assert aset.author == owner
    assert sorted(Span.objects.values_list("label", "text")) == [
        ("CLAIM", "the strike would end soon"),
        ("SRC", "Officials"),
    ]
    assert Document.objects.get().meta == {"source": "wire"}


def test_doccano_offsets_count_utf16_units_unless_told_otherwise(empty):
    project, owner = empty
    text = "🚢 Officials said so."
    as_utf16 = jsonl({"text": text, "label": [[3, 12, "SRC"]]})
    outcome = imported(project, owner, as_utf16, fmt="doccano", name="d.jsonl",
                       derive_schema=True)  # fmt: skip
    assert outcome.ok, outcome.errors
    assert Span.objects.get().text == "Officials"


def test_doccano_relation_shape_imports_entities_and_relations(empty):
    project, owner = empty
    text = "Officials said the strike would end soon."
    data = jsonl({
        "text": text,
        "entities": [{"id": 7, "start_offset": 15, "end_offset": 40, "label": "CLAIM"},
                     {"id": 8, "start_offset": 0, "end_offset": 9, "label": "SOURCE"}],
        "relations": [{"id": 1, "from_id": 7, "to_id": 8, "type": "ATTRIBUTED_TO"}],
    })  # fmt: skip
    outcome = imported(project, owner, data, fmt="doccano", name="d.jsonl", keep_schema=True)
    assert outcome.ok, outcome.errors
    assert outcome.counts["relations"] == 1


def test_doccano_problems_are_listed_by_line_and_nothing_is_imported(empty):
    project, owner = empty
    data = (
        jsonl({"text": "Fine text.", "label": [[0, 4, "X"]]})
        + b"\r\n".join(
            [
                orjson.dumps({"text": "Short.", "label": [[0, 99, "X"]]}),
                orjson.dumps({"label": []}),
                b"[1, 2]",
            ]
        )  # fmt: skip
    )
    outcome = imported(project, owner, data, fmt="doccano", name="d.jsonl", derive_schema=True)
    assert [(e.line, e.message) for e in outcome.errors] == [
        (2, "UTF-16 index 99 is past the end of the text"),
        (3, 'no "text"'),
        (4, "each line must be a JSON object"),
    ]
    assert not Document.objects.exists()


def test_labels_outside_the_projects_schema_are_refused_for_doccano(empty, annotated):
    project = annotated.project
    data = jsonl({"text": "Officials said so.", "label": [[0, 9, "PERSON"]]})
    outcome = imported(project, annotated.people.manager, data, fmt="doccano", name="d.jsonl",
                       derive_schema=True)  # fmt: skip
    assert outcome.errors[0].message == "sets[0].spans[0].label: unknown label 'PERSON'"
    assert not Stance.objects.filter(annotation_set__project=project, value="x").exists()


def test_the_api_takes_the_mapping_as_json_text_in_the_form(empty, client_for):
    import io

    project, owner = empty
    upload = io.BytesIO(jsonl({"sentence": "Officials said so.", "who": [{"a": 0, "b": 9}]}))
    upload.name = "m.jsonl"
    mapping = {"text": "sentence", "spans": {"path": "who", "start": "a", "end": "b",
                                             "label": {"const": "SOURCE"}}}  # fmt: skip
    response = client_for(owner).post(
        f"/api/v1/projects/{project.pk}/import/",
        {"format": "mapped-jsonl", "files": [upload], "mapping": orjson.dumps(mapping).decode()},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert Span.objects.get().text == "Officials"


def test_the_api_gives_sets_without_an_author_to_the_author_field(empty, client_for):
    import io

    project, owner = empty
    upload = io.BytesIO(jsonl({"text": "Officials said so.", "label": [[0, 9, "SRC"]]}))
    upload.name = "d.jsonl"
    response = client_for(owner).post(
        f"/api/v1/projects/{project.pk}/import/",
        {"format": "doccano", "files": [upload], "author": "maria"},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert response.json()["users_created"] == ["maria"]
    assert AnnotationSet.objects.get().author.username == "maria"


def test_a_derived_schema_holds_the_targets_and_questions_the_file_answers():
    from annotations.formats.schema_derive import schema_header
    from annotations.schema import validate_definition

    records = [{"text": "x", "sets": [{
        "spans": [{"id": 1, "label": "my source", "start": 0, "end": 1, "text": "x"}],
        "stances": [{"holder": 1, "target": "the union", "value": "favor"}],
        "answers": {"framing": {"the union": "critical"}, "genre": ["news", "opinion"]},
    }]}]  # fmt: skip
    schema = validate_definition(schema_header(records, errors=[])["schema"])
    [aset] = records[0]["sets"]
    assert [t["key"] for t in schema["stance"]["targets"]] == ["the_union"]
    assert aset["stances"][0]["target"] == "the_union"
    assert aset["spans"][0]["label"] == "my_source"
    questions = {q["key"]: q for q in schema["document_questions"]}
    assert questions["framing"]["per_target"] and questions["framing"]["choices"] == ["critical"]
    assert questions["genre"]["type"] == "multi"
    assert aset["answers"] == {"framing": {"the_union": "critical"}, "genre": ["news", "opinion"]}
