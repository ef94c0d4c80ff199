"""The warehouse IO manager: partition writes are idempotent and atomic."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest
from dagster import AssetKey, DynamicPartitionsDefinition, asset, materialize

import resources.warehouse as warehouse_module
from resources import Warehouse, WarehouseIOManager

parts = DynamicPartitionsDefinition(name="parts")
FRAMES: dict[str, pl.DataFrame] = {}


@asset(partitions_def=parts, metadata={"partition_expr": "shard"})
def table(context) -> pl.DataFrame:
    return FRAMES[context.partition_key]


def _rows(database: str, shard: str) -> list[tuple]:
    return (
        Warehouse(database=database)
        .query("select shard, value from {schema}.table where shard = ? order by value", [shard])
        .rows()
    )


def test_rematerialized_partition_replaces_rows_and_failed_write_keeps_old_rows(tmp_path, instance):
    database = str(tmp_path / "w.duckdb")
    resources = {"io_manager": WarehouseIOManager(database=database, schema="neutune")}
    instance.add_dynamic_partitions("parts", ["a", "b"])

    FRAMES["a"] = pl.DataFrame({"shard": ["a", "a"], "value": ["1", "2"]})
    FRAMES["b"] = pl.DataFrame({"shard": ["b"], "value": ["9"]})
    for key in "ab":
        assert materialize(
            [table], partition_key=key, resources=resources, instance=instance
        ).success
    FRAMES["a"] = pl.DataFrame({"shard": ["a"], "value": ["3"]})
    assert materialize([table], partition_key="a", resources=resources, instance=instance).success
    assert _rows(database, "a") == [("a", "3")]
    assert _rows(database, "b") == [("b", "9")]

    # a write that fails after the old rows were deleted (an extra column the table lacks) must
    # leave the previous rows visible
    FRAMES["a"] = pl.DataFrame({"shard": ["a"], "value": ["4"], "extra": [1]})
    failed = materialize(
        [table], partition_key="a", resources=resources, instance=instance, raise_on_error=False
    )
    assert not failed.success
    assert _rows(database, "a") == [("a", "3")]


def test_empty_frame_still_creates_the_table(tmp_path, instance):
    database = str(tmp_path / "w.duckdb")
    resources = {"io_manager": WarehouseIOManager(database=database, schema="neutune")}
    instance.add_dynamic_partitions("parts", ["e"])
    FRAMES["e"] = pl.DataFrame(schema={"shard": pl.String, "value": pl.String})
    assert materialize([table], partition_key="e", resources=resources, instance=instance).success
    assert Warehouse(database=database).table_exists("table")
    assert _rows(database, "e") == []
    assert _column_schema(instance) == [("shard", "String"), ("value", "String")]


def _column_schema(instance) -> list[tuple[str, str]]:
    event = instance.get_latest_materialization_event(AssetKey("table"))
    schema = event.asset_materialization.metadata["dagster/column_schema"].value
    return [(column.name, column.type) for column in schema.columns]


def test_every_write_records_the_column_schema(tmp_path, instance):
    resources = {"io_manager": WarehouseIOManager(database=str(tmp_path / "w.duckdb"))}
    instance.add_dynamic_partitions("parts", ["s"])
    FRAMES["s"] = pl.DataFrame({"shard": ["s"], "value": ["1"]}).with_columns(n=pl.lit(3))
    assert materialize([table], partition_key="s", resources=resources, instance=instance).success
    assert _column_schema(instance) == [("shard", "String"), ("value", "String"), ("n", "Int32")]


def test_connecting_retries_while_another_process_holds_the_lock(tmp_path, monkeypatch):
    attempts = []
    connect = duckdb.connect

    def locked_twice(**kwargs):
        attempts.append(kwargs["database"])
        if len(attempts) <= 2:
            raise duckdb.IOException("Could not set lock on file: Conflicting lock is held")
        return connect(**kwargs)

    monkeypatch.setattr(warehouse_module.duckdb, "connect", locked_twice)
    monkeypatch.setattr(warehouse_module, "RETRY_WAITS_S", (0.0, 0.0))
    warehouse = Warehouse(database=str(tmp_path / "w.duckdb"))
    assert warehouse.query("select 1 as one")["one"].to_list() == [1]
    assert len(attempts) == 3
    attempts.clear()
    monkeypatch.setattr(warehouse_module, "RETRY_WAITS_S", (0.0,))
    with pytest.raises(duckdb.IOException, match="lock"):
        warehouse.query("select 1 as one")
    assert len(attempts) == 2
