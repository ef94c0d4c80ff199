"""Readers: every format, every quarantine reason, the errors a user can cause."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from corpus.documents import make_doc_id, shard_slug
from corpus.ingest import (
    IngestError,
    ReaderConfig,
    discover_shards,
    ingest_shard,
    read_shard,
    unsupported_files,
)


def _jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_reads_documents_with_positions_and_stable_ids(tmp_path):
    path = _jsonl(
        tmp_path / "a.jsonl", [b'{"text": "first doc"}', b"", b'{"text": "second", "x": 1}']
    )
    documents, quarantine, stats = ingest_shard(path, "a-jsonl")
    assert documents["text"].to_list() == ["first doc", "second"]
    assert documents["source_line"].to_list() == [1, 3]
    assert documents["shard"].unique().to_list() == ["a-jsonl"]
    assert documents["source_path"][0] == str(path)
    assert documents["doc_id"][0] == make_doc_id("a-jsonl", 1, "first doc")
    again, _, _ = ingest_shard(path, "a-jsonl")
    assert again["doc_id"].to_list() == documents["doc_id"].to_list()
    assert quarantine.is_empty()
    assert stats.records_seen == 2


def test_exact_duplicate_texts_keep_distinct_doc_ids(tmp_path):
    path = _jsonl(tmp_path / "d.jsonl", [b'{"text": "same"}', b'{"text": "same"}'])
    documents, _, _ = ingest_shard(path, "d")
    assert documents["doc_id"].n_unique() == 2


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"text": "unterminated', "invalid_json"),
        (b'{"text": "ok"} trailing', "invalid_json"),
        (b'{"text": "caf\xff\xfe"}', "invalid_utf8"),
        (b'{"body": "no text field"}', "missing_text_field"),
        (b'{"text": 42}', "non_string_text"),
        (b'{"text": null}', "non_string_text"),
        (b'{"text": ["a", "b"]}', "non_string_text"),
        (b'{"text": ""}', "empty_text"),
        (b'{"text": "   \\t "}', "empty_text"),
        (b"[1, 2, 3]", "not_an_object"),
    ],
)
def test_every_bad_jsonl_record_is_quarantined_with_its_reason(tmp_path, line, reason):
    path = _jsonl(tmp_path / "bad.jsonl", [b'{"text": "good one"}', line])
    documents, quarantine, stats = ingest_shard(path, "bad")
    assert documents["text"].to_list() == ["good one"]
    assert quarantine.select("source_line", "reason").rows() == [(2, reason)]
    assert quarantine["detail"][0]
    assert stats.records_seen == 2 and stats.reasons == {reason: 1}


def test_invalid_utf8_keeps_the_raw_bytes_as_hex(tmp_path):
    path = _jsonl(tmp_path / "u.jsonl", [b'{"text": "caf\xff"}'])
    _, quarantine, _ = ingest_shard(path, "u")
    assert quarantine["raw_prefix"][0].startswith("hex:")
    assert "ff" in quarantine["raw_prefix"][0]
    assert "0xff" in quarantine["detail"][0]


def test_jsonl_text_field_is_configurable(tmp_path):
    path = _jsonl(tmp_path / "b.jsonl", [b'{"body": "in body"}', b'{"text": "wrong field"}'])
    documents, quarantine, _ = ingest_shard(path, "b", ReaderConfig(jsonl_text_field="body"))
    assert documents["text"].to_list() == ["in body"]
    assert quarantine["reason"].to_list() == ["missing_text_field"]


def test_plain_text_blocks_and_lines(tmp_path):
    path = tmp_path / "essays.txt"
    path.write_bytes(b"para one\nstill one\n\n\n\npara two\n\nbad \xff block\n")
    documents, quarantine, _ = ingest_shard(path, "essays")
    assert documents.select("source_line", "text").rows() == [
        (1, "para one\nstill one"),
        (6, "para two"),
    ]
    assert quarantine.select("source_line", "reason").rows() == [(8, "invalid_utf8")]

    lines, _, _ = ingest_shard(path, "essays", ReaderConfig(text_mode="lines"))
    assert lines["text"].to_list() == ["para one", "still one", "para two"]

    named = tmp_path / "heads.lines.txt"
    named.write_text("one headline\n\ntwo headline\n", encoding="utf-8")
    by_suffix, _, _ = ingest_shard(named, "heads")
    assert by_suffix.select("source_line", "text").rows() == [
        (1, "one headline"),
        (3, "two headline"),
    ]


def test_parquet_rows_and_null_text(tmp_path):
    path = tmp_path / "s.parquet"
    pl.DataFrame({"text": ["a story", None, "", "another"], "title": ["t"] * 4}).write_parquet(path)
    documents, quarantine, stats = ingest_shard(path, "s")
    assert documents.select("source_line", "text").rows() == [(1, "a story"), (4, "another")]
    assert quarantine.select("source_line", "reason").rows() == [
        (2, "missing_text"),
        (3, "empty_text"),
    ]
    assert stats.records_seen == 4


def test_parquet_with_wrong_text_column_is_a_clear_error(tmp_path):
    path = tmp_path / "n.parquet"
    pl.DataFrame({"text": [1, 2]}).write_parquet(path)
    with pytest.raises(IngestError, match="expected a string column"):
        ingest_shard(path, "n")
    pl.DataFrame({"body": ["x"]}).write_parquet(path)
    with pytest.raises(IngestError, match="no column 'text'.*jsonl_text_field"):
        ingest_shard(path, "n")
    path.write_bytes(b"not parquet at all")
    with pytest.raises(IngestError, match="not a readable Parquet file"):
        ingest_shard(path, "n")


def test_batches_bound_memory_and_preserve_every_record(tmp_path):
    lines = [json.dumps({"text": f"doc number {i}"}).encode() for i in range(250)]
    lines[100] = b"{broken"
    path = _jsonl(tmp_path / "big.jsonl", lines)
    batches = list(read_shard(path, "big", ReaderConfig(batch_rows=40)))
    assert len(batches) >= 7
    assert max(b.documents.height + b.quarantine.height for b in batches) <= 40
    assert sum(b.documents.height for b in batches) == 249
    assert sum(b.quarantine.height for b in batches) == 1


def test_saved_hugging_face_dataset_shard(tmp_path):
    datasets = pytest.importorskip("datasets")
    datasets.Dataset.from_dict({"text": ["from a dataset", None, "second"]}).save_to_disk(
        tmp_path / "saved"
    )
    spec = tmp_path / "landing" / "tiny.dataset.yaml"
    spec.parent.mkdir()
    spec.write_text(f"path: {tmp_path / 'saved'}\nsplit: train\n", encoding="utf-8")
    outside_landing = ReaderConfig(allowed_roots=(tmp_path / "saved",))
    documents, quarantine, _ = ingest_shard(spec, "tiny", outside_landing)
    assert documents["text"].to_list() == ["from a dataset", "second"]
    assert quarantine["reason"].to_list() == ["missing_text"]


def test_dataset_by_name_or_data_directory_loads_through_load_dataset(tmp_path):
    data = tmp_path / "corpus_dir"
    data.mkdir()
    (data / "train.jsonl").write_text('{"content": "loaded by name"}\n', encoding="utf-8")
    spec = tmp_path / "dir.dataset.yaml"
    spec.write_text("path: corpus_dir\nsplit: train\ntext_field: content\n", encoding="utf-8")
    documents, _, _ = ingest_shard(spec, "dir")
    assert documents["text"].to_list() == ["loaded by name"]


def test_dataset_spec_errors_name_the_file_and_fix(tmp_path):
    spec = tmp_path / "x.dataset.yaml"
    spec.write_text("split: train\n", encoding="utf-8")
    with pytest.raises(
        IngestError, match=r"x\.dataset\.yaml: invalid dataset spec \(path: Field required"
    ):
        ingest_shard(spec, "x")
    spec.write_text(f"path: {tmp_path / 'does-not-exist'}\n", encoding="utf-8")
    with pytest.raises(IngestError, match="could not load dataset"):
        ingest_shard(spec, "x")


def test_unsupported_missing_and_landing_errors(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"x")
    with pytest.raises(IngestError, match="unsupported file type"):
        ingest_shard(tmp_path / "notes.docx", "notes")
    with pytest.raises(IngestError, match="file not found"):
        ingest_shard(tmp_path / "gone.jsonl", "gone")
    with pytest.raises(IngestError, match="does not exist.*NEUTUNE_LANDING_DIR"):
        discover_shards(tmp_path / "no-landing")


def test_discover_shards_skips_unsupported_and_hidden_files(tmp_path):
    for name in [
        "News 2024.jsonl",
        "b.parquet",
        "c.txt",
        "d.lines.txt",
        "readme.md",
        ".hidden.jsonl",
    ]:
        (tmp_path / name).write_bytes(b"")
    assert list(discover_shards(tmp_path)) == [
        "b-parquet",
        "c-txt",
        "d-lines-txt",
        "news-2024-jsonl",
    ]
    assert shard_slug("News 2024.jsonl") == "news-2024-jsonl"
    assert [p.name for p in unsupported_files(tmp_path)] == ["readme.md"]
