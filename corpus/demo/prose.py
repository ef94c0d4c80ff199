"""Prose from templates: characters, slots, [a|b] alternatives, a/an, and one composer per genre.

A document is fully determined by its genre, topic and seed; the templates and word lists are in
corpus.demo.words."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from corpus.demo import words
from corpus.demo.config import (
    NAMED_SUBJECT_RATE,
)

WORD = re.compile(r"\w+")
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


class Composed(NamedTuple):
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


def _compose_news(filler: _Filler, rng: random.Random) -> Composed:
    title = filler.fill(rng.choice(words.NEWS_TITLES))
    body = filler.sentences(words.NEWS_BODY + filler.topic.facts, _sentence_count(rng, 3, 8))
    sentences = [filler.fill(rng.choice(words.NEWS_OPENINGS)), *body]
    if rng.random() < 0.6:
        sentences.append(filler.fill(rng.choice(words.NEWS_CLOSINGS)))
    return Composed(title, _paragraphs(rng, _linked(rng, sentences, "news"), 1, 3, "\n\n"))


def _compose_forum(filler: _Filler, rng: random.Random) -> Composed:
    title = filler.fill(rng.choice(words.FORUM_TITLES))
    sentences = [filler.fill(rng.choice(words.FORUM_OPENINGS))]
    sentences += filler.sentences(words.FORUM_BODY, _sentence_count(rng, 2, 7))
    if rng.random() < 0.5:
        sentences.append(filler.fill(rng.choice(words.FORUM_CLOSINGS)))
    return Composed(title, _paragraphs(rng, _linked(rng, sentences, "forum"), 1, 3, "\n"))


def _compose_story(filler: _Filler, rng: random.Random) -> Composed:
    title = filler.fill(rng.choice(words.STORY_TITLES))
    sentences = [filler.fill(rng.choice(words.STORY_OPENINGS))]
    sentences += filler.sentences(words.STORY_BODY, _sentence_count(rng, 5, 12))
    sentences.append(filler.fill(rng.choice(words.STORY_CLOSINGS)))
    return Composed(title, _paragraphs(rng, _linked(rng, sentences, "story"), 2, 4, "\n\n"))


def _compose_essay(filler: _Filler, rng: random.Random) -> Composed:
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
        return Composed(None, "\n".join(lines))
    sentences = [filler.fill(rng.choice(words.ESSAY_OPENINGS))]
    sentences += filler.sentences(
        words.ESSAY_BODY + filler.topic.facts, _sentence_count(rng, 5, 11)
    )
    sentences.append(filler.fill(rng.choice(words.ESSAY_CLOSINGS)))
    return Composed(None, _paragraphs(rng, _linked(rng, sentences, "essay"), 2, 4, "\n"))


def _compose_headline(filler: _Filler, rng: random.Random) -> Composed:
    return Composed(None, filler.fill(rng.choice(words.HEADLINES)))


_COMPOSERS: dict[str, Callable[[_Filler, random.Random], Composed]] = {
    "news": _compose_news,
    "forum": _compose_forum,
    "story": _compose_story,
    "essay": _compose_essay,
    "headline": _compose_headline,
}


def compose(genre: str, topic_name: str, seed: int, flip: bool = False) -> Composed:
    """One document, fully determined by its genre, topic and seed; `flip` swaps genders only."""
    rng = random.Random(seed)
    filler = _Filler(rng, words.TOPICS[topic_name], flip)
    return _COMPOSERS[genre](filler, rng)
