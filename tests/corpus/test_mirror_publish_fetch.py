"""Publishing finished directories to an fsspec URL and fetching them back, verified."""

from __future__ import annotations

import uuid

import fsspec
import pytest
from pydantic import ValidationError

from corpus.artifact_mirror import (
    COMPLETE_MARKER,
    MirrorError,
    MirrorSettings,
    fetch_directory,
    fetch_file,
    publish_directory,
    read_marker,
)


@pytest.fixture
def artifact(tmp_path):
    directory = tmp_path / "local" / "v1"
    (directory / "nested").mkdir(parents=True)
    (directory / "manifest.json").write_text('{"version": "v1"}')
    (directory / "nested" / "train.parquet").write_bytes(bytes(range(256)) * 40)
    return directory


@pytest.fixture
def memory_url():
    url = f"memory://neutune-test-{uuid.uuid4().hex}"
    yield url
    fsspec.filesystem("memory").rm(url.removeprefix("memory://"), recursive=True)


def test_a_published_directory_comes_back_byte_for_byte(artifact, memory_url, tmp_path):
    url = publish_directory(artifact, f"{memory_url}/splits/v1")
    copy = fetch_directory(url, tmp_path / "elsewhere" / "v1")
    assert sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file()) == [
        "manifest.json",
        "nested/train.parquet",
    ]
    assert (copy / "nested" / "train.parquet").read_bytes() == bytes(range(256)) * 40


def test_publishing_the_same_directory_again_writes_nothing(artifact, memory_url):
    url = publish_directory(artifact, f"{memory_url}/v1")
    fs = fsspec.filesystem("memory")
    marker = f"{url.removeprefix('memory://')}/{COMPLETE_MARKER}"
    before = fs.info(marker)["created"]
    publish_directory(artifact, url)
    assert fs.info(marker)["created"] == before


def test_a_directory_without_its_marker_is_invisible(artifact, memory_url, tmp_path):
    """A publisher killed mid-upload leaves files but no marker: readers see nothing."""
    url = publish_directory(artifact, f"{memory_url}/v1")
    fsspec.filesystem("memory").rm(f"{url.removeprefix('memory://')}/{COMPLETE_MARKER}")
    assert read_marker(url) is None
    with pytest.raises(MirrorError, match="no complete published directory"):
        fetch_directory(url, tmp_path / "copy")
    assert not (tmp_path / "copy").exists()


def test_a_file_changed_in_the_mirror_fails_the_fetch_and_leaves_no_copy(
    artifact, memory_url, tmp_path
):
    url = publish_directory(artifact, f"{memory_url}/v1")
    fsspec.filesystem("memory").pipe_file(f"{url.removeprefix('memory://')}/manifest.json", b"{}")
    with pytest.raises(MirrorError, match="changed since it was published"):
        fetch_directory(url, tmp_path / "copy")
    assert not (tmp_path / "copy").exists()


def test_a_changed_local_directory_is_republished(artifact, memory_url, tmp_path):
    url = publish_directory(artifact, f"{memory_url}/v1")
    (artifact / "manifest.json").write_text('{"version": "v1", "edited": true}')
    publish_directory(artifact, url)
    copy = fetch_directory(url, tmp_path / "copy")
    assert "edited" in (copy / "manifest.json").read_text()


def test_file_urls_work_like_object_stores(artifact, tmp_path):
    url = publish_directory(artifact, (tmp_path / "mirror" / "v1").as_uri())
    assert (tmp_path / "mirror" / "v1" / COMPLETE_MARKER).is_file()
    assert fetch_directory(url, tmp_path / "copy").is_dir()
    assert fetch_file(f"{url}/manifest.json", tmp_path / "one.json")
    assert not fetch_file(f"{url}/absent.json", tmp_path / "absent.json")


def test_a_missing_backend_names_the_package_to_install(artifact):
    with pytest.raises(MirrorError, match="gcsfs"):
        publish_directory(artifact, "gs://bucket/neutune/v1")


@pytest.mark.parametrize("url", ["bucket/neutune", "s3:/bucket", "/srv/neutune"])
def test_a_storage_url_must_be_a_url(url):
    with pytest.raises(ValidationError, match="scheme://location"):
        MirrorSettings(url=url)


def test_an_empty_storage_url_keeps_artifacts_local():
    assert MirrorSettings().url == ""
    assert MirrorSettings(url="s3://bucket/neutune/").join("splits", "v1") == (
        "s3://bucket/neutune/splits/v1"
    )
