"""The built-in base model: a byte-level BPE tokenizer and a small Llama pretrained from scratch.

Tokenizer: GPT-2's scheme (Radford et al. 2019) — byte-level pre-tokenisation, so any text
encodes without an unknown token — trained with the `tokenizers` BpeTrainer. One special token
`<|endoftext|>` is BOS and EOS (it separates packed documents); `<|pad|>` is a distinct pad
token, so collators that mask padding in the labels never mask the end of a document.

Model: LlamaForCausalLM (RMSNorm, rotary positions, SwiGLU MLP, separate q/k/v/o projections;
Touvron et al. 2023), so every fine-tuning strategy that targets Llama modules applies.

Pretraining follows nanoGPT's recipe: AdamW (betas 0.9/0.95, weight decay 0.1 on matrices
only), linear warm-up over the first 5% of steps, cosine decay to 10% of the peak rate,
gradients clipped at norm 1.0, batches drawn from a seeded shuffle of the packed blocks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

import torch
from pydantic import BaseModel, ConfigDict, Field
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from training.base_model.sources import BaseModelError, BuiltinPreset, BuiltinSource
from training.packing import TooFewTokensError, pack_documents

EOS_TOKEN = "<|endoftext|>"
PAD_TOKEN = "<|pad|>"
LOSS_POINTS = 50  # entries of the recorded loss curve, whatever the number of steps
WARMUP_FRACTION = 0.05
MIN_LR_RATIO = 0.1  # nanoGPT: min_lr = learning_rate / 10
WEIGHT_DECAY = 0.1  # nanoGPT / GPT-3
ADAM_BETAS = (0.9, 0.95)  # nanoGPT / GPT-3
MAX_GRAD_NORM = 1.0

ProgressCallback = Callable[[int, int, float], None]


class PretrainCurve(BaseModel):
    """Losses recorded while pretraining."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    losses: list[float] = Field(description="Mean training loss of each logging interval.")
    every: int = Field(description="Optimizer steps per entry of `losses`.")
    tokens: int = Field(description="Tokens in the packed training blocks (one epoch).")


def train_tokenizer(
    texts: Sequence[str], vocab_size: int, context_length: int
) -> PreTrainedTokenizerFast:
    """A byte-level BPE tokenizer of at most `vocab_size` tokens, learned from `texts`."""
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=[EOS_TOKEN, PAD_TOKEN],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(texts, trainer=trainer, length=len(texts))
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token=EOS_TOKEN,
        eos_token=EOS_TOKEN,
        pad_token=PAD_TOKEN,
        model_max_length=context_length,
    )


def build_model(
    preset: BuiltinPreset, tokenizer: PreTrainedTokenizerFast, seed: int
) -> LlamaForCausalLM:
    """A freshly initialised Llama of the preset's shape, sized to the tokenizer's vocabulary."""
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=preset.hidden_size,
        intermediate_size=preset.intermediate_size,
        num_hidden_layers=preset.num_hidden_layers,
        num_attention_heads=preset.num_attention_heads,
        num_key_value_heads=preset.num_key_value_heads,
        max_position_embeddings=preset.context_length,
        rms_norm_eps=1e-5,
        tie_word_embeddings=False,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(seed)
    return LlamaForCausalLM(config)


def _learning_rate_factor(step: int, total: int) -> float:
    warmup = max(1, round(WARMUP_FRACTION * total))
    if step < warmup:
        return (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return MIN_LR_RATIO + (1 - MIN_LR_RATIO) * 0.5 * (1 + math.cos(math.pi * progress))


def _batch_indices(n_blocks: int, batch_size: int, seed: int) -> Iterator[torch.Tensor]:
    """Endless batches of block indices: seeded shuffles of all blocks, one after another."""
    generator = torch.Generator().manual_seed(seed)
    pending = torch.empty(0, dtype=torch.long)
    while True:
        while len(pending) < batch_size:
            pending = torch.cat([pending, torch.randperm(n_blocks, generator=generator)])
        yield pending[:batch_size]
        pending = pending[batch_size:]


def _optimizer(model: torch.nn.Module, learning_rate: float) -> torch.optim.AdamW:
    matrices = [p for p in model.parameters() if p.dim() >= 2]
    vectors = [p for p in model.parameters() if p.dim() < 2]
    return torch.optim.AdamW(
        [
            {"params": matrices, "weight_decay": WEIGHT_DECAY},
            {"params": vectors, "weight_decay": 0.0},
        ],
        lr=learning_rate,
        betas=ADAM_BETAS,
    )


def pretrain(
    model: LlamaForCausalLM,
    blocks: torch.Tensor,
    preset: BuiltinPreset,
    seed: int,
    device: str,
    progress: ProgressCallback | None = None,
) -> PretrainCurve:
    """Train `model` in place on `blocks` [n_blocks, context_length] for preset.pretrain_steps."""
    total = preset.pretrain_steps
    every = max(1, round(total / LOSS_POINTS))
    model.to(device).train()
    optimizer = _optimizer(model, preset.learning_rate)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: _learning_rate_factor(step, total)
    )
    use_bf16 = device == "cuda" and torch.cuda.is_bf16_supported()
    losses: list[float] = []
    interval_sum = 0.0
    batches = _batch_indices(len(blocks), preset.pretrain_batch_size, seed)
    for step in range(total):
        batch = blocks[next(batches)].to(device)  # [batch, context_length]
        with torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=use_bf16):
            loss = model(input_ids=batch, labels=batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_GRAD_NORM)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        interval_sum += loss.item()
        if (step + 1) % every == 0 or step + 1 == total:
            steps_in_interval = (step % every) + 1
            losses.append(interval_sum / steps_in_interval)
            interval_sum = 0.0
            if progress is not None:
                progress(step + 1, total, losses[-1])
    model.to("cpu").eval()
    return PretrainCurve(losses=losses, every=every, tokens=blocks.numel())


def _device(requested: str) -> str:
    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise BaseModelError(
            "base_model.device is 'cuda' but torch sees no CUDA device: "
            "set base_model.device to 'cpu' or 'auto'"
        )
    return requested


def build_builtin(
    source: BuiltinSource,
    train_texts: Sequence[str] | None,
    progress: ProgressCallback | None = None,
) -> tuple[LlamaForCausalLM, PreTrainedTokenizerFast, PretrainCurve]:
    """Train the tokenizer, initialise and pretrain the model on the ORIGINAL-arm train texts."""
    texts = [text for text in train_texts or [] if text]
    if not texts:
        raise BaseModelError(
            "base_model.kind=builtin pretrains on the train split's texts, but none were given: "
            "pass train_texts (the ORIGINAL arm's train documents) or use kind=hub/local"
        )
    preset = source.preset()
    device = _device(source.device)
    tokenizer = train_tokenizer(texts, preset.vocab_size, preset.context_length)
    try:
        blocks = pack_documents(texts, tokenizer, preset.context_length)
    except TooFewTokensError as error:
        raise BaseModelError(
            f"builtin pretraining: the train texts give {error.n_tokens} tokens, fewer than one "
            f"block of context_length={error.block_size}: lower base_model.context_length or "
            "add data"
        ) from error
    model = build_model(preset, tokenizer, source.seed)
    curve = pretrain(model, blocks, preset, source.seed, device, progress)
    return model, tokenizer, curve
