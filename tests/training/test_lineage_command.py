"""`neutune lineage` on a real tiny project: landing files ingested, split, exported, a LoRA
trained for 4 steps with the data chain; the chain printed, verified untouched and tampered
(weights, a split file, a landing file edited or deleted), and the training documents listed
with the file and line each came from."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest

from corpus.documents import shard_slug
from corpus.ingest import ingest_shard
from corpus.settings import CorpusSettings
from corpus.splits import MANIFEST_NAME, export_splits
from tests.training.test_recipe import _document, write_base_model
from training.base_model import model_fingerprint
from training.cli import main
from training.lineage import LINEAGE_FILE, LINEAGE_SCHEMA_VERSION, read_lineage
from training.lineage_chain import CHAIN_KEY, SOURCES_FILE, record_data_chain, record_sources
from training.recipe import train
from training.spec import Hyperparameters, TrainSpec

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARD_FILES = ("news.jsonl", "stories.jsonl")


def _write_landing_file(path: Path, seed: int) -> None:
    """40 JSONL records, with a blank line and an unreadable line so line != record number."""
    rng = random.Random(seed)
    lines = [json.dumps({"text": _document(rng, rng.choice(["he", "she"]))}) for _ in range(40)]
    lines[10:10] = ["", "{not json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("lineage")
    landing = root / "landing"
    landing.mkdir()
    raw = []
    for seed, name in enumerate(SHARD_FILES):
        _write_landing_file(landing / name, seed)
        documents, _, _ = ingest_shard(landing / name, shard_slug(name))
        raw.append(documents)
    raw_documents = pl.concat(raw)
    original = raw_documents.select("doc_id", "shard", "text")
    neutral = original.with_columns(pl.col("text").str.replace_all(r"\b(he|she)\b", "they"))
    splits = original.select(
        "doc_id",
        cluster_id="doc_id",
        split=pl.int_range(pl.len()).map_elements(
            lambda n: "validation" if n % 6 == 0 else "test" if n % 6 == 1 else "train",
            return_dtype=pl.String,
        ),
        is_representative=pl.lit(True),
    )
    manifest = export_splits(splits, neutral, original, root / "splits")
    manifest_path = Path(manifest.directory) / MANIFEST_NAME

    def find_sources(doc_ids: pl.DataFrame) -> pl.DataFrame:  # what the warehouse answers
        return raw_documents.join(doc_ids, on="doc_id", how="semi").select(
            "doc_id", "source_path", "source_line"
        )

    sources = record_sources(manifest, find_sources, root / "lineage")
    chain = record_data_chain(CorpusSettings(), "cat-1", manifest, manifest_path, sources)
    base = write_base_model(root / "base")
    spec = TrainSpec(
        base_model_dir=base,
        base_fingerprint=model_fingerprint(base),
        strategy={"name": "lora", "r": 4},
        split_manifest=manifest_path,
        arm="neutral",
        hyperparameters=Hyperparameters(
            max_steps=4, per_device_batch_size=4, block_size=32, replay_fraction=0.25
        ),
        output_dir=root / "models" / "artifact",
        work_dir=root / "work",
        device="cpu",
        run_id="lineage-test",
        lineage_extra={"catalogue_version": "cat-1", CHAIN_KEY: chain.model_dump(mode="json")},
    )
    train(spec)
    return {
        "artifact": spec.output_dir,
        "landing": landing,
        "manifest": manifest,
        "raw": raw_documents,
        "base": base,
    }


def run_lineage(capsys, *arguments: str) -> tuple[int, str]:
    status = main(["lineage", *arguments])
    return status, capsys.readouterr().out


@contextmanager
def tampered(path: Path, edit):
    """Apply `edit` to `path`, then put the original bytes back (tests share one artifact)."""
    original = path.read_bytes()
    try:
        edit(path)
        yield
    finally:
        path.write_bytes(original)


def append_byte(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"\0")


def test_lineage_records_the_chain_with_its_schema_version(project):
    lineage = read_lineage(project["artifact"])
    assert lineage.schema_version == LINEAGE_SCHEMA_VERSION
    chain = lineage.chain
    assert [s.shard for s in chain.shards] == ["news-jsonl", "stories-jsonl"]
    news = chain.shards[0]
    assert news.path == str(project["landing"] / "news.jsonl")
    assert news.sha256 == model_sha256(project["landing"] / "news.jsonl")
    assert sum(s.documents for s in chain.shards) == project["manifest"].documents
    assert chain.split_version == lineage.split_version == project["manifest"].version
    assert chain.catalogue.version == "cat-1" and chain.dedup["threshold"] == 0.8
    assert "adapter_model.safetensors" in lineage.artifact_files
    assert CHAIN_KEY not in lineage.pipeline  # recorded once, typed


def model_sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_print_shows_every_link_from_landing_files_to_the_artifact(project, capsys):
    status, out = run_lineage(capsys, str(project["artifact"] / LINEAGE_FILE))
    assert status == 0
    links = [
        "landing files",
        "shards",
        "cleaning config",
        "catalogue",
        "rewrite config",
        "dedup parameters",
        "split config",
        "split export",
        "base model",
        "strategy",
        "artifact",
    ]
    positions = [out.index(f". {link} ") for link in links]
    assert positions == sorted(positions)
    lineage = read_lineage(project["artifact"])
    for shown in (
        str(project["landing"] / "stories.jsonl"),
        lineage.split_version,
        lineage.base_fingerprint[:12],
        lineage.artifact_hash,
        "lora on the neutral arm",
    ):
        assert shown in out


def test_verify_an_untouched_artifact_is_clean(project, capsys):
    status, out = run_lineage(capsys, str(project["artifact"]), "--verify")
    assert status == 0, out
    assert out.strip().splitlines()[-1].endswith("unchanged")


def _weights(p):
    return p["artifact"] / "adapter_model.safetensors"


def _train_split(p):
    return Path(p["manifest"].export("train", "neutral").path)


@pytest.mark.parametrize(
    ("subject", "target", "edit", "problem"),
    [
        ("artifact file", _weights, append_byte, "CHANGED"),
        ("split file", _train_split, append_byte, "CHANGED"),
        ("landing file", lambda p: p["landing"] / "news.jsonl", append_byte, "CHANGED"),
        ("landing file", lambda p: p["landing"] / "stories.jsonl", Path.unlink, "MISSING"),
        ("base model", lambda p: p["base"] / "config.json", Path.unlink, "MISSING"),
    ],
)
def test_verify_reports_each_edit_since_training(project, capsys, subject, target, edit, problem):
    path = target(project)
    with tampered(path, edit):
        status, out = run_lineage(capsys, str(project["artifact"]), "--verify")
    findings = [line for line in out.splitlines() if line.startswith(("CHANGED", "MISSING"))]
    assert status == 1
    assert len(findings) == 1, out
    assert findings[0].startswith(f"{problem}: {subject} ")
    assert str(path if subject != "base model" else project["base"]) in findings[0]
    assert run_lineage(capsys, str(project["artifact"]), "--verify")[0] == 0  # restored


def test_verify_reports_a_file_added_to_the_artifact(project, capsys):
    extra = project["artifact"] / "extra.safetensors"
    extra.write_bytes(b"x")
    try:
        status, out = run_lineage(capsys, str(project["artifact"]), "--verify", "--json")
    finally:
        extra.unlink()
    report = json.loads(out)
    assert status == 1 and not report["clean"]
    assert [(f["problem"], f["path"]) for f in report["findings"]] == [("unexpected", str(extra))]


def test_documents_are_the_exact_training_documents_with_file_and_line(project, capsys):
    status, out = run_lineage(capsys, str(project["artifact"]), "--documents", "--json")
    assert status == 0
    rows = json.loads(out)
    lineage = read_lineage(project["artifact"])
    manifest = project["manifest"]
    train_ids = pl.read_parquet(manifest.export("train", "neutral").path)["doc_id"].to_list()
    neutral_rows = [r for r in rows if r["arm"] == "neutral"]
    replayed = [r for r in rows if r["arm"] == "original"]
    assert {r["split"] for r in rows} == {"train"}
    assert [r["doc_id"] for r in neutral_rows] == train_ids
    assert len(replayed) == lineage.replay_documents == round(0.25 * len(train_ids)) > 0
    assert len(neutral_rows) + len(replayed) == lineage.train_documents
    texts = dict(project["raw"].select("doc_id", "text").iter_rows())
    for row in rows:
        line = Path(row["source_path"]).read_text().splitlines()[row["source_line"] - 1]
        assert json.loads(line)["text"] == texts[row["doc_id"]]

    status, out = run_lineage(capsys, str(project["artifact"]), "--documents", "--split", "all")
    table = [line.split("\t") for line in out.strip().splitlines()]
    assert table[0] == ["doc_id", "split", "arm", "shard", "source_path", "source_line"]
    assert {row[1] for row in table[1:]} == {"train", "validation"}


def test_a_lineage_written_before_the_chain_still_reads(project, tmp_path, capsys):
    recorded = json.loads((project["artifact"] / LINEAGE_FILE).read_text())
    for added in ("schema_version", "chain", "artifact_files", "documents_file"):
        del recorded[added]
    (tmp_path / LINEAGE_FILE).write_text(json.dumps(recorded))
    assert read_lineage(tmp_path).schema_version == 1

    status, out = run_lineage(capsys, str(tmp_path))
    assert status == 0 and "no data chain" in out and "not recorded (schema 1)" in out
    status, out = run_lineage(capsys, str(tmp_path), "--verify")
    assert "NOT CHECKED: landing files" in out and "NOT CHECKED: artifact files" in out
    assert run_lineage(capsys, str(tmp_path), "--documents")[0] == 1


def test_a_path_that_is_not_an_artifact_is_one_message_and_status_2(tmp_path, capsys):
    assert main(["lineage", str(tmp_path)]) == 2
    assert "is not a model artifact" in capsys.readouterr().err


def test_the_command_loads_neither_torch_nor_dagster(project):
    script = (
        "import sys; from training.cli import main; "
        f"main(['lineage', {str(project['artifact'])!r}, '--verify']); "
        "print(sorted(m for m in ('torch', 'dagster', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_a_documents_list_piped_into_head_ends_quietly(project):
    command = [sys.executable, "-m", "training.cli", "lineage", str(project["artifact"])]
    listing = subprocess.Popen(
        [*command, "--documents"], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    listing.stdout.close()  # the reader is gone before the list is written, as after `| head`
    assert listing.wait(timeout=60) == 0
    errors = listing.stderr.read()
    assert b"Traceback" not in errors and b"Exception ignored" not in errors


def test_documents_the_warehouse_cannot_place_are_kept_without_file_and_line(project, tmp_path):
    manifest = project["manifest"]
    placed = project["raw"].filter(pl.col("shard") == "news-jsonl")

    def find_sources(doc_ids: pl.DataFrame) -> pl.DataFrame:
        return placed.join(doc_ids, on="doc_id", how="semi").select(
            "doc_id", "source_path", "source_line"
        )

    recorded = record_sources(manifest, find_sources, tmp_path)
    sources = pl.read_parquet(recorded / SOURCES_FILE)
    assert sources.height == manifest.documents  # none dropped
    unplaced = sources.filter(pl.col("source_path").is_null())
    assert set(unplaced["shard"]) == {"stories-jsonl"} and unplaced.height > 0
    chain = record_data_chain(
        CorpusSettings(), "cat-1", manifest, Path(manifest.directory) / MANIFEST_NAME, recorded
    )
    stories = next(s for s in chain.shards if s.shard == "stories-jsonl")
    assert (stories.path, stories.sha256) == (None, None)
    assert record_sources(manifest, find_sources, tmp_path) == recorded  # once per version


def test_the_neutune_console_command_points_at_the_cli():
    import importlib
    import tomllib

    scripts = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = scripts["neutune"].split(":")
    assert getattr(importlib.import_module(module), function) is main


def test_the_ui_markdown_shows_the_chain_and_caps_long_lists(project):
    from training.lineage_report import MARKDOWN_DETAILS, chain_markdown

    lineage = read_lineage(project["artifact"])
    shard = lineage.chain.shards[0]
    many = [shard.model_copy(update={"shard": f"s{n}"}) for n in range(MARKDOWN_DETAILS + 5)]
    wide = lineage.model_copy(update={"chain": lineage.chain.model_copy(update={"shards": many})})
    markdown = chain_markdown(wide)
    assert markdown.index("1. **landing files**") < markdown.index("11. **artifact**")
    assert markdown.count(f"`{shard.path}  sha256") == MARKDOWN_DETAILS
    assert "... 5 more" in markdown and lineage.split_version in markdown


def test_documents_of_a_remote_trainer_get_file_and_line_from_the_recorded_sources(
    project, tmp_path, capsys
):
    """A pod that fetched only the split export and base model wrote no file and line."""
    import shutil

    copy = tmp_path / "artifact"
    shutil.copytree(project["artifact"], copy)
    listed = pl.read_parquet(copy / "documents.parquet")
    listed.with_columns(
        source_path=pl.lit(None, pl.String), source_line=pl.lit(None, pl.Int64)
    ).write_parquet(copy / "documents.parquet")

    status, out = run_lineage(capsys, str(copy), "--documents", "--split", "all", "--json")
    rows = json.loads(out)
    assert status == 0 and [r["doc_id"] for r in rows] == listed["doc_id"].to_list()
    assert [(r["source_path"], r["source_line"]) for r in rows] == list(
        listed.select("source_path", "source_line").iter_rows()
    )
