"""Evaluate one model (the base, or one strategy x arm) with every configured metric.

The data every model is judged on is built once (`evaluation_data`) from what the pipeline
exported: the test split of both arms, the minimal pairs, the prompts and the catalogue terms.
"""

from __future__ import annotations

import hashlib
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from corpus.rewrite import GenderCatalogue
from corpus.splits import ARMS, SplitManifest, verify_manifest
from evaluation.metric import EvaluationData, MetricResult, load_evaluated_model, metric
from evaluation.pairs import MinimalPair
from evaluation.settings import EvaluationSettings


class ModelToEvaluate(BaseModel):
    """Which model to load: the base (a Hugging Face directory) or an artifact and its base."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="'base' or '<strategy>/<arm>'.")
    directory: str = Field(description="The base model directory or the training artifact.")
    base_dir: str | None = Field(None, description="An artifact's base model directory.")
    version: str = Field(description="Artifact content hash, or the base fingerprint.")


class ModelEvaluation(BaseModel):
    """Every metric's result for one model, and the versions of what was evaluated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="'base' or '<strategy>/<arm>'.")
    strategy: str | None = Field(None, description="Fine-tuning strategy; None for the base.")
    arm: str | None = Field(None, description="Training arm; None for the base.")
    model_dir: str = Field(description="The base model directory or the artifact evaluated.")
    model_version: str = Field(description="Artifact content hash, or the base fingerprint.")
    split_version: str = Field(description="Data version of the split export evaluated on.")
    results: list[MetricResult] = Field(description="One result per metric.")
    seconds: dict[str, float] = Field(description="Wall time per metric.")

    def headline(self) -> dict[str, float]:
        """Every value as 'metric/key' -> number (the columns of the report)."""
        return {
            f"{value.metric}/{value.key}": value.value
            for result in self.results
            for value in result.values
        }


def catalogue_terms(catalogue: GenderCatalogue) -> frozenset[str]:
    """The gender-exclusive forms (singular and plural) the generation audit counts."""
    return frozenset(
        form for entry in catalogue.entries for form in (entry.term, entry.plural) if form
    )


def report_version(evaluations: list[ModelEvaluation]) -> str:
    """Names a report by what it compares: every evaluated model and split version."""
    identity = sorted(f"{e.name}:{e.model_version}:{e.split_version}" for e in evaluations)
    return hashlib.sha256("\n".join(identity).encode()).hexdigest()[:16]


def evaluation_data(
    manifest: SplitManifest,
    pairs: pl.DataFrame,
    prompts: pl.DataFrame,
    catalogue: GenderCatalogue,
    settings: EvaluationSettings,
) -> EvaluationData:
    """The shared test data, read from the verified split export files."""
    problems = verify_manifest(manifest)
    if problems:
        raise ValueError(
            f"split export {manifest.version} does not match its manifest ({'; '.join(problems)}):"
            " re-materialize split_exports"
        )
    frames = {
        arm: pl.read_parquet(manifest.export("test", arm).path, columns=["doc_id", "text"])
        for arm in ARMS
    }
    doc_ids = frames[ARMS[0]]["doc_id"].to_list()
    for arm, frame in frames.items():
        if frame["doc_id"].to_list() != doc_ids:
            raise ValueError(
                f"the {arm} test file of split version {manifest.version} lists other documents "
                "than the neutral one: re-materialize split_exports"
            )
    return EvaluationData(
        test_texts={arm: frame["text"].to_list() for arm, frame in frames.items()},
        test_doc_ids=doc_ids,
        minimal_pairs=[MinimalPair.model_validate(row) for row in pairs.iter_rows(named=True)],
        prompts=prompts.sort("prompt_id")["text"].to_list(),
        crows_pairs_csv=settings.crows_pairs_csv,
        gendered_terms=catalogue_terms(catalogue),
        seed=settings.seed,
        split_version=manifest.version,
    )


def resolve_device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return device


def evaluate_model(
    model: ModelToEvaluate,
    data: EvaluationData,
    settings: EvaluationSettings,
    log: Callable[[str], None] = print,
) -> ModelEvaluation:
    """Load `model` (an artifact onto its base) and run every configured metric on `data`."""
    import torch

    # peft 0.21 calls a transformers 5 method that warns of its own deprecation on every model
    warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing", category=FutureWarning)
    threads = torch.get_num_threads()
    if settings.torch_threads is not None:
        torch.set_num_threads(settings.torch_threads)
    try:
        base_dir = Path(model.base_dir) if model.base_dir else None
        evaluated = load_evaluated_model(
            model.name, Path(model.directory), base_dir, device=resolve_device(settings.device)
        )
        results, seconds = [], {}
        for metric_name, options in settings.metrics.items():
            started = time.perf_counter()
            with torch.no_grad():
                results.append(metric(metric_name, **options).evaluate(evaluated, data))
            seconds[metric_name] = round(time.perf_counter() - started, 3)
            log(f"{model.name}: {metric_name} in {seconds[metric_name]:.1f}s")
    finally:
        torch.set_num_threads(threads)
    strategy, _, arm = model.name.partition("/")
    return ModelEvaluation(
        name=model.name,
        strategy=strategy if arm else None,
        arm=arm or None,
        model_dir=model.directory,
        model_version=model.version,
        split_version=data.split_version,
        results=results,
        seconds=seconds,
    )
