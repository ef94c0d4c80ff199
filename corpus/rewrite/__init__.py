"""Gender-neutral rewriting: catalogue terms (Bartl & Leavy 2024) and pronouns to singular they.

The catalogue (curated CSV files, grouped into the profiles `core` and `paper`) and its table form,
the rewrite engine, the affix-pattern term candidates that feed the catalogue's review, and the
audit of rewritten text.
"""

from corpus.rewrite.audit import audit_rewrite
from corpus.rewrite.candidates import CANDIDATE_SCHEMA, affix_pattern, find_term_candidates
from corpus.rewrite.catalogue import (
    DEFAULT_CATALOGUE_PATH,
    DEFAULT_EXCLUSIONS_PATH,
    CatalogueEntry,
    CatalogueError,
    GenderCatalogue,
    load_catalogue,
    load_profile,
    regular_plural,
)
from corpus.rewrite.catalogue_table import catalogue_from_frame, catalogue_to_frame
from corpus.rewrite.engine import (
    NEUTRAL_SCHEMA,
    REWRITE_LOG_SCHEMA,
    Replacement,
    RewriteConfig,
    Rewriter,
    RewriteResult,
    rewrite_documents,
)
from corpus.rewrite.profiles import (
    CUSTOM_PROFILE,
    DEFAULT_PROFILE,
    PAPER_CATALOGUE_PATH,
    PROFILES,
    CatalogueProfile,
)

__all__ = [
    "CANDIDATE_SCHEMA",
    "CUSTOM_PROFILE",
    "DEFAULT_PROFILE",
    "PAPER_CATALOGUE_PATH",
    "PROFILES",
    "CatalogueProfile",
    "DEFAULT_CATALOGUE_PATH",
    "DEFAULT_EXCLUSIONS_PATH",
    "NEUTRAL_SCHEMA",
    "REWRITE_LOG_SCHEMA",
    "CatalogueEntry",
    "CatalogueError",
    "GenderCatalogue",
    "Replacement",
    "RewriteConfig",
    "RewriteResult",
    "Rewriter",
    "affix_pattern",
    "audit_rewrite",
    "catalogue_from_frame",
    "catalogue_to_frame",
    "find_term_candidates",
    "load_catalogue",
    "load_profile",
    "regular_plural",
    "rewrite_documents",
]
