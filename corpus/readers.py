"""Streaming shard readers: JSON Lines, Parquet, plain text and Hugging Face `datasets`.

Every reader yields bounded batches, so a shard of any size is read with memory proportional to
`batch_rows`, and every record becomes exactly one row of either the documents or the quarantine
frame: `records_seen == documents + quarantined` holds by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, NamedTuple

import orjson
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpus.documents import QUARANTINE_SCHEMA, RAW_SCHEMA, make_doc_id, shard_slug

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
TEXT_SUFFIXES = (".txt",)
DATASET_SUFFIXES = (".dataset.yaml", ".dataset.yml")
SUPPORTED_SUFFIXES = JSONL_SUFFIXES + PARQUET_SUFFIXES + TEXT_SUFFIXES + DATASET_SUFFIXES


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
    batch_rows: int = Field(
        20_000, gt=0, description="Documents per batch; bounds reader memory for large shards."
    )
    raw_prefix_chars: int = Field(
        120, gt=0, description="How much of a bad record quarantine keeps (chars, or bytes as hex)."
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


class ShardBatch(NamedTuple):
    documents: pl.DataFrame  # RAW_SCHEMA
    quarantine: pl.DataFrame  # QUARANTINE_SCHEMA


class IngestStats(NamedTuple):
    records_seen: int
    documents: int
    quarantined: int
    reasons: dict[str, int]


def discover_shards(landing_dir: Path) -> dict[str, Path]:
    """Map shard key -> file for every supported file in the landing folder (not recursive)."""
    if not landing_dir.is_dir():
        raise IngestError(
            f"landing folder {landing_dir} does not exist: create it and put corpus files in it, "
            "or set NEUTUNE_LANDING_DIR to the folder that holds them"
        )
    shards: dict[str, Path] = {}
    for path in sorted(landing_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file() or not is_supported(path):
            continue
        key = shard_slug(path.name)
        if key in shards:
            raise IngestError(
                f"{path} and {shards[key]} map to the same shard key {key!r}: rename one of them"
            )
        shards[key] = path
    return dict(sorted(shards.items()))


def unsupported_files(landing_dir: Path) -> list[Path]:
    """Visible files in the landing folder that no reader handles (reported, never ingested)."""
    return sorted(
        path
        for path in landing_dir.iterdir()
        if path.is_file() and not path.name.startswith(".") and not is_supported(path)
    )


def is_supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED_SUFFIXES)


def read_shard(
    path: Path,
    shard: str,
    config: ReaderConfig = DEFAULT_READER_CONFIG,
    ingested_at: dt.datetime | None = None,
) -> Iterator[ShardBatch]:
    """Yield the shard's records in batches of documents and quarantined rows."""
    name = path.name.lower()
    if not name.endswith(SUPPORTED_SUFFIXES):
        raise IngestError(
            f"{path}: unsupported file type; supported endings are {', '.join(SUPPORTED_SUFFIXES)} "
            "(rename the file or convert it)"
        )
    if not path.is_file():
        raise IngestError(f"{path}: file not found; was it moved out of the landing folder?")
    batcher = _Batcher(shard, str(path), config, ingested_at or dt.datetime.now(dt.UTC))
    try:
        if name.endswith(JSONL_SUFFIXES):
            records = _jsonl_records(path, config)
        elif name.endswith(PARQUET_SUFFIXES):
            records = _parquet_records(path, config)
        elif name.endswith(DATASET_SUFFIXES):
            records = _dataset_records(path)
        else:
            lines = config.text_mode == "lines" or name.endswith(config.line_mode_suffixes)
            records = _text_line_records(path) if lines else _text_block_records(path)
        for record in records:
            batch = batcher.add(*record)
            if batch is not None:
                yield batch
    except PermissionError as error:
        raise IngestError(
            f"{path}: cannot be read ({error.strerror}); check its permissions"
        ) from error
    except IsADirectoryError as error:
        raise IngestError(f"{path}: is a directory, expected a file") from error
    yield batcher.flush()


def ingest_shard(
    path: Path,
    shard: str,
    config: ReaderConfig = DEFAULT_READER_CONFIG,
    ingested_at: dt.datetime | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, IngestStats]:
    """Read a whole shard into (documents, quarantine) frames, with counts."""
    documents: list[pl.DataFrame] = []
    quarantine: list[pl.DataFrame] = []
    for batch in read_shard(path, shard, config, ingested_at):
        documents.append(batch.documents)
        quarantine.append(batch.quarantine)
    document_frame = pl.concat(documents, rechunk=True)
    quarantine_frame = pl.concat(quarantine, rechunk=True)
    reasons = dict(quarantine_frame.group_by("reason").len().sort("reason").iter_rows())
    stats = IngestStats(
        records_seen=document_frame.height + quarantine_frame.height,
        documents=document_frame.height,
        quarantined=quarantine_frame.height,
        reasons=reasons,
    )
    return document_frame, quarantine_frame, stats


# A record is (source_line, text or None, reason or None, detail, raw_prefix).
Record = tuple[int, str | None, str | None, str, str]


