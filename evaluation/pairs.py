"""Minimal pairs from the rewrite log: each edited test sentence, gendered and neutral.

One pair per sentence of a clean (original) test document that the rewriter changed: `gendered`
is the sentence as written, `neutral` the same sentence with only its own edits applied. A
sentence whose edits are all catalogue-noun edits (with their article fixes) is a "noun" pair,
all pronoun edits (with their verb agreement) a "pronoun" pair; a sentence with both is kept as a
"mixed" pair (it counts in the overall share, and has its own share, but in neither kind's).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

PairKind = Literal["noun", "pronoun", "mixed"]
LOG_COLUMNS = ("doc_id", "start", "end", "original", "replacement", "rule")
# Rule names written by corpus.rewrite.engine / pronouns: which kind of edit each one is.
NOUN_RULE_PREFIXES = ("catalogue:", "article")
PRONOUN_RULE_PREFIXES = ("pronoun:", "verb_agreement")
# Titles whose full stop does not end a sentence ("Mr. Smith").
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "rev", "gen", "col", "capt", "lt"}
    | {"sgt", "hon", "mt", "vs", "e.g", "i.e", "fig"}
)
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)|\n")


class PairConfig(BaseModel):
    """How sentences become pairs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_sentence_chars: int = Field(
        default=400,
        ge=20,
        description="Longer gendered sentences are skipped (about 100 tokens: a pair is a "
        "sentence, not a paragraph a splitter failed to cut).",
    )


class MinimalPair(BaseModel):
    """One sentence as written and as rewritten."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pair_id: str = Field(description="'<doc_id>#<sentence start offset>': stable across runs.")
    doc_id: str = Field(description="The test document the sentence comes from.")
    kind: PairKind = Field(description="Which rules edited the sentence: noun, pronoun or mixed.")
    gendered: str = Field(description="The original sentence.")
    neutral: str = Field(description="The sentence with only its own rewrite-log edits applied.")


class MinimalPairs(BaseModel):
    """The pairs of a test split and what was left out building them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pairs: list[MinimalPair] = Field(description="In document order, then sentence order.")
    skipped: dict[str, int] = Field(
        description="Sentences left out per reason (too_long, duplicate)."
    )


def rule_kind(rule: str) -> Literal["noun", "pronoun"]:
    """The kind of edit a rewrite-log rule makes."""
    if rule.startswith(NOUN_RULE_PREFIXES):
        return "noun"
    if rule.startswith(PRONOUN_RULE_PREFIXES):
        return "pronoun"
    raise ValueError(
        f"unknown rewrite rule {rule!r}: add its prefix to NOUN_RULE_PREFIXES or "
        "PRONOUN_RULE_PREFIXES in evaluation/pairs.py"
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, surrounding whitespace excluded; a sentence ends at
    . ! ? (not after a title such as "Dr.") followed by whitespace, or at a line break."""
    spans, start = [], 0
    for boundary in _BOUNDARY.finditer(text):
        if boundary.group() == ".":
            before = text[max(0, boundary.start() - 12) : boundary.start()].split()
            if before and before[-1].lower().lstrip("(\"'") in _ABBREVIATIONS:
                continue
        spans.append((start, boundary.end()))
        start = boundary.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        piece = text[begin:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            trimmed.append((begin + lead, begin + len(piece.rstrip())))
    return trimmed


def _check_columns(frame: pl.DataFrame, wanted: tuple[str, ...], what: str, fix: str) -> None:
    missing = [column for column in wanted if column not in frame.columns]
    if missing:
        raise ValueError(f"{what} lacks the column(s) {', '.join(missing)}: {fix}")


def _sentence_edits(text: str, edits: list[dict]) -> list[tuple[tuple[int, int], list[dict]]]:
    """Each edited sentence's span with its edits; an edit across a boundary joins sentences."""
    grouped: list[tuple[list[int], list[dict]]] = []
    pending = sorted(edits, key=lambda edit: (edit["start"], edit["end"]))
    position = 0
    for begin, end in sentence_spans(text):
        mine = []
        while position < len(pending) and pending[position]["start"] < end:
            mine.append(pending[position])
            position += 1
        if grouped and grouped[-1][1] and grouped[-1][1][-1]["end"] > grouped[-1][0][1]:
            grouped[-1][0][1] = end  # the previous sentence's last edit reaches into this one
            grouped[-1][1].extend(mine)
        elif mine:
            grouped.append(([min(begin, mine[0]["start"]), end], mine))
    return [((span[0], span[1]), mine) for span, mine in grouped]


def _rewrite(text: str, begin: int, end: int, edits: list[dict]) -> str:
    sentence = text[begin:end]
    for edit in sorted(edits, key=lambda edit: edit["start"], reverse=True):
        start, stop = edit["start"] - begin, edit["end"] - begin
        sentence = sentence[:start] + edit["replacement"] + sentence[stop:]
    return sentence


def _check_edits(doc_id: str, text: str, edits: list[dict]) -> None:
    reached = 0
    for edit in sorted(edits, key=lambda edit: edit["start"]):
        if text[edit["start"] : edit["end"]] != edit["original"] or edit["start"] < reached:
            raise ValueError(
                f"rewrite log row of document {doc_id!r} at {edit['start']}:{edit['end']} "
                f"({edit['original']!r}) does not match its clean text: pass the clean test "
                "documents the log was written from (offsets index the clean text)"
            )
        reached = edit["end"]


def build_minimal_pairs(
    documents: pl.DataFrame, rewrite_log: pl.DataFrame, config: PairConfig | None = None
) -> MinimalPairs:
    """Pairs from the clean test documents and the rewrite log.

    Args:
        documents: `doc_id, text` of the clean (original) test documents, in a fixed order.
        rewrite_log: `doc_id, start, end, original, replacement, rule` (corpus.rewrite); rows of
            documents not in `documents` (e.g. of the train split) are ignored.
        config: sentence length cap.
    """
    config = config or PairConfig()
    _check_columns(documents, ("doc_id", "text"), "documents", "pass the clean test documents")
    _check_columns(rewrite_log, LOG_COLUMNS, "rewrite_log", "pass the rewrite log table")
    texts = dict(documents.select("doc_id", "text").iter_rows())
    edits_by_doc: dict[str, list[dict]] = {}
    for row in rewrite_log.select(LOG_COLUMNS).iter_rows(named=True):
        if row["doc_id"] in texts:
            edits_by_doc.setdefault(row["doc_id"], []).append(row)
    pairs: list[MinimalPair] = []
    seen: set[tuple[str, str]] = set()
    skipped: Counter[str] = Counter(too_long=0, duplicate=0)
    for doc_id in documents.get_column("doc_id").to_list():
        text, edits = texts[doc_id], edits_by_doc.pop(doc_id, [])
        if not edits or text is None:
            continue
        _check_edits(doc_id, text, edits)
        for (begin, end), mine in _sentence_edits(text, edits):
            if end - begin > config.max_sentence_chars:
                skipped["too_long"] += 1
                continue
            gendered, neutral = text[begin:end], _rewrite(text, begin, end, mine)
            if (gendered, neutral) in seen:
                skipped["duplicate"] += 1
                continue
            seen.add((gendered, neutral))
            kinds = {rule_kind(edit["rule"]) for edit in mine}
            pairs.append(
                MinimalPair(
                    pair_id=f"{doc_id}#{begin}",
                    doc_id=doc_id,
                    kind=kinds.pop() if len(kinds) == 1 else "mixed",
                    gendered=gendered,
                    neutral=neutral,
                )
            )
    return MinimalPairs(pairs=pairs, skipped=dict(skipped))
