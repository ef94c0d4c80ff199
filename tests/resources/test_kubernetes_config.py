"""The Kubernetes deployment files validate against the classes that will read them: the
instance's dagster.yaml against dagster-k8s / dagster-postgres, the preset against neutune's
settings. Nothing here reaches a cluster; that part is documented, not tested."""

from __future__ import annotations

import importlib
import shutil

import pytest
import yaml

from resources.settings import check_preset
from resources.trainer import TrainerResource
from tests.conftest import PROJECT_ROOT

K8S_CONFIG = PROJECT_ROOT / "config" / "k8s"
K8S_PRESET = PROJECT_ROOT / "config" / "k8s.yaml"


@pytest.fixture(autouse=True)
def deployment_environment(monkeypatch):
    """What the deployment's ConfigMap and Secrets set in the pods."""
    monkeypatch.setenv("NEUTUNE_IMAGE", "registry.example.com/neutune:0.1.0")
    for name, value in {"HOST": "postgres", "USER": "dagster", "PASSWORD": "secret"}.items():
        monkeypatch.setenv(f"DAGSTER_PG_{name}", value)


def _validate_instance_config(directory) -> dict:
    """The instance schema, then each pluggable class's own config schema, as Dagster does when
    it builds the instance (which needs a cluster here, so stop short of instantiating)."""
    from dagster._config import process_config
    from dagster._core.errors import DagsterInvalidConfigError
    from dagster._core.instance.config import dagster_instance_config

    config, _ = dagster_instance_config(str(directory))
    for section in ("run_launcher", "run_coordinator"):
        plugin = config[section]
        klass = getattr(importlib.import_module(plugin["module"]), plugin["class"])
        checked = process_config(klass.config_type(), plugin.get("config", {}))
        if not checked.success:
            raise DagsterInvalidConfigError(f"{section} config", checked.errors, plugin)
    return config


def test_the_k8s_instance_config_validates_against_dagster_k8s_and_postgres(tmp_path):
    pytest.importorskip("dagster_k8s", reason="dagster-k8s is in the dev and k8s extras")
    pytest.importorskip("dagster_postgres", reason="dagster-postgres is in the dev and k8s extras")
    shutil.copy(K8S_CONFIG / "dagster.yaml", tmp_path / "dagster.yaml")
    config = _validate_instance_config(tmp_path)
    assert config["run_launcher"]["class"] == "K8sRunLauncher"
    assert config["storage"]["postgres"]["postgres_db"]["db_name"] == "dagster"


def test_a_misspelt_launcher_field_is_refused(tmp_path):
    pytest.importorskip("dagster_k8s", reason="dagster-k8s is in the dev and k8s extras")
    from dagster._core.errors import DagsterInvalidConfigError

    config = yaml.safe_load((K8S_CONFIG / "dagster.yaml").read_text())
    config["run_launcher"]["config"]["job_imag"] = "typo"
    (tmp_path / "dagster.yaml").write_text(yaml.safe_dump(config))
    with pytest.raises(DagsterInvalidConfigError, match="job_imag"):
        _validate_instance_config(tmp_path)


def test_the_k8s_preset_trains_in_pods_and_mirrors_to_an_object_store():
    preset = check_preset(K8S_PRESET)
    assert preset.storage.url.startswith("s3://")
    assert preset.training.launcher.kind == "k8s"
    trainer = TrainerResource.from_settings(preset.training.launcher)
    assert trainer.kind == "k8s" and trainer.k8s_image


def test_the_pipes_k8s_client_is_importable_with_the_pinned_release():
    pytest.importorskip("dagster_k8s", reason="dagster-k8s is in the dev and k8s extras")
    from dagster_k8s import PipesK8sClient, k8s_job_executor

    assert PipesK8sClient and k8s_job_executor
