"""The cleaning config: which normalisers and filters run, in which order, with what settings."""

from __future__ import annotations

import os
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpus.clean.base import Normaliser, QualityFilter
from corpus.clean.filters import (
    AlphaWordsFilter,
    LinePunctuationFilter,
    StopWordsFilter,
    SymbolRatioFilter,
    WordCountFilter,
)
from corpus.clean.normalisers import (
    BoilerplateLineRemover,
    ControlCharRemover,
    MarkupStripper,
    UnicodeNormaliser,
    WhitespaceNormaliser,
)
from corpus.clean.repetition import RepeatedLinesFilter, RepeatedNgramsFilter

FilterName = Literal[
    "word_count",
    "symbol_ratio",
    "line_punctuation",
    "repeated_lines",
    "repeated_ngrams",
    "stop_words",
    "alpha_words",
]
DEFAULT_FILTER_ORDER: tuple[FilterName, ...] = (
    "word_count",
    "symbol_ratio",
    "line_punctuation",
    "repeated_lines",
    "repeated_ngrams",
    "stop_words",
    "alpha_words",
)


class CleaningConfig(BaseModel):
    """Normalisers (run in the order listed here) and quality filters (run in `filter_order`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    unicode: UnicodeNormaliser = Field(UnicodeNormaliser(), description="Unicode normalisation.")
    markup: MarkupStripper = Field(MarkupStripper(), description="HTML tags and entities.")
    control_chars: ControlCharRemover = Field(
        ControlCharRemover(), description="Line breaks unified; control, zero-width chars removed."
    )
    whitespace: WhitespaceNormaliser = Field(
        WhitespaceNormaliser(), description="Spaces collapsed, lines trimmed, blank lines limited."
    )
    boilerplate: BoilerplateLineRemover = Field(
        BoilerplateLineRemover(), description="Short boilerplate lines removed."
    )
    word_count: WordCountFilter = Field(
        WordCountFilter(), description="Rules min_words and max_words."
    )
    symbol_ratio: SymbolRatioFilter = Field(SymbolRatioFilter(), description="Rule symbol_ratio.")
    line_punctuation: LinePunctuationFilter = Field(
        LinePunctuationFilter(), description="Rule line_punctuation."
    )
    repeated_lines: RepeatedLinesFilter = Field(
        RepeatedLinesFilter(), description="Rule repeated_lines."
    )
    repeated_ngrams: RepeatedNgramsFilter = Field(
        RepeatedNgramsFilter(), description="Rule repeated_ngrams."
    )
    stop_words: StopWordsFilter = Field(StopWordsFilter(), description="Rule stop_words.")
    alpha_words: AlphaWordsFilter = Field(AlphaWordsFilter(), description="Rule alpha_words.")
    threads: int = Field(
        0,
        ge=0,
        description="Batches cleaned at once, each in its own thread (polars releases the GIL); "
        "0 = one per CPU core. The output does not depend on it.",
    )
    batch_rows: int = Field(
        2_000,
        gt=0,
        description="Documents per cleaning batch: the unit of parallel work; its intermediate "
        "columns (a few copies of the batch's text) bound the cleaning memory per thread.",
    )
    filter_order: tuple[FilterName, ...] = Field(
        DEFAULT_FILTER_ORDER,
        description="Order in which filters are tried; a document failing several is recorded "
        "once, with the first failing rule. Lists every filter exactly once.",
    )

    @field_validator("filter_order")
    @classmethod
    def _every_filter_once(cls, order: tuple[FilterName, ...]) -> tuple[FilterName, ...]:
        if sorted(order) != sorted(DEFAULT_FILTER_ORDER):
            missing = sorted(set(DEFAULT_FILTER_ORDER) - set(order))
            repeated = sorted({name for name in order if order.count(name) > 1})
            raise ValueError(
                f"filter_order must list every filter exactly once (missing: {missing or 'none'}, "
                f"repeated: {repeated or 'none'}); disable a filter with its `enabled: false` "
                "instead of leaving it out"
            )
        return order

    def thread_count(self) -> int:
        """`threads`, or the CPU cores this process may run on (its affinity mask, not the host's
        core count, which can be far larger in a container)."""
        if self.threads:
            return self.threads
        if hasattr(os, "sched_getaffinity"):
            return len(os.sched_getaffinity(0)) or 1
        return os.cpu_count() or 1

    def normalisers(self) -> list[Normaliser]:
        steps = [self.unicode, self.markup, self.control_chars, self.whitespace, self.boilerplate]
        return [step for step in steps if step.enabled]

    def filters(self) -> list[QualityFilter]:
        steps = [getattr(self, name) for name in self.filter_order]
        return [step for step in steps if step.enabled]


# Frozen, so one shared instance is a safe default argument.
DEFAULT_CLEANING_CONFIG = CleaningConfig()
