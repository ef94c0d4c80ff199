"""Shared fixtures: an isolated Dagster instance and data root per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from dagster import DagsterInstance, instance_for_test

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_PRESET = PROJECT_ROOT / "config" / "demo.yaml"


@pytest.fixture
def instance() -> DagsterInstance:
    """A Dagster instance in a temporary DAGSTER_HOME."""
    with instance_for_test() as test_instance:
        yield test_instance
