"""The bundled demo corpus: seeded, varied English prose written as landing shards of every format.

`write_demo_corpus` writes six shard files (JSON Lines, Parquet, blank-line blocks, one-per-line
text) whose documents give every stage real work: gender-exclusive words and pronouns for the
rewriter (Bartl & Leavy 2024), markup and odd Unicode for cleaning, low-quality documents for the
quality filters, broken records for quarantine, and planted exact, near and gender-variant
duplicates whose positions the returned manifest records as ground truth for deduplication.
Apart from those planted copies, no two documents share a normalised text, and few share even a
13-word sequence: templates vary almost every few words (see corpus/demo_text.py), so that
validation and test documents do not repeat train text once the corpus is split (the leakage
check of corpus/leakage.py compares 13-grams, after Brown et al. 2020).
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel, ConfigDict, Field

from corpus import demo_text as words

NEWS_FILE = "news.jsonl"
FORUM_FILE = "forum.jsonl"
STORIES_FILE = "stories.parquet"
ESSAYS_FILE = "essays.txt"
HEADLINES_FILE = "headlines.lines.txt"
BROKEN_FILE = "broken.jsonl"

# Share of the generated documents each shard receives; long genres get fewer, richer documents.
SHARD_SHARES: dict[str, float] = {
    NEWS_FILE: 0.28,
    FORUM_FILE: 0.20,
    STORIES_FILE: 0.14,
    ESSAYS_FILE: 0.10,
    HEADLINES_FILE: 0.22,
    BROKEN_FILE: 0.06,
}
FileFormat = Literal["jsonl", "parquet", "blocks", "lines"]
FILE_FORMATS: dict[str, FileFormat] = {
    NEWS_FILE: "jsonl",
    FORUM_FILE: "jsonl",
    STORIES_FILE: "parquet",
    ESSAYS_FILE: "blocks",
    HEADLINES_FILE: "lines",
    BROKEN_FILE: "jsonl",
}
ID_PREFIXES: dict[str, str] = {
    NEWS_FILE: "news",
    FORUM_FILE: "post",
    STORIES_FILE: "story",
    BROKEN_FILE: "rec",
}

# Near-duplicate copies are made only from documents this long, so that a few edited words keep
# the word-5-gram Jaccard similarity at or above NEAR_DUPLICATE_MIN_JACCARD.
NEAR_DUPLICATE_MIN_WORDS = 60
# Share of sentences written with a character's pronoun as subject that name the character instead.
NAMED_SUBJECT_RATE = 0.4
NEAR_DUPLICATE_MIN_JACCARD = 0.8
SHINGLE_WORDS = 5

_WORD = re.compile(r"\w+")
_SLOT = re.compile(r"\{([A-Za-z_]+)(?:\.([A-Za-z_]+))?\}")
_CHOICE = re.compile(r"\[([^\[\]]*)\]")  # an innermost [a|b|c]
_DOUBLE_SPACE = re.compile(r" {2,}")
_PRONOUN_SUBJECT = re.compile(r"\{([PQ])\.He\} ")
_SLOT_OR_TEXT = re.compile(r"\{[^}]*\}|[^{]+")
_WORD_VARIANTS = {word: group for group in words.WORD_VARIANTS for word in group}
_VARIABLE_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(_WORD_VARIANTS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_ARTICLE = re.compile(r"\b([Aa])n? (?=([A-Za-z][\w'-]*))")
# Words whose spelling misleads the a/an choice.
_A_BEFORE_VOWEL = ("uni", "use", "usu", "one", "eu", "ur")
_AN_BEFORE_CONSONANT = ("hour", "honest", "heir")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" +([,.;:!?])")


class DemoCorpusConfig(BaseModel):
    """Size, seed and planted-problem rates of the demo corpus."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: int = Field(
        13, description="Seed of the generator; the same config always writes byte-identical files."
    )
    n_documents: int = Field(
        3000,
        ge=50,
        description="Well-formed documents generated across all shards, before planted duplicates "
        "and low-quality documents are added (50 at least, so every shard gets some).",
    )
    exact_duplicate_rate: float = Field(
        0.05,
        ge=0.0,
        le=0.2,
        description="Exact copies planted, as a fraction of n_documents; a copy may differ from "
        "its original only in case, whitespace or punctuation.",
    )
    near_duplicate_rate: float = Field(
        0.05,
        ge=0.0,
        le=0.2,
        description="Near-duplicate copies planted (a few words changed, inserted or deleted; "
        "word-5-gram Jaccard >= 0.8), as a fraction of n_documents.",
    )
    gender_variant_rate: float = Field(
        0.01,
        ge=0.0,
        le=0.05,
        description="Copies with only gendered words swapped (he/she, chairman/chairwoman), as a "
        "fraction of n_documents; they become duplicates once rewritten to neutral language.",
    )
    noisy_rate: float = Field(
        0.1,
        ge=0.0,
        le=0.3,
        description="Documents given markup, control characters, odd whitespace, decomposed "
        "Unicode or boilerplate lines for cleaning to fix, as a fraction of n_documents.",
    )
    low_quality_rate: float = Field(
        0.01,
        ge=0.0,
        le=0.05,
        description="Low-quality documents added for the quality filters (too short, symbol soup, "
        "repeated line, non-English, keyword spam), as a fraction of n_documents; each kind "
        "appears at least once.",
    )


