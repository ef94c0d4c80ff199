"""Evaluation stage: the shared test items, every model's metrics, and the strategy report."""

from pathlib import Path

import polars as pl
from dagster import (
    AllPartitionMapping,
    AssetExecutionContext,
    AssetIn,
    DataVersion,
    MetadataValue,
    Output,
    asset,
)

from assets import versions
from assets.dedup import ALL_SHARDS, build_leakage_check
from corpus.atomic_files import file_sha256
from corpus.documents import frame_version
from corpus.rewrite import catalogue_from_frame
from corpus.splits import ORIGINAL_ARM, SplitManifest
from jobs.partitions import model_partitions
from resources import LocalArtifactStore, PipelineSettings
from training.base_model import BaseModelInfo
from training.manifest import TrainedModel


@asset(group_name="evaluation", kinds={"duckdb", "polars"}, code_version=versions.EVALUATION)
def generation_prompts(settings: PipelineSettings) -> Output[pl.DataFrame]:
    """The fixed prompts whose sampled continuations the generation audit reads."""
    from evaluation.prompts import DEFAULT_PROMPTS_PATH, load_generation_prompts, prompt_id

    path = settings.load().evaluation.prompts_path or DEFAULT_PROMPTS_PATH
    prompts = load_generation_prompts(path)
    frame = pl.DataFrame(
        {"prompt_id": [prompt_id(i) for i in range(len(prompts))], "text": prompts}
    )
    return Output(
        frame,
        data_version=DataVersion(frame_version(frame, ["prompt_id", "text"])),
        metadata={"dagster/row_count": frame.height, "source": str(path)},
    )


prompts_do_not_leak = build_leakage_check("generation_prompts")


@asset(
    group_name="evaluation",
    kinds={"duckdb", "polars"},
    ins={"split_exports": AssetIn(), "rewrite_log": ALL_SHARDS},
    code_version=versions.EVALUATION,
)
def minimal_pairs(
    split_exports: SplitManifest, rewrite_log: pl.DataFrame, settings: PipelineSettings
) -> Output[pl.DataFrame]:
    """Test-split sentences as written and as rewritten (one pair per edited sentence)."""
    from evaluation.pairs import PairConfig, build_minimal_pairs

    documents = pl.read_parquet(
        split_exports.export("test", ORIGINAL_ARM).path, columns=["doc_id", "text"]
    )
    config = PairConfig(max_sentence_chars=settings.load().evaluation.max_pair_chars)
    built = build_minimal_pairs(documents, rewrite_log, config)
    frame = pl.DataFrame(
        [pair.model_dump() for pair in built.pairs],
        schema={name: pl.String for name in ("pair_id", "doc_id", "kind", "gendered", "neutral")},
    )
    kinds = frame.group_by("kind").len().sort("kind").iter_rows()
    return Output(
        frame,
        data_version=DataVersion(frame_version(frame, ["pair_id", "gendered", "neutral"])),
        metadata={
            "dagster/row_count": frame.height,
            "by_kind": MetadataValue.json(dict(kinds)),
            "skipped": MetadataValue.json(built.skipped),
            "split_version": split_exports.version,
        },
    )


EVALUATION_INS = {
    "split_exports": AssetIn(),
    "minimal_pairs": AssetIn(),
    "generation_prompts": AssetIn(),
    "gender_catalogue": AssetIn(),
}


def _evaluated(context, settings, model, items) -> Output:
    """Run every configured metric on `model` (a ModelToEvaluate) over the shared test items."""
    from evaluation.evaluate import evaluate_model, evaluation_data

    evaluation = settings.load().evaluation
    manifest = items["split_exports"]
    data = evaluation_data(
        manifest,
        items["minimal_pairs"],
        items["generation_prompts"],
        catalogue_from_frame(items["gender_catalogue"]),
        evaluation,
    )
    result = evaluate_model(model, data, evaluation, log=context.log.info)
    return Output(
        result,
        data_version=DataVersion(f"{result.model_version[:16]}-{manifest.version[:8]}"),
        metadata={
            **result.headline(),
            "model_version": result.model_version,
            "split_version": manifest.version,
            "seconds": MetadataValue.json(result.seconds),
        },
    )


@asset(
    group_name="evaluation",
    kinds={"pytorch"},
    io_manager_key="manifest_io_manager",
    ins={**EVALUATION_INS, "base_model": AssetIn()},
    code_version=versions.EVALUATION,
)
def base_model_evaluation(
    context: AssetExecutionContext, base_model: BaseModelInfo, settings: PipelineSettings, **items
):
    """Quality, bias and cost of the base model: the reference every fine-tune is compared to."""
    from evaluation.evaluate import ModelToEvaluate

    model = ModelToEvaluate(
        name="base", directory=str(base_model.directory), version=base_model.fingerprint
    )
    return _evaluated(context, settings, model, items)


@asset(
    group_name="evaluation",
    kinds={"pytorch"},
    io_manager_key="manifest_io_manager",
    partitions_def=model_partitions,
    ins={**EVALUATION_INS, "finetuned_model": AssetIn()},
    code_version=versions.EVALUATION,
)
def model_evaluation(
    context: AssetExecutionContext,
    finetuned_model: TrainedModel,
    settings: PipelineSettings,
    **items,
):
    """Quality, bias and cost of one fine-tuned model (strategy x arm)."""
    from evaluation.evaluate import ModelToEvaluate

    model = ModelToEvaluate(
        name=f"{finetuned_model.strategy}/{finetuned_model.arm}",
        directory=finetuned_model.artifact_dir,
        base_dir=finetuned_model.base_model_dir,
        version=finetuned_model.content_hash,
    )
    return _evaluated(context, settings, model, items)


@asset(
    group_name="evaluation",
    kinds={"matplotlib", "html"},
    io_manager_key="manifest_io_manager",
    code_version=versions.REPORT,
    ins={
        "base_model_evaluation": AssetIn(),
        "model_evaluation": AssetIn(partition_mapping=AllPartitionMapping()),
    },
)
def strategy_report(
    context: AssetExecutionContext,
    base_model_evaluation,
    model_evaluation: dict,
    settings: PipelineSettings,
    artifacts: LocalArtifactStore,
):
    """Every strategy x arm against the base and against its other arm, with plots."""
    from evaluation.comparisons import ModelResults
    from evaluation.evaluate import report_version
    from evaluation.report import build_report

    evaluations = [base_model_evaluation, *model_evaluation.values()]
    models = [ModelResults.named(e.name, e.results) for e in evaluations]
    directory = artifacts.path("reports", report_version(evaluations))
    report = build_report(models, directory, settings.load().evaluation.report)
    context.log.info(f"report written to {report.html}")
    return Output(
        report,
        data_version=DataVersion(file_sha256(Path(report.markdown))[:16]),  # the table's content
        metadata={
            "report": MetadataValue.path(str(report.html)),
            "published": artifacts.publish(directory),
            "models": len(models),
            "headline": MetadataValue.md(report.headline_markdown),
            "neutral_minus_original": MetadataValue.md(report.arm_differences_markdown),
            "significant_arm_differences": report.significant_arm_differences,
        },
    )
