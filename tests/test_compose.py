"""docker-compose.yml and the Dockerfile, checked without a Docker engine.

No engine runs where the tests run, so these tests read the files and hold them to what the
rest of the project does: the Makefile's migrate command, the Dockerfile's gunicorn command,
the django-tasks worker command and the WSGI entry point.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
MAKEFILE = REPO / "Makefile"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return DOCKERFILE.read_text()


def command_text(command: str | list[str]) -> str:
    """A compose command as one shell string, with compose's ``$$`` escape undone."""
    if isinstance(command, list):
        command = command[-1] if command[:2] == ["sh", "-c"] else shlex.join(command)
    return command.replace("$$", "$")


def shell_steps(text: str) -> list[str]:
    """The steps of ``a && exec b`` without the ``exec``."""
    return [re.sub(r"^exec\s+", "", step.strip()) for step in text.split("&&")]


def dockerfile_cmd(dockerfile: str) -> list[str]:
    lines = [line for line in dockerfile.splitlines() if line.startswith("CMD ")]
    assert len(lines) == 1, "the Dockerfile has exactly one CMD"
    return json.loads(lines[0][len("CMD ") :])


def dockerfile_gunicorn(dockerfile: str) -> str:
    cmd = dockerfile_cmd(dockerfile)
    assert cmd[:2] == ["sh", "-c"], "CMD runs through sh so that env variables expand"
    (step,) = shell_steps(cmd[2])
    return step


def makefile_migrate() -> str:
    recipe = MAKEFILE.read_text().split("\nmigrate:", 1)[1]
    line = next(x.strip() for x in recipe.splitlines()[1:] if "manage.py migrate" in x)
    return line.replace("$(PY)", "python")


def test_compose_has_the_four_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"db", "migrate", "web", "worker"}


def test_db_is_postgres_16_with_a_volume_and_a_pg_isready_healthcheck(
    compose: dict[str, Any],
) -> None:
    db = compose["services"]["db"]
    assert db["image"] == "postgres:16"
    assert any(v.endswith(":/var/lib/postgresql/data") for v in db["volumes"])
    assert db["volumes"][0].split(":")[0] in compose["volumes"]
    test = db["healthcheck"]["test"]
    assert "pg_isready" in (test if isinstance(test, str) else " ".join(test))
    for name in ("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"):
        assert db["environment"][name].startswith("${" + name), name


def test_the_database_password_has_no_default_compose_refuses_to_start_without_it(
    compose: dict[str, Any],
) -> None:
    assert compose["services"]["db"]["environment"]["POSTGRES_PASSWORD"] == (
        "${POSTGRES_PASSWORD:?set it}"
    )
    url = compose["x-app-environment"]["DATABASE_URL"]
    assert ":${POSTGRES_PASSWORD:?set it}@" in url
    assert "POSTGRES_PASSWORD:-" not in COMPOSE.read_text()


def test_migrate_runs_once_after_a_healthy_db_with_the_makefiles_command(
    compose: dict[str, Any],
) -> None:
    migrate = compose["services"]["migrate"]
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    assert command_text(migrate["command"]) == makefile_migrate()
    assert migrate["restart"] == "no"


@pytest.mark.parametrize("service", ["web", "worker"])
def test_app_services_wait_for_the_migrations_to_finish(
    compose: dict[str, Any], service: str
) -> None:
    depends = compose["services"][service]["depends_on"]
    assert depends == {"migrate": {"condition": "service_completed_successfully"}}


@pytest.mark.parametrize("service", ["web", "worker"])
def test_app_services_have_a_health_check_that_runs_the_healthcheck_command(
    compose: dict[str, Any], service: str
) -> None:
    from django.core.management import get_commands

    check = compose["services"][service]["healthcheck"]
    assert check["test"][:4] == ["CMD", "python", "manage.py", "healthcheck"]
    assert get_commands()["healthcheck"] == "annotations"
    assert {"interval", "timeout", "retries"} <= set(check)


def test_the_web_health_check_asks_for_gunicorns_port(compose: dict[str, Any]) -> None:
    test = compose["services"]["web"]["healthcheck"]["test"]
    assert test[4:] == ["--port", "8000"]


@pytest.mark.parametrize("service", ["db", "migrate", "web", "worker"])
def test_every_service_has_a_memory_limit(compose: dict[str, Any], service: str) -> None:
    limit = compose["services"][service]["mem_limit"]
    assert re.fullmatch(r"\$\{[A-Z_]+:-\d+[mg]\}", limit), limit


@pytest.mark.parametrize("service", ["web", "worker"])
def test_web_and_worker_share_the_export_volume(compose: dict[str, Any], service: str) -> None:
    env = compose["x-app-environment"]
    assert f"exports:{env['CLAIMLENS_EXPORT_DIR']}" in compose["services"][service]["volumes"]
    assert "exports" in compose["volumes"]


