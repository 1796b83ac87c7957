"""Two brat events that make the same relation (one claim and one source with two cues, read
with an event mapping; or one argument twice under a role) store it once, with a note at the
second event's line, instead of refusing the file."""

from __future__ import annotations

import pytest

from annotations.models import Relation
from annotations.services.projects import project_create
from tests.exchange.helpers import imported, zipped
from tests.factories import UserFactory
from tests.formats.brat_helpers import ATTRIBUTION_MAPPING

pytestmark = pytest.mark.django_db

TEXT = "Officials said and added the bridge was safe."
SPANS = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tCue 19 24\tadded\n"
    "T4\tContent 25 44\tthe bridge was safe\n"
    "T5\tAttribution 10 14\tsaid\n"
    "T6\tAttribution 19 24\tadded\n"
)


@pytest.fixture
def owner(db):  # noqa: ANN001
    return UserFactory(username="importer")


def relations_stored() -> list[tuple[str, str, str]]:
    return sorted(
        (r.type, r.source.text, r.target.text)
        for r in Relation.objects.select_related("source", "target")
    )


def test_two_attributions_of_one_claim_to_one_source_give_one_attributed_to(owner):
    project = project_create(name="Target", owner=owner)
    ann = SPANS + (
        "E1\tAttribution:T5 Source:T1 Cue:T2 Content:T4\n"
        "E2\tAttribution:T6 Source:T1 Cue:T3 Content:T4\n"
    )
    data = zipped({"p/a.txt": TEXT, "p/a.ann": ann})
    outcome = imported(
        project, owner, data, fmt="brat", name="p.zip", event_mapping=ATTRIBUTION_MAPPING
    )
    assert outcome.ok, outcome.errors
    assert relations_stored() == [
        ("ATTRIBUTED_TO", "the bridge was safe", "Officials"),
        ("CUE_OF", "added", "the bridge was safe"),
        ("CUE_OF", "said", "the bridge was safe"),
    ]
    assert (
        "p/a.ann",
        8,
        "E2: its ATTRIBUTED_TO relation between T4 and T1 is made by E1 "
        "(line 7) already: stored once",
    ) in [(n.file, n.line, n.message) for n in outcome.notes]


def test_one_argument_twice_under_a_role_is_one_relation(owner):
    project = project_create(name="Target", owner=owner)
    ann = SPANS + "E1\tAttribution:T5 Source:T1 Source2:T1 Content:T4\n"
    data = zipped({"p/a.txt": TEXT, "p/a.ann": ann})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert outcome.ok, outcome.errors
    assert relations_stored() == [
        ("Content", "said", "the bridge was safe"),
        ("Source", "said", "Officials"),
    ]
    assert (
        "p/a.ann",
        7,
        "E1: its Source relation between T5 and T1 is made by E1 (line 7) already: stored once",
    ) in [(n.file, n.line, n.message) for n in outcome.notes]
