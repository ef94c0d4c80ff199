"""tasks.py writes a DAGSTER_HOME whose instance has run monitoring on."""

from __future__ import annotations

from dagster import DagsterInstance
from dagster._core.instance.ref import InstanceRef

import tasks


def test_dagster_home_gets_run_monitoring_and_a_users_own_file_is_kept(tmp_path, monkeypatch):
    fresh, earlier, own = tmp_path / "fresh", tmp_path / "earlier", tmp_path / "own"
    earlier.mkdir()
    (earlier / "dagster.yaml").write_text(tasks.EARLIER_DAGSTER_YAML)
    own.mkdir()
    (own / "dagster.yaml").write_text("telemetry:\n  enabled: true\n")

    for home in (fresh, earlier, own):
        monkeypatch.setenv("DAGSTER_HOME", str(home))
        assert tasks._environment()["DAGSTER_HOME"] == str(home)

    for home in (fresh, earlier):
        assert (home / "dagster.yaml").read_text() == tasks.DAGSTER_YAML
        with DagsterInstance.from_ref(InstanceRef.from_dir(str(home))) as instance:
            assert instance.run_monitoring_enabled
            assert instance.run_monitoring_start_timeout_seconds == 180
    assert (own / "dagster.yaml").read_text() == "telemetry:\n  enabled: true\n"
