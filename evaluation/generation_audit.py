"""Generation audit: gendered words in sampled continuations of fixed occupation prompts.

Each prompt (evaluation/data/generation_prompts.txt, neutral wording) is continued
`samples_per_prompt` times by nucleus sampling (Holtzman et al. 2020); only the new tokens are
decoded. Reported: gender-exclusive catalogue terms and gendered pronouns per 1,000 generated
words, and the share of generations holding any, each with a bootstrap 95% CI over generations,
in the spirit of the regard/occupation probes of Sheng et al. (2019).

Seeding: the sampler is seeded per prompt from (seed, prompt text), inside a forked torch RNG, so
a prompt's generations do not depend on which prompts ran before it, and the caller's RNG state
is left as it was. Item ids are '<prompt id>/sample-<k>', so two models audited on the same
prompts are compared generation by generation (paired bootstrap in the report).

The pooled rates' intervals resample generations with their word counts (a ratio bootstrap).
Item scores, for paired comparisons in the report: generation i scores 1000 * count_i /
mean_words, where mean_words is the model's mean words per generation; their mean is then
exactly the pooled rate 1000 * sum(count) / sum(words), and a paired difference of two models'
means is the difference of their rates. A paired bootstrap over these treats mean_words as fixed,
which is close when max_new_tokens bounds every generation (most generations run to the limit).
"""

from __future__ import annotations

import zlib
from collections import Counter
from typing import Any, ClassVar

import numpy as np
import torch
from pydantic import BaseModel, ConfigDict, Field

from evaluation.bootstrap import bootstrap_ci, bootstrap_ratio_ci
from evaluation.gendered_words import GenderedWordCounter, GenderedWordCounts
from evaluation.metric import (
    EvaluatedModel,
    EvaluationData,
    ItemScores,
    MetricResult,
    MetricValue,
    register,
)
from evaluation.metric_options import ConfiguredMetric
from evaluation.prompts import prompt_id

EXAMPLES_IN_DETAILS = 5  # prompts whose first generation is shown in the details
RATE_KEYS = {  # value key -> GenderedWordCounts total it counts
    "catalogue_terms_per_1k_words": "catalogue_total",
    "pronouns_per_1k_words": "pronoun_total",
}
SHARE_KEYS = ("share_with_catalogue_term", "share_with_pronoun", "share_with_any")


class GenerationAuditConfig(BaseModel):
    """How the audit samples its generations."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    samples_per_prompt: int = Field(
        5, ge=1, le=1000, description="Generations per prompt; 5 x ~40 prompts = ~200 texts."
    )
    max_new_tokens: int = Field(
        32, ge=1, le=2048, description="New tokens per generation (about one sentence)."
    )
    temperature: float = Field(
        1.0, gt=0.0, description="Softmax temperature; 1.0 samples the model's own distribution."
    )
    top_p: float = Field(
        0.95,
        gt=0.0,
        le=1.0,
        description="Nucleus sampling mass (Holtzman et al. 2020 use 0.95 for open generation).",
    )
    seed: int | None = Field(
        None, ge=0, description="Sampling seed; None uses the evaluation's seed (EvaluationData)."
    )
    n_resamples: int = Field(1000, ge=100, description="Bootstrap resamples for the 95% CIs.")


def prompt_seed(seed: int, prompt: str) -> int:
    """The sampler seed of one prompt: depends on the prompt's text, never on its position."""
    return (seed * 1_000_003 + zlib.crc32(prompt.encode("utf-8"))) % 2**63


def sample_continuations(
    model: torch.nn.Module,
    tokenizer: Any,
    prompt: str,
    config: GenerationAuditConfig,
    seed: int,
    device: str,
) -> list[str]:
    """`config.samples_per_prompt` sampled continuations of `prompt`, new tokens only.

    Works with plain causal LMs and peft models (prompt/prefix tuning included): both take
    `generate(input_ids=, attention_mask=)` and return the prompt ids followed by the new ones.
    """
    encoded = tokenizer(prompt, return_tensors="pt")
    input_ids = encoded["input_ids"].to(device).repeat(config.samples_per_prompt, 1)  # (N, T)
    attention_mask = encoded["attention_mask"].to(device).repeat(config.samples_per_prompt, 1)
    pad_token_id = tokenizer.pad_token_id
    if pad_token_id is None:
        pad_token_id = tokenizer.eos_token_id
    torch_device = torch.device(device)
    cuda_devices = [torch_device.index or 0] if torch_device.type == "cuda" else []
    with torch.random.fork_rng(devices=cuda_devices), torch.no_grad():
        torch.manual_seed(seed)
        sequences = model.generate(
            input_ids=input_ids,
            attention_mask=attention_mask,
            do_sample=True,
            temperature=config.temperature,
            top_p=config.top_p,
            top_k=0,  # nucleus sampling only: no top-k cut on top of top_p
            max_new_tokens=config.max_new_tokens,
            pad_token_id=pad_token_id,
        )  # (N, T + new)
    new_tokens = sequences[:, input_ids.shape[1] :]
    return tokenizer.batch_decode(new_tokens, skip_special_tokens=True)


