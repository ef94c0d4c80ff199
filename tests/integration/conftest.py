"""A small project materialized once per test session: data, two strategies on both arms,
their evaluations and the report, in one Dagster instance that the browser test serves, with
its artifacts mirrored to a file:// URL through fsspec (the path an s3:// store takes)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
import yaml
from dagster import DagsterInstance, Definitions, instance_for_test

from corpus.demo import DemoCorpusConfig, write_demo_corpus
from definitions import build_definitions
from jobs.runner import materialize_corpus
from jobs.training import materialize_evaluation, materialize_training
from tests.conftest import PROJECT_ROOT

QUICK_PRESET = PROJECT_ROOT / "tests" / "data" / "quick_training.yaml"


def mirrored_preset(preset: Path, target: Path, mirror_url: str) -> Path:
    """A copy of `preset` at `target` with `storage.url` set and its relative paths resolved."""
    settings = yaml.safe_load(preset.read_text(encoding="utf-8"))
    for key in ("path", "exclusions_path"):
        if key in settings["catalogue"]:  # a profile names no files
            settings["catalogue"][key] = str((preset.parent / settings["catalogue"][key]).resolve())
    settings["storage"] = {"url": mirror_url}
    target.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return target


class TrainedProject(NamedTuple):
    defs: Definitions
    instance: DagsterInstance
    outcomes: list
    data_root: Path
    landing: Path
    preset: Path
    mirror: Path


@pytest.fixture(scope="session")
def trained_project(tmp_path_factory) -> TrainedProject:
    root = tmp_path_factory.mktemp("training")
    landing = root / "landing"
    write_demo_corpus(landing, DemoCorpusConfig(n_documents=300))
    mirror = root / "mirror"
    preset = mirrored_preset(QUICK_PRESET, root / "preset.yaml", mirror.as_uri())
    defs = build_definitions(root / "data", landing, preset)
    home = root / "dagster_home"
    home.mkdir()
    with instance_for_test(temp_dir=str(home)) as instance:
        data = materialize_corpus(defs, instance)
        assert [o.label for o in data if not o.result.success] == []
        outcomes = materialize_training(defs, instance)
        evaluations = materialize_evaluation(defs, instance)
        yield TrainedProject(
            defs, instance, outcomes + evaluations, root / "data", landing, preset, mirror
        )


@pytest.fixture(scope="module")
def trained(trained_project):
    """(defs, instance, outcomes) of the session's trained project."""
    return trained_project.defs, trained_project.instance, trained_project.outcomes
