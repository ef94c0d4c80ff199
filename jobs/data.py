"""The data job (ingest -> clean -> rewrite -> dedup -> splits) and the landing-folder sensor."""

import json

from dagster import (
    AssetSelection,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    define_asset_job,
    sensor,
)

from corpus.ingest import unsupported_files
from jobs.partitions import corpus_shards
from resources import LandingZone

DATA_GROUPS = ("ingest", "rewrite", "dedup")
DATA_ASSETS = AssetSelection.groups(*DATA_GROUPS)
SHARD_ASSETS = DATA_ASSETS & AssetSelection.tag("neutune/scope", "shard")

data_job = define_asset_job(
    "data_job",
    selection=DATA_ASSETS,
    description="Corpus data assets: per-shard ingest, cleaning and rewriting, then the global "
    "catalogue, dedup and splits.",
)

shard_job = define_asset_job(
    "shard_job",
    selection=SHARD_ASSETS,
    partitions_def=corpus_shards,
    description="The per-shard data assets of one corpus shard (what a new landing file needs).",
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
    current = {key: path.stat() for key, path in landing.shards().items()}
    signatures = {key: [st.st_size, st.st_mtime_ns] for key, st in current.items()}
    known = set(context.instance.get_dynamic_partitions(corpus_shards.name))
    new_keys = sorted(set(current) - known)
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
