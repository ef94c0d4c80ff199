"""A wrong preset is caught once, up front: by the code location's loading and by the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.settings import SettingsError
from definitions import build_definitions
from resources.settings import check_preset
from tests.conftest import DEMO_PRESET, PROJECT_ROOT
from tests.integration.conftest import QUICK_PRESET


@pytest.mark.parametrize(
    "preset",
    [*sorted((PROJECT_ROOT / "config").glob("*.yaml")), QUICK_PRESET],
    ids=lambda p: p.name,
)
def test_every_shipped_preset_loads_and_points_at_existing_catalogue_files(preset):
    settings = check_preset(preset)
    catalogue = settings.catalogue.load()
    assert catalogue.entries and catalogue.exclusions
    assert all(Path(source).is_file() for source in catalogue.source.split(";"))
    assert settings.training.strategies


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("training:\n  strategies: {lora2: {}}\n", r"unknown strategies \['lora2'\]"),
        (
            "training:\n  defaults: {early_stopping_patience: 2}\n",
            r"early_stopping_patience=2 needs validation losses",
        ),
        ("training:\n  launcher: {kind: k8s}\n", r"launcher.kind=k8s needs launcher.k8s_image"),
    ],
)
def test_a_wrong_training_section_is_one_message_naming_the_fix(tmp_path, content, message):
    preset = tmp_path / "bad.yaml"
    preset.write_text(content)
    with pytest.raises(SettingsError, match=message):
        check_preset(preset)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("reader:\n  batch_rows: lots\n", r"bad\.yaml: invalid settings: reader\.batch_rows"),
        ("catalogue:\n  path: missing.csv\n", r"bad\.yaml: catalogue: .*missing\.csv.*not found"),
        (
            "reader:\n  allowed_roots: [nowhere]\n",
            r"reader\.allowed_roots: .*nowhere is not a folder",
        ),
    ],
)
def test_a_wrong_preset_stops_the_code_location_with_one_message(tmp_path, content, message):
    preset = tmp_path / "bad.yaml"
    preset.write_text(content)
    with pytest.raises(SettingsError, match=message):
        check_preset(preset)
    with pytest.raises(SettingsError, match=message):
        build_definitions(tmp_path / "data", tmp_path / "landing", preset)
    assert not (tmp_path / "data").exists()  # stopped before creating anything


def test_the_shipped_demo_preset_passes(tmp_path):
    assert check_preset(DEMO_PRESET).reader.allowed_roots == ()
