"""Taking work from a project's queue (``GET /api/v1/projects/<id>/queue/next/``): who may."""

from __future__ import annotations

from annotations.models import AnnotationSet
from tests.annotations.conftest import assert_error


def test_a_reviewer_cannot_take_work_from_the_queue(people, client_for):
    response = client_for(people.reviewer).get(f"/api/v1/projects/{people.project.pk}/queue/next/")
    assert_error(response, 403, "permission_denied")
    assert not AnnotationSet.objects.filter(author=people.reviewer).exists()
