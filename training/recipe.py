"""The fine-tuning recipe: setup -> train -> save, on the Hugging Face Trainer.

setup validates everything a user can get wrong (strategy, device, base model, context length,
data version, checkpoints) before loading weights, then packs the text and builds the Trainer;
train resumes from the newest complete checkpoint in work_dir if there is one; save writes the
artifact (strategy weights, tokenizer, lineage.json, model card) in one atomic rename, on rank 0.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import time
import uuid
from pathlib import Path

import torch
from transformers import (
    AutoTokenizer,
    EarlyStoppingCallback,
    PreTrainedTokenizerBase,
    Trainer,
    default_data_collator,
    set_seed,
)
from transformers.trainer_callback import PrinterCallback

from corpus.atomic_files import atomic_directory, directory_sha256, write_text_atomic
from training import metrics
from training.arguments import (
    CHECKPOINT_SPEC_FILE,
    check_checkpoint_spec,
    checkpoints,
    latest_complete_checkpoint,
    resolve_device,
    resolve_precision,
    spec_identity,
    training_arguments,
)
from training.artifact import write_artifact
from training.callbacks import ReportingCallback, SkipFinalCheckpoint
from training.data import TrainingTexts, load_training_texts
from training.errors import SplitDataError
from training.packing import PackedDataset, TooFewTokensError, pack_documents
from training.preflight import (
    check_base_model,
    check_block_size,
    check_model_hooks,
    check_tokenizer,
)
from training.progress import PrintReporter, Reporter
from training.spec import TrainResult, TrainSpec
from training.strategies import (
    ParameterCount,
    StrategyConfig,
    count_parameters,
    strategy_config,
)


class Recipe:
    """One fine-tuning run. `train(spec)` runs setup, train and save in order."""

    def __init__(self, spec: TrainSpec, reporter: Reporter | None = None) -> None:
        self.spec = spec
        self.reporter = reporter or PrintReporter()
        self.run_id = spec.run_id or f"local-{uuid.uuid4().hex[:12]}"
        self.started = time.perf_counter()
        self.resumed_from: int | None = None
        self.train_losses: list[tuple[int, float]] = []
        self.eval_losses: list[tuple[int, float]] = []
        self.final_eval_loss: float | None = None

    # ---------------------------------------------------------------------------------- setup
    def setup(self) -> None:
        spec, hp = self.spec, self.spec.hyperparameters
        self.strategy: StrategyConfig = strategy_config(spec.strategy_name, spec.strategy_options())
        self.device = resolve_device(spec.device)
        self.precision = resolve_precision(spec.precision, self.device)
        self.base_fingerprint = check_base_model(spec.base_model_dir, spec.base_fingerprint)
        self.block_size = check_block_size(
            spec.base_model_dir, hp.block_size, self.strategy.virtual_tokens
        )
        self.learning_rate = hp.learning_rate or self.strategy.default_learning_rate
        self.texts: TrainingTexts = load_training_texts(
            spec.split_manifest, spec.arm, hp.replay_fraction, spec.seed
        )
        check_checkpoint_spec(spec)

        tokenizer = AutoTokenizer.from_pretrained(spec.base_model_dir)
        check_tokenizer(tokenizer, spec.base_model_dir)
        self.train_blocks = self._pack(tokenizer, self.texts.train, "train")
        validation = self._pack(tokenizer, self.texts.validation, "validation", required=False)
        if validation is None and hp.eval_every is not None:
            raise SplitDataError(
                f"eval_every={hp.eval_every} but the validation split of arm {spec.arm!r} has "
                f"less than one block of {self.block_size} tokens: add validation documents, "
                "lower block_size, or set eval_every to null"
            )
        set_seed(spec.seed)  # strategy init (LoRA A, prompt embeddings, adapters) is seeded
        base = self.strategy.load_base(
            spec.base_model_dir, dtype=torch.float32, device=self._load_device()
        )
        self.strategy.check_compatible(base)
        self.model = self.strategy.prepare(base)
        check_model_hooks(self.model, hp, self.strategy.name)

        self.args = training_arguments(
            spec,
            learning_rate=self.learning_rate,
            device=self.device,
            precision=self.precision,
            evaluate=validation is not None,
        )
        self.reporting = ReportingCallback(self.reporter)
        callbacks = [self.reporting]
        if not spec.keep_checkpoints:
            callbacks.append(SkipFinalCheckpoint())
        if hp.early_stopping_patience is not None:
            callbacks.append(EarlyStoppingCallback(hp.early_stopping_patience))
        self.trainer = Trainer(
            model=self.model,
            args=self.args,
            train_dataset=PackedDataset(self.train_blocks),
            eval_dataset=PackedDataset(validation) if validation is not None else None,
            data_collator=default_data_collator,
            callbacks=callbacks,
        )
        self.trainer.remove_callback(PrinterCallback)  # it prints raw log dicts to stdout

    def _load_device(self) -> str:
        if self.device == "cuda":
            return f"cuda:{int(os.environ.get('LOCAL_RANK', 0))}"
        return "cpu"

    def _pack(
        self,
        tokenizer: PreTrainedTokenizerBase,
        texts: list[str],
        split: str,
        required: bool = True,
    ) -> torch.Tensor | None:
        try:
            return pack_documents(texts, tokenizer, self.block_size)
        except TooFewTokensError as error:
            if not required:
                return None
            raise SplitDataError(
                f"the {split} split of arm {self.spec.arm!r} gives {error.n_tokens} tokens, fewer "
                f"than one block of {error.block_size}: lower block_size or add documents"
            ) from error

    # ---------------------------------------------------------------------------------- train
    def train(self) -> None:
        work_dir = self.spec.work_dir
        resume, incomplete = latest_complete_checkpoint(work_dir)
        if self.trainer.is_world_process_zero():
            for path in incomplete:
                self.reporter.log(f"removing incomplete {path.name} (a run was killed writing it)")
                shutil.rmtree(path, ignore_errors=True)
            work_dir.mkdir(parents=True, exist_ok=True)
            write_text_atomic(
                work_dir / CHECKPOINT_SPEC_FILE, json.dumps(spec_identity(self.spec), indent=2)
            )
            if resume is not None:
                self.reporter.log(f"resuming from {resume.name} in {work_dir}")
        if resume is not None:
            self.resumed_from = int(resume.name.split("-")[1])
        metrics.reset_peak_memory(self.device)
        self.trainer.train(resume_from_checkpoint=str(resume) if resume else None)
        # From the Trainer's history (restored on resume), so a resumed run keeps its whole curve.
        history = self.trainer.state.log_history
        self.train_losses = [(e["step"], float(e["loss"])) for e in history if "loss" in e]
        self.eval_losses = [(e["step"], float(e["eval_loss"])) for e in history if "eval_loss" in e]
        if self.trainer.eval_dataset is not None:
            self.final_eval_loss = float(self.trainer.evaluate()["eval_loss"])
            best = self.trainer.state.best_model_checkpoint
            weights = (
                f" (weights of {Path(best).name}, the best)"
                if self.args.load_best_model_at_end and best
                else ""
            )
            if self.trainer.is_world_process_zero():
                self.reporter.log(f"final eval_loss {self.final_eval_loss:.4f}{weights}")

    # ----------------------------------------------------------------------------------- save
    def result(self, content_hash: str = "") -> TrainResult:
        state, reporting = self.trainer.state, self.reporting
        parameters = count_parameters(self.model)
        tokens_seen = int(state.num_input_tokens_seen)
        loop_tokens = reporting.tokens_at_end - reporting.tokens_at_start
        throughput = metrics.tokens_per_second(loop_tokens, reporting.loop_seconds)
        passes = tokens_seen / self.train_blocks.numel()  # every rank samples from all blocks
        return TrainResult(
            artifact_dir=self.spec.output_dir,
            strategy=self.strategy.name,
            arm=self.spec.arm,
            trainable_parameters=parameters.trainable,
            total_parameters=parameters.total,
            train_losses=self.train_losses,
            eval_losses=self.eval_losses,
            tokens_per_second=throughput,
            mfu=self._mfu(throughput, parameters),
            peak_memory_bytes=metrics.peak_memory_bytes(self.device),
            wall_seconds=time.perf_counter() - self.started,
            tokens_seen=tokens_seen,
            documents_seen=round(len(self.texts.train) * passes),
            train_documents=len(self.texts.train),
            resumed_from=self.resumed_from,
            final_train_loss=self.train_losses[-1][1] if self.train_losses else None,
            final_eval_loss=self.final_eval_loss,
            device=self.device_name(),
            precision=self.precision,
            content_hash=content_hash,
        )

    def device_name(self) -> str:
        if self.device == "cuda":
            return torch.cuda.get_device_name()
        return f"cpu ({platform.processor() or platform.machine()})"

    def _mfu(self, throughput: float, parameters: ParameterCount) -> float | None:
        peak = metrics.peak_flops(self.device_name(), self.precision)
        if peak is None:
            return None
        model = self.trainer.model
        embedding = model.get_input_embeddings().weight.numel()  # a lookup, not a matmul
        flops = metrics.model_flops_per_token(
            model.config,
            parameters.total - embedding,
            self.block_size + self.strategy.virtual_tokens,
            frozen_base=parameters.trainable < parameters.total,
        )
        return metrics.model_flops_utilization(flops, throughput, peak, self.args.world_size)

    def save(self) -> TrainResult:
        """Write the artifact on rank 0; every rank returns the run's figures."""
        if not self.trainer.is_world_process_zero():
            return self.result()
        output_dir = self.spec.output_dir
        with atomic_directory(output_dir) as staging:
            lineage = write_artifact(self, staging, self.result())
        # the weights were hashed for lineage.json already: only the files written after are read
        result = self.result(content_hash=directory_sha256(output_dir, lineage.artifact_files))
        if not self.spec.keep_checkpoints:
            for _, path in checkpoints(self.spec.work_dir):
                shutil.rmtree(path, ignore_errors=True)
            (self.spec.work_dir / CHECKPOINT_SPEC_FILE).unlink(missing_ok=True)
        self.reporter.log(f"wrote {self.strategy.name} artifact to {output_dir}")
        return result

    def created_at(self) -> str:
        return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def train(spec: TrainSpec, report: Reporter | None = None) -> TrainResult:
    """Fine-tune `spec.base_model_dir` with `spec.strategy` on one arm; return the figures."""
    recipe = Recipe(spec, report)
    recipe.setup()
    recipe.train()
    return recipe.save()
