"""Reading the curated CSV files line by line, with errors that name the file, line and fix."""

from __future__ import annotations

import csv
import re
from pathlib import Path

TERM_SHAPE = re.compile(r"[a-z]+(?:[ '-][a-z]+)*")


class CatalogueError(ValueError):
    """A catalogue or exclusions file that cannot be used.

    The message reads `<file>:<line>: <reason>. <fix>`.
    """


def read_bytes(path: Path, what: str, option: str) -> bytes:
    if not path.is_file():
        raise CatalogueError(
            f"{path}: {what} file not found. Create it or pass the right path ({option} on the CLI)"
        )
    return path.read_bytes()


def csv_rows(path: Path, content: bytes) -> list[tuple[int, list[str]]]:
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


def check_header(path: Path, rows: list[tuple[int, list[str]]], header: tuple[str, ...]) -> None:
    expected = ",".join(header)
    if not rows:
        raise CatalogueError(f"{path}:1: missing header. Start the file with the line '{expected}'")
    number, cells = rows[0]
    if tuple(cells) != header:
        raise CatalogueError(
            f"{path}:{number}: wrong header {','.join(cells)!r}. "
            f"The first line must be '{expected}'"
        )


def check_width(path: Path, number: int, cells: list[str], header: tuple[str, ...]) -> None:
    if len(cells) != len(header):
        raise CatalogueError(
            f"{path}:{number}: expected {len(header)} columns ({','.join(header)}), "
            f"got {len(cells)}. "
            "Add the missing cells (empty is fine) or quote cells that contain commas"
        )


def check_term_shape(path: Path, number: int, column: str, value: str) -> None:
    if not TERM_SHAPE.fullmatch(value):
        raise CatalogueError(
            f"{path}:{number}: {column} {value!r} is not lowercase letters separated by single "
            "spaces, hyphens or apostrophes. Write it in lowercase; the engine preserves case "
            "itself"
        )
