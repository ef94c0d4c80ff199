"""The catalogue of gender-exclusive terms and their gender-neutral replacements.

The method and the affix families come from Bartl & Leavy (2024), "From Showgirls to Performers:
Fine-tuning with Gender-inclusive Language for Bias Reduction in LLMs". The curated data lives in
CSV files under `corpus/data/` (catalogue files and exclusion files, grouped into profiles by
`corpus.rewrite.profiles`); this module loads them, derives regular plurals, and rejects every
inconsistency with the file and line at fault.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from corpus.rewrite.catalogue_csv import (
    CatalogueError,
    check_header,
    check_term_shape,
    check_width,
    csv_rows,
    read_bytes,
)
from corpus.rewrite.profiles import (
    CUSTOM_PROFILE,
    DEFAULT_CATALOGUE_PATH,
    DEFAULT_EXCLUSIONS_PATH,
    DEFAULT_PROFILE,
    PROFILES,
    profile_of,
)

CATALOGUE_HEADER = ("term", "replacement", "category", "plural", "plural_replacement", "note")
EXCLUSIONS_HEADER = ("word", "reason")
CATEGORIES = frozenset(
    {
        "-man",
        "-men",
        "-woman",
        "-women",
        "-boy",
        "-girl",
        "-ess",
        "-ette",
        "-manship",
        "man-",
        "woman-",
        "boy-",
        "girl-",
        "-lady",
        "-master",
        "-mistress",
        "derived",
        "other",
    }
)
NO_PLURAL = "-"
# Words that make a replacement gendered on their own, besides every catalogue term and plural.
GENDERED_WORDS = frozenset(
    {
        "man",
        "men",
        "woman",
        "women",
        "boy",
        "boys",
        "girl",
        "girls",
        "lady",
        "ladies",
        "gentleman",
        "gentlemen",
        "male",
        "males",
        "female",
        "females",
        "he",
        "she",
        "him",
        "his",
        "her",
        "hers",
        "himself",
        "herself",
    }
)


class CatalogueEntry(BaseModel):
    """One gender-exclusive term, its plural, and their gender-neutral replacements."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    term: str = Field(
        description="Lowercase singular gender-exclusive form, e.g. 'chairman', 'man-made'."
    )
    replacement: str = Field(description="Gender-neutral replacement, e.g. 'chairperson'.")
    category: str = Field(
        description="Affix family (Bartl & Leavy 2024), e.g. '-man', '-ess', 'other'."
    )
    plural: str = Field(
        description="Plural of the term, derived when the file leaves it empty; '' when none."
    )
    plural_replacement: str = Field(
        description="Plural of the replacement, derived when the file leaves it empty; '' if none."
    )
    note: str = Field("", description="Free-text curation note (sense caveats, part of speech).")


