"""Artifact stores: where artifact directories (split exports, signature index, base models,
fine-tuned models, reports) live, chosen by the preset's `storage:` section, never in asset code.

Domain code always writes into local directories with corpus.atomic_files (atomic, umask-respecting,
content-addressed where the content names the version). The mirrored store then publishes each
finished directory to an fsspec URL (s3://, gs://, ...) and fetches it back where a machine lacks
it, e.g. the pod that trains a model or a later run on a fresh disk (corpus/artifact_mirror.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dagster import ConfigurableResource

from corpus.artifact_mirror import (
    MirrorSettings,
    fetch_directory,
    fetch_file,
    publish_directory,
    publish_file,
    read_marker,
)
from training.spec import RemoteCopies, TrainSpec, result_file


class LocalArtifactStore(ConfigurableResource):
    """Artifacts under a local root directory, and nowhere else."""

    root: str

    def path(self, *parts: str) -> Path:
        return Path(self.root).joinpath(*parts)

    def publish(self, local: Path) -> str:
        """Make a finished file or directory durable; returns where it now lives."""
        return str(local)

    def retrieve(self, local: Path) -> bool:
        """Make a published directory present at `local`; False when it exists nowhere."""
        return local.exists()

    def with_remote_copies(self, spec: TrainSpec) -> TrainSpec:
        """The spec a trainer on another machine needs (where its inputs and output live)."""
        return spec


class MirroredArtifactStore(LocalArtifactStore):
    """Local working copies under `root`, durable copies under the fsspec URL `url`."""

    url: str
    storage_options: dict[str, Any] = {}

    def _settings(self) -> MirrorSettings:
        return MirrorSettings(url=self.url, storage_options=self.storage_options)

    def url_for(self, local: Path) -> str:
        """The mirror URL of a path under the local root (same relative layout)."""
        relative = Path(local).resolve().relative_to(Path(self.root).resolve())
        return self._settings().join(*relative.parts)

    def publish(self, local: Path) -> str:
        url = self.url_for(local)
        if local.is_dir():
            return publish_directory(local, url, self.storage_options)
        return publish_file(local, url, self.storage_options)

    def retrieve(self, local: Path) -> bool:
        if local.exists():
            return True
        url = self.url_for(local)
        if read_marker(url, self.storage_options) is not None:
            fetch_directory(url, local, self.storage_options)
            return True
        return fetch_file(url, local, self.storage_options)

    def with_remote_copies(self, spec: TrainSpec) -> TrainSpec:
        remote = RemoteCopies(
            split_directory_url=self.url_for(spec.split_directory),
            base_model_url=self.url_for(spec.base_model_dir),
            artifact_url=self.url_for(spec.output_dir),
            result_url=self.url_for(result_file(spec.output_dir)),
            storage_options=self.storage_options,
        )
        return spec.model_copy(update={"remote": remote})


def artifact_store(root: Path, mirror: MirrorSettings) -> LocalArtifactStore:
    """The store the preset asks for: local only, or mirrored to `storage.url`."""
    if not mirror.url:
        return LocalArtifactStore(root=str(root))
    return MirroredArtifactStore(
        root=str(root), url=mirror.url, storage_options=dict(mirror.storage_options)
    )
