"""Bad input to an import: each problem named with its place, and nothing half-imported."""

from __future__ import annotations

import io
import zipfile

import orjson
import pytest

from annotations.models import AnnotationSet, Membership, Role, Span
from annotations.services.projects import project_create
from corpus.models import Document
from tests.exchange.helpers import exported, imported, lines
from tests.factories import people_importer

pytestmark = pytest.mark.django_db

TEXT = "Officials said the strike would end soon.\nThe union disagreed."


@pytest.fixture
def empty(db):  # noqa: ANN001
    owner = people_importer("importer")
    return project_create(name="Target", owner=owner), owner


def record(text: str = TEXT, spans=None, **extra) -> dict:  # noqa: ANN001
    claim = text.find("the strike")
    if spans is None and claim < 0:
        spans = []
    spans = spans if spans is not None else [
        {"id": 1, "label": "CLAIM", "start": claim, "end": claim + 25,
         "text": text[claim:claim + 25]},
    ]  # fmt: skip
    return {"text": text, "sets": [{"kind": "annotator", "author": "ana", "spans": spans}],
            **extra}  # fmt: skip


def jsonl(*records: dict) -> bytes:
    return b"\n".join(orjson.dumps(r) for r in records) + b"\n"


def nothing_written() -> bool:
    return not AnnotationSet.objects.exists() and not Document.objects.exists()


def test_good_lines_are_not_imported_when_one_line_is_malformed(empty):
    project, owner = empty
    data = jsonl(record()) + b'{"text": "broken\n' + jsonl(record(text="Another text said so."))
    outcome = imported(project, owner, data)
    assert not outcome.ok
    assert [(e.file, e.line) for e in outcome.errors] == [("in.jsonl", 2)]
    assert "not JSON" in outcome.errors[0].message
    assert nothing_written()


def test_offsets_outside_the_text_are_named_with_line_and_path(empty):
    project, owner = empty
    bad = record(spans=[{"id": 1, "label": "CLAIM", "start": 50, "end": 999, "text": "x"}])
    outcome = imported(project, owner, jsonl(record(text="Fine text, said she."), bad))
    assert not outcome.ok
    [error] = outcome.errors
    assert error.line == 2
    assert error.message.startswith("sets[0].spans[0].start: offset 999 is past the end")
    assert nothing_written()


def test_quoted_text_that_does_not_match_the_offsets_is_refused(empty):
    project, owner = empty
    bad = record(spans=[{"id": 1, "label": "CLAIM", "start": 0, "end": 9, "text": "Officers"}])
    outcome = imported(project, owner, jsonl(bad))
    assert "sets[0].spans[0].text: text does not match" in outcome.errors[0].message
    assert nothing_written()


def test_a_label_the_schema_lacks_is_refused_when_the_project_keeps_its_schema(empty):
    project, owner = empty
    bad = record(spans=[{"id": 1, "label": "PERSON", "start": 0, "end": 9, "text": "Officials"}])
    outcome = imported(project, owner, jsonl(bad), keep_schema=True)
    assert outcome.errors[0].message == "sets[0].spans[0].label: unknown label 'PERSON'"
    assert nothing_written()


def test_relations_to_missing_spans_are_refused(empty):
    project, owner = empty
    bad = record()
    bad["sets"][0]["relations"] = [{"type": "ATTRIBUTED_TO", "source": 1, "target": 77}]
    outcome = imported(project, owner, jsonl(bad))
    assert outcome.errors[0].message.startswith("sets[0].relations[0].target: must be a span")
    assert nothing_written()


def test_a_utf16_file_with_a_byte_order_mark_imports(empty):
    project, owner = empty
    data = jsonl(record()).decode().encode("utf-16")
    outcome = imported(project, owner, data)
    assert outcome.ok, outcome.errors
    assert Span.objects.get().text == "the strike would end soon"


def test_a_latin1_file_is_refused_naming_the_byte_unless_its_encoding_is_given(empty):
    project, owner = empty
    text = "Le ministre a déclaré que la grève finirait bientôt."
    data = jsonl({"text": text, "sets": []}).decode().encode("latin-1")
    refused = imported(project, owner, data)
    assert not refused.ok
    assert "cannot be read as UTF-8" in refused.errors[0].message
    assert nothing_written()
    accepted = imported(project, owner, data, encoding="latin-1")
    assert accepted.ok, accepted.errors
    assert Document.objects.get().text == text


def test_crlf_texts_are_stored_with_newlines_and_offsets_move_along(empty):
    project, owner = empty
    text = "Headline\r\nOfficials said the strike would end soon.\r\nThe union disagreed."
    start = text.index("The union")
    spans = [{"id": 1, "label": "SOURCE", "start": start, "end": start + 9, "text": "The union"}]
    outcome = imported(project, owner, jsonl(record(text=text, spans=spans)))
    assert outcome.ok, outcome.errors
    document = Document.objects.get()
    assert "\r" not in document.text and document.raw == text
    span = Span.objects.get()
    assert (span.start, span.end) == (start - 2, start + 7)
    assert document.text[span.start : span.end] == "The union"


