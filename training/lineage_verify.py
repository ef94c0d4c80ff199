"""Verify a model's lineage: recompute every hash it recorded that is still reachable (landing
files, split manifest and files, base model fingerprint, artifact files) and say what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from corpus.atomic_files import directory_sha256, file_sha256
from training.lineage import Lineage, artifact_file_hashes
from training.spec import TrainResult, result_file


@dataclass(frozen=True)
class Finding:
    """One recorded input or output that is missing or no longer has its recorded hash."""

    subject: str  # landing file, split manifest, split file, base model, artifact file
    path: str
    problem: str  # missing, changed, unexpected
    detail: str

    def line(self) -> str:
        return f"{self.problem.upper()}: {self.subject} {self.path}: {self.detail}"


@dataclass
class Verification:
    """What was checked, what differs, and what the lineage did not record well enough to check."""

    checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings

    def compare(self, subject: str, path: Path, recorded: str, actual: str | None) -> None:
        """Record one hash comparison; `actual` None means the file is gone."""
        self.checked += 1
        if actual is None:
            self.findings.append(Finding(subject, str(path), "missing", "no longer exists"))
        elif actual != recorded:
            self.findings.append(
                Finding(
                    subject,
                    str(path),
                    "changed",
                    f"sha256 {actual[:12]} != recorded {recorded[:12]}",
                )
            )


def _sha256_or_none(path: Path) -> str | None:
    return file_sha256(path) if path.is_file() else None


def _verify_landing(lineage: Lineage, verification: Verification) -> None:
    if lineage.chain is None:
        verification.notes.append("landing files: not recorded (no data chain in this lineage)")
        return
    if not lineage.chain.shards:
        verification.notes.append("landing files: not recorded (the warehouse was not read)")
    for shard in lineage.chain.shards:
        if shard.path is None:
            verification.notes.append(
                f"landing file of shard {shard.shard}: unknown (its documents are not in the "
                "warehouse's raw_documents)"
            )
            continue
        if shard.sha256 is None:
            verification.notes.append(
                f"landing file {shard.path}: already gone when the chain was recorded"
            )
            continue
        path = Path(shard.path)
        verification.compare("landing file", path, shard.sha256, _sha256_or_none(path))


def _verify_splits(lineage: Lineage, verification: Verification) -> None:
    manifest = Path(lineage.split_manifest)
    if lineage.chain is not None:
        recorded = lineage.chain.manifest_sha256
        verification.compare("split manifest", manifest, recorded, _sha256_or_none(manifest))
    for data_file in lineage.data_files:
        path = Path(data_file.path)
        if not path.is_file() and (manifest.parent / path.name).is_file():
            path = manifest.parent / path.name  # the store moved: the file beside its manifest
        verification.compare("split file", path, data_file.sha256, _sha256_or_none(path))


def _verify_base_model(lineage: Lineage, verification: Verification) -> None:
    from training.base_model.fingerprint import model_fingerprint

    directory = Path(lineage.base_model_dir)
    actual = model_fingerprint(directory) if (directory / "config.json").is_file() else None
    verification.compare("base model", directory, lineage.base_fingerprint, actual)


def _verify_artifact(artifact_dir: Path, lineage: Lineage, verification: Verification) -> None:
    if not lineage.artifact_files:
        result = result_file(artifact_dir)
        if not result.is_file():
            verification.notes.append(
                "artifact files: not recorded (schema 1) and no result file beside the artifact"
            )
            return
        recorded = TrainResult.model_validate_json(result.read_text(encoding="utf-8"))
        verification.compare(
            "artifact", artifact_dir, recorded.content_hash, directory_sha256(artifact_dir)
        )
        return
    present = artifact_file_hashes(artifact_dir)
    for name, digest in lineage.artifact_files.items():
        verification.compare("artifact file", artifact_dir / name, digest, present.get(name))
    for name in sorted(set(present) - set(lineage.artifact_files)):
        verification.findings.append(
            Finding("artifact file", str(artifact_dir / name), "unexpected", "not in the lineage")
        )


def verify_lineage(artifact_dir: Path, lineage: Lineage) -> Verification:
    """Recompute the reachable hashes of `lineage` (read from `artifact_dir`)."""
    verification = Verification()
    _verify_landing(lineage, verification)
    _verify_splits(lineage, verification)
    _verify_base_model(lineage, verification)
    _verify_artifact(artifact_dir, lineage, verification)
    return verification