class PlantedDuplicate(BaseModel):
    """One planted copy and the record it copies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(description="Shard file holding the copy, e.g. 'news.jsonl'.")
    source_line: int = Field(
        description="Position of the copy: 1-based line for JSON Lines and text (first line of a "
        "block), 1-based row for Parquet."
    )
    original_file: str = Field(description="Shard file holding the original.")
    original_source_line: int = Field(description="Position of the original, as source_line.")
    kind: Literal["exact", "near"] = Field(
        description="'exact': same text up to case, whitespace and punctuation; 'near': a few "
        "words edited, or only gendered words swapped."
    )


class DemoCorpusManifest(BaseModel):
    """What write_demo_corpus wrote: the ground truth for ingestion, quarantine and dedup tests."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    files: list[str] = Field(
        description="Shard file names written into the landing folder, sorted."
    )
    n_documents: int = Field(
        description="Records that ingest as documents: generated, planted copies and low-quality."
    )
    n_broken: int = Field(description="Broken records written; ingestion must quarantine each.")
    planted_duplicates: list[PlantedDuplicate] = Field(
        description="Every planted copy, sorted by file and position."
    )


DEFAULT_CONFIG = DemoCorpusConfig()


def write_demo_corpus(
    landing_dir: Path, config: DemoCorpusConfig = DEFAULT_CONFIG
) -> DemoCorpusManifest:
    """Generate the demo corpus into `landing_dir` (created if missing); say what was written.

    Only shard files are written there, each atomically; files of the same names are replaced.
    """
    rng = random.Random(config.seed)
    corpus = _CorpusBuilder(rng)
    corpus.add_generated(config.n_documents)
    planted = corpus.plant_duplicates(config)
    corpus.add_noise(round(config.noisy_rate * config.n_documents))
    corpus.add_low_quality(
        max(len(_LOW_QUALITY), round(config.low_quality_rate * config.n_documents))
    )
    n_broken = corpus.add_broken()

    landing_dir.mkdir(parents=True, exist_ok=True)
    for name, entries in corpus.files.items():
        _write_atomic(landing_dir / name, _render(name, entries))
    duplicates = sorted(
        (
            PlantedDuplicate(
                file=copy.file,
                source_line=copy.position,
                original_file=original.file,
                original_source_line=original.position,
                kind=kind,
            )
            for copy, original, kind in planted
        ),
        key=lambda duplicate: (duplicate.file, duplicate.source_line),
    )
    n_documents = sum(entry.is_document for entries in corpus.files.values() for entry in entries)
    return DemoCorpusManifest(
        files=sorted(corpus.files),
        n_documents=n_documents,
        n_broken=n_broken,
        planted_duplicates=duplicates,
    )


def _word_shingle_jaccard(a: str, b: str, n: int = SHINGLE_WORDS) -> float:
    """Jaccard similarity of the lower-cased word n-gram sets of two texts (1.0 if both empty)."""
    shingles_a, shingles_b = _shingles(a, n), _shingles(b, n)
    if not shingles_a and not shingles_b:
        return 1.0
    return len(shingles_a & shingles_b) / len(shingles_a | shingles_b)


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    if not tokens:
        return set()
    return {tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))}


def _normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


# ---- documents -----------------------------------------------------------------------------------


@dataclass
class _Entry:
    """One record of a shard file: a document (text) or a broken record (raw line or null text)."""

    file: str
    text: str | None
    raw: bytes | None = None
    title: str | None = None
    section: str = "general"
    author: str = "guest"
    genre: str = ""
    seed: int = 0
    position: int = 0

    @property
    def is_document(self) -> bool:
        return self.text is not None and self.raw is None

    @property
    def n_words(self) -> int:
        return len(_WORD.findall(self.text or ""))


class _Composed(NamedTuple):
    title: str | None
    text: str


@dataclass(frozen=True)
class _Character:
    first: str
    last: str
    female: bool
    role: str

    def attribute(self, name: str) -> str:
        key = name.lower()
        if key in words.GENDERED_ATTRIBUTES:
            return words.GENDERED_ATTRIBUTES[key][self.female]
        values = {
            "name": f"{self.first} {self.last}",
            "first": self.first,
            "last": self.last,
            "role": self.role,
            "a_role": f"{_article(self.role)} {self.role}",
        }
        if key not in values:
            raise KeyError(f"unknown character attribute {name!r} in a demo template")
        return values[key]


