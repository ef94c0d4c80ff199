"""Records to frames: each record becomes a document row or a quarantine row with its reason."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import polars as pl

from corpus.documents import QUARANTINE_SCHEMA, RAW_SCHEMA, make_doc_id
from corpus.ingest.config import ReaderConfig


class ShardBatch(NamedTuple):
    documents: pl.DataFrame  # RAW_SCHEMA
    quarantine: pl.DataFrame  # QUARANTINE_SCHEMA


# A record is (source_line, text or None, reason or None, detail, raw_prefix).
Record = tuple[int, str | None, str | None, str, str]


class Batcher:
    def __init__(
        self, shard: str, source_path: str, config: ReaderConfig, ingested_at: dt.datetime
    ):
        self.shard = shard
        self.source_path = source_path
        self.config = config
        self.ingested_at = ingested_at
        self._reset()

    def _reset(self) -> None:
        self.doc_ids: list[str] = []
        self.texts: list[str] = []
        self.lines: list[int] = []
        self.bad: list[tuple[int, str, str, str]] = []

    def add(
        self, source_line: int, text: str | None, reason: str | None, detail: str, raw_prefix: str
    ) -> ShardBatch | None:
        if reason is None and text is not None and not text.strip():
            reason, detail, raw_prefix = "empty_text", "text is empty or whitespace only", text
        if reason is not None or text is None:
            prefix = raw_prefix[: self.config.raw_prefix_chars]
            self.bad.append((source_line, reason or "missing_text", detail, prefix))
        else:
            self.doc_ids.append(make_doc_id(self.shard, source_line, text))
            self.texts.append(text)
            self.lines.append(source_line)
        if len(self.texts) + len(self.bad) >= self.config.batch_rows:
            return self.flush()
        return None

    def flush(self) -> ShardBatch:
        # Constant columns as literals: a Python list of n equal values costs a conversion each.
        documents = pl.DataFrame(
            {"doc_id": self.doc_ids, "text": self.texts, "source_line": self.lines},
            schema={name: RAW_SCHEMA[name] for name in ("doc_id", "text", "source_line")},
        ).select(
            "doc_id",
            shard=pl.lit(self.shard, RAW_SCHEMA["shard"]),
            text="text",
            source_path=pl.lit(self.source_path, RAW_SCHEMA["source_path"]),
            source_line="source_line",
            ingested_at=pl.lit(self.ingested_at, RAW_SCHEMA["ingested_at"]),
        )
        m = len(self.bad)
        quarantine = pl.DataFrame(
            {
                "shard": [self.shard] * m,
                "source_path": [self.source_path] * m,
                "source_line": [b[0] for b in self.bad],
                "reason": [b[1] for b in self.bad],
                "detail": [b[2] for b in self.bad],
                "raw_prefix": [b[3] for b in self.bad],
                "ingested_at": [self.ingested_at] * m,
            },
            schema=QUARANTINE_SCHEMA,
        )
        self._reset()
        return ShardBatch(documents, quarantine)


def hex_prefix(raw: bytes, limit: int = 60) -> str:
    return "hex:" + raw[:limit].hex()


def decode(raw: bytes) -> tuple[str | None, str]:
    """Strict UTF-8: a bad byte is reported with its offset, never replaced silently."""
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        return None, f"invalid UTF-8 byte 0x{raw[error.start]:02x} at byte {error.start}"
