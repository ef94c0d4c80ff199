"""Jobs, partitions and sensors."""

from jobs.automation import (
    automation_sensor,
    refresh_schedule,
    shard_executor,
    with_automation,
    with_landing_dependency,
)
from jobs.data import SHARD_ASSETS, data_job, refresh_job, shard_job
from jobs.landing import landing_sensor
from jobs.partitions import corpus_shards, model_partitions
from jobs.training import (
    evaluation_job,
    materialize_evaluation,
    materialize_training,
    training_job,
)

__all__ = [
    "SHARD_ASSETS",
    "automation_sensor",
    "corpus_shards",
    "data_job",
    "evaluation_job",
    "landing_sensor",
    "materialize_evaluation",
    "materialize_training",
    "model_partitions",
    "refresh_job",
    "refresh_schedule",
    "shard_executor",
    "shard_job",
    "training_job",
    "with_automation",
    "with_landing_dependency",
]
