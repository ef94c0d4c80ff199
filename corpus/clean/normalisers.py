"""Normalisers: Unicode, markup, control characters, whitespace and boilerplate lines."""

from __future__ import annotations

import html.entities
from typing import Literal

import polars as pl
from pydantic import Field, field_validator

from corpus.clean.base import (
    Normaliser,
    check_regex,
    with_rows,
)

# Spaces other than U+0020 that whitespace normalisation turns into a plain space.
_ODD_SPACES = r"\t\x{A0}\x{1680}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}"
# Line breaks other than "\n": CRLF, CR, LINE SEPARATOR, PARAGRAPH SEPARATOR.
_LINE_BREAKS = r"\r\n?|[\x{2028}\x{2029}]"
# C0/C1 controls except \t and \n, DEL, zero-width space/non-joiner/joiner, word joiner, BOM.
_CONTROL_CHARS = r"[\x00-\x08\x0B-\x1F\x7F-\x{9F}\x{200B}-\x{200D}\x{2060}\x{FEFF}]"
# Text made only of U+0000..U+02FF and U+2010..U+2027 (quotes, dashes, ellipsis) is already NFC:
# all these characters are NFC_Quick_Check=Yes with combining class 0 (checked with unicodedata).
_MAYBE_NOT_NFC = r"[^\x00-\x{2FF}\x{2010}-\x{2027}]"
# Element names whose tags become a line break, a space, or nothing when markup is stripped.
_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|br|caption|dd|details|dialog|div|dl|dt|fieldset|"
    "figcaption|figure|footer|form|h[1-6]|head|header|hr|html|li|main|nav|ol|p|pre|section|"
    "summary|table|tbody|tfoot|thead|title|tr|ul"
)
_CELL_TAGS = "td|th"
_INLINE_TAGS = (
    "a|abbr|area|audio|b|base|bdi|bdo|big|button|canvas|center|cite|code|col|colgroup|data|del|"
    "dfn|em|embed|font|i|iframe|img|input|ins|kbd|label|link|map|mark|meta|noscript|object|"
    "option|picture|q|s|samp|select|small|source|span|strike|strong|sub|sup|svg|textarea|time|"
    "tt|u|var|video|wbr"
)
# What may follow a tag name: attributes (quoted values may hold '>'), an optional '/', then '>'.
_TAG_TAIL = r"""(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?/?>"""
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


def _tags(names: str) -> str:
    return rf"(?i)</?(?:{names}){_TAG_TAIL}"


class UnicodeNormaliser(Normaliser):
    """Unicode normalisation, so that the same visible text has one encoding."""

    form: Literal["NFC", "NFKC", "NFD", "NFKD"] = Field(
        "NFC",
        description="Normalisation form. NFC (the W3C recommendation for text on the web) "
        "composes characters without changing their meaning; NFKC also folds compatibility forms "
        "(ligatures, full-width letters).",
    )

    def apply(self, text: pl.Series) -> pl.Series:
        if self.form != "NFC":
            return text.str.normalize(self.form)
        rows = text.str.contains(_MAYBE_NOT_NFC).arg_true()
        if rows.len() == 0:
            return text
        return with_rows(text, rows, text.gather(rows).str.normalize("NFC"))


