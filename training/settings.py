"""The `training:` section of a preset: base model, strategies to train, hyperparameters.

Light on purpose (pydantic only): the Dagster code location validates it at load time without
importing torch; each strategy's own options are validated by its config class in the trainer,
before any training starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from training.base_model.sources import BaseModelSource, BuiltinSource
from training.spec import Hyperparameters, TrainSpec, identity_digest

STRATEGY_NAMES = (
    "full",
    "partial",
    "lora",
    "qlora",
    "adapter",
    "prompt",
    "prefix",
    "ia3",
    "head_only",
)


class LauncherSettings(BaseModel):
    """How each training process is started (the trainer resource is built from this)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["subprocess", "k8s"] = Field(
        "subprocess", description="subprocess: a child process here; k8s: a Kubernetes pod."
    )
    command_prefix: str = Field(
        "",
        description="Replaces the Python interpreter before `-m training.run SPEC`, e.g. "
        "`torchrun --nproc_per_node 8`; empty means this Python.",
    )
    env: dict[str, str] = Field(
        default_factory=dict, description="Extra environment variables of the training process."
    )
    k8s_image: str = Field("", description="k8s only: an image with neutune installed.")
    k8s_namespace: str = Field("default", description="k8s only: namespace of the pod.")

    @model_validator(mode="after")
    def _k8s_has_image(self) -> LauncherSettings:
        if self.kind == "k8s" and not self.k8s_image:
            raise ValueError(
                "launcher.kind=k8s needs launcher.k8s_image: an image with neutune installed "
                "(the pod runs `python -m training.run SPEC`), and the artifact root on a volume "
                "mounted at the same path in the pod"
            )
        return self


class StrategyRun(BaseModel):
    """One strategy as the preset trains it: its own knobs and its hyperparameter overrides."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    options: dict[str, Any] = Field(
        default_factory=dict,
        description="The strategy's own config fields (e.g. lora: r, alpha, target_modules); "
        "see training/strategies/ for each field and its default.",
    )
    hyperparameters: dict[str, Any] = Field(
        default_factory=dict,
        description="Overrides of training.defaults for this strategy (e.g. learning_rate: "
        "LoRA-family rates are an order of magnitude above full fine-tuning's).",
    )


class TrainingSettings(BaseModel):
    """What `base_model` and `finetuned_model` build; every knob documented in config/*.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_model: BaseModelSource = Field(
        default_factory=BuiltinSource,
        description="hub (a Hugging Face causal-LM id), local (a model directory) or builtin "
        "(tokenizer + small Llama pretrained on the original train text; CPU, offline).",
    )
    strategies: dict[str, StrategyRun] = Field(
        default_factory=lambda: {name: StrategyRun() for name in STRATEGY_NAMES},
        description="Strategies to fine-tune (each on both arms), with their options.",
    )
    defaults: Hyperparameters = Field(
        default_factory=Hyperparameters, description="Hyperparameters every strategy starts from."
    )
    seed: int = Field(
        0, description="Seed of model init, data order and dropout: both arms share it."
    )
    precision: Literal["auto", "fp32", "bf16", "fp16"] = Field(
        "auto", description="auto: bf16 where the device supports it, else fp32."
    )
    device: Literal["auto", "cpu", "cuda"] = Field("auto", description="auto: CUDA when present.")
    launcher: LauncherSettings = Field(
        default_factory=LauncherSettings, description="How training processes are launched."
    )

    @model_validator(mode="after")
    def _known_strategies(self) -> TrainingSettings:
        unknown = sorted(set(self.strategies) - set(STRATEGY_NAMES))
        if unknown:
            raise ValueError(
                f"unknown strategies {unknown} under training.strategies: use some of "
                f"{', '.join(STRATEGY_NAMES)}"
            )
        for name in self.strategies:
            try:
                self.hyperparameters_for(name)
            except ValueError as error:
                raise ValueError(f"training.strategies.{name}.hyperparameters: {error}") from error
        return self

    def hyperparameters_for(self, strategy: str) -> Hyperparameters:
        run = self.strategies.get(strategy, StrategyRun())
        return Hyperparameters.model_validate({**self.defaults.model_dump(), **run.hyperparameters})

    def build_spec(
        self,
        strategy: str,
        arm: str,
        *,
        base_model_dir: str,
        base_fingerprint: str,
        split_manifest: str,
        split_version: str,
        artifacts_root: Path,
        run_id: str,
        lineage_extra: dict[str, Any],
    ) -> TrainSpec:
        """The spec of one strategy x arm; its output directory is named by a hash of everything
        that determines the weights, so a re-run with the same inputs finds its artifact."""
        if strategy not in self.strategies:
            raise ValueError(
                f"strategy {strategy!r} is not enabled in training.strategies of the preset "
                f"(enabled: {', '.join(self.strategies)}): add it there to train it"
            )
        run = self.strategies[strategy]
        hyperparameters = self.hyperparameters_for(strategy)
        identity = {
            "strategy": {"name": strategy, **run.options},
            "arm": arm,
            "base": base_fingerprint,
            "split_version": split_version,
            "hyperparameters": hyperparameters.model_dump(mode="json"),
            "seed": self.seed,
            "precision": self.precision,
        }
        digest = identity_digest(identity)
        return TrainSpec(
            base_model_dir=base_model_dir,
            base_fingerprint=base_fingerprint,
            strategy={"name": strategy, **run.options},
            split_manifest=split_manifest,
            arm=arm,
            hyperparameters=hyperparameters,
            output_dir=str(artifacts_root / "models" / strategy / arm / digest),
            work_dir=str(artifacts_root / "checkpoints" / f"{strategy}-{arm}-{digest}"),
            seed=self.seed,
            precision=self.precision,
            device=self.device,
            run_id=run_id,
            lineage_extra={**lineage_extra, "spec_digest": digest, "split_version": split_version},
        )
