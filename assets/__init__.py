"""Dagster assets and asset checks: thin wrappers that call corpus/, training/, evaluation/."""

from assets.dedup import (
    build_leakage_check,
    dataset_splits,
    dedup_clusters,
    split_decontamination,
    split_exports,
)
from assets.evaluation import (
    base_model_evaluation,
    generation_prompts,
    minimal_pairs,
    model_evaluation,
    prompts_do_not_leak,
    strategy_report,
)
from assets.ingest import cleaning, ingest
from assets.landing import landing_files
from assets.rewrite import (
    gender_catalogue,
    gendered_term_candidates,
    rewriting,
    unreviewed_candidates,
)
from assets.training import base_model, finetuned_model

corpus_assets = [
    ingest,
    cleaning,
    gender_catalogue,
    gendered_term_candidates,
    rewriting,
    dedup_clusters,
    dataset_splits,
    split_decontamination,
    split_exports,
]
source_assets = [landing_files]
corpus_checks = [unreviewed_candidates]
training_assets = [base_model, finetuned_model]
evaluation_assets = [
    generation_prompts,
    minimal_pairs,
    base_model_evaluation,
    model_evaluation,
    strategy_report,
]
evaluation_checks = [prompts_do_not_leak]

__all__ = [
    "build_leakage_check",
    "corpus_assets",
    "corpus_checks",
    "evaluation_assets",
    "evaluation_checks",
    "source_assets",
    "training_assets",
]
