"""A trainer on another machine: fetch its inputs from the artifact mirror, publish its output.

Rank zero fetches; other ranks of a distributed run wait until the directories are in place
(each is renamed into place whole, so present means complete).
"""

from __future__ import annotations

import time
from pathlib import Path

from corpus.artifact_mirror import fetch_directory, publish_directory, publish_file
from training.spec import TrainSpec, result_file

WAIT_SECONDS = 1800  # a rank waits this long for rank zero's download before giving up


def fetch_inputs(spec: TrainSpec, rank_zero: bool) -> None:
    """Make the split export and the base model present at the spec's local paths."""
    if spec.remote is None:
        return
    wanted = {
        spec.split_directory: spec.remote.split_directory_url,
        Path(spec.base_model_dir): spec.remote.base_model_url,
    }
    if rank_zero:
        for directory, url in wanted.items():
            fetch_directory(url, directory, spec.remote.storage_options)
        return
    deadline = time.monotonic() + WAIT_SECONDS
    while not all(directory.is_dir() for directory in wanted):
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"rank zero did not fetch {sorted(map(str, wanted))} within {WAIT_SECONDS} s"
            )
        time.sleep(1)


def publish_output(spec: TrainSpec) -> None:
    """Publish the finished artifact, then its result file (whose presence says: done)."""
    if spec.remote is None:
        return
    options = spec.remote.storage_options
    publish_directory(Path(spec.output_dir), spec.remote.artifact_url, options)
    publish_file(result_file(Path(spec.output_dir)), spec.remote.result_url, options)
