"""The demo: a fictional story (five outlets on one dock strike), its people, a project on the
news-attribution schema and a few annotation layers, so that every screen has something to show.

The articles live in ``corpus/demo/`` (fiction written for this project). Loading is idempotent:
if the demo project exists, nothing is touched. Span offsets are never stored here: each span
is found in the document's stored (cleaned) text by its phrase when the demo is loaded.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.db import transaction

from annotations.demo_sources import demo_links_added, demo_registry
from annotations.models import AnnotationSet, Project, Relation, Role, SetKind, Span, Stance
from annotations.presets import PRESETS
from annotations.services.annotation_sets import (
    annotation_set_open,
    annotation_set_submit,
)
from annotations.services.projects import (
    membership_set,
    project_create,
    project_documents_add,
    project_schema_replace,
)
from annotations.services.set_write import annotation_set_write
from corpus.models import Document
from corpus.services import documents_import

DEMO_DIR = Path(settings.BASE_DIR) / "corpus" / "demo"
PROJECT_NAME = "Porthaven dock strike — attribution"
PASSWORD_ENV = "CLAIMLENS_DEMO_PASSWORD"
DEFAULT_PASSWORD = "demo"

# username -> (role in the demo project, what the login is for)
DEMO_USERS: dict[str, tuple[str, str]] = {
    "manager": (Role.MANAGER, "configures the project, its schema, members and documents"),
    "reviewer": (Role.REVIEWER, "sees every layer, curates the gold set"),
    "annotator1": (Role.ANNOTATOR, "annotates (blind: sees only their own layers)"),
    "annotator2": (Role.ANNOTATOR, "annotates (blind: sees only their own layers)"),
}
ADMIN_USERNAME = "admin"

STANCE_TARGETS = [
    {"key": "union", "name": "Porthaven Dockers’ Union"},
    {"key": "ministry", "name": "Ministry of Transport and Maritime Affairs"},
    {"key": "port_authority", "name": "Porthaven Port Authority"},
    {"key": "remote_cranes", "name": "Remote-operated cranes"},
]

# One paragraph: the project home shows the guidelines with their line breaks kept.
GUIDELINES = (
    "Mark every CLAIM the article reports, the SOURCE it is attributed to and the CUE (the "
    'attribution verb). Link CLAIM -> SOURCE with "attributed to" and CUE -> CLAIM with "cue '
    'of". Anonymous sources are sources too ("a senior official who asked not to be named"). '
    'Link the same claim or source across outlets with "same claim" / "same source". Record '
    "the stance of each source toward the main actors, and the article's overall framing of "
    "each."
)


def demo_password() -> tuple[str, bool]:
    """The demo password and whether it came from the environment."""
    value = os.environ.get(PASSWORD_ENV)
    return (value, True) if value else (DEFAULT_PASSWORD, False)


def demo_manifest() -> dict[str, Any]:
    return json.loads((DEMO_DIR / "articles.json").read_text(encoding="utf-8"))


@dataclass
class DemoResult:
    created: bool
    project: Project
    counts: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


# --- the layers ------------------------------------------------------------------------------
# corpus/demo/layers.json: per layer an author (or a model name), a file, spans that name a
# phrase (plus, for phrases that repeat, a unique passage "within" that contains it), relations,
# stances and framing answers, all referring to spans by ref.


def demo_layers() -> list[dict[str, Any]]:
    return json.loads((DEMO_DIR / "layers.json").read_text(encoding="utf-8"))["layers"]


def phrase_located(text: str, phrase: str, within: str | None = None) -> tuple[int, int]:
    """Find ``phrase`` in ``text`` (inside the unique passage ``within`` when given)."""
    passage = within or phrase
    start = text.find(passage)
    if start < 0 or text.find(passage, start + 1) >= 0:
        how = "not found" if start < 0 else "not unique"
        raise LookupError(f"demo passage {how} in the stored text: {passage!r}")
    offset = text.index(phrase, start, start + len(passage))
    return offset, offset + len(phrase)


def layer_payload(
    layer: dict[str, Any], text: str, version: int, span_ids: dict[tuple[str, str, str], int]
) -> dict[str, Any]:
    """The whole-set payload of one layer over the stored ``text``."""
    spans = []
    for item in layer["spans"]:
        start, end = phrase_located(text, item["phrase"], item.get("within"))
        spans.append(
            {
                "ref": item["ref"],
                "label": item["label"],
                "start": start,
                "end": end,
                "text": text[start:end],
                "attributes": item.get("attributes", {}),
            }
        )
    relations = [
        {"type": "ATTRIBUTED_TO", "source": c, "target": s} for c, s in layer["attributed_to"]
    ]
    relations += [{"type": "CUE_OF", "source": v, "target": c} for v, c in layer["cue_of"]]
    for rtype, key in (("SAME_CLAIM", "same_claim"), ("SAME_SOURCE", "same_source")):
        relations += [
            {
                "type": rtype,
                "source": link["ref"],
                "target": span_ids[(layer["author"], link["file"], link["target_ref"])],
            }
            for link in layer.get(key, [])
        ]
    framing = layer.get("framing")
    return {
        "version": version,
        "spans": spans,
        "relations": relations,
        "stances": layer.get("stances", []),
        "answers": {"framing": framing} if framing else {},
    }


# --- loading ---------------------------------------------------------------------------------


def _user_ensured(username: str, password: str, *, superuser: bool = False) -> AbstractBaseUser:
    """Get or create a user; an existing user's password is left alone."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    if superuser:
        return User.objects.create_superuser(username=username, email="", password=password)
    return User.objects.create_user(username=username, password=password)


