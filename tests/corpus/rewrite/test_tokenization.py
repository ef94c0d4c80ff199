"""Tokenization-aware rewriting: WikiText and PTB text keeps its tokenization and agrees, and a
shard's tokenization is detected from a sample of it. Every example is written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.ingest import ReaderConfig
from corpus.rewrite import GenderCatalogue, Rewriter, load_catalogue
from corpus.rewrite.tokenization import (
    DETECTION_SAMPLE_CHARS,
    TokenizedRewriter,
    detect_tokenization,
    tokenization_aware,
)

CATALOGUE_CSV = """term,replacement,category,plural,plural_replacement,note
chairman,chairperson,-man,,,
fireman,firefighter,-man,,,
man-made,human-made,man-,-,,adjective
freshman,first-year student,-man,,,
salesman,salesperson,-man,,salespeople,
"""
EXCLUSIONS_CSV = "word,reason\nhuman,not gendered\n"


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> GenderCatalogue:
    folder = tmp_path_factory.mktemp("catalogue")
    (folder / "catalogue.csv").write_text(CATALOGUE_CSV, encoding="utf-8")
    (folder / "exclusions.csv").write_text(EXCLUSIONS_CSV, encoding="utf-8")
    return load_catalogue(folder / "catalogue.csv", folder / "exclusions.csv")


@pytest.fixture(scope="module")
def plain(catalogue: GenderCatalogue) -> Rewriter:
    return Rewriter(catalogue)


@pytest.fixture(scope="module")
def ptb(plain: Rewriter) -> TokenizedRewriter:
    return TokenizedRewriter(plain, "ptb")


@pytest.fixture(scope="module")
def wikitext(plain: Rewriter) -> TokenizedRewriter:
    return TokenizedRewriter(plain, "wikitext")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he 's tired after the match .", "they 're tired after the match ."),
        ("she 's lived here for years .", "they 've lived here for years ."),
        ("she does n't eat meat .", "they do n't eat meat ."),
        ("he has n't replied .", "they have n't replied ."),
        ("he is n't home .", "they are n't home ."),
        ("she was n't invited .", "they were n't invited ."),
        ("she doesn 't drive .", "they don 't drive ."),
        ("he hasn 't paid .", "they haven 't paid ."),
        ("he ' s on the train .", "they ' re on the train ."),
        ("he doesn ' t know .", "they don ' t know ."),
        ("she 'll phone later .", "they 'll phone later ."),
        ("he 'd left already .", "they 'd left already ."),
        ("Does n't he cook ?", "Do n't they cook ?"),
        ("Is n't she the chairman ?", "Are n't they the chairperson ?"),
        ("HE 'S LATE .", "THEY 'RE LATE ."),
        ("she \u2019s tired .", "they \u2019re tired ."),
    ],
)
def test_ptb_contractions_keep_their_split_and_agree(
    ptb: TokenizedRewriter, text: str, expected: str
) -> None:
    assert ptb.rewrite(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lake is man @-@ made .", "The lake is human @-@ made ."),
        ("A freshman joined .", "A first @-@ year student joined ."),
        ("The she @-@ wolf slept .", "The she @-@ wolf slept ."),
        ("The firemen 's ladder fell .", "The firefighters ' ladder fell ."),
        ("The salesmen 's cars were new .", "The salespeople 's cars were new ."),
        ("The chairman 's term ends in 2 @,@ 030 .", "The chairperson 's term ends in 2 @,@ 030 ."),
        ("He runs a well @-@ known shop .", "They run a well @-@ known shop ."),
    ],
)
def test_wikitext_hyphens_and_possessives(
    wikitext: TokenizedRewriter, text: str, expected: str
) -> None:
    assert wikitext.rewrite(text).text == expected


def test_an_attached_contraction_in_tokenized_text_stays_attached(ptb: TokenizedRewriter) -> None:
    assert ptb.rewrite("he's sure , and she does n't mind .").text == (
        "they're sure , and they do n't mind ."
    )


def test_a_raw_hyphen_in_wikitext_stays_a_raw_hyphen(wikitext: TokenizedRewriter) -> None:
    assert wikitext.rewrite("It was man-made , he said .").text == "It was human-made , they said ."


def test_offsets_index_the_original_tokenized_text(ptb: TokenizedRewriter) -> None:
    text = "the chairman said she does n't know if he 's coming ."
    result = ptb.rewrite(text)
    assert result.text == "the chairperson said they do n't know if they 're coming ."
    assert [(r.original, r.replacement, r.rule) for r in result.replacements] == [
        ("chairman", "chairperson", "catalogue:-man"),
        ("she", "they", "pronoun:subject"),
        ("does n't", "do n't", "verb_agreement"),
        ("he 's", "they 're", "pronoun:subject"),
    ]
    for change in result.replacements:
        assert text[change.start : change.end] == change.original


def test_the_plain_style_is_the_plain_engine(plain: Rewriter) -> None:
    assert tokenization_aware(plain, "plain") is plain
    text = "The weather was fine all week ."
    assert TokenizedRewriter(plain, "ptb").rewrite(text).text is text


TOKENS = st.sampled_from(
    ["he", "she", "'s", "n't", "does", "doesn", "'t", "'", "s", "has", "is", "her", "his", "@-@"]
    + ["man", "made", "chairman", "firemen", "the", "book", ",", ".", "?", "and", "well", "known"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=14), st.sampled_from(["ptb", "wikitext"]))
def test_token_salad_offsets_hold_and_rewriting_is_idempotent(
    plain: Rewriter, tokens: list[str], style: str
) -> None:
    rewriter = TokenizedRewriter(plain, style)  # type: ignore[arg-type]
    text = " ".join(tokens)
    result = rewriter.rewrite(text)
    for change in result.replacements:
        assert text[change.start : change.end] == change.original
    rebuilt, position = [], 0
    for change in result.replacements:
        rebuilt += [text[position : change.start], change.replacement]
        position = change.end
    assert "".join([*rebuilt, text[position:]]) == result.text
    assert rewriter.rewrite(result.text).text == result.text


WIKITEXT_SHARD = [
    " = Valley Railway = ",
    " The line opened in 1 @,@ 902 . It 's still a well @-@ known route , and it has n't closed .",
    " The station master 's house was n't rebuilt after the fire .",
]
PTB_SHARD = [
    "the company said it 's going to cut costs .",
    "analysts do n't expect a rebound , and investors are n't buying .",
]
MOSES_SHARD = ["the plant doesn 't open on sundays , and it isn 't likely to ."]
PLAIN_SHARD = [
    "The council's report isn't finished yet, and it's late.",
    "He said: \"We don't know.\" Nobody's sure.",
]


@pytest.mark.parametrize(
    ("texts", "style"),
    [
        (WIKITEXT_SHARD, "wikitext"),
        (PTB_SHARD, "ptb"),
        (MOSES_SHARD, "ptb"),
        (PLAIN_SHARD, "plain"),
        ([], "plain"),
        ([None, ""], "plain"),
        (PLAIN_SHARD + ["a stray he 's in a plain shard ."], "plain"),
    ],
)
def test_detection_per_shard(texts: list[str | None], style: str) -> None:
    decision = detect_tokenization(texts)
    assert decision.style == style, decision.evidence
    assert decision.describe().startswith(f"tokenization {style} (detected")


def test_a_configured_tokenization_is_not_second_guessed() -> None:
    decision = detect_tokenization(PLAIN_SHARD, "wikitext")
    assert decision.style == "wikitext" and decision.evidence == {}
    assert "configured" in decision.describe()


def test_detection_reads_a_bounded_sample() -> None:
    plain_start = PLAIN_SHARD * (DETECTION_SAMPLE_CHARS // 50)
    assert detect_tokenization(plain_start + PTB_SHARD * 10_000).style == "plain"


def test_the_reader_option_defaults_to_auto_and_names_the_choices() -> None:
    assert ReaderConfig().tokenization == "auto"
    with pytest.raises(ValueError, match="'auto', 'plain', 'wikitext' or 'ptb'"):
        ReaderConfig(tokenization="moses")  # type: ignore[arg-type]
