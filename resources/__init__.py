"""Resources, chosen in one place: warehouse, landing zone, settings, artifact store, trainer."""

from __future__ import annotations

from pathlib import Path

from resources.artifacts import LocalArtifactStore, MirroredArtifactStore, artifact_store
from resources.landing import LandingZone
from resources.manifests import ManifestIOManager
from resources.paths import data_root, landing_dir, preset_path
from resources.settings import PipelineSettings
from resources.trainer import TrainerResource
from resources.warehouse import WAREHOUSE_SCHEMA, Warehouse, WarehouseIOManager

__all__ = [
    "LandingZone",
    "LocalArtifactStore",
    "ManifestIOManager",
    "MirroredArtifactStore",
    "PipelineSettings",
    "TrainerResource",
    "Warehouse",
    "WarehouseIOManager",
    "build_resources",
    "data_root",
    "landing_dir",
    "preset_path",
]


def build_resources(
    root: Path | None = None, landing: Path | None = None, preset: Path | None = None
) -> dict[str, object]:
    """The local family: DuckDB file, landing folder and artifacts under one data root.

    Arguments default to the environment (NEUTUNE_DATA_ROOT, NEUTUNE_LANDING_DIR, NEUTUNE_PRESET).
    Raises SettingsError when the preset is wrong.
    """
    settings = PipelineSettings(preset=str(preset or preset_path()))
    # a wrong preset stops the code location with one message, not every run
    preset_settings = settings.check()
    root = root or data_root()
    root.mkdir(parents=True, exist_ok=True)
    database = str(root / "warehouse.duckdb")
    return {
        "io_manager": WarehouseIOManager(database=database, schema=WAREHOUSE_SCHEMA),
        "warehouse": Warehouse(database=database),
        "landing": LandingZone(directory=str(landing or landing_dir())),
        "settings": settings,
        "artifacts": artifact_store(root / "artifacts", preset_settings.storage),
        "manifest_io_manager": ManifestIOManager(root=str(root / "manifests")),
        "trainer": TrainerResource.from_settings(preset_settings.training.launcher),
    }
