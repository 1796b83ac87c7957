"""Fixtures for the project life tests: the annotation bench (a project with its people and a
filled-in set) and a way to grant the site permission to create projects."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from tests.annotations.conftest import bench  # noqa: F401  (a fixture used here)


@pytest.fixture
def may_create():
    """Give a user "Can create projects"; returns the user as loaded again (perms cache)."""

    def grant(user):  # noqa: ANN001, ANN202
        user.user_permissions.add(Permission.objects.get(codename="create_project"))
        return type(user).objects.get(pk=user.pk)

    return grant
