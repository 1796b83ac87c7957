"""The story workbench's table over the API: a researcher reads the seed story's claims
across outlets in the gold layer, as JSON and as CSV; the layer rule and the project
rule; a bounded number of statements whatever the story's size."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from annotations.models import Membership, Role
from annotations.services.projects import project_create, project_documents_add
from tests.factories import people_in_project
from tests.seed_story import AL_MAYADEEN, AXIOS, CNN, TIMES_OF_ISRAEL, seed_story_project
from tests.workbench.synthetic_story import synthetic_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    people = people_in_project(n_documents=0)
    return people, seed_story_project(people.project, people.manager)


def client_for(user) -> APIClient:  # noqa: ANN001
    client = APIClient()
    client.force_authenticate(user)
    return client


def claims_url(seed_story, **query: str) -> str:
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/api/v1/stories/{seed_story.story.pk}/claims/?{params}"


def row_holding(table: dict, words: str) -> dict:
    [row] = [
        r for r in table["rows"]
        if any(words in c["text"] for cell in r["cells"] for c in cell["claims"])
    ]  # fmt: skip
    return row


def outlets_of(table: dict, row: dict) -> list[str]:
    outlet = {d["id"]: d["outlet"] for d in table["documents"]}
    return [outlet[cell["document"]] for cell in row["cells"]]


def test_a_reviewer_finds_the_quotes_axios_and_al_mayadeen_share_in_one_row_each(seed):
    people, story = seed
    response = client_for(people.reviewer).get(claims_url(story, project=people.project.pk))
    assert response.status_code == 200, response.json()
    table = response.json()
    assert table["layer"] == "gold"
    row = row_holding(table, "This statement is inaccurate in almost every respect")
    assert outlets_of(table, row) == ["Al Mayadeen", "Axios"]
    assert row["outlets"] == 2 and not row["only_outlet"]
    documents = [cell["document"] for cell in row["cells"]]
    assert documents == [story.document(AL_MAYADEEN).pk, story.document(AXIOS).pk]
    quoted = row_holding(table, "We are dramatically stuck")
    [axios_claim] = quoted["cells"][1]["claims"]
    assert axios_claim["source"]["text"] == "the Israeli official"
    assert axios_claim["cue"]["text"] == "said"
    assert axios_claim["zone"] == "body" and axios_claim["paragraph"] > 1


def test_the_delusional_remark_of_the_times_of_israel_and_cnn_is_one_row_with_words_marked(
    seed,
):
    people, story = seed
    table = client_for(people.reviewer).get(claims_url(story)).json()
    row = row_holding(table, "delusional demands of Hamas")
    assert outlets_of(table, row) == ["CNN", "The Times of Israel"]
    [cnn] = row["cells"][0]["claims"]
    assert row["cells"][1]["document"] == story.document(TIMES_OF_ISRAEL).pk
    assert row["cells"][0]["document"] == story.document(CNN).pk
    marked = [cnn["text"][a:b] for a, b in cnn["differs"]]
    assert "delusional" not in " ".join(marked) and "committed" in " ".join(marked)


def test_rows_sort_by_outlets_and_a_claim_one_outlet_carries_says_so(seed):
    people, story = seed
    table = client_for(people.manager).get(claims_url(story)).json()
    counts = [row["outlets"] for row in table["rows"]]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3
    lone = [row for row in table["rows"] if row["only_outlet"]]
    assert lone and all(row["outlets"] == 1 for row in lone)
    axios = next(o for o in table["outlets"] if o["outlet"] == "Axios")
    assert axios["claims"] > 0 and 0 < axios["anonymous_share"] < 1
    assert {"cue": "said", "count": axios["cues"][0]["count"]} == axios["cues"][0]
    assert axios["stances"][0]["value"] == "against"


def test_the_csv_has_a_row_per_claim_in_a_cell_with_formula_text_neutralised(seed):
    people, story = seed
    response = client_for(people.reviewer).get(claims_url(story, format="csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    table = client_for(people.reviewer).get(claims_url(story)).json()
    cells = sum(len(c["claims"]) for row in table["rows"] for c in row["cells"])
    assert rows[0][:4] == ["claim", "outlets", "document", "outlet"]
    assert len(rows) == 1 + cells
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_accept_text_csv_gives_the_csv_too(seed):
    people, story = seed
    answer = client_for(people.reviewer).get(claims_url(story), HTTP_ACCEPT="text/csv")
    assert answer.status_code == 200
    assert answer.content.decode().startswith("claim,outlets,document,outlet,")


def test_options_asking_for_csv_is_answered_in_json(seed):
    people, story = seed
    answer = client_for(people.reviewer).options(claims_url(story, format="csv"))
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/json")


def test_a_format_other_than_json_or_csv_is_refused_naming_it(seed):
    people, story = seed
    answer = client_for(people.reviewer).get(claims_url(story, format="xml"))
    assert answer.status_code == 400
    assert answer["Content-Type"].startswith("application/json")
    assert "format" in answer.json()["error"]["details"]


def test_a_blind_projects_annotator_reads_their_own_layer_and_is_refused_gold(seed):
    people, story = seed
    client = client_for(people.annotator)
    own = client.get(claims_url(story))
    assert own.status_code == 200
    assert own.json()["layer"] == "annotator:annotator"
    assert own.json()["layers"] == ["annotator:annotator"]
    assert own.json()["rows"] == []
    refused = client.get(claims_url(story, layer="gold"))
    assert refused.status_code == 403
    assert "blind" in refused.json()["error"]["message"]


def test_outsiders_and_unknown_stories_get_404_and_a_bad_layer_400(seed):
    people, story = seed
    assert client_for(people.outsider).get(claims_url(story)).status_code == 404
    missing = client_for(people.reviewer).get("/api/v1/stories/999999/claims/")
    assert missing.status_code == 404
    bad = client_for(people.reviewer).get(claims_url(story, layer="golden"))
    assert bad.status_code == 400 and "layer" in bad.json()["error"]["details"]


def test_a_story_in_two_of_the_callers_projects_needs_project_named(seed):
    people, story = seed
    second = project_create(name="Second", owner=people.manager)
    project_documents_add(project=second, documents=list(story.documents.values()))
    Membership.objects.filter(project=second, user=people.manager).update(role=Role.MANAGER)
    answer = client_for(people.manager).get(claims_url(story))
    assert answer.status_code == 400 and "project" in answer.json()["error"]["details"]
    chosen = client_for(people.manager).get(claims_url(story, project=second.pk))
    assert chosen.status_code == 200 and chosen.json()["project"] == second.pk
    # The reviewer is in the first project only: no need to name it.
    assert client_for(people.reviewer).get(claims_url(story)).status_code == 200


def statements_for(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_table_takes_as_many_statements_for_a_big_story_as_for_a_small_one():
    people = people_in_project(n_documents=0)
    client = client_for(people.reviewer)
    small, _ = synthetic_story(
        people.project, people.manager, n_documents=2, claims_per_document=2,
        linked_per_document=1, name="Small",
    )  # fmt: skip
    big, _ = synthetic_story(
        people.project, people.manager, n_documents=12, claims_per_document=8,
        linked_per_document=4, name="Big",
    )  # fmt: skip
    url = "/api/v1/stories/{}/claims/?project=" + str(people.project.pk)
    few = statements_for(client, url.format(small.pk))
    many = statements_for(client, url.format(big.pk))
    assert few == many <= 10
    table = client.get(url.format(big.pk)).json()
    assert len(table["documents"]) == 12
    assert [row["outlets"] for row in table["rows"][:4]] == [5, 5, 5, 5]
    assert sum(1 for row in table["rows"] if row["only_outlet"]) == 12 * 4
