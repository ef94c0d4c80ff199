"""Jobs, partitions and sensors."""

from jobs.data import SHARD_ASSETS, data_job, landing_sensor, shard_job
from jobs.partitions import corpus_shards, model_partitions
from jobs.training import (
    evaluation_job,
    materialize_evaluation,
    materialize_training,
    training_job,
)

__all__ = [
    "SHARD_ASSETS",
    "corpus_shards",
    "data_job",
    "evaluation_job",
    "landing_sensor",
    "materialize_evaluation",
    "materialize_training",
    "model_partitions",
    "shard_job",
    "training_job",
]
