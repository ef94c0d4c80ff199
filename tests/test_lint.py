"""The code base stays ruff-clean (lint rules and formatting in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_ruff(command):
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *command],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_domain_packages_never_import_dagster():
    offenders = []
    for path in sorted((PROJECT_ROOT / "corpus").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if (
                stripped.startswith(("import dagster", "from dagster"))
                and "dagster_pipes" not in stripped
            ):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {stripped}")
    assert offenders == [], "\n".join(offenders)
