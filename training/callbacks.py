"""A Trainer callback that forwards the loop's figures to a Reporter and keeps the curves."""

from __future__ import annotations

import time

from transformers import TrainerCallback

from training.progress import Progress, Reporter


class ReportingCallback(TrainerCallback):
    """Step, loss, learning rate, eval loss and tokens/s at each logging step (rank 0 only),
    and the tokens and seconds of the training loop for the run's throughput.

    Tokens come from the Trainer's own count (`include_num_input_tokens_seen`, summed over
    processes), so throughput covers every device and padding-free packed blocks.
    """

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.loop_started: float | None = None
        self.loop_seconds = 0.0
        self.tokens_at_start = 0
        self.tokens_at_end = 0
        self._last_time = 0.0
        self._last_tokens = 0
        self._training = False

    def on_train_begin(self, args, state, control, **kwargs):
        self._training = True
        self.loop_started = self._last_time = time.perf_counter()
        self.tokens_at_start = self._last_tokens = int(state.num_input_tokens_seen)

    def on_train_end(self, args, state, control, **kwargs):
        self._training = False
        self.loop_seconds = time.perf_counter() - (self.loop_started or time.perf_counter())
        self.tokens_at_end = int(state.num_input_tokens_seen)

    def on_log(self, args, state, control, logs=None, **kwargs):
        logs = logs or {}
        if "loss" not in logs or not state.is_world_process_zero:
            return
        now, tokens = time.perf_counter(), int(state.num_input_tokens_seen)
        elapsed = now - self._last_time
        throughput = (tokens - self._last_tokens) / elapsed if elapsed > 0 else None
        self._last_time, self._last_tokens = now, tokens
        self.reporter.progress(
            Progress(
                step=state.global_step,
                max_steps=state.max_steps,
                loss=float(logs["loss"]),
                learning_rate=logs.get("learning_rate"),
                tokens_per_second=throughput,
            )
        )

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):
        metrics = metrics or {}
        if not self._training or not state.is_world_process_zero or "eval_loss" not in metrics:
            return  # the recipe reports the final evaluation itself
        self.reporter.progress(
            Progress(
                step=state.global_step,
                max_steps=state.max_steps,
                eval_loss=float(metrics["eval_loss"]),
            )
        )


class SkipFinalCheckpoint(TrainerCallback):
    """Drop the checkpoint the Trainer writes after the last step when it is not a save step.

    The artifact is written right after training and checkpoints are then deleted, so that
    extra save (weights + optimizer state: ~12 bytes per parameter) would only cost time.
    """

    def on_step_end(self, args, state, control, **kwargs):
        if state.global_step >= state.max_steps and state.global_step % args.save_steps:
            control.should_save = False
        return control
