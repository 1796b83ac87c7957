"""The agreement page's "Models against gold" card in Chromium: a researcher (reviewer) sees,
on the seed story, each suggester's precision, recall and F1 against the gold layer per
label, exact and overlapping, and what annotators accepted and rejected of its suggestions;
a project without gold says why nothing is shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import AnnotationSet, SetKind, Span
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.suggestion_decisions import decisions_record
from tests.e2e.workspace_helpers import LAPTOP, log_in
from tests.factories import people_in_project
from tests.seed_story import AXIOS, seed_story_project
from tests.suggesters.quality_layers import suggester_layers_write

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("no_script_errors")]


def test_a_researcher_reads_each_suggesters_figures_against_gold(
    live_server, page, db, screenshot_path
):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    suggester_layers_write(seed, people.manager)
    axios = seed.document(AXIOS)
    model = AnnotationSet.objects.get(
        document=axios, kind=SetKind.MODEL, model_name="quote-aligner"
    )
    accepted, rejected = Span.objects.filter(annotation_set=model).order_by("start")[:2]
    mine, _ = annotation_set_open(project=people.project, document=axios, author=people.annotator)
    decisions_record(
        annotation_set=mine,
        items=[
            {"suggestion": accepted.pk, "decision": "accepted"},
            {"suggestion": rejected.pk, "decision": "rejected"},
        ],
    )

    log_in(page, live_server.url, people.reviewer.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/agreement/")
    box = page.locator("#suggestion-quality")
    expect(box).to_have_attribute("data-ready", "true")

    aligner = box.locator("section[data-layer='model:quote-aligner']")
    expect(aligner.get_by_role("heading", name="quote-aligner")).to_be_visible()
    expect(aligner).to_contain_text(
        "2 decided in the workspace: 1 accepted (50 %), 1 rejected (50 %)"
    )
    expect(aligner).to_contain_text("never proposed (recall 0): SOURCE, CUE")
    same_claim = aligner.locator("tbody tr", has_text="SAME_CLAIM").locator("td")
    expect(same_claim).to_have_text(
        ["relation", "SAME_CLAIM", "0.857", "0.571", "0.686", "0.929", "0.619", "0.743"]
    )

    attribution = box.locator("section[data-layer='model:attribution']")
    expect(attribution).to_contain_text("none accepted or rejected in the workspace yet")
    labels = attribution.locator("tbody tr td:nth-child(2)")
    expect(labels).to_have_text(
        [
            "every span label",
            "every relation label",
            "CLAIM",
            "SOURCE",
            "CUE",
            "ATTRIBUTED_TO",
            "CUE_OF",
        ]
    )

    page.select_option("#agreement-story", str(seed.story.pk))
    with page.expect_response(lambda r: f"suggestions/quality/?story={seed.story.pk}" in r.url):
        page.get_by_role("button", name="Show").click()
    expect(box).to_have_attribute("data-story", str(seed.story.pk))
    expect(same_claim).to_have_text(
        ["relation", "SAME_CLAIM", "0.857", "0.571", "0.686", "0.929", "0.619", "0.743"]
    )

    page.locator("#suggestion-quality-card").scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("agreement_suggestion_quality"), full_page=True)
    page.set_viewport_size(LAPTOP)
    page.locator("#suggestion-quality-card").scroll_into_view_if_needed()
    page.screenshot(path=screenshot_path("agreement_suggestion_quality_1366"))


def test_a_project_without_gold_says_what_the_figures_need(live_server, page, db):
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager, with_gold=False)
    suggester_layers_write(seed, people.manager)
    log_in(page, live_server.url, people.manager.username)
    page.goto(f"{live_server.url}/projects/{people.project.id}/agreement/")
    box = page.locator("#suggestion-quality")
    expect(box).to_have_attribute("data-ready", "true")
    expect(box).to_contain_text("the project needs a gold layer and at least one model layer")
