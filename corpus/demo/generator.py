"""The bundled demo corpus: seeded, varied English prose written as landing shards of every format.

`write_demo_corpus` writes six shard files (JSON Lines, Parquet, blank-line blocks, one-per-line
text) whose documents give every stage real work: gender-exclusive words and pronouns for the
rewriter (Bartl & Leavy 2024), markup and odd Unicode for cleaning, low-quality documents for the
quality filters, broken records for quarantine, and planted exact, near and gender-variant
duplicates whose positions the returned manifest records as ground truth for deduplication.
Apart from those planted copies, no two documents share a normalised text, and few share even a
13-word sequence: templates vary almost every few words (see corpus/demo/words/), so that
validation and test documents do not repeat train text once the corpus is split (the leakage
check of corpus/splits/leakage.py compares 13-grams, after Brown et al. 2020).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from corpus.atomic_files import write_bytes_atomic
from corpus.demo import words
from corpus.demo.config import (
    BROKEN_FILE,
    DEFAULT_CONFIG,
    ESSAYS_FILE,
    FILE_FORMATS,
    FORUM_FILE,
    HEADLINES_FILE,
    NEAR_DUPLICATE_MIN_JACCARD,
    NEAR_DUPLICATE_MIN_WORDS,
    NEWS_FILE,
    SHARD_SHARES,
    SHINGLE_WORDS,
    STORIES_FILE,
    DemoCorpusConfig,
    DemoCorpusManifest,
    FileFormat,
    PlantedDuplicate,
)
from corpus.demo.files import Entry, render
from corpus.demo.noise import (
    BROKEN_HEADLINE,
    BROKEN_JSON_LINES,
    LOW_QUALITY_KINDS,
    low_quality_text,
    noisy,
)
from corpus.demo.prose import WORD, compose


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
        max(len(LOW_QUALITY_KINDS), round(config.low_quality_rate * config.n_documents))
    )
    n_broken = corpus.add_broken()

    landing_dir.mkdir(parents=True, exist_ok=True)
    for name, entries in corpus.files.items():
        write_bytes_atomic(landing_dir / name, render(name, entries))
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
    tokens = WORD.findall(text.lower())
    if not tokens:
        return set()
    return {tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))}


def _normalised(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


_FILE_GENRES: dict[str, tuple[str, ...]] = {
    NEWS_FILE: ("news",),
    FORUM_FILE: ("forum",),
    STORIES_FILE: ("story",),
    ESSAYS_FILE: ("essay",),
    HEADLINES_FILE: ("headline",),
    BROKEN_FILE: ("news", "forum"),
}
_TOPIC_NAMES = list(words.TOPICS)


_DOCUMENT_FILES = (NEWS_FILE, FORUM_FILE, STORIES_FILE, ESSAYS_FILE, HEADLINES_FILE, BROKEN_FILE)
_LONG_TEXT_FILES = tuple(name for name in _DOCUMENT_FILES if name != HEADLINES_FILE)
_MAX_ATTEMPTS = 50


Planted = tuple[Entry, Entry, Literal["exact", "near"]]


@dataclass
class _CorpusBuilder:
    """Each shard's records in file order; every step draws from the one seeded generator."""

    rng: random.Random
    files: dict[str, list[Entry]] = field(
        default_factory=lambda: {name: [] for name in SHARD_SHARES}
    )
    seen: set[str] = field(default_factory=set)
    generated: list[Entry] = field(default_factory=list)
    reserved: set[int] = field(default_factory=set)

    def add_generated(self, n_documents: int) -> None:
        for name, count in _apportion(n_documents, SHARD_SHARES).items():
            for _ in range(count):
                entry = self._generate(name)
                self.files[name].append(entry)
                self.generated.append(entry)

    def _generate(self, name: str) -> Entry:
        for _ in range(_MAX_ATTEMPTS):
            genre = self.rng.choice(_FILE_GENRES[name])
            topic = self.rng.choice(_TOPIC_NAMES)
            seed = self.rng.getrandbits(64)
            composed = compose(genre, topic, seed)
            if self._claim(composed.text):
                return Entry(
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
            variant = compose(entry.genre, entry.section, entry.seed, flip=True).text
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

    def _take(self, candidates: list[Entry], count: int, kind: str) -> list[Entry]:
        if count > len(candidates):
            raise ValueError(
                f"the demo corpus has only {len(candidates)} documents that can take a {kind} "
                f"duplicate but {count} were asked for: raise n_documents or lower the "
                f"{kind}_duplicate_rate"
            )
        return self.rng.sample(candidates, count)

    def _plant(
        self, original: Entry, text: str, kind: Literal["exact", "near"], long_text: bool
    ) -> Planted:
        self.reserved.add(id(original))
        targets = _LONG_TEXT_FILES if long_text else _DOCUMENT_FILES
        target = original.file if self.rng.random() < 0.5 else self.rng.choice(targets)
        copy = Entry(
            file=target,
            text=_fit(text, FILE_FORMATS[target]),
            title=original.title,
            section=original.section,
            author=self._username(),
        )
        self._insert(copy)
        return copy, original, kind

    def _insert(self, entry: Entry) -> None:
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
        edits = max(1, min(4, len(WORD.findall(text)) // NEAR_DUPLICATE_MIN_WORDS))
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
            entry.text = noisy(self.rng, entry.text or "", FILE_FORMATS[entry.file])

    def add_low_quality(self, count: int) -> None:
        for index in range(count):
            kind = LOW_QUALITY_KINDS[index % len(LOW_QUALITY_KINDS)]
            # A repeated line needs several lines, which a one-document-per-line file cannot hold.
            target = self.rng.choice(
                _LONG_TEXT_FILES if kind == "repeated_line" else _DOCUMENT_FILES
            )
            for _ in range(_MAX_ATTEMPTS):
                text = low_quality_text(self.rng, kind)
                if self._claim(text):
                    break
            else:
                raise RuntimeError(f"could not generate a new distinct {kind} document")
            self._insert(Entry(file=target, text=text, section="misc"))

    def add_broken(self) -> int:
        """Insert one broken record of every kind ingestion quarantines; returns how many."""
        broken = [Entry(file=BROKEN_FILE, text="", raw=raw) for raw in BROKEN_JSON_LINES]
        broken.append(Entry(file=HEADLINES_FILE, text="", raw=BROKEN_HEADLINE))
        broken.append(Entry(file=STORIES_FILE, text=None, title="Untitled"))
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
