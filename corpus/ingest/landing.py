"""The landing folder: which files are shards, under which key, and what may be read from where."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from corpus.documents import shard_slug
from corpus.ingest.config import IngestError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
TEXT_SUFFIXES = (".txt",)
DATASET_SUFFIXES = (".dataset.yaml", ".dataset.yml")
SUPPORTED_SUFFIXES = JSONL_SUFFIXES + PARQUET_SUFFIXES + TEXT_SUFFIXES + DATASET_SUFFIXES


class LandingScan(NamedTuple):
    """What the landing folder holds, by shard key."""

    shards: dict[str, Path]  # key -> its one file
    collisions: dict[str, list[Path]]  # keys claimed by several files: blocked until one is renamed

    @property
    def keys(self) -> list[str]:
        """Every shard key, blocked ones included (their runs fail with `collision_message`)."""
        return sorted({*self.shards, *self.collisions})


def scan_landing(landing_dir: Path) -> LandingScan:
    """Every supported file in the landing folder (not recursive) under its shard key.

    Two files whose names slug to the same key block only that key; every other shard proceeds.
    """
    if not landing_dir.is_dir():
        raise IngestError(
            f"landing folder {landing_dir} does not exist: create it and put corpus files in it, "
            "or set NEUTUNE_LANDING_DIR to the folder that holds them"
        )
    claims: dict[str, list[Path]] = {}
    for path in sorted(landing_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file() or not is_supported(path):
            continue
        claims.setdefault(shard_slug(path.name), []).append(path)
    return LandingScan(
        shards={key: paths[0] for key, paths in sorted(claims.items()) if len(paths) == 1},
        collisions={key: paths for key, paths in sorted(claims.items()) if len(paths) > 1},
    )


def discover_shards(landing_dir: Path) -> dict[str, Path]:
    """Map shard key -> file for every supported file in the landing folder (not recursive).

    Keys claimed by several files are left out; `scan_landing` reports them.
    """
    return scan_landing(landing_dir).shards


def collision_message(key: str, paths: Iterable[Path]) -> str:
    names = [repr(path.name) for path in paths]
    listed = f"{', '.join(names[:-1])} and {names[-1]}"
    return (
        f"{listed} in the landing folder {'both' if len(names) == 2 else 'all'} map to shard key "
        f"{key!r}: rename all but one of "
        "them (keys are the file name lower-cased, with every run of other characters than a-z "
        "and 0-9 replaced by '-'); the other shards are not affected"
    )


def unsupported_files(landing_dir: Path) -> list[Path]:
    """Visible files in the landing folder that no reader handles (reported, never ingested)."""
    return sorted(
        path
        for path in landing_dir.iterdir()
        if path.is_file() and not path.name.startswith(".") and not is_supported(path)
    )


def is_supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED_SUFFIXES)


def readable_roots(landing_dir: Path, allowed_roots: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The folders a shard may be read from: the landing folder and the preset's allowed roots."""
    return tuple(Path(root).expanduser().resolve() for root in (landing_dir, *allowed_roots))


def outside_roots(target: Path, roots: tuple[Path, ...], what: str) -> str | None:
    """None when `target` (symlinks resolved) lies under one of `roots`, else why it is refused."""
    resolved = target.resolve()
    if any(resolved.is_relative_to(root) for root in roots):
        return None
    landing, *allowed = roots
    extra = f" or the preset's reader.allowed_roots ({', '.join(map(str, allowed))})"
    return (
        f"{what} resolves to {resolved}, outside the landing folder {landing}"
        f"{extra if allowed else ''}: not read. Copy the data into the landing folder, or add "
        "its folder to reader.allowed_roots in the preset"
    )


def names_a_local_path(spec_path: str, local: Path) -> bool:
    """A dataset spec's `path:` names a local path (rather than a Hub dataset name) when it exists
    locally, is absolute, starts with `~` or `.`, or climbs with `..`."""
    return (
        local.exists()
        or Path(spec_path).is_absolute()
        or spec_path.startswith(("~", "."))
        or ".." in Path(spec_path).parts
    )
