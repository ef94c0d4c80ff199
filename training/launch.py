"""What the Dagster side needs around a training run: inputs resolved once, results collected.

Artifacts are addressed by what determines them (base model fingerprint, strategy, data
version, hyperparameters, seed), so materializing again with unchanged inputs reuses the
finished artifact instead of training again, and a run killed mid-way resumes from its
checkpoints in the same work directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus.settings import CorpusSettings
from corpus.splits import MANIFEST_NAME, SplitManifest
from training.base_model import (
    BaseModelInfo,
    BaseModelSource,
    BuiltinSource,
    read_base_model_info,
    resolve_base_model,
)
from training.base_model.resolve import INFO_FILE
from training.data import find_export, read_texts, verify_export
from training.lineage_chain import CHAIN_KEY, record_data_chain, record_sources
from training.manifest import TrainedModel
from training.spec import TrainResult, TrainSpec, identity_digest, result_file

if TYPE_CHECKING:
    import polars as pl


def build_base_model(
    source: BaseModelSource,
    manifest: SplitManifest,
    root: Path,
    log: Callable[[str], None] = print,
) -> BaseModelInfo:
    """The base model directory for `source`, built once per source (and, for the builtin
    model, per train data version) under `root`."""
    builtin = isinstance(source, BuiltinSource)
    identity = {
        "source": source.model_dump(mode="json"),
        "data": manifest.version if builtin else None,
    }
    digest = identity_digest(identity)
    target = root / digest
    if (target / INFO_FILE).is_file():
        log(f"base model already built for these inputs: {target}")
        return read_base_model_info(target)
    texts = None
    if builtin:
        export = find_export(manifest, "train", "original")
        texts = read_texts(verify_export(manifest, export))
        log(f"pretraining the builtin {source.size} model on {len(texts)} original train documents")

    def progress(step: int, total: int, loss: float) -> None:
        log(f"pretraining step {step}/{total} loss {loss:.3f}")

    return resolve_base_model(source, target, texts, progress=progress)


def lineage_context(
    settings: CorpusSettings,
    manifest: SplitManifest,
    base_model: BaseModelInfo,
    find_sources: Callable[[pl.DataFrame], pl.DataFrame] | None,
    sources_root: Path,
) -> dict[str, Any]:
    """The data-half facts a model's lineage.json records: the chain from the landing files to
    the split export (file and line of every document when `find_sources` can read the
    warehouse), and the base model's source."""
    catalogue = settings.catalogue.load()
    sources = None
    if find_sources is not None:
        sources = record_sources(manifest, find_sources, sources_root)
    chain = record_data_chain(
        settings,
        catalogue.version,
        manifest,
        Path(manifest.directory) / MANIFEST_NAME,
        sources,
    )
    return {
        "catalogue_version": catalogue.version,
        "catalogue_profile": catalogue.profile,
        "base_model_source": base_model.source,
        CHAIN_KEY: chain.model_dump(mode="json"),
    }


def collect_trained_model(spec: TrainSpec, reused: bool) -> TrainedModel | None:
    """The manifest of the finished artifact of `spec`, or None when it has not been trained."""
    path = result_file(spec.output_dir)
    if not (spec.output_dir.is_dir() and path.is_file()):
        return None
    result = TrainResult.model_validate_json(path.read_text(encoding="utf-8"))
    return TrainedModel(
        strategy=result.strategy,
        arm=result.arm,
        artifact_dir=str(spec.output_dir),
        base_model_dir=str(spec.base_model_dir),
        base_fingerprint=spec.base_fingerprint or "",
        split_version=spec.lineage_extra.get("split_version", ""),
        spec_digest=spec.lineage_extra.get("spec_digest", ""),
        content_hash=result.content_hash,
        reused=reused,
        result=result,
    )


def train_or_reuse(
    spec: TrainSpec,
    retrieve: Callable[[Path], bool],
    train: Callable[[], object],
    log: Callable[[str], None],
) -> TrainedModel:
    """The model of `spec`: reused when its artifact exists here or in the mirror (`retrieve`
    fetches it), else trained by `train` (here or on another machine that publishes it)."""
    outputs = (spec.output_dir, result_file(spec.output_dir))
    present = all(map(retrieve, outputs))
    model = collect_trained_model(spec, reused=True) if present else None
    if model is not None:
        log(f"identical inputs already trained: reusing {spec.output_dir}")
        return model
    train()
    for output in outputs:
        retrieve(output)  # a trainer on another machine published them
    model = collect_trained_model(spec, reused=False)
    if model is None:
        raise FileNotFoundError(
            f"the trainer finished but {spec.output_dir} or its result file is missing: see the "
            "run's trainer log"
        )
    return model
