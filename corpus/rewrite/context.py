"""Finding the words around a pronoun without regex searches: the word before a position,
walked back over letters, and the offsets and lowercase forms of a clause's tokens."""

from __future__ import annotations

from corpus.rewrite.surface import APOSTROPHES


def is_letter(char: str) -> bool:
    """The regex class [^\\W\\d_]: a word character that is neither a decimal digit nor "_"."""
    return char.isalpha() or (char.isalnum() and not char.isdecimal())


def word_before(text: str, floor: int, position: int) -> tuple[int, int] | None:
    """The span of the word that ends text[floor:position] but for whitespace: letters, or two runs
    of letters joined by one apostrophe ("don't"), cut at `floor`. The same span as searching
    `([^\\W\\d_]+(?:['\u2019][^\\W\\d_]+)?)\\s*\\Z` there, walked backwards instead."""
    end = position
    while end > floor and text[end - 1].isspace():
        end -= 1
    start = end
    while start > floor and (text[start - 1].isalpha() or is_letter(text[start - 1])):
        start -= 1
    if start == end:
        return None
    if start - 1 > floor and text[start - 1] in APOSTROPHES and is_letter(text[start - 2]):
        start -= 2
        while start > floor and (text[start - 1].isalpha() or is_letter(text[start - 1])):
            start -= 1
    return start, end


def token_start(text: str, position: int, tokens: list[str], index: int) -> int:
    """Where tokens[index] starts, of the tokens (words, one-character punctuation) that a
    `findall` found in `text` from `position` on: each token is the first occurrence of its text
    after the one before, as what lies between two tokens (spaces, digits, quotes, ...) cannot
    start one."""
    for token in tokens[:index]:
        position = text.index(token, position) + len(token)
    return text.index(tokens[index], position)


def lowercase_words(tokens: list[str]) -> list[str]:
    """Each token lowercased with straight apostrophes, in one pass over all of them (NUL, which no
    token holds, separates them and stops the context of a final sigma as a string end does)."""
    if not tokens:
        return []
    return "\0".join(tokens).lower().replace("\u2019", "'").split("\0")
