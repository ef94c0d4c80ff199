"""Training throughput: every strategy through the neutune recipe (Hugging Face Trainer) against a
plain hand-written PyTorch loop on the same prepared model, batch, block size and fused AdamW.

    python -m bench.train                                   # CPU, builtin-tiny-sized Llama
    python -m bench.train --strategies full lora --steps 40
    python -m bench.train --device cuda --model gpt2-124m --compile
    python -m bench.train --device cuda --model llama-1b --strategies full lora qlora

Models are built from code (no hub): `tiny` has the shape of the builtin tiny preset (the
vocabulary is the BPE tokenizer's, trained here on synthetic prose), `gpt2-124m` GPT-2 small's
and `llama-1b` Llama-3.2-1B's (with a 32k vocabulary). Each side of each strategy runs in its
own subprocess, so its peak memory (CUDA max allocated, or VmHWM on CPU) is its own. Throughput
is tokens per step over the median step time after `--warmup` steps (compilation, allocator
warm-up), so a burst from another process on a shared machine does not decide the figure; both
sides do the same work per step: forward, backward, clip at norm 1.0, fused AdamW step, read
the loss. The ratio is recipe / plain.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STRATEGY_ORDER = ("full", "partial", "lora", "qlora", "adapter", "prompt", "prefix", "ia3")
STRATEGY_ORDER += ("head_only",)
# name: (config, block size, batch size, default steps); positions leave room for virtual tokens.
MODELS = {
    "tiny": dict(kind="llama", hidden=64, layers=2, heads=4, kv_heads=2, mlp=172, vocab=None,
                 positions=192, block=128, batch=8, steps=40),
    "gpt2-124m": dict(kind="gpt2", hidden=768, layers=12, heads=12, kv_heads=12, mlp=3072,
                      vocab=50257, positions=1088, block=1024, batch=16, steps=30),
    "llama-1b": dict(kind="llama", hidden=2048, layers=16, heads=32, kv_heads=8, mlp=8192,
                     vocab=32000, positions=4096, block=2048, batch=8, steps=20),
}  # fmt: skip


# ------------------------------------------------------------------------------------- inputs
def synthetic_texts(documents: int, seed: int = 0) -> list[str]:
    from bench.ingest_clean_corpus import ENGLISH, _sentence

    rng = random.Random(seed)
    pool = [_sentence(rng, ENGLISH) for _ in range(5000)]
    return [" ".join(rng.choices(pool, k=rng.randint(10, 30))) for _ in range(documents)]


def build_inputs(directory: Path, model_name: str, documents: int) -> dict[str, str]:
    """A split export of synthetic prose and a randomly initialised base model directory."""
    import polars as pl
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel, LlamaConfig, LlamaForCausalLM

    from corpus.splits import export_splits
    from training.base_model.builtin import train_tokenizer

    shape = MODELS[model_name]
    texts = synthetic_texts(documents)
    ids = [f"d{n:06d}" for n in range(documents)]
    splits = pl.DataFrame(
        {
            "doc_id": ids,
            "cluster_id": ids,
            "split": ["validation" if n % 50 == 0 else "train" for n in range(documents)],
            "is_representative": [True] * documents,
        }
    )
    frame = pl.DataFrame({"doc_id": ids, "shard": "bench", "text": texts})
    manifest = export_splits(splits, frame, frame, directory / "splits")
    tokenizer = train_tokenizer(texts, shape["vocab"] or 2048, shape["positions"])
    vocab = shape["vocab"] or len(tokenizer)
    torch.manual_seed(0)
    if shape["kind"] == "gpt2":
        config = GPT2Config(
            vocab_size=vocab,
            n_positions=shape["positions"],
            n_embd=shape["hidden"],
            n_layer=shape["layers"],
            n_head=shape["heads"],
            eos_token_id=tokenizer.eos_token_id,
            bos_token_id=tokenizer.eos_token_id,
        )
        model = GPT2LMHeadModel(config)
    else:
        config = LlamaConfig(
            vocab_size=vocab,
            hidden_size=shape["hidden"],
            intermediate_size=shape["mlp"],
            num_hidden_layers=shape["layers"],
            num_attention_heads=shape["heads"],
            num_key_value_heads=shape["kv_heads"],
            max_position_embeddings=shape["positions"],
            eos_token_id=tokenizer.eos_token_id,
            bos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
        )
        model = LlamaForCausalLM(config)
    base = directory / "base"
    model.save_pretrained(base)
    tokenizer.save_pretrained(base)
    return {"manifest": str(Path(manifest.directory) / "manifest.json"), "base": str(base)}


# ------------------------------------------------------------------------------------ workers
def _shape(options: argparse.Namespace) -> dict:
    """The model's shape with --batch / --block overrides (small smoke runs of big models)."""
    shape = dict(MODELS[options.model])
    shape["batch"] = options.batch or shape["batch"]
    shape["block"] = options.block or shape["block"]
    return shape


