"""The demo corpus: deterministic shards of every format whose manifest is true ground truth.

The files are read back here with small independent parsers (not the module's own code), so the
counts and planted positions are checked against what is really on disk.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from pydantic import ValidationError

from corpus.demo import DemoCorpusConfig, DemoCorpusManifest, write_demo_corpus
from corpus.documents import shard_slug
from corpus.ingest import ingest_shard

EXPECTED_FILES = [
    "broken.jsonl",
    "essays.txt",
    "forum.jsonl",
    "headlines.lines.txt",
    "news.jsonl",
    "stories.parquet",
]
WORD = re.compile(r"\w+")

# Gender-exclusive words the rewriting stage must find (singular, plural and pronoun forms).
REQUIRED_WORDS = (
    "chairman", "chairwoman", "policeman", "policewoman", "fireman", "salesman", "salesmen",
    "saleswoman", "spokesman", "spokeswoman", "businessman", "businesswomen", "stewardess",
    "actress", "waitress", "headmaster", "headmistress", "postman", "mailman", "fisherman",
    "foreman", "cameraman", "congressman", "councilwoman", "sportsman", "craftsman",
    "workmanship", "manpower", "mankind", "weatherman", "anchorman", "newsboy", "paperboy",
    "cowboy", "schoolgirl", "usherette", "hostess", "heroine", "ombudsman", "barman", "doorman",
    "landlady", "he", "she", "him", "her", "his", "hers", "himself", "herself",
)  # fmt: skip
# Words that only look gendered; the rewriter must leave them alone.
DISTRACTORS = (
    "human", "humane", "german", "germany", "command", "batman", "herman", "shepherd", "ramen",
    "boycott", "emanate", "romance", "manager", "manual",
)  # fmt: skip

# (position, text) for documents and (position, reason) for broken records, per file.
Records = tuple[dict[int, str], list[tuple[int, str]]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoCorpusManifest]:
    landing = tmp_path_factory.mktemp("landing")
    return landing, write_demo_corpus(landing)


@pytest.fixture(scope="module")
def records(demo: tuple[Path, DemoCorpusManifest]) -> dict[str, Records]:
    landing, manifest = demo
    return {name: read_records(landing / name) for name in manifest.files}


def read_records(path: Path) -> Records:
    documents: dict[int, str] = {}
    broken: list[tuple[int, str]] = []
    if path.suffix == ".parquet":
        texts = pq.read_table(path, columns=["text"]).column("text").to_pylist()
        for row, text in enumerate(texts, start=1):
            if text is None:
                broken.append((row, "null"))
            else:
                documents[row] = text
        return documents, broken
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"", f"{path.name} must end with a newline"
    if path.name.endswith(".lines.txt") or path.suffix == ".jsonl":
        for number, raw in enumerate(lines[:-1], start=1):
            reason, text = classify_line(raw, as_json=path.suffix == ".jsonl")
            if reason:
                broken.append((number, reason))
            else:
                documents[number] = text
        return documents, broken
    start, block = 0, []
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            start = start if block else number
            block.append(raw.decode("utf-8"))
        elif block:
            documents[start] = "\n".join(block)
            block = []
    return documents, broken


def classify_line(raw: bytes, as_json: bool) -> tuple[str, str]:
    """("", text) for a document line, or (reason, "") for a broken one."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "invalid_utf8", ""
    if not as_json:
        return "", line
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return "invalid_json", ""
    if not isinstance(value, dict):
        return "not_an_object", ""
    if "text" not in value:
        return "missing_text", ""
    text = value["text"]
    if not isinstance(text, str):
        return f"text_is_{type(text).__name__}", ""
    if not text:
        return "empty_text", ""
    if not text.strip():
        return "whitespace_text", ""
    return "", text


def normalised(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def jaccard_5gram(a: str, b: str) -> float:
    def shingles(text: str) -> set[tuple[str, ...]]:
        tokens = WORD.findall(text.lower())
        return {tuple(tokens[i : i + 5]) for i in range(len(tokens) - 4)}

    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second)


GENDER_WORD_PAIRS = {
    ("he", "she"),
    ("him", "her"),
    ("his", "her"),
    ("his", "hers"),
    ("himself", "herself"),
    ("man", "woman"),
    ("boy", "girl"),
    ("hero", "heroine"),
    ("landlord", "landlady"),
    ("barman", "barmaid"),
    ("usher", "usherette"),
}


