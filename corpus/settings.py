"""The settings of every corpus stage, loaded from one YAML preset (config/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpus.clean import CleaningConfig
from corpus.dedup import DedupConfig
from corpus.ingest import ReaderConfig
from corpus.rewrite import DEFAULT_CATALOGUE_PATH, DEFAULT_EXCLUSIONS_PATH, RewriteConfig
from corpus.splits import LeakageConfig, SplitConfig


class SettingsError(ValueError):
    """A preset file that is missing, not YAML, or has a wrong field."""


class CatalogueSource(BaseModel):
    """Where the gender catalogue and its exclusion list are read from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: Path = Field(
        DEFAULT_CATALOGUE_PATH,
        description="CSV of gender-exclusive terms and replacements (see corpus/data/README.md).",
    )
    exclusions_path: Path = Field(
        DEFAULT_EXCLUSIONS_PATH,
        description="CSV of words that match an affix pattern but are not gender-exclusive.",
    )


class CorpusSettings(BaseModel):
    """All corpus-stage configs; each section is optional and defaults to its documented values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reader: ReaderConfig = Field(ReaderConfig(), description="How shard files become documents.")
    cleaning: CleaningConfig = Field(
        CleaningConfig(), description="Normalisers and quality filters."
    )
    catalogue: CatalogueSource = Field(CatalogueSource(), description="The gender catalogue files.")
    rewrite: RewriteConfig = Field(RewriteConfig(), description="What the rewriter changes.")
    rewrite_audit_sample: int = Field(
        2000, gt=0, description="Documents per shard re-rewritten to check idempotence."
    )
    dedup: DedupConfig = Field(DedupConfig(), description="Exact + MinHash LSH deduplication.")
    splits: SplitConfig = Field(SplitConfig(), description="Train/validation/test fractions, salt.")
    export_duplicates: bool = Field(
        False,
        description="Also export non-representative near/exact duplicates to the split files "
        "(they always stay in their cluster's split).",
    )
    leakage: LeakageConfig = Field(LeakageConfig(), description="The n-gram leakage check.")


def load_settings(path: Path, model: type[CorpusSettings] = CorpusSettings) -> CorpusSettings:
    """Load and validate a preset; every problem is reported with the file and the field path."""
    if not path.is_file():
        raise SettingsError(
            f"settings preset {path} not found: set NEUTUNE_PRESET to a config/*.yaml file"
        )
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise SettingsError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(content, dict):
        raise SettingsError(f"{path}: expected a mapping of sections (reader:, cleaning:, ...)")
    try:
        settings = model.model_validate(content)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']} (got {e.get('input')!r})"
            for e in error.errors()
        )
        raise SettingsError(f"{path}: invalid settings: {problems}") from error
    return _resolve_relative_paths(settings, path.parent)


def _resolve_relative_paths(settings: CorpusSettings, base: Path) -> CorpusSettings:
    """Relative file paths in a preset are relative to the preset's own folder."""
    catalogue = settings.catalogue
    resolved = CatalogueSource(
        path=base / catalogue.path, exclusions_path=base / catalogue.exclusions_path
    )
    roots = tuple((base / root.expanduser()).resolve() for root in settings.reader.allowed_roots)
    reader = settings.reader.model_copy(update={"allowed_roots": roots})
    return settings.model_copy(update={"catalogue": resolved, "reader": reader})
