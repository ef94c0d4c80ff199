"""Pipeline settings: one YAML preset, validated into the domain's pydantic configs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dagster import ConfigurableResource

from corpus.settings import CorpusSettings, load_settings


class PipelineSettings(ConfigurableResource):
    """The preset file (config/*.yaml) every stage reads its configuration from."""

    preset: str

    def load(self) -> CorpusSettings:
        return _load_cached(Path(self.preset).resolve(), Path(self.preset).stat().st_mtime_ns)


@cache
def _load_cached(path: Path, mtime_ns: int) -> CorpusSettings:
    return load_settings(path)
