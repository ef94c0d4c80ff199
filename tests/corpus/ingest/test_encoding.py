"""Text encodings: UTF-16/UTF-32 with a byte-order mark are read; binary files are one row."""

from __future__ import annotations

import codecs

import pytest

from corpus.ingest import ingest_shard

JSONL = '{"text": "The café’s chairman said he was proud."}\r\n\r\n{"text": "Größe"}\n'
TEXT = "Première ligne.\nstill the first block\n\nsecond block ✓\n"


@pytest.mark.parametrize(
    ("codec", "mark"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
        ("utf-8", codecs.BOM_UTF8),
    ],
)
def test_jsonl_with_a_byte_order_mark_is_decoded(tmp_path, codec, mark):
    path = tmp_path / "windows.jsonl"
    path.write_bytes(mark + JSONL.encode(codec))

    documents, quarantine, _ = ingest_shard(path, "windows")

    assert quarantine.is_empty(), quarantine.rows()
    assert documents.select("source_line", "text").rows() == [
        (1, "The café’s chairman said he was proud."),
        (3, "Größe"),
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_plain_text_with_a_byte_order_mark_is_decoded(tmp_path, codec):
    path = tmp_path / "notes.txt"
    path.write_bytes(TEXT.encode(codec))
    documents, quarantine, _ = ingest_shard(path, "notes")
    assert quarantine.is_empty()
    assert documents.select("source_line", "text").rows() == [
        (1, "Première ligne.\nstill the first block"),
        (4, "second block ✓"),
    ]
    lines_path = tmp_path / "notes.lines.txt"
    lines_path.write_bytes(TEXT.encode(codec))
    lines, _, _ = ingest_shard(lines_path, "notes-lines")
    assert lines["text"].to_list() == [
        "Première ligne.",
        "still the first block",
        "second block ✓",
    ]


def test_utf16_that_breaks_part_way_keeps_the_lines_before_and_names_the_rest(tmp_path):
    path = tmp_path / "cut.jsonl"
    good = "".join(f'{{"text": "line {i}"}}\n' for i in range(3)).encode("utf-16")
    path.write_bytes(good + b"\x00\xd8\x41\x00")  # a lone high surrogate, then 'A'
    documents, quarantine, _ = ingest_shard(path, "cut")
    assert documents["text"].to_list() == ["line 0", "line 1", "line 2"]
    assert quarantine.select("source_line", "reason").rows() == [(4, "invalid_encoding")]
    assert "UTF-16" in quarantine["detail"][0] and "UTF-8" in quarantine["detail"][0]


@pytest.mark.parametrize("name", ["model.jsonl", "archive.txt", "dump.lines.txt"])
def test_a_binary_file_with_a_text_name_is_one_quarantine_row(tmp_path, name):
    path = tmp_path / name
    blob = bytes(range(256)) * 64 + b"\n" * 500  # NUL bytes in the first block, many "lines"
    path.write_bytes(blob)

    documents, quarantine, stats = ingest_shard(path, "binary")

    assert documents.is_empty()
    assert quarantine.select("source_line", "reason").rows() == [(0, "binary_file")]
    assert "NUL byte at offset 0" in quarantine["detail"][0]
    assert quarantine["raw_prefix"][0].startswith("hex:000102")
    assert stats.records_seen == 1


def test_utf16_without_a_byte_order_mark_is_named_as_a_possibility(tmp_path):
    path = tmp_path / "nobom.jsonl"
    path.write_bytes('{"text": "x"}\n'.encode("utf-16-le"))
    _, quarantine, _ = ingest_shard(path, "nobom")
    assert quarantine["reason"].to_list() == ["binary_file"]
    assert "UTF-16/UTF-32 text without a byte-order mark" in quarantine["detail"][0]
