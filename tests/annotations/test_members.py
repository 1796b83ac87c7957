"""A project's members through the API (``/api/v1/projects/<id>/members/``): adding someone
again never demotes the last manager."""

from __future__ import annotations

from annotations.models import Membership, Role
from tests.annotations.conftest import assert_error


def test_the_last_manager_cannot_be_demoted_by_adding_them_again(people, client_for):
    response = client_for(people.manager).post(
        f"/api/v1/projects/{people.project.pk}/members/",
        {"username": people.manager.username, "role": "annotator"},
        format="json",
    )
    assert_error(response, 400)
    assert Membership.objects.get(project=people.project, user=people.manager).role == (
        Role.MANAGER
    )
