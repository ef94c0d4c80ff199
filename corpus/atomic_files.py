"""Atomic, optionally content-addressed file and directory writes (no dagster: the trainer uses it).

Everything is written under a hidden staging name in the target's own folder (same filesystem,
so the final `os.replace` is atomic), fsynced, then renamed into place: a reader sees either the
old version or the whole new one, never half of it. Staging names carry the writer's pid, so a
later writer removes the leftovers of a killed one (`remove_stale_staging`). Files and folders get
the mode a plain `open()` / `mkdir()` gives them (0666 / 0777 less the umask), not the private
0600 / 0700 of `mkstemp` / `mkdtemp`, so a trainer running as another user can read them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

STAGING_MARK = ".staging-"
RETIRED_MARK = ".retired"


def _staging_name(target: Path, mark: str = "") -> Path:
    """`.NAME[mark].staging-<pid>-<random>` beside `target`: hidden, and owned by this process."""
    suffix = f"{STAGING_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    return target.parent / f".{target.name}{mark}{suffix}"


def _fsync_directory(directory: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_tree(directory: Path) -> None:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
    _fsync_directory(directory)


@contextmanager
def atomic_file(path: Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """Open a staging file beside `path`; on success it is fsynced and renamed over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(path.parent)
    staging = _staging_name(path)
    try:
        with staging.open(mode, encoding=encoding) as handle:  # created 0666 less the umask
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staging, path)
        _fsync_directory(path.parent)
    finally:
        staging.unlink(missing_ok=True)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_file(path, "wb") as handle:
        handle.write(data)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


@contextmanager
def atomic_directory(target: Path, replace: bool = True) -> Iterator[Path]:
    """Yield an empty staging directory; on success it becomes `target` in one rename.

    With `replace=False` an existing `target` is kept (the content-addressed case: same name,
    same content) and the staging copy is discarded. With `replace=True` the old directory is
    moved aside first and removed after the new one is in place; should the writer die between
    the two renames, the next writer in that folder moves the old one back (`remove_stale_staging`).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target.parent)
    staging = _staging_name(target)
    staging.mkdir(mode=0o777)  # 0777 less the umask
    retired = _staging_name(target, RETIRED_MARK)
    try:
        yield staging
        _fsync_tree(staging)
        if target.exists():
            if not replace:
                return
            os.replace(target, retired)
        os.replace(staging, target)
        _fsync_directory(target.parent)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not target.exists():  # the new one did not make it: restore
            os.replace(retired, target)
        shutil.rmtree(retired, ignore_errors=True)


def publish_content_addressed(staging: Path, root: Path, version: str) -> Path:
    """Move a finished staging directory to `root/version` unless that version exists already."""
    target = root / version
    if not target.exists():
        _fsync_tree(staging)
        try:
            os.replace(staging, target)
        except OSError:
            if not target.is_dir():  # not a concurrent writer of the same version: a real error
                raise
        else:
            _fsync_directory(root)
            return target
    shutil.rmtree(staging, ignore_errors=True)
    return target


@contextmanager
def content_addressed_directory(root: Path) -> Iterator[Path]:
    """Yield a staging directory under `root` for a writer that names its result itself.

    The caller hashes what it wrote and calls `publish_content_addressed(staging, root, version)`;
    if it does not (or raises), the staging directory is removed.
    """
    root.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(root)
    staging = _staging_name(root / "content")
    staging.mkdir(mode=0o777)  # 0777 less the umask
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _writer_alive(name: str) -> bool:
    """Whether the pid embedded in a staging name is a live process on this machine."""
    try:
        pid = int(name.rsplit(STAGING_MARK, 1)[1].split("-", 1)[0])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_staging(directory: Path) -> list[Path]:
    """Delete staging files and folders in `directory` left by writers that no longer run.

    A retired directory whose writer died before moving the new version in is moved back to its
    name instead, so a kill between the two renames of `atomic_directory` loses nothing.
    """
    if not directory.is_dir():
        return []
    removed = []
    for path in directory.iterdir():
        if not path.name.startswith(".") or STAGING_MARK not in path.name:
            continue
        if _writer_alive(path.name):
            continue
        original, retired, _ = path.name[1:].rpartition(RETIRED_MARK + STAGING_MARK)
        if retired and not (directory / original).exists():
            os.replace(path, directory / original)
        elif path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def file_hashes(directory: Path, known: dict[str, str] | None = None) -> dict[str, str]:
    """{relative path: SHA-256} of every file under `directory`, in path order; hashes in
    `known` (by relative path) are taken as they are instead of reading those files again."""
    known = known or {}
    hashes = {}
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        relative = path.relative_to(directory).as_posix()
        hashes[relative] = known.get(relative) or file_sha256(path)
    return hashes


def directory_sha256(directory: Path, known: dict[str, str] | None = None) -> str:
    """SHA-256 over the relative paths and contents of every file under `directory`, sorted
    (`known`: file hashes already computed, see file_hashes)."""
    digest = hashlib.sha256()
    for relative, sha256 in file_hashes(directory, known).items():
        digest.update(relative.encode() + b"\0")
        digest.update(sha256.encode())
    return digest.hexdigest()
