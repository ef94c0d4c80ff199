"""How shard files are read: the reader settings, the dataset spec file, the ingest error."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# How a source's text is tokenized; the rewriter keeps it ("he 's" -> "they 're").
Tokenization = Literal["auto", "plain", "wikitext", "ptb"]


class IngestError(ValueError):
    """A shard that cannot be read at all (as opposed to a bad record, which is quarantined)."""


class ReaderConfig(BaseModel):
    """How shard files are turned into documents."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    jsonl_text_field: str = Field(
        "text",
        min_length=1,
        description="JSON Lines and Parquet: the field holding the document text.",
    )
    text_mode: Literal["blocks", "lines"] = Field(
        "blocks",
        description="Plain text: 'blocks' = one document per blank-line-separated block, "
        "'lines' = one document per non-blank line.",
    )
    line_mode_suffixes: tuple[str, ...] = Field(
        (".lines.txt",),
        description="Plain-text files whose names end with one of these are always read one "
        "document per line, whatever text_mode says.",
    )
    tokenization: Tokenization = Field(
        "auto",
        description="How the source text is tokenized, so rewriting keeps it and agrees: "
        "'plain' (ordinary text), 'wikitext' (\" 's\", \" n't\", \" @-@ \" hyphens), 'ptb' "
        '(Penn Treebank style: "he \'s", "does n\'t" or "doesn \'t", "\' s"), or \'auto\' '
        "(detected per shard from its first documents; the rewrite asset logs the decision).",
    )
    batch_rows: int = Field(
        20_000, gt=0, description="Documents per batch; bounds reader memory for large shards."
    )
    raw_prefix_chars: int = Field(
        120, gt=0, description="How much of a bad record quarantine keeps (chars, or bytes as hex)."
    )
    allowed_roots: tuple[Path, ...] = Field(
        (),
        description="Folders outside the landing folder that shards may read from: symlink "
        "targets and local `path:`s of `*.dataset.yaml` files (relative to the preset). Anything "
        "else outside the landing folder is refused with reason `outside_landing`.",
    )


class DatasetSpec(BaseModel):
    """A `*.dataset.yaml` landing file: one Hugging Face `datasets` split as one shard."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(
        description="A Hub dataset name, a local `save_to_disk` directory, or a data directory."
    )
    name: str | None = Field(
        None, description="Dataset configuration name, if the dataset has several."
    )
    split: str = Field(
        "train", description="The split to read; one spec file = one split = one shard."
    )
    text_field: str = Field("text", min_length=1, description="Column holding the document text.")
    streaming: bool = Field(
        True, description="Stream Hub/data-directory datasets instead of materialising them first."
    )


DEFAULT_READER_CONFIG = ReaderConfig()