def _make_character(
    rng: random.Random, topic: words.Topic, flip: bool, avoid_last: str = ""
) -> _Character:
    """A character; `flip` swaps the gender without changing what the generator draws next."""
    female = (rng.random() < 0.5) != flip
    first = rng.choice(words.FIRST_NAMES)
    last = rng.choice([name for name in words.LAST_NAMES if name != avoid_last])
    kind = rng.random()
    if kind < 0.7:
        pair = words.ROLE_PAIRS[rng.choice(topic.roles)]
    elif kind < 0.8:
        pair = words.ROLE_PAIRS[rng.choice(list(words.ROLE_PAIRS))]
    else:
        neutral = rng.choice(topic.neutral_roles)
        pair = (neutral, neutral)
    return _Character(first, last, female, pair[female])


def _article(noun: str) -> str:
    lower = noun.lower()
    if lower.startswith(_AN_BEFORE_CONSONANT):
        return "an"
    if lower.startswith(_A_BEFORE_VOWEL):
        return "a"
    return "an" if lower[:1] in "aeiou" else "a"


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith(("ss", "sh", "ch")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


def _gendered_role(rng: random.Random, keys: Sequence[str]) -> str:
    return words.ROLE_PAIRS[rng.choice(keys)][rng.random() < 0.5]


class _Filler:
    """Fills one document's templates from its topic, its two characters and the generator."""

    def __init__(self, rng: random.Random, topic: words.Topic, flip: bool):
        self.rng = rng
        self.topic = topic
        self.characters = {"P": _make_character(rng, topic, flip)}
        self.characters["Q"] = _make_character(
            rng, topic, flip, avoid_last=self.characters["P"].last
        )
        all_roles = list(words.ROLE_PAIRS)
        self.slots: dict[str, Callable[[], str]] = {
            name: (lambda values=values: rng.choice(values))
            for name, values in words.FILLERS.items()
        }
        self.slots |= {
            "town": lambda: rng.choice(words.TOWNS),
            "day": lambda: rng.choice(words.DAYS),
            "month": lambda: rng.choice(words.MONTHS),
            "season": lambda: rng.choice(words.SEASONS),
            "num": lambda: str(rng.randint(2, 30)),
            "big": lambda: f"{rng.randint(120, 9500):,}",
            "pct": lambda: str(rng.randint(3, 45)),
            "place": lambda: rng.choice(topic.places),
            "event": lambda: rng.choice(topic.events),
            "thing": lambda: rng.choice(topic.things),
            "org": lambda: rng.choice(topic.orgs),
            "issue": lambda: rng.choice(topic.issues),
            "neutral": lambda: rng.choice(topic.neutral_roles),
            "kin": lambda: rng.choice(words.KIN),
            "role_pl": lambda: _plural(_gendered_role(rng, topic.roles)),
            "a_role": lambda: _with_article(_gendered_role(rng, all_roles)),
            "a_spokes": lambda: _with_article(_gendered_role(rng, ["spokes"])),
        }

    def fill(self, template: str) -> str:
        """The template with every alternative chosen and every slot filled (see demo_text).

        A template that opens with a character's pronoun ("{P.He} says ...") sometimes names the
        character instead, and words of the template's own text may be swapped for an
        interchangeable word, so that sentences from one template do not all read alike.
        """
        text = template
        pronoun_subject = _PRONOUN_SUBJECT.match(template)
        if pronoun_subject and self.rng.random() < NAMED_SUBJECT_RATE:
            text = "{" + pronoun_subject.group(1) + ".Ref} " + template[pronoun_subject.end() :]
        text = self._expand(text)
        # Only the text between slots: slot names and slot values stay as they are.
        text = "".join(
            part if part.startswith("{") else _VARIABLE_WORD.sub(self._vary, part)
            for part in _SLOT_OR_TEXT.findall(text)
        )
        text = _SLOT.sub(self._replace, text)
        text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _DOUBLE_SPACE.sub(" ", text))
        return _ARTICLE.sub(_fitting_article, text)

    def _expand(self, template: str) -> str:
        """The template with every [a|b] alternative chosen, innermost first."""
        text = template
        while (chosen := _CHOICE.sub(self._choose, text)) != text:
            text = chosen
        if "[" in text or "]" in text:
            raise ValueError(f"unbalanced [ ] in the demo template {template!r}")
        return text

    def _vary(self, match: re.Match[str]) -> str:
        word = match.group(0)
        variant = self.rng.choice(_WORD_VARIANTS[word.lower()])
        return variant[:1].upper() + variant[1:] if word[:1].isupper() else variant

    def _choose(self, match: re.Match[str]) -> str:
        return self.rng.choice(match.group(1).split("|"))

    def _replace(self, match: re.Match[str]) -> str:
        head, attribute = match.group(1), match.group(2)
        if attribute is not None and attribute.lower() == "ref":
            value = self.fill(self.rng.choice(_CHARACTER_REFERENCES).replace("X", head))
            capitalise = attribute[0].isupper()
        elif attribute is not None:
            value = self.characters[head].attribute(attribute)
            capitalise = attribute[0].isupper()
        else:
            if head.lower() not in self.slots:
                raise KeyError(f"unknown slot {head!r} in a demo template")
            value = self.slots[head.lower()]()
            if "{" in value or "[" in value:
                value = _SLOT.sub(self._replace, self._expand(value))
            capitalise = head[0].isupper()
        return value[:1].upper() + value[1:] if capitalise else value

    def sentences(self, pool: Sequence[str], count: int) -> list[str]:
        return [self.fill(template) for template in self.rng.sample(pool, min(count, len(pool)))]


