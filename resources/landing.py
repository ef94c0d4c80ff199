"""The landing zone: a folder whose supported files are the corpus shards."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource

from corpus.ingest import IngestError, LandingScan, collision_message, scan_landing


class LandingZone(ConfigurableResource):
    """Local folder of shard files (JSONL, Parquet, text, `*.dataset.yaml`), one per shard."""

    directory: str

    @property
    def path(self) -> Path:
        return Path(self.directory)

    def scan(self) -> LandingScan:
        return scan_landing(self.path)

    def shards(self) -> dict[str, Path]:
        """Shard key -> file, for every key claimed by exactly one file."""
        return self.scan().shards

    def shard_keys(self) -> list[str]:
        """Every shard key, including keys two files collide on (their runs fail, naming both)."""
        return self.scan().keys

    def shard_path(self, shard: str) -> Path:
        scan = self.scan()
        if shard in scan.collisions:
            raise IngestError(collision_message(shard, scan.collisions[shard]))
        if shard not in scan.shards:
            raise IngestError(
                f"shard {shard!r} has no file in {self.path} (shards there: "
                f"{', '.join(scan.keys) or 'none'}); restore the file or delete the partition"
            )
        return scan.shards[shard]
