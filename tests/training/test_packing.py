"""Packing: documents joined with EOS, cut into full blocks, with a clear error when too short."""

from __future__ import annotations

import pytest
import torch
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast

from training import packing
from training.packing import PackedDataset, pack_documents

VOCAB = {"<eos>": 0, "<unk>": 1, "a": 2, "b": 3, "c": 4, "d": 5, "e": 6}


def word_tokenizer(eos: str | None = "<eos>") -> PreTrainedTokenizerFast:
    """One id per word, so expected blocks can be written out by hand."""
    tokenizer = Tokenizer(models.WordLevel(vocab=VOCAB, unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token=eos, unk_token="<unk>")


def test_documents_are_joined_with_eos_and_cut_into_contiguous_blocks():
    blocks = pack_documents(["a b", "c", "d e a"], word_tokenizer(), block_size=3)
    # stream: a b <eos> c <eos> d e a <eos>  ->  9 tokens, 3 blocks of 3
    assert blocks.tolist() == [[2, 3, 0], [4, 0, 5], [6, 2, 0]]
    assert blocks.dtype == torch.long


def test_the_final_partial_block_is_dropped():
    blocks = pack_documents(["a b c d", "e"], word_tokenizer(), block_size=4)
    # stream: a b c d <eos> e <eos>  ->  one full block, 3 tokens dropped
    assert blocks.tolist() == [[2, 3, 4, 5]]


def test_batched_tokenisation_gives_the_same_stream(monkeypatch):
    texts = [f"a b {'c ' * (i % 3)}d" for i in range(25)]
    whole = pack_documents(texts, word_tokenizer(), block_size=5)
    monkeypatch.setattr(packing, "TOKENIZE_BATCH", 4)
    batched = pack_documents(iter(texts), word_tokenizer(), block_size=5)
    assert torch.equal(whole, batched)


def test_too_little_text_names_the_token_count_and_the_fix():
    with pytest.raises(ValueError, match="train split has 5 tokens, fewer than one block of 8"):
        pack_documents(["a b", "c"], word_tokenizer(), block_size=8)
    with pytest.raises(ValueError, match="lower block_size or add data"):
        pack_documents([], word_tokenizer(), block_size=8)


def test_a_tokenizer_without_eos_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="set tokenizer.eos_token"):
        pack_documents(["a b"], word_tokenizer(eos=None), block_size=2)


def test_packed_dataset_items_are_causal_lm_examples():
    blocks = pack_documents(["a b", "c", "d e a"], word_tokenizer(), block_size=3)
    dataset = PackedDataset(blocks)
    assert len(dataset) == 3
    item = dataset[1]
    assert set(item) == {"input_ids", "labels"}
    assert item["input_ids"].tolist() == [4, 0, 5]
    assert torch.equal(item["labels"], item["input_ids"])
    item["labels"][0] = -100  # a collator masking labels must not change the inputs
    assert dataset[1]["input_ids"].tolist() == [4, 0, 5]


def test_packed_dataset_refuses_a_flat_tensor():
    with pytest.raises(ValueError, match="build them with pack_documents"):
        PackedDataset(torch.arange(6))
