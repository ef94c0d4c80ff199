"""Gender-neutral rewriting: catalogue terms (Bartl & Leavy 2024) and pronouns to singular they."""

from corpus.rewrite.engine import (
    NEUTRAL_SCHEMA,
    REWRITE_LOG_SCHEMA,
    Replacement,
    RewriteConfig,
    Rewriter,
    RewriteResult,
    rewrite_documents,
)

__all__ = [
    "NEUTRAL_SCHEMA",
    "REWRITE_LOG_SCHEMA",
    "Replacement",
    "RewriteConfig",
    "RewriteResult",
    "Rewriter",
    "rewrite_documents",
]
