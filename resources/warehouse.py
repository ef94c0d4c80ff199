"""The warehouse: every tabular asset is a DuckDB table, written and read through polars frames."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import contextmanager

import duckdb
import polars as pl
from dagster import ConfigurableResource, OutputContext
from dagster._core.storage.db_io_manager import DbIOManager, DbTypeHandler, TableSlice
from dagster._utils.backoff import backoff
from dagster_duckdb import DuckDBIOManager
from dagster_duckdb.io_manager import DuckDbClient
from dagster_duckdb_polars import DuckDBPolarsTypeHandler

WAREHOUSE_SCHEMA = "neutune"
# DuckDB refuses a second connection to a file with a different configuration in one process, so
# the read side uses the IO manager's.
CONNECTION_CONFIG = {"custom_user_agent": "dagster"}


class TransactionalDuckDbClient(DuckDbClient):
    """Opens a transaction before the old partition rows are deleted; the handler commits it.

    So a re-materialised partition is replaced atomically: readers see the old rows or the new
    ones, never an empty or half-written partition, even when the run dies mid-write.
    """

    @staticmethod
    def delete_table_slice(context: OutputContext, table_slice: TableSlice, connection) -> None:
        connection.begin()
        DuckDbClient.delete_table_slice(context, table_slice, connection)

    @staticmethod
    @contextmanager
    def connect(context, table_slice):
        """The stock connection, closed (rolling back an open transaction) even on failure."""
        with DuckDbClient.connect(context, table_slice) as connection:
            try:
                yield connection
            finally:
                connection.close()


class TransactionalPolarsHandler(DuckDBPolarsTypeHandler):
    """Writes polars frames inside the client's transaction, creating the table even when empty.

    A shard without bad rows still has a (empty) quarantine partition, and readers of the table
    should find it rather than fail on a missing table.
    """

    def handle_output(
        self, context: OutputContext, table_slice: TableSlice, obj: pl.DataFrame, connection
    ):
        self._write(context, table_slice, obj, connection)
        connection.commit()

    def _write(self, context, table_slice: TableSlice, obj: pl.DataFrame, connection) -> None:
        if obj.is_empty():
            obj_arrow = obj.to_arrow()  # noqa: F841  # referenced by name in the SQL below
            connection.execute(f"create schema if not exists {table_slice.schema};")
            connection.execute(
                f"create table if not exists {table_slice.schema}.{table_slice.table} "
                "as select * from obj_arrow;"
            )
            context.add_output_metadata({"row_count": 0})
            return
        super().handle_output(context, table_slice, obj, connection)


class WarehouseIOManager(DuckDBIOManager):
    """DuckDB IO manager for polars frames; partitioned assets replace their partition's rows."""

    @staticmethod
    def type_handlers() -> Sequence[DbTypeHandler]:
        return [TransactionalPolarsHandler()]

    @staticmethod
    def default_load_type() -> type:
        return pl.DataFrame

    def create_io_manager(self, context) -> DbIOManager:
        return DbIOManager(
            db_client=TransactionalDuckDbClient(),
            database=self.database,
            schema=self.schema_,
            type_handlers=self.type_handlers(),
            default_load_type=self.default_load_type(),
            io_manager_name="WarehouseIOManager",
        )


class Warehouse(ConfigurableResource):
    """Read-side SQL access to the same DuckDB file, for checks and reports."""

    database: str
    schema_name: str = WAREHOUSE_SCHEMA

    @contextmanager
    def connect(self):
        connection = backoff(  # another run's process may hold the file's write lock for a moment
            fn=duckdb.connect,
            retry_on=(RuntimeError, duckdb.IOException),
            kwargs={"database": self.database, "config": CONNECTION_CONFIG},
            max_retries=10,
        )
        try:
            yield connection
        finally:
            connection.close()

    def table_exists(self, table: str) -> bool:
        with self.connect() as connection:
            found = connection.execute(
                "select count(*) from information_schema.tables"
                " where table_schema = ? and table_name = ?",
                [self.schema_name, table],
            ).fetchone()
        return bool(found and found[0])

    def query(self, sql: str, params: Sequence[object] = ()) -> pl.DataFrame:
        """Run SQL where `{schema}` stands for the warehouse schema; return a polars frame."""
        with self.connect() as connection:
            return connection.execute(sql.format(schema=self.schema_name), list(params)).pl()
