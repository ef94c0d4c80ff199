"""Splits: fraction validation, stability, no straddling clusters, paired arms, stable exports."""

from __future__ import annotations

import polars as pl
import pyarrow.parquet as pq
import pytest
from pydantic import ValidationError

from corpus.splits import (
    SPLIT_SCHEMA,
    SplitConfig,
    assign_splits,
    build_split_frames,
    write_split_exports,
)


def _clusters(count: int, per_cluster: int = 3, start: int = 0) -> pl.DataFrame:
    doc_ids = [f"{i:032x}" for i in range(start, start + count)]
    return pl.DataFrame(
        {
            "doc_id": doc_ids,
            "cluster_id": [
                f"{(i // per_cluster) * per_cluster:032x}" for i in range(start, start + count)
            ],
            "is_representative": [i % per_cluster == 0 for i in range(start, start + count)],
        }
    )


def _arm(splits: pl.DataFrame, prefix: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": splits["doc_id"],
            "shard": "shard-a",
            "text": [f"{prefix} text number {i}" for i in range(splits.height)],
        }
    )


@pytest.mark.parametrize(
    ("fractions", "message"),
    [
        ({"train": 0.8, "validation": 0.1, "test": 0.05}, r"sum to 1.*= 0\.95"),
        ({"train": 1.2, "validation": -0.1, "test": -0.1}, "greater than or equal to 0"),
    ],
)
def test_fractions_are_validated(fractions, message):
    with pytest.raises(ValidationError, match=message):
        SplitConfig(**fractions)
    assert SplitConfig(train=1.0, validation=0.0, test=0.0).train == 1.0


def test_fractions_are_respected_and_output_has_the_split_schema():
    splits = assign_splits(_clusters(30_000, per_cluster=1))
    assert splits.schema == pl.Schema(SPLIT_SCHEMA)
    shares = splits["split"].value_counts(normalize=True)
    share = dict(zip(shares["split"], shares["proportion"], strict=True))
    assert share["train"] == pytest.approx(0.90, abs=0.01)
    assert share["validation"] == pytest.approx(0.05, abs=0.005)
    assert share["test"] == pytest.approx(0.05, abs=0.005)
    everything_in_train = assign_splits(_clusters(100), SplitConfig(train=1, validation=0, test=0))
    assert set(everything_in_train["split"]) == {"train"}


def test_a_cluster_never_straddles_splits():
    splits = assign_splits(_clusters(3_000, per_cluster=7))
    assert splits.group_by("cluster_id").agg(pl.col("split").n_unique())["split"].max() == 1


def test_adding_documents_never_moves_an_existing_one():
    before = assign_splits(_clusters(2_000))
    after = assign_splits(pl.concat([_clusters(500, start=5_000), _clusters(2_000)]))
    joined = before.join(after, on="doc_id", suffix="_after")
    assert joined.height == before.height
    assert (joined["split"] == joined["split_after"]).all()
    reshuffled = assign_splits(_clusters(2_000), SplitConfig(salt="another"))
    assert not reshuffled["split"].equals(before["split"])


def test_both_arms_hold_the_same_doc_ids_sorted():
    splits = assign_splits(_clusters(600).sample(fraction=1.0, shuffle=True, seed=1))
    neutral, original = _arm(splits, "neutral"), _arm(splits, "original")
    frames = build_split_frames(
        splits, neutral, original.sample(fraction=1.0, shuffle=True, seed=2)
    )
    assert set(frames) == {
        (s, a) for s in ("train", "validation", "test") for a in ("neutral", "original")
    }
    for split in ("train", "validation", "test"):
        left, right = frames[(split, "neutral")], frames[(split, "original")]
        assert left.columns == ["doc_id", "cluster_id", "shard", "text"]
        assert left["doc_id"].to_list() == right["doc_id"].to_list() == sorted(left["doc_id"])
        assert left["doc_id"].to_list() == sorted(splits.filter(pl.col("split") == split)["doc_id"])
        assert right["text"].str.starts_with("original").all()
    with pytest.raises(ValueError, match="missing from the original arm"):
        build_split_frames(splits, neutral, original.head(10))


def test_exports_are_atomic_and_byte_stable(tmp_path):
    splits = assign_splits(_clusters(900))
    frames = build_split_frames(splits, _arm(splits, "neutral"), _arm(splits, "original"))
    first = write_split_exports(frames, tmp_path / "a")
    second = write_split_exports(frames, tmp_path / "b")
    assert [export.sha256 for export in first] == [export.sha256 for export in second]
    assert len({export.sha256 for export in first}) == 6
    assert [(e.split, e.arm) for e in first][:2] == [("train", "neutral"), ("train", "original")]
    train = first[0]
    assert train.rows == frames[("train", "neutral")].height
    assert train.approx_tokens == round(4 * train.rows * 1.3)
    assert pl.read_parquet(train.path).equals(frames[("train", "neutral")])
    assert pq.ParquetFile(train.path).metadata.num_rows == train.rows
    assert not [p for p in (tmp_path / "a").iterdir() if p.name.startswith(".")]
    rewritten = write_split_exports(frames, tmp_path / "a")
    assert rewritten == first
