"""Masked-LM pseudo-log-likelihood of a sentence pair, as CrowS-Pairs' metric.py computes it.

Nangia et al. (2020): the tokens two sentences share unmodified (difflib's SequenceMatcher over
token ids, metric.py's get_span) are masked one at a time, except the first and last shared token
([CLS] and [SEP]), and the log-probabilities of the masked tokens are summed. The masked copies
of one sentence run as one batch, so a pair costs two forward passes.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase


def shared_token_positions(
    first: Sequence[int], second: Sequence[int]
) -> tuple[list[int], list[int]]:
    """Positions of the tokens both sequences share unmodified (metric.py's get_span)."""
    matcher = difflib.SequenceMatcher(None, [str(t) for t in first], [str(t) for t in second])
    template_first, template_second = [], []
    for operation, first_start, first_end, second_start, second_end in matcher.get_opcodes():
        if operation == "equal":
            template_first += list(range(first_start, first_end))
            template_second += list(range(second_start, second_end))
    return template_first, template_second


def masked_log_likelihood(
    model: torch.nn.Module, token_ids: Sequence[int], positions: Sequence[int], mask_id: int
) -> float:
    """Sum over `positions` of log p(token | the sequence with that one token masked)."""
    import torch

    if not positions:
        return 0.0
    device = next(model.parameters()).device
    original = torch.tensor(list(token_ids), dtype=torch.long, device=device)
    masked = original.repeat(len(positions), 1)  # (positions, tokens): one mask per row
    rows = torch.arange(len(positions), device=device)
    columns = torch.tensor(list(positions), dtype=torch.long, device=device)
    masked[rows, columns] = mask_id
    with torch.inference_mode():
        logits = model(input_ids=masked).logits[rows, columns].float()  # (positions, vocab)
    log_probs = torch.log_softmax(logits, dim=-1)[rows, original[columns]]
    return float(log_probs.double().sum())


def masked_lm_pair_scores(
    model: torch.nn.Module, tokenizer: PreTrainedTokenizerBase, first: str, second: str
) -> tuple[float, float]:
    """Pseudo-log-likelihoods of two sentences over their shared tokens, the first and last
    shared token (the special tokens) never masked, as metric.py's mask_unigram."""
    if tokenizer.mask_token_id is None:
        raise ValueError(
            f"{type(tokenizer).__name__} has no mask token: --masked-lm needs a masked LM's "
            "tokenizer (BERT, RoBERTa, ALBERT); drop --masked-lm for a causal LM"
        )
    if getattr(tokenizer, "do_lower_case", False):  # metric.py lowercases for uncased models
        first, second = first.lower(), second.lower()
    first_ids, second_ids = tokenizer.encode(first), tokenizer.encode(second)
    template_first, template_second = shared_token_positions(first_ids, second_ids)
    return (
        masked_log_likelihood(model, first_ids, template_first[1:-1], tokenizer.mask_token_id),
        masked_log_likelihood(model, second_ids, template_second[1:-1], tokenizer.mask_token_id),
    )
