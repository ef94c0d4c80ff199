"""Checks on the curated data files in corpus/data, read with the csv module only.

The rewrite engine and the term candidate scanner trust these files; a malformed row, a gendered
replacement or a term that is also an exclusion would silently corrupt every rewritten shard.
"""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from corpus.rewrite.catalogue import CATALOGUE_HEADER, EXCLUSIONS_HEADER
from corpus.rewrite.catalogue import CATEGORIES as ALLOWED_CATEGORIES

DATA_DIR = Path(__file__).resolve().parents[3] / "corpus" / "data"
CATALOGUE_PATH = DATA_DIR / "gender_catalogue.csv"
PAPER_CATALOGUE_PATH = DATA_DIR / "gender_catalogue_paper.csv"  # the 'paper' profile's additions
EXCLUSIONS_PATH = DATA_DIR / "gender_exclusions.csv"

# Whole words that mark a gender; no replacement may contain one.
GENDERED_WORD = re.compile(
    r"(?<![a-z])(?:m[ae]n|wom[ae]n|boys?|girls?|s?he|him|himself|her|hers|herself|his"
    r"|lady|ladies|gentlem[ae]n|(?:fe)?male|guys?|lords?|sir|madam|mister|miss|mrs"
    r"|kings?|queens?|princes?|princess|(?:fa|mo|bro)thers?|sisters?|sons?|daughters?"
    r"|husbands?|wife|wives|maids?|mistress|masculine|feminine|brides?|bachelors?"
    r"|spinsters?|widows?|widowers?)(?![a-z])"
)
# Replacements that the rewrite engine's test pairs rely on (the shared catalogue contract).
PINNED_REPLACEMENTS = """
chairman -> chairperson
chairwoman -> chairperson
policeman -> police officer
policewoman -> police officer
fireman -> firefighter
stewardess -> flight attendant
air hostess -> flight attendant
hitman -> assassin
huntsman -> hunter
man-made -> human-made
manpower -> workforce
mankind -> humankind
actress -> actor
waitress -> server
mailman -> mail carrier
postman -> mail carrier
fisherman -> fisher
foreman -> supervisor
salesman -> salesperson
saleswoman -> salesperson
spokesman -> spokesperson
spokeswoman -> spokesperson
congressman -> member of congress
congresswoman -> member of congress
businessman -> businessperson
businesswoman -> businessperson
cameraman -> camera operator
weatherman -> meteorologist
anchorman -> anchor
newsboy -> newspaper carrier
paperboy -> newspaper carrier
schoolboy -> student
schoolgirl -> student
usherette -> usher
headmaster -> head teacher
headmistress -> head teacher
heroine -> hero
hostess -> host
ombudsman -> ombudsperson
barman -> bartender
barmaid -> bartender
doorman -> door attendant
sportsman -> athlete
sportswoman -> athlete
craftsman -> artisan
workman -> worker
layman -> layperson
freshman -> first-year student
middleman -> intermediary
repairman -> repairer
cleaning lady -> cleaner
manhole -> maintenance hole
manhunt -> search
alderman -> council member
councilman -> council member
councilwoman -> council member
juryman -> juror
linesman -> line judge
statesman -> statesperson
tradesman -> tradesperson
manageress -> manager
mayoress -> mayor
authoress -> author
poetess -> poet
sculptress -> sculptor
heiress -> heir
countryman -> compatriot
cowboy -> cowhand
seaman -> sailor
airman -> aviator
patrolman -> patrol officer
garbageman -> sanitation worker
dustman -> sanitation worker
watchman -> guard
nobleman -> noble
frontiersman -> frontier settler
showgirl -> performer
workmanship -> craft
sportsmanship -> fair play
chairmanship -> chair
manned -> crewed
"""
PINNED = dict(line.split(" -> ") for line in PINNED_REPLACEMENTS.strip().splitlines())


def read_data_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return a data file's header and rows, skipping '#' comment lines as the loader does."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines)
    rows = list(reader)
    return list(reader.fieldnames or []), rows


@pytest.fixture(scope="module")
def catalogue() -> list[dict[str, str]]:
    """Both catalogue files' rows: the checks hold for the 'paper' profile (core's superset)."""
    rows = []
    for path in (CATALOGUE_PATH, PAPER_CATALOGUE_PATH):
        header, file_rows = read_data_rows(path)
        assert tuple(header) == CATALOGUE_HEADER
        rows += file_rows
    return rows


