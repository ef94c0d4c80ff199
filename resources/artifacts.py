"""Artifact store: directories of files (split exports, signature index, later model weights)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dagster import ConfigurableResource


class LocalArtifactStore(ConfigurableResource):
    """Artifacts under a local root; each is written in a temp dir and renamed into place."""

    root: str

    def path(self, *parts: str) -> Path:
        return Path(self.root).joinpath(*parts)

    @contextmanager
    def write_directory(self, *parts: str) -> Iterator[Path]:
        """Yield an empty temp dir; on success it atomically replaces `root/parts`."""
        target = self.path(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.parent / f".{target.name}.tmp-{uuid.uuid4().hex[:8]}"
        staging.mkdir()
        try:
            yield staging
            retired = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
            if target.exists():
                os.replace(target, retired)
            os.replace(staging, target)
            shutil.rmtree(retired, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
