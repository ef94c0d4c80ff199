"""Finding catalogue forms and pronouns in text: an Aho-Corasick pass over anchor words, then the
exact scan regex only where a form can start.

`scan_pattern(forms).finditer(lowered)` defines what the rewriter matches (whole words, any run of
whitespace for a space, straight or curly apostrophes, ...), but Python's regex engine tries it at
almost every position (catalogue forms start with nearly every letter), about 10 MB/s. Every form
holds an *anchor*: a run of word characters that stands as a whole word wherever the form
matches, at a fixed distance from the form's start. One Aho-Corasick automaton (the Rust
`ahocorasick_rs`, ~80-90 MB/s here) finds the anchors; only at a whole-word anchor does the regex
run, anchored with `Pattern.match`. Every position where the regex can match is such a candidate,
and candidates are tried left to right after the previous match's end, so the result is exactly
that of `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick_rs

from corpus.rewrite.surface import form_atoms, scan_pattern

_WORD_RUN = re.compile(r"\w+")
_VARIABLE_WIDTH_ATOMS = (r"\s+", r"\s*/\s*")  # what a space or a spaced slash becomes
# ASCII bytes: word characters stay, every other byte becomes a space (a bytes translation table,
# several times faster than a str one).
_ASCII_NON_WORD_TO_SPACE = bytes(
    code if code < 128 and (chr(code).isalnum() or code == ord("_")) else ord(" ")
    for code in range(256)
)
_SHORT_ANCHOR = 2  # anchors shorter than this ("s" of "s/he") would hit too often: take a later one


class FormScanner:
    """Finds `forms` (lowercase, single spaces) in lowercased text as whole words.

    Args:
        forms: every surface to look for: catalogue terms and plurals, pronoun forms.
    """

    def __init__(self, forms: Iterable[str]):
        forms = list(forms)
        self.pattern = scan_pattern(forms)
        offsets_by_anchor: dict[str, set[int]] = {}
        first_characters: dict[tuple[str, int], set[str] | None] = {}
        for form in forms:
            anchor, offset = _anchor(form)
            offsets_by_anchor.setdefault(anchor, set()).add(offset)
            if offset:
                known = first_characters.setdefault((anchor, offset), set())
                if known is not None and form_atoms(form)[0] == re.escape(form[0]):
                    known.add(form[0])
                else:  # a first character that is no literal (an apostrophe): no filter
                    first_characters[(anchor, offset)] = None
        self._anchors = sorted(offsets_by_anchor)
        self._offsets = [tuple(sorted(offsets_by_anchor[anchor])) for anchor in self._anchors]
        self._unordered = any(offsets != (0,) for offsets in self._offsets)
        # For the ASCII path: (offset, the first characters of the forms the anchor starts at that
        # offset, or None for any); a candidate whose character is none of them cannot match.
        self._ascii_offsets = [
            tuple(
                (offset, frozenset(first_characters[(anchor, offset)] or ()) or None)
                if offset
                else (0, None)
                for offset in offsets
            )
            for anchor, offsets in zip(self._anchors, self._offsets, strict=True)
        ]
        self._automaton = _automaton(self._anchors)
        self._spaced_automaton = (
            ahocorasick_rs.BytesAhoCorasick([f" {anchor} ".encode() for anchor in self._anchors])
            if self._anchors
            else None
        )
        self._anchored_at_start = not self._unordered

    def finditer(self, lowered: str) -> list[re.Match[str]]:
        """The matches of the scan regex in `lowered`, left to right, non-overlapping: the same as
        `self.pattern.finditer(lowered)`."""
        if self._automaton is None or not lowered:
            return []
        starts = self._ascii_candidates(lowered) if lowered.isascii() else self._candidates(lowered)
        if self._unordered:
            starts.sort()
        found: list[re.Match[str]] = []
        reached = 0
        match = self.pattern.match
        for start in starts:
            if start < reached:
                continue
            result = match(lowered, start)
            if result is not None:
                found.append(result)
                reached = result.end()
        return found

    def _candidates(self, lowered: str) -> list[int]:
        """Where a form may start: whole-word anchors, found with word-boundary checks."""
        size = len(lowered)
        starts: list[int] = []
        offsets = self._offsets
        for index, start, end in self._automaton.find_matches_as_indexes(lowered):
            if start:
                before = lowered[start - 1]
                if before.isalnum() or before == "_":
                    continue
            if end < size:
                after = lowered[end]
                if after.isalnum() or after == "_":
                    continue
            for offset in offsets[index]:
                if offset <= start:
                    starts.append(start - offset)
        return starts

    def _ascii_candidates(self, lowered: str) -> list[int]:
        """`_candidates` for ASCII text, whose non-word characters all become spaces (a fast
        table translation of its bytes): the automaton of " anchor " then finds exactly the
        whole-word anchors (overlapping, as "he he" shares a space), so "he" inside "the" costs no
        Python. ASCII text has as many bytes as characters, so byte offsets are character ones."""
        spaced = b" " + lowered.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE) + b" "
        hits = self._spaced_automaton.find_matches_as_indexes(spaced, overlapping=True)
        if self._anchored_at_start:  # every anchor starts its forms
            return [start for _, start, _ in hits]
        starts: list[int] = []
        offsets = self._ascii_offsets
        for index, start, _ in hits:
            for offset, first_characters in offsets[index]:
                if offset <= start and (
                    first_characters is None or lowered[start - offset] in first_characters
                ):
                    starts.append(start - offset)  # `spaced` is one longer: start is the anchor's
        return starts


def _automaton(patterns: list[str]) -> ahocorasick_rs.AhoCorasick | None:
    if not patterns:
        return None
    return ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def _anchor(form: str) -> tuple[str, int]:
    """(anchor word, its offset in the form): the first word of at least two characters that only
    single, fixed-width characters precede (else the first word)."""
    words = list(_WORD_RUN.finditer(form))
    if not words:
        raise ValueError(
            f"catalogue form {form!r} has no letter or digit: a term must contain a word; "
            "fix or remove that row of the catalogue"
        )
    atoms = form_atoms(form)
    for word in words:
        if any(atom in _VARIABLE_WIDTH_ATOMS for atom in atoms[: word.start()]):
            break
        if len(word.group()) >= _SHORT_ANCHOR:
            return word.group(), word.start()
    return words[0].group(), words[0].start()
