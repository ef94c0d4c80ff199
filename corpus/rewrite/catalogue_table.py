"""The catalogue as a warehouse table and back: later stages read the version they depend on.

One row per entry, exclusion and other-profile form, told apart by `kind`, plus one `profile` row
whose `term` is the profile name (a row, not a column, so that the table keeps the columns it had
before profiles and an existing warehouse takes the new rows).
"""

from __future__ import annotations

import polars as pl

from corpus.rewrite.catalogue import CatalogueEntry, GenderCatalogue

ENTRY_COLUMNS = ("term", "replacement", "category", "plural", "plural_replacement", "note")
KINDS = ("entry", "exclusion", "other_profile", "profile")


def catalogue_to_frame(catalogue: GenderCatalogue) -> pl.DataFrame:
    """The table form of a catalogue, with its version and source on every row."""
    rows = [{**entry.model_dump(), "kind": "entry"} for entry in catalogue.entries]
    for kind, words in (
        ("exclusion", sorted(catalogue.exclusions)),
        ("other_profile", sorted(catalogue.other_profile_forms)),
        ("profile", [catalogue.profile]),
    ):
        empty = dict.fromkeys(ENTRY_COLUMNS, "")
        rows += [{**empty, "term": word, "kind": kind} for word in words]
    schema = {column: pl.String for column in (*ENTRY_COLUMNS, "kind")}
    frame = pl.DataFrame(rows, schema=schema)
    return frame.with_columns(version=pl.lit(catalogue.version), source=pl.lit(catalogue.source))


def catalogue_from_frame(frame: pl.DataFrame) -> GenderCatalogue:
    if frame.is_empty():
        raise ValueError("the gender_catalogue table is empty: materialize gender_catalogue first")

    def words(kind: str) -> list[str]:
        return frame.filter(pl.col("kind") == kind)["term"].to_list()

    profile = words("profile")
    if len(profile) != 1:
        raise ValueError(
            "the gender_catalogue table has no profile row (written before catalogue profiles): "
            "materialize gender_catalogue again"
        )
    entries = frame.filter(pl.col("kind") == "entry").select(ENTRY_COLUMNS).to_dicts()
    return GenderCatalogue(
        entries=tuple(CatalogueEntry(**entry) for entry in entries),
        exclusions=frozenset(words("exclusion")),
        version=frame["version"][0],
        source=frame["source"][0],
        profile=profile[0],
        other_profile_forms=frozenset(words("other_profile")),
    )
