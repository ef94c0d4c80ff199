"""One record generator per file format: JSON Lines, Parquet, plain text, `datasets` specs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import yaml
from pydantic import ValidationError

from corpus.ingest.config import DatasetSpec, IngestError, ReaderConfig
from corpus.ingest.encoding import EncodingBroken, TextEncoding, utf8_lines
from corpus.ingest.landing import names_a_local_path, outside_roots
from corpus.ingest.quarantine import Record, decode, hex_prefix

UTF8 = TextEncoding("utf-8", 0)


def jsonl_records(
    path: Path, config: ReaderConfig, encoding: TextEncoding = UTF8
) -> Iterator[Record]:
    field = config.jsonl_text_field
    try:
        for line_number, raw in utf8_lines(path, encoding):
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue  # blank lines separate nothing and hold no record
            try:  # orjson checks the UTF-8 itself: decoding first costs a copy of every line
                value: Any = orjson.loads(raw)
            except orjson.JSONDecodeError:
                line, problem = decode(raw)
                if line is None:
                    yield line_number, None, "invalid_utf8", problem, hex_prefix(raw)
                else:
                    yield line_number, None, "invalid_json", _json_error(line), line
                continue
            if isinstance(value, dict) and isinstance(value.get(field), str):
                yield line_number, value[field], None, "", ""
            else:
                reason, detail = _not_a_document(value, field)
                yield line_number, None, reason, detail, raw.decode("utf-8")
    except EncodingBroken as broken:
        yield broken.line, None, "invalid_encoding", broken.detail, ""


def _not_a_document(value: Any, field: str) -> tuple[str, str]:
    """Why a parsed JSON line holds no document text: the quarantine reason and detail."""
    if not isinstance(value, dict):
        return "not_an_object", f"expected a JSON object, got {type(value).__name__}"
    if field not in value:
        return "missing_text_field", f"no field {field!r} (fields: {', '.join(sorted(value)[:8])})"
    return "non_string_text", f"field {field!r} is {type(value[field]).__name__}, expected a string"


def _json_error(line: str) -> str:
    """orjson's message for a line that is not JSON (parsed as text, so offsets count chars)."""
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return str(error)
    return "not valid JSON"


def parquet_records(path: Path, config: ReaderConfig) -> Iterator[Record]:
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


def text_line_records(path: Path, encoding: TextEncoding = UTF8) -> Iterator[Record]:
    try:
        for line_number, raw in utf8_lines(path, encoding):
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            text, problem = decode(raw)
            if text is None:
                yield line_number, None, "invalid_utf8", problem, hex_prefix(raw)
            else:
                yield line_number, text, None, "", ""
    except EncodingBroken as broken:
        yield broken.line, None, "invalid_encoding", broken.detail, ""


def text_block_records(path: Path, encoding: TextEncoding = UTF8) -> Iterator[Record]:
    block: list[bytes] = []
    start = 0
    try:
        for line_number, raw in utf8_lines(path, encoding):
            raw = raw.rstrip(b"\r\n")
            if raw.strip():
                if not block:
                    start = line_number
                block.append(raw)
                continue
            if block:
                yield _block_record(start, block)
                block = []
    except EncodingBroken as broken:
        if block:
            yield _block_record(start, block)
            block = []
        yield broken.line, None, "invalid_encoding", broken.detail, ""
    if block:
        yield _block_record(start, block)


def _block_record(start: int, block: list[bytes]) -> Record:
    raw = b"\n".join(block)
    text, problem = decode(raw)
    if text is None:
        return start, None, "invalid_utf8", problem, hex_prefix(raw)
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


def dataset_records(path: Path, roots: tuple[Path, ...] = ()) -> Iterator[Record]:
    """The rows of a `*.dataset.yaml` shard; a local `path:` must lie under one of `roots`
    (the landing folder and the preset's allowed roots; no check when empty)."""
    spec = load_dataset_spec(path)
    local = Path(spec.path).expanduser()
    if not local.is_absolute():
        local = (path.parent / local).resolve()
    if roots and names_a_local_path(spec.path, local):
        refusal = outside_roots(local, roots, f"{path}: its path {spec.path!r}")
        if refusal is not None:
            yield 0, None, "outside_landing", refusal, spec.path
            return
    import datasets  # heavy; imported only for dataset shards

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
