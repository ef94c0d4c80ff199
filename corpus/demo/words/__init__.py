"""Word lists and sentence templates for the demo corpus (see corpus/demo/prose.py).

A template mixes fixed words with three kinds of variable parts, so that no long word sequence
repeats across documents (the leakage check compares word 13-grams between splits):
- `[one|two|three]` picks one alternative; alternatives may be empty and may nest.
- `{slot}` inserts a topic or filler value (`{town}`, `{when}`, `{issue}`, ...); a filler value may
  itself be a template.
- `{P.attr}` / `{Q.attr}` insert an attribute of the document's two characters: name, first, last,
  role, a_role (role with its article), ref (name, first name, last name or "the role", drawn per
  use), he, him, his (determiner), hers (standalone), himself, man, kid, hero.
A capitalised slot or attribute (`{Town}`, `{P.He}`) capitalises the first letter of what it
inserts. On top of that the generator swaps words of WORD_VARIANTS for an interchangeable word,
may name a character where a template opens with its pronoun, links sentences with CONNECTORS, and
fixes "a"/"an" (demo/prose.py). Rule of thumb, measured with the leakage check: any 13 words of a
template should hold two or three parts that vary widely (a name, {town}, {street}, {when}, {num}).
Pronoun templates are written in the third person singular ("{P.he} walks", "{P.he} doesn't"),
which is exactly what the rewriting stage has to turn into "they walk", "they don't"; a verb always
has its own pronoun ("and {P.he} says", never "and says"), so the rewritten text stays grammatical.
"""

from __future__ import annotations

from corpus.demo.words.connectors import (
    CONNECTORS,
    LOWERCASE_STARTS,
    WORD_VARIANTS,
)
from corpus.demo.words.fillers import (
    FILLERS,
)
from corpus.demo.words.headlines_noise import (
    ACCENTED_SENTENCES,
    ARTICLE_SOURCES,
    BOILERPLATE_LINES,
    FRENCH_SENTENCES,
    GERMAN_SENTENCES,
    HEADLINES,
    INSERTED_WORDS,
    REPEATED_LINE_PARTS,
    SHORT_WORDS,
    SPAM_KEYWORDS,
    SYMBOLS,
    SYNONYMS,
)
from corpus.demo.words.news_forum import (
    FORUM_BODY,
    FORUM_CLOSINGS,
    FORUM_OPENINGS,
    FORUM_TITLES,
    NEWS_BODY,
    NEWS_CLOSINGS,
    NEWS_OPENINGS,
    NEWS_TITLES,
    USERNAME_PARTS,
)
from corpus.demo.words.people import (
    DAYS,
    FIRST_NAMES,
    GENDERED_ATTRIBUTES,
    KIN,
    LAST_NAMES,
    MONTHS,
    ROLE_PAIRS,
    SEASONS,
    STREET_KINDS,
    STREET_NAMES,
    TOWNS,
)
from corpus.demo.words.stories_essays import (
    ESSAY_BODY,
    ESSAY_CLOSINGS,
    ESSAY_OPENINGS,
    MEMO_BODY,
    MEMO_CLOSINGS,
    MEMO_FROM,
    MEMO_SUBJECTS,
    MEMO_TO,
    STORY_BODY,
    STORY_CLOSINGS,
    STORY_OPENINGS,
    STORY_TITLES,
)
from corpus.demo.words.topics import (
    TOPICS,
    Topic,
)

__all__ = [
    "ACCENTED_SENTENCES",
    "ARTICLE_SOURCES",
    "BOILERPLATE_LINES",
    "CONNECTORS",
    "DAYS",
    "ESSAY_BODY",
    "ESSAY_CLOSINGS",
    "ESSAY_OPENINGS",
    "FILLERS",
    "FIRST_NAMES",
    "FORUM_BODY",
    "FORUM_CLOSINGS",
    "FORUM_OPENINGS",
    "FORUM_TITLES",
    "FRENCH_SENTENCES",
    "GENDERED_ATTRIBUTES",
    "GERMAN_SENTENCES",
    "HEADLINES",
    "INSERTED_WORDS",
    "KIN",
    "LAST_NAMES",
    "LOWERCASE_STARTS",
    "MEMO_BODY",
    "MEMO_CLOSINGS",
    "MEMO_FROM",
    "MEMO_SUBJECTS",
    "MEMO_TO",
    "MONTHS",
    "NEWS_BODY",
    "NEWS_CLOSINGS",
    "NEWS_OPENINGS",
    "NEWS_TITLES",
    "REPEATED_LINE_PARTS",
    "ROLE_PAIRS",
    "SEASONS",
    "SHORT_WORDS",
    "SPAM_KEYWORDS",
    "STORY_BODY",
    "STORY_CLOSINGS",
    "STORY_OPENINGS",
    "STORY_TITLES",
    "STREET_KINDS",
    "STREET_NAMES",
    "SYMBOLS",
    "SYNONYMS",
    "TOPICS",
    "TOWNS",
    "Topic",
    "USERNAME_PARTS",
    "WORD_VARIANTS",
]
