"""Summed token log-probabilities of texts under a causal LM: batched, windowed, deterministic.

Every text is encoded without special tokens and preceded by one start token (BOS, else EOS, as
the packed training blocks separate documents), so its first token is scored too. A text longer
than the context is cut into windows of `context` tokens that overlap by one token: each window
conditions on the last token of the previous one, so every token is predicted exactly once.
Windows are batched longest first under a token budget, right-padded (causal attention never
looks at the padding), and log-probabilities are taken in float32.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase

DEFAULT_MAX_BATCH_TOKENS = 8192  # padded tokens per forward pass; logits are tokens x vocab floats
_CONTEXT_ATTRIBUTES = ("max_position_embeddings", "n_positions", "max_sequence_length", "n_ctx")


class TextScore(NamedTuple):
    """The summed log-probability (nats) of a text's tokens and how many tokens were scored."""

    log_prob: float
    n_tokens: int


def virtual_tokens(model: torch.nn.Module) -> int:
    """Positions a PEFT prompt-learning model (prompt or prefix tuning) fills before the text."""
    config = getattr(model, "active_peft_config", None)
    if config is None or not getattr(config, "is_prompt_learning", False):
        return 0
    return int(config.num_virtual_tokens)


def scoring_context(
    model: torch.nn.Module, tokenizer: PreTrainedTokenizerBase | None = None
) -> int:
    """Token positions left for text: the model's context minus any virtual tokens."""
    config = model.config
    if hasattr(config, "get_text_config"):
        config = config.get_text_config()
    limit = next(
        (
            value
            for name in _CONTEXT_ATTRIBUTES
            if isinstance(value := getattr(config, name, None), int) and value > 0
        ),
        None,
    )
    if limit is None and tokenizer is not None and 0 < tokenizer.model_max_length < 10**9:
        limit = int(tokenizer.model_max_length)
    if limit is None:
        raise ValueError(
            f"{type(model).__name__}: neither its config nor the tokenizer states a context "
            "length; set max_position_embeddings in config.json or pass context explicitly"
        )
    available = limit - virtual_tokens(model)
    if available < 2:
        raise ValueError(
            f"the model's context of {limit} positions leaves {available} for text after its "
            f"{virtual_tokens(model)} virtual tokens; train with fewer virtual tokens"
        )
    return available


def start_token_id(tokenizer: PreTrainedTokenizerBase) -> int | None:
    """The token every text is conditioned on: BOS if the tokenizer has one, else EOS."""
    if tokenizer.bos_token_id is not None:
        return int(tokenizer.bos_token_id)
    if tokenizer.eos_token_id is not None:
        return int(tokenizer.eos_token_id)
    return None


def encode_for_scoring(tokenizer: PreTrainedTokenizerBase, texts: Sequence[str]) -> list[list[int]]:
    """Token ids of each text, preceded by the start token where the tokenizer has one."""
    start = start_token_id(tokenizer)
    prefix = [] if start is None else [start]
    # verbose=False: documents longer than the context are expected (they are windowed).
    encoded = tokenizer(list(texts), add_special_tokens=False, verbose=False)["input_ids"]
    return [prefix + list(ids) for ids in encoded]


def _windows(length: int, context: int) -> list[tuple[int, int]]:
    """(start, end) of windows of at most `context` tokens, each after the first starting on the
    last token of the previous one; a window scores its tokens after its first."""
    windows, start = [], 0
    while start + 1 < length:
        end = min(start + context, length)
        windows.append((start, end))
        start = end - 1
    return windows


def _window_log_probs(
    model: torch.nn.Module, batch: list[list[int]], pad_id: int, device: torch.device
) -> list[float]:
    import torch

    width = max(len(ids) for ids in batch)
    input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    attention_mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, ids in enumerate(batch):
        input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
        attention_mask[row, : len(ids)] = 1
    input_ids, attention_mask = input_ids.to(device), attention_mask.to(device)
    logits = model(input_ids=input_ids, attention_mask=attention_mask).logits
    logits = logits[:, -width:].float()  # prompt tuning prepends virtual-token positions
    targets = input_ids[:, 1:]  # (batch, width - 1)
    log_probs = -torch.nn.functional.cross_entropy(
        logits[:, :-1].transpose(1, 2), targets, reduction="none"
    )
    scored = attention_mask[:, 1:].bool()
    log_probs = torch.where(scored, log_probs, torch.zeros_like(log_probs))  # NaN-safe masking
    return log_probs.sum(dim=1).double().cpu().tolist()


def score_token_sequences(
    model: torch.nn.Module,
    sequences: Sequence[Sequence[int]],
    context: int,
    pad_id: int = 0,
    max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
) -> list[TextScore]:
    """Summed log-probability of every token after the first of each sequence.

    Args:
        model: a causal LM in eval mode (a PEFT model too).
        sequences: token ids, each starting with the token it is conditioned on.
        context: most tokens one forward pass may take (see `scoring_context`).
        pad_id: any id in the vocabulary (padding is never scored).
        max_batch_tokens: padded tokens per forward pass, at least one window.
    """
    import torch

    if context < 2:
        raise ValueError(f"context={context}: a window needs at least 2 tokens")
    pieces = [
        (index, list(ids[start:end]))
        for index, ids in enumerate(sequences)
        for start, end in _windows(len(ids), context)
    ]
    pieces.sort(key=lambda piece: -len(piece[1]))  # stable: equal lengths keep input order
    totals = [0.0] * len(sequences)
    device = next(model.parameters()).device
    with torch.inference_mode():
        position = 0
        while position < len(pieces):
            rows = max(1, max_batch_tokens // len(pieces[position][1]))
            batch = pieces[position : position + rows]
            scores = _window_log_probs(model, [ids for _, ids in batch], pad_id, device)
            for (index, _), score in zip(batch, scores, strict=True):
                totals[index] += score
            position += rows
    return [
        TextScore(log_prob=total, n_tokens=max(0, len(ids) - 1))
        for total, ids in zip(totals, sequences, strict=True)
    ]


def score_texts(
    model: torch.nn.Module,
    tokenizer: PreTrainedTokenizerBase,
    texts: Sequence[str],
    context: int | None = None,
    max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
) -> list[TextScore]:
    """Summed token log-probability (nats) of each text, its first token conditioned on the
    start token; `context` defaults to the model's (less its virtual tokens)."""
    if not texts:
        return []
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    return score_token_sequences(
        model,
        encode_for_scoring(tokenizer, texts),
        context if context is not None else scoring_context(model, tokenizer),
        pad_id=pad_id,
        max_batch_tokens=max_batch_tokens,
    )
