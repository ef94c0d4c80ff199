"""Training stage: the base model, and one fine-tuned model per strategy x arm (through Pipes)."""

from pathlib import Path

from dagster import (
    AssetExecutionContext,
    DataVersion,
    MetadataValue,
    Output,
    asset,
)

from assets import versions
from corpus.splits import MANIFEST_NAME, SplitManifest
from jobs.partitions import model_partitions
from resources import LocalArtifactStore, PipelineSettings, TrainerResource, Warehouse
from training.base_model import BaseModelInfo

LINEAGE_DIRECTORY = "lineage"  # per split version: every exported document's file and line


@asset(
    group_name="training",
    kinds={"pytorch", "safetensors"},
    io_manager_key="manifest_io_manager",
    code_version=versions.BASE_MODEL,
)
def base_model(
    context: AssetExecutionContext,
    split_exports: SplitManifest,
    settings: PipelineSettings,
    artifacts: LocalArtifactStore,
):
    """The base causal LM every strategy fine-tunes (hub id, local directory, or builtin)."""
    from training.launch import build_base_model

    source = settings.load().training.base_model
    info = build_base_model(
        source,
        split_exports,
        artifacts.path("base_models"),
        log=context.log.info,
    )
    return Output(
        info,
        data_version=DataVersion(info.fingerprint),
        metadata={
            "directory": MetadataValue.path(info.directory),
            "published": artifacts.publish(Path(info.directory)),
            "architecture": info.architecture,
            "parameters": info.parameters,
            "vocab_size": info.vocab_size,
            "context_length": info.context_length,
            "fingerprint": info.fingerprint,
            "pretrain_loss_curve": MetadataValue.json(info.pretrain_losses),
        },
    )


@asset(
    group_name="training",
    kinds={"pytorch", "safetensors"},
    partitions_def=model_partitions,
    io_manager_key="manifest_io_manager",
    code_version=versions.FINETUNED_MODEL,
)
def finetuned_model(
    context: AssetExecutionContext,
    split_exports: SplitManifest,
    base_model: BaseModelInfo,
    settings: PipelineSettings,
    artifacts: LocalArtifactStore,
    trainer: TrainerResource,
    warehouse: Warehouse,
):
    """One strategy fine-tuned on one arm (neutral text, or the original text as control)."""
    from training.launch import lineage_context, train_or_reuse
    from training.lineage import read_lineage
    from training.lineage_report import chain_markdown

    keys = context.partition_key.keys_by_dimension
    preset = settings.load()
    spec = preset.training.build_spec(
        keys["strategy"],
        keys["arm"],
        base_model_dir=base_model.directory,
        base_fingerprint=base_model.fingerprint,
        split_manifest=str(Path(split_exports.directory) / MANIFEST_NAME),
        split_version=split_exports.version,
        artifacts_root=artifacts.path(),
        run_id=context.run_id,
        lineage_extra=lineage_context(
            preset,
            split_exports,
            base_model,
            warehouse.document_sources,
            artifacts.path(LINEAGE_DIRECTORY),
        ),
    )
    spec = artifacts.with_remote_copies(spec)
    model = train_or_reuse(
        spec, artifacts.retrieve, lambda: trainer.train(context, spec), context.log.info
    )
    result = model.result
    return Output(
        model,
        data_version=DataVersion(model.content_hash[:16]),
        metadata={
            "artifact": MetadataValue.path(model.artifact_dir),
            "published": artifacts.publish(Path(model.artifact_dir)),
            "trainable_parameters": result.trainable_parameters,
            "total_parameters": result.total_parameters,
            "trainable_percent": 100
            * result.trainable_parameters
            / max(result.total_parameters, 1),
            "final_train_loss": MetadataValue.float(result.final_train_loss or float("nan")),
            "final_eval_loss": MetadataValue.float(result.final_eval_loss or float("nan")),
            "tokens_per_second": result.tokens_per_second,
            "peak_memory_mib": round(result.peak_memory_bytes / 2**20, 1),
            "wall_seconds": result.wall_seconds,
            "tokens_seen": result.tokens_seen,
            "device": result.device,
            "split_version": model.split_version,
            "base_fingerprint": model.base_fingerprint[:16],
            "loss_curve": MetadataValue.json(
                {"train": result.train_losses, "eval": result.eval_losses}
            ),
            "reused": model.reused,
            "lineage": MetadataValue.md(chain_markdown(read_lineage(Path(model.artifact_dir)))),
        },
    )