def _documents_imported(manifest: dict[str, Any]) -> dict[str, Document]:
    """Import the articles through the corpus importer; return documents by file name."""
    records = []
    for article in manifest["articles"]:
        raw = (DEMO_DIR / "articles" / article["file"]).read_text(encoding="utf-8")
        records.append(
            {
                "text": raw,
                "title": article["title"],
                "outlet": article["outlet"],
                "url": article["url"],
                "published_at": article["published_at"],
                "language": article["language"],
                "meta": {"demo_file": article["file"], "outlet_domain": article["domain"]},
            }
        )
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    report = documents_import(
        files=[("porthaven-demo.jsonl", payload.encode("utf-8"))],
        fmt="jsonl",
        story_name=manifest["story"],
        clean=True,
    )
    if report.errors:
        raise RuntimeError(f"the demo articles did not import: {report.errors}")
    documents = report.documents  # in input order, new or already in the corpus
    wanted = len(manifest["articles"])
    if len(documents) != wanted:
        raise RuntimeError(f"the importer returned {len(documents)} documents for {wanted} files")
    return {a["file"]: d for a, d in zip(manifest["articles"], documents, strict=True)}


@transaction.atomic
def demo_load() -> DemoResult:
    """Load the demo unless its project exists; return what was done."""
    existing = Project.objects.filter(name=PROJECT_NAME).first()
    if existing is not None:
        return DemoResult(
            created=False,
            project=existing,
            counts=demo_counts(existing),
            messages=[f"The demo project {PROJECT_NAME!r} exists already: nothing changed."],
        )
    password, from_env = demo_password()
    users = {name: _user_ensured(name, password) for name in DEMO_USERS}
    # The demo manager may create projects (a site permission: annotations/permissions.py).
    users["manager"].user_permissions.add(
        Permission.objects.get(content_type__app_label="annotations", codename="create_project")
    )
    _user_ensured(ADMIN_USERNAME, password, superuser=True)

    manifest = demo_manifest()
    documents = _documents_imported(manifest)

    project = project_create(
        name=PROJECT_NAME,
        owner=users["manager"],
        preset="news-attribution",
        description=(
            "Demo (fiction): five invented outlets report one dock strike in the invented port "
            "city of Porthaven. Who said what, attributed to whom, with what stance?"
        ),
        guidelines=GUIDELINES,
    )
    definition = copy.deepcopy(PRESETS["news-attribution"])
    definition["stance"]["targets"] = copy.deepcopy(STANCE_TARGETS)
    project_schema_replace(project=project, definition=definition)
    for name, (role, _) in DEMO_USERS.items():
        if role != Role.MANAGER:
            membership_set(project=project, user=users[name], role=role)
    ordered = [documents[a["file"]] for a in manifest["articles"]]
    project_documents_add(project=project, documents=ordered)

    registry = demo_registry(project)  # annotations/demo_sources.py
    span_ids: dict[tuple[str, str, str], int] = {}
    for layer in demo_layers():
        document = documents[layer["file"]]
        if "model_name" in layer:
            aset, _ = annotation_set_open(
                project=project,
                document=document,
                author=None,
                kind=SetKind.MODEL,
                model_name=layer["model_name"],
            )
        else:
            aset, _ = annotation_set_open(
                project=project, document=document, author=users[layer["author"]]
            )
        data = demo_links_added(
            layer_payload(layer, document.text, aset.version, span_ids), registry
        )
        refs = annotation_set_write(annotation_set=aset, data=data, writer=aset.author)
        if layer.get("submit"):
            annotation_set_submit(annotation_set=aset)
        if "author" in layer:
            for ref, span_id in refs.items():
                span_ids[(layer["author"], layer["file"], ref)] = span_id

    messages = [f"Loaded the demo project {PROJECT_NAME!r}."]
    if not from_env:
        messages.append(
            f"WARNING: the demo users have the demo password {DEFAULT_PASSWORD!r}; set "
            f"{PASSWORD_ENV} before loading to choose another. Never use these logins in "
            "production."
        )
    return DemoResult(created=True, project=project, counts=demo_counts(project), messages=messages)


def demo_counts(project: Project) -> dict[str, int]:
    """Rows the demo project holds (for the command's output and for tests)."""
    sets = AnnotationSet.objects.filter(project=project)
    document_ids = project.queue.values("document_id")
    return {
        "documents": project.queue.count(),
        "stories": Document.objects.filter(pk__in=document_ids)
        .values("story_id")
        .distinct()
        .count(),
        "outlets": Document.objects.filter(pk__in=document_ids)
        .values("outlet_id")
        .distinct()
        .count(),
        "members": project.memberships.count(),
        "annotation_sets": sets.count(),
        "spans": Span.objects.filter(annotation_set__in=sets).count(),
        "relations": Relation.objects.filter(annotation_set__in=sets).count(),
        "stances": Stance.objects.filter(annotation_set__in=sets).count(),
    }
