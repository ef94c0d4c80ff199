"""Strategy x tiny-model matrix: train a few steps, save, reload, same logits; plus the errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import torch
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import (
    GPT2Config,
    GPT2LMHeadModel,
    LlamaConfig,
    LlamaForCausalLM,
    PreTrainedTokenizerFast,
)

from training.strategies import (
    STRATEGIES,
    StrategyError,
    count_parameters,
    load_trained_model,
    strategy_config,
)
from training.strategies.qlora import require_bitsandbytes

VOCAB, HIDDEN, LAYERS, CONTEXT = 128, 32, 2, 64
LLAMA_KV = 16  # num_key_value_heads (2) x head_dim (32 / 4 heads)
SENTENCES = [
    "the nurse said she would check the chart",
    "the engineer said he would fix the bridge",
    "every student should bring their own book",
    "the chair of the board opened the meeting",
]

# Options per strategy for the matrix: small sizes, no dropout so losses are deterministic.
OPTIONS = {
    "full": {},
    "partial": {"top_blocks": 1, "train_norm": True},
    "lora": {"r": 4, "alpha": 8, "dropout": 0.0},
    "qlora": {"r": 4, "alpha": 8, "dropout": 0.0, "compute_dtype": "float32"},
    "adapter": {"bottleneck_size": 8, "after_attention": True, "after_mlp": True},
    "prompt": {"num_virtual_tokens": 4, "init": "text", "init_text": "the nurse said"},
    "prefix": {"num_virtual_tokens": 4, "projection": True, "encoder_hidden_size": 16},
    "ia3": {},
    "head_only": {},
}
# Large steps so 5 steps on random tiny models show a clear fall; others use 1e-2.
LEARNING_RATES = {"full": 1e-3, "prompt": 0.1, "ia3": 0.1}


def build_tokenizer() -> PreTrainedTokenizerFast:
    word_level = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    word_level.pre_tokenizer = pre_tokenizers.Whitespace()
    special = ["[UNK]", "[PAD]", "</s>"]
    word_level.train_from_iterator(SENTENCES, trainers.WordLevelTrainer(special_tokens=special))
    return PreTrainedTokenizerFast(
        tokenizer_object=word_level, unk_token="[UNK]", pad_token="[PAD]", eos_token="</s>"
    )


def build_model(architecture: str):
    special = {"bos_token_id": 2, "eos_token_id": 2, "pad_token_id": 1}
    if architecture == "llama":
        config = LlamaConfig(
            vocab_size=VOCAB,
            hidden_size=HIDDEN,
            intermediate_size=64,
            num_hidden_layers=LAYERS,
            num_attention_heads=4,
            num_key_value_heads=2,
            max_position_embeddings=CONTEXT,
            **special,
        )
        return LlamaForCausalLM(config)
    no_dropout = {"resid_pdrop": 0.0, "embd_pdrop": 0.0, "attn_pdrop": 0.0}  # steady losses
    config = GPT2Config(
        n_embd=HIDDEN,
        n_layer=LAYERS,
        n_head=4,
        vocab_size=VOCAB,
        n_positions=CONTEXT,
        **no_dropout,
        **special,
    )
    return GPT2LMHeadModel(config)


@pytest.fixture(scope="module")
def base_dirs(tmp_path_factory) -> dict[str, Path]:
    torch.manual_seed(0)
    tokenizer = build_tokenizer()
    directories = {}
    for architecture in ("llama", "gpt2"):
        directory = tmp_path_factory.mktemp(f"base-{architecture}")
        build_model(architecture).save_pretrained(directory)
        tokenizer.save_pretrained(directory)
        directories[architecture] = directory
    return directories


def fresh_base(base_dirs, architecture: str):
    from transformers import AutoModelForCausalLM

    return AutoModelForCausalLM.from_pretrained(base_dirs[architecture], dtype=torch.float32)


def batch() -> dict[str, torch.Tensor]:
    generator = torch.Generator().manual_seed(1)
    input_ids = torch.randint(3, VOCAB, (4, 12), generator=generator)
    return {
        "input_ids": input_ids,
        "labels": input_ids.clone(),
        "attention_mask": torch.ones_like(input_ids),
    }


def projection_sizes(model, suffixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """(in, out) of every projection whose name ends with one of `suffixes`."""
    sizes = []
    for name, module in model.named_modules():
        if any(name.endswith("." + s) for s in suffixes):
            rows, columns = module.weight.shape
            # nn.Linear stores (out, in), GPT-2's Conv1D (in, out).
            sizes.append((columns, rows) if type(module).__name__ == "Linear" else (rows, columns))
    return sizes


def expected_trainable(name: str, architecture: str, base) -> int:
    """Trainable parameter count worked out from the architecture, not from the strategy code."""
    llama = architecture == "llama"
    options = OPTIONS[name]
    if name == "full":
        return sum(p.numel() for p in base.parameters())
    if name == "partial":
        top = ("model.layers.1.", "model.norm.")  # top block and final norm
        prefixes = top if llama else ("transformer.h.1.", "transformer.ln_f.")
        return sum(p.numel() for n, p in base.named_parameters() if n.startswith(prefixes))
    if name in ("lora", "qlora"):
        attention = ("q_proj", "k_proj", "v_proj", "o_proj") if llama else ("c_attn", "attn.c_proj")
        mlp = ("gate_proj", "up_proj", "down_proj") if llama else ("c_fc", "mlp.c_proj")
        sizes = projection_sizes(base, attention + (mlp if name == "qlora" else ()))
        return sum(options["r"] * (fan_in + fan_out) for fan_in, fan_out in sizes)
    if name == "adapter":
        size = options["bottleneck_size"]
        return LAYERS * 2 * (HIDDEN * size + size + size * HIDDEN + HIDDEN)
    if name == "prompt":
        return options["num_virtual_tokens"] * HIDDEN
    if name == "prefix":
        # peft sizes a virtual token like one key (or value): the kv width under Llama's GQA.
        tokens, width = options["num_virtual_tokens"], options["encoder_hidden_size"]
        token = LLAMA_KV if llama else HIDDEN
        past = LAYERS * 2 * token  # one key and one value per layer
        return tokens * token + (token * width + width) + (width * past + past)
    if name == "ia3":  # key and value outputs, MLP-down input, per layer
        scaled = 16 + 16 + 64 if llama else 3 * HIDDEN + 4 * HIDDEN
        return LAYERS * scaled
    assert name == "head_only"
    return VOCAB * HIDDEN


def train_steps(model, name: str, steps: int = 5) -> list[float]:
    torch.manual_seed(0)
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(parameters, lr=LEARNING_RATES.get(name, 1e-2))
    model.train()
    losses = []
    for _ in range(steps):
        loss = model(**batch()).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    return losses


def logits(model) -> torch.Tensor:
    model.eval()
    with torch.no_grad():
        return model(**batch()).logits


MATRIX = [(name, arch) for name in STRATEGIES for arch in ("llama", "gpt2")]


@pytest.mark.parametrize(("name", "architecture"), MATRIX)
def test_trains_saves_and_reloads_to_the_same_logits(name, architecture, base_dirs, tmp_path):
    config = strategy_config(name, OPTIONS[name])
    base_dir = base_dirs[architecture]
    base = config.load_base(base_dir, dtype=torch.float32, device="cpu")
    config.check_compatible(base)
    model = config.prepare(base)

    expected = expected_trainable(name, architecture, fresh_base(base_dirs, architecture))
    assert count_parameters(model).trainable == expected

    losses = train_steps(model, name)
    assert losses[-1] < losses[0], losses

    artifact = tmp_path / "artifact"
    artifact.mkdir()
    config.save(model, artifact)
    suffixes = {path.suffix for path in artifact.iterdir()}
    assert suffixes <= {".safetensors", ".json"}, suffixes
    record = json.loads((artifact / "neutune_strategy.json").read_text())
    assert record["name"] == name and record["config"] == config.model_dump(mode="json")

    # Also qlora: its base is re-quantised from the same weights, which is deterministic.
    reloaded = load_trained_model(artifact, base_dir)
    torch.testing.assert_close(logits(reloaded), logits(model), atol=1e-5, rtol=1e-5)


def test_reload_finds_the_base_in_lineage_json(base_dirs, tmp_path):
    config = strategy_config("head_only")
    model = config.prepare(config.load_base(base_dirs["gpt2"], dtype=torch.float32, device="cpu"))
    train_steps(model, "head_only", steps=2)
    artifact = tmp_path / "artifact"
    artifact.mkdir()
    config.save(model, artifact)
    (artifact / "lineage.json").write_text(json.dumps({"base_model_dir": str(base_dirs["gpt2"])}))
    torch.testing.assert_close(logits(load_trained_model(artifact)), logits(model))


def test_head_only_unties_a_tied_head_and_leaves_embeddings_alone(base_dirs):
    config = strategy_config("head_only")
    model = config.prepare(config.load_base(base_dirs["gpt2"], dtype=torch.float32, device="cpu"))
    embeddings = model.get_input_embeddings().weight.detach().clone()
    train_steps(model, "head_only", steps=2)
    assert model.get_output_embeddings().weight is not model.get_input_embeddings().weight
    torch.testing.assert_close(model.get_input_embeddings().weight, embeddings, atol=0, rtol=0)


def test_adapters_start_as_the_identity(base_dirs):
    base = fresh_base(base_dirs, "llama")
    before = logits(base)
    adapted = strategy_config("adapter", OPTIONS["adapter"]).prepare(base)
    torch.testing.assert_close(logits(adapted), before, atol=0, rtol=0)


def test_unknown_strategy_lists_the_valid_ones():
    with pytest.raises(StrategyError, match="valid strategies") as error:
        strategy_config("lora2")
    assert all(name in str(error.value) for name in STRATEGIES)


def test_bad_option_names_the_options():
    with pytest.raises(StrategyError, match="rank") as error:
        strategy_config("lora", {"rank": 8})
    assert "target_modules" in str(error.value)
    with pytest.raises(StrategyError, match="r: Input should be greater than or equal to 1"):
        strategy_config("lora", {"r": 0})


def test_absent_target_modules_list_the_modules_present(base_dirs):
    config = strategy_config("lora", {"target_modules": ["query", "q_proj"]})
    with pytest.raises(StrategyError, match=r"\['query'\]") as error:
        config.check_compatible(fresh_base(base_dirs, "llama"))
    assert "q_proj" in str(error.value) and "down_proj" in str(error.value)


def test_too_many_virtual_tokens(base_dirs):
    for name in ("prompt", "prefix"):
        config = strategy_config(name, {"num_virtual_tokens": CONTEXT})
        with pytest.raises(StrategyError, match=f"context of {CONTEXT}"):
            config.check_compatible(fresh_base(base_dirs, "gpt2"))


def test_top_blocks_beyond_the_model(base_dirs):
    config = strategy_config("partial", {"top_blocks": LAYERS + 1})
    with pytest.raises(StrategyError, match=f"has only {LAYERS} blocks"):
        config.check_compatible(fresh_base(base_dirs, "llama"))


def test_prompt_text_init_needs_a_tokenizer(tmp_path):
    build_model("llama").save_pretrained(tmp_path)
    config = strategy_config("prompt", {"num_virtual_tokens": 4})
    base = config.load_base(tmp_path, dtype=torch.float32, device="cpu")
    with pytest.raises(StrategyError, match="init to 'random'"):
        config.check_compatible(base)


def test_load_without_a_known_base_asks_for_base_dir(tmp_path):
    (tmp_path / "neutune_strategy.json").write_text(json.dumps({"name": "lora", "config": {}}))
    with pytest.raises(StrategyError, match="pass base_dir"):
        load_trained_model(tmp_path)


def test_qlora_without_bitsandbytes_names_the_fix(monkeypatch):
    monkeypatch.setitem(sys.modules, "bitsandbytes", None)
    with pytest.raises(StrategyError, match=r"pip install bitsandbytes==0\.50\.2.*strategy lora"):
        require_bitsandbytes()