class GenderCatalogue(BaseModel):
    """The loaded catalogue: entries, the exclusion guard list, and a content version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entries: tuple[CatalogueEntry, ...] = Field(description="Catalogue entries in file order.")
    exclusions: frozenset[str] = Field(
        description="Lowercase words that match an affix pattern but are not gender-exclusive."
    )
    version: str = Field(
        description="First 16 hex digits of the sha256 of the profile name and every file's bytes."
    )
    source: str = Field(description="The path(s) the catalogue was loaded from.")
    profile: str = Field(
        description="The bundled profile the files make up ('core', 'paper'), else 'custom'."
    )
    other_profile_forms: frozenset[str] = Field(
        description="Terms and plurals another bundled profile rewrites and this one deliberately "
        "leaves (the candidate scanner marks them 'other_profile'); empty for 'custom'."
    )

    def forms(self) -> frozenset[str]:
        """Every term and plural the catalogue rewrites."""
        return frozenset(
            form for entry in self.entries for form in (entry.term, entry.plural) if form
        )


def regular_plural(phrase: str) -> str:
    """Regular English plural of a phrase's last word (-man -> -men, -ess -> -esses, -y -> -ies,
    else +s)."""
    head, separator, last = phrase.rpartition(" ")
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif len(last) > 1 and last.endswith("y") and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head}{separator}{plural}"


def load_catalogue(
    path: str | os.PathLike[str] | Sequence[Path] = DEFAULT_CATALOGUE_PATH,
    exclusions_path: str | os.PathLike[str] | Sequence[Path] = DEFAULT_EXCLUSIONS_PATH,
) -> GenderCatalogue:
    """Load and validate catalogue and exclusion files (one path or several, merged in order).

    The defaults are the `core` profile's files; `load_profile` loads a profile by name. Files
    that are exactly a bundled profile's carry its name, any others the profile 'custom'.

    Raises:
        CatalogueError: naming the file, the line, the reason and the fix.
    """
    paths, exclusions_paths = _as_paths(path), _as_paths(exclusions_path)
    catalogue_bytes = [read_bytes(file, "catalogue", "--catalogue") for file in paths]
    exclusions_bytes = [read_bytes(file, "exclusions", "--exclusions") for file in exclusions_paths]
    entries, form_lines = _parse_catalogue_files(paths, catalogue_bytes)
    exclusions = _parse_exclusion_files(exclusions_paths, exclusions_bytes, form_lines)
    profile = profile_of(paths, exclusions_paths)
    digest = hashlib.sha256(profile.encode())
    for content in (*catalogue_bytes, b"", *exclusions_bytes):
        digest.update(b"\x00" + hashlib.sha256(content).digest())
    own_forms = frozenset(form_lines)
    return GenderCatalogue(
        entries=tuple(entries),
        exclusions=frozenset(exclusions),
        version=digest.hexdigest()[:16],
        source=";".join(str(file) for file in (*paths, *exclusions_paths)),
        profile=profile,
        other_profile_forms=_other_profile_forms(profile, own_forms),
    )


def _as_paths(value: str | os.PathLike[str] | Sequence[Path]) -> tuple[Path, ...]:
    if isinstance(value, str | os.PathLike):
        return (Path(value),)
    return tuple(Path(item) for item in value)


def load_profile(
    name: str = DEFAULT_PROFILE, catalogue: Path | None = None, exclusions: Path | None = None
) -> GenderCatalogue:
    """Load a bundled catalogue profile ('core' or 'paper'; see `corpus.rewrite.profiles`), with
    `catalogue` / `exclusions` (your own files) replacing the profile's where given.

    Raises:
        CatalogueError: an unknown name (naming the known ones), or a bad bundled file.
    """
    if name not in PROFILES:
        raise CatalogueError(
            f"unknown catalogue profile {name!r}. Use one of {', '.join(sorted(PROFILES))}"
        )
    profile = PROFILES[name]
    return load_catalogue(
        catalogue or profile.catalogue_paths, exclusions or profile.exclusions_paths
    )


def _other_profile_forms(profile: str, own_forms: frozenset[str]) -> frozenset[str]:
    if profile == CUSTOM_PROFILE:
        return frozenset()
    forms: set[str] = set()
    for other in PROFILES.values():
        if other.name != profile:
            paths = other.catalogue_paths
            contents = [read_bytes(file, "catalogue", "--profile") for file in paths]
            forms |= _parse_catalogue_files(paths, contents)[1].keys()
    return frozenset(forms - own_forms)


def _resolve_plural(cell: str, singular: str) -> str:
    if cell == NO_PLURAL:
        return ""
    return cell or regular_plural(singular)


def _parse_catalogue_files(
    paths: tuple[Path, ...], contents: list[bytes]
) -> tuple[list[CatalogueEntry], dict[str, tuple[Path, int]]]:
    """The merged entries of several catalogue files, and where each term and plural is defined."""
    parsed = []
    form_lines: dict[str, tuple[Path, int]] = {}
    for path, content in zip(paths, contents, strict=True):
        rows = csv_rows(path, content)
        check_header(path, rows, CATALOGUE_HEADER)
        parsed.append((path, rows[1:], _parse_entries(path, rows[1:], form_lines)))
    # After every file: a replacement may not contain a form that any of the files defines.
    for path, rows, file_entries in parsed:
        _check_replacements_neutral(path, rows, file_entries, form_lines)
    return [entry for _, _, file_entries in parsed for entry in file_entries], form_lines


def _parse_entries(
    path: Path, rows: list[tuple[int, list[str]]], form_lines: dict[str, tuple[Path, int]]
) -> list[CatalogueEntry]:
    """The entries of one file; records each form in `form_lines` (shared across files)."""
    entries: list[CatalogueEntry] = []
    for number, cells in rows:
        check_width(path, number, cells, CATALOGUE_HEADER)
        term, replacement, category, plural_cell, plural_replacement_cell, note = cells
        for column, value in (("term", term), ("replacement", replacement)):
            if not value:
                raise CatalogueError(
                    f"{path}:{number}: empty {column}. Fill it in or delete the line"
                )
        check_term_shape(path, number, "term", term)
        if category not in CATEGORIES:
            raise CatalogueError(
                f"{path}:{number}: unknown category {category!r}. "
                f"Use one of {', '.join(sorted(CATEGORIES))}"
            )
        plural = _resolve_plural(plural_cell, term)
        plural_replacement = _resolve_plural(plural_replacement_cell, replacement) if plural else ""
        if plural:
            check_term_shape(path, number, "plural", plural)
        if plural and not plural_replacement:
            raise CatalogueError(
                f"{path}:{number}: term {term!r} has the plural {plural!r} but "
                "plural_replacement is "
                f"'-'. Give the replacement's plural, or write '-' in the plural column too"
            )
        if plural == term:
            raise CatalogueError(
                f"{path}:{number}: plural {plural!r} equals the term. "
                "Write '-' for a term without plural"
            )
        for form, kind in ((term, "term"), (plural, "plural")):
            if not form:
                continue
            if form in form_lines:
                how = "" if plural_cell or kind == "term" else "derived "
                raise CatalogueError(
                    f"{path}:{number}: duplicate term: the {how}{kind} {form!r} is already "
                    f"defined {_where(form_lines[form], path)}. Keep one entry (or set an "
                    "explicit plural, '-' for none)"
                )
            form_lines[form] = (path, number)
        entries.append(
            CatalogueEntry(
                term=term,
                replacement=replacement,
                category=category,
                plural=plural,
                plural_replacement=plural_replacement,
                note=note,
            )
        )
    return entries


def _where(location: tuple[Path, int], current: Path) -> str:
    path, number = location
    return f"on line {number}" if path == current else f"in {path} on line {number}"


def _check_replacements_neutral(
    path: Path,
    rows: list[tuple[int, list[str]]],
    entries: list[CatalogueEntry],
    form_lines: dict[str, tuple[Path, int]],
) -> None:
    gendered = sorted(GENDERED_WORDS | form_lines.keys(), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, gendered)) + r")(?!\w)", re.I)
    for (number, _cells), entry in zip(rows, entries, strict=True):
        for column in ("replacement", "plural_replacement"):
            found = pattern.search(getattr(entry, column))
            if found:
                raise CatalogueError(
                    f"{path}:{number}: {column} {getattr(entry, column)!r} is itself gendered "
                    "(contains "
                    f"{found.group(0)!r}). Choose a gender-neutral replacement"
                )


def _parse_exclusion_files(
    paths: tuple[Path, ...], contents: list[bytes], form_lines: dict[str, tuple[Path, int]]
) -> set[str]:
    exclusions: dict[str, tuple[Path, int]] = {}
    for path, content in zip(paths, contents, strict=True):
        _parse_exclusions(path, content, form_lines, exclusions)
    return set(exclusions)


def _parse_exclusions(
    path: Path,
    content: bytes,
    form_lines: dict[str, tuple[Path, int]],
    exclusions: dict[str, tuple[Path, int]],
) -> None:
    """Add one file's words to `exclusions` (shared across files), rejecting overlaps."""
    rows = csv_rows(path, content)
    check_header(path, rows, EXCLUSIONS_HEADER)
    for number, cells in rows[1:]:
        check_width(path, number, cells, EXCLUSIONS_HEADER)
        word = cells[0]
        if not word:
            raise CatalogueError(f"{path}:{number}: empty word. Fill it in or delete the line")
        check_term_shape(path, number, "word", word)
        if word in form_lines:
            catalogue_path, catalogue_line = form_lines[word]
            raise CatalogueError(
                f"{path}:{number}: exclusion {word!r} is also a catalogue term (catalogue line "
                f"{catalogue_line} of {catalogue_path.name}). Remove it from one of the two files"
            )
        if word in exclusions:
            raise CatalogueError(
                f"{path}:{number}: duplicate exclusion {word!r} "
                f"(first {_where(exclusions[word], path)}). "
                "Delete one of the two lines"
            )
        exclusions[word] = (path, number)
