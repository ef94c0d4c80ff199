"""Durable copies of artifact directories at an fsspec URL (s3://, gs://, file://, memory://).

Work happens in local directories (atomic renames, memory maps, the trainer's checkpoints); a
finished directory is then published to the mirror and fetched back where another machine (a
Kubernetes pod, a later run on a fresh disk) needs it. Object stores have no atomic rename, so a
directory counts as published only once its completion marker exists: the marker is written last
and lists every file with its SHA-256, which fetching verifies. A half-uploaded directory (a killed
publisher) has no marker: it is invisible to readers and the next publish overwrites it.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpus.atomic_files import atomic_directory, atomic_file, file_hashes, file_sha256

COMPLETE_MARKER = "_NEUTUNE_COMPLETE.json"
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")


class MirrorError(RuntimeError):
    """The mirror cannot be reached or holds something other than what was published."""


class MirrorSettings(BaseModel):
    """Where durable copies go; empty url: artifacts stay in the local data root only."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str = Field(
        "",
        description="fsspec URL of the artifact mirror, e.g. s3://bucket/neutune or "
        "gs://bucket/neutune (needs s3fs / gcsfs installed); empty: local only.",
    )
    storage_options: dict[str, Any] = Field(
        default_factory=dict,
        description="Keyword arguments for the fsspec filesystem (credentials profile, endpoint "
        "URL, ...); prefer the environment's credentials over secrets in a preset.",
    )

    @field_validator("url")
    @classmethod
    def _url_shape(cls, url: str) -> str:
        url = url.rstrip("/")
        if url and not _URL.match(url):
            raise ValueError(
                f"{url!r} is not a URL: write scheme://location, e.g. s3://bucket/neutune or "
                "file:///srv/neutune (leave it empty to keep artifacts local only)"
            )
        return url

    def join(self, *parts: str) -> str:
        return posixpath.join(self.url, *parts)


def filesystem(url: str, storage_options: dict[str, Any] | None = None):
    """The fsspec filesystem for a URL, with a clear error when its backend is not installed."""
    import fsspec

    protocol = url.split("://", 1)[0]
    try:
        return fsspec.filesystem(protocol, **(storage_options or {}))
    except (ImportError, ValueError) as error:
        raise MirrorError(
            f"cannot open {url}: {error}. Install the fsspec backend for {protocol}:// "
            "(s3fs for s3://, gcsfs for gs://, adlfs for az://) in the image that runs neutune"
        ) from error


def _strip(url: str) -> str:
    return url.split("://", 1)[1] if "://" in url else url


def read_marker(url: str, storage_options: dict[str, Any] | None = None) -> dict[str, str] | None:
    """{relative path: sha256} of a published directory, None when it is not (fully) published."""
    fs = filesystem(url, storage_options)
    marker = posixpath.join(_strip(url), COMPLETE_MARKER)
    if not fs.exists(marker):
        return None
    return json.loads(fs.cat_file(marker))["files"]


def publish_directory(
    directory: Path, url: str, storage_options: dict[str, Any] | None = None
) -> str:
    """Copy a finished local directory to `url`, marker last; a no-op when already published."""
    files = file_hashes(directory)
    if read_marker(url, storage_options) == files:
        return url
    fs = filesystem(url, storage_options)
    root = _strip(url)
    marker = posixpath.join(root, COMPLETE_MARKER)
    if fs.exists(marker):
        fs.rm(marker)  # different content under the same name: unpublish before overwriting
    for relative in files:
        target = posixpath.join(root, relative)
        fs.makedirs(posixpath.dirname(target), exist_ok=True)
        fs.put_file(str(directory / relative), target)
    fs.pipe_file(marker, json.dumps({"files": files}, indent=1, sort_keys=True).encode())
    return url


def fetch_directory(url: str, directory: Path, storage_options: dict[str, Any] | None = None):
    """Download a published directory into `directory` (atomically), verifying every hash.

    Raises:
        MirrorError: nothing complete is published at `url`, or a file's bytes differ from the
            hash its publisher recorded.
    """
    files = read_marker(url, storage_options)
    if files is None:
        raise MirrorError(
            f"{url} holds no complete published directory (no {COMPLETE_MARKER}): publish it "
            "first, or check the mirror URL in the preset's storage section"
        )
    if directory.is_dir() and file_hashes(directory) == files:
        return directory
    fs = filesystem(url, storage_options)
    root = _strip(url)
    with atomic_directory(directory) as staging:
        for relative, expected in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            fs.get_file(posixpath.join(root, relative), str(target))
            if file_sha256(target) != expected:
                raise MirrorError(
                    f"{url}/{relative} changed since it was published (sha256 "
                    f"{file_sha256(target)[:12]} != {expected[:12]}): re-publish it"
                )
    return directory


def fetch_file(url: str, path: Path, storage_options: dict[str, Any] | None = None) -> bool:
    """Download one published file to `path` (atomically); False when there is none."""
    fs = filesystem(url, storage_options)
    if not fs.isfile(_strip(url)):
        return False
    with atomic_file(path) as handle:
        handle.write(fs.cat_file(_strip(url)))
    return True


def publish_file(path: Path, url: str, storage_options: dict[str, Any] | None = None) -> str:
    """Copy one finished file (a result JSON beside a directory), always overwriting."""
    fs = filesystem(url, storage_options)
    fs.makedirs(posixpath.dirname(_strip(url)), exist_ok=True)
    fs.put_file(str(path), _strip(url))
    return url
