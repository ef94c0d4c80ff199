"""The demo corpus's settings, shard files and formats, and the manifest of what it wrote."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

NEWS_FILE = "news.jsonl"
FORUM_FILE = "forum.jsonl"
STORIES_FILE = "stories.parquet"
ESSAYS_FILE = "essays.txt"
HEADLINES_FILE = "headlines.lines.txt"
BROKEN_FILE = "broken.jsonl"

# Share of the generated documents each shard receives; long genres get fewer, richer documents.
SHARD_SHARES: dict[str, float] = {
    NEWS_FILE: 0.28,
    FORUM_FILE: 0.20,
    STORIES_FILE: 0.14,
    ESSAYS_FILE: 0.10,
    HEADLINES_FILE: 0.22,
    BROKEN_FILE: 0.06,
}
FileFormat = Literal["jsonl", "parquet", "blocks", "lines"]
FILE_FORMATS: dict[str, FileFormat] = {
    NEWS_FILE: "jsonl",
    FORUM_FILE: "jsonl",
    STORIES_FILE: "parquet",
    ESSAYS_FILE: "blocks",
    HEADLINES_FILE: "lines",
    BROKEN_FILE: "jsonl",
}
ID_PREFIXES: dict[str, str] = {
    NEWS_FILE: "news",
    FORUM_FILE: "post",
    STORIES_FILE: "story",
    BROKEN_FILE: "rec",
}

# Near-duplicate copies are made only from documents this long, so that a few edited words keep
# the word-5-gram Jaccard similarity at or above NEAR_DUPLICATE_MIN_JACCARD.
NEAR_DUPLICATE_MIN_WORDS = 60
# Share of sentences written with a character's pronoun as subject that name the character instead.
NAMED_SUBJECT_RATE = 0.4
NEAR_DUPLICATE_MIN_JACCARD = 0.8
SHINGLE_WORDS = 5


class DemoCorpusConfig(BaseModel):
    """Size, seed and planted-problem rates of the demo corpus."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: int = Field(
        13, description="Seed of the generator; the same config always writes byte-identical files."
    )
    n_documents: int = Field(
        3000,
        ge=50,
        description="Well-formed documents generated across all shards, before planted duplicates "
        "and low-quality documents are added (50 at least, so every shard gets some).",
    )
    exact_duplicate_rate: float = Field(
        0.05,
        ge=0.0,
        le=0.2,
        description="Exact copies planted, as a fraction of n_documents; a copy may differ from "
        "its original only in case, whitespace or punctuation.",
    )
    near_duplicate_rate: float = Field(
        0.05,
        ge=0.0,
        le=0.2,
        description="Near-duplicate copies planted (a few words changed, inserted or deleted; "
        "word-5-gram Jaccard >= 0.8), as a fraction of n_documents.",
    )
    gender_variant_rate: float = Field(
        0.01,
        ge=0.0,
        le=0.05,
        description="Copies with only gendered words swapped (he/she, chairman/chairwoman), as a "
        "fraction of n_documents; they become duplicates once rewritten to neutral language.",
    )
    noisy_rate: float = Field(
        0.1,
        ge=0.0,
        le=0.3,
        description="Documents given markup, control characters, odd whitespace, decomposed "
        "Unicode or boilerplate lines for cleaning to fix, as a fraction of n_documents.",
    )
    low_quality_rate: float = Field(
        0.01,
        ge=0.0,
        le=0.05,
        description="Low-quality documents added for the quality filters (too short, symbol soup, "
        "repeated line, non-English, keyword spam), as a fraction of n_documents; each kind "
        "appears at least once.",
    )


class PlantedDuplicate(BaseModel):
    """One planted copy and the record it copies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(description="Shard file holding the copy, e.g. 'news.jsonl'.")
    source_line: int = Field(
        description="Position of the copy: 1-based line for JSON Lines and text (first line of a "
        "block), 1-based row for Parquet."
    )
    original_file: str = Field(description="Shard file holding the original.")
    original_source_line: int = Field(description="Position of the original, as source_line.")
    kind: Literal["exact", "near"] = Field(
        description="'exact': same text up to case, whitespace and punctuation; 'near': a few "
        "words edited, or only gendered words swapped."
    )


class DemoCorpusManifest(BaseModel):
    """What write_demo_corpus wrote: the ground truth for ingestion, quarantine and dedup tests."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    files: list[str] = Field(
        description="Shard file names written into the landing folder, sorted."
    )
    n_documents: int = Field(
        description="Records that ingest as documents: generated, planted copies and low-quality."
    )
    n_broken: int = Field(description="Broken records written; ingestion must quarantine each.")
    planted_duplicates: list[PlantedDuplicate] = Field(
        description="Every planted copy, sorted by file and position."
    )


DEFAULT_CONFIG = DemoCorpusConfig()
