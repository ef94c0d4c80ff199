"""Artifact store: directories of files (split exports, signature index, later model weights).

It only says where an artifact lives; the domain code writes it there with corpus.atomic_files
(atomic, umask-respecting, content-addressed where the content names the version).
"""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource


class LocalArtifactStore(ConfigurableResource):
    """Artifacts under a local root directory."""

    root: str

    def path(self, *parts: str) -> Path:
        return Path(self.root).joinpath(*parts)
