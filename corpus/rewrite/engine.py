"""The gender-neutral rewrite engine: catalogue terms, articles, pronouns and verb agreement.

Implements the corpus rewriting of Bartl & Leavy (2024) (catalogue of gender-exclusive affixed
nouns -> neutral replacements) plus rule-based pronoun rewriting (see `pronouns`). One
Aho-Corasick pass (`scanner`) finds every catalogue form and pronoun on the lowercased text, so
text without gendered words costs one scan and comes back as the very same string object.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from typing import Literal, NamedTuple

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from corpus.rewrite.catalogue import CatalogueEntry, GenderCatalogue
from corpus.rewrite.chains import ChainedForms
from corpus.rewrite.pronouns import PRONOUN_FORMS, Edit, is_word_part, pronoun_edits
from corpus.rewrite.scanner import FormScanner
from corpus.rewrite.surface import (
    APOSTROPHES,
    ProtectedSpans,
    article_like,
    in_title_case_heading,
    indefinite_article,
    match_case,
    title_case,
)

NEUTRAL_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "shard": pl.String(),
    "text": pl.String(),
    "n_replacements": pl.Int32(),
}
REWRITE_LOG_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "shard": pl.String(),
    "start": pl.Int64(),
    "end": pl.Int64(),
    "original": pl.String(),
    "replacement": pl.String(),
    "rule": pl.String(),
}
_ARTICLE_BEFORE = re.compile(r"(?<![\w'\u2019-])(an?)[ \t]+\Z", re.I)
_ARTICLE_REACH = 12  # characters before a term searched for its article
_ARTICLE_ENDINGS = frozenset("aAnN")
_SLASH = re.compile(r"\s*/\s*")
_MAX_CHAIN = 3  # longer terms a replacement may complete in a row ("lady doctress" -> "doctor")
_COMPOUND_REACH = 40  # characters a hyphenated compound may extend around a match (exclusion guard)


class RewriteConfig(BaseModel):
    """What the rewriter changes besides catalogue terms."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pronouns: bool = Field(
        True,
        description="Rewrite he/she/him/his/her/hers/himself/herself to singular they "
        "(Vanmassenhove et al. 2021; Sun et al. 2021).",
    )
    verb_agreement: bool = Field(
        True,
        description="With pronouns: make verbs agree with 'they' (she walks -> they walk, "
        "is he -> are they). Off: only the pronouns change.",
    )
    reflexive: Literal["themselves", "themself"] = Field(
        "themselves",
        description="With pronouns: what himself/herself become. 'themself' is the singular "
        "form some style guides prefer for one known person; 'themselves' is the usual one.",
    )
    articles: bool = Field(
        True,
        description="Fix 'a'/'an' directly before a replaced term by the replacement's first sound "
        "(an actress -> an actor, a stewardess -> a flight attendant).",
    )


DEFAULT_CONFIG = RewriteConfig()


class Replacement(NamedTuple):
    """One change; `start`/`end` are character offsets into the original text."""

    start: int
    end: int
    original: str
    replacement: str
    rule: str


class RewriteResult(NamedTuple):
    text: str
    replacements: list[Replacement]


class _CatalogueForm(NamedTuple):
    entry: CatalogueEntry
    plural: bool


@lru_cache(maxsize=8192)  # the same few hundred surfaces come back in every document
def _normal_form(surface: str) -> str:
    """The dictionary key of a matched surface: lowercase, single spaces, straight apostrophes."""
    surface = " ".join(surface.lower().replace("\u2019", "'").split())
    return _SLASH.sub("/", surface) if "/" in surface else surface