def test_a_span_ending_between_cr_and_lf_is_refused(empty):
    project, owner = empty
    text = "Officials said so.\r\nMore text here."
    end = text.index("\n")
    spans = [{"id": 1, "label": "CLAIM", "start": 0, "end": end, "text": text[:end]}]
    outcome = imported(project, owner, jsonl(record(text=text, spans=spans)))
    assert not outcome.ok
    assert "sets[0].spans[0]" in outcome.errors[0].message
    assert nothing_written()


def test_decomposed_accents_are_composed_and_offsets_move_along(empty):
    project, owner = empty
    text = "Le ministre a de\u0301clare\u0301 que la gre\u0300ve finirait."
    start = text.index("la gre")
    end = text.index(" finirait")
    spans = [{"id": 1, "label": "CLAIM", "start": start, "end": end, "text": text[start:end]}]
    outcome = imported(project, owner, jsonl(record(text=text, spans=spans)))
    assert outcome.ok, outcome.errors
    assert Span.objects.get().text == "la grève"


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_with_a_path_escaping_the_folder_is_refused(empty):
    project, owner = empty
    data = zip_of({"ok.jsonl": jsonl(record()), "../../etc/evil.jsonl": jsonl(record())})
    outcome = imported(project, owner, data, name="upload.zip")
    assert not outcome.ok
    assert (
        "'../../etc/evil.jsonl' is refused: its path has a '..' part" in outcome.errors[0].message
    )
    assert nothing_written()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(empty):
    project, owner = empty
    data = zip_of({"bomb.jsonl": b"\n" * (300 * 2**20)})
    assert len(data) < 2**20
    outcome = imported(project, owner, data, name="upload.zip")
    assert not outcome.ok
    assert "possible zip bomb" in outcome.errors[0].message or "unpacks to" in str(
        outcome.errors[0]
    )
    assert nothing_written()


def test_a_zip_of_jsonl_files_imports_them_all(empty):
    project, owner = empty
    data = zip_of(
        {"a.jsonl": jsonl(record()), "b/c.jsonl": jsonl(record(text="Another report said so."))}
    )
    outcome = imported(project, owner, data, name="upload.zip")
    assert outcome.ok, outcome.errors
    assert outcome.counts["documents_created"] == 2


def test_a_file_over_the_upload_limit_is_refused_by_the_api(empty, client_for, settings):
    project, owner = empty
    settings.CLAIMLENS_MAX_UPLOAD_BYTES = 1024
    big = io.BytesIO(jsonl(record(text="Officials said the strike would end soon. " * 50)))
    big.name = "big.jsonl"
    response = client_for(owner).post(
        f"/api/v1/projects/{project.pk}/import/",
        {"format": "jsonl", "files": [big]},
        format="multipart",
    )
    assert response.status_code == 400
    assert "larger than 1024 bytes: big.jsonl" in response.content.decode()
    assert nothing_written()


def test_a_fifty_megabyte_file_is_read_and_its_problem_reported(empty):
    project, owner = empty
    body = "Officials said the strike would end soon. " * 200
    good = [orjson.dumps(record(text=f"Report {i}. {body}")) for i in range(6000)]
    data = b"\n".join(good) + b'\n{"text": ""}\n'
    assert len(data) > 50 * 10**6
    outcome = imported(project, owner, data)
    assert not outcome.ok
    assert [(e.line, e.message) for e in outcome.errors] == [
        (6001, "text: the document text is missing or blank")
    ]
    assert nothing_written()


def test_the_api_reports_every_problem_and_imports_nothing(annotated, client_for):
    data = exported(annotated.project)
    broken = lines(data)
    broken[1]["sets"][1]["spans"][0]["text"] = "not the text"
    body = b"\n".join(orjson.dumps(r) for r in broken)
    owner = people_importer("api-importer")
    target = project_create(name="Copy", owner=owner)
    upload = io.BytesIO(body)
    upload.name = "copy.jsonl"
    response = client_for(owner).post(
        f"/api/v1/projects/{target.pk}/import/",
        {"format": "jsonl", "files": [upload]},
        format="multipart",
    )
    assert response.status_code == 400
    error = orjson.loads(response.content)["error"]
    assert error["code"] == "import_failed"
    [problem] = error["details"]["errors"]
    assert problem["file"] == "copy.jsonl" and problem["line"] == 2
    assert problem["message"].startswith("sets[1].spans[0].text: text does not match")
    assert not AnnotationSet.objects.filter(project=target).exists()


def test_the_api_imports_a_good_file_for_managers_only(annotated, client_for):
    data = exported(annotated.project)
    owner = people_importer("api-importer")
    target = project_create(name="Copy", owner=owner)
    # a member of the source project can read its documents, so they are reused
    Membership.objects.create(project=annotated.project, user=owner, role=Role.REVIEWER)

    def post(user):  # noqa: ANN001, ANN202
        upload = io.BytesIO(data)
        upload.name = "copy.jsonl"
        return client_for(user).post(
            f"/api/v1/projects/{target.pk}/import/",
            {"format": "jsonl", "files": [upload]},
            format="multipart",
        )

    assert post(annotated.people.manager).status_code == 404  # not a member of the target
    response = post(owner)
    assert response.status_code == 201
    counts = orjson.loads(response.content)["counts"]
    assert counts["sets"] == 5 and counts["documents_existing"] == 2
