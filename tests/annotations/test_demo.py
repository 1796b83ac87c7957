"""The demo: an original fictional corpus, loaded idempotently with layers on every screen."""

from __future__ import annotations

import json
import re
import unicodedata
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from annotations.demo import DEMO_DIR, DEMO_USERS, PROJECT_NAME, demo_load
from annotations.models import (
    AnnotationSet,
    Membership,
    Project,
    Relation,
    SetKind,
    SetRevision,
    SetStatus,
    Span,
)
from annotations.selectors.curation_queue import CurateFilters, curate_queue, curate_rows
from corpus.models import Document

RUN = 60
READY = CurateFilters(ready=True)
ARTICLES = sorted((DEMO_DIR / "articles").glob("*.txt"))


def _runs(text: str, size: int = RUN) -> set[str]:
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def _squeezed(text: str) -> str:
    """Whitespace and quote style aside, so a copied passage cannot hide behind them."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return re.sub(r"\s+", " ", text).lower()


@pytest.fixture
def demo(db):  # noqa: ANN001, ANN201
    return demo_load()


def _demo_documents() -> list[Document]:
    project = Project.objects.get(name=PROJECT_NAME)
    return list(Document.objects.filter(projects=project).select_related("outlet", "story"))


# --- the corpus is original -----------------------------------------------------------------


def test_demo_articles_are_five_files_of_scraped_length() -> None:
    assert len(ARTICLES) == 5
    manifest = json.loads((DEMO_DIR / "articles.json").read_text(encoding="utf-8"))
    assert sorted(a["file"] for a in manifest["articles"]) == [p.name for p in ARTICLES]
    assert len({a["outlet"] for a in manifest["articles"]}) == 5
    for path in ARTICLES:
        assert 2500 <= len(path.read_text(encoding="utf-8")) <= 6000, path.name


def test_no_demo_article_shares_a_60_character_run_with_any_seed(seeds_dir: Path) -> None:
    seeds = sorted(seeds_dir.glob("*"))
    assert seeds, "no seed articles to compare with"
    seed_runs: set[str] = set()
    for seed in seeds:
        seed_runs |= _runs(_squeezed(seed.read_text(encoding="utf-8", errors="replace")))
    for path in ARTICLES:
        shared = _runs(_squeezed(path.read_text(encoding="utf-8"))) & seed_runs
        assert not shared, f"{path.name} shares text with a seed: {sorted(shared)[:1]}"


def test_demo_text_has_an_emoji_and_a_non_latin_script() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in ARTICLES)
    assert any(ord(ch) >= 0x1F300 for ch in text), "no emoji"
    scripts = {unicodedata.name(ch).split()[0] for ch in text if ch.isalpha() and ord(ch) > 0x24F}
    assert scripts & {"GREEK", "ARABIC", "CJK", "HEBREW", "CYRILLIC"}, scripts


# --- loading --------------------------------------------------------------------------------


def test_loading_twice_keeps_the_same_counts(demo) -> None:  # noqa: ANN001
    assert demo.created
    again = demo_load()
    assert not again.created
    assert again.project.pk == demo.project.pk
    assert again.counts == demo.counts
    assert again.counts["documents"] == 5
    assert again.counts["annotation_sets"] >= 5
    assert Document.objects.count() == 5


def test_load_demo_command_says_so_when_the_demo_exists(db) -> None:  # noqa: ANN001
    first, second = StringIO(), StringIO()
    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)
    assert "WARNING" in first.getvalue() and "demo password" in first.getvalue()
    assert "exists already" in second.getvalue()


def test_demo_has_five_documents_of_five_outlets_in_one_story(demo) -> None:  # noqa: ANN001
    documents = _demo_documents()
    assert len(documents) == 5
    assert len({d.story_id for d in documents}) == 1 and documents[0].story_id is not None
    assert len({d.outlet_id for d in documents}) == 5 and all(d.outlet for d in documents)


def test_demo_people_have_their_roles_and_the_demo_password(demo) -> None:  # noqa: ANN001
    roles = dict(
        Membership.objects.filter(project=demo.project).values_list("user__username", "role")
    )
    assert roles == {name: role for name, (role, _) in DEMO_USERS.items()}
    users = get_user_model().objects
    assert users.get(username="annotator1").check_password("demo")
    assert users.get(username="admin").is_superuser


def test_every_demo_span_text_equals_the_document_text_at_its_offsets(demo) -> None:  # noqa: ANN001
    spans = Span.objects.filter(annotation_set__project=demo.project).select_related(
        "annotation_set__document"
    )
    assert spans.count() >= 30
    for span in spans:
        assert span.annotation_set.document.text[span.start : span.end] == span.text


def test_demo_has_a_same_claim_across_two_documents(demo) -> None:  # noqa: ANN001
    crossing = [
        r
        for r in Relation.objects.filter(
            annotation_set__project=demo.project, type="SAME_CLAIM"
        ).select_related("source__annotation_set", "target__annotation_set")
        if r.source.annotation_set.document_id != r.target.annotation_set.document_id
    ]
    assert crossing
    assert crossing[0].annotation_set.author.username == "annotator1"


def test_demo_has_layers_for_every_screen(demo) -> None:  # noqa: ANN001
    sets = AnnotationSet.objects.filter(project=demo.project)
    per_annotator = {
        name: sets.filter(kind=SetKind.ANNOTATOR, author__username=name).count()
        for name in ("annotator1", "annotator2")
    }
    assert per_annotator == {"annotator1": 2, "annotator2": 2}
    model = sets.get(kind=SetKind.MODEL)
    assert model.model_name == "rule-based-attribution"
    assert Span.objects.filter(annotation_set=model).exists()
    assert sets.filter(status=SetStatus.SUBMITTED).count() == 2


def test_the_demo_gives_a_reviewer_a_document_on_which_the_annotators_differ(demo) -> None:  # noqa: ANN001
    ledger = Document.objects.get(projects=demo.project, outlet__name="The Harbour Ledger")
    (row,) = curate_rows(demo.project, curate_queue(demo.project, READY), READY)
    assert (row["id"], row["submitted"], row["needed"]) == (ledger.pk, 2, 2)
    assert 0 < row["disagreement"] < 1


def test_each_demo_layer_s_history_names_its_annotator_as_the_writer(demo) -> None:  # noqa: ANN001
    revisions = SetRevision.objects.filter(
        annotation_set__project=demo.project, annotation_set__kind=SetKind.ANNOTATOR
    ).exclude(version=1)
    assert revisions.exists()
    for revision in revisions.select_related("annotation_set"):
        assert revision.author_id == revision.annotation_set.author_id


def test_the_demo_guidelines_are_one_paragraph_without_hard_line_breaks(demo) -> None:  # noqa: ANN001
    assert "\n" not in demo.project.guidelines
    assert demo.project.guidelines.startswith("Mark every CLAIM")


def test_cleaning_removed_the_page_boilerplate(demo) -> None:  # noqa: ANN001
    documents = _demo_documents()
    raw = "".join(p.read_text(encoding="utf-8") for p in ARTICLES)
    for line in ("Skip to Content", "Most Popular", "Leave a Comment", "Read more:", "©"):
        assert line in raw
        assert not any(line in d.text for d in documents), line
    assert all(d.raw for d in documents)


def test_cleaning_kept_one_copy_of_the_duplicated_caption(demo) -> None:  # noqa: ANN001
    caption = "Container cranes stand idle at the North Basin terminal in Porthaven"
    ledger = next(d for d in _demo_documents() if d.outlet.name == "The Harbour Ledger")
    assert ledger.raw.count(caption) == 2
    assert ledger.text.count(caption) == 1


def test_demo_logins_prints_the_url_and_every_login(db) -> None:  # noqa: ANN001
    out = StringIO()
    call_command("demo_logins", "--url", "http://example.test:9000", stdout=out)
    text = out.getvalue()
    assert "http://example.test:9000/" in text
    for name in [*DEMO_USERS, "admin"]:
        assert name in text
    assert "CLAIMLENS_DEMO_PASSWORD" in text


def test_the_password_comes_from_the_environment_when_set(db, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("CLAIMLENS_DEMO_PASSWORD", "harbour-secret")
    result = demo_load()
    assert not any(m.startswith("WARNING") for m in result.messages)
    assert get_user_model().objects.get(username="reviewer").check_password("harbour-secret")
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "harbour-secret" not in out.getvalue()
    assert "http://127.0.0.1:8000/" in out.getvalue()
