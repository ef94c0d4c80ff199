"""The gender_catalogue asset: the preset's profile decides its rows, data version and metadata."""

from __future__ import annotations

from pathlib import Path

from dagster import AssetKey, DagsterInstance, materialize

from assets.rewrite import gender_catalogue
from resources import PipelineSettings, Warehouse, WarehouseIOManager


def test_a_profile_change_gives_a_new_data_version(tmp_path: Path, instance: DagsterInstance):
    database = str(tmp_path / "warehouse.duckdb")
    io_manager = WarehouseIOManager(database=database, schema="neutune")
    seen = {}
    for profile in ("core", "paper"):
        preset = tmp_path / f"{profile}.yaml"
        preset.write_text(f"catalogue:\n  profile: {profile}\n", encoding="utf-8")
        resources = {"io_manager": io_manager, "settings": PipelineSettings(preset=str(preset))}
        assert materialize([gender_catalogue], resources=resources, instance=instance).success
        event = instance.get_latest_materialization_event(AssetKey("gender_catalogue"))
        materialization = event.asset_materialization
        assert materialization.metadata["profile"].value == profile
        version = materialization.tags["dagster/data_version"]
        assert version == materialization.metadata["catalogue_version"].value
        seen[profile] = version
        rows = Warehouse(database=database).query(
            "select term from {schema}.gender_catalogue where kind = 'profile'"
        )
        assert rows["term"].to_list() == [profile]  # the table was replaced, not appended to
    assert seen["core"] != seen["paper"]  # so neutral_documents, downstream, becomes stale
