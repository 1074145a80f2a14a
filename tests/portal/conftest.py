"""Helpers for the portal tests: run Python with the settings parsed from a given environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def minimal_env(tmp_path: Path, **variables: str) -> dict[str, str]:
    """A clean environment: no DATABASE_URL, REDIS_URL or PYTEST_VERSION from this run."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "dialog_portal.settings",
        "VAR_DIR": str(tmp_path / "var"),
    }
    env.update(variables)
    return env


@pytest.fixture
def run_settings(tmp_path):
    """Run `python -c CODE` (or `python manage.py ARGS` with manage=[...]) in a subprocess
    whose settings are parsed from a minimal environment plus the given variables."""

    def run(code: str | None = None, *, manage: list[str] | None = None, timeout=60, **variables):
        args = [sys.executable, "manage.py", *manage] if manage else [sys.executable, "-c", code]
        return subprocess.run(
            args,
            cwd=ROOT,
            env=minimal_env(tmp_path, **variables),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run
