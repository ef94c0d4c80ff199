"""lineage.json and the model card: where an artifact came from, written beside its weights.

pydantic and the standard library only, so evaluation and the Dagster side read lineage cheaply.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from training.lineage_chain import DataChain

LINEAGE_FILE = "lineage.json"
CARD_FILE = "README.md"
PACKAGE = "neutune"
# 1: before the chain (no schema_version field in the file); 2: chain, artifact_files, documents.
# Bump when a field changes meaning; add fields with defaults so older files stay readable.
LINEAGE_SCHEMA_VERSION = 2
UNHASHED_FILES = (LINEAGE_FILE, CARD_FILE)  # derived from the rest: not part of the artifact hash


class DataFile(BaseModel):
    """One split file the run read, with the hash that was verified before training."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    split: str = Field(description="train or validation.")
    arm: str = Field(description="neutral or original (original train: replay).")
    path: str = Field(description="Path recorded in the split manifest.")
    sha256: str = Field(description="SHA-256 of the file's bytes, verified before training.")
    rows: int = Field(description="Documents in the file.")


class Lineage(BaseModel):
    """Everything needed to say what an artifact was trained on, from what, and how."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = Field(
        1, description="Layout of this file (LINEAGE_SCHEMA_VERSION when written; 1: no field)."
    )
    run_id: str = Field(description="Orchestrator run id (or a local one).")
    created_at: str = Field(description="UTC time the artifact was written, ISO 8601.")
    code_version: str = Field(description="git describe of the repository, or package version.")
    base_model_dir: str = Field(description="The base model the artifact applies to.")
    base_fingerprint: str = Field(description="model_fingerprint of the base model directory.")
    strategy: str = Field(description="Strategy name.")
    strategy_config: dict[str, Any] = Field(description="The strategy config, all fields.")
    hyperparameters: dict[str, Any] = Field(description="Hyperparameters as given.")
    learning_rate: float = Field(description="The learning rate used (after strategy default).")
    block_size: int = Field(description="Tokens per packed block (after resolving None).")
    seed: int = Field(description="The run's seed.")
    precision: str = Field(description="fp32, bf16 or fp16.")
    device: str = Field(description="Device name it trained on.")
    world_size: int = Field(description="Processes that trained (DDP).")
    arm: str = Field(description="neutral or original.")
    split_manifest: str = Field(description="manifest.json the data came from.")
    split_version: str = Field(description="Data version of the split export.")
    data_files: list[DataFile] = Field(description="Every split file read, with its hash.")
    train_documents: int = Field(description="Documents in the train text, replay included.")
    replay_documents: int = Field(description="Original-arm documents replayed (neutral arm).")
    documents_seen: int = Field(description="Train documents x passes over the data.")
    tokens_seen: int = Field(description="Tokens trained on, all devices and resumes.")
    steps: int = Field(description="Optimizer steps taken.")
    resumed_from: int | None = Field(description="Checkpoint step a resume started from.")
    metrics: dict[str, float | int | None] = Field(description="Final losses, throughput, cost.")
    pipeline: dict[str, Any] = Field(
        description="spec.lineage_extra but the chain: catalogue version, base model id, ..."
    )
    chain: DataChain | None = Field(
        None,
        description="Landing files -> shards -> configs -> split version; None when the run was "
        "not launched by the pipeline (or written with schema 1).",
    )
    artifact_files: dict[str, str] = Field(
        default_factory=dict,
        description="SHA-256 of every artifact file but lineage.json and README.md (weights, "
        "configs, tokenizer, documents list), by relative path; empty in schema 1.",
    )
    documents_file: str | None = Field(
        None, description="The artifact's list of the documents it read (doc_id, file, line)."
    )

    @property
    def artifact_hash(self) -> str:
        """16 hex over artifact_files: one figure for the weights and what ships with them."""
        return files_digest(self.artifact_files)[:16] if self.artifact_files else ""


def files_digest(files: dict[str, str]) -> str:
    """SHA-256 over (relative path, file sha256) pairs in path order."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{files[name]}\0".encode())
    return digest.hexdigest()


def artifact_file_hashes(directory: Path) -> dict[str, str]:
    """SHA-256 of every file under an artifact directory except the lineage file and card."""
    from corpus.atomic_files import file_hashes

    return {
        relative: sha256
        for relative, sha256 in file_hashes(directory).items()
        if relative not in UNHASHED_FILES
    }


def code_version(repository: Path | None = None) -> str:
    """`git describe --always --dirty` of the code's repository, else the installed version."""
    root = repository or Path(__file__).resolve().parents[1]
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--tags"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        if described:
            return f"git:{described}"
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return f"{PACKAGE}=={importlib.metadata.version(PACKAGE)}"
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _yaml_list(key: str, values: list[str]) -> list[str]:
    return [f"{key}:", *(f"- {json.dumps(value)}" for value in values)]


def _figure(value: float | int | None) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.4g}"


def model_card(lineage: Lineage, library_name: str) -> str:
    """A Hugging Face model card: YAML header for the hub, a short body with the metrics."""
    base_model = str(lineage.pipeline.get("base_model_id") or lineage.base_model_dir)
    header = [
        "---",
        f"base_model: {json.dumps(base_model)}",
        f"library_name: {library_name}",
        "pipeline_tag: text-generation",
        *_yaml_list("tags", ["neutune", lineage.strategy, f"arm-{lineage.arm}"]),
        *_yaml_list("datasets", [f"neutune-split-exports/{lineage.split_version}"]),
        "---",
    ]
    rows = "\n".join(f"| {name} | {_figure(value)} |" for name, value in lineage.metrics.items())
    summary = (
        f"Trained by neutune ({lineage.code_version}, run `{lineage.run_id}`) with the "
        f"`{lineage.strategy}` strategy on the **{lineage.arm}** arm of split export "
        f"`{lineage.split_version}`: {lineage.train_documents:,} train documents "
        f"({lineage.replay_documents:,} replayed from the original arm), "
        f"{lineage.tokens_seen:,} tokens over {lineage.steps:,} steps, block size "
        f"{lineage.block_size}, learning rate {lineage.learning_rate:g}, seed {lineage.seed}, "
        f"{lineage.precision} on {lineage.device}. Base model fingerprint "
        f"`{lineage.base_fingerprint[:16]}`; `lineage.json` lists every input and its hash."
    )
    body = [
        "",
        f"# {lineage.strategy} fine-tune of {base_model} ({lineage.arm} arm)",
        "",
        textwrap.fill(summary, width=100, break_long_words=False, break_on_hyphens=False),
        "",
        "| metric | value |",
        "|---|---|",
        rows,
        "",
    ]
    return "\n".join(header + body)


def read_lineage(artifact_dir: Path) -> Lineage:
    """The lineage of an artifact directory (any schema version so far)."""
    return Lineage.model_validate_json((artifact_dir / LINEAGE_FILE).read_text(encoding="utf-8"))
