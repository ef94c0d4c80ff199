"""The data jobs: per-shard stages, global stages, and the refresh of the data's inputs.

A Dagster run is either for one partition or for none, so the pipeline is two jobs:

    shard_job   ingest -> clean -> rewrite of one shard (partitioned by corpus_shards)
    data_job    the global assets, no partition: the catalogue, term candidates, dedup, splits

From the command line (after the landing files are registered as partitions):

    dagster job execute -m definitions -j shard_job --tags '{"dagster/partition": "news-jsonl"}'
    dagster job execute -m definitions -j data_job
"""

from dagster import (
    AssetSelection,
    define_asset_job,
    in_process_executor,
)

from jobs.partitions import corpus_shards

DATA_GROUPS = ("ingest", "rewrite", "dedup")
DATA_ASSETS = AssetSelection.groups(*DATA_GROUPS)
SHARD_ASSETS = DATA_ASSETS & AssetSelection.tag("neutune/scope", "shard")
GLOBAL_ASSETS = DATA_ASSETS - SHARD_ASSETS

# Steps run one after another in the run's process: every step writes the one DuckDB file, which
# takes one writer at a time, and a step process per asset would reload the code location.
data_job = define_asset_job(
    "data_job",
    selection=GLOBAL_ASSETS,
    executor_def=in_process_executor,
    description="The global (unpartitioned) data assets: the gender catalogue, then term "
    "candidates, dedup clusters and splits over every materialized shard. Run shard_job for "
    "each shard before (the demo command runs both in order).",
)

# The data's inputs other than landing files (the gender catalogue), for the refresh schedule.
INPUT_ASSETS = DATA_ASSETS.roots() - SHARD_ASSETS
refresh_job = define_asset_job(
    "refresh_job",
    selection=INPUT_ASSETS,
    executor_def=in_process_executor,
    description="Re-reads the data's inputs other than landing files (the gender catalogue); "
    "automation re-runs what depends on them when their data version changed.",
)


# No executor here: the code location's default executor applies, chosen by the preset
# (automation.shard_processes; jobs/automation.shard_executor).
shard_job = define_asset_job(
    "shard_job",
    selection=SHARD_ASSETS,
    partitions_def=corpus_shards,
    description="The per-shard data assets of one corpus shard (what a new landing file needs); "
    "needs the gender catalogue materialized (data_job or the demo command).",
)