# Ways to name a character without a pronoun; X stands for the character's letter (P or Q).
_CHARACTER_REFERENCES = ("{X.name}", "{X.first}", "{X.last}", "the {X.role}")


def _fitting_article(match: re.Match[str]) -> str:
    """ "a" or "an", whichever the next word takes, keeping the article's capitalisation."""
    return match.group(1) + ("n " if _article(match.group(2)) == "an" else " ")


def _with_article(noun: str) -> str:
    return f"{_article(noun)} {noun}"


def _sentence_count(rng: random.Random, low: int, high: int) -> int:
    """Mostly `low..high`; a few documents are very short or about twice as long."""
    draw = rng.random()
    if draw < 0.06:
        return rng.randint(0, 1)
    if draw > 0.94:
        return rng.randint(high + 2, 2 * high + 2)
    return rng.randint(low, high)


def _paragraphs(
    rng: random.Random, sentences: list[str], low: int, high: int, separator: str
) -> str:
    paragraphs: list[str] = []
    index = 0
    while index < len(sentences):
        size = rng.randint(low, high)
        paragraphs.append(" ".join(sentences[index : index + size]))
        index += size
    return separator.join(paragraphs)


def _linked(rng: random.Random, sentences: list[str], genre: str) -> list[str]:
    """Vary how sentences meet: some open with a connector, some join the sentence before.

    Only sentences whose first word reads the same in lower case are changed, and the decision
    never depends on a character's gender, so a gender-variant copy links its sentences alike.
    """
    linked: list[str] = []
    for sentence in sentences:
        draw = rng.random()
        if not linked or sentence.split(" ", 1)[0] not in words.LOWERCASE_STARTS:
            linked.append(sentence)
            continue
        lowered = sentence[:1].lower() + sentence[1:]
        if draw < 0.12 and linked[-1].endswith(".") and '"' not in linked[-1]:
            linked[-1] = linked[-1][:-1] + rng.choice(("; ", ", and ")) + lowered
        elif draw < 0.4:
            linked.append(rng.choice(words.CONNECTORS[genre]) + lowered)
        else:
            linked.append(sentence)
    return linked


def _compose_news(filler: _Filler, rng: random.Random) -> _Composed:
    title = filler.fill(rng.choice(words.NEWS_TITLES))
    body = filler.sentences(words.NEWS_BODY + filler.topic.facts, _sentence_count(rng, 3, 8))
    sentences = [filler.fill(rng.choice(words.NEWS_OPENINGS)), *body]
    if rng.random() < 0.6:
        sentences.append(filler.fill(rng.choice(words.NEWS_CLOSINGS)))
    return _Composed(title, _paragraphs(rng, _linked(rng, sentences, "news"), 1, 3, "\n\n"))


def _compose_forum(filler: _Filler, rng: random.Random) -> _Composed:
    title = filler.fill(rng.choice(words.FORUM_TITLES))
    sentences = [filler.fill(rng.choice(words.FORUM_OPENINGS))]
    sentences += filler.sentences(words.FORUM_BODY, _sentence_count(rng, 2, 7))
    if rng.random() < 0.5:
        sentences.append(filler.fill(rng.choice(words.FORUM_CLOSINGS)))
    return _Composed(title, _paragraphs(rng, _linked(rng, sentences, "forum"), 1, 3, "\n"))


def _compose_story(filler: _Filler, rng: random.Random) -> _Composed:
    title = filler.fill(rng.choice(words.STORY_TITLES))
    sentences = [filler.fill(rng.choice(words.STORY_OPENINGS))]
    sentences += filler.sentences(words.STORY_BODY, _sentence_count(rng, 5, 12))
    sentences.append(filler.fill(rng.choice(words.STORY_CLOSINGS)))
    return _Composed(title, _paragraphs(rng, _linked(rng, sentences, "story"), 2, 4, "\n\n"))


