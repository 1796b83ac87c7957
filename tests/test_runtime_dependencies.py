"""`make run` installs pyproject's runtime dependencies only: every module of the service
must import with those alone. A subprocess blocks every package that only the `test` (or
another) extra brings, then imports all of annotations, config, corpus and frontend."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
ROOTS = ["annotations", "config", "corpus", "frontend"]

IMPORT_ALL = """
import importlib, json, pkgutil, sys
blocked = set(json.loads(sys.argv[1]))

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ImportError(f"{name} is not a runtime dependency (test extra only)")
        return None

sys.meta_path.insert(0, Blocker())
import django
django.setup()
failed = []
for root in json.loads(sys.argv[2]):
    package = importlib.import_module(root)
    for module in pkgutil.walk_packages(package.__path__, root + "."):
        try:
            importlib.import_module(module.name)
        except Exception as exc:
            failed.append(f"{module.name}: {exc!r}")
print(json.dumps(failed))
"""


def runtime_distributions() -> set[str]:
    """pyproject's runtime dependencies and everything they require, as installed."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    todo = [Requirement(line) for line in project["dependencies"]]
    seen: set[str] = set()
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for line in metadata.distribution(name).requires or []:
            needed = Requirement(line)
            extras = requirement.extras or {""}
            if needed.marker is None or any(
                needed.marker.evaluate({"extra": extra}) for extra in extras
            ):
                todo.append(needed)
    return seen


def test_every_module_of_the_service_imports_with_the_runtime_dependencies_only() -> None:
    runtime = runtime_distributions()
    blocked = sorted(
        module
        for module, distributions in metadata.packages_distributions().items()
        if not any(canonicalize_name(d) in runtime for d in distributions)
    )
    assert "playwright" in blocked and "django" not in blocked
    assert "spacy" in blocked and "pyarrow" in blocked  # the `training` extra
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, json.dumps(blocked), json.dumps(ROOTS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


WITHOUT_TRAINING = """
import sys

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("spacy", "pyarrow"):
            raise ImportError(f"{name} is blocked")  # as if the extra were not installed
        return None

sys.meta_path.insert(0, Blocker())
sys.modules.pop("spacy", None)
import django
django.setup()
from annotations import formats
for name in ("conll", "spacy", "hf-parquet"):
    try:
        formats.export_spec(name)
    except formats.FormatUnavailable as exc:
        print(name, exc)
    else:
        print(name, "usable")
print("jsonl", formats.unavailable("jsonl"), formats.export_spec("hf-jsonl").title)
"""


def test_without_the_training_extra_its_formats_are_refused_with_how_to_install_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_TRAINING],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    said = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert said["conll"].startswith("The CoNLL format needs the optional 'training' extra (spaCy)")
    assert "`make run EXTRAS=training`" in said["spacy"]
    assert "(pyarrow)" in said["hf-parquet"]
    assert said["jsonl"] == "None Hugging Face datasets JSONL"
