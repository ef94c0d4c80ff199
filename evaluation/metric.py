"""The one interface every metric implements, the metric registry and the model loader.

A metric is a small class with a `name` and `evaluate(model, data) -> MetricResult`; decorate it
with `@register` and `metric(name)` builds it, so a user adds a metric (HONEST, RedditBias, an
lm-eval task) without touching the assets.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from training.lineage import LINEAGE_FILE
from training.spec import result_file
from training.strategies.base import STRATEGY_FILE

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase

    from evaluation.pairs import MinimalPair

# Modules whose import registers the built-in metrics (imported on the first registry lookup).
BUILTIN_METRIC_MODULES = (
    "evaluation.perplexity",
    "evaluation.neutral_preference",
    "evaluation.crows_pairs",
    "evaluation.generation_audit",
    "evaluation.cost",
)
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.json", "tokenizer.model")


@dataclass(frozen=True)
class EvaluatedModel:
    """What every metric is given: one model, ready to score."""

    name: str  # "base" or "<strategy>/<arm>"
    model: torch.nn.Module  # eval mode, on `device`
    tokenizer: PreTrainedTokenizerBase
    device: str
    artifact_dir: Path | None  # None for the base
    trainer_report: dict = field(default_factory=dict)  # TrainResult as JSON; empty for the base


@dataclass(frozen=True)
class EvaluationData:
    """Built once per evaluation from the split exports and the rewrite log."""

    test_texts: dict[str, list[str]]  # arm -> test documents ("neutral", "original")
    test_doc_ids: list[str]  # same order as test_texts[arm]
    minimal_pairs: list[MinimalPair]  # evaluation.pairs.build_minimal_pairs
    prompts: list[str]  # generation audit prompts
    crows_pairs_csv: Path | None  # None: the shipped demo pairs (evaluation/data)
    gendered_terms: frozenset[str]  # lower-cased catalogue terms (gender-exclusive forms)
    seed: int
    split_version: str = ""  # data version of the split export the texts came from


class ItemScores(BaseModel):
    """Per-item values, so the report can bootstrap two models PAIRED on the same items."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str = Field(description="Name of the metric that produced the scores.")
    key: str = Field(description="Which value of the metric these items make up.")
    item_ids: list[str] = Field(description="Stable item identifiers (document or pair ids).")
    scores: list[float] = Field(description="One score per item id, same order.")


class MetricValue(BaseModel):
    """One headline number with its bootstrap 95% interval."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str = Field(description="Name of the metric that produced the value.")
    key: str = Field(description="What the value is, unique within the metric (a column name).")
    value: float = Field(description="The number.")
    low: float | None = Field(
        default=None, description="Lower end of the 95% interval; None where none makes sense."
    )
    high: float | None = Field(
        default=None, description="Upper end of the 95% interval; None where none makes sense."
    )
    n: int = Field(description="Items the value was computed from.")


class MetricResult(BaseModel):
    """Everything one metric measured on one model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str = Field(description="Name of the metric.")
    values: list[MetricValue] = Field(description="Headline numbers with their intervals.")
    items: list[ItemScores] = Field(description="Per-item scores for paired comparisons.")
    details: dict[str, Any] = Field(
        default_factory=dict, description="JSON-able extras (counts, settings, skipped items)."
    )


class Metric(Protocol):
    name: ClassVar[str]

    def evaluate(self, model: EvaluatedModel, data: EvaluationData) -> MetricResult: ...


MetricClass = TypeVar("MetricClass", bound=type)
REGISTRY: dict[str, type[Metric]] = {}


def register(cls: MetricClass) -> MetricClass:
    """Class decorator: add a metric class to REGISTRY under its `name`."""
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name:
        raise TypeError(f"{cls.__name__} has no `name: ClassVar[str]`; give the metric a name")
    if not callable(getattr(cls, "evaluate", None)):
        raise TypeError(f"{cls.__name__} has no evaluate(model, data) method; add one")
    registered = REGISTRY.get(name)
    if registered is not None and registered.__qualname__ != cls.__qualname__:
        raise ValueError(
            f"metric name {name!r} is taken by {registered.__module__}.{registered.__qualname__}; "
            "give the new metric another name"
        )
    REGISTRY[name] = cls
    return cls


