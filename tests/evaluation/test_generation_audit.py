"""Generation audit: exact rates from a generator that emits known words; seeding; peft models."""

from __future__ import annotations

import pytest
import torch
from peft import PromptTuningConfig, get_peft_model
from transformers import PreTrainedTokenizerFast

from evaluation.gendered_words import GenderedWordCounter
from evaluation.generation_audit import (
    GenerationAudit,
    GenerationAuditConfig,
    prompt_seed,
    sample_continuations,
)
from evaluation.metric import EvaluatedModel, EvaluationData
from evaluation.prompts import PromptFileError, load_generation_prompts
from tests.evaluation.tiny_models import SPECIAL, tiny_llama, word_tokenizer

TERMS = frozenset({"chairman", "vice-chairman"})
# What the scripted generator emits for samples 0, 1, 2 of every prompt (then EOS and padding).
SCRIPT = ("the chairmen said he was busy", "the nurse arrived", "she thanked him")
PROMPTS = ("the chairman said that he", "the nurse said that she", "the firefighter arrived and")
WORDS = SPECIAL + sorted({word for text in SCRIPT + PROMPTS for word in text.split()})


class ScriptedGenerator(torch.nn.Module):
    """Continues every prompt row k with SCRIPT[k], then EOS and padding; records its kwargs."""

    def __init__(self, tokenizer: PreTrainedTokenizerFast) -> None:
        super().__init__()
        self.rows = [tokenizer(text)["input_ids"] + [1] for text in SCRIPT]
        self.calls: list[dict] = []

    def generate(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, **kwargs):
        self.calls.append({"rows": input_ids.shape[0], **kwargs})
        width = max(len(row) for row in self.rows)
        new = [self.rows[k % len(self.rows)] for k in range(input_ids.shape[0])]
        new = torch.tensor([row + [0] * (width - len(row)) for row in new])
        return torch.cat([input_ids, new], dim=1)


def evaluation_data(prompts: list[str], seed: int = 0) -> EvaluationData:
    return EvaluationData(
        test_texts={},
        test_doc_ids=[],
        minimal_pairs=[],
        prompts=prompts,
        crows_pairs_csv=None,
        gendered_terms=TERMS,
        seed=seed,
    )


def evaluated(model: torch.nn.Module, tokenizer, name: str = "base") -> EvaluatedModel:
    return EvaluatedModel(
        name=name, model=model, tokenizer=tokenizer, device="cpu", artifact_dir=None
    )


def test_counter_matches_whole_words_plurals_possessives_and_longest_terms():
    counts = GenderedWordCounter(TERMS).count(
        "The Chairman's notes: two chairmen, the vice-chairman. He's there; the theme is hers."
    )
    assert counts.catalogue_terms == {"chairman": 1, "chairmen": 1, "vice-chairman": 1}
    assert counts.pronouns == {"he": 1, "hers": 1}  # not 'he' in 'the' or 'theme'
    assert counts.words == 13


def test_rates_and_shares_are_exact_for_known_generations():
    tokenizer = word_tokenizer(WORDS)
    generator = ScriptedGenerator(tokenizer)
    # The prompts hold gendered words: only the new tokens may be counted.
    prompts = list(PROMPTS[:2])
    audit = GenerationAudit(samples_per_prompt=3, max_new_tokens=8, n_resamples=200)
    result = audit.evaluate(evaluated(generator, tokenizer), evaluation_data(prompts))
    values = {value.key: value for value in result.values}
    # Per prompt: 6 + 3 + 3 = 12 words; 1 catalogue term (chairmen); pronouns he, she, him = 3.
    assert values["catalogue_terms_per_1k_words"].value == pytest.approx(1000 * 2 / 24)
    assert values["pronouns_per_1k_words"].value == pytest.approx(1000 * 6 / 24)
    assert values["share_with_catalogue_term"].value == pytest.approx(2 / 6)
    assert values["share_with_pronoun"].value == pytest.approx(4 / 6)
    assert values["share_with_any"].value == pytest.approx(4 / 6)
    assert all(value.n == 6 and value.low <= value.value <= value.high for value in values.values())
    items = {item.key: item for item in result.items}
    assert items["share_with_pronoun"].item_ids[:4] == [
        "prompt-000/sample-00",
        "prompt-000/sample-01",
        "prompt-000/sample-02",
        "prompt-001/sample-00",
    ]
    rate_items = items["catalogue_terms_per_1k_words"].scores  # mean equals the pooled rate
    assert sum(rate_items) / len(rate_items) == pytest.approx(1000 * 2 / 24)
    assert result.details["generated_words"] == 24
    assert result.details["catalogue_term_counts"] == {"chairmen": 2}
    assert generator.calls[0] == {
        "rows": 3,
        "do_sample": True,
        "temperature": 1.0,
        "top_p": 0.95,
        "top_k": 0,
        "max_new_tokens": 8,
        "pad_token_id": 0,
    }