class _Batcher:
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
        n = len(self.texts)
        documents = pl.DataFrame(
            {
                "doc_id": self.doc_ids,
                "shard": [self.shard] * n,
                "text": self.texts,
                "source_path": [self.source_path] * n,
                "source_line": self.lines,
                "ingested_at": [self.ingested_at] * n,
            },
            schema=RAW_SCHEMA,
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


def _hex_prefix(raw: bytes, limit: int = 60) -> str:
    return "hex:" + raw[:limit].hex()


def _decode(raw: bytes) -> tuple[str | None, str]:
    """Strict UTF-8: a bad byte is reported with its offset, never replaced silently."""
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        return None, f"invalid UTF-8 byte 0x{raw[error.start]:02x} at byte {error.start}"


def _jsonl_records(path: Path, config: ReaderConfig) -> Iterator[Record]:
    field = config.jsonl_text_field
    with path.open("rb") as handle:
        for line_number, raw in enumerate(handle, start=1):
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue  # blank lines separate nothing and hold no record
            line, problem = _decode(raw)
            if line is None:
                yield line_number, None, "invalid_utf8", problem, _hex_prefix(raw)
                continue
            try:
                value: Any = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                yield line_number, None, "invalid_json", str(error), line
                continue
            if not isinstance(value, dict):
                detail = f"expected a JSON object, got {type(value).__name__}"
                yield line_number, None, "not_an_object", detail, line
            elif field not in value:
                detail = f"no field {field!r} (fields: {', '.join(sorted(value)[:8])})"
                yield line_number, None, "missing_text_field", detail, line
            elif not isinstance(value[field], str):
                detail = f"field {field!r} is {type(value[field]).__name__}, expected a string"
                yield line_number, None, "non_string_text", detail, line
            else:
                yield line_number, value[field], None, "", ""


def _parquet_records(path: Path, config: ReaderConfig) -> Iterator[Record]:
    field = config.jsonl_text_field
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as error:
        raise IngestError(f"{path}: not a readable Parquet file ({error})") from error
    schema = parquet.schema_arrow
    if field not in schema.names:
        raise IngestError(
            f"{path}: no column {field!r} (columns: {', '.join(schema.names)}); set the reader's "
            "jsonl_text_field to the text column"
        )
    column_type = schema.field(field).type
    if not (pa.types.is_string(column_type) or pa.types.is_large_string(column_type)):
        raise IngestError(
            f"{path}: column {field!r} has type {column_type}, expected a string column"
        )
    row = 0
    for batch in parquet.iter_batches(columns=[field], batch_size=config.batch_rows):
        for text in batch.column(0).to_pylist():
            row += 1
            if text is None:
                yield row, None, "missing_text", f"column {field!r} is null", ""
            else:
                yield row, text, None, "", ""


def _text_line_records(path: Path) -> Iterator[Record]:
    with path.open("rb") as handle:
        for line_number, raw in enumerate(handle, start=1):
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            text, problem = _decode(raw)
            if text is None:
                yield line_number, None, "invalid_utf8", problem, _hex_prefix(raw)
            else:
                yield line_number, text, None, "", ""


def _text_block_records(path: Path) -> Iterator[Record]:
    block: list[bytes] = []
    start = 0
    with path.open("rb") as handle:
        for line_number, raw in enumerate(handle, start=1):
            raw = raw.rstrip(b"\r\n")
            if raw.strip():
                if not block:
                    start = line_number
                block.append(raw)
                continue
            if block:
                yield _block_record(start, block)
                block = []
    if block:
        yield _block_record(start, block)


def _block_record(start: int, block: list[bytes]) -> Record:
    raw = b"\n".join(block)
    text, problem = _decode(raw)
    if text is None:
        return start, None, "invalid_utf8", problem, _hex_prefix(raw)
    return start, text, None, "", ""


def load_dataset_spec(path: Path) -> DatasetSpec:
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise IngestError(f"{path}: not valid YAML ({error})") from error
    if not isinstance(content, dict):
        raise IngestError(
            f"{path}: expected a mapping with at least `path:`, got {type(content).__name__}"
        )
    try:
        return DatasetSpec.model_validate(content)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise IngestError(f"{path}: invalid dataset spec ({problems})") from error


def _dataset_records(path: Path) -> Iterator[Record]:
    import datasets  # heavy; imported only for dataset shards

    spec = load_dataset_spec(path)
    local = Path(spec.path).expanduser()
    if not local.is_absolute():
        local = (path.parent / local).resolve()
    try:
        if (local / "dataset_info.json").exists() or (local / "dataset_dict.json").exists():
            loaded = datasets.load_from_disk(str(local))
            if isinstance(loaded, datasets.DatasetDict):
                if spec.split not in loaded:
                    raise IngestError(
                        f"{path}: split {spec.split!r} not in {local} (splits: {', '.join(loaded)})"
                    )
                loaded = loaded[spec.split]
        else:
            source = str(local) if local.exists() else spec.path
            loaded = datasets.load_dataset(
                source, spec.name, split=spec.split, streaming=spec.streaming
            )
    except IngestError:
        raise
    except Exception as error:  # datasets raises many types; name the spec and the cause
        raise IngestError(
            f"{path}: could not load dataset {spec.path!r} split {spec.split!r}: {error}. "
            "Check the "
            "name/path and split; without network only local paths and cached datasets load"
        ) from error
    for row, example in enumerate(loaded, start=1):
        if spec.text_field not in example:
            fields = ", ".join(sorted(example)[:8])
            raise IngestError(
                f"{path}: dataset has no column {spec.text_field!r} (columns: {fields}); "
                "set text_field"
            )
        text = example[spec.text_field]
        if text is None:
            yield row, None, "missing_text", f"column {spec.text_field!r} is null", ""
        elif not isinstance(text, str):
            detail = f"column {spec.text_field!r} is {type(text).__name__}, expected a string"
            yield row, None, "non_string_text", detail, repr(text)
        else:
            yield row, text, None, "", ""