def is_gender_counterpart(a: str, b: str) -> bool:
    """Whether two words are the masculine and feminine forms of one word, in either order."""
    for masculine, feminine in ((a, b), (b, a)):
        if (masculine, feminine) in GENDER_WORD_PAIRS:
            return True
        if masculine.endswith("man") and masculine[:-3] + "woman" == feminine:
            return True
        if masculine.endswith("boy") and masculine[:-3] + "girl" == feminine:
            return True
        if masculine.endswith("master") and masculine[:-6] + "mistress" == feminine:
            return True
        if feminine in (masculine + "ess", masculine[:-2] + "ress"):  # host/hostess, actor/actress
            return True
    return False


def differs_only_in_gendered_words(a: str, b: str) -> bool:
    tokens_a, tokens_b = WORD.findall(a.lower()), WORD.findall(b.lower())
    if len(tokens_a) != len(tokens_b):
        return False
    differences = [(x, y) for x, y in zip(tokens_a, tokens_b, strict=True) if x != y]
    return bool(differences) and all(is_gender_counterpart(x, y) for x, y in differences)


def all_texts(records: dict[str, Records]) -> list[str]:
    return [text for documents, _ in records.values() for text in documents.values()]


def test_writes_every_shard_file_and_nothing_else(demo: tuple[Path, DemoCorpusManifest]) -> None:
    landing, manifest = demo
    assert manifest.files == EXPECTED_FILES
    assert sorted(path.name for path in landing.iterdir()) == EXPECTED_FILES
    assert all((landing / name).stat().st_size > 1000 for name in manifest.files)


def test_same_config_writes_identical_bytes(
    demo: tuple[Path, DemoCorpusManifest], tmp_path: Path
) -> None:
    landing, manifest = demo
    assert write_demo_corpus(tmp_path / "again") == manifest
    for name in manifest.files:
        assert (tmp_path / "again" / name).read_bytes() == (landing / name).read_bytes(), name
    write_demo_corpus(tmp_path / "other", DemoCorpusConfig(seed=14))
    assert (tmp_path / "other" / "news.jsonl").read_bytes() != (landing / "news.jsonl").read_bytes()


def test_manifest_counts_match_the_files(
    demo: tuple[Path, DemoCorpusManifest], records: dict[str, Records]
) -> None:
    _, manifest = demo
    n_documents = sum(len(documents) for documents, _ in records.values())
    n_broken = sum(len(broken) for _, broken in records.values())
    assert (manifest.n_documents, manifest.n_broken) == (n_documents, n_broken)
    # Generated documents + 5% exact + 5% near + 1% gender-variant copies + 1% low-quality.
    assert n_documents == 3000 + 150 + 150 + 30 + 30


def test_project_reader_ingests_or_quarantines_every_record(
    demo: tuple[Path, DemoCorpusManifest],
) -> None:
    landing, manifest = demo
    documents = quarantined = 0
    reasons: set[str] = set()
    for name in manifest.files:
        _, _, stats = ingest_shard(landing / name, shard_slug(name))
        documents += stats.documents
        quarantined += stats.quarantined
        reasons |= set(stats.reasons)
    assert (documents, quarantined) == (manifest.n_documents, manifest.n_broken)
    assert reasons == {
        "empty_text",
        "invalid_json",
        "invalid_utf8",
        "missing_text",
        "missing_text_field",
        "non_string_text",
        "not_an_object",
    }


def test_broken_records_of_every_kind_are_present(records: dict[str, Records]) -> None:
    broken_jsonl = sorted(reason for _, reason in records["broken.jsonl"][1])
    assert broken_jsonl == sorted(
        [
            "invalid_json",  # truncated object
            "invalid_json",  # trailing garbage
            "invalid_utf8",
            "missing_text",
            "text_is_int",
            "text_is_list",
            "text_is_NoneType",
            "empty_text",
            "whitespace_text",
            "not_an_object",
        ]
    )
    assert [reason for _, reason in records["headlines.lines.txt"][1]] == ["invalid_utf8"]
    assert [reason for _, reason in records["stories.parquet"][1]] == ["null"]
    assert records["essays.txt"][1] == [] and records["news.jsonl"][1] == []


