"""Pack documents into fixed-length blocks for causal language modelling.

Documents are tokenised without special tokens, each followed by the tokenizer's EOS token, and
the resulting stream is cut into contiguous blocks; the final partial block is dropped. This is
the packing of GPT-2/3 pretraining (Radford et al. 2019; Brown et al. 2020) and of the Hugging
Face `run_clm` example: no padding, every position a real token, documents separated by EOS.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from itertools import islice

import numpy as np
import torch
from torch.utils.data import Dataset

# Texts tokenised per call: large enough for the Rust tokenizer's batch parallelism, small enough
# that one batch of token lists stays a few MB.
TOKENIZE_BATCH = 1000


class TooFewTokensError(ValueError):
    """The texts give fewer tokens than one block."""

    def __init__(self, n_tokens: int, block_size: int) -> None:
        self.n_tokens = n_tokens
        self.block_size = block_size
        super().__init__(
            f"train split has {n_tokens} tokens, fewer than one block of {block_size}: "
            "lower block_size or add data"
        )


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    iterator = iter(texts)
    while batch := list(islice(iterator, size)):
        yield batch


def token_stream(texts: Iterable[str], tokenizer, eos_token_id: int) -> np.ndarray:
    """All documents' token ids, EOS after each, as one int64 array."""
    stream = array("q")
    for batch in _batches(texts, TOKENIZE_BATCH):
        encoded = tokenizer(batch, add_special_tokens=False, verbose=False)["input_ids"]
        for ids in encoded:
            stream.extend(ids)
            stream.append(eos_token_id)
    return np.frombuffer(stream, dtype=np.int64) if stream else np.zeros(0, dtype=np.int64)


def pack_documents(texts: Iterable[str], tokenizer, block_size: int) -> torch.LongTensor:
    """Tokenise `texts`, join them with EOS and cut the stream into blocks.

    Args:
        texts: the documents, in the order they are packed.
        tokenizer: a Hugging Face tokenizer with an EOS token.
        block_size: tokens per block (the training context length).

    Returns:
        LongTensor[n_blocks, block_size]; the tokens after the last full block are dropped.
    """
    if block_size < 2:
        raise ValueError(f"block_size is {block_size}: a causal LM block needs at least 2 tokens")
    eos_token_id = tokenizer.eos_token_id
    if eos_token_id is None:
        raise ValueError(
            f"tokenizer {type(tokenizer).__name__} has no EOS token to separate documents: "
            "set tokenizer.eos_token before packing"
        )
    stream = token_stream(texts, tokenizer, eos_token_id)
    n_blocks = len(stream) // block_size
    if n_blocks == 0:
        raise TooFewTokensError(len(stream), block_size)
    blocks = stream[: n_blocks * block_size].reshape(n_blocks, block_size)
    return torch.from_numpy(blocks.copy())


class PackedDataset(Dataset):
    """Blocks as causal-LM examples; labels equal input_ids because the model shifts them."""

    def __init__(self, blocks: torch.Tensor) -> None:
        if blocks.dim() != 2:
            raise ValueError(
                f"blocks must be [n_blocks, block_size], got shape {tuple(blocks.shape)}: "
                "build them with pack_documents"
            )
        self.blocks = blocks.long()

    def __len__(self) -> int:
        return self.blocks.shape[0]

    def __getitem__(self, index: int) -> dict[str, torch.Tensor]:
        block = self.blocks[index]
        return {"input_ids": block, "labels": block.clone()}
