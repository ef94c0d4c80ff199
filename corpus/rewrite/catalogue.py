"""The catalogue of gender-exclusive terms and their gender-neutral replacements.

The method and the affix families come from Bartl & Leavy (2024), "From Showgirls to Performers:
Fine-tuning with Gender-inclusive Language for Bias Reduction in LLMs". The curated data lives in
two CSV files (`corpus/data/gender_catalogue.csv`, `corpus/data/gender_exclusions.csv`); this
module loads them, derives regular plurals, and rejects every inconsistency with the file and line
at fault.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_CATALOGUE_PATH = DATA_DIR / "gender_catalogue.csv"
DEFAULT_EXCLUSIONS_PATH = DATA_DIR / "gender_exclusions.csv"

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
_TERM_SHAPE = re.compile(r"[a-z]+(?:[ '-][a-z]+)*")


class CatalogueError(ValueError):
    """A catalogue or exclusions file that cannot be used.

    The message reads `<file>:<line>: <reason>. <fix>`.
    """


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
    version: str = Field(description="First 16 hex digits of the sha256 of both files' bytes.")
    source: str = Field(description="The path(s) the catalogue was loaded from.")


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
    path: Path = DEFAULT_CATALOGUE_PATH, exclusions_path: Path = DEFAULT_EXCLUSIONS_PATH
) -> GenderCatalogue:
    """Load and validate the catalogue and its exclusions.

    Raises:
        CatalogueError: naming the file, the line, the reason and the fix.
    """
    catalogue_bytes = _read_bytes(path, "catalogue", "--catalogue")
    exclusions_bytes = _read_bytes(exclusions_path, "exclusions", "--exclusions")
    entries, term_lines = _parse_entries(path, catalogue_bytes)
    exclusions = _parse_exclusions(exclusions_path, exclusions_bytes, term_lines)
    version = hashlib.sha256(catalogue_bytes + b"\x00" + exclusions_bytes).hexdigest()[:16]
    return GenderCatalogue(
        entries=tuple(entries),
        exclusions=frozenset(exclusions),
        version=version,
        source=f"{path};{exclusions_path}",
    )


def _read_bytes(path: Path, what: str, option: str) -> bytes:
    if not path.is_file():
        raise CatalogueError(
            f"{path}: {what} file not found. Create it or pass the right path ({option} on the CLI)"
        )
    return path.read_bytes()


def _csv_rows(path: Path, content: bytes) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-blank, non-comment line; cells are stripped."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise CatalogueError(f"{path}:{line}: not valid UTF-8. Save the file as UTF-8") from error
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            cells = next(csv.reader([line], strict=True))
        except csv.Error as error:
            raise CatalogueError(
                f"{path}:{number}: malformed CSV ({error}). Quote cells that contain commas"
            ) from error
        rows.append((number, [cell.strip() for cell in cells]))
    return rows


def _check_header(path: Path, rows: list[tuple[int, list[str]]], header: tuple[str, ...]) -> None:
    expected = ",".join(header)
    if not rows:
        raise CatalogueError(f"{path}:1: missing header. Start the file with the line '{expected}'")
    number, cells = rows[0]
    if tuple(cells) != header:
        raise CatalogueError(
            f"{path}:{number}: wrong header {','.join(cells)!r}. "
            f"The first line must be '{expected}'"
        )


def _check_width(path: Path, number: int, cells: list[str], header: tuple[str, ...]) -> None:
    if len(cells) != len(header):
        raise CatalogueError(
            f"{path}:{number}: expected {len(header)} columns ({','.join(header)}), "
            f"got {len(cells)}. "
            "Add the missing cells (empty is fine) or quote cells that contain commas"
        )


def _check_term_shape(path: Path, number: int, column: str, value: str) -> None:
    if not _TERM_SHAPE.fullmatch(value):
        raise CatalogueError(
            f"{path}:{number}: {column} {value!r} is not lowercase letters separated by single "
            "spaces, hyphens or apostrophes. Write it in lowercase; the engine preserves case "
            "itself"
        )


def _resolve_plural(cell: str, singular: str) -> str:
    if cell == NO_PLURAL:
        return ""
    return cell or regular_plural(singular)


def _parse_entries(path: Path, content: bytes) -> tuple[list[CatalogueEntry], dict[str, int]]:
    rows = _csv_rows(path, content)
    _check_header(path, rows, CATALOGUE_HEADER)
    entries: list[CatalogueEntry] = []
    form_lines: dict[str, int] = {}  # every term and plural -> the line that defines it
    for number, cells in rows[1:]:
        _check_width(path, number, cells, CATALOGUE_HEADER)
        term, replacement, category, plural_cell, plural_replacement_cell, note = cells
        for column, value in (("term", term), ("replacement", replacement)):
            if not value:
                raise CatalogueError(
                    f"{path}:{number}: empty {column}. Fill it in or delete the line"
                )
        _check_term_shape(path, number, "term", term)
        if category not in CATEGORIES:
            raise CatalogueError(
                f"{path}:{number}: unknown category {category!r}. "
                f"Use one of {', '.join(sorted(CATEGORIES))}"
            )
        plural = _resolve_plural(plural_cell, term)
        plural_replacement = _resolve_plural(plural_replacement_cell, replacement) if plural else ""
        if plural:
            _check_term_shape(path, number, "plural", plural)
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
                    f"defined on line {form_lines[form]}. Keep one entry (or set an explicit "
                    "plural, '-' for none)"
                )
            form_lines[form] = number
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
    _check_replacements_neutral(path, rows[1:], entries, form_lines)
    return entries, form_lines


def _check_replacements_neutral(
    path: Path,
    rows: list[tuple[int, list[str]]],
    entries: list[CatalogueEntry],
    form_lines: dict[str, int],
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


def _parse_exclusions(path: Path, content: bytes, form_lines: dict[str, int]) -> set[str]:
    rows = _csv_rows(path, content)
    _check_header(path, rows, EXCLUSIONS_HEADER)
    exclusions: dict[str, int] = {}
    for number, cells in rows[1:]:
        _check_width(path, number, cells, EXCLUSIONS_HEADER)
        word = cells[0]
        if not word:
            raise CatalogueError(f"{path}:{number}: empty word. Fill it in or delete the line")
        _check_term_shape(path, number, "word", word)
        if word in form_lines:
            raise CatalogueError(
                f"{path}:{number}: exclusion {word!r} is also a catalogue term (catalogue line "
                f"{form_lines[word]}). Remove it from one of the two files"
            )
        if word in exclusions:
            raise CatalogueError(
                f"{path}:{number}: duplicate exclusion {word!r} "
                f"(first on line {exclusions[word]}). "
                "Delete one of the two lines"
            )
        exclusions[word] = number
    return set(exclusions)
