"""The landing files as an observable source asset: one data version per shard key."""

import warnings

from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetObservation,
    BetaWarning,
    DagsterInstance,
    DataVersionsByPartition,
    MetadataValue,
    observable_source_asset,
)

from jobs.partitions import corpus_shards
from resources import LandingZone
from resources.landing import ShardFingerprint

LANDING_FILES = AssetKey("landing_files")
# the tag Dagster reads an observation's data version from (what ObserveResult(data_version=) sets)
DATA_VERSION_TAG = "dagster/data_version"


def landing_observation(shard: str, fingerprint: ShardFingerprint) -> AssetObservation:
    """The observation of one shard: its data version and each file's path, size and sha256."""
    return AssetObservation(
        asset_key=LANDING_FILES,
        partition=shard,
        tags={DATA_VERSION_TAG: fingerprint.version},
        metadata={
            "files": MetadataValue.json(
                [
                    {"path": file.path, "size": file.size, "sha256": file.sha256}
                    for file in fingerprint.files
                ]
            ),
            "bytes": sum(file.size for file in fingerprint.files),
        },
    )


def observed_version(instance: DagsterInstance, shard: str) -> str | None:
    """The data version last observed for a shard (by the sensor, the runner or the UI)."""
    record = instance.get_latest_data_version_record(
        LANDING_FILES, is_source=True, partition_key=shard
    )
    observation = record.asset_observation if record else None
    return observation.tags.get(DATA_VERSION_TAG) if observation else None


def observe_landing_files(
    context: AssetExecutionContext, landing: LandingZone
) -> DataVersionsByPartition:
    registered = set(context.instance.get_dynamic_partitions(corpus_shards.name))
    for shard, fingerprint in landing.fingerprints().items():
        if shard in registered:  # the landing sensor registers new files first
            context.log_event(landing_observation(shard, fingerprint))
    return DataVersionsByPartition({})  # logged above, with the files' metadata


with warnings.catch_warnings():  # observable_source_asset is beta in dagster 1.13: no warning
    warnings.simplefilter("ignore", BetaWarning)  # at every import (the demo prints none)
    landing_files = observable_source_asset(
        name="landing_files",
        partitions_def=corpus_shards,
        group_name="landing",
        description="The landing folder's files by shard key (path, size, sha256): an edited file "
        "gets a new data version, so its shard and everything downstream show as stale.",
    )(observe_landing_files)
