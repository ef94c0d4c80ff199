"""Presets: the shipped ones load; a wrong value names the file, the field and the value."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.settings import SettingsError, load_settings

CONFIG_DIR = Path(__file__).resolve().parents[2] / "config"


def test_a_wrong_type_names_file_field_and_value(tmp_path):
    preset = tmp_path / "bad.yaml"
    preset.write_text("reader:\n  batch_rows: lots\n")
    with pytest.raises(
        SettingsError, match=r"bad\.yaml: invalid settings: reader\.batch_rows: .*'lots'"
    ):
        load_settings(preset)


def test_an_unknown_field_and_bad_split_fractions_are_rejected(tmp_path):
    preset = tmp_path / "typo.yaml"
    preset.write_text("dedup:\n  treshold: 0.7\n")
    with pytest.raises(SettingsError, match=r"dedup\.treshold: Extra inputs are not permitted"):
        load_settings(preset)
    preset.write_text("splits:\n  train: 0.9\n  validation: 0.2\n  test: 0.1\n")
    with pytest.raises(SettingsError, match="must sum to 1"):
        load_settings(preset)


def test_missing_or_non_mapping_presets(tmp_path):
    with pytest.raises(SettingsError, match="not found: set NEUTUNE_PRESET"):
        load_settings(tmp_path / "nope.yaml")
    (tmp_path / "list.yaml").write_text("- a\n- b\n")
    with pytest.raises(SettingsError, match="expected a mapping"):
        load_settings(tmp_path / "list.yaml")


def test_relative_catalogue_paths_resolve_against_the_preset_folder(tmp_path):
    (tmp_path / "cat.csv").write_text("x")
    preset = tmp_path / "p.yaml"
    preset.write_text("catalogue:\n  path: cat.csv\n")
    assert load_settings(preset).catalogue.path == tmp_path / "cat.csv"