class Rewriter:
    """Rewrites text into gender-inclusive language with a catalogue and the pronoun rules.

    Args:
        catalogue: the terms and their replacements (`corpus.rewrite.catalogue.load_catalogue`).
        config: which optional rules run.
    """

    def __init__(self, catalogue: GenderCatalogue, config: RewriteConfig = DEFAULT_CONFIG):
        self.catalogue = catalogue
        self.config = config
        self._catalogue_forms: dict[str, _CatalogueForm] = {}
        for entry in catalogue.entries:
            self._catalogue_forms[_normal_form(entry.term)] = _CatalogueForm(entry, plural=False)
            if entry.plural:
                self._catalogue_forms.setdefault(
                    _normal_form(entry.plural), _CatalogueForm(entry, plural=True)
                )
        # Every surface the scan looks for -> a catalogue form or a pronoun role.
        self._forms: dict[str, _CatalogueForm | str] = dict(self._catalogue_forms)
        if config.pronouns:
            for form, role in PRONOUN_FORMS.items():
                self._forms.setdefault(form, role)
        self._chains = ChainedForms(
            self._catalogue_forms,
            [e.replacement for e in catalogue.entries]
            + [e.plural_replacement for e in catalogue.entries if e.plural_replacement],
        )
        self._scanner = FormScanner(self._forms)
        self._pattern_ignorecase: re.Pattern[str] | None = None

    def rewrite(self, text: str) -> RewriteResult:
        """Rewrite one text; a text with nothing to change comes back as the same string object."""
        if not text:
            return RewriteResult(text, [])
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = self._scanner.finditer(lowered)
        else:  # a character whose lowercase is longer ('İ') would shift offsets: ignore case
            if self._pattern_ignorecase is None:
                self._pattern_ignorecase = re.compile(self._scanner.pattern.pattern, re.I)
            matches = self._pattern_ignorecase.finditer(text)
        if not matches:
            return RewriteResult(text, [])
        protected = ProtectedSpans(text, lowered)
        guarded = bool(protected)
        forms = self._forms
        verb_agreement, reflexive = self.config.verb_agreement, self.config.reflexive
        edits: list[Edit] = []
        reached = 0  # where the edits so far end
        terms = False  # whether any catalogue term was edited (else there is nothing to merge)
        for match in matches:
            start, end = match.span()
            if guarded and protected.overlaps(start, end):
                continue
            surface = match.group()
            form = forms.get(surface) or forms.get(_normal_form(surface))
            if isinstance(form, _CatalogueForm):
                new_edits = self._catalogue_edits(text, start, end, form, floor=reached)
                terms = terms or bool(new_edits)
            elif form is not None and not (
                # a hyphen next to it is the cheap test first
                (text[end : end + 1] == "-" or text[start - 1 : start] == "-")
                and is_word_part(text, start, end)
            ):
                new_edits = pronoun_edits(text, start, end, form, verb_agreement, reflexive)
            else:
                continue
            for edit in new_edits:
                if edit.rule == "verb_agreement" and self._is_catalogue_word(text, edit):
                    continue
                edits.append(edit)
                if edit.end > reached:
                    reached = edit.end
        if not edits:
            return RewriteResult(text, [])
        return _apply(text, _merge_coordinated(text, edits) if terms else edits, protected)

    def _is_catalogue_word(self, text: str, edit: Edit) -> bool:
        """A catalogue form is a noun, so never a verb to agree ("he hostesses" stays a noun)."""
        word = text[edit.start : edit.end].lower()
        return word in self._catalogue_forms or edit.replacement.lower() in self._catalogue_forms

    def _catalogue_edits(
        self, text: str, start: int, end: int, form: _CatalogueForm, floor: int
    ) -> list[Edit]:
        """Edits for one catalogue match; `floor` is where earlier edits end (a longer term that
        the replacement completes must not reach back into them)."""
        if self._excluded(text, start, end):
            return []
        base = form.entry.plural_replacement if form.plural else form.entry.replacement
        for _ in range(_MAX_CHAIN):
            grown = self._chains.grow(text, start, end, base, floor) if self._chains else None
            if grown is None:
                break
            start, end, longer = grown
            form = self._catalogue_forms[longer]
            base = form.entry.plural_replacement if form.plural else form.entry.replacement
        entry = form.entry
        original = text[start:end]
        replacement = match_case(original, base)
        if (
            replacement[:1].isupper()
            and not original.isupper()
            and replacement != title_case(replacement)
            and in_title_case_heading(text, start, end)
        ):
            replacement = title_case(replacement)
        edit_end = end
        apostrophe = text[end : end + 1]
        if (
            form.plural
            and replacement[-1:] in ("s", "S")
            and apostrophe in APOSTROPHES
            and text[end + 1 : end + 2] in ("s", "S")
            and not _is_word_char(text[end + 2 : end + 3])
        ):  # chairmen's -> chairpersons'
            replacement += apostrophe
            edit_end = end + 2
        edits = [Edit(start, edit_end, replacement, f"catalogue:{entry.category}")]
        if self.config.articles:
            article = self._article_edit(text, start, original, replacement)
            if article is not None:
                edits.insert(0, article)
        return edits

    def _article_edit(self, text: str, start: int, original: str, replacement: str) -> Edit | None:
        window_start = max(0, start - _ARTICLE_REACH)
        window = text[window_start:start]
        before = window.rstrip(" \t")
        if len(before) == len(window) or before[-1:] not in _ARTICLE_ENDINGS:
            return None  # a cheap test first: no "a"/"an" and a space right before the term
        match = _ARTICLE_BEFORE.search(text, window_start, start)
        if match is None:
            return None
        current = match.group(1)
        shouting = original.isupper() and len(original) > 1
        wanted = article_like(current, indefinite_article(replacement.split(" ", 1)[0]), shouting)
        if wanted == current:
            return None
        return Edit(match.start(1), match.end(1), wanted, "article")

    def _excluded(self, text: str, start: int, end: int) -> bool:
        """The exclusion guard: a match inside an excluded (hyphenated) word is left alone."""
        exclusions = self.catalogue.exclusions
        if not exclusions:
            return False
        left, right = start, end
        if start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum():
            limit = max(0, start - _COMPOUND_REACH)
            while left > limit and (text[left - 1].isalnum() or text[left - 1] == "-"):
                left -= 1
        if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalnum():
            limit = min(len(text), end + _COMPOUND_REACH)
            while right < limit and (text[right].isalnum() or text[right] == "-"):
                right += 1
        return _normal_form(text[left:right]) in exclusions


