"""Decontamination: contaminated held-out documents leave evaluation, boilerplate does not count,
and the export's blocking leakage check verifies what is left."""

from __future__ import annotations

import polars as pl
import pytest

from corpus.splits import (
    DROPPED,
    MOVED_TO_TRAIN,
    LeakageConfig,
    apply_decontamination,
    audit_export,
    boilerplate_ngram_hashes,
    decontaminate,
    export_splits,
    ngram_overlap,
)

NOTICE = (
    "This notice has to travel with every copy of the manual and with each translation that "
    "anybody makes of it, for whatever purpose."
)
TOPICS = ["kettle", "bicycle", "lantern", "compass", "violin", "garden", "ferry", "quilt"]
TOPICS += ["sextant", "loom", "kiln", "anvil", "glacier", "orchard"]


def _prose(topic: str) -> str:
    """A paragraph that names its topic every few words, so no 13 words repeat across topics."""
    return (
        f"The {topic} guide covers {topic} setup, {topic} tuning and {topic} repair. Every "
        f"{topic} owner should read the {topic} notes before changing any {topic} default, and "
        f"the {topic} index lists each {topic} part by {topic} name."
    )


def _corpus(rows: list[tuple[str, str, str]]) -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """(doc_id, split, text) rows -> dataset_splits-like frame and the documents of both arms.

    Every document is its own cluster; the original arm says "he" where the neutral one says
    "they", as rewriting would.
    """
    splits = pl.DataFrame(
        {
            "doc_id": [doc_id for doc_id, _, _ in rows],
            "cluster_id": [f"c-{doc_id}" for doc_id, _, _ in rows],
            "split": [split for _, split, _ in rows],
            "is_representative": [True] * len(rows),
        }
    )
    neutral = pl.DataFrame(
        {
            "doc_id": [doc_id for doc_id, _, _ in rows],
            "shard": "s",
            "text": [text for _, _, text in rows],
        }
    )
    original = neutral.with_columns(pl.col("text").str.replace_all(r"\bthey\b", "he"))
    return splits, {"neutral": neutral, "original": original}


def _licensed_corpus() -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """12 train manuals and one held-out manual, all opening with the same notice."""
    train = [(f"t{n}", "train", f"{NOTICE} {_prose(TOPICS[n])}") for n in range(12)]
    held_out = [("v", "validation", f"{NOTICE} {_prose('harbour')}")]
    return _corpus(train + held_out)


def test_boilerplate_shared_by_many_train_documents_is_ignored():
    splits, documents = _licensed_corpus()
    assert decontaminate(splits, documents, LeakageConfig()).is_empty()

    train = documents["neutral"].filter(pl.col("doc_id") != "v")["text"]
    held_out = documents["neutral"].filter(pl.col("doc_id") == "v").with_columns(split=pl.lit("v"))
    assert ngram_overlap(train, held_out).passed

    # 12 train documents carry the notice: boilerplate only above 12 (or never)
    for config in (
        LeakageConfig(boilerplate_documents=12),
        LeakageConfig(boilerplate_documents=None),
    ):
        table = decontaminate(splits, documents, config)
        assert table["doc_id"].to_list() == ["v"]
        assert table["example_ngram"][0].startswith("this notice has to travel with every copy")
        assert not ngram_overlap(train, held_out, config).passed


def test_boilerplate_counts_documents_not_repeats():
    config = LeakageConfig(boilerplate_documents=2)
    repeated = pl.Series([" ".join([NOTICE] * 5), _prose("kiln"), _prose("loom")])
    assert len(boilerplate_ngram_hashes(repeated, config)) == 0  # one document, however often
    shared = pl.Series([f"{NOTICE} {_prose(topic)}" for topic in TOPICS[:3]])
    # the notice's 11 13-grams, and the one that runs on into the shared "The" of every prose
    assert len(boilerplate_ngram_hashes(shared, config)) == len(NOTICE.split()) - 12 + 1
    assert len(boilerplate_ngram_hashes(shared, LeakageConfig(boilerplate_documents=3))) == 0


