"""The settings of every corpus stage, loaded from one YAML preset (config/*.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from corpus.clean import CleaningConfig
from corpus.dedup import DedupConfig
from corpus.ingest import ReaderConfig
from corpus.rewrite import (
    DEFAULT_PROFILE,
    GenderCatalogue,
    RewriteConfig,
    load_profile,
)
from corpus.splits import LeakageConfig, SplitConfig


class SettingsError(ValueError):
    """A preset file that is missing, not YAML, or has a wrong field."""


class CatalogueSource(BaseModel):
    """Which gender catalogue the rewrite uses: a bundled profile, or files of your own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    profile: Literal["core", "paper"] = Field(
        DEFAULT_PROFILE,
        description="Bundled catalogue profile: 'paper' (every affix family of Bartl & Leavy "
        "2024, the experiment's default) or 'core' (roles and occupations only); see "
        "corpus/data/README.md.",
    )
    path: Path | None = Field(
        None,
        description="A catalogue CSV of your own, used instead of the profile's files "
        "(term,replacement,category,plural,plural_replacement,note).",
    )
    exclusions_path: Path | None = Field(
        None,
        description="An exclusions CSV of your own (word,reason), used instead of the profile's.",
    )

    @model_validator(mode="after")
    def _profile_or_own_files(self) -> CatalogueSource:
        if "profile" in self.model_fields_set and self.path is not None:
            raise ValueError(
                "catalogue.profile and catalogue.path both given, but a path replaces the "
                "profile's catalogue files: remove one of the two"
            )
        return self

    def load(self) -> GenderCatalogue:
        """The validated catalogue (raises CatalogueError naming the file, line and fix)."""
        return load_profile(self.profile, self.path, self.exclusions_path)


class CorpusSettings(BaseModel):
    """All corpus-stage configs; each section is optional and defaults to its documented values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reader: ReaderConfig = Field(ReaderConfig(), description="How shard files become documents.")
    cleaning: CleaningConfig = Field(
        CleaningConfig(), description="Normalisers and quality filters."
    )
    catalogue: CatalogueSource = Field(
        CatalogueSource(), description="The gender catalogue: profile or own files."
    )
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
    resolved = catalogue.model_copy(
        update={
            name: base / value
            for name in ("path", "exclusions_path")
            if (value := getattr(catalogue, name)) is not None
        }
    )
    roots = tuple((base / root.expanduser()).resolve() for root in settings.reader.allowed_roots)
    reader = settings.reader.model_copy(update={"allowed_roots": roots})
    return settings.model_copy(update={"catalogue": resolved, "reader": reader})
