"""Neutral preference: how often a model gives a sentence's neutral rewrite the higher probability.

Minimal pairs (`evaluation.pairs`) hold each edited test sentence as written and as rewritten. A
pair counts as preferring the neutral version when its summed token log-probability is strictly
higher, and separately when its log-probability per token is (rewrites change the token count:
"chairman" -> "chairperson"). Shares are reported overall and per kind (catalogue nouns,
pronouns, and sentences with both), each with a pair-bootstrap 95% interval; the per-pair 1/0
preferences and log-probability margins are the item scores for paired comparisons.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from evaluation.bootstrap import bootstrap_ci
from evaluation.metric import (
    EvaluatedModel,
    EvaluationData,
    ItemScores,
    MetricResult,
    MetricValue,
    register,
)
from evaluation.metric_options import ConfiguredMetric
from evaluation.pairs import MinimalPair
from evaluation.scoring import DEFAULT_MAX_BATCH_TOKENS, score_texts

KINDS = ("noun", "pronoun", "mixed")


def pair_scores(
    model: EvaluatedModel,
    pairs: list[MinimalPair],
    max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
) -> dict[str, list[float]]:
    """Per pair: 1/0 neutral preferred (summed and per token) and the margins in nats
    (neutral minus gendered; summed and per token)."""
    texts = [text for pair in pairs for text in (pair.gendered, pair.neutral)]
    scores = score_texts(model.model, model.tokenizer, texts, max_batch_tokens=max_batch_tokens)
    columns: dict[str, list[float]] = {
        "neutral_preference": [],
        "neutral_preference_per_token": [],
        "neutral_margin": [],
        "neutral_margin_per_token": [],
    }
    for gendered, neutral in zip(scores[::2], scores[1::2], strict=True):
        margin = neutral.log_prob - gendered.log_prob
        per_token = neutral.log_prob / max(neutral.n_tokens, 1) - gendered.log_prob / max(
            gendered.n_tokens, 1
        )
        columns["neutral_preference"].append(float(margin > 0))
        columns["neutral_preference_per_token"].append(float(per_token > 0))
        columns["neutral_margin"].append(margin)
        columns["neutral_margin_per_token"].append(per_token)
    return columns


class NeutralPreferenceConfig(BaseModel):
    """How neutral preference is measured."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    n_resamples: int = Field(
        1000, ge=1, description="Bootstrap resamples of the pairs (Efron & Tibshirani 1993)."
    )
    max_batch_tokens: int = Field(
        DEFAULT_MAX_BATCH_TOKENS, ge=2, description="Padded tokens per forward pass (memory)."
    )


@register
class NeutralPreference(ConfiguredMetric):
    """Share of minimal pairs whose neutral sentence the model prefers."""

    name: ClassVar[str] = "neutral_preference"
    config_class = NeutralPreferenceConfig

    def evaluate(self, model: EvaluatedModel, data: EvaluationData) -> MetricResult:
        pairs = data.minimal_pairs
        counts = {kind: sum(pair.kind == kind for pair in pairs) for kind in KINDS}
        if not pairs:
            return MetricResult(
                metric=self.name, values=[], items=[], details={"pairs": 0, "by_kind": counts}
            )
        columns = pair_scores(model, pairs, self.config.max_batch_tokens)
        values: list[MetricValue] = []
        items: list[ItemScores] = []
        resamples = self.config.n_resamples
        groups = {"": list(range(len(pairs)))} | {
            f"_{kind}": [i for i, pair in enumerate(pairs) if pair.kind == kind] for kind in KINDS
        }
        for suffix, indices in groups.items():
            if not indices:
                continue
            for column, scores in columns.items():
                key = f"{column}{suffix}"
                chosen = [scores[i] for i in indices]
                low, high = bootstrap_ci(chosen, n_resamples=resamples, seed=data.seed)
                values.append(
                    MetricValue(
                        metric=self.name,
                        key=key,
                        value=sum(chosen) / len(chosen),
                        low=low,
                        high=high,
                        n=len(chosen),
                    )
                )
                items.append(
                    ItemScores(
                        metric=self.name,
                        key=key,
                        item_ids=[pairs[i].pair_id for i in indices],
                        scores=chosen,
                    )
                )
        return MetricResult(
            metric=self.name,
            values=values,
            items=items,
            details={"pairs": len(pairs), "by_kind": counts},
        )
