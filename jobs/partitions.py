"""Partitions shared by assets and jobs."""

from dagster import DynamicPartitionsDefinition

corpus_shards = DynamicPartitionsDefinition(name="corpus_shards")
