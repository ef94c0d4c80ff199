"""Partitions shared by assets and jobs."""

from dagster import (
    DynamicPartitionsDefinition,
    MultiPartitionsDefinition,
    StaticPartitionsDefinition,
)

from corpus.splits import ARMS
from training.settings import STRATEGY_NAMES

corpus_shards = DynamicPartitionsDefinition(name="corpus_shards")
strategy_partitions = StaticPartitionsDefinition(list(STRATEGY_NAMES))
arm_partitions = StaticPartitionsDefinition(list(ARMS))
# one fine-tuned model (and later its evaluation) per strategy x arm
model_partitions = MultiPartitionsDefinition(
    {"arm": arm_partitions, "strategy": strategy_partitions}
)
