"""Cleaning: every normaliser's before/after, every filter's rule and detail, and the invariants."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from corpus.clean import (
    FILTERED_SCHEMA,
    BoilerplateLineRemover,
    CleaningConfig,
    RepeatedNgramsFilter,
    StopWordsFilter,
    WordCountFilter,
    clean_documents,
    repetition,
)
from corpus.documents import RAW_SCHEMA, make_doc_id

FILTERS_OFF = {
    name: {"enabled": False}
    for name in (
        "word_count",
        "symbol_ratio",
        "line_punctuation",
        "repeated_lines",
        "repeated_ngrams",
        "stop_words",
        "alpha_words",
    )
}
NORMALISE_ONLY = CleaningConfig(**FILTERS_OFF)
ENGLISH = "She walked to the shop with her dog."
STOP_WORD_LIST = "the, be, to, of, and, that, have, with"


def _raw(*texts: str | None, shard: str = "news") -> pl.DataFrame:
    ingested = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    return pl.DataFrame(
        {
            "doc_id": [make_doc_id(shard, line, text or "") for line, text in enumerate(texts)],
            "shard": [shard] * len(texts),
            "text": list(texts),
            "source_path": [f"/landing/{shard}.jsonl"] * len(texts),
            "source_line": list(range(1, len(texts) + 1)),
            "ingested_at": [ingested] * len(texts),
        },
        schema=RAW_SCHEMA,
    )


def _normalised(text: str, config: CleaningConfig = NORMALISE_ONLY) -> str:
    result = clean_documents(_raw(text), config)
    assert result.filtered.is_empty(), result.filtered.to_dicts()
    return result.kept["text"][0]


def _verdict(text: str, config: CleaningConfig | None = None) -> tuple[str, str] | None:
    """(rule, detail) of a dropped document, None when it is kept."""
    result = clean_documents(_raw(text), config or CleaningConfig())
    if result.kept.height:
        return None
    return result.filtered["rule"][0], result.filtered["detail"][0]


# ---- normalisers -------------------------------------------------------------------------------


def test_unicode_nfc_composes_decomposed_letters_in_a_mixed_batch():
    raw = _raw("Cafe\u0301 au lait", "plain ascii text")
    result = clean_documents(raw, NORMALISE_ONLY)
    assert result.kept["text"].to_list() == ["Caf\u00e9 au lait", "plain ascii text"]
    assert raw["text"][0] == "Cafe\u0301 au lait"  # the input frame is left as it was


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("<p>First para.</p><p>Second para.</p>", "First para.\n\nSecond para."),
        ("one<br>two<br/>three<br />four", "one\ntwo\nthree\nfour"),
        ('<div class="a>b">Hi <b>there</b> <a href="/x">friend</a></div>', "Hi there friend"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
        ("Keep<script type='x'>var a = 1 < 2;</script> this", "Keep this"),
        ("<style>p { color: red }</style>Text<!-- hidden -->.", "Text."),
        ("Tom &amp; Jerry &lt;3 &quot;hi&quot; it&#39;s&nbsp;ok", 'Tom & Jerry <3 "hi" it\'s ok'),
        ("caf&eacute; &#233; &#xE9; &#X2019; &copy;", "caf\u00e9 \u00e9 \u00e9 \u2019 \u00a9"),
        ("&amp;lt;b&amp;gt; is escaped once", "&lt;b&gt; is escaped once"),
        ("if a < b and x > 3 then vector<int> wins", "if a < b and x > 3 then vector<int> wins"),
        ("AT&T and Q&A &unknown; stay", "AT&T and Q&A &unknown; stay"),
        ("unclosed <script>alert(1)", "unclosed"),
    ],
)
def test_markup_is_stripped_and_entities_decoded(before, after):
    assert _normalised(before) == after


def test_markup_stripping_can_be_disabled():
    config = CleaningConfig(**FILTERS_OFF, markup={"enabled": False})
    assert _normalised("<b>bold</b> &amp;", config) == "<b>bold</b> &amp;"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("bell\x07 esc\x1b[0m del\x7f c1\x85\x9f", "bell esc[0m del c1"),
        ("zero\u200bwidth\u200c\u200d join\u2060 \ufeffbom", "zerowidth join bom"),
        ("windows\r\nold mac\rline\u2028sep", "windows\nold mac\nline\nsep"),
        ("vertical\x0btab and form\x0cfeed", "verticaltab and formfeed"),
    ],
)
def test_control_and_zero_width_characters_are_removed(before, after):
    assert _normalised(before) == after


def test_whitespace_is_normalised():
    before = "  a\t b\u00a0\u00a0c \u3000 d  \n   e   \n\n\n\n\nf\t\n \n \n g  "
    assert _normalised(before) == "a b c d\ne\n\nf\n\ng"


def test_short_boilerplate_lines_are_removed_and_prose_stays():
    prose = (
        "I decided to subscribe to the local paper because its reporting on the council "
        "has been careful and fair for years."
    )
    before = "\n".join(
        [
            "Share this article",
            "The council met on Monday.",
            "Click here to read the full story",
            "",
            prose,
            "Advertisement",
            "Read more: the budget in detail",
            "Sign up for our newsletter!",
            "\u00a9 2024 The Daily Ledger. All rights reserved.",
            "Copyright 2023 Harbour News",
        ]
    )
    assert _normalised(before) == "The council met on Monday.\n\n" + prose


def test_boilerplate_patterns_and_line_length_are_configurable():
    config = CleaningConfig(
        **FILTERS_OFF, boilerplate=BoilerplateLineRemover(patterns=("^menu$",), max_line_words=3)
    )
    assert _normalised("Menu\nSubscribe now\nThe story.", config) == "Subscribe now\nThe story."
    short = CleaningConfig(**FILTERS_OFF, boilerplate={"max_line_words": 2})
    assert _normalised("Please subscribe today\nok", short) == "Please subscribe today\nok"


def test_a_bad_boilerplate_pattern_is_rejected_with_its_name():
    with pytest.raises(ValidationError, match=r"boilerplate pattern '\(unclosed'"):
        BoilerplateLineRemover(patterns=("(unclosed",))


# ---- quality filters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "detail"),
    [
        ("too short here", "min_words", "3 words < min 5"),
        (
            "#news #today #sports the best of the day and more",
            "symbol_ratio",
            "symbol ratio 0.30 > 0.10 ('#' per word)",
        ),
        (
            "Wait for it... the best of the year... and more to be seen... soon",
            "symbol_ratio",
            "symbol ratio 0.21 > 0.10 (ellipses per word)",
        ),
        (
            "Home\nAbout us\nContact the team\nProducts and services\nServices of the year",
            "line_punctuation",
            "0 of 5 lines end in punctuation (0.00 < min 0.12)",
        ),
        (
            "Buy cheap watches now and save.\n" * 3 + "The offer ends with the month.",
            "repeated_lines",
            "duplicate line fraction 0.50 > 0.30 (2 of 4 lines)",
        ),
        (
            "We have the best prices in the whole of the town today.\nOne.\nTwo.\nThree.\n"
            "We have the best prices in the whole of the town today.",
            "repeated_lines",
            "duplicate line char fraction 0.43 > 0.20",
        ),
        ("the cat " * 30, "repeated_ngrams", "top 2-gram char fraction 0.88 > 0.20"),
        (
            "Le conseil municipal s'est réuni hier soir pour discuter du nouveau parking.",
            "stop_words",
            "0 stop words < min 2 (short-text list of 48)",
        ),
        (
            "Der Gemeinderat hat gestern Abend über den neuen Parkplatz beraten. "
            "Die Anwohner fordern mehr Radwege in der Innenstadt.",
            "stop_words",
            "1 stop words < min 2 (short-text list of 48)",
        ),
        (
            "12 34 56 78 90 the and 11 22 33",
            "alpha_words",
            "alphabetic word fraction 0.20 < min 0.80",
        ),
    ],
)
def test_filter_drops_with_rule_and_detail(text, rule, detail):
    assert _verdict(text) == (rule, detail)


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "About the team\nContact us and the staff",  # fewer lines than min_lines
        "Menu of the day.\nSoup\nBread\nCheese and wine\nCake to share",  # 1 in 5 >= 0.12
        "The price of the book is 12 dollars and 50 cents in the shop.",
        "Tags: #one of the day and the #two, and then many more words to make the ratio of "
        "these symbols quite low.",
        "Note.\nNote.\nThe rest of the text is new and much longer than the repeated line, so "
        "the document is fine.\nAnd more.",
        "Kim Fischer has announced that he will step down after the open laboratory day. Both "
        "sides agree that more staff are needed before the open laboratory day.",  # < 50 words
        "The council met on Monday to discuss the new car park, and residents asked for more "
        "bicycle lanes in the centre of the town before the summer holidays begin.",
    ],
)
def test_ordinary_text_survives_every_filter(text):
    assert _verdict(text) is None


def test_a_repeated_trigram_is_caught_even_when_bigrams_pass():
    filler = " ".join(f"w{i}x" for i in range(40))
    text = " ".join(f"alpha beta gamma {word}" for word in filler.split()[:5]) + " " + filler
    text = "The test of the rule. " + text
    verdict = _verdict(text, CleaningConfig(alpha_words={"enabled": False}))
    assert verdict is not None and verdict[1].startswith("top 3-gram char fraction")


def _top_ngram_fraction(text: str, n: int) -> float:
    """datatrove's find_top_duplicate (n-grams seen at least twice), as plain Python."""
    words = text.split()
    grams = Counter(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    repeated = [len(gram) * count for gram, count in grams.items() if count >= 2]
    return max(repeated, default=0) / len(text)


def test_top_ngram_fractions_match_the_reference_definition(monkeypatch):
    monkeypatch.setattr(repetition, "_NGRAM_CHUNK_WORDS", 100)  # several chunks per batch
    rng = random.Random(7)
    vocabulary = ["the", "of", "and", "cat", "sat", "on", "a", "mat", "house", "blue"]
    texts = [" ".join(rng.choices(vocabulary, k=rng.randint(20, 60))) for _ in range(60)]
    for n in (2, 3, 4, 5):
        for limit in (0.05, 0.15, 0.3):
            config = CleaningConfig(
                **{
                    **FILTERS_OFF,
                    "repeated_ngrams": RepeatedNgramsFilter(
                        top_ngram_max_fractions={n: limit}, min_words=2
                    ),
                }
            )
            result = clean_documents(_raw(*texts), config)
            dropped = set(result.filtered["doc_id"])
            expected = {
                doc_id
                for doc_id, text in zip(_raw(*texts)["doc_id"], texts, strict=True)
                if _top_ngram_fraction(text, n) > limit
            }
            assert dropped == expected, (n, limit)


def test_short_english_headlines_are_kept_by_the_short_text_list():
    headlines = [
        "Council votes to boycott supplier after complaints about poor workmanship",
        "Brightwell librarian honoured for bravery after he rescues family from flooded home",
        "Fishermen warn that fish stocks are falling faster than scientists predicted",
    ]
    assert [_verdict(h) for h in headlines] == [None, None, None]


def test_long_documents_use_the_gopher_stop_words():
    english_without_gopher_words = " ".join(["Quick brown foxes jump; lazy dogs sleep."] * 5)
    assert _verdict(english_without_gopher_words)[0] == "stop_words"


def test_ordinary_english_of_eight_words_is_kept_and_short_german_dropped():
    result = clean_documents(_raw(ENGLISH, "Der Hund läuft schnell durch den Park im Regen."))
    assert result.kept["text"].to_list() == [ENGLISH]
    assert result.filtered["rule"].to_list() == ["stop_words"]


def test_max_words_threshold_is_configurable():
    config = CleaningConfig(word_count=WordCountFilter(min_words=1, max_words=10))
    text = "The dog and the cat sat on the mat with a ball."
    assert _verdict(text, config) == ("max_words", "12 words > max 10")


def test_empty_after_cleaning_is_its_own_rule():
    text = "<p> &nbsp; </p>\u200b\n\n"
    assert _verdict(text) == (
        "empty_after_cleaning",
        f"text is empty after cleaning ({len(text)} chars before)",
    )
    assert _verdict("") == ("empty_after_cleaning", "text is empty after cleaning (0 chars before)")


def test_the_first_failing_rule_in_the_configured_order_is_recorded():
    text = "12 34 56 78 90 11 22 33 44 55"
    assert _verdict(text)[0] == "stop_words"
    order = ("alpha_words", "word_count", "symbol_ratio", "line_punctuation", "repeated_lines")
    config = CleaningConfig(filter_order=(*order, "repeated_ngrams", "stop_words"))
    assert _verdict(text, config) == ("alpha_words", "alphabetic word fraction 0.00 < min 0.80")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("word_count", "Off to the shops."),
        ("symbol_ratio", "#news #today #sports the best of the day and more"),
        ("line_punctuation", "Home\nAbout us\nContact the team\nProducts and services"),
        ("repeated_lines", "Buy the watches now.\n" * 4),
        ("stop_words", "Le chat est assis sur le tapis et regarde la pluie."),
        ("alpha_words", "12 34 56 78 90 the and 11 22 33"),
    ],
)
def test_a_disabled_filter_lets_its_documents_through(name, text):
    assert _verdict(text) is not None
    assert _verdict(text, CleaningConfig(**{name: {"enabled": False}})) is None


