"""Where a base model comes from: a Hugging Face hub id, a local directory, or a built-in preset.

Only pydantic here, so that specs and the Dagster side can validate a source without torch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

BuiltinSize = Literal["tiny", "small", "base"]


class BaseModelError(Exception):
    """A base model cannot be resolved; the message names the cause and the fix."""


class HubSource(BaseModel):
    """A causal LM from the Hugging Face hub, read from the local cache unless HF_HUB_OFFLINE=0."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["hub"] = Field("hub", description="Discriminator: a Hugging Face hub model.")
    model_id: str = Field(
        min_length=1, description="Hub repository id, e.g. 'HuggingFaceTB/SmolLM2-135M'."
    )
    revision: str | None = Field(
        None, description="Branch, tag or commit to load; None means the cache's 'main'."
    )
    trust_remote_code: bool = Field(
        False,
        description="Run modelling code shipped with the repository. Off by default (the "
        "transformers default): remote code runs with your permissions.",
    )


class LocalSource(BaseModel):
    """A causal LM saved as a Hugging Face directory (config.json, *.safetensors, tokenizer)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["local"] = Field("local", description="Discriminator: a local HF directory.")
    path: Path = Field(description="Directory written by save_pretrained (model and tokenizer).")
    trust_remote_code: bool = Field(
        False, description="Run modelling code found in the directory (off, as in transformers)."
    )


class BuiltinPreset(BaseModel):
    """Architecture and pretraining defaults of one built-in Llama-style model size."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    hidden_size: int = Field(description="Width of the residual stream.")
    num_hidden_layers: int = Field(description="Transformer blocks.")
    num_attention_heads: int = Field(description="Query heads per block.")
    num_key_value_heads: int = Field(description="Key/value heads (grouped-query attention).")
    intermediate_size: int = Field(description="SwiGLU hidden width (about 8/3 x hidden_size).")
    vocab_size: int = Field(description="Byte-level BPE vocabulary, special tokens included.")
    context_length: int = Field(description="Maximum positions; also the pretraining block size.")
    pretrain_steps: int = Field(description="Optimizer steps of pretraining.")
    pretrain_batch_size: int = Field(description="Blocks per optimizer step.")
    learning_rate: float = Field(description="Peak AdamW learning rate (cosine decay to 10%).")


# intermediate_size is Llama's 8/3 x hidden_size, rounded up to a multiple of 4 (tiny) or 64.
# Tokens seen in pretraining = pretrain_steps x pretrain_batch_size x context_length.
BUILTIN_PRESETS: dict[str, BuiltinPreset] = {
    # Demo and tests: 0.35 M parameters. 500 x 16 x 128 = 1.0 M tokens, ~2.3 epochs of the
    # 1.5 MB demo corpus: ~24 s on 2 CPU cores, loss from ln(2048) = 7.6 to ~2.2. 3e-3: tiny
    # models tolerate more than nanoGPT's "baby GPT" rate (1e-3 at 10 M parameters,
    # config/train_shakespeare_char.py).
    "tiny": BuiltinPreset(
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        intermediate_size=172,
        vocab_size=2048,
        context_length=128,
        pretrain_steps=500,
        pretrain_batch_size=16,
        learning_rate=3e-3,
    ),
    # CPU minutes: 7.1 M parameters; 600 x 16 x 256 = 2.5 M tokens, ~0.7 s a step on 2 CPU
    # cores (~7 min); nanoGPT's baby-GPT rate.
    "small": BuiltinPreset(
        hidden_size=256,
        num_hidden_layers=4,
        num_attention_heads=8,
        num_key_value_heads=4,
        intermediate_size=704,
        vocab_size=8192,
        context_length=256,
        pretrain_steps=600,
        pretrain_batch_size=16,
        learning_rate=1e-3,
    ),
    # One GPU: 134 M parameters (GPT-2-small-sized body, untied 32k embeddings);
    # 2000 x 32 x 1024 = 65.5 M tokens, a quick base rather than a compute-optimal one
    # (Chinchilla's ~20 tokens per parameter would be 2.7 B). 6e-4 is the rate of GPT-3 125M
    # (Brown et al. 2020, table 2.1) and nanoGPT's GPT-2 124M config.
    "base": BuiltinPreset(
        hidden_size=768,
        num_hidden_layers=12,
        num_attention_heads=12,
        num_key_value_heads=12,
        intermediate_size=2048,
        vocab_size=32000,
        context_length=1024,
        pretrain_steps=2000,
        pretrain_batch_size=32,
        learning_rate=6e-4,
    ),
}


class BuiltinSource(BaseModel):
    """A small Llama-style model pretrained here from scratch on the ORIGINAL-arm train texts.

    The tokenizer is a byte-level BPE trained on the same texts. Knobs left at None take the
    value of the `size` preset (see BUILTIN_PRESETS).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["builtin"] = Field("builtin", description="Discriminator: built here.")
    size: BuiltinSize = Field(
        "tiny",
        description="Preset: 'tiny' (0.35 M parameters, ~25 s on 2 CPU cores; demo and tests), "
        "'small' (7.1 M, minutes on a CPU), 'base' (134 M, GPT-2-small-sized; needs a GPU).",
    )
    vocab_size: int | None = Field(
        None, ge=260, description="BPE vocabulary size (>= 256 bytes + special tokens)."
    )
    context_length: int | None = Field(
        None, ge=8, description="Maximum sequence length and pretraining block size."
    )
    pretrain_steps: int | None = Field(None, ge=1, description="Optimizer steps of pretraining.")
    pretrain_batch_size: int | None = Field(None, ge=1, description="Blocks per optimizer step.")
    learning_rate: float | None = Field(None, gt=0, description="Peak AdamW learning rate.")
    seed: int = Field(0, description="Seeds initialisation and batch order: same seed, same model.")
    device: Literal["auto", "cpu", "cuda"] = Field(
        "auto",
        description="Where to pretrain; 'auto' takes CUDA (bf16 autocast) when available. The "
        "same seed gives the same model on the same device type, not across CPU and CUDA.",
    )

    def preset(self) -> BuiltinPreset:
        """The size preset with this source's overrides applied."""
        overrides = {
            name: value
            for name in (
                "vocab_size",
                "context_length",
                "pretrain_steps",
                "pretrain_batch_size",
                "learning_rate",
            )
            if (value := getattr(self, name)) is not None
        }
        return BUILTIN_PRESETS[self.size].model_copy(update=overrides)


BaseModelSource = Annotated[HubSource | LocalSource | BuiltinSource, Field(discriminator="kind")]


class BaseModelInfo(BaseModel):
    """What resolve_base_model wrote: a standard Hugging Face directory and its identity."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    directory: Path = Field(description="HF directory with config, safetensors and tokenizer.")
    fingerprint: str = Field(description="model_fingerprint(directory): 64 hex digits.")
    parameters: int = Field(description="Total parameters of the model.")
    vocab_size: int = Field(description="Model vocabulary size (rows of the embedding).")
    context_length: int = Field(description="Maximum positions the model supports.")
    architecture: str = Field(description="Model class, e.g. 'LlamaForCausalLM'.")
    pretrain_losses: list[float] = Field(
        default_factory=list,
        description="Builtin only: mean training loss of each logging interval, in order.",
    )
    pretrain_loss_every: int = Field(
        0, description="Optimizer steps per entry of pretrain_losses (0 when not pretrained)."
    )
    source: dict[str, Any] = Field(description="The source config, as JSON-ready data.")
    seconds: float = Field(description="Wall time of resolving (loading or pretraining).")
