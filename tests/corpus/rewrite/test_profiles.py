"""Catalogue profiles: what 'paper' adds to 'core', family by family, and how one is chosen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from corpus.rewrite import (
    CUSTOM_PROFILE,
    DEFAULT_EXCLUSIONS_PATH,
    PROFILES,
    CatalogueError,
    GenderCatalogue,
    RewriteConfig,
    Rewriter,
    catalogue_from_frame,
    catalogue_to_frame,
    find_term_candidates,
    load_catalogue,
    load_profile,
)
from corpus.settings import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[3]
HEADER = "term,replacement,category,plural,plural_replacement,note\n"

# One sentence per affix family the paper profile adds, written for this test, and its rewrite;
# core leaves the sentences as they are, except where a core term is part of a longer paper term.
CORE_REWRITES = {
    "A senior aircraftman and two national guardsmen stood guard.": (
        "A senior aircraftman and two national guards stood guard."
    ),
    "The third baseman threw to the defencemen; the offensive lineman blocked.": (
        "The third baseman threw to the defencemen; the offensive line worker blocked."
    ),
}
FAMILY_SENTENCES = {
    "-boy/-girl compounds": (
        "Two ploughboys and the head girl waved at the paper boy.",
        "Two farmhands and the head student waved at the newspaper carrier.",
    ),
    "-man ranks": (
        "A senior aircraftman and two national guardsmen stood guard.",
        "An air specialist and two national guard members stood guard.",
    ),
    "-man roles": (
        "The ragman was a family man and a man of action.",
        "The rag collector was a family person and a person of action.",
    ),
    "-man sports positions": (
        "The third baseman threw to the defencemen; the offensive lineman blocked.",
        "The third base player threw to the defenders; the offensive line player blocked.",
    ),
    "-man objects": (
        "The children built snowmen and a gingerbread man; mind the mantrap.",
        "The children built snow figures and a gingerbread figure; mind the trap.",
    ),
    "-manship nouns": (
        "Gamesmanship and one-upmanship spoiled the match.",
        "Game-playing and one-upping spoiled the match.",
    ),
    "man- compounds": (
        "The job took forty man-weeks of man-management.",
        "The job took forty person-weeks of people management.",
    ),
    "-woman compounds": (
        "A spacewoman, a career woman and two con women met.",
        "An astronaut, a professional and two con artists met.",
    ),
    "derived adjectives and adverbs": (
        "She smiled boyishly; his manliness and gentlemanly manners were unladylike.",
        "She smiled youthfully; his strength and courteous manners were ill-mannered.",
    ),
}


@pytest.fixture(scope="module")
def core() -> GenderCatalogue:
    return load_profile("core")


@pytest.fixture(scope="module")
def paper() -> GenderCatalogue:
    return load_profile("paper")


@pytest.mark.parametrize("family", sorted(FAMILY_SENTENCES))
def test_paper_rewrites_each_family_core_leaves_it(
    family: str, core: GenderCatalogue, paper: GenderCatalogue
) -> None:
    sentence, expected = FAMILY_SENTENCES[family]
    nouns_only = RewriteConfig(pronouns=False)
    assert Rewriter(paper, nouns_only).rewrite(sentence).text == expected
    core_expected = CORE_REWRITES.get(sentence, sentence)
    assert Rewriter(core, nouns_only).rewrite(sentence).text == core_expected


def test_paper_is_core_plus_its_own_file(core: GenderCatalogue, paper: GenderCatalogue) -> None:
    assert (core.profile, paper.profile) == ("core", "paper")
    assert paper.entries[: len(core.entries)] == core.entries
    assert len(paper.entries) > len(core.entries) + 150
    assert paper.exclusions == core.exclusions
    assert paper.version != core.version
    # What only paper rewrites is known to core, so its candidate review does not flag it.
    assert core.other_profile_forms == paper.forms() - core.forms()
    assert {"ploughboy", "ploughboys", "manly"} <= core.other_profile_forms
    assert paper.other_profile_forms == frozenset()


def test_the_bundled_files_are_labelled_with_their_profile() -> None:
    core_files = PROFILES["core"]
    assert load_catalogue().profile == "core"  # load_catalogue's defaults are core's files
    mixed = load_catalogue(core_files.catalogue_paths[0], DEFAULT_EXCLUSIONS_PATH)
    assert mixed.profile == "core"


def test_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(CatalogueError, match=r"unknown catalogue profile 'full'.*core, paper"):
        load_profile("full")


def test_files_of_your_own_are_custom_and_merge_in_order(tmp_path: Path) -> None:
    first, second, exclusions = (tmp_path / n for n in ("a.csv", "b.csv", "ex.csv"))
    first.write_text(HEADER + "chairman,chairperson,-man,,,\n", encoding="utf-8")
    second.write_text(HEADER + "ploughboy,farmhand,-boy,,,\n", encoding="utf-8")
    exclusions.write_text("word,reason\nhuman,not gendered\n", encoding="utf-8")
    catalogue = load_catalogue([first, second], exclusions)
    assert catalogue.profile == CUSTOM_PROFILE and catalogue.other_profile_forms == frozenset()
    assert [entry.term for entry in catalogue.entries] == ["chairman", "ploughboy"]
    assert load_catalogue([second, first], exclusions).version != catalogue.version


def test_a_form_defined_in_two_files_names_both(tmp_path: Path) -> None:
    first, second, exclusions = (tmp_path / n for n in ("a.csv", "b.csv", "ex.csv"))
    first.write_text(HEADER + "chairman,chairperson,-man,,,\n", encoding="utf-8")
    second.write_text(HEADER + "# comment\nchairmen,chairs,-men,-,-,\n", encoding="utf-8")
    exclusions.write_text("word,reason\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"b\.csv:3: duplicate term.*'chairmen'.*in .*a\.csv"):
        load_catalogue([first, second], exclusions)


def test_a_replacement_may_not_be_a_term_of_a_later_file(tmp_path: Path) -> None:
    first, second, exclusions = (tmp_path / n for n in ("a.csv", "b.csv", "ex.csv"))
    first.write_text(HEADER + "chairman,chair boy,-man,,,\n", encoding="utf-8")
    second.write_text(HEADER + "chair boy,chair,-boy,,,\n", encoding="utf-8")
    exclusions.write_text("word,reason\n", encoding="utf-8")
    with pytest.raises(
        CatalogueError, match=r"a\.csv:2: replacement 'chair boy' is itself gendered"
    ):
        load_catalogue([first, second], exclusions)


def test_the_table_keeps_profile_and_other_profile_forms(core: GenderCatalogue) -> None:
    frame = catalogue_to_frame(core)
    assert frame.filter(pl.col("kind") == "profile")["term"].to_list() == ["core"]
    assert catalogue_from_frame(frame) == core
    before_profiles = frame.filter(pl.col("kind").is_in(["entry", "exclusion"]))
    with pytest.raises(ValueError, match="no profile row.*materialize gender_catalogue again"):
        catalogue_from_frame(before_profiles)


def test_candidates_surface_what_neither_profile_covers(
    core: GenderCatalogue, paper: GenderCatalogue
) -> None:
    documents = pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": [
                "The dustwoman and the ploughboy walked on; a boyishly bright smile.",
                "A tomboy, a chairman and another dustwoman: the girlishest grin.",
            ],
        }
    )
    under = {
        name: dict(find_term_candidates(documents, catalogue).select("word", "status").iter_rows())
        for name, catalogue in (("core", core), ("paper", paper))
    }
    assert under["core"]["dustwoman"] == under["paper"]["dustwoman"] == "unreviewed"
    assert (under["core"]["ploughboy"], under["paper"]["ploughboy"]) == (
        "other_profile",
        "catalogue",
    )
    assert (under["core"]["boyishly"], under["paper"]["boyishly"]) == ("other_profile", "catalogue")
    assert under["core"]["tomboy"] == under["paper"]["tomboy"] == "excluded"
    assert under["paper"]["chairman"] == "catalogue"
    frame = find_term_candidates(documents, paper)
    assert frame.filter(pl.col("word") == "boyishly")["pattern"].item() == "derived"


def write_preset(tmp_path: Path, catalogue_section: str) -> Path:
    preset = tmp_path / "preset.yaml"
    preset.write_text(catalogue_section, encoding="utf-8")
    return preset


def test_preset_selects_the_profile_and_defaults_to_paper(tmp_path: Path) -> None:
    assert load_settings(write_preset(tmp_path, "{}\n")).catalogue.load().profile == "paper"
    core = load_settings(write_preset(tmp_path, "catalogue:\n  profile: core\n"))
    assert core.catalogue.load().profile == "core"
    with pytest.raises(SettingsError, match=r"catalogue\.profile: Input should be 'core' or"):
        load_settings(write_preset(tmp_path, "catalogue:\n  profile: full\n"))


def test_preset_with_own_files_is_custom_and_excludes_a_profile(tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text(HEADER + "chairman,chair,-man,,,\n", encoding="utf-8")
    own = load_settings(write_preset(tmp_path, "catalogue:\n  path: mine.csv\n"))
    catalogue = own.catalogue.load()
    assert catalogue.profile == CUSTOM_PROFILE and len(catalogue.entries) == 1
    assert catalogue.exclusions == load_profile("core").exclusions  # the bundled exclusions
    both = "catalogue:\n  profile: core\n  path: mine.csv\n"
    with pytest.raises(SettingsError, match="profile and catalogue.path both given.*remove one"):
        load_settings(write_preset(tmp_path, both))


def run_cli(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "corpus.rewrite", "--no-pronouns", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )


def test_cli_profile_option(tmp_path: Path) -> None:
    text = b"The chairman praised the ploughboy's sportswomanship.\n"
    default, core = run_cli(stdin=text), run_cli("--profile", "core", stdin=text)
    assert default.returncode == core.returncode == 0, default.stderr + core.stderr
    assert default.stdout == b"The chairperson praised the farmhand's fair play.\n"
    assert core.stdout == b"The chairperson praised the ploughboy's sportswomanship.\n"
    mine = tmp_path / "mine.csv"
    mine.write_text(HEADER + "chairman,chair,-man,,,\n", encoding="utf-8")
    both = run_cli("--profile", "core", "--catalogue", str(mine), stdin=text)
    assert both.returncode == 2 and b"--profile and --catalogue both given" in both.stderr
    unknown = run_cli("--profile", "full", stdin=text)
    assert unknown.returncode == 2 and b"invalid choice: 'full'" in unknown.stderr
