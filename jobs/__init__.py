"""Jobs, partitions and sensors."""

from jobs.data import SHARD_ASSETS, data_job, landing_sensor, shard_job
from jobs.partitions import corpus_shards

__all__ = ["SHARD_ASSETS", "corpus_shards", "data_job", "landing_sensor", "shard_job"]
