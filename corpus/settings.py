"""The settings of every corpus stage, loaded from one YAML preset (config/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpus.cleaning import CleaningConfig
from corpus.readers import ReaderConfig


class SettingsError(ValueError):
    """A preset file that is missing, not YAML, or has a wrong field."""


class CorpusSettings(BaseModel):
    """All corpus-stage configs; each section is optional and defaults to its documented values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reader: ReaderConfig = Field(ReaderConfig(), description="How shard files become documents.")
    cleaning: CleaningConfig = Field(
        CleaningConfig(), description="Normalisers and quality filters."
    )


def load_settings(path: Path) -> CorpusSettings:
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
        return CorpusSettings.model_validate(content)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']} (got {e.get('input')!r})"
            for e in error.errors()
        )
        raise SettingsError(f"{path}: invalid settings: {problems}") from error
