"""The train and validation text of one arm, read from a verified split export.

Every file used is hashed and compared with the manifest before a single token is trained on,
so the data version a model's lineage names is the data it learned from.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from pydantic import ValidationError

from corpus.atomic_files import file_sha256
from corpus.splits import MANIFEST_NAME, SplitExport, SplitManifest
from training.errors import SplitDataError


@dataclass(frozen=True)
class TrainingTexts:
    """Documents for one run, and the verified files they came from."""

    manifest: SplitManifest
    arm: str
    train: list[str]
    validation: list[str]
    files: list[SplitExport]  # every file read, its sha256 checked against the manifest
    replay_documents: int  # original-arm documents mixed into a neutral run


def manifest_file(path: Path) -> Path:
    """manifest.json itself, given the file or its version directory."""
    return path / MANIFEST_NAME if path.is_dir() else path


def load_split_manifest(path: Path) -> SplitManifest:
    location = manifest_file(Path(path))
    if not location.is_file():
        raise SplitDataError(
            f"split manifest {location} does not exist: materialize split_exports, or point "
            "split_manifest at a version directory's manifest.json"
        )
    try:
        return SplitManifest.model_validate_json(location.read_text(encoding="utf-8"))
    except ValidationError as error:
        raise SplitDataError(
            f"split manifest {location} is not a valid SplitManifest ({error.error_count()} "
            "errors): re-materialize split_exports"
        ) from error


def find_export(manifest: SplitManifest, split: str, arm: str) -> SplitExport:
    for export in manifest.exports:
        if export.split == split and export.arm == arm:
            return export
    present = sorted(f"{e.split}-{e.arm}" for e in manifest.exports)
    raise SplitDataError(
        f"split manifest {manifest.version} has no {split} file for arm {arm!r} (it has "
        f"{present}): re-materialize split_exports"
    )


def export_location(manifest: SplitManifest, export: SplitExport) -> Path:
    """The recorded path, or the file of that name beside the manifest if the store moved."""
    recorded = Path(export.path)
    if recorded.is_file():
        return recorded
    return Path(manifest.directory) / recorded.name


def verify_export(manifest: SplitManifest, export: SplitExport) -> Path:
    """The export's path after checking that its bytes are those the manifest hashed."""
    path = export_location(manifest, export)
    if not path.is_file():
        raise SplitDataError(
            f"split file {export.path} of version {manifest.version} is missing: "
            "re-materialize split_exports"
        )
    actual = file_sha256(path)
    if actual != export.sha256:
        raise SplitDataError(
            f"split file {path} changed since the manifest was written (sha256 {actual[:12]} "
            f"!= {export.sha256[:12]}): re-materialize split_exports"
        )
    return path


def read_texts(path: Path) -> list[str]:
    return pl.read_parquet(path, columns=["text"])["text"].to_list()


def replay_sample(documents: list[str], fraction: float, seed: int) -> list[str]:
    """round(fraction x len) documents drawn without replacement, the same for the same seed."""
    count = round(fraction * len(documents))
    return random.Random(seed).sample(documents, count)


def load_training_texts(
    manifest_path: Path, arm: str, replay_fraction: float = 0.0, seed: int = 0
) -> TrainingTexts:
    """Verified train and validation texts of `arm`, with original-arm replay for neutral runs.

    Args:
        manifest_path: manifest.json of a split export version (or its directory).
        arm: "neutral" or "original".
        replay_fraction: share of the original-arm train documents mixed into a neutral run;
            the mixed list is shuffled with `seed` so replayed documents spread over the blocks.
        seed: fixes which documents are replayed and where they land.
    """
    manifest = load_split_manifest(manifest_path)
    train_export = find_export(manifest, "train", arm)
    validation_export = find_export(manifest, "validation", arm)
    train = read_texts(verify_export(manifest, train_export))
    validation = read_texts(verify_export(manifest, validation_export))
    files = [train_export, validation_export]
    if not train:
        raise SplitDataError(
            f"the train split of arm {arm!r} in version {manifest.version} is empty: add "
            "documents or lower the validation/test fractions, then re-materialize split_exports"
        )
    replayed: list[str] = []
    if arm == "neutral" and replay_fraction > 0:
        original_export = find_export(manifest, "train", "original")
        original = read_texts(verify_export(manifest, original_export))
        files.append(original_export)
        replayed = replay_sample(original, replay_fraction, seed)
        train = train + replayed
        random.Random(seed + 1).shuffle(train)
    return TrainingTexts(
        manifest=manifest,
        arm=arm,
        train=train,
        validation=validation,
        files=files,
        replay_documents=len(replayed),
    )
