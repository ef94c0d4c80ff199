"""Cost metric: trainer-report numbers passed through, sizes on disk, latency merged/unmerged."""

from __future__ import annotations

import pytest
import torch
from peft import LoraConfig, PrefixTuningConfig, get_peft_model
from transformers import LlamaForCausalLM

from evaluation.cost import Cost, CostConfig, directory_bytes
from evaluation.metric import EvaluatedModel, EvaluationData
from tests.evaluation.tiny_models import SPECIAL, tiny_llama, word_tokenizer

WORDS = SPECIAL + CostConfig().latency_prompt.lower().split()
FAST = {"latency_new_tokens": 4, "latency_runs": 3, "warmup_runs": 1}
TRAINER_REPORT = {  # a TrainResult's fields as JSON (training/spec.py)
    "strategy": "lora",
    "arm": "neutral",
    "trainable_parameters": 1234,
    "total_parameters": 100_000,
    "peak_memory_bytes": 5_000_000,
    "wall_seconds": 12.5,
    "tokens_per_second": 800.0,
}
NO_DATA = EvaluationData(
    test_texts={},
    test_doc_ids=[],
    minimal_pairs=[],
    prompts=[],
    crows_pairs_csv=None,
    gendered_terms=frozenset(),
    seed=0,
)


def values_of(result) -> dict[str, float]:
    return {value.key: value.value for value in result.values}


def test_lora_reports_the_trainer_numbers_size_and_both_latencies(tmp_path):
    lora = get_peft_model(
        tiny_llama(len(WORDS)),
        LoraConfig(task_type="CAUSAL_LM", r=2, target_modules=["q_proj", "v_proj"]),
    ).eval()
    lora.save_pretrained(tmp_path / "artifact")
    prompt = torch.tensor([[3, 4, 5]])
    before = lora(input_ids=prompt).logits
    model = EvaluatedModel(
        name="lora/neutral",
        model=lora,
        tokenizer=word_tokenizer(WORDS),
        device="cpu",
        artifact_dir=tmp_path / "artifact",
        trainer_report=TRAINER_REPORT,
    )
    result = Cost(**FAST).evaluate(model, NO_DATA)
    values = values_of(result)
    assert values["trainable_parameters"] == 1234
    assert values["total_parameters"] == 100_000
    assert values["trainable_share"] == pytest.approx(0.01234)
    assert values["peak_training_memory_bytes"] == 5_000_000
    assert values["training_wall_seconds"] == 12.5
    assert values["training_tokens_per_second"] == 800.0
    assert values["artifact_bytes"] == directory_bytes(tmp_path / "artifact") > 0
    assert values["latency_ms_per_token"] > 0
    assert values["latency_ms_per_token_merged"] > 0
    assert len(result.details["merged_latency_runs_ms_per_token"]) == 3
    assert "merged_latency_skipped" not in result.details
    # Merging worked on a copy: the evaluated model still has its unmerged adapters.
    assert hasattr(lora, "peft_config")
    assert torch.equal(lora(input_ids=prompt).logits, before)


def test_prefix_tuning_is_timed_unmerged_and_says_why():
    prefix = get_peft_model(
        tiny_llama(len(WORDS)), PrefixTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=2)
    ).eval()
    report = TRAINER_REPORT | {"strategy": "prefix"}
    model = EvaluatedModel("prefix/original", prefix, word_tokenizer(WORDS), "cpu", None, report)
    result = Cost(**FAST).evaluate(model, NO_DATA)
    values = values_of(result)
    assert values["latency_ms_per_token"] > 0
    assert "latency_ms_per_token_merged" not in values
    assert "virtual tokens" in result.details["merged_latency_skipped"]


def test_the_base_counts_its_own_parameters_and_directory(tmp_path):
    tiny_llama(len(WORDS)).save_pretrained(tmp_path / "base")
    base = LlamaForCausalLM.from_pretrained(tmp_path / "base").eval()
    model = EvaluatedModel("base", base, word_tokenizer(WORDS), "cpu", None, {})
    result = Cost(**FAST).evaluate(model, NO_DATA)
    values = values_of(result)
    assert values["trainable_parameters"] == 0
    assert values["total_parameters"] == sum(p.numel() for p in base.parameters())
    assert values["artifact_bytes"] == directory_bytes(tmp_path / "base")
    assert "training_wall_seconds" not in values
    assert result.details["not_in_trainer_report"] == [
        "peak_memory_bytes",
        "wall_seconds",
        "tokens_per_second",
    ]
    assert "not a peft adapter model" in result.details["merged_latency_skipped"]
    assert all(value.low is None and value.high is None for value in result.values)
