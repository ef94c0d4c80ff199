"""The landing folder: reads stay inside it (or a preset's allowed roots); key collisions block
only the colliding files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus.ingest import ReaderConfig, discover_shards, ingest_shard, scan_landing
from corpus.settings import load_settings

needs_symlinks = pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")


def _landing(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "good.jsonl").write_text('{"text": "a document inside the landing folder"}\n')
    return landing


@needs_symlinks
def test_a_symlink_out_of_the_landing_folder_is_one_quarantine_row(tmp_path):
    landing = _landing(tmp_path)
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("a private file that must not be ingested\n")
    (landing / "secret.txt").symlink_to(secret)

    documents, quarantine, stats = ingest_shard(landing / "secret.txt", "secret-txt")

    assert documents.is_empty()
    assert quarantine.select("source_line", "reason").rows() == [(0, "outside_landing")]
    detail = quarantine["detail"][0]
    assert str(landing / "secret.txt") in detail and str(secret) in detail
    assert "reader.allowed_roots" in detail
    assert stats.records_seen == 1 and stats.reasons == {"outside_landing": 1}
    assert "private" not in quarantine["raw_prefix"][0]


@needs_symlinks
def test_symlinks_inside_the_landing_folder_or_an_allowed_root_are_read(tmp_path):
    landing = _landing(tmp_path)
    (landing / "alias.jsonl").symlink_to(landing / "good.jsonl")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "team.txt").write_text("a document in a folder the preset allows\n")
    (landing / "team.txt").symlink_to(shared / "team.txt")

    inside, _, _ = ingest_shard(landing / "alias.jsonl", "alias-jsonl")
    assert inside["text"].to_list() == ["a document inside the landing folder"]
    allowed, quarantine, _ = ingest_shard(
        landing / "team.txt", "team-txt", ReaderConfig(allowed_roots=(shared,))
    )
    assert allowed["text"].to_list() == ["a document in a folder the preset allows"]
    assert quarantine.is_empty()


@needs_symlinks
def test_a_landing_folder_that_is_itself_a_symlink_reads_normally(tmp_path):
    real = _landing(tmp_path)
    link = tmp_path / "landing-link"
    link.symlink_to(real, target_is_directory=True)
    documents, quarantine, _ = ingest_shard(link / "good.jsonl", "good-jsonl")
    assert documents.height == 1 and quarantine.is_empty()


@pytest.mark.parametrize(
    "spec_path",
    ["../outside", "../../etc", "{outside}", "./sub/../../outside"],
)
def test_a_dataset_spec_pointing_out_of_the_landing_folder_is_refused(tmp_path, spec_path):
    landing = _landing(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "train.jsonl").write_text('{"text": "outside the landing folder"}\n')
    spec = landing / "escape.dataset.yaml"
    spec.write_text(f"path: {spec_path.format(outside=outside)}\nsplit: train\n")

    documents, quarantine, _ = ingest_shard(spec, "escape-dataset-yaml")

    assert documents.is_empty()
    assert quarantine["reason"].to_list() == ["outside_landing"]
    assert "escape.dataset.yaml" in quarantine["detail"][0]


def test_a_dataset_spec_may_read_an_allowed_root_named_in_the_preset(tmp_path):
    pytest.importorskip("datasets")
    landing = _landing(tmp_path)
    outside = tmp_path / "corpora" / "forum"
    outside.mkdir(parents=True)
    (outside / "train.jsonl").write_text('{"text": "read from an allowed root"}\n')
    (landing / "forum.dataset.yaml").write_text(f"path: {outside}\nsplit: train\n")
    preset = tmp_path / "config" / "mine.yaml"
    preset.parent.mkdir()
    preset.write_text("reader:\n  allowed_roots: [../corpora]\n")

    config = load_settings(preset).reader
    assert config.allowed_roots == ((tmp_path / "corpora").resolve(),)
    documents, quarantine, _ = ingest_shard(landing / "forum.dataset.yaml", "forum", config)
    assert documents["text"].to_list() == ["read from an allowed root"]
    assert quarantine.is_empty()


def test_a_hub_dataset_name_is_not_a_path_and_is_not_refused(tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    requested = []

    def load_dataset(name, config_name, split, streaming):  # stands in for the Hub, offline
        requested.append(name)
        return [{"text": f"a row of {name}"}]

    monkeypatch.setattr(datasets, "load_dataset", load_dataset)
    landing = _landing(tmp_path)
    spec = landing / "hub.dataset.yaml"
    spec.write_text("path: someone/some-corpus\nsplit: train\n")
    documents, quarantine, _ = ingest_shard(spec, "hub")
    assert requested == ["someone/some-corpus"]
    assert documents["text"].to_list() == ["a row of someone/some-corpus"]
    assert quarantine.is_empty()


def test_two_files_with_one_shard_key_block_only_that_key(tmp_path):
    landing = _landing(tmp_path)
    (landing / "News 2024.jsonl").write_text('{"text": "one"}\n')
    (landing / "news-2024.jsonl").write_text('{"text": "two"}\n')
    (landing / "essays.txt").write_text("an essay\n")

    scan = scan_landing(landing)

    assert scan.shards == {
        "essays-txt": landing / "essays.txt",
        "good-jsonl": landing / "good.jsonl",
    }
    assert list(scan.collisions) == ["news-2024-jsonl"]
    assert [p.name for p in scan.collisions["news-2024-jsonl"]] == [
        "News 2024.jsonl",
        "news-2024.jsonl",
    ]
    assert scan.keys == ["essays-txt", "good-jsonl", "news-2024-jsonl"]
    assert discover_shards(landing) == scan.shards
