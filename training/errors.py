"""Errors a user can cause and fix; `python -m training.run` prints their message, no traceback."""

from __future__ import annotations


class TrainingError(Exception):
    """A run cannot start or finish; the message names the cause and the fix."""


class SplitDataError(TrainingError):
    """The split export is missing, changed since its manifest was written, or has no text."""


class CheckpointMismatchError(TrainingError):
    """work_dir holds checkpoints of a different spec, which a resume would silently mix in."""
