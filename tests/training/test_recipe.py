"""The training recipe end to end on a tiny Llama and a tiny split export: losses, artifact,
lineage, reload, golden loss, resume after a kill, bad-config errors and the CLI entry point."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from corpus.splits import export_splits, load_manifest
from training.base_model import model_fingerprint
from training.errors import CheckpointMismatchError, SplitDataError, TrainingError
from training.lineage import read_lineage
from training.progress import RecordingReporter, progress_line
from training.recipe import Recipe, train
from training.spec import Hyperparameters, TrainSpec
from training.strategies import StrategyError, load_trained_model

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SUBJECTS = ["the chair", "the firefighter", "the doctor", "the postal worker", "the sailor"]
VERBS = ["reads", "writes", "carries", "finds", "keeps", "opens", "sees"]
OBJECTS = ["a letter", "the map", "a box", "the report", "a book", "the key", "a hat"]
PLACES = ["at home", "in town", "by the river", "at work", "on the ship"]
# Golden loss: full fine-tuning, seed 0, 6 steps on this corpus and model; recorded once on the
# 2-core reference machine (torch 2.13 CPU, transformers 5.23). A change means the recipe changed.
GOLDEN_FULL_LOSS = 4.803


# ------------------------------------------------------------------------------------ fixtures
def _document(rng: random.Random, pronoun: str) -> str:
    sentences = []
    for _ in range(rng.randint(3, 6)):
        subject = rng.choice(SUBJECTS)
        sentences.append(
            f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)} . "
            f"then {pronoun} {rng.choice(VERBS)} {rng.choice(OBJECTS)} ."
        )
    return " ".join(sentences)


def write_split_export(root: Path, documents: int = 160, empty_train: bool = False) -> Path:
    """A real split export (export_splits) of generated documents; returns manifest.json."""
    rng = random.Random(0)
    ids = [f"doc{n:04d}" for n in range(documents)]
    splits = pl.DataFrame(
        {
            "doc_id": ids,
            "cluster_id": ids,
            "split": [
                "validation" if n % 8 == 0 else "test" if n % 8 == 1 else "train"
                for n in range(documents)
            ],
            "is_representative": [True] * documents,
        }
    )
    if empty_train:
        splits = splits.with_columns(pl.lit("validation").alias("split"))
    seeds = [rng.random() for _ in ids]
    original = pl.DataFrame(
        {
            "doc_id": ids,
            "shard": "tiny",
            "text": [
                _document(random.Random(s), random.Random(s).choice(["he", "she"])) for s in seeds
            ],
        }
    )
    neutral = original.with_columns(
        pl.Series("text", [_document(random.Random(s), "they") for s in seeds])
    )
    manifest = export_splits(splits, neutral, original, root)
    return Path(manifest.directory) / "manifest.json"


def write_base_model(directory: Path, max_positions: int = 64) -> Path:
    """A tiny Llama with a word-level tokenizer over the corpus vocabulary (EOS included)."""
    words = sorted({w for phrase in SUBJECTS + VERBS + OBJECTS + PLACES for w in phrase.split()})
    vocabulary = ["<unk>", "<eos>", ".", "then", "he", "she", "they", *words]
    tokenizer = Tokenizer(models.WordLevel({w: i for i, w in enumerate(vocabulary)}, "<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    wrapped = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, eos_token="<eos>", unk_token="<unk>", pad_token="<eos>"
    )
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=128,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=max_positions,
        eos_token_id=1,
        bos_token_id=1,
        pad_token_id=1,
        initializer_range=0.2,  # logits of a useful scale, so adapters move the loss fast
    )
    LlamaForCausalLM(config).save_pretrained(directory)
    wrapped.save_pretrained(directory)
    return directory


@pytest.fixture(scope="module")
def assets(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("recipe")
    return {
        "manifest": write_split_export(root / "splits"),
        "base": write_base_model(root / "base"),
        "root": root,
    }


def make_spec(assets: dict[str, Path], name: str, strategy: dict, **changes) -> TrainSpec:
    hyperparameters = {
        "max_steps": 8,
        "per_device_batch_size": 4,
        "block_size": 32,
        "log_every": 2,
        "learning_rate": 3e-3,
        **changes.pop("hyperparameters", {}),
    }
    run_root = assets["root"] / name
    fields = {
        "base_model_dir": assets["base"],
        "base_fingerprint": model_fingerprint(assets["base"]),
        "strategy": strategy,
        "split_manifest": assets["manifest"],
        "arm": "neutral",
        "hyperparameters": Hyperparameters(**hyperparameters),
        "output_dir": run_root / "artifact",
        "work_dir": run_root / "work",
        "device": "cpu",
        "run_id": f"test-{name}",
        "lineage_extra": {"catalogue_version": "cat-1"},
        **changes,
    }
    return TrainSpec(**fields)


def logits(model: torch.nn.Module, vocab: int = 40) -> torch.Tensor:
    inputs = torch.arange(7, 7 + 24).remainder(vocab).unsqueeze(0)
    with torch.no_grad():
        return model(input_ids=inputs).logits


def _lines(reporter: RecordingReporter) -> list[str]:
    return [progress_line(record) for record in reporter.records] + reporter.messages


# --------------------------------------------------------------------------------------- tests
def test_lora_run_writes_a_reloadable_artifact_with_lineage(assets):
    spec = make_spec(
        assets,
        "lora",
        {"name": "lora", "r": 4, "target_mlp": True},
        hyperparameters={"max_steps": 12, "eval_every": 6, "learning_rate": 3e-2},
    )
    reporter = RecordingReporter()
    recipe = Recipe(spec, reporter)
    recipe.setup()
    recipe.train()
    result = recipe.save()
    trained = logits(recipe.trainer.model.eval())

    losses = [loss for _, loss in result.train_losses]
    assert losses[-1] < losses[0] - 0.3
    assert result.final_eval_loss is not None and [s for s, _ in result.eval_losses] == [6, 12]
    assert 0 < result.trainable_parameters < result.total_parameters
    assert result.tokens_seen == 12 * 4 * 32 and result.tokens_per_second > 0
    assert any(line.startswith("step 12/12 loss") for line in _lines(reporter))

    artifact = spec.output_dir
    assert (artifact / "adapter_model.safetensors").is_file()
    assert (artifact / "tokenizer.json").is_file()
    card = (artifact / "README.md").read_text()
    assert card.startswith("---\n") and "library_name: peft" in card and '- "lora"' in card
    lineage = read_lineage(artifact)
    manifest = load_manifest(Path(assets["manifest"]).parent)
    assert lineage.split_version == manifest.version
    used = {(f.split, f.arm): f.sha256 for f in lineage.data_files}
    expected = {(e.split, e.arm): e.sha256 for e in manifest.exports if e.arm == "neutral"}
    assert used == {key: expected[key] for key in [("train", "neutral"), ("validation", "neutral")]}
    assert lineage.base_fingerprint == spec.base_fingerprint
    assert lineage.pipeline["catalogue_version"] == "cat-1"
    assert lineage.metrics["final_eval_loss"] == result.final_eval_loss
    assert not list(spec.work_dir.glob("checkpoint-*"))  # removed once the artifact exists

    reloaded = load_trained_model(artifact)
    torch.testing.assert_close(logits(reloaded), trained, rtol=0, atol=0)


def test_full_fine_tuning_matches_the_golden_loss(assets):
    spec = make_spec(assets, "golden", {"name": "full"}, hyperparameters={"max_steps": 6})
    result = train(spec, RecordingReporter())
    assert [step for step, _ in result.train_losses] == [1, 2, 4, 6]
    assert result.final_train_loss == pytest.approx(GOLDEN_FULL_LOSS, abs=2e-3)
    assert result.trainable_parameters == result.total_parameters
    assert (spec.output_dir / "model.safetensors").is_file()
    assert "library_name: transformers" in (spec.output_dir / "README.md").read_text()


def _run_cli(spec_path: Path, **kwargs) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "TRANSFORMERS_VERBOSITY": "error"}
    environment.pop("DAGSTER_PIPES_CONTEXT", None)
    return subprocess.Popen(
        [sys.executable, "-m", "training.run", str(spec_path)],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _wait_for_checkpoint(process: subprocess.Popen, work_dir: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(work_dir.glob("checkpoint-*/trainer_state.json")):
            return
        if process.poll() is not None:
            raise AssertionError(f"run ended before a checkpoint: {process.communicate()}")
        time.sleep(0.02)
    raise AssertionError("no checkpoint appeared")


def test_killed_run_resumes_to_the_weights_of_an_uninterrupted_run(assets):
    """kill -9 after the first checkpoint; `python -m training.run` again resumes and finishes."""
    changes = {"max_steps": 40, "save_every": 2, "log_every": 5}
    spec = make_spec(assets, "resumed", {"name": "full"}, hyperparameters=changes)
    spec_path = spec.work_dir / "spec.json"
    spec_path.parent.mkdir(parents=True)
    spec_path.write_text(spec.model_dump_json())

    first = _run_cli(spec_path)
    _wait_for_checkpoint(first, spec.work_dir)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert first.returncode == -signal.SIGKILL
    assert not spec.output_dir.exists()  # nothing half-written is visible
    assert not [p for p in spec.output_dir.parent.iterdir() if p.name.startswith(".artifact")]

    second = _run_cli(spec_path)
    stdout, stderr = second.communicate(timeout=120)
    assert second.returncode == 0, stderr
    assert "resuming from checkpoint-" in stdout
    assert "step 40/40 loss" in stdout
    result = json.loads(spec.output_dir.with_name("artifact.result.json").read_text())
    assert result["resumed_from"] >= 2 and result["tokens_seen"] == 40 * 4 * 32
    assert result["train_losses"][0][0] == 1  # the curve before the kill survives the resume

    uninterrupted = make_spec(assets, "uninterrupted", {"name": "full"}, hyperparameters=changes)
    train(uninterrupted, RecordingReporter())
    resumed_weights = load_file(spec.output_dir / "model.safetensors")
    reference = load_file(uninterrupted.output_dir / "model.safetensors")
    assert resumed_weights.keys() == reference.keys()
    for name, tensor in reference.items():
        assert torch.equal(resumed_weights[name], tensor), name


def test_pipes_launch_logs_progress_and_reports_the_materialization(assets, tmp_path, monkeypatch):
    """Under Dagster Pipes (env params as the subprocess client sets them), in process."""
    from dagster_pipes import PipesContext, encode_param

    from training.run import run

    messages = tmp_path / "messages.jsonl"
    context = {
        "asset_keys": ["finetuned_model"],
        "code_version_by_asset_key": None,
        "provenance_by_asset_key": None,
        "partition_key": "lora|neutral",
        "partition_key_range": None,
        "partition_time_window": None,
        "run_id": "dagster-run",
        "job_name": None,
        "retry_number": 0,
        "extras": {},
    }
    monkeypatch.setenv("DAGSTER_PIPES_CONTEXT", encode_param({"data": context}))
    monkeypatch.setenv("DAGSTER_PIPES_MESSAGES", encode_param({"path": str(messages)}))
    monkeypatch.setattr(PipesContext, "_instance", None)
    spec = make_spec(assets, "pipes", {"name": "lora", "r": 4}, hyperparameters={"max_steps": 4})
    result = run(spec)

    sent = [json.loads(line) for line in messages.read_text().splitlines()]
    logs = [m["params"]["message"] for m in sent if m["method"] == "log"]
    assert any(line.startswith("step 4/4 loss") for line in logs)
    (materialization,) = [
        m["params"] for m in sent if m["method"] == "report_asset_materialization"
    ]
    assert materialization["data_version"] == result.content_hash
    metadata = materialization["metadata"]
    assert metadata["trainable_parameters"]["raw_value"] == result.trainable_parameters
    assert metadata["artifact_dir"] == {"raw_value": str(spec.output_dir), "type": "path"}
    assert metadata["loss_curve"]["raw_value"]["train"][-1][0] == 4
    assert sent[-1]["method"] == "closed"


def test_torchrun_two_cpu_processes_write_one_artifact(assets):
    """DDP on gloo: the same entry point under torchrun; rank 0 alone writes and reports."""
    changes = {"max_steps": 4, "eval_every": 2, "learning_rate": 3e-2}
    spec = make_spec(assets, "ddp", {"name": "lora", "r": 4}, hyperparameters=changes)
    spec_path = spec.output_dir.parent / "spec.json"
    spec_path.parent.mkdir(parents=True)
    spec_path.write_text(spec.model_dump_json())
    command = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2"]
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [*command, "-m", "training.run", str(spec_path)],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("wrote lora artifact") == 1
    lineage = read_lineage(spec.output_dir)
    assert lineage.world_size == 2
    assert lineage.tokens_seen == 4 * 4 * 2 * 32  # steps x batch x processes x block


def test_early_stopping_keeps_the_best_checkpoint(assets):
    changes = {
        "max_steps": 30,
        "eval_every": 2,
        "early_stopping_patience": 1,
        "save_every": 3,  # rounded up to 4, a multiple of eval_every
        "learning_rate": 0.3,  # diverges, so validation loss turns up early
        "warmup_ratio": 0.0,
        "lr_scheduler": "constant",
    }
    spec = make_spec(assets, "early", {"name": "full"}, hyperparameters=changes)
    result = train(spec, RecordingReporter())
    steps = [step for step, _ in result.eval_losses]
    assert steps[-1] < 30  # stopped early
    best = min(loss for _, loss in result.eval_losses)
    assert result.final_eval_loss == pytest.approx(best, abs=1e-4)


def test_replay_mixes_original_documents_into_a_neutral_run(assets):
    from training.data import load_training_texts

    plain = load_training_texts(assets["manifest"], "neutral")
    mixed = load_training_texts(assets["manifest"], "neutral", replay_fraction=0.5, seed=3)
    again = load_training_texts(assets["manifest"], "neutral", replay_fraction=0.5, seed=3)
    original = load_training_texts(assets["manifest"], "original")
    assert mixed.replay_documents == round(0.5 * len(original.train))
    assert len(mixed.train) == len(plain.train) + mixed.replay_documents
    assert mixed.train == again.train
    assert sum(" he " in t or " she " in t for t in mixed.train) == mixed.replay_documents
    assert [(f.split, f.arm) for f in mixed.files][-1] == ("train", "original")
    assert load_training_texts(assets["manifest"], "original", 0.5).replay_documents == 0


def test_mfu_helper_counts_flops_like_nanogpt_and_knows_device_peaks():
    from training import metrics

    # GPT-2 124M at T=1024 (nanoGPT): 6N + 12 * L * H * Q * T
    full = metrics.training_flops_per_token(124_000_000, 12, 12, 64, 1024)
    assert full == 6 * 124_000_000 + 12 * 12 * 12 * 64 * 1024
    frozen = metrics.training_flops_per_token(124_000_000, 12, 12, 64, 1024, frozen_base=True)
    assert full - frozen == 2 * 124_000_000
    assert metrics.peak_flops("NVIDIA H200") == metrics.peak_flops("NVIDIA H100 80GB HBM3")
    assert metrics.peak_flops("NVIDIA H100 PCIe") == 756e12
    assert metrics.peak_flops("NVIDIA A100-SXM4-80GB") == 312e12
    assert metrics.peak_flops("NVIDIA A10G") is None and metrics.peak_flops(None) is None
    assert metrics.peak_flops("NVIDIA H200", precision="fp32") is None
    mfu = metrics.model_flops_utilization(full, 400_000, metrics.peak_flops("NVIDIA A100"))
    assert mfu == pytest.approx(full * 400_000 / 312e12)


# ------------------------------------------------------------------------ errors before training
def _tampered_manifest(root: Path) -> Path:
    manifest = write_split_export(root)
    train_file = manifest.parent / "train-neutral.parquet"
    frame = pl.read_parquet(train_file)
    frame.with_columns(pl.col("text") + " extra").write_parquet(train_file)
    return manifest


BAD_CONFIGS = {
    "unknown strategy": (
        {"strategy": {"name": "lorax"}},
        StrategyError,
        r"unknown strategy 'lorax'; valid strategies: \[",
    ),
    "absent target modules": (
        {"strategy": {"name": "lora", "target_modules": ["w_query"]}},
        StrategyError,
        "w_query",
    ),
    "base dir missing": (
        {"base_model_dir": Path("/nonexistent/base"), "base_fingerprint": None},
        TrainingError,
        "base model directory /nonexistent/base does not exist",
    ),
    "block size over context": (
        {"hyperparameters": {"block_size": 80}},
        TrainingError,
        "block_size 80 exceeds the model's context of 64 positions",
    ),
    "virtual tokens over context": (
        {"strategy": {"name": "prompt", "num_virtual_tokens": 40}},
        TrainingError,
        "block_size 32 \\+ 40 virtual tokens exceeds the model's context of 64",
    ),
    "fp16 on cpu": ({"precision": "fp16"}, TrainingError, "precision=fp16 needs a CUDA device"),
    "base changed": (
        {"base_fingerprint": "0" * 64},
        TrainingError,
        "changed since the spec was made",
    ),
}


@pytest.mark.parametrize("case", list(BAD_CONFIGS))
def test_bad_configs_fail_before_training_with_one_clear_message(assets, case):
    changes, error_type, message = BAD_CONFIGS[case]
    changes = dict(changes)
    strategy = changes.pop("strategy", {"name": "lora"})
    spec = make_spec(assets, f"bad-{case.replace(' ', '-')}", strategy, **changes)
    with pytest.raises(error_type, match=message):
        Recipe(spec, RecordingReporter()).setup()
    assert not spec.output_dir.exists() and not spec.work_dir.exists()


def test_qlora_without_bitsandbytes_names_the_fix(assets, monkeypatch):
    monkeypatch.setitem(sys.modules, "bitsandbytes", None)
    spec = make_spec(assets, "qlora-no-bnb", {"name": "qlora"})
    with pytest.raises(StrategyError, match="qlora needs bitsandbytes.*pip install bitsandbytes"):
        Recipe(spec, RecordingReporter()).setup()


def test_changed_or_empty_split_files_are_refused(assets, tmp_path):
    tampered = make_spec(assets, "tampered", {"name": "lora"})
    tampered = tampered.model_copy(update={"split_manifest": _tampered_manifest(tmp_path / "t")})
    with pytest.raises(SplitDataError, match="changed since the manifest was written .*sha256"):
        Recipe(tampered, RecordingReporter()).setup()

    empty = tampered.model_copy(
        update={"split_manifest": write_split_export(tmp_path / "e", empty_train=True)}
    )
    with pytest.raises(SplitDataError, match="train split of arm 'neutral' .* is empty"):
        Recipe(empty, RecordingReporter()).setup()


def test_checkpoints_of_another_spec_are_not_resumed(assets):
    spec = make_spec(assets, "foreign", {"name": "lora"})
    checkpoint = spec.work_dir / "checkpoint-4"
    checkpoint.mkdir(parents=True)
    (checkpoint / "trainer_state.json").write_text("{}")
    with pytest.raises(CheckpointMismatchError, match="holds checkpoints of another spec"):
        Recipe(spec, RecordingReporter()).setup()


def test_cli_reports_a_user_error_in_one_line(assets, tmp_path, capsys):
    from training.run import main

    spec = make_spec(assets, "cli-error", {"name": "lorax"})
    path = tmp_path / "spec.json"
    path.write_text(spec.model_dump_json())
    assert main([str(path)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("training failed: StrategyError: unknown strategy 'lorax'")
    assert "\n" not in error and "Traceback" not in error

    path.write_text(json.dumps({"strategy": {"name": "lora"}}))
    assert main(["--spec", str(path)]) == 1
    assert "is not a valid TrainSpec: base_model_dir: Field required" in capsys.readouterr().err
