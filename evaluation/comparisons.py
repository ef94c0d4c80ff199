"""Paired comparisons between evaluated models: neutral minus original arm, and model minus base.

Two models scored on the same items (documents, minimal pairs, prompt samples) are compared item
by item: their ItemScores are aligned by item id and `paired_bootstrap_difference` gives the mean
difference with a percentile 95% interval; it is marked significant when the interval excludes
0. The arm difference is the headline of the report: both arms trained the same way on the same
documents, so neutral minus original isolates the effect of the gender-neutral rewrite from the
effect of fine-tuning as such (the question of Bartl & Leavy 2024). No correction for multiple
comparisons is applied; the report says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, model_validator

from evaluation.bootstrap import paired_bootstrap_difference
from evaluation.metric import ItemScores, MetricResult, MetricValue

ARMS = ("neutral", "original")


class ModelResults(BaseModel):
    """Every metric result of one evaluated model, with where it sits in the comparison."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="'base' or '<strategy>/<arm>'.")
    strategy: str | None = Field(None, description="Fine-tuning strategy; None for the base.")
    arm: str | None = Field(None, description="'neutral' or 'original'; None for the base.")
    results: list[MetricResult] = Field(description="What each metric measured on this model.")

    @model_validator(mode="after")
    def _strategy_and_arm_together(self) -> ModelResults:
        if (self.strategy is None) != (self.arm is None):
            raise ValueError(
                f"model {self.name!r} has strategy={self.strategy!r} but arm={self.arm!r}: give "
                "both for a fine-tuned model, neither for the base (or use ModelResults.named)"
            )
        return self

    @classmethod
    def named(cls, name: str, results: list[MetricResult]) -> ModelResults:
        """From the evaluation name: 'base', or '<strategy>/<arm>'."""
        strategy, slash, arm = name.partition("/")
        if name == "base":
            return cls(name=name, results=results)
        if not slash or not strategy or not arm:
            raise ValueError(f"model name {name!r} is neither 'base' nor '<strategy>/<arm>'")
        return cls(name=name, strategy=strategy, arm=arm, results=results)

    @property
    def is_base(self) -> bool:
        return self.strategy is None

    def value(self, column: str) -> MetricValue | None:
        """The value of column 'metric/key', or None when this model lacks it."""
        metric, key = split_column(column)
        for result in self.results:
            for value in result.values if result.metric == metric else ():
                if value.key == key:
                    return value
        return None

    def has(self, column: str) -> bool:
        return self.value(column) is not None

    def item_scores(self, column: str) -> ItemScores | None:
        metric, key = split_column(column)
        for result in self.results:
            for items in result.items if result.metric == metric else ():
                if items.key == key:
                    return items
        return None


class Difference(BaseModel):
    """One paired comparison of a column between two models."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    column: str = Field(description="'metric/key' compared.")
    model: str = Field(description="The model whose scores are minuend (neutral arm, or a model).")
    reference: str = Field(description="The model subtracted (original arm, or the base).")
    strategy: str | None = Field(description="Strategy of `model`; None for the base.")
    difference: float = Field(description="Mean over shared items of model minus reference.")
    low: float = Field(description="Lower end of the paired bootstrap 95% interval.")
    high: float = Field(description="Upper end of the paired bootstrap 95% interval.")
    significant: bool = Field(description="True when the interval excludes 0.")
    n_items: int = Field(description="Items both models were scored on.")


def split_column(column: str) -> tuple[str, str]:
    """'metric/key' -> (metric, key); the key may itself hold no slash."""
    metric, slash, key = column.partition("/")
    if not slash or not metric or not key:
        raise ValueError(
            f"column {column!r} is not 'metric/key'; write e.g. 'perplexity/bpb_neutral'"
        )
    return metric, key


def ordered_models(models: Sequence[ModelResults]) -> list[ModelResults]:
    """The base first, then strategies in first-seen order, the neutral arm before original."""
    strategies = list(dict.fromkeys(model.strategy for model in models if not model.is_base))
    arm_rank = {arm: rank for rank, arm in enumerate(ARMS)}

    def rank(model: ModelResults) -> tuple[int, int, int, str]:
        if model.is_base:
            return (0, 0, 0, model.name)
        return (1, strategies.index(model.strategy), arm_rank.get(model.arm, len(ARMS)), model.name)

    return sorted(models, key=rank)


def compare(
    model: ModelResults,
    reference: ModelResults,
    column: str,
    n_resamples: int = 1000,
    seed: int = 0,
) -> Difference | None:
    """Paired difference model minus reference on `column`, None without shared item scores."""
    mine, theirs = model.item_scores(column), reference.item_scores(column)
    if mine is None or theirs is None:
        return None
    reference_scores = dict(zip(theirs.item_ids, theirs.scores, strict=True))
    shared = [
        (score, reference_scores[item_id])
        for item_id, score in zip(mine.item_ids, mine.scores, strict=True)
        if item_id in reference_scores
    ]
    if not shared:
        return None
    result = paired_bootstrap_difference(
        [a for a, _ in shared], [b for _, b in shared], n_resamples=n_resamples, seed=seed
    )
    return Difference(
        column=column,
        model=model.name,
        reference=reference.name,
        strategy=model.strategy,
        difference=result.difference,
        low=result.low,
        high=result.high,
        significant=result.significant,
        n_items=len(shared),
    )


def arm_differences(
    models: Sequence[ModelResults], columns: Sequence[str], n_resamples: int = 1000, seed: int = 0
) -> list[Difference]:
    """Neutral minus original for every strategy with both arms, on each column."""
    by_strategy: dict[str, dict[str, ModelResults]] = {}
    for model in ordered_models(models):
        if not model.is_base and model.arm is not None:
            by_strategy.setdefault(model.strategy, {})[model.arm] = model
    differences = []
    for arms in by_strategy.values():
        if set(ARMS) <= set(arms):
            for column in columns:
                found = compare(arms["neutral"], arms["original"], column, n_resamples, seed)
                differences += [found] if found else []
    return differences


def base_differences(
    models: Sequence[ModelResults], columns: Sequence[str], n_resamples: int = 1000, seed: int = 0
) -> list[Difference]:
    """Each fine-tuned model minus the base on each column (none without a base)."""
    bases = [model for model in models if model.is_base]
    if not bases:
        return []
    differences = []
    for model in ordered_models(models):
        if not model.is_base:
            for column in columns:
                found = compare(model, bases[0], column, n_resamples, seed)
                differences += [found] if found else []
    return differences
