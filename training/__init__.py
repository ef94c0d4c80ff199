"""Fine-tuning domain code: strategies, data packing, the training recipe (no dagster)."""
