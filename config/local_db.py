"""Where the project-local PostgreSQL (started by ``scripts/pg.sh``) listens, and its password.

``pg.sh`` creates the cluster with password authentication and keeps the generated password
in ``.data/pg-password`` (readable by its owner only); settings and benchmarks read it here.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD_FILE = BASE_DIR / ".data" / "pg-password"


def local_database_url(database: str) -> str:
    port = os.environ.get("CLAIMLENS_PG_PORT", "54329")
    password = PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else ""
    credentials = f"postgres:{password}" if password else "postgres"
    return f"postgres://{credentials}@127.0.0.1:{port}/{database}"