def metric(name: str, **options: Any) -> Metric:
    """An instance of the registered metric `name`, built with `options` (its settings)."""
    for module in BUILTIN_METRIC_MODULES:
        importlib.import_module(module)
    if name not in REGISTRY:
        raise KeyError(
            f"unknown metric {name!r}; registered metrics: {sorted(REGISTRY)} (import the module "
            "that defines it, or decorate its class with evaluation.metric.register)"
        )
    return REGISTRY[name](**options)


def _trainer_report(artifact_dir: Path) -> dict:
    """The TrainResult written beside the artifact (`<dir>.result.json`), else the metrics
    lineage.json records (same field names), else empty."""
    result = result_file(artifact_dir)
    if result.is_file():
        return json.loads(result.read_text(encoding="utf-8"))
    lineage = artifact_dir / LINEAGE_FILE
    if lineage.is_file():
        return dict(json.loads(lineage.read_text(encoding="utf-8")).get("metrics", {}))
    return {}


def _tokenizer_dir(directory: Path, base_dir: Path | None) -> Path:
    if any((directory / name).is_file() for name in TOKENIZER_FILES):
        return directory
    if base_dir is None and (directory / LINEAGE_FILE).is_file():
        recorded = json.loads((directory / LINEAGE_FILE).read_text(encoding="utf-8"))
        base_dir = Path(recorded["base_model_dir"]) if recorded.get("base_model_dir") else None
    if base_dir is None or not any((base_dir / name).is_file() for name in TOKENIZER_FILES):
        raise ValueError(
            f"no tokenizer in {directory} nor in its base model directory {base_dir}; pass "
            "base_dir pointing at the base model (or save the tokenizer into the artifact)"
        )
    return base_dir


def load_pretrained(auto_class: Any, directory: Path, device: str) -> torch.nn.Module:
    """`auto_class.from_pretrained(directory)` in float32 from safetensors (never unpickles)."""
    import torch

    try:
        model = auto_class.from_pretrained(directory, dtype=torch.float32, use_safetensors=True)
    except (OSError, ValueError) as error:
        raise ValueError(
            f"cannot load a model from {directory} ({error}); it must be a Hugging Face model "
            "directory with config.json and safetensors weights (convert .bin checkpoints with "
            "save_pretrained)"
        ) from error
    return model.to(device)


def load_evaluated_model(
    name: str, directory: Path, base_dir: Path | None = None, device: str = "cpu"
) -> EvaluatedModel:
    """Load the base model (a Hugging Face directory) or a training artifact for evaluation.

    Args:
        name: "base" or "<strategy>/<arm>".
        directory: the base model directory, or an artifact written by training (it holds
            neutune_strategy.json) which `training.strategies.load_trained_model` puts onto its
            base.
        base_dir: the artifact's base model; None uses the one its lineage.json records.
        device: where the model runs ("cpu", "cuda", ...).
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    directory = Path(directory)
    if not directory.is_dir():
        raise ValueError(
            f"model directory {directory} does not exist; pass a base model directory or a "
            "training artifact directory"
        )
    if (directory / STRATEGY_FILE).is_file():
        from training.strategies import load_trained_model

        model = load_trained_model(directory, base_dir, device=device)
        artifact_dir: Path | None = directory
        report = _trainer_report(directory)
    else:
        model = load_pretrained(AutoModelForCausalLM, directory, device)
        artifact_dir, report = None, {}
    tokenizer = AutoTokenizer.from_pretrained(_tokenizer_dir(directory, base_dir))
    return EvaluatedModel(
        name=name,
        model=model.eval(),
        tokenizer=tokenizer,
        device=device,
        artifact_dir=artifact_dir,
        trainer_report=report,
    )
