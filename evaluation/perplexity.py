"""Perplexity and bits per byte of each model on the neutral and the original test documents.

Bits per byte (total NLL in nats / (ln 2 x UTF-8 bytes)) compares models with different
tokenisers; perplexity (exp of the mean NLL per token) is the familiar number for one tokeniser.
Documents are scored with `evaluation.scoring` (windows of the model's context, every token once).
"""

from __future__ import annotations

import math
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from evaluation.bootstrap import bootstrap_ratio_ci
from evaluation.metric import (
    EvaluatedModel,
    EvaluationData,
    ItemScores,
    MetricResult,
    MetricValue,
    register,
)
from evaluation.metric_options import ConfiguredMetric
from evaluation.scoring import DEFAULT_MAX_BATCH_TOKENS, score_texts


class DocumentLoss(BaseModel):
    """One document's summed NLL and its sizes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str = Field(description="The test document.")
    nll: float = Field(description="Summed negative log-likelihood of its tokens, in nats.")
    tokens: int = Field(description="Tokens scored.")
    bytes: int = Field(description="UTF-8 bytes of its text.")

    @property
    def bits_per_byte(self) -> float:
        return self.nll / (math.log(2) * self.bytes)


def document_losses(
    model: EvaluatedModel,
    doc_ids: list[str],
    texts: list[str],
    max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
) -> list[DocumentLoss]:
    """Scored documents in input order; empty documents (no bytes, nothing to score) are left
    out and counted by the caller."""
    if len(doc_ids) != len(texts):
        raise ValueError(
            f"{len(doc_ids)} document ids for {len(texts)} texts: pass test_doc_ids in the "
            "order of test_texts[arm]"
        )
    kept = [(doc_id, text) for doc_id, text in zip(doc_ids, texts, strict=True) if text]
    scores = score_texts(
        model.model, model.tokenizer, [text for _, text in kept], max_batch_tokens=max_batch_tokens
    )
    return [
        DocumentLoss(
            doc_id=doc_id, nll=-score.log_prob, tokens=score.n_tokens, bytes=len(text.encode())
        )
        for (doc_id, text), score in zip(kept, scores, strict=True)
    ]


class PerplexityConfig(BaseModel):
    """How perplexity is measured."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    n_resamples: int = Field(
        1000, ge=1, description="Bootstrap resamples of the documents (Efron & Tibshirani 1993)."
    )
    max_batch_tokens: int = Field(
        DEFAULT_MAX_BATCH_TOKENS,
        ge=2,
        description="Padded tokens per forward pass: a memory knob, results do not depend on it "
        "beyond float rounding.",
    )


@register
class Perplexity(ConfiguredMetric):
    """Perplexity and bits per byte per test arm, with document-bootstrap 95% intervals."""

    name: ClassVar[str] = "perplexity"
    config_class = PerplexityConfig

    def evaluate(self, model: EvaluatedModel, data: EvaluationData) -> MetricResult:
        values: list[MetricValue] = []
        items: list[ItemScores] = []
        details: dict[str, dict[str, int | float]] = {}
        for arm, texts in data.test_texts.items():
            losses = document_losses(model, data.test_doc_ids, texts, self.config.max_batch_tokens)
            details[arm] = {"documents": len(losses), "empty_documents": len(texts) - len(losses)}
            if not losses:
                continue
            values += self._arm_values(arm, losses, data.seed)
            items.append(
                ItemScores(
                    metric=self.name,
                    key=f"bpb_{arm}",
                    item_ids=[loss.doc_id for loss in losses],
                    scores=[loss.bits_per_byte for loss in losses],
                )
            )
            details[arm] |= {
                "tokens": sum(loss.tokens for loss in losses),
                "bytes": sum(loss.bytes for loss in losses),
                "nll_nats": sum(loss.nll for loss in losses),
            }
        return MetricResult(metric=self.name, values=values, items=items, details=details)

    def _arm_values(self, arm: str, losses: list[DocumentLoss], seed: int) -> list[MetricValue]:
        """Corpus perplexity and bits per byte (ratios of sums) with document-bootstrap
        intervals, and the token and byte counts."""
        nlls = [loss.nll for loss in losses]
        tokens = [loss.tokens for loss in losses]
        sizes = [loss.bytes for loss in losses]
        resamples = self.config.n_resamples
        per_token_low, per_token_high = bootstrap_ratio_ci(nlls, tokens, resamples, seed)
        per_byte_low, per_byte_high = bootstrap_ratio_ci(nlls, sizes, resamples, seed)
        n, ln2 = len(losses), math.log(2)
        return [
            MetricValue(
                metric=self.name,
                key=f"ppl_{arm}",
                value=math.exp(sum(nlls) / sum(tokens)),
                low=math.exp(per_token_low),
                high=math.exp(per_token_high),
                n=n,
            ),
            MetricValue(
                metric=self.name,
                key=f"bpb_{arm}",
                value=sum(nlls) / (ln2 * sum(sizes)),
                low=per_byte_low / ln2,
                high=per_byte_high / ln2,
                n=n,
            ),
            MetricValue(metric=self.name, key=f"tokens_{arm}", value=sum(tokens), n=n),
            MetricValue(metric=self.name, key=f"bytes_{arm}", value=sum(sizes), n=n),
        ]
