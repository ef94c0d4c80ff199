"""Minimal pairs from a real rewrite log, and neutral preference under a model whose preferences
are set by hand (an output bias independent of context, so every score is analytic)."""

from __future__ import annotations

import math

import polars as pl
import pytest
import torch
from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.pre_tokenizers import Whitespace
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from corpus.rewrite import (
    DEFAULT_CATALOGUE_PATH,
    DEFAULT_EXCLUSIONS_PATH,
    Rewriter,
    load_catalogue,
    rewrite_documents,
)
from evaluation.metric import EvaluatedModel, EvaluationData, metric
from evaluation.pairs import MinimalPair, PairConfig, build_minimal_pairs, rule_kind

CLEAN = {
    "doc-a": "The chairman opened the meeting. She thanks an actress for coming. It rained all "
    "day.\nMr. Brown said he is a fireman. The policemen and policewomen waited.",
    "doc-b": "He runs fast. He runs fast. " + "The chairman read the list " + "again " * 40 + ".",
    "doc-c": "Nothing to change here.",
}


def rewrite_log(documents: pl.DataFrame) -> pl.DataFrame:
    rewriter = Rewriter(load_catalogue(DEFAULT_CATALOGUE_PATH, DEFAULT_EXCLUSIONS_PATH))
    return rewrite_documents(documents.with_columns(shard=pl.lit("s0")), rewriter)[1]


def test_one_pair_per_edited_sentence_with_only_its_own_edits():
    documents = pl.DataFrame({"doc_id": list(CLEAN), "text": list(CLEAN.values())})
    log = rewrite_log(documents)
    built = build_minimal_pairs(documents, log, PairConfig(max_sentence_chars=200))
    assert [(p.pair_id, p.kind, p.gendered, p.neutral) for p in built.pairs] == [
        (
            "doc-a#0",
            "noun",
            "The chairman opened the meeting.",
            "The chairperson opened the meeting.",
        ),
        (
            "doc-a#33",
            "mixed",
            "She thanks an actress for coming.",
            "They thank an actor for coming.",
        ),
        (
            "doc-a#86",
            "mixed",
            "Mr. Brown said he is a fireman.",
            "Mr. Brown said they are a firefighter.",
        ),
        (
            "doc-a#118",
            "noun",
            "The policemen and policewomen waited.",
            "The police officers waited.",
        ),
        ("doc-b#0", "pronoun", "He runs fast.", "They run fast."),
    ]
    assert built.skipped == {"too_long": 1, "duplicate": 1}
    # Only the documents passed count: the test split's pairs from the whole corpus' log.
    only_b = build_minimal_pairs(documents.filter(pl.col("doc_id") == "doc-b"), log)
    assert [pair.pair_id for pair in only_b.pairs] == ["doc-b#0", "doc-b#28"]


def test_rule_kinds_and_mismatched_logs_fail_with_the_fix():
    assert [rule_kind(r) for r in ("catalogue:-man", "article", "pronoun:object")] == [
        "noun",
        "noun",
        "pronoun",
    ]
    assert rule_kind("verb_agreement") == "pronoun"
    with pytest.raises(ValueError, match="NOUN_RULE_PREFIXES"):
        rule_kind("spelling")
    documents = pl.DataFrame({"doc_id": ["d"], "text": ["The chairman sat."]})
    shifted = pl.DataFrame(
        {
            "doc_id": ["d"],
            "start": [5],
            "end": [13],
            "original": ["chairman"],
            "replacement": ["chairperson"],
            "rule": ["catalogue:-man"],
        }
    )
    with pytest.raises(ValueError, match="offsets index the clean text"):
        build_minimal_pairs(documents, shifted)
    with pytest.raises(ValueError, match="lacks the column"):
        build_minimal_pairs(documents, shifted.drop("rule"))


# Output bias per word (logits are this bias at every position, whatever the context).
BIAS = {"chairperson": 3.0, "firefighter": 3.0, "they": -3.0, "policemen": -1.0}
WORDS = "the chairman chairperson fireman firefighter spoke ran he she they runs run fast "
WORDS += "policemen police officers waited ."
PAIRS = [  # (kind, gendered, neutral)
    ("noun", "the chairman spoke .", "the chairperson spoke ."),
    ("noun", "the fireman ran .", "the firefighter ran ."),
    ("noun", "the policemen waited .", "the police officers waited ."),
    ("pronoun", "he runs fast .", "they run fast ."),
    ("pronoun", "she ran .", "they ran ."),
]


def biased_model() -> EvaluatedModel:
    words = WORDS.split()
    vocab = {"<eos>": 0, "<pad>": 1, "<unk>": 2} | {w: i + 3 for i, w in enumerate(words)}
    backend = Tokenizer(WordLevel(vocab, unk_token="<unk>"))
    backend.pre_tokenizer = Whitespace()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, eos_token="<eos>", pad_token="<pad>", unk_token="<unk>"
    )
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=32,
    )
    model = LlamaForCausalLM(config)
    model.lm_head = torch.nn.Linear(32, len(vocab), bias=True)
    model.lm_head.weight.data.zero_()
    model.lm_head.bias.data = torch.tensor([BIAS.get(word, 0.0) for word in vocab])
    return EvaluatedModel("base", model.eval(), tokenizer, "cpu", None)


def analytic_log_prob(sentence: str, vocabulary: list[str]) -> float:
    normaliser = math.log(sum(math.exp(BIAS.get(word, 0.0)) for word in vocabulary))
    return sum(BIAS.get(word, 0.0) - normaliser for word in sentence.split())


def test_neutral_preference_of_a_model_built_to_prefer_neutral_nouns_and_gendered_pronouns():
    model = biased_model()
    vocabulary = list(model.tokenizer.get_vocab())
    pairs = [
        MinimalPair(pair_id=f"p{i}", doc_id="d", kind=kind, gendered=gendered, neutral=neutral)
        for i, (kind, gendered, neutral) in enumerate(PAIRS)
    ]
    data = EvaluationData({}, [], pairs, [], None, frozenset(), seed=0)
    result = metric("neutral_preference", n_resamples=200).evaluate(model, data)
    values = {value.key: value for value in result.values}
    # policemen -> police officers: lower in sum (one more token), higher per token.
    assert values["neutral_preference_noun"].value == pytest.approx(2 / 3)
    assert values["neutral_preference_per_token_noun"].value == 1.0
    per_token_noun = values["neutral_preference_per_token_noun"]
    assert (per_token_noun.low, per_token_noun.high) == (1.0, 1.0)
    assert values["neutral_preference_pronoun"].value == 0.0
    assert values["neutral_preference_per_token_pronoun"].value == 0.0
    assert values["neutral_preference"].value == pytest.approx(2 / 5)
    assert values["neutral_preference"].n == 5 and "neutral_preference_mixed" not in values
    items = {item.key: item for item in result.items}
    assert items["neutral_preference"].scores == [1.0, 1.0, 0.0, 0.0, 0.0]
    assert items["neutral_preference_pronoun"].item_ids == ["p3", "p4"]
    expected = [
        analytic_log_prob(neutral, vocabulary) - analytic_log_prob(gendered, vocabulary)
        for _, gendered, neutral in PAIRS
    ]
    assert items["neutral_margin"].scores == pytest.approx(expected, abs=1e-4)
    assert expected[0] == pytest.approx(3.0) and expected[3] == pytest.approx(-3.0)
    assert result.details == {"pairs": 5, "by_kind": {"noun": 3, "pronoun": 2, "mixed": 0}}
