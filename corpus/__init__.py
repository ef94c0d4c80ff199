"""Domain code for corpora (no dagster): readers, cleaning, demo, rewriting, dedup, splits."""
