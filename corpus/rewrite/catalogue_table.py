"""The catalogue as a warehouse table and back: later stages read the version they depend on."""

from __future__ import annotations

import polars as pl

from corpus.rewrite.catalogue import CatalogueEntry, GenderCatalogue

ENTRY_COLUMNS = ("term", "replacement", "category", "plural", "plural_replacement", "note")


def catalogue_to_frame(catalogue: GenderCatalogue) -> pl.DataFrame:
    """One row per entry (kind 'entry') and per exclusion (kind 'exclusion'), with the version."""
    rows = [{**entry.model_dump(), "kind": "entry"} for entry in catalogue.entries]
    rows += [
        {**dict.fromkeys(ENTRY_COLUMNS, ""), "term": word, "kind": "exclusion"}
        for word in sorted(catalogue.exclusions)
    ]
    schema = {column: pl.String for column in (*ENTRY_COLUMNS, "kind")}
    frame = pl.DataFrame(rows, schema=schema)
    return frame.with_columns(version=pl.lit(catalogue.version), source=pl.lit(catalogue.source))


def catalogue_from_frame(frame: pl.DataFrame) -> GenderCatalogue:
    if frame.is_empty():
        raise ValueError("the gender_catalogue table is empty: materialize gender_catalogue first")
    entries = frame.filter(pl.col("kind") == "entry").select(ENTRY_COLUMNS).to_dicts()
    exclusions = frame.filter(pl.col("kind") == "exclusion")["term"].to_list()
    return GenderCatalogue(
        entries=tuple(CatalogueEntry(**entry) for entry in entries),
        exclusions=frozenset(exclusions),
        version=frame["version"][0],
        source=frame["source"][0],
    )
