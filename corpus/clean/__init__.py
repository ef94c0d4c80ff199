"""Cleaning: normalisers that rewrite the text, then quality filters that drop documents."""

from corpus.clean.base import CleaningStep, FilterCheck, Normaliser, QualityFilter
from corpus.clean.config import DEFAULT_CLEANING_CONFIG, DEFAULT_FILTER_ORDER, CleaningConfig
from corpus.clean.filters import (
    DEFAULT_STOP_WORDS,
    AlphaWordsFilter,
    LinePunctuationFilter,
    StopWordsFilter,
    SymbolRatioFilter,
    WordCountFilter,
)
from corpus.clean.normalisers import (
    DEFAULT_BOILERPLATE_PATTERNS,
    BoilerplateLineRemover,
    ControlCharRemover,
    MarkupStripper,
    UnicodeNormaliser,
    WhitespaceNormaliser,
)
from corpus.clean.pipeline import (
    EMPTY_RULE,
    FILTERED_SCHEMA,
    CleaningResult,
    clean_batch,
    clean_batches,
    clean_documents,
)
from corpus.clean.repetition import RepeatedLinesFilter, RepeatedNgramsFilter

__all__ = [
    "DEFAULT_BOILERPLATE_PATTERNS",
    "DEFAULT_CLEANING_CONFIG",
    "DEFAULT_FILTER_ORDER",
    "DEFAULT_STOP_WORDS",
    "EMPTY_RULE",
    "FILTERED_SCHEMA",
    "AlphaWordsFilter",
    "BoilerplateLineRemover",
    "CleaningConfig",
    "CleaningResult",
    "CleaningStep",
    "ControlCharRemover",
    "FilterCheck",
    "LinePunctuationFilter",
    "MarkupStripper",
    "Normaliser",
    "QualityFilter",
    "RepeatedLinesFilter",
    "RepeatedNgramsFilter",
    "StopWordsFilter",
    "SymbolRatioFilter",
    "UnicodeNormaliser",
    "WhitespaceNormaliser",
    "WordCountFilter",
    "clean_batch",
    "clean_batches",
    "clean_documents",
]