def _compose_essay(filler: _Filler, rng: random.Random) -> _Composed:
    if rng.random() < 0.3:
        lines = [
            "MEMO: " + filler.fill(rng.choice(words.MEMO_SUBJECTS)),
            "To: " + filler.fill(rng.choice(words.MEMO_TO)),
            "From: " + filler.fill(rng.choice(words.MEMO_FROM)),
            filler.fill("Date: {Day} {num} {Month}"),
            *filler.sentences(words.MEMO_BODY, rng.randint(2, 6)),
            filler.fill(rng.choice(words.MEMO_CLOSINGS)),
            filler.fill("{P.name}"),
        ]
        return _Composed(None, "\n".join(lines))
    sentences = [filler.fill(rng.choice(words.ESSAY_OPENINGS))]
    sentences += filler.sentences(
        words.ESSAY_BODY + filler.topic.facts, _sentence_count(rng, 5, 11)
    )
    sentences.append(filler.fill(rng.choice(words.ESSAY_CLOSINGS)))
    return _Composed(None, _paragraphs(rng, _linked(rng, sentences, "essay"), 2, 4, "\n"))


def _compose_headline(filler: _Filler, rng: random.Random) -> _Composed:
    return _Composed(None, filler.fill(rng.choice(words.HEADLINES)))


_COMPOSERS: dict[str, Callable[[_Filler, random.Random], _Composed]] = {
    "news": _compose_news,
    "forum": _compose_forum,
    "story": _compose_story,
    "essay": _compose_essay,
    "headline": _compose_headline,
}
_FILE_GENRES: dict[str, tuple[str, ...]] = {
    NEWS_FILE: ("news",),
    FORUM_FILE: ("forum",),
    STORIES_FILE: ("story",),
    ESSAYS_FILE: ("essay",),
    HEADLINES_FILE: ("headline",),
    BROKEN_FILE: ("news", "forum"),
}
_TOPIC_NAMES = list(words.TOPICS)


def _compose(genre: str, topic_name: str, seed: int, flip: bool = False) -> _Composed:
    """One document, fully determined by its genre, topic and seed; `flip` swaps genders only."""
    rng = random.Random(seed)
    filler = _Filler(rng, words.TOPICS[topic_name], flip)
    return _COMPOSERS[genre](filler, rng)


# ---- the corpus ----------------------------------------------------------------------------------

_LOW_QUALITY = ("too_short", "symbol_soup", "repeated_line", "non_english", "keyword_spam")
_DOCUMENT_FILES = (NEWS_FILE, FORUM_FILE, STORIES_FILE, ESSAYS_FILE, HEADLINES_FILE, BROKEN_FILE)
_LONG_TEXT_FILES = tuple(name for name in _DOCUMENT_FILES if name != HEADLINES_FILE)
_MAX_ATTEMPTS = 50

Planted = tuple[_Entry, _Entry, Literal["exact", "near"]]


