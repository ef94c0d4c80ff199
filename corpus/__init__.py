"""Domain code for corpora: readers, cleaning, the demo corpus, rewriting, dedup and splits (no dagster)."""