def test_planted_duplicates_point_at_real_records(
    demo: tuple[Path, DemoCorpusManifest], records: dict[str, Records]
) -> None:
    _, manifest = demo
    kinds = [duplicate.kind for duplicate in manifest.planted_duplicates]
    assert (kinds.count("exact"), kinds.count("near")) == (150, 180)
    positions = {(d.file, d.source_line) for d in manifest.planted_duplicates}
    assert len(positions) == len(manifest.planted_duplicates)
    assert {d.file for d in manifest.planted_duplicates} == set(EXPECTED_FILES)
    assert any(d.file != d.original_file for d in manifest.planted_duplicates)
    for duplicate in manifest.planted_duplicates:
        assert duplicate.source_line in records[duplicate.file][0]
        assert duplicate.original_source_line in records[duplicate.original_file][0]


def test_exact_duplicates_differ_at_most_in_case_whitespace_and_punctuation(
    demo: tuple[Path, DemoCorpusManifest], records: dict[str, Records]
) -> None:
    _, manifest = demo
    verbatim = 0
    for duplicate in (d for d in manifest.planted_duplicates if d.kind == "exact"):
        copy = records[duplicate.file][0][duplicate.source_line]
        original = records[duplicate.original_file][0][duplicate.original_source_line]
        assert normalised(copy) == normalised(original), duplicate
        verbatim += copy == original
    assert 0 < verbatim < 150  # some copies are verbatim, some are lightly altered


def test_near_duplicates_overlap_strongly_or_swap_only_gendered_words(
    demo: tuple[Path, DemoCorpusManifest], records: dict[str, Records]
) -> None:
    _, manifest = demo
    gender_variants = edited = 0
    for duplicate in (d for d in manifest.planted_duplicates if d.kind == "near"):
        copy = records[duplicate.file][0][duplicate.source_line]
        original = records[duplicate.original_file][0][duplicate.original_source_line]
        assert normalised(copy) != normalised(original), duplicate
        if differs_only_in_gendered_words(copy, original):
            gender_variants += 1
        else:
            assert len(WORD.findall(original)) >= 60, duplicate
            assert jaccard_5gram(copy, original) >= 0.8, duplicate
            edited += 1
    assert (edited, gender_variants) == (150, 30)


def test_planted_copies_and_originals_carry_no_noise(
    demo: tuple[Path, DemoCorpusManifest], records: dict[str, Records]
) -> None:
    _, manifest = demo
    for duplicate in manifest.planted_duplicates:
        for file, line in (
            (duplicate.file, duplicate.source_line),
            (duplicate.original_file, duplicate.original_source_line),
        ):
            text = records[file][0][line]
            assert not re.search(r"<[a-z/]|&\w+;|[\x00-\x08\x0b-\x1f\x7f\u00a0\t]", text), text
            assert unicodedata.normalize("NFC", text) == text
            assert "All rights reserved" not in text


def test_no_document_repeats_except_planted_copies(
    demo: tuple[Path, DemoCorpusManifest], records: dict[str, Records]
) -> None:
    _, manifest = demo
    copies = {(d.file, d.source_line) for d in manifest.planted_duplicates}
    seen: dict[str, tuple[str, int]] = {}
    for name, (documents, _) in records.items():
        for line, text in documents.items():
            if (name, line) in copies:
                continue
            key = normalised(text) or text
            assert key not in seen, f"{name}:{line} repeats {seen.get(key)}"
            seen[key] = (name, line)


