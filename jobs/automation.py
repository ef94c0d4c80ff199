"""Declarative automation, composed once and attached by group: what re-runs by itself, when.

    data assets downstream of the landing files   updates_when_inputs_change (eager-like)
    training, evaluation                           on_cron(cron) when enabled in the preset, else
                                                   none (they are expensive: run by hand)

The conditions are attached here, over the asset lists, rather than in each decorator, so one
preset switch (automation.training.enabled) changes them without touching asset code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dagster import (
    AssetDep,
    AssetsDefinition,
    AssetSelection,
    AssetSpec,
    AutomationCondition,
    AutomationConditionSensorDefinition,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    ExecutorDefinition,
    ScheduleDefinition,
    in_process_executor,
    map_asset_specs,
    multiprocess_executor,
)

from assets.landing import LANDING_FILES
from jobs.data import DATA_GROUPS, INPUT_ASSETS, refresh_job
from resources.automation import AutomationSettings, ScheduledStage

TRAINING_GROUP = "training"
EVALUATION_GROUP = "evaluation"


def updates_when_inputs_change() -> AutomationCondition:
    """Eager, with three changes for this graph.

    - The refreshed inputs (the catalogue, re-read by the weekly schedule) count as updated only
      when their data version changed, so re-reading an unchanged catalogue re-runs nothing. Any
      other input counts when it is materialized, as in eager: a shard that returns with the
      content it had before its file was deleted has its old data version, yet the global
      assets must take its documents back.
    - An input read over all shards (AllPartitionMapping) needs data in at least one shard, not
      in every one: a shard whose file collides with another never materializes and must not
      hold back dedup and splits for all the others. Runs still wait while any shard is running.
    - No `newly_missing` trigger: the landing sensor's shard runs make new partitions, and when
      it deletes a vanished shard's partition during an evaluation, that partition looked newly
      missing and got a run that failed (seen under dagster-daemon).
    """
    not_in_this_run = ~AutomationCondition.executed_with_root_target()
    other_input_updated = AutomationCondition.any_deps_match(
        AutomationCondition.newly_updated() & not_in_this_run
        | AutomationCondition.will_be_requested()
    ).ignore(INPUT_ASSETS)
    refreshed_input_changed = AutomationCondition.any_deps_match(
        AutomationCondition.data_version_changed() & not_in_this_run
    ).allow(INPUT_ASSETS)
    input_changed = (other_input_updated | refreshed_input_changed).with_label("an input changed")
    inputs_have_data = AutomationCondition.all_deps_match(
        ~AutomationCondition.missing() | AutomationCondition.will_be_requested()
    ).with_label("every input has data")
    return (
        input_changed.since_last_handled()
        & inputs_have_data
        & ~AutomationCondition.any_deps_in_progress()
        & ~AutomationCondition.in_progress()
    ).with_label("updates when inputs change")


UPDATES_WHEN_INPUTS_CHANGE = updates_when_inputs_change()


def scheduled(stage: ScheduledStage) -> AutomationCondition | None:
    """The stage's cron condition when enabled in the preset, else none (run by hand)."""
    return AutomationCondition.on_cron(stage.cron) if stage.enabled else None


def with_landing_dependency(assets: Iterable) -> list:
    """The assets that read the landing zone depend on the landing_files source asset (by shard),
    so an edited file marks its shard's raw documents, and what follows, stale."""

    def add_dependency(spec: AssetSpec) -> AssetSpec:
        return spec.replace_attributes(deps=[*spec.deps, AssetDep(LANDING_FILES)])

    return [
        map_asset_specs(add_dependency, [asset])[0] if _reads_landing(asset) else asset
        for asset in assets
    ]


def with_automation(assets: Sequence, settings: AutomationSettings) -> list:
    """Attach each group's automation condition; an asset keeps a condition of its own."""
    landing_readers = {
        spec.key for asset in assets if _reads_landing(asset) for spec in asset.specs
    }
    downstream = (
        AssetSelection.assets(*landing_readers).downstream(include_self=False).resolve(assets)
    )
    by_group = {
        TRAINING_GROUP: scheduled(settings.training),
        EVALUATION_GROUP: scheduled(settings.evaluation),
    }

    def attach(spec: AssetSpec) -> AssetSpec:
        if spec.automation_condition is not None:
            return spec
        if spec.group_name in DATA_GROUPS and spec.key in downstream:
            condition = UPDATES_WHEN_INPUTS_CHANGE
        else:
            condition = by_group.get(spec.group_name)
        return spec.replace_attributes(automation_condition=condition) if condition else spec

    return [
        map_asset_specs(attach, [asset])[0] if isinstance(asset, AssetsDefinition) else asset
        for asset in assets
    ]


def shard_executor(settings: AutomationSettings) -> ExecutorDefinition:
    """The executor of per-shard runs, from the preset: in-process, or one process per step."""
    if settings.shard_processes == 1:
        return in_process_executor
    return multiprocess_executor.configured({"max_concurrent": settings.shard_processes})


def refresh_schedule(settings: AutomationSettings) -> ScheduleDefinition:
    return ScheduleDefinition(
        name="weekly_refresh",
        job=refresh_job,
        cron_schedule=settings.refresh_cron,
        execution_timezone="UTC",
        default_status=DefaultScheduleStatus.STOPPED,
        description="Re-reads the data's inputs other than landing files (the gender catalogue). "
        "An edited catalogue gets a new data version and automation re-runs every shard's "
        "rewriting, dedup, splits and exports; an unchanged one changes nothing downstream.",
    )


automation_sensor = AutomationConditionSensorDefinition(
    "automation_sensor",
    target=AssetSelection.all(),
    default_status=DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Evaluates every asset's automation condition (jobs/automation.py) and launches "
    "the runs they request.",
)


def _reads_landing(asset) -> bool:
    return (
        isinstance(asset, AssetsDefinition)
        and asset.is_executable
        and "landing" in asset.required_resource_keys
    )
