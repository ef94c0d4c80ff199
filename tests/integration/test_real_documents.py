"""The data graph on real documents that share boilerplate: the machine's own licence files,
package copyright files, READMEs and man pages (nobody here wrote them).

Held-out documents share licence text and stock openings with train; the default preset must
still materialize every data asset with no failed check, because boilerplate is ignored and what
remains is decontaminated, and the decontamination table must explain every document it moved.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import polars as pl
import pytest
import yaml
from dagster import AssetCheckSeverity, AssetKey

from corpus.splits import DROPPED, NEUTRAL_ARM, SPLITS, SplitManifest
from definitions import build_definitions
from jobs.runner import materialize_corpus
from tests.conftest import DEMO_PRESET

MAX_BYTES = 24_000  # larger files are skipped: keeps the corpus to a few MB
SOURCES = {  # shard file -> (glob under /usr/share, at most this many files)
    "licences.jsonl": ("common-licenses/*", 40),
    "copyright.jsonl": ("doc/*/copyright", 160),
    "readmes.jsonl": ("doc/*/README*", 60),
    "manpages.jsonl": ("man/man1/*.1.gz", 90),
}
MIN_DOCUMENTS = 150
ROFF_REQUEST = re.compile(r"^[.'].*$", re.MULTILINE)
ROFF_ESCAPE = re.compile(r"\\f[A-Z0-9]|\\f\(..|\\\(..|\\&|\\s[-+]?\d")


def _text(path: Path) -> str | None:
    """A file's text (gunzipped; man pages without roff requests), or None if unusable."""
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, gzip.BadGzipFile, EOFError):
        return None
    if len(raw) > MAX_BYTES:
        return None
    if "/man/" in str(path):
        text = ROFF_ESCAPE.sub("", ROFF_REQUEST.sub("", text)).replace("\\-", "-")
    return text if len(text.split()) >= 20 else None


def _write_real_corpus(landing: Path, root: Path = Path("/usr/share")) -> int:
    """One JSONL shard per kind of file, one document per file; returns the documents written."""
    written = 0
    for shard, (pattern, limit) in SOURCES.items():
        texts = []
        for path in sorted(root.glob(pattern)):
            text = _text(path) if path.is_file() else None
            if text is not None:
                texts.append(text)
            if len(texts) == limit:
                break
        lines = (json.dumps({"text": text}) for text in texts)
        (landing / shard).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        written += len(texts)
    return written


@pytest.fixture(scope="module")
def real_landing(tmp_path_factory):
    landing = tmp_path_factory.mktemp("real_landing")
    documents = _write_real_corpus(landing)
    if documents < MIN_DOCUMENTS:
        pytest.skip(
            f"this machine has only {documents} usable text files under /usr/share "
            f"(common-licenses, doc/*/copyright, doc/*/README*, man/man1; {MIN_DOCUMENTS} needed) "
            "to build the real-documents corpus"
        )
    return landing


def _preset(tmp_path: Path, **leakage) -> Path:
    """The default preset with `leakage` overrides, catalogue paths made absolute."""
    content = yaml.safe_load(DEMO_PRESET.read_text())
    for field in ("path", "exclusions_path"):
        if field in content["catalogue"]:  # a profile names no files
            content["catalogue"][field] = str(DEMO_PRESET.parent / content["catalogue"][field])
    content["leakage"].update(leakage)
    path = tmp_path / "preset.yaml"
    path.write_text(yaml.safe_dump(content))
    return path


def _failed_checks(outcomes) -> list:
    return [
        (outcome.label, evaluation.check_name, evaluation.metadata)
        for outcome in outcomes
        for evaluation in outcome.result.get_asset_check_evaluations()
        if evaluation.severity == AssetCheckSeverity.ERROR and not evaluation.passed
    ]


def test_real_documents_materialize_and_decontamination_explains_every_move(
    tmp_path, instance, real_landing
):
    defs = build_definitions(tmp_path / "data", real_landing, DEMO_PRESET)
    outcomes = materialize_corpus(defs, instance, console_log_level="ERROR")
    assert [o.label for o in outcomes if not o.result.success] == []
    assert _failed_checks(outcomes) == []

    warehouse = defs.resources["warehouse"]
    splits = warehouse.query("select * from {schema}.dataset_splits where is_representative")
    table = warehouse.query("select * from {schema}.split_decontamination")
    manifest: SplitManifest = defs.load_asset_value("split_exports", instance=instance)
    exported = {
        split: set(pl.read_parquet(manifest.export(split, NEUTRAL_ARM).path)["doc_id"])
        for split in SPLITS
    }
    assigned = {split: set(splits.filter(pl.col("split") == split)["doc_id"]) for split in SPLITS}
    held_out = assigned["validation"] | assigned["test"]
    moved = held_out - exported["validation"] - exported["test"]
    assert moved, "real documents with shared licence text should need decontamination"
    assert set(table["doc_id"]) == moved  # every moved document is explained, nothing else
    assert table["action"].unique().to_list() == [DROPPED]
    assert table.filter(pl.col("reason").str.len_chars() < 40).is_empty()
    assert (table["matched_ngrams"] > 0).all() and (table["overlap"] > 0).all()
    assert exported["train"] == assigned["train"]  # dropping never touches train
    assert exported["validation"] and exported["test"]  # boilerplate alone empties nothing
    for split in ("validation", "test"):
        assert exported[split] == assigned[split] - moved

    # the metadata says the same
    event = instance.get_latest_materialization_event(AssetKey("split_decontamination"))
    metadata = event.asset_materialization.metadata
    assert metadata["dagster/row_count"].value == len(moved)
    assert sum(v.value for k, v in metadata.items() if k.endswith(DROPPED)) == len(moved)

    # told not to decontaminate, the blocking check fails on the same real leakage
    undecontaminated = build_definitions(
        tmp_path / "data", real_landing, _preset(tmp_path, decontaminate=False)
    )
    result = undecontaminated.resolve_job_def("data_job").execute_in_process(
        instance=instance,
        asset_selection=[AssetKey("split_decontamination"), AssetKey("split_exports")],
        raise_on_error=False,
    )
    (failed,) = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert failed.check_name == "eval_ngram_overlap_with_train"
    assert failed.metadata["offenders"].value >= len(moved) > 0
