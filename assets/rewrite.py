"""Gender-neutral rewriting: the catalogue, term candidates, and the rewritten shards."""

import time

import polars as pl
from dagster import (
    AllPartitionMapping,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetIn,
    DataVersion,
    MetadataValue,
    Output,
    asset,
    asset_check,
    multi_asset,
)

from assets import versions
from assets.checks import blocking_check, error_check
from assets.shards import shard_table
from corpus.documents import frame_version
from corpus.ingest import Throughput, text_megabytes
from corpus.rewrite import (
    Rewriter,
    audit_rewrite,
    catalogue_from_frame,
    catalogue_to_frame,
    find_term_candidates,
    rewrite_documents,
)
from corpus.rewrite.tokenization import detect_tokenization, tokenization_aware
from jobs.partitions import corpus_shards
from resources import PipelineSettings

UNREVIEWED_SHOWN = 15
# examples (a list column) left out: samples of the same words in the same documents
CANDIDATE_VERSION_COLUMNS = ["word", "pattern", "status", "frequency", "n_documents"]


@asset(group_name="rewrite", kinds={"duckdb"}, code_version=versions.CATALOGUE)
def gender_catalogue(
    context: AssetExecutionContext, settings: PipelineSettings
) -> Output[pl.DataFrame]:
    """The validated catalogue of gender-exclusive terms, their replacements, and the exclusions."""
    catalogue = settings.load().catalogue.load()
    frame = catalogue_to_frame(catalogue)
    return Output(
        frame,
        data_version=DataVersion(catalogue.version),  # covers the profile name and every file
        metadata={
            "dagster/row_count": frame.height,
            "profile": catalogue.profile,
            "entries": len(catalogue.entries),
            "forms": len(catalogue.forms()),
            "exclusions": len(catalogue.exclusions),
            "catalogue_version": catalogue.version,
            "source": catalogue.source,
        },
    )


@asset(
    group_name="rewrite",
    kinds={"duckdb", "polars"},
    code_version=versions.TERM_CANDIDATES,
    ins={
        "clean_documents": AssetIn(partition_mapping=AllPartitionMapping()),
        "gender_catalogue": AssetIn(),
    },
)
def gendered_term_candidates(
    clean_documents: pl.DataFrame, gender_catalogue: pl.DataFrame
) -> Output[pl.DataFrame]:
    """Words in the clean corpus that look gender-exclusive, with counts, contexts, status."""
    candidates = find_term_candidates(clean_documents, catalogue_from_frame(gender_catalogue))
    by_status = dict(candidates.group_by("status").len().sort("status").iter_rows())
    return Output(
        candidates,
        data_version=DataVersion(frame_version(candidates, CANDIDATE_VERSION_COLUMNS)),
        metadata={"dagster/row_count": candidates.height, **by_status},
    )


@asset_check(
    asset=gendered_term_candidates, description="WARN when frequent candidates are unreviewed."
)
def unreviewed_candidates(gendered_term_candidates: pl.DataFrame) -> AssetCheckResult:
    unreviewed = (
        gendered_term_candidates.filter(pl.col("status") == "unreviewed")
        .sort("frequency", descending=True)
        .head(UNREVIEWED_SHOWN)
    )
    table = "\n".join(
        f"| {w} | {f} |" for w, f in unreviewed.select("word", "frequency").iter_rows()
    )
    return AssetCheckResult(
        passed=unreviewed.is_empty(),
        severity=AssetCheckSeverity.WARN,
        metadata={
            "unreviewed_shown": unreviewed.height,
            "most_frequent_unreviewed": MetadataValue.md(
                "Add each to corpus/data/gender_catalogue.csv or gender_exclusions.csv:\n\n"
                f"| word | frequency |\n|---|---|\n{table}"
            ),
        },
    )


@multi_asset(
    ins={"clean_documents": AssetIn(), "gender_catalogue": AssetIn()},
    outs={
        "neutral_documents": shard_table(
            "Clean documents rewritten to gender-neutral language (same doc_ids)."
        ),
        "rewrite_log": shard_table(
            "Every change: offsets into the clean text, before, after, rule."
        ),
    },
    partitions_def=corpus_shards,
    group_name="rewrite",
    code_version=versions.REWRITING,
    check_specs=[
        blocking_check(
            "no_catalogue_term_remains",
            "neutral_documents",
            "Rewriting the output again finds no catalogue term.",
        ),
        blocking_check(
            "rewrite_is_idempotent",
            "neutral_documents",
            "Rewriting a sample of the output again changes nothing.",
        ),
        blocking_check(
            "unchanged_documents_identical",
            "neutral_documents",
            "Documents with no replacement are byte-identical to their clean text.",
        ),
    ],
)
def rewriting(
    context: AssetExecutionContext,
    clean_documents: pl.DataFrame,
    gender_catalogue: pl.DataFrame,
    settings: PipelineSettings,
):
    config = settings.load()
    catalogue = catalogue_from_frame(gender_catalogue)
    tokenization = detect_tokenization(clean_documents["text"], config.reader.tokenization)
    context.log.info(f"shard {context.partition_key}: {tokenization.describe()}")
    rewriter = tokenization_aware(Rewriter(catalogue, config.rewrite), tokenization.style)
    started = time.perf_counter()
    neutral, log = rewrite_documents(clean_documents, rewriter)
    speed = Throughput.since(started, text_megabytes(clean_documents), neutral.height)
    rules = dict(log.group_by("rule").len().sort("rule").iter_rows())
    yield Output(
        neutral,
        "neutral_documents",
        data_version=DataVersion(frame_version(neutral, ["doc_id", "text"])),
        metadata={
            "dagster/row_count": neutral.height,
            "documents_changed": int((neutral["n_replacements"] > 0).sum()),
            "replacements": log.height,
            "catalogue_version": catalogue.version,
            "catalogue_profile": catalogue.profile,
            "pronouns": config.rewrite.pronouns,
            "tokenization": tokenization.style,
            "tokenization_decision": tokenization.describe(),
            "text_mb": round(speed.megabytes, 6),
            "rewrite_seconds": round(speed.seconds, 6),
            **{
                key: speed.metadata()[key]
                for key in ("throughput_mb_per_s", "throughput_docs_per_s")
            },
        },
    )
    yield Output(
        log,
        "rewrite_log",
        data_version=DataVersion(frame_version(log, log.columns)),
        metadata={"dagster/row_count": log.height, **rules},
    )
    audit = audit_rewrite(
        clean_documents, neutral, rewriter, sample_size=config.rewrite_audit_sample
    )
    for name, passed, metadata in audit:
        yield error_check(name, "neutral_documents", passed, metadata)
