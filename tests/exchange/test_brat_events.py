"""brat events through the import service into PostgreSQL: by default the trigger is a span
and each role a relation from it; with an event mapping the roles become the project's
relations between the arguments (the news-attribution preset's CLAIM, SOURCE, CUE); a bad
mapping is refused; a brat event project exported and imported again stores the same rows."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from annotations.models import Relation, Span
from annotations.services.projects import project_create
from tests.exchange.helpers import canonical, exported, imported, zipped
from tests.factories import people_importer
from tests.formats.brat_helpers import ATTRIBUTION_MAPPING

pytestmark = pytest.mark.django_db

TEXT = "Officials said the strike would end soon."
ANN = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 40\tthe strike would end soon\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "A1\tNegated E1\n"
)
CONF = (
    "[entities]\nSource\nCue\nContent\n[relations]\n"
    "[events]\nAttribution\tSource:Source, Cue?:Cue, Content:Content\n"
    "[attributes]\nNegated\tArg:<EVENT>\n"
)


PROJECT = zipped({"p/annotation.conf": CONF, "p/anna/a.txt": TEXT, "p/anna/a.ann": ANN})


@pytest.fixture
def owner(db):  # noqa: ANN001
    return people_importer("importer")


def stored(project) -> tuple[list[tuple], list[tuple]]:  # noqa: ANN001
    spans = Span.objects.filter(annotation_set__project=project).order_by("start", "label")
    relations = Relation.objects.filter(annotation_set__project=project)
    return (
        [(s.label, s.text, s.attributes) for s in spans],
        sorted((r.type, r.source.text, r.target.text) for r in relations),
    )


def test_an_event_is_stored_as_its_trigger_span_and_a_relation_per_role(owner):
    project = project_create(name="Events", owner=owner)
    outcome = imported(project, owner, PROJECT, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    spans, relations = stored(project)
    assert spans == [
        ("Source", "Officials", {}),
        ("Attribution", "said", {"Negated": True}),
        ("Cue", "said", {}),
        ("Content", "the strike would end soon", {}),
    ]
    assert relations == [
        ("Content", "said", "the strike would end soon"),
        ("Cue", "said", "said"),
        ("Source", "said", "Officials"),
    ]
    project.schema.refresh_from_db()
    [event] = project.schema.definition["events"]
    assert event["key"] == "Attribution"
    assert [(r["key"], r["min"], r["max"]) for r in event["roles"]] == [
        ("Source", 1, 1),
        ("Cue", 0, 1),
        ("Content", 1, 1),
    ]


def test_with_a_mapping_the_preset_project_gets_claims_sources_cues_and_their_relations(owner):
    project = project_create(name="News", owner=owner)  # the news-attribution preset
    outcome = imported(
        project,
        owner,
        PROJECT,
        fmt="brat",
        name="p.zip",
        event_mapping=ATTRIBUTION_MAPPING,
        keep_schema=True,
    )
    assert outcome.ok, outcome.errors
    spans, relations = stored(project)
    assert spans == [
        ("SOURCE", "Officials", {}),
        ("CUE", "said", {}),
        ("CLAIM", "the strike would end soon", {}),
    ]
    assert relations == [
        ("ATTRIBUTED_TO", "the strike would end soon", "Officials"),
        ("CUE_OF", "said", "the strike would end soon"),
    ]
    dropped = "its trigger, which the event mapping drops, held Negated: not imported"
    assert ("p/anna/a.ann", 5, dropped) in [(n.file, n.line, n.message) for n in outcome.notes]
    project.schema.refresh_from_db()
    assert "events" not in project.schema.definition  # the preset is kept


def test_the_workspace_shows_the_mapped_relations(owner, client):  # noqa: ANN001
    project = project_create(name="News", owner=owner)
    assert imported(
        project, owner, PROJECT, fmt="brat", name="p.zip", event_mapping=ATTRIBUTION_MAPPING
    ).ok
    aset = Span.objects.filter(annotation_set__project=project).first().annotation_set
    client.force_login(aset.author)
    body = client.get(f"/api/v1/sets/{aset.pk}/").json()
    labels = {span["id"]: span["label"] for span in body["spans"]}
    assert sorted(
        (r["type"], labels[r["source"]], labels[r["target"]]) for r in body["relations"]
    ) == [
        ("ATTRIBUTED_TO", "CLAIM", "SOURCE"),
        ("CUE_OF", "CUE", "CLAIM"),
    ]


def test_a_mapping_onto_a_relation_type_the_project_lacks_is_refused_at_the_file(owner):
    project = project_create(name="News", owner=owner)
    mapping = {
        "labels": ATTRIBUTION_MAPPING["labels"],
        "events": {
            "Attribution": {"relations": [{"from": "Content", "to": "Source", "type": "SAID_BY"}]}
        },
    }
    outcome = imported(project, owner, PROJECT, fmt="brat", name="p.zip", event_mapping=mapping)
    assert not outcome.ok and Span.objects.count() == 0
    [error] = outcome.errors
    assert error.file == "p/anna/a.ann"
    assert "unknown relation type 'SAID_BY'" in error.message


def test_a_bad_mapping_is_refused_with_what_is_wrong(owner):
    project = project_create(name="News", owner=owner)
    mapping = {"events": {"Attribution": {"trigger": "a cue"}}}
    outcome = imported(project, owner, PROJECT, fmt="brat", name="p.zip", event_mapping=mapping)
    assert [(e.file, e.line, e.message) for e in outcome.errors] == [
        (
            "event_mapping",
            None,
            "bad event mapping: events.Attribution.trigger: 'a cue' is not a label or "
            "relation type key",
        )
    ]
    assert Span.objects.count() == 0


def test_an_event_type_the_mapping_lacks_is_refused_at_its_file_and_line(owner):
    project = project_create(name="News", owner=owner)
    ann = ANN + "T5\tDenial 10 14\tsaid\nE2\tDenial:T5 Source:T1\n"
    upload = zipped({"p/annotation.conf": CONF, "p/anna/a.txt": TEXT, "p/anna/a.ann": ann})
    outcome = imported(
        project, owner, upload, fmt="brat", name="p.zip", event_mapping=ATTRIBUTION_MAPPING
    )
    assert [(e.file, e.line, e.message) for e in outcome.errors] == [
        ("p/anna/a.ann", 8, "E2: event type Denial is not in the event mapping (Attribution)")
    ]


def test_a_brat_event_project_exported_and_imported_again_stores_the_same_rows(owner):
    first = project_create(name="First", owner=owner)
    assert imported(first, owner, PROJECT, fmt="brat", name="p.zip").ok
    again = project_create(name="Again", owner=owner)
    outcome = imported(again, owner, exported(first, "brat"), fmt="brat", name="export.zip")
    assert outcome.ok, outcome.errors
    assert stored(again) == stored(first)
    assert canonical(exported(again)) == canonical(exported(first))
    again.schema.refresh_from_db()
    assert again.schema.definition["events"] == first.schema.definition["events"]


def test_import_annotations_reads_the_event_mapping_from_a_file(owner, tmp_path):
    folder = tmp_path / "p" / "anna"
    folder.mkdir(parents=True)
    (tmp_path / "p" / "annotation.conf").write_text(CONF)
    (folder / "a.txt").write_text(TEXT)
    (folder / "a.ann").write_text(ANN)
    (tmp_path / "mapping.json").write_text(json.dumps(ATTRIBUTION_MAPPING))
    project = project_create(name="News", owner=owner)
    call_command("import_annotations", str(tmp_path / "p"), project=project.pk, format="brat",
                 user="importer", event_mapping=str(tmp_path / "mapping.json"))  # fmt: skip
    assert stored(project)[1] == [
        ("ATTRIBUTED_TO", "the strike would end soon", "Officials"),
        ("CUE_OF", "said", "the strike would end soon"),
    ]


def test_the_api_form_passes_the_event_mapping(owner, client_for):  # noqa: ANN001
    project = project_create(name="News", owner=owner)
    upload = io.BytesIO(PROJECT)
    upload.name = "p.zip"
    form = {"format": "brat", "files": [upload], "event_mapping": json.dumps(ATTRIBUTION_MAPPING)}
    response = client_for(owner).post(
        f"/api/v1/projects/{project.pk}/import/", form, format="multipart"
    )
    assert response.status_code == 201, response.content
    assert stored(project)[1] == [
        ("ATTRIBUTED_TO", "the strike would end soon", "Officials"),
        ("CUE_OF", "said", "the strike would end soon"),
    ]
