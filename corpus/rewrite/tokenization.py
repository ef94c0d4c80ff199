"""Tokenization-aware rewriting of corpora distributed tokenized (WikiText, Penn Treebank style).

Tokenized corpora split clitics off their word ("he 's", "does n't", "doesn 't", "he ' s") and
WikiText writes hyphens as " @-@ ". The plain engine would see "he" followed by no verb and leave
"they 's". Here the text is joined back to plain English by deleting only the spaces (and the "@"s)
of those splits, the plain engine rewrites it, and every edit is mapped back to the original
offsets with its replacement split again the way the original was: "he 's" -> "they 're",
"does n't" -> "do n't", "man @-@ made" -> "human @-@ made". Nothing else of the text changes.

`detect_tokenization` decides a shard's style from a sample of its documents (counts of split vs
attached clitics, spaced punctuation and "@-@" hyphens), so a reader option `auto` can choose per
shard and the decision can be logged with its evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Literal, NamedTuple

from corpus.ingest.config import Tokenization
from corpus.rewrite.engine import Replacement, Rewriter, RewriteResult

TokenizationStyle = Literal["plain", "wikitext", "ptb"]

# The kinds of split a deletion undoes; the replacement of an edit is split again by the same kind.
CLITIC = "clitic"  # "he 's", "does n't": a space before the clitic
APOSTROPHE_SPLIT = "apostrophe_split"  # "doesn 't": the space before the apostrophe of n't
LONE_APOSTROPHE = "lone_apostrophe"  # "he ' s": the apostrophe as a token of its own
HYPHEN = "hyphen"  # WikiText "well @-@ known"

_A = "['\u2019]"
_CLITIC_WORDS = "s|re|ve|ll|d|m"
_END = r"(?![^\W_])"
# Every split is found at its apostrophe (a rare character, so the scan skips fast); lookbehinds
# check the word and the space before it. The group that matched names the kind of split.
_SPLITS = re.compile(
    rf"{_A}(?:"
    rf"(?<=[^\W_][ \t]n{_A})(?P<clitic_nt>t)"  # "does n't": the space two characters back
    rf"|(?<=[^\W_]n[ \t]{_A})(?P<apostrophe_split>t)"  # "doesn 't"
    rf"|(?<=[^\W_][ \t]{_A})(?P<clitic>{_CLITIC_WORDS})"  # "he 's"
    rf"|(?<=[^\W_][ \t]{_A})[ \t](?P<lone_apostrophe>{_CLITIC_WORDS}|t)"  # "he ' s"
    rf"){_END}",
    re.I,
)
_WIKITEXT_HYPHEN = re.compile(r"(?<=\S)(?P<hyphen_a> @)-(?P<hyphen_b>@ )(?=\S)")

# Re-splitting a replacement the way its original was split.
_RESPLIT_CLITIC = re.compile(rf"(?<=[^\W_])(n{_A}t|{_A}(?:{_CLITIC_WORDS})){_END}", re.I)
_RESPLIT_APOSTROPHE = re.compile(rf"(?<=[^\W_])({_A}(?:{_CLITIC_WORDS}|t)){_END}", re.I)
_RESPLIT_LONE = re.compile(rf"(?<=[^\W_])({_A})((?:{_CLITIC_WORDS}|t){_END})", re.I)
_PLURAL_POSSESSIVE = re.compile(rf"(?<=[sS])({_A})\Z")

# Evidence counted by the detector.
_SPLIT_EVIDENCE = re.compile(
    rf"[^\W_](?:[ \t](?:n{_A}t|{_A}(?:{_CLITIC_WORDS}))"  # "he 's", "does n't"
    rf"|n[ \t]{_A}t"  # "doesn 't"
    rf"|[ \t]{_A}[ \t](?:{_CLITIC_WORDS}|t)){_END}",  # "he ' s"
    re.I,
)
_ATTACHED_EVIDENCE = re.compile(rf"[^\W_](?:n{_A}t|{_A}(?:{_CLITIC_WORDS})){_END}", re.I)
_SPACED_PUNCTUATION = re.compile(r"[^\W_] [.,;:!?](?= |$)", re.M)
_ATTACHED_PUNCTUATION = re.compile(r"[^\W_][.,;:!?](?= |$)", re.M)
_HYPHEN_EVIDENCE = re.compile(r"\S @[-,.]@ \S")
DETECTION_SAMPLE_CHARS = 200_000  # characters of a shard's first documents the detector reads
_MIN_EVIDENCE = 1
_CORROBORATED = 3  # split clitics that decide PTB without spaced punctuation backing them


class TokenizationDecision(NamedTuple):
    """The style a shard is rewritten in, and why (the counts the detector saw)."""

    style: TokenizationStyle
    configured: Tokenization
    evidence: dict[str, int]

    def describe(self) -> str:
        """One line for the run log: the style, whether detected, and the evidence."""
        how = "detected" if self.configured == "auto" else "configured"
        counts = ", ".join(f"{name}={count}" for name, count in self.evidence.items())
        return f"tokenization {self.style} ({how}{'; ' + counts if counts else ''})"


def detect_tokenization(
    texts: Iterable[str | None], configured: Tokenization = "auto"
) -> TokenizationDecision:
    """The tokenization style of a shard: `configured` unless it is `auto`, else detected.

    Detection reads the first documents (up to `DETECTION_SAMPLE_CHARS` characters): WikiText when
    "@-@"-style hyphens or numbers occur in tokenized text (split clitics or mostly spaced
    punctuation); PTB when clitics are split off more often than attached ("he 's" vs "he's") and
    punctuation is mostly spaced too (or the split clitics are several), or punctuation is mostly
    spaced and no clitic is attached; plain otherwise.

    Args:
        texts: the shard's document texts (None entries are skipped).
        configured: the reader's `tokenization` option.
    """
    if configured != "auto":
        return TokenizationDecision(configured, configured, {})
    sample: list[str] = []
    size = 0
    for text in texts:
        if not text:
            continue
        sample.append(text[: DETECTION_SAMPLE_CHARS - size])
        size += len(sample[-1])
        if size >= DETECTION_SAMPLE_CHARS:
            break
    joined = "\n".join(sample)
    evidence = {
        "split_clitics": len(_SPLIT_EVIDENCE.findall(joined)),
        "attached_clitics": len(_ATTACHED_EVIDENCE.findall(joined)),
        "spaced_punctuation": len(_SPACED_PUNCTUATION.findall(joined)),
        "attached_punctuation": len(_ATTACHED_PUNCTUATION.findall(joined)),
        "wikitext_hyphens": len(_HYPHEN_EVIDENCE.findall(joined)),
    }
    split_clitics = (
        evidence["split_clitics"] >= _MIN_EVIDENCE
        and evidence["split_clitics"] > evidence["attached_clitics"]
    )
    spaced = (
        evidence["spaced_punctuation"] >= _MIN_EVIDENCE
        and evidence["spaced_punctuation"] > evidence["attached_punctuation"]
    )
    if evidence["wikitext_hyphens"] >= _MIN_EVIDENCE and (split_clitics or spaced):
        style: TokenizationStyle = "wikitext"
    elif (split_clitics and (spaced or evidence["split_clitics"] >= _CORROBORATED)) or (
        spaced and evidence["attached_clitics"] == 0
    ):
        style = "ptb"
    else:
        style = "plain"
    return TokenizationDecision(style, configured, evidence)


class _Deletion(NamedTuple):
    position: int  # in the joined text: the index of the character the deleted ones stood before
    length: int
    kind: str


class _JoinedText(NamedTuple):
    text: str
    deletions: list[_Deletion]  # sorted by position


def _join(text: str, style: TokenizationStyle) -> _JoinedText:
    """`text` with the spaces (and WikiText "@"s) of its splits deleted, and where they were."""
    spans: list[tuple[int, int, str]] = []
    if "'" in text or "\u2019" in text:
        for match in _SPLITS.finditer(text):
            apostrophe = match.start()
            kind = match.lastgroup
            if kind == "clitic_nt":
                spans.append((apostrophe - 2, apostrophe - 1, CLITIC))
            elif kind == "lone_apostrophe":
                spans.append((apostrophe - 1, apostrophe, LONE_APOSTROPHE))
                spans.append((apostrophe + 1, apostrophe + 2, LONE_APOSTROPHE))
            else:
                spans.append((apostrophe - 1, apostrophe, kind))
    if style == "wikitext" and "@-@" in text:
        for match in _WIKITEXT_HYPHEN.finditer(text):
            spans.append((*match.span("hyphen_a"), HYPHEN))
            spans.append((*match.span("hyphen_b"), HYPHEN))
    if not spans:
        return _JoinedText(text, [])
    spans.sort()
    pieces: list[str] = []
    deletions: list[_Deletion] = []
    position = 0
    removed = 0
    for start, end, kind in spans:
        pieces.append(text[position:start])
        deletions.append(_Deletion(start - removed, end - start, kind))
        removed += end - start
        position = end
    pieces.append(text[position:])
    return _JoinedText("".join(pieces), deletions)


class TokenizedRewriter:
    """A `Rewriter` for tokenized text: output keeps the input's tokenization but agrees.

    Args:
        rewriter: the plain engine.
        style: the text's tokenization (`plain` passes straight through).
    """

    def __init__(self, rewriter: Rewriter, style: TokenizationStyle):
        self.rewriter = rewriter
        self.style = style

    def rewrite(self, text: str) -> RewriteResult:
        """Rewrite one text; offsets in the result are offsets into `text`."""
        if self.style == "plain":
            return self.rewriter.rewrite(text)
        joined = _join(text, self.style)
        if not joined.deletions and self.style != "wikitext":  # WikiText re-splits new hyphens
            return self.rewriter.rewrite(text)
        result = self.rewriter.rewrite(joined.text)
        if not result.replacements:
            return RewriteResult(text, [])
        positions = [deletion.position for deletion in joined.deletions]
        before = [0]
        for deletion in joined.deletions:
            before.append(before[-1] + deletion.length)
        pieces: list[str] = []
        replacements: list[Replacement] = []
        cursor = 0
        for change in result.replacements:
            first = bisect_right(positions, change.start)  # deletions before the first character
            last = bisect_left(positions, change.end)  # deletions before the end
            start = change.start + before[first]
            end = change.end + before[last]
            kinds = {deletion.kind for deletion in joined.deletions[first:last]}
            original = text[start:end]
            replacement = self._split_like(change.replacement, original, kinds)
            pieces.append(text[cursor:start])
            pieces.append(replacement)
            replacements.append(Replacement(start, end, original, replacement, change.rule))
            cursor = end
        pieces.append(text[cursor:])
        return RewriteResult("".join(pieces), replacements)

    def _split_like(self, replacement: str, original: str, kinds: set[str]) -> str:
        """Split `replacement` the way its `original` was: clitics, apostrophes, hyphens."""
        if LONE_APOSTROPHE in kinds:
            replacement = _RESPLIT_LONE.sub(r" \1 \2", replacement)
        elif APOSTROPHE_SPLIT in kinds:
            replacement = _RESPLIT_APOSTROPHE.sub(r" \1", replacement)
        elif CLITIC in kinds:
            replacement = _RESPLIT_CLITIC.sub(r" \1", replacement)
            replacement = _PLURAL_POSSESSIVE.sub(r" \1", replacement)
        if (
            self.style == "wikitext"
            and "-" in replacement
            and "-" not in original.replace("@-@", "")
        ):
            replacement = replacement.replace("-", " @-@ ")
        return replacement


def tokenization_aware(
    rewriter: Rewriter, style: TokenizationStyle
) -> Rewriter | TokenizedRewriter:
    """The engine for text of `style`: `rewriter` itself for plain text, else a wrapper."""
    if style == "plain":
        return rewriter
    return TokenizedRewriter(rewriter, style)
