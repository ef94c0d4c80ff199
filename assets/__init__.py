"""Dagster assets and asset checks: thin wrappers that call corpus/, training/, evaluation/."""

from assets.ingest import cleaning, ingest
from assets.rewrite import gender_catalogue, gendered_term_candidates, rewriting, unreviewed_candidates

corpus_assets = [ingest, cleaning, gender_catalogue, gendered_term_candidates, rewriting]
corpus_checks = [unreviewed_candidates]