class MarkupStripper(Normaliser):
    """Remove HTML/XML markup: tags, comments, script/style blocks, and decode entities.

    Only tags of known HTML elements are removed, so plain text such as "a < b" or "x > 3" or
    "vector<int>" survives. Block tags (</p>, <br>, <div>, <li>, ...) become line breaks and table
    cells a space, so words on either side do not run together.
    """

    drop_content_tags: tuple[str, ...] = Field(
        ("script", "style"),
        description="Elements removed together with their content (an unclosed one runs to the "
        "end of the document).",
    )
    decode_entities: bool = Field(
        True,
        description="Decode character references: every named HTML5 entity (&amp;, &nbsp;, "
        "&eacute;, ...) and every numeric one (&#39;, &#x2019;), as browsers do.",
    )

    @field_validator("drop_content_tags")
    @classmethod
    def _tag_names(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            if not (name.isascii() and name.isalnum()):
                raise ValueError(
                    f"drop_content_tags: {name!r} is not an element name; use plain names such as "
                    "'script' or 'style'"
                )
        return names

    def apply(self, text: pl.Series) -> pl.Series:
        dropped = [r"(?s)<!--.*?(?:-->|\z)", r"(?i)<!DOCTYPE[^>]*>", r"(?s)<!\[CDATA\[.*?\]\]>"]
        dropped += [
            rf"(?is)<{name}(?:\s[^>]*)?>.*?(?:</{name}\s*>|\z)" for name in self.drop_content_tags
        ]
        text = text.str.replace_all("|".join(f"(?:{pattern})" for pattern in dropped), "")
        text = text.str.replace_all(_tags(_BLOCK_TAGS), "\n")
        text = text.str.replace_all(_tags(_CELL_TAGS), " ")
        text = text.str.replace_all(_tags(_INLINE_TAGS), "")
        return _decode_entities(text) if self.decode_entities else text


def _decode_entities(text: pl.Series) -> pl.Series:
    """Replace character references in one pass; only the batch's distinct entities go to Python."""
    found = text.str.extract_all(_ENTITY).explode().drop_nulls().unique().to_list()
    mapping: dict[str, str] = {}
    for entity in found:
        if entity.startswith("&#"):
            digits = entity[2:-1]
            code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
            valid = 0 < code <= 0x10FFFF and not 0xD800 <= code < 0xE000
            mapping[entity] = chr(code) if valid else ""
        elif entity[1:] in html.entities.html5:
            mapping[entity] = html.entities.html5[entity[1:]]
    if not mapping:
        return text
    # A single pass, so "&amp;lt;" becomes the text "&lt;", not "<".
    return text.str.replace_many(mapping)


class ControlCharRemover(Normaliser):
    """Unify line breaks to \\n, then delete control and zero-width characters.

    CR and CRLF (and U+2028/U+2029) become \\n first, so old Mac and Windows files keep their
    lines; then C0/C1 controls other than tab and newline (VT, FF and NEL included), DEL,
    U+200B..U+200D, U+2060 and the BOM U+FEFF are deleted. Deleting the zero-width joiner splits
    emoji ZWJ sequences into their parts (each still shown).
    """

    def apply(self, text: pl.Series) -> pl.Series:
        return text.str.replace_all(_LINE_BREAKS, "\n").str.replace_all(_CONTROL_CHARS, "")


class WhitespaceNormaliser(Normaliser):
    """Tabs and odd spaces to one space, no spaces around line ends, at most one blank line."""

    def apply(self, text: pl.Series) -> pl.Series:
        return (
            text.str.replace_all(rf"[{_ODD_SPACES}][ {_ODD_SPACES}]*| [ {_ODD_SPACES}]+", " ")
            .str.replace_all(r" \n ?|\n ", "\n")
            .str.replace_all(r"\n{3,}", "\n\n")
            .str.strip_chars()
        )


DEFAULT_BOILERPLATE_PATTERNS = (
    "click here",
    "subscribe",
    "all rights reserved",
    "cookie policy",
    "(?:this|our) (?:web)?site uses cookies",
    "share this (?:article|story|post|page)",
    "sign up for our newsletter",
    r"^\W*read more",
    r"^\W*advertisement\W*$",
    r"^\s*©|^\W*(?:\(c\)|copyright)\s*©?\s*(?:19|20)\d\d",
)


class BoilerplateLineRemover(Normaliser):
    """Drop whole short lines that match a boilerplate pattern (navigation, legal, newsletter).

    Only lines of at most `max_line_words` words go, so prose that mentions "subscribe" stays.
    Patterns in the spirit of the C4 line filters (Raffel et al. 2020) and datatrove's C4 filter.
    """

    patterns: tuple[str, ...] = Field(
        DEFAULT_BOILERPLATE_PATTERNS,
        description="Regular expressions (polars/Rust syntax), searched case-insensitively within "
        "each line; '^' anchors at the start of the line.",
    )
    max_line_words: int = Field(
        12, ge=1, description="A matching line is removed only if it has at most this many words."
    )

    @field_validator("patterns")
    @classmethod
    def _valid_patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            check_regex(pattern, "boilerplate pattern")
        return patterns

    def apply(self, text: pl.Series) -> pl.Series:
        if not self.patterns:
            return text
        pattern = "(?im)" + "|".join(f"(?:{p})" for p in self.patterns)
        candidates = text.str.contains(pattern)
        rows = candidates.arg_true()
        if rows.len() == 0:
            return text
        line = pl.element()
        boilerplate = line.str.contains(pattern) & (
            line.str.count_matches(r"\S+") <= self.max_line_words
        )
        cleaned = (
            text.gather(rows)
            .str.split("\n")
            .list.eval(line.filter(~boilerplate))
            .list.join("\n")
            .str.replace_all(r"\n{3,}", "\n\n")
            .str.strip_chars()
        )
        return with_rows(text, rows, cleaned)
