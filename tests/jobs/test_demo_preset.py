"""The demo command stops at once, with one message, when the preset is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.conftest import PROJECT_ROOT


def test_a_wrong_preset_stops_the_demo_before_any_run_with_one_message(tmp_path):
    preset = tmp_path / "bad.yaml"
    preset.write_text("reader:\n  batch_rows: lots\n")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
        "NEUTUNE_DATA_ROOT": str(tmp_path / "data"),
        "NEUTUNE_PRESET": str(preset),
    }
    env.pop("NEUTUNE_LANDING_DIR", None)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "jobs.demo"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    seconds = time.monotonic() - started

    assert done.returncode == 2
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert "bad.yaml: invalid settings: reader.batch_rows" in lines[0] and "'lots'" in lines[0]
    assert seconds < 30
    assert not (tmp_path / "data").exists()  # no corpus written, no warehouse, no run