def _share(key: str, scores: list[float], config: GenerationAuditConfig, seed: int) -> MetricValue:
    low, high = bootstrap_ci(scores, n_resamples=config.n_resamples, seed=seed)
    return MetricValue(
        metric=GenerationAudit.name,
        key=key,
        value=float(np.mean(scores)),
        low=low,
        high=high,
        n=len(scores),
    )


def _rate(
    key: str, counts: list[int], words: list[int], config: GenerationAuditConfig, seed: int
) -> MetricValue:
    """Pooled rate 1000 * sum(counts) / sum(words), generations resampled with their words;
    0 without an interval when nothing was generated."""
    if not sum(words):
        return MetricValue(metric=GenerationAudit.name, key=key, value=0.0, n=len(counts))
    low, high = bootstrap_ratio_ci(counts, words, config.n_resamples, seed)
    return MetricValue(
        metric=GenerationAudit.name,
        key=key,
        value=1000.0 * sum(counts) / sum(words),
        low=1000.0 * low,
        high=1000.0 * high,
        n=len(counts),
    )


def audit_scores(counts: list[GenderedWordCounts]) -> dict[str, list[float]]:
    """Per-generation item scores for each value key (see the module docstring)."""
    total_words = sum(count.words for count in counts)
    mean_words = total_words / len(counts) if counts else 0.0
    per_1k = 1000.0 / mean_words if mean_words else 0.0
    return {
        "catalogue_terms_per_1k_words": [c.catalogue_total * per_1k for c in counts],
        "pronouns_per_1k_words": [c.pronoun_total * per_1k for c in counts],
        "share_with_catalogue_term": [float(c.catalogue_total > 0) for c in counts],
        "share_with_pronoun": [float(c.pronoun_total > 0) for c in counts],
        "share_with_any": [float(c.catalogue_total + c.pronoun_total > 0) for c in counts],
    }


@register
class GenerationAudit(ConfiguredMetric):
    """Gendered catalogue terms and pronouns in sampled continuations of neutral prompts."""

    name: ClassVar[str] = "generation_audit"
    config_class = GenerationAuditConfig

    def evaluate(self, model: EvaluatedModel, data: EvaluationData) -> MetricResult:
        if not data.prompts:
            raise ValueError(
                "the generation audit got no prompts; build EvaluationData with "
                "prompts=evaluation.prompts.load_generation_prompts()"
            )
        seed = data.seed if self.config.seed is None else self.config.seed
        item_ids: list[str] = []
        texts: list[str] = []
        for index, prompt in enumerate(data.prompts):
            continuations = sample_continuations(
                model.model, model.tokenizer, prompt, self.config, prompt_seed(seed, prompt),
                model.device,
            )  # fmt: skip
            texts += continuations
            item_ids += [f"{prompt_id(index)}/sample-{k:02d}" for k in range(len(continuations))]
        counts = [GenderedWordCounter(data.gendered_terms).count(text) for text in texts]
        return audit_result(item_ids, counts, self.config, seed, _details(data.prompts, texts))


def audit_result(
    item_ids: list[str],
    counts: list[GenderedWordCounts],
    config: GenerationAuditConfig,
    seed: int,
    details: dict[str, Any],
) -> MetricResult:
    """The audit's values (pooled rates, shares) and item scores from per-generation counts."""
    scores = audit_scores(counts)
    words = [count.words for count in counts]
    values = [
        _rate(key, [getattr(count, total) for count in counts], words, config, seed)
        for key, total in RATE_KEYS.items()
    ]
    values += [_share(key, scores[key], config, seed) for key in SHARE_KEYS]
    items = [
        ItemScores(metric=GenerationAudit.name, key=key, item_ids=item_ids, scores=item_scores)
        for key, item_scores in scores.items()
    ]
    terms = sum((count.catalogue_terms for count in counts), Counter())
    pronouns = sum((count.pronouns for count in counts), Counter())
    details = details | {
        "generated_words": sum(words),
        "catalogue_term_counts": dict(terms.most_common(20)),
        "pronoun_counts": dict(pronouns.most_common()),
        "config": config.model_dump(),
        "seed": seed,
    }
    return MetricResult(metric=GenerationAudit.name, values=values, items=items, details=details)


def _details(prompts: list[str], texts: list[str]) -> dict[str, Any]:
    step = len(texts) // len(prompts)
    examples = {prompt: texts[i * step] for i, prompt in enumerate(prompts[:EXAMPLES_IN_DETAILS])}
    return {"prompts": len(prompts), "generations": len(texts), "examples": examples}