@dataclass
class _CorpusBuilder:
    """Each shard's records in file order; every step draws from the one seeded generator."""

    rng: random.Random
    files: dict[str, list[_Entry]] = field(
        default_factory=lambda: {name: [] for name in SHARD_SHARES}
    )
    seen: set[str] = field(default_factory=set)
    generated: list[_Entry] = field(default_factory=list)
    reserved: set[int] = field(default_factory=set)

    def add_generated(self, n_documents: int) -> None:
        for name, count in _apportion(n_documents, SHARD_SHARES).items():
            for _ in range(count):
                entry = self._generate(name)
                self.files[name].append(entry)
                self.generated.append(entry)

    def _generate(self, name: str) -> _Entry:
        for _ in range(_MAX_ATTEMPTS):
            genre = self.rng.choice(_FILE_GENRES[name])
            topic = self.rng.choice(_TOPIC_NAMES)
            seed = self.rng.getrandbits(64)
            composed = _compose(genre, topic, seed)
            if self._claim(composed.text):
                return _Entry(
                    file=name,
                    text=composed.text,
                    title=composed.title,
                    section=topic,
                    author=self._username(),
                    genre=genre,
                    seed=seed,
                )
        raise RuntimeError(
            f"could not generate a new distinct document for {name}: too few templates"
        )

    def _claim(self, text: str) -> bool:
        """Reserve a normalised text; False when an earlier document already has it."""
        key = _normalised(text) or text  # symbol soup has no words; compare it verbatim
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def _username(self) -> str:
        parts = self.rng.sample(words.USERNAME_PARTS, 2)
        return f"{parts[0]}_{parts[1]}{self.rng.randint(1, 99)}"

    def plant_duplicates(self, config: DemoCorpusConfig) -> list[Planted]:
        n = config.n_documents
        long_sources = [
            entry
            for entry in self.generated
            if entry.file != HEADLINES_FILE and entry.n_words >= NEAR_DUPLICATE_MIN_WORDS
        ]
        self.rng.shuffle(long_sources)
        planted: list[Planted] = []
        n_variants = round(config.gender_variant_rate * n)
        for entry in long_sources:
            if len(planted) == n_variants:
                break
            variant = _compose(entry.genre, entry.section, entry.seed, flip=True).text
            if variant != entry.text and self._claim(variant):
                planted.append(self._plant(entry, variant, "near", long_text=True))
        if len(planted) < n_variants:
            raise ValueError(
                f"the demo corpus has only {len(planted)} documents that can take a gender variant "
                f"but {n_variants} were asked for: raise n_documents or lower gender_variant_rate"
            )
        near_sources = [entry for entry in long_sources if id(entry) not in self.reserved]
        planted += [
            self._plant(entry, self._near_copy(entry.text or ""), "near", long_text=True)
            for entry in self._take(near_sources, round(config.near_duplicate_rate * n), "near")
        ]
        exact_sources = [entry for entry in self.generated if id(entry) not in self.reserved]
        planted += [
            self._plant(
                entry, self._exact_copy(entry.text or ""), "exact", long_text=entry.n_words > 30
            )
            for entry in self._take(exact_sources, round(config.exact_duplicate_rate * n), "exact")
        ]
        return planted

    def _take(self, candidates: list[_Entry], count: int, kind: str) -> list[_Entry]:
        if count > len(candidates):
            raise ValueError(
                f"the demo corpus has only {len(candidates)} documents that can take a {kind} "
                f"duplicate but {count} were asked for: raise n_documents or lower the "
                f"{kind}_duplicate_rate"
            )
        return self.rng.sample(candidates, count)

    def _plant(
        self, original: _Entry, text: str, kind: Literal["exact", "near"], long_text: bool
    ) -> Planted:
        self.reserved.add(id(original))
        targets = _LONG_TEXT_FILES if long_text else _DOCUMENT_FILES
        target = original.file if self.rng.random() < 0.5 else self.rng.choice(targets)
        copy = _Entry(
            file=target,
            text=_fit(text, FILE_FORMATS[target]),
            title=original.title,
            section=original.section,
            author=self._username(),
        )
        self._insert(copy)
        return copy, original, kind

    def _insert(self, entry: _Entry) -> None:
        entries = self.files[entry.file]
        entries.insert(self.rng.randrange(len(entries) + 1), entry)

    def _exact_copy(self, text: str) -> str:
        """The same text, or one differing only in case, whitespace or punctuation."""
        change = self.rng.choices(
            ["identical", "case", "whitespace", "punctuation"], weights=[50, 15, 20, 15]
        )[0]
        if change == "case":
            return text.lower()
        if change == "whitespace":
            spaces = [index for index, char in enumerate(text) if char == " "]
            for index in sorted(self.rng.sample(spaces, min(3, len(spaces))), reverse=True):
                text = text[:index] + "  " + text[index + 1 :]
            return text
        if change == "punctuation":
            return re.sub(r",(?=\s)", "", text) if ", " in text else text.rstrip(".!?")
        return text

    def _near_copy(self, text: str) -> str:
        """The text with a few words replaced, inserted or deleted, still >= 0.8 Jaccard similar."""
        tokens = text.split(" ")
        editable = [index for index in range(1, len(tokens)) if "\n" not in tokens[index]]
        edits = max(1, min(4, len(_WORD.findall(text)) // NEAR_DUPLICATE_MIN_WORDS))
        for count in range(edits, 0, -1):
            positions = sorted(self.rng.sample(editable, count), reverse=True)
            edited = list(tokens)
            for position in positions:
                _edit_word(self.rng, edited, position)
            candidate = " ".join(edited)
            if _word_shingle_jaccard(text, candidate) >= NEAR_DUPLICATE_MIN_JACCARD:
                return candidate
        raise RuntimeError("a one-word edit dropped Jaccard similarity below the threshold")

    def add_noise(self, count: int) -> None:
        candidates = [entry for entry in self.generated if id(entry) not in self.reserved]
        for entry in self.rng.sample(candidates, min(count, len(candidates))):
            entry.text = _noisy(self.rng, entry.text or "", FILE_FORMATS[entry.file])

    def add_low_quality(self, count: int) -> None:
        for index in range(count):
            kind = _LOW_QUALITY[index % len(_LOW_QUALITY)]
            # A repeated line needs several lines, which a one-document-per-line file cannot hold.
            target = self.rng.choice(
                _LONG_TEXT_FILES if kind == "repeated_line" else _DOCUMENT_FILES
            )
            for _ in range(_MAX_ATTEMPTS):
                text = _low_quality_text(self.rng, kind)
                if self._claim(text):
                    break
            else:
                raise RuntimeError(f"could not generate a new distinct {kind} document")
            self._insert(_Entry(file=target, text=text, section="misc"))

    def add_broken(self) -> int:
        """Insert one broken record of every kind ingestion quarantines; returns how many."""
        broken = [_Entry(file=BROKEN_FILE, text="", raw=raw) for raw in _BROKEN_JSON_LINES]
        broken.append(_Entry(file=HEADLINES_FILE, text="", raw=_BROKEN_HEADLINE))
        broken.append(_Entry(file=STORIES_FILE, text=None, title="Untitled"))
        for entry in broken:
            self._insert(entry)
        return len(broken)


def _apportion(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Split `total` by `shares` with the largest-remainder method (counts sum to `total`)."""
    exact = {name: total * share / sum(shares.values()) for name, share in shares.items()}
    counts = {name: int(value) for name, value in exact.items()}
    by_remainder = sorted(exact, key=lambda name: exact[name] - counts[name], reverse=True)
    for name in by_remainder[: total - sum(counts.values())]:
        counts[name] += 1
    return counts


def _fit(text: str, file_format: FileFormat) -> str:
    """Make a text storable as one record of the format (whitespace changes only)."""
    if file_format == "lines":
        return re.sub(r"\s*\n\s*", " ", text)
    if file_format == "blocks":
        return re.sub(r"\n\s*\n", "\n", text)
    return text


def _edit_word(rng: random.Random, tokens: list[str], position: int) -> None:
    token = tokens[position]
    core = token.strip(".,!?;:\"'")
    operations = ["insert"]
    if token.isalpha():
        operations.append("delete")
    if core.lower() in words.SYNONYMS:
        operations.append("replace")
    operation = rng.choice(operations)
    if operation == "insert":
        tokens.insert(position, rng.choice(words.INSERTED_WORDS))
    elif operation == "delete":
        del tokens[position]
    else:
        synonym = words.SYNONYMS[core.lower()]
        if core[:1].isupper():
            synonym = synonym[:1].upper() + synonym[1:]
        tokens[position] = token.replace(core, synonym, 1)


# ---- noise, low-quality and broken records -------------------------------------------------------


def _noisy(rng: random.Random, text: str, file_format: FileFormat) -> str:
    """Add one or two kinds of noise that cleaning should undo or strip.

    Kinds apply in `_NOISE` order, so markup and boilerplate wrap the text last, as on a web page.
    Control characters stay out of the text formats, where a reader may take some for line breaks.
    """
    kinds = [
        kind
        for kind in _NOISE
        if (kind != "control" or file_format in ("jsonl", "parquet"))
        and (kind != "boilerplate" or file_format != "lines")
    ]
    chosen = rng.sample(kinds, rng.choice([1, 1, 2]))
    for kind in (kind for kind in _NOISE if kind in chosen):
        text = _NOISE[kind](rng, text, file_format)
    return text


def _html_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    slug = "-".join(_WORD.findall(text.lower())[:4])
    tokens = text.split(" ")
    plain = [index for index, token in enumerate(tokens) if token.isalpha() and len(token) > 3]
    if plain:
        index = rng.choice(plain)
        tokens[index] = f"<b>{tokens[index]}</b>"
    text = " ".join(tokens).replace(" and ", " &amp; ", 1)
    spaces = [index for index, char in enumerate(text) if char == " "]
    if spaces:
        index = rng.choice(spaces)
        text = text[:index] + "&nbsp;" + text[index + 1 :]
    text += f' <a href="https://www.example.org/{slug}">Read more</a>'
    if file_format == "lines":
        return text
    separator = "\n\n" if "\n\n" in text else "\n"
    return separator.join(f"<p>{paragraph}</p>" for paragraph in text.split(separator))


def _whitespace_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    spaces = [index for index, char in enumerate(text) if char == " "]
    for index in sorted(rng.sample(spaces, min(4, len(spaces))), reverse=True):
        odd_space = rng.choice(["\t", "   ", "\u00a0", " \u00a0 ", "  \t"])
        text = text[:index] + odd_space + text[index + 1 :]
    return text + "   " if file_format != "lines" else text


def _unicode_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    if text.isascii():
        separator = " " if text.rstrip()[-1:] in tuple('.!?"') else ". "
        text = text.rstrip() + separator + rng.choice(words.ACCENTED_SENTENCES)
    return unicodedata.normalize("NFD", text)


def _control_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    spaces = [index for index, char in enumerate(text) if char == " "]
    for index in sorted(rng.sample(spaces, min(2, len(spaces))), reverse=True):
        text = text[: index + 1] + rng.choice(["\x07", "\x0b", "\x0c", "\x1b"]) + text[index + 1 :]
    return text


def _boilerplate_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    source = rng.choice(words.ARTICLE_SOURCES)
    header = rng.choice(["Share this article", "Advertisement", "Cookie policy"])
    footer = rng.choice(words.BOILERPLATE_LINES)
    copyright_line = f"\u00a9 {rng.randint(2019, 2024)} {source}. All rights reserved."
    return f"{header}\n{text}\n{footer}\n{copyright_line}"


_NOISE: dict[str, Callable[[random.Random, str, FileFormat], str]] = {
    "unicode": _unicode_noise,
    "whitespace": _whitespace_noise,
    "control": _control_noise,
    "html": _html_noise,
    "boilerplate": _boilerplate_noise,
}


def _low_quality_text(rng: random.Random, kind: str) -> str:
    if kind == "too_short":
        text = " ".join(rng.sample(words.SHORT_WORDS, rng.randint(1, 3)))
        return text.capitalize() + rng.choice(["", "!", ".", "!!", "?"])
    if kind == "symbol_soup":
        return " ".join(rng.choices(words.SYMBOLS, k=rng.randint(8, 16)))
    if kind == "repeated_line":
        line = " ".join(rng.choice(part) for part in words.REPEATED_LINE_PARTS)
        return "\n".join([line] * rng.randint(10, 14))
    if kind == "non_english":
        pool = rng.choice([words.FRENCH_SENTENCES, words.GERMAN_SENTENCES])
        return " ".join(rng.sample(pool, rng.randint(3, 5)))
    return " ".join(rng.sample(words.SPAM_KEYWORDS, rng.randint(15, 25)))


# One JSON Lines record of every kind the quarantine reports, plus an array line (not an object).
_BROKEN_JSON_LINES: tuple[bytes, ...] = (
    b'{"id": "rec-trunc", "text": "The chairman said the meeting would',
    b'{"id": "rec-garbage", "text": "The policewoman thanked the crowd."} trailing garbage',
    b'{"id": "rec-utf8", "text": "The caf\xff\xfe menu was changed again by the new waitress."}',
    b'{"id": "rec-missing", "body": "The spokesman read a short statement outside."}',
    b'{"id": "rec-number", "text": 42}',
    b'{"id": "rec-list", "text": ["The", "fireman", "waved"]}',
    b'{"id": "rec-null", "text": null}',
    b'{"id": "rec-empty", "text": ""}',
    b'{"id": "rec-blank", "text": "   "}',
    b'["The headmistress", "opened the fete"]',
)
_BROKEN_HEADLINE = b"Council announces new \xff\xfe parking rules for the town centre next month"


# ---- writing -------------------------------------------------------------------------------------


def _render(name: str, entries: list[_Entry]) -> bytes:
    """The file's bytes; sets each entry's position (line, block's first line, or Parquet row)."""
    file_format = FILE_FORMATS[name]
    if file_format == "parquet":
        for row, entry in enumerate(entries, start=1):
            entry.position = row
        table = pa.table(
            {
                "id": [f"{ID_PREFIXES[name]}-{entry.position:05d}" for entry in entries],
                "title": [entry.title for entry in entries],
                "text": [entry.text for entry in entries],
            },
            schema=pa.schema([("id", pa.string()), ("title", pa.string()), ("text", pa.string())]),
        )
        buffer = io.BytesIO()
        pq.write_table(table, buffer, compression="zstd")
        return buffer.getvalue()
    if file_format == "blocks":
        line = 1
        blocks: list[bytes] = []
        for entry in entries:
            entry.position = line
            blocks.append((entry.text or "").encode())
            line += (entry.text or "").count("\n") + 2
        return b"\n\n".join(blocks) + b"\n"
    lines: list[bytes] = []
    for number, entry in enumerate(entries, start=1):
        entry.position = number
        if entry.raw is not None:
            lines.append(entry.raw)
        elif file_format == "lines":
            lines.append((entry.text or "").encode())
        else:
            lines.append(json.dumps(_json_record(name, entry), ensure_ascii=False).encode())
    return b"\n".join(lines) + b"\n"


def _json_record(name: str, entry: _Entry) -> dict[str, str | None]:
    record_id = f"{ID_PREFIXES[name]}-{entry.position:05d}"
    if name == NEWS_FILE:
        return {"id": record_id, "section": entry.section, "title": entry.title, "text": entry.text}
    if name == FORUM_FILE:
        return {"id": record_id, "author": entry.author, "thread": entry.title, "text": entry.text}
    return {"id": record_id, "text": entry.text}


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a hidden temporary file in the same folder, then rename over the target."""
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
