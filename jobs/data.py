"""The data jobs (per-shard stages, global stages) and the landing-folder sensor.

A Dagster run is either for one partition or for none, so the pipeline is two jobs:

    shard_job   ingest -> clean -> rewrite of one shard (partitioned by corpus_shards)
    data_job    the global assets, no partition: the catalogue, term candidates, dedup, splits

From the command line (after the landing files are registered as partitions):

    dagster job execute -m definitions -j shard_job --tags '{"dagster/partition": "news-jsonl"}'
    dagster job execute -m definitions -j data_job
"""

import json

from dagster import (
    AssetSelection,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    define_asset_job,
    in_process_executor,
    sensor,
)

from corpus.ingest import collision_message, unsupported_files
from jobs.partitions import corpus_shards
from resources import LandingZone

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

shard_job = define_asset_job(
    "shard_job",
    selection=SHARD_ASSETS,
    partitions_def=corpus_shards,
    executor_def=in_process_executor,
    description="The per-shard data assets of one corpus shard (what a new landing file needs); "
    "needs the gender catalogue materialized (data_job or the demo command).",
)


@sensor(
    job=shard_job,
    minimum_interval_seconds=30,
    default_status=DefaultSensorStatus.STOPPED,
    description="Adds a corpus_shards partition for each new landing file and materializes the "
    "per-shard assets of new or changed files.",
)
def landing_sensor(context: SensorEvaluationContext, landing: LandingZone) -> SensorResult:
    seen: dict[str, list[int]] = json.loads(context.cursor) if context.cursor else {}
    for path in unsupported_files(landing.path):
        context.log.warning(f"{path}: unsupported file type, not ingested (rename or convert it)")
    scan = landing.scan()
    for key, paths in scan.collisions.items():
        context.log.error(collision_message(key, paths))  # its run fails with the same message
    files = {key: [path] for key, path in scan.shards.items()} | scan.collisions
    signatures = {key: _signature(paths) for key, paths in files.items()}
    known = set(context.instance.get_dynamic_partitions(corpus_shards.name))
    new_keys = sorted(set(signatures) - known)
    changed = sorted(key for key, sig in signatures.items() if seen.get(key) != sig)
    return SensorResult(
        dynamic_partitions_requests=[corpus_shards.build_add_request(new_keys)] if new_keys else [],
        run_requests=[
            RunRequest(
                run_key=f"{key}:{signatures[key][0]}:{signatures[key][1]}",
                partition_key=key,
            )
            for key in changed
        ],
        cursor=json.dumps(signatures, sort_keys=True),
    )


def _signature(paths) -> list[int]:
    """[size, mtime] of a shard's file (summed size and latest mtime if several collide)."""
    stats = [path.stat() for path in paths]
    return [sum(st.st_size for st in stats), max(st.st_mtime_ns for st in stats)]
