"""The backup and restore that docs/deployment.md describes: ``pg_dump -Fc`` of a database
with projects, people and documents in it, ``pg_restore`` into an empty database, and every
table comes back row for row."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.factories import people_in_project


def pg_tool(name: str) -> str:
    """The newest system PostgreSQL's binary, as scripts/pg.sh picks it, else one on PATH."""
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(f.split("/")[4]))
    for folder in [os.environ.get("CLAIMLENS_PGBIN", ""), *reversed(folders)]:
        if folder and Path(folder, name).is_file():
            return str(Path(folder, name))
    found = shutil.which(name)
    if not found:
        pytest.skip(f"no {name} on this machine")
    return found


def table_fingerprints(conninfo: str) -> dict[str, str]:
    """Every public table's row count and an md5 of its rows in a fixed order."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            table: conn.execute(
                f"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' "
                f"ORDER BY t::text)), '') FROM \"{table}\" t"
            ).fetchone()[0]
            for table in tables
        }


@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_restores_into_an_empty_database_with_every_row(tmp_path: Path) -> None:
    people_in_project(n_documents=4)
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    where = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    restored = f"{db['NAME']}_restore"
    dump = tmp_path / "claimlens.dump"

    subprocess.run([pg_tool("pg_dump"), *where, "-Fc", "-f", str(dump), db["NAME"]],
                   env=env, check=True)  # fmt: skip
    admin = f"host={where[1]} port={where[3]} user={db['USER']} password={env['PGPASSWORD']}"
    with psycopg.connect(f"{admin} dbname=postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        conn.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run([pg_tool("pg_restore"), *where, "--no-owner", "--exit-on-error",
                        "-d", restored, str(dump)], env=env, check=True)  # fmt: skip
        original = table_fingerprints(f"{admin} dbname={db['NAME']}")
        copy = table_fingerprints(f"{admin} dbname={restored}")
    finally:
        with psycopg.connect(f"{admin} dbname=postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{restored}"')
    assert copy == original
    assert original["annotations_project"].startswith("1:")
    assert original["auth_user"].startswith("5:")
