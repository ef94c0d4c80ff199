"""Dagster assets and asset checks: thin wrappers that call corpus/, training/, evaluation/."""

from assets.ingest import cleaning, ingest

corpus_assets = [ingest, cleaning]
