"""Perplexity and bits per byte, and the shared scorer, on tiny Llamas with known answers."""

from __future__ import annotations

import json
import math

import pytest
import torch
from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.pre_tokenizers import Whitespace
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from evaluation.metric import EvaluatedModel, EvaluationData, load_evaluated_model, metric
from evaluation.scoring import encode_for_scoring, score_texts, scoring_context

WORDS = ["the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "far", "away"]
DOCUMENTS = {
    "neutral": ["the cat sat on the mat", "a dog ran far away and the cat sat on a mat", ""],
    "original": ["the dog sat", "the cat ran far away and a dog sat on the mat", "mat"],
}
DOC_IDS = ["doc-1", "doc-2", "doc-3"]


def tiny_tokenizer() -> PreTrainedTokenizerFast:
    """Word-level, no BOS token: texts are conditioned on EOS."""
    vocab = {"<eos>": 0, "<pad>": 1, "<unk>": 2} | {w: i + 3 for i, w in enumerate(WORDS)}
    backend = Tokenizer(WordLevel(vocab, unk_token="<unk>"))
    backend.pre_tokenizer = Whitespace()
    return PreTrainedTokenizerFast(
        tokenizer_object=backend, eos_token="<eos>", pad_token="<pad>", unk_token="<unk>"
    )


def tiny_llama(context: int = 16, uniform: bool = False, seed: int = 0) -> LlamaForCausalLM:
    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(WORDS) + 3,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=context,
        tie_word_embeddings=False,
        eos_token_id=0,
        pad_token_id=1,
    )
    model = LlamaForCausalLM(config)
    if uniform:  # every next-token distribution is uniform: perplexity = vocabulary size
        model.lm_head.weight.data.zero_()
    return model.eval()


def data() -> EvaluationData:
    return EvaluationData(
        test_texts=DOCUMENTS,
        test_doc_ids=DOC_IDS,
        minimal_pairs=[],
        prompts=[],
        crows_pairs_csv=None,
        gendered_terms=frozenset(),
        seed=0,
    )


def expected_uniform(arm: str, vocabulary: int) -> tuple[int, int, float]:
    texts = [text for text in DOCUMENTS[arm] if text]
    tokens = sum(len(text.split()) for text in texts)
    n_bytes = sum(len(text.encode()) for text in texts)
    return tokens, n_bytes, tokens * math.log(vocabulary) / (math.log(2) * n_bytes)


def check_uniform_result(result, vocabulary: int) -> None:
    values = {value.key: value for value in result.values}
    for arm in DOCUMENTS:
        tokens, n_bytes, bits_per_byte = expected_uniform(arm, vocabulary)
        assert values[f"ppl_{arm}"].value == pytest.approx(vocabulary, rel=1e-5)
        assert values[f"bpb_{arm}"].value == pytest.approx(bits_per_byte, rel=1e-5)
        assert (values[f"tokens_{arm}"].value, values[f"bytes_{arm}"].value) == (tokens, n_bytes)
        assert values[f"tokens_{arm}"].low is None
    assert result.details["neutral"]["empty_documents"] == 1
    items = {item.key: item for item in result.items}
    assert items["bpb_neutral"].item_ids == ["doc-1", "doc-2"]
    assert items["bpb_original"].item_ids == DOC_IDS
    per_doc = math.log(vocabulary) / math.log(2) * 3 / len(b"the dog sat")
    assert items["bpb_original"].scores[0] == pytest.approx(per_doc, rel=1e-5)


@pytest.mark.parametrize("context", [16, 4], ids=["one-window", "windows-of-4"])
def test_uniform_model_has_perplexity_equal_to_the_vocabulary(context):
    model = EvaluatedModel("base", tiny_llama(context, uniform=True), tiny_tokenizer(), "cpu", None)
    result = metric("perplexity", n_resamples=200).evaluate(model, data())
    check_uniform_result(result, len(WORDS) + 3)
    values = {value.key: value for value in result.values}
    assert values["ppl_neutral"].low == pytest.approx(14, rel=1e-5)  # every resample is uniform