def test_a_prompts_generations_do_not_depend_on_order_and_leave_the_rng_alone():
    tokenizer, model = word_tokenizer(WORDS), tiny_llama(len(WORDS))
    config = GenerationAuditConfig(samples_per_prompt=4, max_new_tokens=6)
    first, second = "the nurse said that", "the firefighter arrived and"

    def run(prompt: str) -> list[str]:
        return sample_continuations(model, tokenizer, prompt, config, prompt_seed(7, prompt), "cpu")

    state = torch.get_rng_state()
    in_order = [run(first), run(second)]
    reversed_order = [run(second), run(first)][::-1]
    assert in_order == reversed_order
    assert torch.equal(torch.get_rng_state(), state)
    assert len(set(in_order[0])) > 1  # sampled, not four copies of one greedy text


def test_a_prompt_tuning_peft_model_is_audited_on_new_tokens_only():
    tokenizer = word_tokenizer(WORDS)
    peft_model = get_peft_model(
        tiny_llama(len(WORDS)), PromptTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=3)
    ).eval()
    prompts = ["the nurse said that", "the firefighter arrived and"]  # four words each
    audit = GenerationAudit(samples_per_prompt=3, max_new_tokens=3, n_resamples=200)
    data = evaluation_data(prompts, seed=3)
    result = audit.evaluate(evaluated(peft_model, tokenizer, "prompt/neutral"), data)
    again = audit.evaluate(evaluated(peft_model, tokenizer, "prompt/neutral"), data)
    assert result == again  # fixed seed: identical generations and intervals
    assert result.details["generations"] == 6
    # One word per token: a continuation with the 4-word prompt in it would exceed 3 words.
    assert result.details["generated_words"] <= 6 * 3
    assert all(len(text.split()) <= 3 for text in result.details["examples"].values())
    base_result = audit.evaluate(evaluated(tiny_llama(len(WORDS)), tokenizer), data)
    assert base_result.items[0].item_ids == result.items[0].item_ids  # pairable with the base


def test_bad_options_and_prompt_files_name_the_fix(tmp_path):
    with pytest.raises(ValueError, match="its options are"):
        GenerationAudit(samples_per_prompts=3)
    empty = tmp_path / "prompts.txt"
    empty.write_text("# only a comment\n\n")
    with pytest.raises(PromptFileError, match="one prompt per line"):
        load_generation_prompts(empty)
    repeated = tmp_path / "repeated.txt"
    repeated.write_text("The nurse said\nThe nurse said\n")
    with pytest.raises(PromptFileError, match="repeats the prompt of line 1"):
        load_generation_prompts(repeated)


def test_the_shipped_prompts_are_neutral_and_about_forty():
    prompts = load_generation_prompts()
    assert 35 <= len(prompts) <= 50
    from corpus.rewrite.catalogue import load_catalogue

    terms = {entry.term for entry in load_catalogue().entries}
    counter = GenderedWordCounter(terms)
    gendered = {p: c for p in prompts if (c := counter.count(p)).catalogue_total + c.pronoun_total}
    assert gendered == {}
