"""The one Definitions object: assets, checks, resources, jobs, schedules and sensors of neutune.

Cross-cutting policy is applied here, over the asset lists: the landing dependency of the assets
that read landing files, and the automation conditions the preset asks for (jobs/automation.py).
"""

from pathlib import Path

from dagster import Definitions

from assets import (
    corpus_assets,
    corpus_checks,
    evaluation_assets,
    evaluation_checks,
    source_assets,
    training_assets,
)
from jobs import (
    automation_sensor,
    data_job,
    evaluation_job,
    landing_sensor,
    refresh_job,
    refresh_schedule,
    shard_executor,
    shard_job,
    training_job,
    with_automation,
    with_landing_dependency,
)
from resources import build_resources


def build_definitions(
    root: Path | None = None, landing: Path | None = None, preset: Path | None = None
) -> Definitions:
    """The whole code location; tests call it with temporary folders."""
    resources = build_resources(root, landing, preset)
    automation = resources["settings"].load().automation
    assets = with_landing_dependency([*corpus_assets, *training_assets, *evaluation_assets])
    return Definitions(
        assets=[*source_assets, *with_automation(assets, automation)],
        asset_checks=[*corpus_checks, *evaluation_checks],
        jobs=[data_job, shard_job, refresh_job, training_job, evaluation_job],
        schedules=[refresh_schedule(automation)],
        sensors=[landing_sensor, automation_sensor],
        executor=shard_executor(automation),
        resources=resources,
    )


defs = build_definitions()
