"""Decontamination: held-out documents that repeat train text leave validation/test before export.

As in GPT-3's decontamination (Brown et al. 2020, appendix C), NeMo Curator's task
decontamination and datatrove's n-gram decontaminator, contaminated evaluation text is removed
rather than the run refused: every validation/test document whose word n-gram overlap with train
exceeds `LeakageConfig.max_overlap` (boilerplate n-grams ignored) takes its whole duplicate
cluster out of evaluation, either dropped (exported nowhere) or moved to train. Moving text into
train can make other held-out documents overlap it, so `train` repeats until nothing exceeds the
threshold. The result is a table with one row per moved document saying why; applying it to the
hash-assigned splits gives the splits that are exported, and the blocking leakage check of the
export then verifies them with the same measure.
"""

from __future__ import annotations

import polars as pl

from corpus.splits.assignment import ARMS
from corpus.splits.leakage import (
    DROP,
    LeakageConfig,
    boilerplate_ngram_hashes,
    measure_overlap,
    train_ngram_hashes,
)

DROPPED = "dropped_from_evaluation"
MOVED_TO_TRAIN = "moved_to_train"
DECONTAMINATION_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "cluster_id": pl.String(),
    "original_split": pl.String(),
    "overlap": pl.Float64(),
    "matched_ngrams": pl.Int64(),
    "counted_ngrams": pl.Int64(),
    "example_ngram": pl.String(),
    "arm": pl.String(),
    "action": pl.String(),
    "round": pl.Int64(),
    "reason": pl.String(),
}


def decontaminate(
    splits: pl.DataFrame,
    documents: dict[str, pl.DataFrame],
    config: LeakageConfig,
    include_duplicates: bool = False,
) -> pl.DataFrame:
    """The decontamination table (DECONTAMINATION_SCHEMA) for the exported documents of `splits`.

    Args:
        splits: doc_id, cluster_id, split, is_representative (the dataset_splits table).
        documents: per arm (neutral, original), doc_id and text of every document.
        config: n-gram size, threshold, boilerplate and action; nothing moves when
            `config.decontaminate` is false.
        include_duplicates: measure every document, not only one per cluster (as exported).
    """
    rows = [pl.DataFrame(schema=DECONTAMINATION_SCHEMA)]
    if not config.decontaminate:
        return rows[0]
    exported = splits if include_duplicates else splits.filter(pl.col("is_representative"))
    texts = {  # in doc_id order, as exported: one per cluster is the same document in the check
        arm: exported.select("doc_id", "cluster_id", "split")
        .join(documents[arm].select("doc_id", "text"), on="doc_id", how="inner")
        .sort("doc_id")
        for arm in ARMS
    }
    current = exported.select("doc_id", "cluster_id", "split")
    for round_number in range(1, current.height + 2):
        flagged = _contaminated(texts, current, config)
        if flagged.is_empty():
            break
        moved = _cluster_members(flagged, current.filter(pl.col("split") != "train"))
        rows.append(_decisions(moved, config, round_number))
        clusters = moved["cluster_id"].implode()
        if config.decontamination_action == DROP:
            break
        current = current.with_columns(
            split=pl.when(pl.col("cluster_id").is_in(clusters))
            .then(pl.lit("train"))
            .otherwise(pl.col("split"))
        )
        texts = {
            arm: frame.drop("split").join(current, on=["doc_id", "cluster_id"]).sort("doc_id")
            for arm, frame in texts.items()
        }
    return pl.concat(rows).sort("round", "original_split", "doc_id")


def apply_decontamination(splits: pl.DataFrame, decontamination: pl.DataFrame) -> pl.DataFrame:
    """`splits` with every cluster of the decontamination table dropped or moved to train."""
    actions = decontamination.select("cluster_id", "action").unique("cluster_id")
    return (
        splits.join(actions, on="cluster_id", how="left")
        .filter(pl.col("action").ne_missing(DROPPED))
        .with_columns(
            split=pl.when(pl.col("action") == MOVED_TO_TRAIN)
            .then(pl.lit("train"))
            .otherwise(pl.col("split"))
        )
        .drop("action")
    )


