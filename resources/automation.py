"""The preset's `automation:` section: what Dagster runs by itself, and how shard runs execute."""

from __future__ import annotations

# No public cron check in dagster 1.13; this is the one ScheduleDefinition itself applies.
from dagster._utils.schedules import is_valid_cron_string
from pydantic import BaseModel, ConfigDict, Field, field_validator

WEEKLY_SUNDAY_0200 = "0 2 * * 0"
WEEKLY_SUNDAY_0400 = "0 4 * * 0"


def _checked_cron(value: str) -> str:
    if not is_valid_cron_string(value):
        raise ValueError(
            f"{value!r} is not a cron string; write five fields, minute hour day month weekday "
            "(e.g. '0 4 * * 0' for Sundays at 04:00 UTC)"
        )
    return value


class ScheduledStage(BaseModel):
    """An expensive stage (training, evaluation) that automation runs only when enabled."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(
        False,
        description="Off: the stage runs only by hand (training_job / evaluation_job). On: its "
        "assets get AutomationCondition.on_cron(cron): after each tick they re-run once all "
        "their inputs have updated since that tick.",
    )
    cron: str = Field(
        WEEKLY_SUNDAY_0400,
        description="Cron string (UTC) of the stage's automation condition.",
    )

    @field_validator("cron")
    @classmethod
    def _cron_is_valid(cls, value: str) -> str:
        return _checked_cron(value)


class AutomationSettings(BaseModel):
    """Sensor, schedule and automation conditions, and the executor of per-shard runs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    refresh_cron: str = Field(
        WEEKLY_SUNDAY_0200,
        description="Cron string (UTC) of the refresh schedule, which re-reads the data's inputs "
        "other than landing files (the gender catalogue): an edit gets a new data version and "
        "automation re-runs what depends on it; an unchanged file changes nothing downstream.",
    )
    training: ScheduledStage = Field(
        default_factory=ScheduledStage,
        description="Automatic (re)training of the base and fine-tuned models; off by default.",
    )
    evaluation: ScheduledStage = Field(
        default_factory=ScheduledStage,
        description="Automatic evaluation of every model and the report; off by default.",
    )
    shard_processes: int = Field(
        1,
        ge=1,
        description="1: a shard run's steps run one after another in the run's process "
        "(in_process_executor). N > 1: each step in its own process (multiprocess_executor, "
        "max_concurrent N), so shard runs started together compute in parallel.",
    )

    @field_validator("refresh_cron")
    @classmethod
    def _refresh_cron_is_valid(cls, value: str) -> str:
        return _checked_cron(value)