@pytest.fixture(scope="module")
def exclusions() -> list[dict[str, str]]:
    header, rows = read_data_rows(EXCLUSIONS_PATH)
    assert tuple(header) == EXCLUSIONS_HEADER
    return rows


def test_every_catalogue_row_has_all_columns(catalogue: list[dict[str, str]]) -> None:
    malformed = [row for row in catalogue if None in row or None in row.values()]
    assert malformed == []


def test_catalogue_is_large_enough(catalogue: list[dict[str, str]]) -> None:
    assert len(catalogue) >= 350


def test_terms_are_unique_lowercase_and_trimmed(catalogue: list[dict[str, str]]) -> None:
    terms = [row["term"] for row in catalogue]
    duplicates = [term for term, count in Counter(terms).items() if count > 1]
    assert duplicates == []
    assert [term for term in terms if term != term.strip().lower() or not term] == []


def test_replacements_are_non_empty_lowercase_and_differ_from_term(
    catalogue: list[dict[str, str]],
) -> None:
    bad = [
        row["term"]
        for row in catalogue
        if not row["replacement"].strip()
        or row["replacement"] != row["replacement"].strip().lower()
        or row["replacement"] == row["term"]
    ]
    assert bad == []


def test_categories_are_allowed(catalogue: list[dict[str, str]]) -> None:
    assert {row["category"] for row in catalogue} <= ALLOWED_CATEGORIES


def test_no_replacement_contains_a_gendered_word(catalogue: list[dict[str, str]]) -> None:
    gendered = {
        row["term"]: found.group()
        for row in catalogue
        for field in ("replacement", "plural_replacement")
        if (found := GENDERED_WORD.search(row[field])) is not None
    }
    assert gendered == {}


def test_no_replacement_contains_a_catalogue_term(catalogue: list[dict[str, str]]) -> None:
    # Whole words only: a hyphen or a space is a boundary ("human-made" does not contain "man").
    terms_longest_first = sorted((row["term"] for row in catalogue), key=len, reverse=True)
    term_alternatives = "|".join(re.escape(term) for term in terms_longest_first)
    term_pattern = re.compile(rf"(?<![a-z])(?:{term_alternatives})(?![a-z])")
    offending = {
        row["term"]: found.group()
        for row in catalogue
        if (found := term_pattern.search(row["replacement"])) is not None
    }
    assert offending == {}


def test_uncountable_terms_have_uncountable_replacements(catalogue: list[dict[str, str]]) -> None:
    inconsistent = [
        row["term"]
        for row in catalogue
        if (row["plural"] == "-") != (row["plural_replacement"] == "-")
    ]
    assert inconsistent == []


@pytest.mark.parametrize(("term", "replacement"), sorted(PINNED.items()))
def test_pinned_replacement(catalogue: list[dict[str, str]], term: str, replacement: str) -> None:
    by_term = {row["term"]: row["replacement"] for row in catalogue}
    assert by_term.get(term) == replacement


def test_congressman_plural_replacement_is_members_of_congress(
    catalogue: list[dict[str, str]],
) -> None:
    by_term = {row["term"]: row for row in catalogue}
    assert by_term["congressman"]["plural_replacement"] == "members of congress"


def test_ambiguous_verb_to_man_is_not_listed(catalogue: list[dict[str, str]]) -> None:
    assert {"man", "to man", "man made"} & {row["term"] for row in catalogue} == set()


def test_exclusions_are_unique_lowercase_with_reasons(exclusions: list[dict[str, str]]) -> None:
    words = [row["word"] for row in exclusions]
    assert [word for word, count in Counter(words).items() if count > 1] == []
    assert [word for word in words if word != word.strip().lower() or not word] == []
    assert [row["word"] for row in exclusions if not (row["reason"] or "").strip()] == []
    assert len(exclusions) >= 150


def test_no_exclusion_is_also_a_catalogue_term(
    catalogue: list[dict[str, str]], exclusions: list[dict[str, str]]
) -> None:
    terms = {row["term"] for row in catalogue}
    assert {row["word"] for row in exclusions} & terms == set()