def test_the_image_makes_the_export_folder_writable_by_the_apps_user(dockerfile: str) -> None:
    assert "CLAIMLENS_EXPORT_DIR=/data/exports" in dockerfile
    assert "chown claimlens:claimlens /data/exports" in dockerfile
    assert dockerfile.index("chown claimlens") < dockerfile.index("USER claimlens")


@pytest.mark.parametrize("service", ["web", "worker"])
def test_app_services_use_the_image_built_from_this_folder(
    compose: dict[str, Any], service: str
) -> None:
    spec = compose["services"][service]
    assert spec["build"] == "."
    assert spec["image"] == compose["services"]["web"]["image"]


@pytest.mark.parametrize("service", ["web", "worker"])
def test_app_services_get_the_database_and_a_secret_from_the_environment(
    compose: dict[str, Any], service: str
) -> None:
    env = compose["services"][service]["environment"]
    assert env["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in env["DATABASE_URL"]
    # No secret in the repository: compose refuses to start without one.
    assert env["DJANGO_SECRET_KEY"] == "${DJANGO_SECRET_KEY:?set it}"
    assert env["DJANGO_DEBUG"] == "0"


def test_web_runs_the_dockerfiles_gunicorn_and_no_migrations(
    compose: dict[str, Any], dockerfile: str
) -> None:
    steps = shell_steps(command_text(compose["services"]["web"]["command"]))
    assert steps == [dockerfile_gunicorn(dockerfile)]
    assert steps[0].startswith("gunicorn config.wsgi --bind 0.0.0.0:8000 ")
    assert "migrate" not in steps[0]


def test_gunicorn_replaces_its_workers_after_max_requests(
    compose: dict[str, Any], dockerfile: str
) -> None:
    gunicorn = dockerfile_gunicorn(dockerfile)
    assert "--max-requests ${GUNICORN_MAX_REQUESTS}" in gunicorn
    assert "--max-requests-jitter " in gunicorn
    assert "GUNICORN_MAX_REQUESTS=" in dockerfile
    assert "GUNICORN_MAX_REQUESTS" in compose["services"]["web"]["environment"]


def test_gunicorn_workers_and_threads_come_from_the_environment(
    compose: dict[str, Any], dockerfile: str
) -> None:
    gunicorn = dockerfile_gunicorn(dockerfile)
    assert "--workers ${GUNICORN_WORKERS}" in gunicorn
    assert "--threads ${GUNICORN_THREADS}" in gunicorn
    assert "ENV " in dockerfile and "GUNICORN_WORKERS=" in dockerfile
    env = compose["services"]["web"]["environment"]
    assert {"GUNICORN_WORKERS", "GUNICORN_THREADS"} <= set(env)


def test_web_listens_on_localhost_only(compose: dict[str, Any]) -> None:
    assert compose["services"]["web"]["ports"] == ["127.0.0.1:8000:8000"]


def test_worker_runs_the_reconnecting_task_worker(compose: dict[str, Any]) -> None:
    from django.core.management import get_commands

    assert command_text(compose["services"]["worker"]["command"]) == "python manage.py task_worker"
    assert get_commands()["task_worker"] == "annotations"


def test_dockerfile_installs_the_pinned_dependencies_from_pyproject(dockerfile: str) -> None:
    assert "FROM python:3.11-slim" in dockerfile.splitlines()
    copy_pyproject = dockerfile.index("COPY pyproject.toml")
    assert 'ARG EXTRAS="s3,training"' in dockerfile.splitlines()
    install = dockerfile.index('RUN pip install ".${EXTRAS:+[$EXTRAS]}"')
    assert "[test]" not in dockerfile, "the image holds runtime dependencies only"
    copy_app = dockerfile.index("COPY . .")
    assert copy_pyproject < install < copy_app
    assert "collectstatic --noinput" in dockerfile


def test_dockerfile_runs_as_a_non_root_user(dockerfile: str) -> None:
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")


def test_the_wsgi_entry_point_gunicorn_loads_exists() -> None:
    from config.wsgi import application

    assert callable(application)


def test_every_setting_read_from_the_environment_is_documented() -> None:
    settings_source = (REPO / "config" / "settings.py").read_text()
    names = set(
        re.findall(r"""(?:environ\.get|env_bool)\(\s*["']([A-Z][A-Z0-9_]+)["']""", settings_source)
    )
    assert "DATABASE_URL" in names
    documented = (REPO / "docs" / "deployment.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in documented)
    assert not missing, f"add these to docs/deployment.md: {missing}"