_COORDINATION = re.compile(r"\s+(?:and|or|&)\s+|\s*/\s*", re.I)
_COORDINATION_BEFORE = re.compile(rf"(?:{_COORDINATION.pattern})\Z", re.I)
_JOINT_ENDS = frozenset("dDrR&/")  # last characters of "and", "or", "&", "/"
_JOINT_STARTS = frozenset("aAoO&/")  # their first characters
_COORDINATION_REACH = 12  # characters the "and"/"or"/"/" between two coordinated nouns may take


def _merge_coordinated(text: str, edits: list[Edit]) -> list[Edit]:
    """Two catalogue terms joined by and/or/slash with one replacement become one edit:
    "businessmen and businesswomen" -> "businesspeople", not "businesspeople and businesspeople"."""
    terms = sorted(
        (edit for edit in edits if edit.rule.startswith("catalogue:")), key=lambda e: e.start
    )
    merged: dict[Edit, Edit | None] = {}
    for first, second in zip(terms, terms[1:], strict=False):
        if first in merged or first.replacement.lower() != second.replacement.lower():
            continue
        if _COORDINATION.fullmatch(text, first.end, second.start):
            merged[first] = Edit(first.start, second.end, first.replacement, first.rule)
            merged[second] = None
    for edit in terms:
        if edit in merged:
            continue
        neighbour = _coordinated_neighbour(text, edit)
        if neighbour is not None:
            merged[edit] = neighbour
    if not merged:
        return edits
    return [merged.get(edit, edit) for edit in edits if merged.get(edit, edit) is not None]


