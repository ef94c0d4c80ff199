"""The landing sensor: new files become shard partitions and runs, changed files re-run their
shard, deleted files lose their partition and leave the splits with the next global run.

A shard counts as changed when its data version differs from the sensor's last tick, or, for a
shard the sensor has not seen (a first tick, a demo run before), from the last observation."""

from __future__ import annotations

import json

from dagster import (
    DagsterInstance,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    sensor,
)

from assets.landing import landing_observation, observed_version
from corpus.ingest import collision_message, unsupported_files
from jobs.data import data_job, shard_job
from jobs.partitions import corpus_shards
from resources import LandingZone
from resources.landing import ShardFingerprint

REMOVED_SHARDS_TAG = "neutune/removed_shards"


@sensor(
    jobs=[shard_job, data_job],
    minimum_interval_seconds=30,
    default_status=DefaultSensorStatus.STOPPED,
    description="Observes the landing files (size, sha256): adds a corpus_shards partition for "
    "each new file and runs shard_job for new or changed files; removes the partition of a "
    "deleted file and runs data_job, so its documents leave dedup, splits and exports.",
)
def landing_sensor(context: SensorEvaluationContext, landing: LandingZone) -> SensorResult:
    previous = read_cursor(context.cursor)
    for path in unsupported_files(landing.path):
        context.log.warning(f"{path}: unsupported file type, not ingested (rename or convert it)")
    for key, paths in landing.scan().collisions.items():
        context.log.error(collision_message(key, paths))  # its run fails with the same message
    current = landing.fingerprints(previous)
    known = set(context.instance.get_dynamic_partitions(corpus_shards.name))
    new_keys = sorted(set(current) - known)
    changed = [
        key
        for key, fingerprint in current.items()
        if key not in known or _changed(context.instance, key, fingerprint, previous)
    ]
    removed = sorted(known - set(current))
    for key in removed:
        context.log.warning(
            f"shard {key!r}: its landing file is gone; partition removed, and data_job runs so "
            "its documents leave dedup, splits and exports"
        )
    run_requests = [
        RunRequest(
            job_name=shard_job.name,
            partition_key=key,
            run_key=f"{key}:{current[key].version[:16]}:{current[key].latest_mtime_ns}",
        )
        for key in changed
    ]
    if removed:
        run_requests.append(
            RunRequest(  # no run key: a shard may vanish again with the same content
                job_name=data_job.name,
                tags={REMOVED_SHARDS_TAG: ",".join(removed)},
            )
        )
    partition_requests = []
    if new_keys:
        partition_requests.append(corpus_shards.build_add_request(new_keys))
    if removed:
        partition_requests.append(corpus_shards.build_delete_request(removed))
    return SensorResult(
        run_requests=run_requests,
        dynamic_partitions_requests=partition_requests,
        asset_events=[landing_observation(key, current[key]) for key in changed],
        cursor=json.dumps({key: fp.to_json() for key, fp in current.items()}, sort_keys=True),
    )


def observe_landing(instance: DagsterInstance, landing: LandingZone) -> list[str]:
    """Record an observation for every registered shard whose data version is not the last one
    observed (what runs outside the sensor do first, so their inputs' versions are recorded)."""
    known = set(instance.get_dynamic_partitions(corpus_shards.name))
    observed = []
    for key, fingerprint in landing.fingerprints().items():
        if key in known and observed_version(instance, key) != fingerprint.version:
            instance.report_runless_asset_event(landing_observation(key, fingerprint))
            observed.append(key)
    return observed


def read_cursor(cursor: str | None) -> dict[str, ShardFingerprint]:
    """The fingerprints of the last tick; an older cursor format counts as nothing seen."""
    try:
        stored = json.loads(cursor) if cursor else {}
        return {key: ShardFingerprint.from_json(value) for key, value in stored.items()}
    except (ValueError, KeyError, TypeError):
        return {}


def _changed(
    instance: DagsterInstance,
    key: str,
    fingerprint: ShardFingerprint,
    previous: dict[str, ShardFingerprint],
) -> bool:
    if key in previous:
        return fingerprint.version != previous[key].version
    return fingerprint.version != observed_version(instance, key)
