"""The bundled catalogue profiles: which curated files make up each catalogue.

`core` is the catalogue of roles and occupations; `paper` adds every other affix family that
Bartl & Leavy (2024) used (-boy/-girl compounds, -man compounds for ranks, sports positions and
objects, -manship nouns, man- compounds, -woman compounds, derived adjectives and adverbs) and is
the default, as in the paper's experiment. Each profile lists its files; a later file adds entries
to the earlier ones (no form may be defined twice). What each family covers, and what it
deliberately leaves, is in corpus/data/README.md.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_CATALOGUE_PATH = DATA_DIR / "gender_catalogue.csv"
PAPER_CATALOGUE_PATH = DATA_DIR / "gender_catalogue_paper.csv"
DEFAULT_EXCLUSIONS_PATH = DATA_DIR / "gender_exclusions.csv"
# The label of a catalogue loaded from files that are not exactly a bundled profile's.
CUSTOM_PROFILE = "custom"


class CatalogueProfile(BaseModel):
    """A named selection of the bundled catalogue and exclusion files."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="Profile name used in presets and on the CLI (--profile).")
    description: str = Field(description="What the profile covers, in one line.")
    catalogue_paths: tuple[Path, ...] = Field(
        description="Catalogue CSVs, read in order; their entries are merged."
    )
    exclusions_paths: tuple[Path, ...] = Field(
        description="Exclusion CSVs, read in order; their words are merged."
    )


PROFILES: dict[str, CatalogueProfile] = {
    profile.name: profile
    for profile in (
        CatalogueProfile(
            name="core",
            description="gender-exclusive roles and occupations (chairman, stewardess, ...)",
            catalogue_paths=(DEFAULT_CATALOGUE_PATH,),
            exclusions_paths=(DEFAULT_EXCLUSIONS_PATH,),
        ),
        CatalogueProfile(
            name="paper",
            description="core plus every affix family of Bartl & Leavy (2024): -boy/-girl "
            "compounds, -man ranks, positions and objects, -manship, man-, -woman, derived "
            "adjectives and adverbs",
            catalogue_paths=(DEFAULT_CATALOGUE_PATH, PAPER_CATALOGUE_PATH),
            exclusions_paths=(DEFAULT_EXCLUSIONS_PATH,),
        ),
    )
}
DEFAULT_PROFILE = "paper"


def profile_of(catalogue_paths: tuple[Path, ...], exclusions_paths: tuple[Path, ...]) -> str:
    """The name of the bundled profile made of exactly these files, else CUSTOM_PROFILE."""
    resolved = (
        tuple(path.resolve() for path in catalogue_paths),
        tuple(path.resolve() for path in exclusions_paths),
    )
    for profile in PROFILES.values():
        if resolved == (
            tuple(path.resolve() for path in profile.catalogue_paths),
            tuple(path.resolve() for path in profile.exclusions_paths),
        ):
            return profile.name
    return CUSTOM_PROFILE
