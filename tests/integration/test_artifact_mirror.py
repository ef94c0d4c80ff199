"""Artifacts mirrored to an fsspec URL: published as they are made, fetched back on a fresh disk,
and a trainer on another machine (a pod) trains from the mirror alone."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from dagster import AssetKey, MultiPartitionKey

from corpus.artifact_mirror import COMPLETE_MARKER
from jobs.training import Step, materialize_steps
from tests.conftest import PROJECT_ROOT
from training.spec import TrainResult, TrainSpec, result_file

LORA_NEUTRAL = MultiPartitionKey({"strategy": "lora", "arm": "neutral"})


def _mirror_path(project, local: str | Path) -> Path:
    relative = Path(local).resolve().relative_to((project.data_root / "artifacts").resolve())
    return project.mirror / relative


def _latest_model_metadata(instance, partition: str) -> dict:
    records = instance.fetch_materializations(AssetKey("finetuned_model"), limit=50).records
    latest = next(r for r in records if r.partition_key == partition)
    return latest.asset_materialization.metadata


def test_every_artifact_is_published_complete_to_the_mirror(trained_project):
    defs = trained_project.defs
    published = [
        defs.load_asset_value("split_exports").directory,
        defs.load_asset_value("base_model").directory,
        defs.load_asset_value("finetuned_model", partition_key=LORA_NEUTRAL).artifact_dir,
        defs.load_asset_value("strategy_report").html.parent,
    ]
    for local in published:
        marker = _mirror_path(trained_project, local) / COMPLETE_MARKER
        files = json.loads(marker.read_text())["files"]
        assert files and all((marker.parent / name).is_file() for name in files)
    metadata = _latest_model_metadata(trained_project.instance, LORA_NEUTRAL)
    assert metadata["published"].value.startswith("file://")


def test_a_model_lost_from_the_local_disk_comes_back_from_the_mirror_without_training(
    trained_project,
):
    defs, instance = trained_project.defs, trained_project.instance
    model = defs.load_asset_value("finetuned_model", partition_key=LORA_NEUTRAL)
    artifact = Path(model.artifact_dir)
    shutil.rmtree(artifact)
    result_file(artifact).unlink()
    step = Step("lora x neutral", "training_job", LORA_NEUTRAL, ("finetuned_model",))
    [outcome] = materialize_steps(defs, instance, [step])
    assert outcome.result.success
    assert _latest_model_metadata(instance, LORA_NEUTRAL)["reused"].value is True
    restored = defs.load_asset_value("finetuned_model", partition_key=LORA_NEUTRAL)
    assert restored.content_hash == model.content_hash
    assert (artifact / "lineage.json").is_file()


def test_a_trainer_on_a_fresh_machine_trains_from_the_mirror_and_publishes_there(
    trained_project, tmp_path
):
    """What a Kubernetes pod does: no local inputs, only the URLs in the spec's `remote`."""
    defs = trained_project.defs
    model = defs.load_asset_value("finetuned_model", partition_key=LORA_NEUTRAL)
    artifact = Path(model.artifact_dir)
    checkpoints = trained_project.data_root / "artifacts" / "checkpoints"
    spec_file = checkpoints / f"lora-neutral-{artifact.name}" / "spec.json"
    spec = TrainSpec.model_validate_json(spec_file.read_text())
    assert spec.remote is not None
    pod = tmp_path / "pod"
    remote = spec.remote.model_copy(
        update={
            "artifact_url": (tmp_path / "published" / "model").as_uri(),
            "result_url": (tmp_path / "published" / "model.result.json").as_uri(),
        }
    )
    moved = spec.model_copy(
        update={
            "base_model_dir": pod / "base",
            "split_manifest": pod / "splits" / "manifest.json",
            "output_dir": pod / "model",
            "work_dir": pod / "work",
            "remote": remote,
        }
    )
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(moved.model_dump_json())
    completed = subprocess.run(
        [sys.executable, "-m", "training.run", str(spec_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert (tmp_path / "published" / "model" / COMPLETE_MARKER).is_file()
    result = TrainResult.model_validate_json(
        (tmp_path / "published" / "model.result.json").read_text()
    )
    assert result.strategy == "lora" and result.arm == "neutral"
    weights = sorted(p.relative_to(artifact) for p in artifact.rglob("*.safetensors"))
    assert weights
    for name in weights:  # same inputs and seed: the same weights as the pipeline's run
        pod_copy = tmp_path / "published" / "model" / name
        assert pod_copy.read_bytes() == (artifact / name).read_bytes()
