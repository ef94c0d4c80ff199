"""The shared atomic writer: all or nothing, umask modes, no leftovers of killed writers."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from corpus.atomic_files import (
    RETIRED_MARK,
    STAGING_MARK,
    atomic_directory,
    atomic_file,
    content_addressed_directory,
    directory_sha256,
    file_sha256,
    publish_content_addressed,
    remove_stale_staging,
    write_text_atomic,
)
from tests.conftest import PROJECT_ROOT


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _names(directory) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_failed_file_write_leaves_the_old_content_and_no_staging_file(tmp_path):
    target = tmp_path / "notes.txt"
    write_text_atomic(target, "old")
    with pytest.raises(RuntimeError), atomic_file(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("the writer fails mid-way")
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["notes.txt"]
    write_text_atomic(target, "new")
    assert target.read_text() == "new"


def test_a_failed_directory_write_leaves_the_old_directory(tmp_path):
    target = tmp_path / "index"
    with atomic_directory(target) as staging:
        (staging / "a").write_text("old")
    with pytest.raises(RuntimeError), atomic_directory(target) as staging:
        (staging / "a").write_text("new")
        raise RuntimeError("the writer fails mid-way")
    assert (target / "a").read_text() == "old"
    with atomic_directory(target) as staging:
        (staging / "b").write_text("new")
    assert _names(target) == ["b"]  # replaced whole, not merged
    with atomic_directory(target, replace=False) as staging:
        (staging / "c").write_text("ignored")
    assert _names(target) == ["b"]
    assert _names(tmp_path) == ["index"]


def test_files_and_directories_get_umask_modes_not_private_ones(tmp_path, umask_022):
    write_text_atomic(tmp_path / "file.txt", "x")
    with atomic_directory(tmp_path / "dir") as staging:
        (staging / "inner.txt").write_text("x")
    with content_addressed_directory(tmp_path / "store") as staging:
        (staging / "inner.txt").write_text("x")
        version = publish_content_addressed(staging, tmp_path / "store", "v1")
    assert _mode(tmp_path / "file.txt") == 0o644
    assert _mode(tmp_path / "dir") == 0o755
    assert _mode(tmp_path / "dir" / "inner.txt") == 0o644
    assert _mode(version) == 0o755
    assert _mode(version / "inner.txt") == 0o644


def test_staging_left_by_a_dead_writer_is_removed_by_the_next_write(tmp_path):
    dead = _dead_pid()
    stale_dir = tmp_path / f".export{STAGING_MARK}{dead}-0000abcd"
    stale_dir.mkdir()
    (stale_dir / "train.parquet").write_bytes(b"half")
    stale_file = tmp_path / f".notes.txt{STAGING_MARK}{dead}-0000abcd"
    stale_file.write_text("half")
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        in_progress = tmp_path / f".other{STAGING_MARK}{running.pid}-0000abcd"
        in_progress.mkdir()
        write_text_atomic(tmp_path / "notes.txt", "new")
        assert _names(tmp_path) == sorted(["notes.txt", in_progress.name])  # live writer kept
    finally:
        running.kill()
        running.wait()


def test_an_old_directory_moved_aside_by_a_dead_writer_is_restored(tmp_path):
    retired = tmp_path / f".index{RETIRED_MARK}{STAGING_MARK}{_dead_pid()}-0000abcd"
    retired.mkdir()
    (retired / "manifest.json").write_text("{}")
    assert remove_stale_staging(tmp_path) == [retired]
    assert _names(tmp_path) == ["index"]
    assert (tmp_path / "index" / "manifest.json").read_text() == "{}"


def test_a_writer_killed_with_sigkill_leaves_nothing_after_the_next_write(tmp_path):
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from corpus.atomic_files import content_addressed_directory\n"
        "with content_addressed_directory(Path(sys.argv[1])) as staging:\n"
        "    (staging / 'train.parquet').write_bytes(b'x' * 1000)\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline().strip() == "writing"
    writer.kill()
    writer.wait()
    writer.stdout.close()
    assert len([p for p in tmp_path.iterdir() if p.name.startswith(".")]) == 1
    with content_addressed_directory(tmp_path) as staging:
        (staging / "train.parquet").write_bytes(b"y")
        publish_content_addressed(staging, tmp_path, "v1")
    assert _names(tmp_path) == ["v1"]


def test_content_addressed_publish_keeps_an_existing_version(tmp_path):
    with content_addressed_directory(tmp_path) as staging:
        (staging / "data").write_text("first")
        first = publish_content_addressed(staging, tmp_path, "v1")
    digest = directory_sha256(first)
    with content_addressed_directory(tmp_path) as staging:
        (staging / "data").write_text("second")
        again = publish_content_addressed(staging, tmp_path, "v1")
    assert again == first and (first / "data").read_text() == "first"
    assert directory_sha256(first) == digest
    assert _names(tmp_path) == ["v1"]


def test_digests_cover_names_and_contents(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x").write_text("same")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "y").write_text("same")
    assert file_sha256(tmp_path / "a" / "x") == file_sha256(tmp_path / "b" / "y")
    assert directory_sha256(tmp_path / "a") != directory_sha256(tmp_path / "b")
