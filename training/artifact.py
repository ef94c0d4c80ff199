"""The files of a finished artifact: strategy weights, tokenizer, lineage.json and model card."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.atomic_files import write_text_atomic
from training.base_model.fingerprint import TOKENIZER_FILES
from training.data import manifest_file
from training.lineage import (
    CARD_FILE,
    LINEAGE_FILE,
    LINEAGE_SCHEMA_VERSION,
    DataFile,
    Lineage,
    artifact_file_hashes,
    code_version,
    model_card,
)
from training.lineage_chain import (
    CHAIN_KEY,
    DOCUMENTS_FILE,
    DataChain,
    training_documents,
    write_training_documents,
)
from training.spec import TrainResult

if TYPE_CHECKING:
    from training.recipe import Recipe

PEFT_CONFIG = "adapter_config.json"


def copy_tokenizer(base_dir: Path, directory: Path) -> list[str]:
    """Copy the base model's tokenizer files byte for byte (the fingerprint covers them)."""
    copied = []
    for name in TOKENIZER_FILES:
        if (base_dir / name).is_file() and not (directory / name).exists():
            shutil.copyfile(base_dir / name, directory / name)
            copied.append(name)
    return copied


def recorded_chain(recipe: Recipe) -> DataChain | None:
    recorded = recipe.spec.lineage_extra.get(CHAIN_KEY)
    return DataChain.model_validate(recorded) if recorded is not None else None


def write_documents(recipe: Recipe, directory: Path, chain: DataChain | None) -> None:
    """The documents the run read, with their source file and line where the chain knows them."""
    spec, texts = recipe.spec, recipe.texts
    sources = Path(chain.document_sources) if chain and chain.document_sources else None
    documents = training_documents(
        texts.manifest,
        texts.files,
        spec.arm,
        spec.hyperparameters.replay_fraction,
        spec.seed,
        sources,
    )
    write_training_documents(documents, directory)


def build_lineage(recipe: Recipe, result: TrainResult, directory: Path) -> Lineage:
    """The lineage of the artifact being written in `directory` (weights already saved)."""
    spec, texts = recipe.spec, recipe.texts
    chain = recorded_chain(recipe)
    return Lineage(
        schema_version=LINEAGE_SCHEMA_VERSION,
        run_id=recipe.run_id,
        created_at=recipe.created_at(),
        code_version=code_version(),
        base_model_dir=str(spec.base_model_dir),
        base_fingerprint=recipe.base_fingerprint,
        strategy=recipe.strategy.name,
        strategy_config=recipe.strategy.model_dump(mode="json"),
        hyperparameters=spec.hyperparameters.model_dump(mode="json"),
        learning_rate=recipe.learning_rate,
        block_size=recipe.block_size,
        seed=spec.seed,
        precision=recipe.precision,
        device=result.device,
        world_size=recipe.args.world_size,
        arm=spec.arm,
        split_manifest=str(manifest_file(spec.split_manifest)),
        split_version=texts.manifest.version,
        data_files=[
            DataFile(split=f.split, arm=f.arm, path=f.path, sha256=f.sha256, rows=f.rows)
            for f in texts.files
        ],
        train_documents=result.train_documents,
        replay_documents=texts.replay_documents,
        documents_seen=result.documents_seen,
        tokens_seen=result.tokens_seen,
        steps=recipe.trainer.state.global_step,
        resumed_from=result.resumed_from,
        metrics={
            "final_train_loss": result.final_train_loss,
            "final_eval_loss": result.final_eval_loss,
            "trainable_parameters": result.trainable_parameters,
            "total_parameters": result.total_parameters,
            "tokens_per_second": result.tokens_per_second,
            "mfu": result.mfu,
            "peak_memory_bytes": result.peak_memory_bytes,
            "wall_seconds": result.wall_seconds,
        },
        pipeline={k: v for k, v in spec.lineage_extra.items() if k != CHAIN_KEY},
        chain=chain,
        artifact_files=artifact_file_hashes(directory),
        documents_file=DOCUMENTS_FILE,
    )


def write_artifact(recipe: Recipe, directory: Path, result: TrainResult) -> Lineage:
    """Fill an empty staging `directory`; the caller renames it into place."""
    recipe.strategy.save(recipe.trainer.model, directory)
    copy_tokenizer(recipe.spec.base_model_dir, directory)
    write_documents(recipe, directory, recorded_chain(recipe))
    lineage = build_lineage(recipe, result, directory)
    write_text_atomic(directory / LINEAGE_FILE, lineage.model_dump_json(indent=2) + "\n")
    library = "peft" if (directory / PEFT_CONFIG).is_file() else "transformers"
    write_text_atomic(directory / CARD_FILE, model_card(lineage, library))
    return lineage
