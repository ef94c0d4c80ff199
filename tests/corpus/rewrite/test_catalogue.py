"""The catalogue loader: every validation error names the file and line; plurals; version."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.rewrite import (
    DEFAULT_CATALOGUE_PATH,
    DEFAULT_EXCLUSIONS_PATH,
    CatalogueError,
    load_catalogue,
    regular_plural,
)

HEADER = "term,replacement,category,plural,plural_replacement,note\n"
EXCLUSIONS = "word,reason\nhuman,not gendered\n"


def write(tmp_path: Path, catalogue_body: str, exclusions: str = EXCLUSIONS, header: str = HEADER):
    catalogue = tmp_path / "catalogue.csv"
    catalogue.write_text(header + catalogue_body, encoding="utf-8")
    exclusions_path = tmp_path / "exclusions.csv"
    exclusions_path.write_text(exclusions, encoding="utf-8")
    return catalogue, exclusions_path


def test_loads_entries_and_derives_regular_plurals(tmp_path: Path) -> None:
    catalogue = load_catalogue(
        *write(
            tmp_path,
            "# a comment line\n"
            "chairman,chairperson,-man,,,\n"
            "stewardess,flight attendant,-ess,,,\n"
            "cleaning lady,cleaner,-lady,,,\n"
            "congressman,member of congress,-man,,members of congress,\n"
            'man-made,human-made,man-,-,,"adjective, no plural"\n',
        )
    )
    entries = {entry.term: entry for entry in catalogue.entries}
    assert (entries["chairman"].plural, entries["chairman"].plural_replacement) == (
        "chairmen",
        "chairpersons",
    )
    assert entries["stewardess"].plural == "stewardesses"
    assert entries["stewardess"].plural_replacement == "flight attendants"
    assert entries["cleaning lady"].plural == "cleaning ladies"
    assert entries["congressman"].plural_replacement == "members of congress"
    assert (entries["man-made"].plural, entries["man-made"].plural_replacement) == ("", "")
    assert entries["man-made"].note == "adjective, no plural"
    assert catalogue.exclusions == frozenset({"human"})
    assert "catalogue.csv" in catalogue.source and "exclusions.csv" in catalogue.source


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("fireman", "firemen"),
        ("policewoman", "policewomen"),
        ("actress", "actresses"),
        ("intermediary", "intermediaries"),
        ("police officer", "police officers"),
        ("search", "searches"),
        ("day", "days"),
    ],
)
def test_regular_plural(singular: str, plural: str) -> None:
    assert regular_plural(singular) == plural


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        ("chairman,chairperson,-man,,\n", 2, "expected 6 columns"),
        ("chairman,chairperson,-man,,,,\n", 2, "expected 6 columns"),
        ("chairman,chairperson,-man,,,\nchairman,chair,-man,,,\n", 3, "duplicate term"),
        ("chairmen,chairpersons,-men,-,,\nchairman,chairperson,-man,,,\n", 3, "derived plural"),
        (",chairperson,-man,,,\n", 2, "empty term"),
        ("chairman,,-man,,,\n", 2, "empty replacement"),
        ("chairman,chairperson,-men-ish,,,\n", 2, "unknown category"),
        ("Chairman,chairperson,-man,,,\n", 2, "not lowercase"),
        ("chairman,chair man,-man,,,\n", 2, "itself gendered"),
        ("hostess,hostess,-ess,,,\n", 2, "itself gendered"),
        ("fireman,firefighter,-man,,,\nchairman,head fireman,-man,,,\n", 3, "itself gendered"),
        ("actress,actor,-ess,,she-actors,\n", 2, "itself gendered"),
        ("chairman,chairperson,-man,,-,\n", 2, "plural_replacement is '-'"),
        ("chairman,chairperson,-man,chairman,,\n", 2, "equals the term"),
        ('chairman,"chair"person,-man,,,\n', 2, "malformed CSV"),
    ],
)
def test_catalogue_errors_name_file_line_and_reason(
    tmp_path: Path, body: str, line: int, reason: str
) -> None:
    catalogue, exclusions = write(tmp_path, body)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(catalogue, exclusions)
    message = str(error.value)
    assert message.startswith(f"{catalogue}:{line}: ")
    assert reason in message


@pytest.mark.parametrize(
    "header",
    ["term,replacement,category,plural,note\n", "word,reason\n", "", "# only a comment\n"],
)
def test_wrong_or_missing_catalogue_header(tmp_path: Path, header: str) -> None:
    catalogue, exclusions = write(tmp_path, "chairman,chairperson,-man,,,\n", header=header)
    with pytest.raises(CatalogueError, match=r"catalogue\.csv:\d+: (wrong|missing) header"):
        load_catalogue(catalogue, exclusions)


@pytest.mark.parametrize(
    ("exclusions", "line", "reason"),
    [
        ("word\nhuman\n", 1, "wrong header"),
        ("word,reason\nhuman\n", 2, "expected 2 columns"),
        ("word,reason\n,empty\n", 2, "empty word"),
        ("word,reason\nhuman,a\nchairman,oops\n", 3, "also a catalogue term"),
        ("word,reason\nchairmen,plural of a term\n", 2, "also a catalogue term"),
        ("word,reason\nhuman,a\nhuman,b\n", 3, "duplicate exclusion"),
    ],
)
def test_exclusion_errors_name_file_line_and_reason(
    tmp_path: Path, exclusions: str, line: int, reason: str
) -> None:
    catalogue, exclusions_path = write(tmp_path, "chairman,chairperson,-man,,,\n", exclusions)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(catalogue, exclusions_path)
    assert str(error.value).startswith(f"{exclusions_path}:{line}: ")
    assert reason in str(error.value)


def test_missing_files_are_named(tmp_path: Path) -> None:
    catalogue, exclusions = write(tmp_path, "chairman,chairperson,-man,,,\n")
    with pytest.raises(CatalogueError, match="nowhere.csv: catalogue file not found"):
        load_catalogue(tmp_path / "nowhere.csv", exclusions)
    with pytest.raises(CatalogueError, match="absent.csv: exclusions file not found"):
        load_catalogue(catalogue, tmp_path / "absent.csv")


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    catalogue, exclusions = write(tmp_path, "chairman,chairperson,-man,,,\n")
    catalogue.write_bytes(
        HEADER.encode() + b"chairman,chairperson,-man,,,\nfire\xffman,x,-man,,,\n"
    )
    with pytest.raises(CatalogueError, match=r"catalogue\.csv:3: not valid UTF-8"):
        load_catalogue(catalogue, exclusions)


def test_version_follows_the_content_of_both_files(tmp_path: Path) -> None:
    catalogue, exclusions = write(tmp_path, "chairman,chairperson,-man,,,\n")
    first = load_catalogue(catalogue, exclusions).version
    assert len(first) == 16 and int(first, 16) >= 0
    assert load_catalogue(catalogue, exclusions).version == first
    catalogue.write_text(HEADER + "chairman,chair,-man,,,\n", encoding="utf-8")
    second = load_catalogue(catalogue, exclusions).version
    exclusions.write_text(EXCLUSIONS + "german,nationality\n", encoding="utf-8")
    third = load_catalogue(catalogue, exclusions).version
    assert len({first, second, third}) == 3


@pytest.mark.skipif(
    not (DEFAULT_CATALOGUE_PATH.is_file() and DEFAULT_EXCLUSIONS_PATH.is_file()),
    reason="corpus/data/gender_catalogue.csv or gender_exclusions.csv not written yet",
)
def test_bundled_data_files_load() -> None:
    catalogue = load_catalogue()
    terms = {entry.term: entry for entry in catalogue.entries}
    assert len(terms) == len(catalogue.entries) > 50
    assert terms["chairman"].replacement == "chairperson"
    assert terms["chairman"].plural_replacement == "chairpersons"
    assert "human" in catalogue.exclusions and not catalogue.exclusions & terms.keys()
