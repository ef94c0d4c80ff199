"""The manifest of a fine-tuned model: what evaluation needs to find and judge it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from training.spec import TrainResult


class TrainedModel(BaseModel):
    """One finished strategy x arm artifact, where it came from, and its training run's figures."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    strategy: str = Field(description="Strategy name (training/strategies/).")
    arm: str = Field(description="neutral (rewritten text) or original (the control).")
    artifact_dir: str = Field(description="The artifact: weights, tokenizer, lineage, model card.")
    base_model_dir: str = Field(description="The base model the artifact loads onto.")
    base_fingerprint: str = Field(description="Fingerprint of the base model.")
    split_version: str = Field(description="Data version of the split exports it learned from.")
    spec_digest: str = Field(description="Hash of everything that determines the weights.")
    content_hash: str = Field(description="Hash over the artifact's files: its data version.")
    reused: bool = Field(description="True when an identical earlier artifact was reused.")
    result: TrainResult = Field(description="What the training run reported.")
