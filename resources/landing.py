"""The landing zone: a folder whose supported files are the corpus shards."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

from dagster import ConfigurableResource

from corpus.atomic_files import file_sha256
from corpus.ingest import IngestError, LandingScan, collision_message, scan_landing


class LandingFile(NamedTuple):
    """One landing file as observed: its content hash is reused while size and mtime hold."""

    path: str
    size: int
    mtime_ns: int
    sha256: str


class ShardFingerprint(NamedTuple):
    """What a shard key's file(s) held when observed; `version` is the shard's data version."""

    version: str
    files: list[LandingFile]

    @classmethod
    def of(cls, files: list[LandingFile]) -> ShardFingerprint:
        digest = hashlib.sha256()
        for file in files:  # file names and contents, not mtimes: a touched file is unchanged
            digest.update(f"{Path(file.path).name}\0{file.sha256}\0".encode())
        return cls(digest.hexdigest(), files)

    @classmethod
    def from_json(cls, value: dict) -> ShardFingerprint:
        return cls(value["version"], [LandingFile(*file) for file in value["files"]])

    def to_json(self) -> dict:
        return {"version": self.version, "files": [list(file) for file in self.files]}

    @property
    def latest_mtime_ns(self) -> int:
        return max(file.mtime_ns for file in self.files)


def fingerprint_files(
    paths: list[Path], previous: ShardFingerprint | None = None
) -> ShardFingerprint:
    """Fingerprint a shard's files, hashing only those whose size or mtime changed since
    `previous` (so a sensor tick over an unchanged landing folder reads no file content)."""
    known = {file.path: file for file in previous.files} if previous else {}
    files = []
    for path in sorted(paths):
        stat = path.stat()
        old = known.get(str(path))
        if old and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            files.append(old)
        else:
            files.append(LandingFile(str(path), stat.st_size, stat.st_mtime_ns, file_sha256(path)))
    return ShardFingerprint.of(files)


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

    def fingerprints(
        self, previous: dict[str, ShardFingerprint] | None = None
    ) -> dict[str, ShardFingerprint]:
        """Shard key -> fingerprint of its file(s), colliding keys included."""
        scan = self.scan()
        files = {key: [path] for key, path in scan.shards.items()} | scan.collisions
        previous = previous or {}
        return {
            key: fingerprint_files(paths, previous.get(key)) for key, paths in sorted(files.items())
        }

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
