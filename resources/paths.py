"""Where the project keeps its data by default: one folder, overridable by environment variables."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """NEUTUNE_DATA_ROOT, or `data/` in the project (ignored by git)."""
    return Path(os.environ.get("NEUTUNE_DATA_ROOT", PROJECT_ROOT / "data")).expanduser().resolve()


def landing_dir() -> Path:
    """NEUTUNE_LANDING_DIR, or `<data root>/landing`: each supported file in it is a shard."""
    return (
        Path(os.environ.get("NEUTUNE_LANDING_DIR", data_root() / "landing")).expanduser().resolve()
    )


def preset_path() -> Path:
    """NEUTUNE_PRESET, or config/demo.yaml: the pipeline settings used by every stage."""
    return Path(os.environ.get("NEUTUNE_PRESET", PROJECT_ROOT / "config" / "demo.yaml")).resolve()
