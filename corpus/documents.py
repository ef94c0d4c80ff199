"""Document identity and the table schemas every stage agrees on."""

from __future__ import annotations

import re
from collections.abc import Iterable

import polars as pl
import xxhash

RAW_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "shard": pl.String(),
    "text": pl.String(),
    "source_path": pl.String(),
    "source_line": pl.Int64(),
    "ingested_at": pl.Datetime("us", "UTC"),
}

QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    "shard": pl.String(),
    "source_path": pl.String(),
    "source_line": pl.Int64(),
    "reason": pl.String(),
    "detail": pl.String(),
    "raw_prefix": pl.String(),
    "ingested_at": pl.Datetime("us", "UTC"),
}

_SLUG_INVALID = re.compile(r"[^a-z0-9]+")


def make_doc_id(shard: str, source_line: int, text: str) -> str:
    """Stable 32-hex id of one document: the same shard, position and text always give the same id.

    The position is part of the id so that exact duplicate texts stay distinct rows; the text is
    part of it so that an edited line gets a new id.
    """
    digest = xxhash.xxh3_128()
    digest.update(f"{shard}\x1f{source_line}\x1f".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def shard_slug(name: str) -> str:
    """Readable partition key for a name: [a-z0-9-] only ("News 2024.jsonl" -> news-2024-jsonl)."""
    slug = _SLUG_INVALID.sub("-", name.lower()).strip("-")
    if not slug:
        raise ValueError(
            f"cannot derive a shard key from {name!r}: rename it to contain letters or digits"
        )
    return slug


def frame_version(frame: pl.DataFrame, columns: Iterable[str]) -> str:
    """Content hash (32 hex) of the given columns of a frame, row order included: a data version."""
    digest = xxhash.xxh3_128()
    for column in columns:
        digest.update(f"\x1d{column}\x1d".encode())
        for value in frame.get_column(column).cast(pl.String).to_list():
            digest.update(b"\x00" if value is None else value.encode("utf-8", "surrogatepass"))
            digest.update(b"\x1e")
    return digest.hexdigest()
