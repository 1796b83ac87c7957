"""What a format cannot hold reaches the person exporting: counted in the CoNLL file, in a
background job's notes and on the command's stderr (imported through the real service)."""

from __future__ import annotations

import orjson
import pytest
from django.core.management import call_command

from annotations.selectors.export import ExportFilters
from annotations.services.exports import export_job_create, export_job_path
from annotations.services.projects import project_create
from tests.exchange.helpers import imported
from tests.factories import people_importer

pytestmark = pytest.mark.django_db

TEXT = "Officials said the strike would end soon."
NOTE = "conll: left out 1 relation, 1 answer (BIO tags hold labelled spans only)"


@pytest.fixture
def project(db):  # noqa: ANN001, ANN201
    schema = {
        "span_labels": [{"key": "SOURCE", "name": "Source"}, {"key": "CLAIM", "name": "Claim"}],
        "relation_types": [{"key": "ATTRIBUTED_TO", "name": "Attributed to",
                            "from_labels": ["CLAIM"], "to_labels": ["SOURCE"]}],
        "document_questions": [{"key": "framing", "text": "Framing?", "type": "single",
                                "choices": ["neutral", "critical"]}],
    }  # fmt: skip
    aset = {"kind": "annotator", "author": "anna", "status": "submitted",
            "spans": [{"id": 1, "label": "SOURCE", "start": 0, "end": 9, "text": "Officials"},
                      {"id": 2, "label": "CLAIM", "start": 15, "end": 40, "text": TEXT[15:40]}],
            "relations": [{"type": "ATTRIBUTED_TO", "source": 2, "target": 1}],
            "answers": {"framing": "critical"}}  # fmt: skip
    header = {"claimlens": "project", "version": 2, "schema": schema}
    data = orjson.dumps(header) + b"\n" + orjson.dumps({"text": TEXT, "sets": [aset]}) + b"\n"
    owner = people_importer("left-out-owner")
    made = project_create(name="Left out", owner=owner)
    outcome = imported(made, owner, data)
    assert outcome.ok, outcome.errors
    return made


def test_a_conll_job_keeps_the_count_in_its_notes_and_in_the_file(
    project, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        job = export_job_create(project=project, user=None, fmt="conll",
                                filters=ExportFilters())  # fmt: skip
    job.refresh_from_db()
    assert job.status == "done"
    assert job.notes == [NOTE]
    assert "# left out = 1 relation, 1 answer\n" in export_job_path(job).read_text()


def test_the_export_command_says_what_csv_spans_left_out(project, tmp_path, capsys):
    out = tmp_path / "spans.csv"
    call_command("export_annotations", project=project.pk, format="csv-spans", output=str(out))
    assert capsys.readouterr().err.splitlines() == [
        "note: csv-spans: left out 1 relation, 1 answer (a row per span: see csv-stances)"
    ]


def test_a_job_with_too_many_notes_keeps_the_totals_written_last():
    from annotations.services.exports import MAX_NOTES, notes_kept

    items = [f"conll: span {k} overlaps" for k in range(2_000)] + ["conll: left out 5 stances"]
    kept = notes_kept(items)
    assert len(kept) == MAX_NOTES
    assert kept[:3] == items[:3]
    assert kept[-5:] == [
        "conll: span 995 overlaps",
        "... 1,002 more notes not shown (the export command lists them all)",
        "conll: span 1998 overlaps",
        "conll: span 1999 overlaps",
        "conll: left out 5 stances",
    ]
    assert notes_kept(items[:10]) == items[:10]
