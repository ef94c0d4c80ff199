"""Base models: the builtin tiny Llama pretrains and reloads; hub and local load or say why."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import torch
from pydantic import ValidationError
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DistilBertConfig,
    DistilBertModel,
    GPT2Config,
    GPT2LMHeadModel,
    LlamaForCausalLM,
    PreTrainedTokenizerFast,
)

from training.base_model import (
    BaseModelError,
    BuiltinSource,
    HubSource,
    LocalSource,
    base_model_source,
    model_fingerprint,
    read_base_model_info,
    resolve_base_model,
)

SUBJECTS = ["The teacher", "A farmer", "Our neighbour", "The committee", "My cousin", "The pilot"]
VERBS = ["visited", "painted", "repaired", "described", "admired", "questioned"]
OBJECTS = ["the old bridge", "a quiet garden", "the new library", "a broken clock", "the harbour"]
ENDINGS = ["before dawn", "after the storm", "last winter", "with great care", "on Sunday"]
TINY = {"size": "tiny", "vocab_size": 400, "context_length": 64, "pretrain_batch_size": 8}
STEPS = 40


def english_documents(n_sentences: int = 200, seed: int = 0) -> list[str]:
    """Varied English sentences, five to a document."""
    rng = random.Random(seed)
    sentences = [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDINGS)}."
        for _ in range(n_sentences)
    ]
    return [" ".join(sentences[i : i + 5]) for i in range(0, n_sentences, 5)]


@pytest.fixture(scope="module")
def builtin(tmp_path_factory):
    """The tiny builtin model resolved once, with the progress calls it made."""
    calls: list[tuple[int, int, float]] = []
    source = BuiltinSource(**TINY, pretrain_steps=STEPS, seed=3)
    directory = tmp_path_factory.mktemp("builtin") / "base"
    info = resolve_base_model(
        source, directory, english_documents(), lambda *call: calls.append(call)
    )
    return source, info, calls


def test_builtin_pretraining_lowers_the_loss_and_reports_progress(builtin):
    _, info, calls = builtin
    assert info.pretrain_loss_every == 1 and len(info.pretrain_losses) == STEPS
    assert info.pretrain_losses[0] == pytest.approx(6.0, abs=0.3)  # ln(400) at initialisation
    assert sum(info.pretrain_losses[-5:]) / 5 < info.pretrain_losses[0] - 2.0
    assert [call[:2] for call in calls] == [(step, STEPS) for step in range(1, STEPS + 1)]
    assert [call[2] for call in calls] == info.pretrain_losses


def test_builtin_directory_loads_with_auto_classes_and_generates(builtin):
    _, info, _ = builtin
    model = AutoModelForCausalLM.from_pretrained(info.directory)
    tokenizer = AutoTokenizer.from_pretrained(info.directory)
    assert isinstance(model, LlamaForCausalLM) and info.architecture == "LlamaForCausalLM"
    names = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()}
    assert {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"} <= names
    assert info.parameters == model.num_parameters()
    assert info.vocab_size == len(tokenizer) <= 400 and info.context_length == 64

    prompt = tokenizer("The teacher visited", return_tensors="pt")
    output = model.generate(**prompt, max_new_tokens=8, do_sample=False)
    assert output.shape[1] > prompt.input_ids.shape[1]
    text = tokenizer.decode(output[0], skip_special_tokens=True)
    assert text.startswith("The teacher visited")


def test_builtin_tokenizer_is_lossless_byte_level_bpe_with_distinct_eos_and_pad(builtin):
    _, info, _ = builtin
    tokenizer = AutoTokenizer.from_pretrained(info.directory)
    text = "Ünïcode and emoji 🙂 survive byte-level BPE.\n"
    assert tokenizer.decode(tokenizer(text).input_ids) == text
    assert tokenizer.eos_token == "<|endoftext|>" and tokenizer.pad_token == "<|pad|>"
    assert tokenizer.eos_token_id != tokenizer.pad_token_id


def test_builtin_directory_holds_safetensors_and_its_info(builtin):
    _, info, _ = builtin
    files = {path.name for path in info.directory.iterdir()}
    assert "model.safetensors" in files and not any(name.endswith(".bin") for name in files)
    assert read_base_model_info(info.directory) == info
    assert info.fingerprint == model_fingerprint(info.directory)
    assert len(info.fingerprint) == 64 and info.source["kind"] == "builtin"


def test_same_seed_gives_the_same_model_and_another_seed_does_not(tmp_path):
    source = BuiltinSource(**TINY, pretrain_steps=6, seed=5)
    first = resolve_base_model(source, tmp_path / "first", english_documents())
    again = resolve_base_model(source, tmp_path / "again", english_documents())
    assert again.fingerprint == first.fingerprint
    assert again.pretrain_losses == first.pretrain_losses
    other = source.model_copy(update={"seed": 6})
    assert resolve_base_model(other, tmp_path / "other", english_documents()).fingerprint != (
        first.fingerprint
    )


def test_builtin_without_texts_or_with_too_few_names_the_fix(tmp_path):
    with pytest.raises(BaseModelError, match="pass train_texts"):
        resolve_base_model(BuiltinSource(**TINY), tmp_path / "none", None)
    with pytest.raises(BaseModelError, match="lower base_model.context_length or add data"):
        resolve_base_model(BuiltinSource(**TINY), tmp_path / "short", ["A short text."] * 3)
    assert not (tmp_path / "none").exists() and not (tmp_path / "short").exists()


def test_sources_parse_from_dicts_and_presets_fill_unset_knobs():
    source = base_model_source({"kind": "builtin", "size": "small", "pretrain_steps": 7})
    assert isinstance(source, BuiltinSource)
    assert source.preset().pretrain_steps == 7 and source.preset().hidden_size == 256
    assert isinstance(base_model_source({"kind": "hub", "model_id": "org/name"}), HubSource)
    with pytest.raises(ValidationError):
        base_model_source({"kind": "ftp", "path": "x"})


def word_tokenizer() -> PreTrainedTokenizerFast:
    vocab = {"<eos>": 0, "<unk>": 1} | {f"w{i}": i + 2 for i in range(126)}
    tokenizer = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token="<eos>", unk_token="<unk>")


def save_tiny_gpt2(directory: Path) -> GPT2LMHeadModel:
    torch.manual_seed(0)
    config = GPT2Config(n_embd=32, n_layer=2, n_head=4, vocab_size=128, n_positions=64)
    model = GPT2LMHeadModel(config)
    model.save_pretrained(directory)
    word_tokenizer().save_pretrained(directory)
    return model


def test_local_directory_is_copied_as_an_equivalent_hf_directory(tmp_path):
    original = save_tiny_gpt2(tmp_path / "gpt2")
    info = resolve_base_model(LocalSource(path=tmp_path / "gpt2"), tmp_path / "base")
    assert info.architecture == "GPT2LMHeadModel" and info.pretrain_losses == []
    assert (info.vocab_size, info.context_length) == (128, 64)
    copy = AutoModelForCausalLM.from_pretrained(info.directory)
    ids = torch.tensor([[5, 9, 2, 77]])
    assert torch.equal(copy(ids).logits, original.eval()(ids).logits)
    assert AutoTokenizer.from_pretrained(info.directory).eos_token == "<eos>"


def test_local_directory_problems_name_the_fix(tmp_path):
    with pytest.raises(BaseModelError, match="is not a directory"):
        resolve_base_model(LocalSource(path=tmp_path / "missing"), tmp_path / "out")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BaseModelError, match="no config.json"):
        resolve_base_model(LocalSource(path=tmp_path / "empty"), tmp_path / "out")

    pickled = tmp_path / "pickled"
    GPT2Config(n_embd=32, n_layer=2, n_head=4, vocab_size=128).save_pretrained(pickled)
    (pickled / "pytorch_model.bin").write_bytes(b"never unpickled")
    with pytest.raises(BaseModelError, match=r"only pickle weights \(pytorch_model.bin\)"):
        resolve_base_model(LocalSource(path=pickled), tmp_path / "out")

    no_tokenizer = tmp_path / "no_tokenizer"
    GPT2LMHeadModel(GPT2Config(n_embd=32, n_layer=2, n_head=4, vocab_size=128)).save_pretrained(
        no_tokenizer
    )
    with pytest.raises(BaseModelError, match="no tokenizer files"):
        resolve_base_model(LocalSource(path=no_tokenizer), tmp_path / "out")

    encoder = tmp_path / "encoder"
    DistilBertModel(
        DistilBertConfig(vocab_size=128, dim=32, n_layers=1, n_heads=4, hidden_dim=64)
    ).save_pretrained(encoder)
    word_tokenizer().save_pretrained(encoder)
    with pytest.raises(BaseModelError, match="AutoModelForCausalLM cannot load"):
        resolve_base_model(LocalSource(path=encoder), tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.fixture
def hub_cache(tmp_path, monkeypatch) -> Path:
    cache = tmp_path / "hf_cache"
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return cache


def test_hub_model_missing_from_the_offline_cache_names_id_cache_and_fix(hub_cache, tmp_path):
    with pytest.raises(BaseModelError) as raised:
        resolve_base_model(HubSource(model_id="nobody/no-such-model"), tmp_path / "out")
    message = str(raised.value)
    assert "nobody/no-such-model is not in the local Hugging Face cache" in message
    assert str(hub_cache) in message and "HF_HUB_OFFLINE=1" in message
    assert "hf download nobody/no-such-model" in message and "kind=local" in message
    with pytest.raises(BaseModelError, match="at revision v2 .* --revision v2"):
        resolve_base_model(HubSource(model_id="nobody/x", revision="v2"), tmp_path / "out")


def test_hub_is_offline_unless_hf_hub_offline_is_0(hub_cache, tmp_path, monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE")
    with pytest.raises(BaseModelError, match="HF_HUB_OFFLINE=unset, which neutune treats as 1"):
        resolve_base_model(HubSource(model_id="nobody/no-such-model"), tmp_path / "out")


def test_hub_model_in_the_cache_resolves_offline(hub_cache, tmp_path):
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = hub_cache / "models--tiny-org--tiny-gpt2"
    original = save_tiny_gpt2(repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    info = resolve_base_model(HubSource(model_id="tiny-org/tiny-gpt2"), tmp_path / "base")
    assert info.source == {
        "kind": "hub",
        "model_id": "tiny-org/tiny-gpt2",
        "revision": None,
        "trust_remote_code": False,
    }
    copy = AutoModelForCausalLM.from_pretrained(info.directory)
    ids = torch.tensor([[1, 2, 3]])
    assert torch.equal(copy(ids).logits, original.eval()(ids).logits)
    assert json.loads((info.directory / "config.json").read_text())["n_positions"] == 64
