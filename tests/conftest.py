"""Fixtures for the whole suite: people, a project on the news-attribution schema, documents.

Every test that touches data runs on PostgreSQL (pytest-django's test database).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from tests import factories

# Sync Playwright and the ORM together in live_server tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Background tasks (search indexing after an import) run inline in tests. pytest-django
# loads the settings before this file, so the variable (read by config/settings.py) only
# reaches subprocesses; ``pytest_configure`` below applies it to this process.
os.environ.setdefault("CLAIMLENS_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")


def pytest_configure(config: pytest.Config) -> None:
    from django.test.utils import override_settings

    backend = os.environ["CLAIMLENS_TASK_BACKEND"]
    override_settings(TASKS={"default": {"BACKEND": backend}}).enable()


REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMLENS_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
DATASETS = SHARED / "datasets"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:  # noqa: ANN001
    """The default hasher costs ~0.3 s a user; no test here is about password hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_rate_limits(settings) -> None:  # noqa: ANN001
    """The suite makes many requests as one person; tests/annotations/test_rate_limits.py
    sets the rates it checks."""
    settings.CLAIMLENS_RATE_LIMITS = {}


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"seed articles not found at {SEEDS}: put ../shared beside the repository")
    return SEEDS


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    """``../shared/datasets``: public annotated data (brat, JSONL) read by the format tests."""
    if not DATASETS.is_dir():
        pytest.fail(f"datasets not found at {DATASETS}: put ../shared beside the repository")
    return DATASETS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def people(db) -> factories.People:  # noqa: ANN001
    """A project with a manager, a reviewer, two annotators, plus an outsider."""
    return factories.people_in_project()


@pytest.fixture
def client_for():
    """An API client logged in (by token) as the given user; ``None`` gives anonymous."""

    def make(user) -> APIClient:  # noqa: ANN001
        client = APIClient()
        if user is not None:
            client.force_authenticate(user=user)
        return client

    return make
