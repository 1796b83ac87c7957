"""With the production settings (the image's: debug off, a secret key, a host name),
``manage.py check --deploy`` finds nothing, plain HTTP is redirected to HTTPS and HTTPS
answers carry HSTS. Each test starts Django anew in a subprocess, since settings are read
from the environment once.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOST = "claimlens.example.org"

PROBE = f"""
import json, django
django.setup()
from django.test import Client
client = Client()
plain = client.get("/login/", HTTP_HOST="{HOST}")
tls = client.get("/login/", HTTP_HOST="{HOST}", HTTP_X_FORWARDED_PROTO="https")
print(json.dumps({{
    "plain": [plain.status_code, plain.get("Location")],
    "tls": [tls.status_code, tls.get("Strict-Transport-Security")],
    "cookies": [c["secure"] for c in tls.cookies.values()],
}}))
"""


def production(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMLENS_", "DJANGO_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SETTINGS_MODULE="config.settings",
        **extra,
    )
    return env


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_the_production_settings():
    checked = run("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=production())
    assert checked.returncode == 0, checked.stderr + checked.stdout
    assert "System check identified no issues" in checked.stdout


def test_plain_http_is_redirected_and_https_is_strict_with_secure_cookies():
    probed = run("-c", PROBE, env=production())
    assert probed.returncode == 0, probed.stderr
    seen = json.loads(probed.stdout.strip().splitlines()[-1])
    assert seen["plain"] == [301, f"https://{HOST}/login/"]
    assert seen["tls"] == [200, "max-age=31536000; includeSubDomains"]
    assert seen["cookies"] and all(seen["cookies"])
