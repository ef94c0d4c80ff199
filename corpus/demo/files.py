"""Shard file records and how each shard file is rendered (written by corpus.atomic_files)."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.parquet as pq

from corpus.demo.config import (
    FILE_FORMATS,
    FORUM_FILE,
    ID_PREFIXES,
    NEWS_FILE,
)
from corpus.demo.prose import WORD


@dataclass
class Entry:
    """One record of a shard file: a document (text) or a broken record (raw line or null text)."""

    file: str
    text: str | None
    raw: bytes | None = None
    title: str | None = None
    section: str = "general"
    author: str = "guest"
    genre: str = ""
    seed: int = 0
    position: int = 0

    @property
    def is_document(self) -> bool:
        return self.text is not None and self.raw is None

    @property
    def n_words(self) -> int:
        return len(WORD.findall(self.text or ""))


def render(name: str, entries: list[Entry]) -> bytes:
    """The file's bytes; sets each entry's position (line, block's first line, or Parquet row)."""
    file_format = FILE_FORMATS[name]
    if file_format == "parquet":
        for row, entry in enumerate(entries, start=1):
            entry.position = row
        table = pa.table(
            {
                "id": [f"{ID_PREFIXES[name]}-{entry.position:05d}" for entry in entries],
                "title": [entry.title for entry in entries],
                "text": [entry.text for entry in entries],
            },
            schema=pa.schema([("id", pa.string()), ("title", pa.string()), ("text", pa.string())]),
        )
        buffer = io.BytesIO()
        pq.write_table(table, buffer, compression="zstd")
        return buffer.getvalue()
    if file_format == "blocks":
        line = 1
        blocks: list[bytes] = []
        for entry in entries:
            entry.position = line
            blocks.append((entry.text or "").encode())
            line += (entry.text or "").count("\n") + 2
        return b"\n\n".join(blocks) + b"\n"
    lines: list[bytes] = []
    for number, entry in enumerate(entries, start=1):
        entry.position = number
        if entry.raw is not None:
            lines.append(entry.raw)
        elif file_format == "lines":
            lines.append((entry.text or "").encode())
        else:
            lines.append(json.dumps(_json_record(name, entry), ensure_ascii=False).encode())
    return b"\n".join(lines) + b"\n"


def _json_record(name: str, entry: Entry) -> dict[str, str | None]:
    record_id = f"{ID_PREFIXES[name]}-{entry.position:05d}"
    if name == NEWS_FILE:
        return {"id": record_id, "section": entry.section, "title": entry.title, "text": entry.text}
    if name == FORUM_FILE:
        return {"id": record_id, "author": entry.author, "thread": entry.title, "text": entry.text}
    return {"id": record_id, "text": entry.text}
