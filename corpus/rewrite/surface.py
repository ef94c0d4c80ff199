"""Surface helpers shared by the rewrite rules: case transfer, a/an choice, the scan pattern, and
the spans (URLs, code, e-mail addresses) that are never rewritten."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

APOSTROPHES = "'\u2019"
# Protected text: fenced code (to the closing fence or the end), inline code, URLs, e-mails.
_PROTECTED = re.compile(
    r"```.*?(?:```|\Z)"
    r"|`[^`\n]*`"
    r"|(?:https?://|ftp://|www\.)[^\s<>\"'`\u2019]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.S | re.I,
)
_WORD_PARTS = re.compile(r"[\s-]+")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_HEADING_BREAKS = (".", "!", "?", "\n")
_HEADING_REACH = 80
# Words a Title Case heading leaves in lowercase (Chicago-style short function words).
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with"}
    | {"from", "as", "vs", "via", "per", "into", "onto", "upon"}
)
# Starts of words spoken with a vowel sound despite their letter, or the other way round.
_SILENT_H = ("heir", "hour", "honest", "honor", "honour")
_CONSONANT_VOWEL = ("uni", "use", "usu", "uti", "ura", "ure", "uri", "uro", "ubi", "eu", "ewe")


def in_title_case_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits in a Title Case heading ("Ask a Policeman: Your Questions
    Answered"): every other content word of its sentence (stopping at . ! ? or a line break) is
    capitalised, and there is at least one."""
    left = text[max(0, start - _HEADING_REACH) : start]
    left = left[max(left.rfind(mark) for mark in _HEADING_BREAKS) + 1 :]
    right = text[end : end + _HEADING_REACH]
    cut = [index for index in map(right.find, _HEADING_BREAKS) if index >= 0]
    right = right[: min(cut)] if cut else right
    content = [
        word
        for word in _LETTER_RUNS.findall(left + " " + right)
        if word.lower() not in _SMALL_WORDS
    ]
    return bool(content) and all(word[0].isupper() for word in content)


def match_case(original: str, replacement: str) -> str:
    """Give `replacement` the capitalisation pattern of `original`.

    lower -> lower; UPPER (two or more letters) -> UPPER; Title Case of a multi-part original
    ("Cleaning Lady", "Man-Made") -> every part titled; a capital first letter -> a capital first
    letter
    ("Policewoman" -> "Police officer").
    """
    if original.islower() or not original:
        return replacement
    if original.isupper() and sum(char.isalpha() for char in original) > 1:
        return replacement.upper()
    if not original[0].isupper():
        return replacement
    if original.isalpha():  # one part: no space or hyphen
        return replacement[:1].upper() + replacement[1:]
    parts = [part for part in _WORD_PARTS.split(original) if part]
    if len(parts) > 1 and all(part[0].isupper() for part in parts):
        return title_case(replacement)
    return replacement[:1].upper() + replacement[1:]


def title_case(phrase: str) -> str:
    """Capitalise every space- or hyphen-separated part: "police officer" -> "Police Officer"."""
    return re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), phrase)


def indefinite_article(next_word: str) -> str:
    """'a' or 'an' for the word that follows, by its first sound (an heir, a user, a one-off)."""
    word = next_word.lower()
    if word.startswith(_SILENT_H):
        return "an"
    if word.startswith(_CONSONANT_VOWEL) or word in ("one", "once") or word.startswith("one-"):
        return "a"
    return "an" if word[:1] in ("a", "e", "i", "o", "u") else "a"


def article_like(original: str, article: str, shouting: bool) -> str:
    """`article` ('a'/'an') in the case of the `original` one; a lone 'A' is upper if `shouting`."""
    if original.islower():
        return article
    if (len(original) > 1 and original.isupper()) or (len(original) == 1 and shouting):
        return article.upper()
    return article.capitalize()


def scan_pattern(forms: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """One regex matching any of `forms` (lowercase) as whole words, built as a character trie.

    Every top-level alternative starts with a literal character, so on lowercased text the regex
    engine skips positions by a first-character set; the left word boundary is checked right after
    that first character (`(?<!\\w.)`) so that the optimisation survives. A space in a form matches
    any run of whitespace, a slash after a word of two letters or more optional spaces around it,
    an apostrophe straight or curly.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for atom in form_atoms(form):
            node = node.setdefault(atom, {})
        node[""] = {}
    if not trie:
        return re.compile(r"(?!)")
    branches = [atom + r"(?<!\w.)" + _trie_regex(child) for atom, child in sorted(trie.items())]
    return re.compile("(?:" + "|".join(branches) + r")(?!\w)", flags)


def phrase_regex(form: str) -> str:
    """The regex source for one lowercase form, with the same spacing rules as `scan_pattern`."""
    return "".join(form_atoms(form))


def form_atoms(form: str) -> list[str]:
    """The regex source of each character of a lowercase form (see `scan_pattern`)."""
    atoms = []
    for index, char in enumerate(form):
        if char == " ":
            atoms.append(r"\s+")
        elif (
            char == "/" and index >= 2 and form[index - 2].isalpha()
        ):  # "he / she"; "s/he" is tight
            atoms.append(r"\s*/\s*")
        elif char in APOSTROPHES:
            atoms.append("['\u2019]")
        else:
            atoms.append(re.escape(char))
    return atoms


def _trie_regex(node: dict) -> str:
    children = [atom + _trie_regex(child) for atom, child in sorted(node.items()) if atom]
    if not children:
        return ""
    body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


class ProtectedSpans:
    """The character ranges of a text that must stay byte-identical (URLs, code, e-mails)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, text: str, lowered: str):
        self._starts: list[int] = []
        self._ends: list[int] = []
        # single characters first: a one-character search is far faster than a substring one
        if "`" in text or "@" in text or (":" in text and "://" in text) or "www." in lowered:
            for match in _PROTECTED.finditer(text):
                self._starts.append(match.start())
                self._ends.append(match.end())

    def __bool__(self) -> bool:
        """Whether the text has any protected span at all."""
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) touches any protected span."""
        if not self._starts:
            return False
        index = bisect_right(self._starts, end - 1) - 1
        return index >= 0 and self._ends[index] > start
