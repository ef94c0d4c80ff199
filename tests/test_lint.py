"""The code base stays ruff-clean (pyproject.toml) and domain code never imports dagster."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

DOMAIN_PACKAGES = ("corpus", "training", "evaluation")  # never import dagster (DESIGN.md)


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


def _dagster_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of dagster or a dagster integration; dagster_pipes is allowed
    (the training process reports to Dagster through it without depending on dagster)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        for module in modules:
            top = module.split(".")[0]
            if (top == "dagster" or top.startswith("dagster_")) and top != "dagster_pipes":
                found.append((node.lineno, module))
    return found


def test_domain_packages_never_import_dagster():
    offenders = []
    for package in DOMAIN_PACKAGES:  # training/ and evaluation/ may not exist yet
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            for number, module in _dagster_imports(path):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: imports {module}")
    assert offenders == [], "\n".join(offenders)
    assert (PROJECT_ROOT / "corpus").is_dir()


def test_the_dagster_import_lint_catches_dagster_but_not_dagster_pipes(tmp_path):
    run = tmp_path / "run.py"
    run.write_text(
        "import os\nfrom dagster_pipes import open_dagster_pipes\n"
        "import dagster\nfrom dagster._core import storage\nimport dagster_duckdb as d\n"
        "def f():\n    from dagster import asset\n"
    )
    assert _dagster_imports(run) == [
        (3, "dagster"),
        (4, "dagster._core"),
        (5, "dagster_duckdb"),
        (7, "dagster"),
    ]
