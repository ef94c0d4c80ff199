"""The one Definitions object: assets, checks, resources, jobs and sensors of neutune."""

from pathlib import Path

from dagster import Definitions

from assets import (
    corpus_assets,
    corpus_checks,
    evaluation_assets,
    evaluation_checks,
    training_assets,
)
from jobs import data_job, evaluation_job, landing_sensor, shard_job, training_job
from resources import build_resources


def build_definitions(
    root: Path | None = None, landing: Path | None = None, preset: Path | None = None
) -> Definitions:
    """The whole code location; tests call it with temporary folders."""
    return Definitions(
        assets=[*corpus_assets, *training_assets, *evaluation_assets],
        asset_checks=[*corpus_checks, *evaluation_checks],
        jobs=[data_job, shard_job, training_job, evaluation_job],
        sensors=[landing_sensor],
        resources=build_resources(root, landing, preset),
    )


defs = build_definitions()