def manual_log_prob(model, ids: list[int], context: int) -> float:
    """Windows written out by hand: tokens 1.. predicted once, each window restarting on the
    previous window's last token."""
    total, start = 0.0, 0
    while start + 1 < len(ids):
        window = torch.tensor([ids[start : start + context]])
        with torch.no_grad():
            log_probs = torch.log_softmax(model(input_ids=window).logits[0].double(), dim=-1)
        total += sum(log_probs[i, window[0, i + 1]].item() for i in range(window.shape[1] - 1))
        start += context - 1
    return total


@pytest.mark.parametrize("context", [16, 5])
def test_batched_scores_equal_a_direct_computation(context):
    model, tokenizer = tiny_llama(16, seed=3), tiny_tokenizer()
    texts = DOCUMENTS["neutral"][:2] + DOCUMENTS["original"]
    scores = score_texts(model, tokenizer, texts, context=context)
    tiny_batches = score_texts(model, tokenizer, texts, context=context, max_batch_tokens=2)
    for text, score, alone in zip(texts, scores, tiny_batches, strict=True):
        ids = encode_for_scoring(tokenizer, [text])[0]
        assert ids[0] == tokenizer.eos_token_id
        assert score.n_tokens == len(text.split())
        assert score.log_prob == pytest.approx(manual_log_prob(model, ids, context), abs=1e-4)
        assert alone.log_prob == pytest.approx(score.log_prob, abs=1e-4)
    assert score_texts(model, tokenizer, texts, context=context) == scores  # deterministic


def test_prompt_learning_models_score_only_the_text_and_leave_room_for_virtual_tokens():
    from peft import PrefixTuningConfig, PromptTuningConfig, get_peft_model

    tokenizer = tiny_tokenizer()
    texts = DOCUMENTS["original"][:2]
    for config in (
        PromptTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=3),
        PrefixTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=3),
    ):
        model = get_peft_model(tiny_llama(16, seed=4), config).eval()
        assert scoring_context(model, tokenizer) == 13
        for text, score in zip(texts, score_texts(model, tokenizer, texts), strict=True):
            ids = torch.tensor(encode_for_scoring(tokenizer, [text]))
            with torch.no_grad():
                logits = model(input_ids=ids).logits[0, -ids.shape[1] :]
            log_probs = torch.log_softmax(logits.double(), dim=-1)
            direct = sum(log_probs[i, ids[0, i + 1]].item() for i in range(ids.shape[1] - 1))
            assert score.log_prob == pytest.approx(direct, abs=1e-4)


def test_loaded_base_model_and_prompt_tuning_artifact(tmp_path):
    from training.strategies import strategy_config

    base_dir, artifact_dir = tmp_path / "base", tmp_path / "prompt-neutral"
    tiny_llama(16, uniform=True).save_pretrained(base_dir)
    tiny_tokenizer().save_pretrained(base_dir)
    base = load_evaluated_model("base", base_dir, None)
    assert (base.artifact_dir, base.trainer_report, base.model.training) == (None, {}, False)
    check_uniform_result(metric("perplexity").evaluate(base, data()), len(WORDS) + 3)

    strategy = strategy_config("prompt", {"num_virtual_tokens": 4, "init": "random"})
    artifact_dir.mkdir()
    strategy.save(strategy.prepare(base.model), artifact_dir)
    report = {"strategy": "prompt", "wall_seconds": 1.5}
    (tmp_path / "prompt-neutral.result.json").write_text(json.dumps(report))
    tuned = load_evaluated_model("prompt/neutral", artifact_dir, base_dir)
    assert (tuned.artifact_dir, tuned.trainer_report) == (artifact_dir, report)
    assert scoring_context(tuned.model, tuned.tokenizer) == 12
    check_uniform_result(metric("perplexity").evaluate(tuned, data()), len(WORDS) + 3)


def test_unknown_metric_and_bad_options_name_the_fix():
    with pytest.raises(KeyError, match="registered metrics"):
        metric("no-such-metric")
    with pytest.raises(ValueError, match="its options are"):
        metric("perplexity", n_resample=10)
