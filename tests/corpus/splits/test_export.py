"""Versioned split exports: same data, same version; representatives only unless asked."""

from __future__ import annotations

import polars as pl

from corpus.splits import export_splits, held_out_texts, load_manifest, train_texts

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
