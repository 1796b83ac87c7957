"""An event type (or a role) the .ann files use and annotation.conf lacks is added to the
schema, noted, and its role relations are valid from its triggers (through the real import
service): the file is imported, not refused over the schema made for it."""

from __future__ import annotations

import pytest

from annotations.models import Relation
from annotations.services.projects import project_create
from tests.exchange.helpers import imported, zipped
from tests.exchange.test_brat_events import CONF, TEXT
from tests.factories import people_importer

pytestmark = pytest.mark.django_db

ANN = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 40\tthe strike would end soon\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Content:T3 Manner:T2\n"
    "T5\tReport 10 14\tsaid\n"
    "E2\tReport:T5 Source:T1\n"
)


def test_an_event_type_and_a_role_the_conf_lacks_are_added_and_imported(db):  # noqa: ANN001
    owner = people_importer("importer")
    project = project_create(name="Target", owner=owner)
    data = zipped({"p/annotation.conf": CONF, "p/anna/a.txt": TEXT, "p/anna/a.ann": ANN})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    assert sorted(
        (r.type, r.source.label, r.target.label)
        for r in Relation.objects.select_related("source", "target")
    ) == [
        ("Content", "Attribution", "Content"),
        ("Manner", "Attribution", "Cue"),
        ("Source", "Attribution", "Source"),
        ("Source", "Report", "Source"),
    ]
    assert [n.message for n in outcome.notes if n.file == "p/annotation.conf"] == [
        "role Manner of event type Attribution is used in the .ann files but not declared "
        "here: added to the schema",
        "event type Report is used in the .ann files but not declared here: added to the schema",
        "label Report is used in the .ann files but not declared here: added to the schema",
    ]
    project.refresh_from_db()
    source = next(r for r in project.schema.definition["relation_types"] if r["key"] == "Source")
    assert source["from_labels"] == ["Attribution", "Report"]
