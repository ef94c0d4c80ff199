"""A wrong preset is caught once, up front: by the code location's loading and by the demo."""

from __future__ import annotations

import pytest

from corpus.settings import SettingsError
from definitions import build_definitions
from resources.settings import check_preset
from tests.conftest import DEMO_PRESET


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
