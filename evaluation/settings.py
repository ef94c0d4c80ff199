"""The `evaluation:` section of a preset: which metrics run, with what options, and the report.

pydantic only, so the code location validates it without importing torch; each metric's own
options are validated by its config class when the metric is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from evaluation.report import ReportConfig

DEFAULT_METRICS = ("perplexity", "neutral_preference", "crows_pairs", "generation_audit", "cost")


class EvaluationSettings(BaseModel):
    """What `model_evaluation`, `base_model_evaluation` and `strategy_report` measure."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metrics: dict[str, dict[str, Any]] = Field(
        default_factory=lambda: {name: {} for name in DEFAULT_METRICS},
        description="Metric name -> its options (see each metric's config class in "
        "evaluation/); a metric registered with evaluation.metric.register can be named here.",
    )
    crows_pairs_csv: Path | None = Field(
        None,
        description="A CSV in the CrowS-Pairs format (e.g. the public crows_pairs_anonymized.csv);"
        " None: the small pair file shipped in evaluation/data. Relative to the preset.",
    )
    prompts_path: Path | None = Field(
        None,
        description="Generation-audit prompts, one per line; None: evaluation/data's set. "
        "Relative to the preset.",
    )
    max_pair_chars: int = Field(
        400, ge=20, description="Sentences longer than this are left out of the minimal pairs."
    )
    seed: int = Field(0, description="Seed of sampling and of the bootstrap.")
    device: Literal["auto", "cpu", "cuda"] = Field("auto", description="auto: CUDA when present.")
    torch_threads: int | None = Field(
        None,
        ge=1,
        description="torch intra-op threads while evaluating; None: torch's default. Tiny models "
        "run faster on 1 (thread start-up outweighs the work).",
    )
    report: ReportConfig = Field(
        default_factory=ReportConfig, description="Columns and bootstrap of strategy_report."
    )

    def resolved(self, base: Path) -> EvaluationSettings:
        """Relative paths taken relative to the preset's folder."""
        update = {
            name: base / value
            for name in ("crows_pairs_csv", "prompts_path")
            if (value := getattr(self, name)) is not None and not value.is_absolute()
        }
        return self.model_copy(update=update)