def test_lengths_vary_like_real_prose(records: dict[str, Records]) -> None:
    lengths = sorted(len(text.split()) for text in all_texts(records))
    median = lengths[len(lengths) // 2]
    assert 30 <= median <= 200
    assert sum(n > 200 for n in lengths) >= 20
    headline_lengths = [len(text.split()) for text in records["headlines.lines.txt"][0].values()]
    assert sum(n >= 8 for n in headline_lengths) / len(headline_lengths) > 0.97


def test_text_has_gendered_words_in_every_form_and_distractors(
    records: dict[str, Records],
) -> None:
    text = "\n".join(all_texts(records))
    words = set(WORD.findall(text.lower()))
    assert [word for word in REQUIRED_WORDS if word not in words] == []
    for phrase in [
        "man-made",
        "Man-made",
        "chairman's",
        "Policeman's",
        "Chairwoman",
        "He's",
        "she'll",
        "he doesn't",
        "She was",
        "he has",
        "He walks",
        "Is she",
        "Firemen ",
        "Why doesn't she",
        "herself",
        "himself",
        '"He',
    ]:
        assert phrase in text, phrase
    assert [word for word in DISTRACTORS if word not in words] == []


def test_documents_rarely_share_long_word_sequences(
    demo: tuple[Path, DemoCorpusManifest], records: dict[str, Records]
) -> None:
    """Held-out documents must not share 13-grams with train (the split leakage check)."""
    _, manifest = demo
    planted = {(d.file, d.source_line) for d in manifest.planted_duplicates} | {
        (d.original_file, d.original_source_line) for d in manifest.planted_duplicates
    }
    ngram_sets = []
    for name, (documents, _) in records.items():
        for line, text in documents.items():
            if (name, line) not in planted:
                tokens = WORD.findall(text.lower())
                ngram_sets.append({tuple(tokens[i : i + 13]) for i in range(len(tokens) - 12)})
    documents_per_ngram = Counter(ngram for ngrams in ngram_sets for ngram in ngrams)
    sharing = sum(any(documents_per_ngram[n] > 1 for n in ngrams) for ngrams in ngram_sets)
    assert sharing / len(ngram_sets) < 0.15
    assert max(documents_per_ngram.values()) <= 10


def test_articles_agree_with_the_next_word(
    demo: tuple[Path, DemoCorpusManifest], records: dict[str, Records]
) -> None:
    _, manifest = demo
    near_copies = {(d.file, d.source_line) for d in manifest.planted_duplicates if d.kind == "near"}
    text = "\n".join(
        text
        for name, (documents, _) in records.items()
        for line, text in documents.items()
        if (name, line) not in near_copies  # edited on purpose: "a also", "a indeed"
    )
    a_before_vowel = re.findall(r"\b[Aa] ([aeiouAEIOU]\w*)", text)
    an_before_consonant = re.findall(r"\b[Aa]n ([b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]\w*)", text)
    sounds_consonant = ("use", "uni", "one", "eu")
    sounds_vowel = ("hour", "honest", "der")  # "An der": the German low-quality documents
    assert [w for w in a_before_vowel if not w.lower().startswith(sounds_consonant)] == []
    assert [w for w in an_before_consonant if w.lower() not in sounds_vowel] == []


def test_noise_and_low_quality_documents_for_cleaning(records: dict[str, Records]) -> None:
    texts = all_texts(records)
    text = "\n".join(texts)
    for marker in [
        "<p>",
        "<b>",
        '<a href="',
        "&amp;",
        "&nbsp;",
        "\x07",
        "\x0b",
        "\t",
        "\u00a0",
        "Click here to subscribe",
        "All rights reserved.",
        "Share this article",
        "Cookie policy",
    ]:
        assert marker in text, repr(marker)
    assert any(unicodedata.normalize("NFC", t) != t for t in texts)  # decomposed accents
    assert any(1 <= len(t.split()) <= 3 for t in texts)
    assert any(len(t.split()) >= 8 and not re.search(r"[A-Za-z]", t) for t in texts)
    assert any(len(set(t.split("\n"))) == 1 and t.count("\n") >= 9 for t in texts)
    assert any(" der " in t or " les " in t for t in texts)
    assert any(len(t.split()) >= 15 and not re.search(r"[^\w\s]", t) for t in texts)


def test_small_corpus_into_a_missing_folder_replaces_old_files(tmp_path: Path) -> None:
    landing = tmp_path / "a" / "landing"
    landing.mkdir(parents=True)
    (landing / "news.jsonl").write_text("stale\n")
    manifest = write_demo_corpus(landing, DemoCorpusConfig(n_documents=50, seed=1))
    assert sorted(path.name for path in landing.iterdir()) == EXPECTED_FILES
    records = {name: read_records(landing / name) for name in manifest.files}
    assert manifest.n_documents == sum(len(documents) for documents, _ in records.values())
    assert b"stale" not in (landing / "news.jsonl").read_bytes()

    fresh = tmp_path / "new" / "nested"
    write_demo_corpus(fresh, DemoCorpusConfig(n_documents=50, seed=1))
    assert sorted(path.name for path in fresh.iterdir()) == EXPECTED_FILES


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"n_documents": 10}, "n_documents"),
        ({"near_duplicate_rate": 0.9}, "near_duplicate_rate"),
        ({"n_docs": 100}, "n_docs"),
    ],
)
def test_config_rejects_values_it_cannot_honour(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        DemoCorpusConfig(**overrides)
