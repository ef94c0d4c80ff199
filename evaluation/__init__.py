"""Evaluation of the base and fine-tuned models: metrics, their bootstrap intervals and scoring."""
