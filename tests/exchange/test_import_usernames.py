"""An import names people by username; a name Django would not accept for an account
(spaces, markup, too long) is refused with the reason, and nothing is written."""

from __future__ import annotations

import orjson
import pytest
from django.contrib.auth import get_user_model

from annotations.models import AnnotationSet
from annotations.services.projects import project_create
from tests.exchange.helpers import exported, imported, lines
from tests.factories import people_importer

pytestmark = pytest.mark.django_db


def with_author(data: bytes, name: str) -> bytes:
    records = lines(data)
    for record in records[1:]:
        for aset in record["sets"]:
            if aset["author"] == "other_annotator":
                aset["author"] = name
    return b"\n".join(orjson.dumps(r) for r in records)


@pytest.mark.parametrize(
    "name", ["<img src=x onerror=alert(1)>", "two words", "tab\tname", "x" * 151]
)
def test_a_username_django_would_refuse_is_refused_and_nothing_is_written(annotated, name):
    data = with_author(exported(annotated.project), name)
    owner = people_importer("copier")
    target = project_create(name="Copy", owner=owner)

    outcome = imported(target, owner, data)

    assert not outcome.ok
    assert any("username" in str(e) for e in outcome.errors), outcome.errors
    assert not get_user_model().objects.filter(username=name).exists()
    assert not AnnotationSet.objects.filter(project=target).exists()


def test_letters_of_any_script_digits_and_dot_at_plus_dash_underscore_are_usernames(annotated):
    data = with_author(exported(annotated.project), "Мария.k+1@news_desk-2")
    owner = people_importer("copier")
    target = project_create(name="Copy", owner=owner)

    outcome = imported(target, owner, data)

    assert outcome.ok, outcome.errors
    assert outcome.users_created == ["Мария.k+1@news_desk-2"]