def _contaminated(
    texts: dict[str, pl.DataFrame], current: pl.DataFrame, config: LeakageConfig
) -> pl.DataFrame:
    """Held-out documents over the threshold in any arm, with the worst arm's measure."""
    found = []
    for arm, frame in texts.items():
        train = frame.filter(pl.col("split") == "train")
        held_out = frame.filter(pl.col("split") != "train")
        if held_out.is_empty():
            continue
        one_per_cluster = train.unique("cluster_id", keep="first", maintain_order=True)
        measure = measure_overlap(
            train_ngram_hashes(train["text"], config.ngram),
            held_out["text"],
            config.ngram,
            boilerplate_ngram_hashes(one_per_cluster["text"], config),
        )
        over = measure.exceeding(config.max_overlap)
        found.append(
            held_out.select("doc_id")
            .gather(over)
            .with_columns(
                overlap=pl.Series(measure.overlap[over], dtype=pl.Float64),
                matched_ngrams=pl.Series(measure.matched[over], dtype=pl.Int64),
                counted_ngrams=pl.Series(measure.counted[over], dtype=pl.Int64),
                example_ngram=pl.Series(measure.examples(held_out["text"], over), dtype=pl.String),
                arm=pl.lit(arm),
            )
        )
    if not found:
        return pl.DataFrame(schema={"doc_id": pl.String})
    worst_first = pl.concat(found).sort("overlap", "arm", descending=[True, False])
    return worst_first.unique("doc_id", keep="first")


def _cluster_members(flagged: pl.DataFrame, held_out: pl.DataFrame) -> pl.DataFrame:
    """Every held-out document in a cluster with a flagged document, with its own measure."""
    clusters = held_out.join(flagged.select("doc_id"), on="doc_id", how="semi")["cluster_id"]
    members = held_out.filter(pl.col("cluster_id").is_in(clusters.implode()))
    measured = members.join(flagged, on="doc_id", how="left")
    reasons = measured.filter(pl.col("overlap").is_not_null())
    culprit = reasons.sort(["overlap", "doc_id"], descending=[True, False]).unique(
        "cluster_id", keep="first"
    )
    return measured.join(
        culprit.select("cluster_id", culprit=pl.col("doc_id")), on="cluster_id", how="left"
    )


def _decisions(moved: pl.DataFrame, config: LeakageConfig, round_number: int) -> pl.DataFrame:
    """Table rows for the documents moved in one round, each with a sentence saying why."""
    dropping = config.decontamination_action == DROP
    action = DROPPED if dropping else MOVED_TO_TRAIN
    outcome = "dropped from evaluation" if dropping else "moved to train"
    boilerplate = (
        f"n-grams in more than {config.boilerplate_documents} train documents ignored"
        if config.boilerplate_documents is not None
        else "no n-gram ignored as boilerplate"
    )
    train = "train"
    if round_number > 1:
        train = f"train (with the documents moved there before round {round_number})"
    own = pl.format(
        "{} document shares {} of its {} counted {}-grams ({}%) with {} in the {} arm, over "
        "max_overlap {} ({}); its duplicate cluster is {}",
        pl.col("split"),
        pl.col("matched_ngrams"),
        pl.col("counted_ngrams"),
        pl.lit(config.ngram),
        (pl.col("overlap") * 100).round(1),
        pl.lit(train),
        pl.col("arm"),
        pl.lit(config.max_overlap),
        pl.lit(boilerplate),
        pl.lit(outcome),
    )
    follower = pl.format(
        "{} document in the duplicate cluster of contaminated document {}, which is {}",
        pl.col("split"),
        pl.col("culprit"),
        pl.lit(outcome),
    )
    reason = pl.when(pl.col("overlap").is_not_null()).then(own).otherwise(follower)
    return (
        moved.with_columns(
            original_split=pl.col("split"),
            action=pl.lit(action),
            round=pl.lit(round_number, dtype=pl.Int64),
            reason=reason,
        )
        .select(list(DECONTAMINATION_SCHEMA))
        .cast(DECONTAMINATION_SCHEMA)
    )


def moved_summary(decontamination: pl.DataFrame) -> dict[str, int]:
    """Documents moved per original split and action, e.g. {"test/dropped_from_evaluation": 3}."""
    counts = decontamination.group_by("original_split", "action").len().sort("original_split")
    return {f"{split}/{action}": int(n) for split, action, n in counts.iter_rows()}