def test_threshold_compares_the_share_of_counted_ngrams():
    copied = _prose("kettle")  # 35 words: 23 13-grams, all in train
    rows = [
        ("t1", "train", copied),
        ("t2", "train", _prose("violin")),
        ("v", "validation", f"{_prose('harbour')} {copied}"),
        ("w", "test", _prose("ferry")),
    ]
    splits, documents = _corpus(rows)
    table = decontaminate(splits, documents, LeakageConfig())
    (row,) = table.to_dicts()
    assert row["doc_id"] == "v" and row["original_split"] == "validation"
    assert row["matched_ngrams"] == 23 and row["counted_ngrams"] == 70 - 12
    assert row["overlap"] == pytest.approx(23 / 58)
    assert (
        row["example_ngram"]
        == "the kettle guide covers kettle setup kettle tuning and kettle repair every kettle"
    )
    assert row["action"] == DROPPED and "dropped from evaluation" in row["reason"]
    assert "23 of its 58 counted 13-grams" in row["reason"]

    assert decontaminate(splits, documents, LeakageConfig(max_overlap=0.39)).height == 1
    assert decontaminate(splits, documents, LeakageConfig(max_overlap=0.4)).is_empty()


def _chain() -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """a copies train; b copies only a: b is contaminated once a has joined train."""
    rows = [
        ("t1", "train", _prose("kettle")),
        ("t2", "train", _prose("violin")),
        ("a", "validation", f"{_prose('compass')} {_prose('kettle')}"),
        ("b", "test", f"{_prose('compass')} {_prose('lantern')}"),
        ("c", "test", _prose("ferry")),
    ]
    return _corpus(rows)


def test_drop_takes_contaminated_documents_out_of_evaluation():
    splits, documents = _chain()
    table = decontaminate(splits, documents, LeakageConfig())
    assert table.select("doc_id", "action", "round").rows() == [("a", DROPPED, 1)]
    applied = apply_decontamination(splits, table)
    assert dict(applied.select("doc_id", "split").iter_rows()) == {
        "t1": "train",
        "t2": "train",
        "b": "test",
        "c": "test",
    }
    assert applied.columns == splits.columns


def test_moving_to_train_repeats_until_nothing_held_out_overlaps():
    splits, documents = _chain()
    config = LeakageConfig(decontamination_action="train")
    table = decontaminate(splits, documents, config)
    assert table.select("doc_id", "original_split", "action", "round").rows() == [
        ("a", "validation", MOVED_TO_TRAIN, 1),
        ("b", "test", MOVED_TO_TRAIN, 2),
    ]
    assert "moved there before round 2" in table["reason"][1]
    applied = apply_decontamination(splits, table)
    assert applied.filter(pl.col("split") != "train")["doc_id"].to_list() == ["c"]


def test_a_contaminated_documents_duplicate_cluster_moves_with_it():
    splits, documents = _chain()
    splits = splits.with_columns(  # c is an (unmeasured-as-leaking) duplicate of a
        cluster_id=pl.when(pl.col("doc_id") == "c").then(pl.lit("c-a")).otherwise("cluster_id"),
        split=pl.when(pl.col("doc_id") == "c").then(pl.lit("validation")).otherwise("split"),
    )
    table = decontaminate(splits, documents, LeakageConfig(), include_duplicates=True)
    follower = table.filter(pl.col("doc_id") == "c").to_dicts()[0]
    assert follower["overlap"] is None
    assert "duplicate cluster of contaminated document a" in follower["reason"]
    assert apply_decontamination(splits, table)["doc_id"].to_list() == ["t1", "t2", "b"]


def test_the_export_check_fails_when_decontamination_is_off_and_passes_after_it(tmp_path):
    splits, documents = _chain()
    off = LeakageConfig(decontaminate=False)
    untouched = decontaminate(splits, documents, off)
    assert untouched.is_empty()
    leaky = export_splits(
        apply_decontamination(splits, untouched),
        documents["neutral"],
        documents["original"],
        tmp_path,
    )
    report = audit_export(leaky, off)["eval_ngram_overlap_with_train"]
    assert not report.passed and {o["doc_id"] for o in report.offenders} == {"a"}

    config = LeakageConfig()
    table = decontaminate(splits, documents, config)
    clean = export_splits(
        apply_decontamination(splits, table), documents["neutral"], documents["original"], tmp_path
    )
    assert all(report.passed for report in audit_export(clean, config).values())
    assert clean.export("validation", "neutral").rows == 0


@pytest.mark.parametrize("action", ["drop", "train"])
def test_rerunning_decontamination_changes_nothing(tmp_path, action):
    splits, documents = _chain()
    config = LeakageConfig(decontamination_action=action)
    first = decontaminate(splits, documents, config)
    assert decontaminate(splits, documents, config).equals(first)
    applied = apply_decontamination(splits, first)
    assert decontaminate(applied, documents, config).is_empty()  # nothing left to move
    versions = {
        export_splits(
            apply_decontamination(splits, decontaminate(splits, documents, config)),
            documents["neutral"],
            documents["original"],
            tmp_path,
        ).version
        for _ in range(2)
    }
    assert len(versions) == 1