def test_disabled_repeated_ngrams_lets_repetition_through():
    config = CleaningConfig(repeated_ngrams={"enabled": False})
    assert _verdict("the cat " * 30, config) is None


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: WordCountFilter(min_words=10, max_words=5), "min_words 10 > max_words 5"),
        (lambda: StopWordsFilter(stop_words=("the", "to be")), "'to be' is not a plain word"),
        (lambda: RepeatedNgramsFilter(top_ngram_max_fractions={1: 0.2}), "use n in 2..10"),
        (lambda: CleaningConfig(filter_order=("word_count",)), "missing: \\['alpha_words'"),
        (lambda: CleaningConfig(word_count={"min_word": 3}), "min_word"),
    ],
)
def test_bad_config_names_the_cause(build, message):
    with pytest.raises(ValidationError, match=message):
        build()


# ---- invariants and odd input --------------------------------------------------------------------


def _assert_balanced(raw: pl.DataFrame, config: CleaningConfig | None = None):
    result = clean_documents(raw, config or CleaningConfig())
    kept, dropped = set(result.kept["doc_id"]), set(result.filtered["doc_id"])
    assert result.kept.height + result.filtered.height == raw.height
    assert kept.isdisjoint(dropped) and kept | dropped == set(raw["doc_id"])
    assert result.kept.schema == raw.schema
    assert result.filtered.schema == pl.Schema(FILTERED_SCHEMA)
    assert result.filtered["rule"].null_count() == 0 and result.filtered["detail"].null_count() == 0
    return result


