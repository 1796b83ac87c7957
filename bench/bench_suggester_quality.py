"""Both suggesters against the seed story's gold layer, through the database (issue 14 §4):
precision, recall and F1 per label, exact and overlapping, as ``manage.py evaluate_layer``
and the agreement page give them.

On a database of its own (``--database``, default ``claimlens_bench_quality``: dropped,
created and migrated), the five seed articles (``../shared/seeds``) are imported into a
project with the news-attribution preset and the gold layer (``tests/seed_story.py``), the
quote aligner's layer is written by its service and the attribution suggester's through
``attribution_records`` and the import (``tests/suggesters/quality_layers.py``), then
``selectors/layer_quality.layer_quality`` (the agreement report) compares each with gold.
Not timed: the figures are quality. ``tests/suggesters/test_suggester_quality.py`` holds
floors under the same figures.

Run: ``.venv/bin/python -m bench.bench_suggester_quality``.
"""

from __future__ import annotations

import argparse

import psycopg

from bench import common, setup_data

DATABASE = "claimlens_bench_quality"


def _figure(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def print_quality(quality: dict) -> None:
    print(f"\n{quality['layer']} against {quality['against']}, {quality['documents']} documents")
    heads = ("P ex", "R ex", "F1 ex", "P ov", "R ov", "F1 ov")
    print(f"{'kind':9} {'label':14} " + " ".join(f"{h:>5}" for h in heads))
    for row in [*quality["overall"], *quality["labels"]]:
        exact, overlap = row["exact"], row["overlap"]
        figures = [exact["precision"], exact["recall"], exact["f1"]]
        figures += [overlap["precision"], overlap["recall"], overlap["f1"]]
        print(f"{row['kind']:9} {row['label']:14} " + " ".join(_figure(f) for f in figures))
    if quality["unproposed"]:
        print(f"never proposed: {', '.join(quality['unproposed'])}")


def run() -> None:
    from django.db import transaction

    from annotations.selectors.layer_quality import layer_quality
    from tests.factories import people_in_project
    from tests.seed_story import seed_story_project
    from tests.suggesters.quality_layers import LAYERS, suggester_layers_write

    with transaction.atomic():
        people = people_in_project(n_documents=0)
        seed = seed_story_project(people.project, people.manager)
        suggester_layers_write(seed, people.manager)
    print(f"project {people.project.pk}: the seed story ({len(seed.documents)} documents), gold")
    for layer in LAYERS:
        print_quality(layer_quality(people.project, layer))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=DATABASE)
    name = parser.parse_args().database
    if not name.startswith("claimlens_bench"):
        raise SystemExit("--database: only claimlens_bench* names")
    with psycopg.connect(common.ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    common.BENCH_ENV["DATABASE_URL"] = common.local_database_url(name)
    setup_data.migrate()
    common.django_setup()
    run()


if __name__ == "__main__":
    main()
