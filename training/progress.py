"""How a run reports while it trains: a Reporter receives messages and progress records.

`python -m training.run` forwards them to Dagster Pipes or stdout; tests collect them.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field


class Progress(BaseModel):
    """One logging step of the training loop."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    step: int = Field(description="Optimizer steps done.")
    max_steps: int = Field(description="Optimizer steps the run will take.")
    loss: float | None = Field(None, description="Mean train loss since the last report.")
    learning_rate: float | None = Field(None, description="Learning rate at this step.")
    eval_loss: float | None = Field(None, description="Validation loss, on evaluation steps.")
    tokens_per_second: float | None = Field(None, description="Since the last report.")


def progress_line(progress: Progress) -> str:
    """'step 20/100 loss 3.2100 lr 2.00e-04 tokens/s 4,512' (absent figures left out)."""
    parts = [f"step {progress.step}/{progress.max_steps}"]
    if progress.loss is not None:
        parts.append(f"loss {progress.loss:.4f}")
    if progress.eval_loss is not None:
        parts.append(f"eval_loss {progress.eval_loss:.4f}")
    if progress.learning_rate is not None:
        parts.append(f"lr {progress.learning_rate:.2e}")
    if progress.tokens_per_second is not None:
        parts.append(f"tokens/s {progress.tokens_per_second:,.0f}")
    return " ".join(parts)


class Reporter(Protocol):
    def log(self, message: str) -> None: ...

    def progress(self, progress: Progress) -> None: ...


class PrintReporter:
    """Progress lines and messages on stdout, flushed (a parent process reads them live)."""

    def log(self, message: str) -> None:
        print(message, flush=True)

    def progress(self, progress: Progress) -> None:
        print(progress_line(progress), flush=True)


class RecordingReporter:
    """Keeps everything it is told: for tests and for callers that report at the end."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.records: list[Progress] = []

    def log(self, message: str) -> None:
        self.messages.append(message)

    def progress(self, progress: Progress) -> None:
        self.records.append(progress)
