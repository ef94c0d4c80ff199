"""The catalogue as a warehouse table and back: later stages read the version they depend on."""

from __future__ import annotations

import polars as pl

from corpus.rewrite.catalogue import CatalogueEntry, GenderCatalogue

ENTRY_COLUMNS = ("term", "replacement", "category", "plural", "plural_replacement", "note")
# Row kinds: a catalogue entry, an exclusion word, a form only another bundled profile rewrites.
KINDS = ("entry", "exclusion", "other_profile")


def catalogue_to_frame(catalogue: GenderCatalogue) -> pl.DataFrame:
    """One row per entry, exclusion and other-profile form (`kind`), with version and profile."""
    rows = [{**entry.model_dump(), "kind": "entry"} for entry in catalogue.entries]
    for kind, words in (
        ("exclusion", catalogue.exclusions),
        ("other_profile", catalogue.other_profile_forms),
    ):
        rows += [
            {**dict.fromkeys(ENTRY_COLUMNS, ""), "term": w, "kind": kind} for w in sorted(words)
        ]
    schema = {column: pl.String for column in (*ENTRY_COLUMNS, "kind")}
    frame = pl.DataFrame(rows, schema=schema)
    return frame.with_columns(
        version=pl.lit(catalogue.version),
        source=pl.lit(catalogue.source),
        profile=pl.lit(catalogue.profile),
    )


def catalogue_from_frame(frame: pl.DataFrame) -> GenderCatalogue:
    if frame.is_empty():
        raise ValueError("the gender_catalogue table is empty: materialize gender_catalogue first")
    if "profile" not in frame.columns:
        raise ValueError(
            "the gender_catalogue table predates catalogue profiles (no 'profile' column): "
            "materialize gender_catalogue again"
        )
    entries = frame.filter(pl.col("kind") == "entry").select(ENTRY_COLUMNS).to_dicts()

    def words(kind: str) -> frozenset[str]:
        return frozenset(frame.filter(pl.col("kind") == kind)["term"].to_list())

    return GenderCatalogue(
        entries=tuple(CatalogueEntry(**entry) for entry in entries),
        exclusions=words("exclusion"),
        version=frame["version"][0],
        source=frame["source"][0],
        profile=frame["profile"][0],
        other_profile_forms=words("other_profile"),
    )
