"""The landing folder: which files are shards, under which key, and which are not supported."""

from __future__ import annotations

from pathlib import Path

from corpus.documents import shard_slug
from corpus.ingest.config import IngestError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
TEXT_SUFFIXES = (".txt",)
DATASET_SUFFIXES = (".dataset.yaml", ".dataset.yml")
SUPPORTED_SUFFIXES = JSONL_SUFFIXES + PARQUET_SUFFIXES + TEXT_SUFFIXES + DATASET_SUFFIXES


def discover_shards(landing_dir: Path) -> dict[str, Path]:
    """Map shard key -> file for every supported file in the landing folder (not recursive)."""
    if not landing_dir.is_dir():
        raise IngestError(
            f"landing folder {landing_dir} does not exist: create it and put corpus files in it, "
            "or set NEUTUNE_LANDING_DIR to the folder that holds them"
        )
    shards: dict[str, Path] = {}
    for path in sorted(landing_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file() or not is_supported(path):
            continue
        key = shard_slug(path.name)
        if key in shards:
            raise IngestError(
                f"{path} and {shards[key]} map to the same shard key {key!r}: rename one of them"
            )
        shards[key] = path
    return dict(sorted(shards.items()))


def unsupported_files(landing_dir: Path) -> list[Path]:
    """Visible files in the landing folder that no reader handles (reported, never ingested)."""
    return sorted(
        path
        for path in landing_dir.iterdir()
        if path.is_file() and not path.name.startswith(".") and not is_supported(path)
    )


def is_supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED_SUFFIXES)