def _spec(options: argparse.Namespace, inputs: dict[str, str], scratch: Path):
    from training.spec import Hyperparameters, TrainSpec

    shape = _shape(options)
    return TrainSpec(
        base_model_dir=inputs["base"],
        strategy={"name": options.strategy},
        split_manifest=inputs["manifest"],
        arm="neutral",
        hyperparameters=Hyperparameters(
            max_steps=options.steps,
            per_device_batch_size=shape["batch"],
            block_size=shape["block"],
            log_every=options.steps,
            save_every=options.steps + 1,
            torch_compile=options.compile,
        ),
        output_dir=scratch / "artifact",
        work_dir=scratch / "work",
        device=options.device,
        precision="auto",
    )


def _step_timer():
    from transformers import TrainerCallback

    class StepTimer(TrainerCallback):
        """Wall time at the end of every optimizer step."""

        def __init__(self) -> None:
            self.ends: list[float] = []

        def on_step_end(self, args, state, control, **kwargs):
            _synchronize()
            self.ends.append(time.perf_counter())

    return StepTimer()


def median_step_seconds(ends: list[float], warmup: int) -> float:
    """Median time between step ends after the warm-up steps."""
    durations = sorted(b - a for a, b in zip(ends[warmup:], ends[warmup + 1 :], strict=False))
    return statistics.median(durations)


def _synchronize() -> None:
    import torch

    if torch.cuda.is_available():
        torch.cuda.synchronize()


def run_recipe(options: argparse.Namespace, inputs: dict[str, str], scratch: Path) -> dict:
    from training.progress import RecordingReporter
    from training.recipe import Recipe

    recipe = Recipe(_spec(options, inputs, scratch), RecordingReporter())
    recipe.setup()
    timer = _step_timer()
    recipe.trainer.add_callback(timer)
    recipe.trainer.train()
    result = recipe.result()
    return {
        "step_seconds": median_step_seconds(timer.ends, options.warmup),
        "losses": [e["loss"] for e in recipe.trainer.state.log_history if "loss" in e],
        "trainable": result.trainable_parameters,
        "total": result.total_parameters,
        "peak_memory_bytes": result.peak_memory_bytes,
        "model": recipe.trainer.model,
        "precision": recipe.precision,
        "virtual_tokens": recipe.strategy.virtual_tokens,
    }


def run_plain(options: argparse.Namespace, inputs: dict[str, str], scratch: Path) -> dict:
    """The same prepared model in a hand-written loop: what the Trainer is measured against."""
    import torch
    from transformers import AutoTokenizer

    from training import metrics
    from training.arguments import resolve_device, resolve_precision
    from training.data import load_training_texts
    from training.packing import pack_documents
    from training.strategies import count_parameters, strategy_config

    spec = _spec(options, inputs, scratch)
    device = resolve_device(spec.device)
    precision = resolve_precision(spec.precision, device)
    strategy = strategy_config(options.strategy)
    texts = load_training_texts(spec.split_manifest, "neutral")
    tokenizer = AutoTokenizer.from_pretrained(spec.base_model_dir)
    blocks = pack_documents(texts.train, tokenizer, spec.hyperparameters.block_size)
    torch.manual_seed(0)
    base = strategy.load_base(spec.base_model_dir, dtype=torch.float32, device=device)
    model = strategy.prepare(base).train()
    forward = torch.compile(model) if options.compile else model
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(parameters, lr=strategy.default_learning_rate, fused=True)
    autocast = torch.autocast(device, dtype=torch.bfloat16, enabled=precision == "bf16")
    order = torch.Generator().manual_seed(0)
    batch = spec.hyperparameters.per_device_batch_size
    metrics.reset_peak_memory(device)
    losses, ends = [], []
    for _ in range(options.steps):
        rows = torch.randint(len(blocks), (batch,), generator=order)
        inputs_ids = blocks[rows].to(device, non_blocking=True)  # [batch, block]
        with autocast:
            loss = forward(input_ids=inputs_ids, labels=inputs_ids).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        losses.append(loss.item())  # synchronizes, as the Trainer's loss logging does
        _synchronize()
        ends.append(time.perf_counter())
    count = count_parameters(model)
    return {
        "step_seconds": median_step_seconds(ends, options.warmup),
        "losses": losses,
        "trainable": count.trainable,
        "total": count.total,
        "peak_memory_bytes": metrics.peak_memory_bytes(device),
        "model": model,
        "precision": precision,
        "virtual_tokens": strategy.virtual_tokens,
    }


def worker(options: argparse.Namespace) -> dict:
    from training import metrics

    inputs = json.loads(options.inputs)
    with tempfile.TemporaryDirectory() as scratch:
        run = run_recipe if options.worker == "recipe" else run_plain
        figures = run(options, inputs, Path(scratch))
    shape, model = _shape(options), figures.pop("model")
    tokens = shape["batch"] * shape["block"]
    throughput = metrics.tokens_per_second(tokens, figures["step_seconds"])
    embedding = model.get_input_embeddings().weight.numel()
    flops = metrics.model_flops_per_token(
        model.config,
        figures["total"] - embedding,
        shape["block"] + figures["virtual_tokens"],
        frozen_base=figures["trainable"] < figures["total"],
    )
    device_name = _device_name(options.device)
    peak = metrics.peak_flops(device_name, figures["precision"])
    return {
        **figures,
        "tokens_per_second": throughput,
        "mfu": metrics.model_flops_utilization(flops, throughput, peak),
        "device": device_name,
    }


