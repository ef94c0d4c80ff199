"""Cost of a model: what training spent (from the trainer's report) and what inference costs.

From the training run's TrainResult (EvaluatedModel.trainer_report): trainable parameters and
their share, peak training memory, wall time and training tokens/s. Measured here: the size of
the artifact on disk (for the base, its model directory) and greedy generation latency per new
token (a warm-up run, then the median of `latency_runs` timed runs, every run forced to the same
number of new tokens). LoRA-family peft models (LoRA, IA3) are also timed merged
(`merge_and_unload` on a deep copy, so the evaluated model is untouched): unmerged adapters add
matmuls per layer, merged ones cost exactly the base model (Hu et al. 2021, section 4).
"""

from __future__ import annotations

import copy
import gc
import statistics
import time
from pathlib import Path
from typing import Any, ClassVar

import torch
from pydantic import BaseModel, ConfigDict, Field

from evaluation.metric import EvaluatedModel, EvaluationData, MetricResult, MetricValue, register
from evaluation.metric_options import ConfiguredMetric
from training.lineage_chain import DOCUMENTS_FILE

MERGEABLE_PEFT_TYPES = frozenset({"LORA", "IA3"})
# trainer_report field -> value key (TrainResult in training/spec.py)
TRAINER_FIELDS = {
    "peak_memory_bytes": "peak_training_memory_bytes",
    "wall_seconds": "training_wall_seconds",
    "tokens_per_second": "training_tokens_per_second",
}


class CostConfig(BaseModel):
    """How generation latency is measured."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    latency_prompt: str = Field(
        "The committee met on Monday and",
        min_length=1,
        description="The fixed prompt every model is timed on.",
    )
    latency_new_tokens: int = Field(
        32, ge=1, le=4096, description="New tokens per timed run (min = max, so EOS never ends it)."
    )
    latency_runs: int = Field(5, ge=1, le=100, description="Timed runs; the median is reported.")
    warmup_runs: int = Field(
        1, ge=0, le=10, description="Untimed runs first (allocator, kernels, caches warm up)."
    )


def directory_bytes(directory: Path) -> int:
    """Sum of the sizes of every file under `directory` (symlinks followed, as HF caches use),
    less the artifact's list of training documents: lineage, not part of what a user ships."""
    return sum(
        path.stat().st_size
        for path in directory.rglob("*")
        if path.is_file() and path.name != DOCUMENTS_FILE
    )


def model_directory(model: EvaluatedModel) -> Path | None:
    """The artifact directory; for the base, the directory its weights were loaded from."""
    if model.artifact_dir is not None:
        return Path(model.artifact_dir)
    loaded_from = Path(str(getattr(model.model, "name_or_path", "") or ""))
    return loaded_from if str(loaded_from) not in ("", ".") and loaded_from.is_dir() else None


def merge_skip_reason(model: torch.nn.Module, strategy: str) -> str | None:
    """Why merged latency is not measured for `model`, or None when it can be merged."""
    peft_config = getattr(model, "active_peft_config", None)
    if peft_config is None:
        return "not a peft adapter model: its weights are already plain (nothing to merge)"
    if peft_config.is_prompt_learning:
        return "prompt/prefix tuning adds virtual tokens, not weight deltas: nothing to merge"
    base = model.get_base_model()
    if strategy == "qlora" or getattr(base, "is_loaded_in_4bit", False):
        return (
            "QLoRA: merging into the 4-bit base would dequantise it, a different model from the "
            "one trained; timed unmerged only"
        )
    peft_type = str(getattr(peft_config.peft_type, "value", peft_config.peft_type))
    if peft_type not in MERGEABLE_PEFT_TYPES:
        return f"peft type {peft_type} is not merged here (merged: {sorted(MERGEABLE_PEFT_TYPES)})"
    return None


def _synchronize(device: str) -> None:
    if torch.device(device).type == "cuda":
        torch.cuda.synchronize(device)


