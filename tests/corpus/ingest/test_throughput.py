"""Throughput as materialization metadata: what a stage read, per second."""

from __future__ import annotations

import time

import polars as pl

from corpus.ingest import Throughput, shard_megabytes, text_megabytes


def test_throughput_metadata_divides_what_was_read_by_the_time_taken():
    speed = Throughput(megabytes=50.0, documents=20_000, seconds=2.0)
    assert speed.metadata() == {
        "throughput_mb_per_s": 25.0,
        "throughput_docs_per_s": 10_000.0,
        "input_mb": 50.0,
        "seconds": 2.0,
    }
    assert Throughput.since(time.perf_counter(), 1.0, 1).seconds > 0


def test_a_file_shard_counts_its_file_and_a_dataset_spec_its_text(tmp_path):
    documents = pl.DataFrame({"text": ["héllo", "wörld!"]})  # 6 + 7 UTF-8 bytes
    assert text_megabytes(documents) == 13 / 1e6
    shard = tmp_path / "news.jsonl"
    shard.write_bytes(b"x" * 2_000)
    assert shard_megabytes(shard, documents) == 2_000 / 1e6
    spec = tmp_path / "wiki.dataset.yaml"
    spec.write_text("path: wikitext\n")
    assert shard_megabytes(spec, documents) == 13 / 1e6
    assert text_megabytes(pl.DataFrame({"text": []}, schema={"text": pl.String})) == 0