def _device_name(device: str) -> str:
    import torch

    if device == "cuda" or (device == "auto" and torch.cuda.is_available()):
        return torch.cuda.get_device_name()
    return f"cpu ({platform.processor() or platform.machine()})"


def _run_worker(side: str, options: argparse.Namespace, strategy: str, inputs: dict) -> dict:
    command = [sys.executable, "-m", "bench.train", "--worker", side, "--strategy", strategy]
    command += ["--inputs", json.dumps(inputs), "--model", options.model, "--device"]
    command += [options.device, "--steps", str(options.steps), "--warmup", str(options.warmup)]
    command += ["--compile"] if options.compile else []
    command += ["--batch", str(options.batch)] if options.batch else []
    command += ["--block", str(options.block)] if options.block else []
    environment = {**os.environ, "TRANSFORMERS_VERBOSITY": "error"}
    if options.device == "cpu":
        environment["OMP_NUM_THREADS"] = str(options.threads)
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=environment)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------- report
def _line(strategy: str, recipe: dict, plain: dict, full_throughput: float | None) -> str:
    if "error" in recipe or "error" in plain:
        return f"{strategy}: failed ({recipe.get('error') or plain.get('error')})"
    mfu = (
        f", MFU {recipe['mfu']:.1%} vs {plain['mfu']:.1%}"
        if recipe["mfu"] is not None and plain["mfu"] is not None
        else ""
    )
    versus_full = (
        f"; {recipe['tokens_per_second'] / full_throughput:.2f}x full's speed"
        if full_throughput
        else ""
    )
    ratio = recipe["tokens_per_second"] / plain["tokens_per_second"]
    return (
        f"{strategy}: recipe {recipe['tokens_per_second']:,.0f} tokens/s vs plain loop "
        f"{plain['tokens_per_second']:,.0f} = {ratio:.2f}x; "
        f"peak memory {recipe['peak_memory_bytes'] / 2**20:,.0f} vs "
        f"{plain['peak_memory_bytes'] / 2**20:,.0f} MiB; trainable "
        f"{recipe['trainable']:,} of {recipe['total']:,}{mfu}{versus_full}; loss "
        f"{recipe['losses'][0]:.2f}->{recipe['losses'][-1]:.2f}"
    )


def run(options: argparse.Namespace) -> None:
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        inputs = build_inputs(Path(scratch), options.model, options.documents)
        shape = _shape(options)
        print(
            f"model {options.model}, batch {shape['batch']} x block {shape['block']}, "
            f"{options.steps} steps ({options.warmup} warm-up steps not timed), "
            f"device {options.device}{', torch.compile' if options.compile else ''}"
            + (f", {options.threads} CPU thread(s) per side" if options.device == "cpu" else ""),
            flush=True,
        )
        full_throughput = None
        for strategy in options.strategies:
            recipe = _run_worker("recipe", options, strategy, inputs)
            plain = _run_worker("plain", options, strategy, inputs)
            if strategy == "full" and "error" not in recipe:
                full_throughput = recipe["tokens_per_second"]
            print(_line(strategy, recipe, plain, full_throughput), flush=True)
    print(
        f"{time.perf_counter() - started:.0f}s in all; 1-minute load average {load_before:.1f} "
        f"before, {os.getloadavg()[0]:.1f} after ({os.cpu_count()} cores)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(MODELS), default=None)
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--strategies", nargs="+", default=list(STRATEGY_ORDER))
    parser.add_argument("--steps", type=int, help="optimizer steps per side (model default)")
    parser.add_argument("--warmup", type=int, default=3, help="first steps left out of timing")
    parser.add_argument("--documents", type=int, default=None, help="synthetic documents")
    parser.add_argument("--compile", action="store_true", help="torch.compile both sides")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="CPU threads per side (default 1: on a shared machine a descheduled intra-op "
        "thread stalls every op, so one thread gives steadier figures)",
    )
    parser.add_argument("--batch", type=int, help="blocks per step (model default)")
    parser.add_argument("--block", type=int, help="tokens per block (model default)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--strategy", help=argparse.SUPPRESS)
    parser.add_argument("--inputs", help=argparse.SUPPRESS)
    options = parser.parse_args()
    options.model = options.model or ("tiny" if options.device == "cpu" else "gpt2-124m")
    options.steps = options.steps or MODELS[options.model]["steps"]
    options.documents = options.documents or (600 if options.model == "tiny" else 4000)
    if options.steps <= options.warmup:
        parser.error(f"--steps {options.steps} must exceed --warmup {options.warmup}")
    if options.worker:
        print(json.dumps(worker(options)))
    else:
        run(options)


if __name__ == "__main__":
    main()
