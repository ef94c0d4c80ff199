"""The term-candidate scanner: affix matching, counts, status, examples, order."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from corpus.rewrite import (
    CANDIDATE_SCHEMA,
    GenderCatalogue,
    affix_pattern,
    find_term_candidates,
    load_catalogue,
)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> GenderCatalogue:
    folder = tmp_path_factory.mktemp("catalogue")
    (folder / "catalogue.csv").write_text(
        "term,replacement,category,plural,plural_replacement,note\n"
        "chairman,chairperson,-man,,,\n"
        "actress,actor,-ess,,,\n"
        "man-made,human-made,man-,-,,\n",
        encoding="utf-8",
    )
    (folder / "exclusions.csv").write_text(
        "word,reason\nhuman,not gendered\nmanager,not gendered\n", encoding="utf-8"
    )
    return load_catalogue(folder / "catalogue.csv", folder / "exclusions.csv")


def documents(*texts: str) -> pl.DataFrame:
    return pl.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(texts))], "shard": "s", "text": list(texts)}
    )


@pytest.mark.parametrize(
    ("word", "pattern"),
    [
        ("chairman", "-man"),
        ("chairwomen", "-women"),
        ("sportsmanship", "-manship"),
        ("headmistresses", "-mistress"),
        ("actress", "-ess"),
        ("usherettes", "-ette"),
        ("schoolboys", "-boy"),
        ("cleaning-lady", "-lady"),
        ("mankind", "man-"),
        ("girlhood", "girl-"),
        ("spider-man", "-man"),
        ("man-made", "man-"),
        ("happiness", None),
        ("homeless", None),
        ("man", None),
        ("women", None),
    ],
)
def test_affix_pattern(word: str, pattern: str | None) -> None:
    assert affix_pattern(word) == pattern


def test_counts_status_and_order(catalogue: GenderCatalogue) -> None:
    frame = find_term_candidates(
        documents(
            "The Chairman and two chairmen met a human and the managers.",
            "A chairman, an actress and a snowman. Happiness is business as usual.",
            "The snowman melted; the snowman was gone. Man-made lakes.",
        ),
        catalogue,
    )
    assert frame.schema == pl.Schema(CANDIDATE_SCHEMA)
    rows = {row["word"]: row for row in frame.iter_rows(named=True)}
    assert set(rows) == {
        "chairman",
        "chairmen",
        "actress",
        "man-made",
        "human",
        "managers",
        "snowman",
    }
    assert (rows["chairman"]["frequency"], rows["chairman"]["n_documents"]) == (2, 2)
    assert (rows["snowman"]["frequency"], rows["snowman"]["n_documents"]) == (3, 2)
    assert {word: row["status"] for word, row in rows.items()} == {
        "chairman": "catalogue",
        "chairmen": "catalogue",
        "actress": "catalogue",
        "man-made": "catalogue",
        "human": "excluded",
        "managers": "excluded",
        "snowman": "unreviewed",
    }
    assert rows["managers"]["pattern"] == "man-" and rows["chairmen"]["pattern"] == "-men"
    assert frame["status"].to_list() == sorted(
        frame["status"].to_list(), key=["catalogue", "excluded", "unreviewed"].index
    )
    catalogued = frame.filter(pl.col("status") == "catalogue")
    assert catalogued["word"][0] == "chairman"  # the most frequent first within a status


def test_examples_are_bounded_contexts_from_different_documents(catalogue: GenderCatalogue) -> None:
    texts = [
        f"Story {i}: the snowman stood in the garden all winter long, then melted."
        for i in range(6)
    ]
    texts.insert(1, "The snowman, the snowman and the snowman.")
    frame = find_term_candidates(documents(*texts), catalogue, max_examples=2, context_chars=10)
    examples = frame.filter(pl.col("word") == "snowman")["examples"].item().to_list()
    assert examples == ["ry 0: the snowman stood in", "The snowman, the snow"]
    assert all(len(example) <= len("snowman") + 20 for example in examples)


def test_no_candidates_gives_an_empty_typed_frame(catalogue: GenderCatalogue) -> None:
    empty = find_term_candidates(documents("Nothing to see.", ""), catalogue)
    assert empty.is_empty() and empty.schema == pl.Schema(CANDIDATE_SCHEMA)
    assert find_term_candidates(documents(), catalogue).schema == pl.Schema(CANDIDATE_SCHEMA)


def test_scans_a_bundled_catalogue_when_present(tmp_path: Path) -> None:
    from corpus.rewrite import DEFAULT_CATALOGUE_PATH, DEFAULT_EXCLUSIONS_PATH

    if not (DEFAULT_CATALOGUE_PATH.is_file() and DEFAULT_EXCLUSIONS_PATH.is_file()):
        pytest.skip("corpus/data catalogue files not written yet")
    frame = find_term_candidates(
        documents("The Fireman met a German shaman and a snowboarder."), load_catalogue()
    )
    status = dict(zip(frame["word"], frame["status"], strict=True))
    assert status["fireman"] == "catalogue"
    assert status["german"] == status["shaman"] == "excluded"
