"""What every per-shard table has in common: its partition column, scope tag and kinds."""

from dagster import AssetOut


def shard_table(description: str) -> AssetOut:
    """An output stored in the warehouse with one partition per corpus shard (column `shard`)."""
    return AssetOut(
        description=description,
        metadata={"partition_expr": "shard"},
        tags={"neutune/scope": "shard"},
        kinds={"duckdb", "polars"},
    )
