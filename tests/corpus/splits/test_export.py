"""Versioned split exports: same data, same version; representatives only unless asked; atomic."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import polars as pl

from corpus.splits import (
    ARMS,
    ORIGINAL_ARM,
    export_splits,
    held_out_texts,
    load_manifest,
    train_ngram_hashes,
    train_texts,
    verify_manifest,
)
from tests.conftest import PROJECT_ROOT

SPLITS = pl.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e"],
        "cluster_id": ["a", "a", "c", "d", "e"],
        "split": ["train", "train", "train", "validation", "test"],
        "is_representative": [True, False, True, True, True],
    }
)
NEUTRAL = pl.DataFrame(
    {"doc_id": list("abcde"), "shard": ["s"] * 5, "text": ["they ran", "they ran!", "x", "y", "z"]}
)
ORIGINAL = NEUTRAL.with_columns(pl.col("text").str.replace("they", "he"))


def test_exports_are_versioned_by_content_and_hold_representatives(tmp_path):
    first = export_splits(SPLITS, NEUTRAL, ORIGINAL, tmp_path)
    again = export_splits(SPLITS, NEUTRAL, ORIGINAL, tmp_path)
    assert first.version == again.version and first.directory == again.directory
    assert load_manifest(tmp_path / first.version) == first
    train = {(e.split, e.arm): e for e in first.exports}[("train", "original")]
    frame = pl.read_parquet(train.path)
    assert frame["doc_id"].to_list() == ["a", "c"]
    assert frame["text"].to_list() == ["he ran", "x"]
    assert [p.name for p in tmp_path.iterdir()] == [first.version]  # no staging left behind

    with_duplicates = export_splits(SPLITS, NEUTRAL, ORIGINAL, tmp_path, include_duplicates=True)
    assert with_duplicates.version != first.version
    assert with_duplicates.documents == 5


def test_train_and_held_out_texts():
    assert sorted(train_texts(SPLITS, NEUTRAL).to_list()) == ["they ran", "they ran!", "x"]
    held_out = held_out_texts(SPLITS, NEUTRAL)
    assert held_out.select("doc_id", "split").rows() == [("d", "validation"), ("e", "test")]


def test_manifest_lists_the_train_ngrams_and_every_hash_matches_its_file(tmp_path):
    manifest = export_splits(SPLITS, NEUTRAL, ORIGINAL, tmp_path, ngram=2)
    assert verify_manifest(manifest) == []
    assert {n.arm for n in manifest.train_ngrams} == set(ARMS)
    stored = manifest.ngrams(ORIGINAL_ARM)
    assert stored.ngram == 2 and stored.path.startswith(manifest.directory)
    train = manifest.export("train", ORIGINAL_ARM)
    expected = train_ngram_hashes(pl.read_parquet(train.path)["text"], 2)
    assert np.array_equal(stored.load(), expected) and stored.count == len(expected)
    assert export_splits(SPLITS, NEUTRAL, ORIGINAL, tmp_path, ngram=3).version != manifest.version
    Path(train.path).chmod(0o644)
    Path(train.path).write_bytes(b"changed")
    assert verify_manifest(manifest) == [f"{train.path}: sha256 differs from the manifest"]


def test_split_files_get_umask_modes(tmp_path):
    previous = os.umask(0o022)
    try:
        manifest = export_splits(SPLITS, NEUTRAL, ORIGINAL, tmp_path / "splits")
    finally:
        os.umask(previous)
    directory = Path(manifest.directory)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o755
    modes = {stat.S_IMODE(path.stat().st_mode) for path in directory.iterdir()}
    assert modes == {0o644}


def test_a_killed_export_leaves_no_staging_folder_after_the_next_export(tmp_path):
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "import corpus.splits.export as export\n"
        "from tests.corpus.splits.test_export import NEUTRAL, ORIGINAL, SPLITS\n"
        "write_table = export.pq.write_table\n"
        "def slow(*args, **kwargs):\n"
        "    write_table(*args, **kwargs)\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "export.pq.write_table = slow\n"
        "export.export_splits(SPLITS, NEUTRAL, ORIGINAL, Path(sys.argv[1]))\n"
    )
    exporter = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert exporter.stdout.readline().strip() == "writing"
    exporter.kill()  # SIGKILL: no finally block runs
    exporter.wait()
    exporter.stdout.close()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    manifest = export_splits(SPLITS, NEUTRAL, ORIGINAL, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [manifest.version]
