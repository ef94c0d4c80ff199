"""The landing zone: a folder whose supported files are the corpus shards."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource

from corpus.ingest import IngestError, discover_shards


class LandingZone(ConfigurableResource):
    """Local folder of shard files (JSONL, Parquet, text, `*.dataset.yaml`), one per shard."""

    directory: str

    @property
    def path(self) -> Path:
        return Path(self.directory)

    def shards(self) -> dict[str, Path]:
        return discover_shards(self.path)

    def shard_path(self, shard: str) -> Path:
        shards = self.shards()
        if shard not in shards:
            raise IngestError(
                f"shard {shard!r} has no file in {self.path} (shards there: "
                f"{', '.join(shards) or 'none'}); restore the file or delete the partition"
            )
        return shards[shard]
