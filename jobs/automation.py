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
from jobs.data import DATA_GROUPS, refresh_job
from resources.automation import AutomationSettings, ScheduledStage

TRAINING_GROUP = "training"
EVALUATION_GROUP = "evaluation"


def updates_when_inputs_change() -> AutomationCondition:
    """Eager, with two changes for this graph.

    - An input counts as updated when its data version changed (not on every materialization),
      so re-reading an unchanged catalogue or re-running an unchanged shard re-runs nothing.
    - An input read over all shards (AllPartitionMapping) needs data in at least one shard, not
      in every one: a shard whose file collides with another never materializes and must not
      hold back dedup and splits for all the others. Runs still wait while any shard is running.
    """
    input_changed = AutomationCondition.any_deps_match(
        (
            AutomationCondition.data_version_changed()
            & ~AutomationCondition.executed_with_root_target()
        )
        | AutomationCondition.will_be_requested()
    ).with_label("an input's data version changed")
    inputs_have_data = AutomationCondition.all_deps_match(
        ~AutomationCondition.missing() | AutomationCondition.will_be_requested()
    ).with_label("every input has data")
    return (
        (AutomationCondition.newly_missing() | input_changed).since_last_handled()
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
    definitions = [asset for asset in assets if isinstance(asset, AssetsDefinition)]
    specs = [spec for asset in definitions for spec in asset.specs]
    landing_readers = {
        spec.key for asset in assets if _reads_landing(asset) for spec in asset.specs
    }
    downstream = _descendants(specs, landing_readers)
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


def _descendants(specs: Sequence[AssetSpec], roots: set) -> set:
    """Keys downstream of `roots` (excluded) through the specs' dependencies."""
    children: dict = {}
    for spec in specs:
        for dep in spec.deps:
            children.setdefault(dep.asset_key, set()).add(spec.key)
    found: set = set()
    frontier = [child for root in roots for child in children.get(root, ())]
    while frontier:
        key = frontier.pop()
        if key not in found and key not in roots:
            found.add(key)
            frontier.extend(children.get(key, ()))
    return found
