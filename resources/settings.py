"""Pipeline settings: one YAML preset, validated into the domain's pydantic configs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dagster import ConfigurableResource
from pydantic import Field

from corpus.artifact_mirror import MirrorSettings
from corpus.rewrite import CatalogueError
from corpus.settings import CorpusSettings, SettingsError, load_settings
from evaluation.settings import EvaluationSettings
from resources.automation import AutomationSettings
from training.settings import TrainingSettings


class PresetSettings(CorpusSettings):
    """A whole preset: the corpus stages' sections plus training, evaluation, automation."""

    training: TrainingSettings = Field(
        default_factory=TrainingSettings,
        description="Base model, strategies and hyperparameters (training/settings.py).",
    )
    evaluation: EvaluationSettings = Field(
        default_factory=EvaluationSettings,
        description="Metrics, their options and the report (evaluation/settings.py).",
    )
    storage: MirrorSettings = Field(
        default_factory=MirrorSettings,
        description="Artifact mirror: an fsspec URL (s3://, gs://) that split exports, base and "
        "fine-tuned models and reports are published to (corpus/artifact_mirror.py).",
    )
    automation: AutomationSettings = Field(
        default_factory=AutomationSettings,
        description="Sensor, schedule, automation conditions, shard executor "
        "(resources/automation.py).",
    )


class PipelineSettings(ConfigurableResource):
    """The preset file (config/*.yaml) every stage reads its configuration from."""

    preset: str

    def load(self) -> PresetSettings:
        return _load_cached(Path(self.preset).resolve(), Path(self.preset).stat().st_mtime_ns)

    def check(self) -> PresetSettings:
        """Validate the preset and the files it names, once, before any run (see check_preset)."""
        return check_preset(Path(self.preset))


def check_preset(path: Path) -> PresetSettings:
    """Load a preset and the files it names (catalogue, allowed roots) as every stage will.

    Raises:
        SettingsError: one message naming the file, the field and the fix, so that a wrong
            value stops the demo or the code location once instead of failing every run.
    """
    settings = _load_preset(path)
    try:
        settings.catalogue.load()
    except CatalogueError as error:
        raise SettingsError(f"{path}: catalogue: {error}") from error
    for root in settings.reader.allowed_roots:
        if not root.is_dir():
            raise SettingsError(
                f"{path}: reader.allowed_roots: {root} is not a folder; create it or remove it "
                "from the list (relative entries are relative to the preset's folder)"
            )
    return settings


@cache
def _load_cached(path: Path, mtime_ns: int) -> PresetSettings:
    return _load_preset(path)


def _load_preset(path: Path) -> PresetSettings:
    """The preset with its evaluation file paths taken relative to the preset's folder."""
    settings = load_settings(path, PresetSettings)
    evaluation = settings.evaluation.resolved(path.resolve().parent)
    return settings.model_copy(update={"evaluation": evaluation})