def test_rows_balance_and_extra_columns_are_carried_through():
    raw = _raw(ENGLISH, "too short", "<b>The</b> cat and the dog sat on the mat.", "", None)
    result = _assert_balanced(raw)
    assert result.kept["doc_id"].to_list() == [raw["doc_id"][0], raw["doc_id"][2]]
    assert result.kept["text"].to_list() == [ENGLISH, "The cat and the dog sat on the mat."]
    unchanged = ["doc_id", "shard", "source_path", "source_line", "ingested_at"]
    assert result.kept.select(unchanged).equals(raw[[0, 2]].select(unchanged))
    assert result.filtered["rule"].to_list() == [
        "min_words",
        "empty_after_cleaning",
        "empty_after_cleaning",
    ]
    assert result.filtered["shard"].to_list() == ["news"] * 3


def test_empty_input_gives_empty_outputs_with_the_right_schema():
    result = _assert_balanced(pl.DataFrame(schema=RAW_SCHEMA))
    assert result.kept.is_empty() and result.filtered.is_empty()


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="lacks column\\(s\\) text"):
        clean_documents(pl.DataFrame({"doc_id": ["a"], "shard": ["s"]}))


def test_odd_scripts_and_emoji_survive_without_crashing():
    texts = (
        "東京は日本の首都です。人口は約千四百万人です。",
        "مرحبا بالعالم، هذا نص عربي قصير للاختبار.",
        "שלום עולם, זה טקסט בעברית.",
        "Emoji 😀🎉 with the words and the family 👨\u200d👩\u200d👧 here.",
        "\U0001f600" * 50,
        "\u202eRTL override and the words of the test\u202c here.",
    )
    _assert_balanced(_raw(*texts))
    english_off = CleaningConfig(
        word_count={"min_words": 1}, stop_words={"enabled": False}, alpha_words={"enabled": False}
    )
    result = _assert_balanced(_raw(*texts[:3]), english_off)
    assert result.kept["text"].to_list() == list(texts[:3])


def test_a_ten_megabyte_document_is_cleaned():
    rng = random.Random(3)
    vocabulary = ["the", "of", "and", "to", "with", "have", "that", "house", "river", "city"]
    sentences = (" ".join(rng.choices(vocabulary, k=13)) + "." for _ in range(200_000))
    text = "<p>" + "\n".join(sentences) + "</p>"
    assert len(text) > 10_000_000
    result = _assert_balanced(_raw(text, ENGLISH))
    assert ENGLISH in result.kept["text"].to_list()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=8))
def test_any_text_lands_in_exactly_one_output(texts):
    _assert_balanced(_raw(*texts))