def generation_latency(
    model: torch.nn.Module, tokenizer: Any, config: CostConfig, device: str
) -> list[float]:
    """Milliseconds per new token of each timed greedy run (prefill included)."""
    encoded = tokenizer(config.latency_prompt, return_tensors="pt")
    input_ids = encoded["input_ids"].to(device)  # (1, T)
    attention_mask = encoded["attention_mask"].to(device)
    pad_token_id = tokenizer.pad_token_id
    if pad_token_id is None:
        pad_token_id = tokenizer.eos_token_id
    runs = []
    with torch.no_grad():
        for run in range(config.warmup_runs + config.latency_runs):
            _synchronize(device)
            start = time.perf_counter()
            sequences = model.generate(
                input_ids=input_ids,
                attention_mask=attention_mask,
                do_sample=False,
                max_new_tokens=config.latency_new_tokens,
                min_new_tokens=config.latency_new_tokens,
                pad_token_id=pad_token_id,
            )  # (1, T + new)
            _synchronize(device)
            elapsed = time.perf_counter() - start
            if run >= config.warmup_runs:
                new_tokens = max(sequences.shape[1] - input_ids.shape[1], 1)
                runs.append(1000.0 * elapsed / new_tokens)
    return runs


def _plain(key: str, value: float, n: int = 1) -> MetricValue:
    return MetricValue(metric=Cost.name, key=key, value=float(value), low=None, high=None, n=n)


@register
class Cost(ConfiguredMetric):
    """Training cost from the trainer's report; artifact size and latency measured here."""

    name: ClassVar[str] = "cost"
    config_class = CostConfig

    def evaluate(self, model: EvaluatedModel, data: EvaluationData) -> MetricResult:
        report = dict(model.trainer_report or {})
        details: dict[str, Any] = {"config": self.config.model_dump()}
        values = self._parameter_values(model, report)
        reported = {f: key for f, key in TRAINER_FIELDS.items() if report.get(f) is not None}
        values += [_plain(key, report[field]) for field, key in reported.items()]
        missing = [field for field in TRAINER_FIELDS if field not in reported]
        if missing:
            details["not_in_trainer_report"] = missing
        directory = model_directory(model)
        if directory is not None:
            values.append(_plain("artifact_bytes", directory_bytes(directory)))
            details["artifact_dir"] = str(directory)
        else:
            details["artifact_bytes_skipped"] = "no artifact directory and no local base directory"
        unmerged = generation_latency(model.model, model.tokenizer, self.config, model.device)
        values.append(_plain("latency_ms_per_token", statistics.median(unmerged), len(unmerged)))
        details["latency_runs_ms_per_token"] = unmerged
        strategy = str(report.get("strategy") or model.name.split("/")[0])
        reason = merge_skip_reason(model.model, strategy)
        if reason is None:
            merged = self._merged_latency(model)
            values.append(
                _plain("latency_ms_per_token_merged", statistics.median(merged), len(merged))
            )
            details["merged_latency_runs_ms_per_token"] = merged
        else:
            details["merged_latency_skipped"] = reason
        return MetricResult(metric=self.name, values=values, items=[], details=details)

    @staticmethod
    def _parameter_values(model: EvaluatedModel, report: dict[str, Any]) -> list[MetricValue]:
        if "trainable_parameters" in report and "total_parameters" in report:
            trainable, total = int(report["trainable_parameters"]), int(report["total_parameters"])
        else:  # the base: nothing trained
            trainable, total = 0, sum(parameter.numel() for parameter in model.model.parameters())
        share = trainable / total if total else 0.0
        return [
            _plain("trainable_parameters", trainable),
            _plain("total_parameters", total),
            _plain("trainable_share", share),
        ]

    def _merged_latency(self, model: EvaluatedModel) -> list[float]:
        merged = copy.deepcopy(model.model).merge_and_unload().eval()
        try:
            return generation_latency(merged, model.tokenizer, self.config, model.device)
        finally:
            del merged
            gc.collect()
            if torch.device(model.device).type == "cuda":
                torch.cuda.empty_cache()