def _coordinated_neighbour(text: str, edit: Edit) -> Edit | None:
    """ "actors and actresses" -> "actors": the replacement already stands coordinated beside it."""
    wanted = edit.replacement.lower()
    window = max(0, edit.start - len(wanted) - _COORDINATION_REACH)
    joined = text[window : edit.start].rstrip()[-1:]  # a cheap test first: "and", "or", "&", "/"
    joint = _COORDINATION_BEFORE.search(text, window, edit.start) if joined in _JOINT_ENDS else None
    if joint is not None:
        begin = joint.start() - len(wanted)
        if (
            begin >= 0
            and text[begin : joint.start()].lower() == wanted
            and not _is_word_char(text[begin - 1 : begin] if begin else "")
        ):
            return Edit(begin, edit.end, text[begin : joint.start()], edit.rule)
    following = text[edit.end : edit.end + _COORDINATION_REACH]
    joint = (
        _COORDINATION.match(text, edit.end, edit.end + _COORDINATION_REACH)
        if (following[:1].isspace() or following[:1] == "/")
        and following.lstrip()[:1] in _JOINT_STARTS
        else None
    )
    if joint is not None:
        stop = joint.end() + len(wanted)
        kept = text[joint.end() : stop]
        if kept.lower() == wanted and not _is_word_char(text[stop : stop + 1]):
            return Edit(edit.start, stop, match_case(text[edit.start : edit.end], kept), edit.rule)
    return None


def _is_word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


_SPAN = itemgetter(0, 1)  # an Edit's (start, end)
_new_tuple = tuple.__new__  # builds a NamedTuple from a tuple in half the time of its constructor


def _apply(text: str, edits: list[Edit], protected: ProtectedSpans) -> RewriteResult:
    """Apply non-overlapping edits (earliest wins) that change something outside protected spans."""
    edits.sort(key=_SPAN)  # stable: among edits of one span the earliest made wins
    guarded = bool(protected)
    pieces: list[str] = []
    replacements: list[Replacement] = []
    position = 0
    for start, end, replacement, rule in edits:
        if start < position or (guarded and protected.overlaps(start, end)):
            continue
        original = text[start:end]
        if original == replacement:
            continue
        pieces.append(text[position:start])
        pieces.append(replacement)
        replacements.append(_new_tuple(Replacement, (start, end, original, replacement, rule)))
        position = end
    if not replacements:
        return RewriteResult(text, [])
    pieces.append(text[position:])
    return RewriteResult("".join(pieces), replacements)


def rewrite_documents(
    documents: pl.DataFrame, rewriter: Rewriter
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Rewrite every document's text.

    Args:
        documents: has `doc_id`, `shard`, `text` (other columns are ignored).
        rewriter: the configured engine.

    Returns:
        (neutral_documents, rewrite_log): `doc_id, shard, text, n_replacements` with one row per
        input row in the same order, and `doc_id, shard, start, end, original, replacement, rule`
        with one row per change (offsets into the original text).
    """
    missing = [column for column in ("doc_id", "shard", "text") if column not in documents.columns]
    if missing:
        raise ValueError(
            f"documents lack the column(s) {', '.join(missing)}: pass a document table "
            "(doc_id, shard, text), e.g. clean_documents"
        )
    doc_ids = documents.get_column("doc_id").to_list()
    shards = documents.get_column("shard").to_list()
    neutral_texts: list[str | None] = []
    counts: list[int] = []
    log_doc_ids: list[str] = []
    log_shards: list[str] = []
    changes: list[tuple[int, int, str, str, str]] = []
    for doc_id, shard, text in zip(
        doc_ids, shards, documents.get_column("text").to_list(), strict=True
    ):
        if text is None:
            neutral_texts.append(None)
            counts.append(0)
            continue
        result = rewriter.rewrite(text)
        neutral_texts.append(result.text)
        counts.append(len(result.replacements))
        if result.replacements:
            log_doc_ids += [doc_id] * len(result.replacements)
            log_shards += [shard] * len(result.replacements)
            # plain tuples: the garbage collector stops tracking those of atoms (not NamedTuples),
            # so hundreds of thousands of kept changes do not make its full passes ever slower
            changes += map(tuple, result.replacements)
    neutral = pl.DataFrame(
        {"doc_id": doc_ids, "shard": shards, "text": neutral_texts, "n_replacements": counts},
        schema=NEUTRAL_SCHEMA,
    )
    columns = [list(map(itemgetter(field), changes)) for field in range(len(Replacement._fields))]
    log = dict(zip(REWRITE_LOG_SCHEMA, [log_doc_ids, log_shards, *columns], strict=True))
    return neutral, pl.DataFrame(log, schema=REWRITE_LOG_SCHEMA)
