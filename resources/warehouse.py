"""The warehouse: every tabular asset is a DuckDB table, written and read through polars frames."""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import contextmanager
from typing import NamedTuple

import duckdb
import polars as pl
from dagster import ConfigurableResource, OutputContext, TableColumn, TableSchema

# No public equivalent in dagster 1.13 (dagster-duckdb's own IO manager imports it from here):
# the DB IO manager that drives a client's delete-then-insert, given our transactional client.
from dagster._core.storage.db_io_manager import DbIOManager
from dagster_duckdb import DuckDBIOManager
from dagster_duckdb.io_manager import DuckDbClient
from dagster_duckdb_polars import DuckDBPolarsTypeHandler

WAREHOUSE_SCHEMA = "neutune"
# DuckDB refuses a second connection to a file with a different configuration in one process, so
# the read side uses the IO manager's.
CONNECTION_CONFIG = {"custom_user_agent": "dagster"}
# Another run's process may hold the file's write lock for a while: retry 10 times with doubling
# waits (0.1 s, 0.2 s, ... 51.2 s: about 100 s in all).
RETRY_WAITS_S = tuple(0.1 * 2**n for n in range(10))


def column_schema(frame: pl.DataFrame) -> TableSchema:
    """The frame's columns and polars dtypes, for `dagster/column_schema` (the UI's column list)."""
    return TableSchema(
        columns=[TableColumn(name=name, type=str(dtype)) for name, dtype in frame.schema.items()]
    )


class TransactionalDuckDbClient(DuckDbClient):
    """Opens a transaction before the old partition rows are deleted; the handler commits it.

    So a re-materialised partition is replaced atomically: readers see the old rows or the new
    ones, never an empty or half-written partition, even when the run dies mid-write.
    """

    @staticmethod
    def delete_table_slice(context: OutputContext, table_slice, connection) -> None:
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
    should find it rather than fail on a missing table. Every write records the frame's column
    schema (`dagster/column_schema`), so the UI lists a table's columns.
    """

    def handle_output(self, context: OutputContext, table_slice, obj: pl.DataFrame, connection):
        self._write(context, table_slice, obj, connection)
        connection.commit()
        context.add_output_metadata({"dagster/column_schema": column_schema(obj)})

    def _write(self, context, table_slice, obj: pl.DataFrame, connection) -> None:
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
    def type_handlers() -> Sequence[TransactionalPolarsHandler]:
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


class ShardRecords(NamedTuple):
    """Rows stored for one shard by ingestion."""

    raw: int
    quarantined: int

    def account_for(self, records_seen: int) -> bool:
        return self.raw + self.quarantined == records_seen


class ShardRowBalance(NamedTuple):
    """Rows stored for one shard by ingestion and cleaning, compared doc_id by doc_id."""

    raw: int
    clean: int
    filtered: int
    quarantined: int
    unaccounted: int  # raw doc_ids in neither clean nor filtered
    in_both: int  # doc_ids both kept and filtered

    @property
    def balanced(self) -> bool:
        return self.raw == self.clean + self.filtered and self.unaccounted == self.in_both == 0


class Warehouse(ConfigurableResource):
    """Read-side SQL access to the same DuckDB file, for checks and reports."""

    database: str
    schema_name: str = WAREHOUSE_SCHEMA

    @contextmanager
    def connect(self):
        connection = _connect_with_retry(self.database)
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

    def shard_records(self, shard: str) -> ShardRecords:
        """Rows of `shard` in raw_documents and in quarantine."""
        row = self.query(
            "select (select count(*) from {schema}.raw_documents where shard = $1) as raw,"
            " (select count(*) from {schema}.quarantine where shard = $1) as quarantined",
            [shard],
        ).row(0)
        return ShardRecords(*row)

    def shard_row_balance(self, shard: str) -> ShardRowBalance:
        """raw = clean + filtered for `shard`, counted and matched doc_id by doc_id."""
        row = self.query(
            """
            with raw as (select doc_id from {schema}.raw_documents where shard = $1),
                 kept as (select doc_id from {schema}.clean_documents where shard = $1),
                 dropped as (select doc_id from {schema}.filtered_documents where shard = $1)
            select
                (select count(*) from raw) as raw,
                (select count(*) from kept) as clean,
                (select count(*) from dropped) as filtered,
                (select count(*) from {schema}.quarantine where shard = $1) as quarantined,
                (select count(*) from raw anti join
                    (select doc_id from kept union all select doc_id from dropped) o using (doc_id))
                    as unaccounted,
                (select count(*) from kept semi join dropped using (doc_id)) as in_both
            """,
            [shard],
        ).row(0)
        return ShardRowBalance(*row)

    def document_sources(self, doc_ids: pl.DataFrame) -> pl.DataFrame:
        """doc_id, source_path, source_line in raw_documents of the given doc_ids (a model's
        lineage: which file and line each training document came from)."""
        wanted = doc_ids.select("doc_id").to_arrow()
        with self.connect() as connection:
            connection.register("wanted_doc_ids", wanted)
            return connection.execute(
                f"select doc_id, source_path, source_line from {self.schema_name}.raw_documents"
                " semi join wanted_doc_ids using (doc_id)"
            ).pl()

    def texts(self, table: str, text_column: str = "text") -> pl.DataFrame:
        """doc_id (the row number), split ('evaluation'), text of an evaluation table."""
        return self.query(
            "select cast(row_number() over () as varchar) as doc_id, 'evaluation' as split,"
            f' "{text_column}" as text from {{schema}}."{table}"'
        )


def _connect_with_retry(database: str) -> duckdb.DuckDBPyConnection:
    for wait in (*RETRY_WAITS_S, None):
        try:
            return duckdb.connect(database=database, config=CONNECTION_CONFIG)
        except (RuntimeError, duckdb.IOException):
            if wait is None:
                raise
            time.sleep(wait)
    raise AssertionError("unreachable: the last attempt returns or raises")
