"""Turn a base-model source into a standard Hugging Face directory, written atomically."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from corpus.atomic_files import atomic_directory
from training.base_model.fingerprint import model_fingerprint
from training.base_model.sources import (
    BaseModelError,
    BaseModelInfo,
    BaseModelSource,
    BuiltinSource,
    HubSource,
    LocalSource,
)

INFO_FILE = "neutune_base_model.json"
_SOURCE_ADAPTER: TypeAdapter[BaseModelSource] = TypeAdapter(BaseModelSource)


def base_model_source(data: BaseModelSource | dict[str, Any]) -> BaseModelSource:
    """Validate a source given as a dict (e.g. from YAML) into its typed config."""
    return (
        data
        if isinstance(data, HubSource | LocalSource | BuiltinSource)
        else (_SOURCE_ADAPTER.validate_python(data))
    )


def resolve_base_model(
    source: BaseModelSource | dict[str, Any],
    output_dir: Path,
    train_texts: Sequence[str] | None = None,
    progress: Callable[[int, int, float], None] | None = None,
) -> BaseModelInfo:
    """Load, copy or build the base model into `output_dir` and describe it.

    Args:
        source: where the model comes from (hub id, local directory or builtin preset).
        output_dir: replaced atomically by a save_pretrained directory (safetensors weights,
            tokenizer, and neutune_base_model.json holding the returned info).
        train_texts: builtin only: the ORIGINAL arm's train documents, for the tokenizer and
            pretraining; ignored by hub and local.
        progress: builtin only: called as progress(step, total_steps, mean_loss) while
            pretraining.
    """
    from training.base_model.loading import context_length, hub_snapshot, load_hf_directory

    source = base_model_source(source)
    started = time.perf_counter()
    losses: list[float] = []
    loss_every = 0
    if isinstance(source, BuiltinSource):
        from training.base_model.builtin import build_builtin

        model, tokenizer, curve = build_builtin(source, train_texts, progress)
        losses, loss_every = curve.losses, curve.every
    elif isinstance(source, HubSource):
        model, tokenizer = load_hf_directory(
            hub_snapshot(source), source.trust_remote_code, f"hub model {source.model_id}"
        )
    else:
        model, tokenizer = load_hf_directory(
            source.path, source.trust_remote_code, "base_model.path"
        )
    output_dir = Path(output_dir)
    with atomic_directory(output_dir) as staging:
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        info = BaseModelInfo(
            directory=output_dir,
            fingerprint=model_fingerprint(staging),
            parameters=model.num_parameters(),
            vocab_size=model.get_input_embeddings().num_embeddings,
            context_length=context_length(model, tokenizer),
            architecture=type(model).__name__,
            pretrain_losses=losses,
            pretrain_loss_every=loss_every,
            source=source.model_dump(mode="json"),
            seconds=round(time.perf_counter() - started, 3),
        )
        (staging / INFO_FILE).write_text(info.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return info


def read_base_model_info(directory: Path) -> BaseModelInfo:
    """The info resolve_base_model stored in `directory`."""
    path = Path(directory) / INFO_FILE
    if not path.is_file():
        raise BaseModelError(
            f"{directory} has no {INFO_FILE}: it was not written by resolve_base_model; "
            "resolve the base model again"
        )
    return BaseModelInfo.model_validate(json.loads(path.read_text(encoding="utf-8")))
