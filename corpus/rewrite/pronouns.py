"""Rule-based rewriting of third-person gendered pronouns to singular "they".

Follows the rule-based rewriters of Vanmassenhove et al. (2021, "NeuTral Rewriter") and Sun et al.
(2021, "They, Them, Theirs: Rewriting with Gender-Neutral English"): he/she -> they with verb
agreement, him -> them, his -> their/theirs, her -> their/them, hers -> theirs,
himself/herself -> themselves. Ambiguous forms are decided by the next token from closed-class
word lists (see `wordlists`), never by per-sentence special cases.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from corpus.rewrite.context import lowercase_words, token_start, word_before
from corpus.rewrite.surface import APOSTROPHES, match_case
from corpus.rewrite.verbs import base_form, plausible_third_person_verb
from corpus.rewrite.wordlists import (
    ADJECTIVAL_PARTICIPLES,
    BARE_INFINITIVE_TAKERS,
    CLAUSE_BREAKS,
    CONTRACTION_ADVERBS,
    DETERMINERS,
    DOUBLE_OBJECT_VERBS,
    HAS_PARTICIPLES,
    INVERSION_OPENERS,
    INVERTED_AUXILIARIES,
    LY_VERBS,
    OBJECT_HER_FOLLOWERS,
    OBJECT_STARTERS,
    PRE_VERB_ADVERBS,
    PREPOSITIONS,
    STANDALONE_HIS_FOLLOWERS,
)


class Edit(NamedTuple):
    """One change, in offsets of the original text (the engine turns it into a `Replacement`)."""

    start: int
    end: int
    replacement: str
    rule: str


# Roles: what a matched pronoun form becomes ("his" and "her" are decided by their context).
SUBJECT = "subject"
OBJECT = "object"
HIS = "his"
HER = "her"
STANDALONE = "standalone"
REFLEXIVE = "reflexive"
_PAIR_JOINERS = (" or ", "/", " and ")


def _pairs(first: str, second: str) -> list[str]:
    return [
        a + joiner + b for joiner in _PAIR_JOINERS for a, b in ((first, second), (second, first))
    ]


# Every surface form the scanner looks for (lowercase, single spaces) -> its role.
PRONOUN_FORMS: dict[str, str] = {
    "he": SUBJECT,
    "she": SUBJECT,
    "s/he": SUBJECT,
    "(s)he": SUBJECT,
    "him": OBJECT,
    "his": HIS,
    "her": HER,
    "hers": STANDALONE,
    "himself": REFLEXIVE,
    "herself": REFLEXIVE,
    **dict.fromkeys(_pairs("he", "she"), SUBJECT),
    **dict.fromkeys(_pairs("him", "her"), OBJECT),
    **dict.fromkeys(_pairs("his", "her"), HIS),
    **dict.fromkeys(_pairs("his", "hers"), STANDALONE),
    **dict.fromkeys(_pairs("himself", "herself"), REFLEXIVE),
}

_NEXT_WORD = re.compile(r"\s*([^\W\d_]+(?:['\u2019-][^\W\d_]+)*)")
_NEXT_VISIBLE = re.compile(r"\s*(\S)")
_CONTRACTION = re.compile(r"['\u2019]([^\W\d_]+)")
_COORDINATED_VERB = re.compile(r"(\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)([^\W\d_]+)\b", re.I)
_CONJUNCTION = re.compile(r"\s(?:and|but|or)\s", re.I)
_CLAUSE_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|[.;:!?,\n]")
_ASCII_LOWERCASE_CLAUSE_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[.;:!?,\n]")
_CLAUSE_PUNCTUATION = re.compile(r"[.;:!?,\n]")  # the one-character tokens of _CLAUSE_TOKEN
_LOWERCASE_AND_BUT_OR_WORD = re.compile(r"(?<![^\W\d_])(?:and|but|or)(?![^\W\d_])")
_LOWERCASE_CONJUNCTION = re.compile(r"\s(?:and|but|or)\s")  # _CONJUNCTION on lowercased text
_PARENTHETICAL = re.compile(r"\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*,")
_SENTENCE_END = re.compile(r"[.!?\n]")
_CLAUSE_START_CHARS = frozenset('.!?;:,"\u201c([\n')
_LOOKAROUND = 48  # characters inspected around a pronoun; bounds the work per match
_MAX_ADVERBS = 2
_REFLEXIVES = frozenset({"himself", "herself"})  # "he himself admits" -> "they themselves admit"


# "saw her sitting", "heard her singing": a verb of perception or keeping + her + -ing takes her
# as the object of the verb, not a possessive of a gerund.
PERCEPTION_VERBS = frozenset(
    f"{stem}{ending}"
    for stem, endings in {
        "saw": ("",),
        "see": ("", "s", "n"),
        "seeing": ("",),
        "watch": ("", "es", "ed"),
        "hear": ("", "s", "d"),
        "notic": ("e", "es", "ed"),
        "spot": ("", "s", "ted"),
        "found": ("",),
        "find": ("", "s"),
        "caught": ("",),
        "catch": ("", "es"),
        "kept": ("",),
        "keep": ("", "s"),
        "left": ("",),
        "leave": ("", "s"),
        "felt": ("",),
        "feel": ("", "s"),
        "imagin": ("e", "es", "ed"),
        "observ": ("e", "es", "ed"),
    }.items()
    for ending in endings
)


def pronoun_edits(
    text: str, start: int, end: int, role: str, verb_agreement: bool, reflexive: str = "themselves"
) -> list[Edit]:
    """The edits for one pronoun match text[start:end] with the given role (see PRONOUN_FORMS);
    `reflexive` is what himself/herself become ("themselves" or "themself")."""
    original = text[start:end]
    if role == SUBJECT:
        return _subject_edits(text, start, end, verb_agreement)
    if role == OBJECT:
        return [Edit(start, end, match_case(original, "them"), "pronoun:object")]
    if role == REFLEXIVE:
        return [Edit(start, end, match_case(original, reflexive), "pronoun:reflexive")]
    if role == STANDALONE:
        return [Edit(start, end, match_case(original, "theirs"), "pronoun:possessive")]
    next_word = _next_word_class(text, end)
    if role == HIS:
        replacement = "theirs" if _standalone_his(text, start, next_word) else "their"
        return [Edit(start, end, match_case(original, replacement), "pronoun:possessive")]
    if _object_her(text, start, end, next_word):
        return [Edit(start, end, match_case(original, "them"), "pronoun:object")]
    return [Edit(start, end, match_case(original, "their"), "pronoun:possessive")]


def _object_her(text: str, start: int, end: int, next_word: str | None) -> bool:
    """Whether "her" at text[start:end] is an object (-> them) rather than a determiner (-> their),
    from the word class of what follows it and, in a few verb patterns, of what precedes it."""
    if next_word is None or next_word in OBJECT_HER_FOLLOWERS:
        return True
    previous_word = _previous_word(text, start)
    if previous_word in DOUBLE_OBJECT_VERBS or (
        previous_word in PERCEPTION_VERBS and next_word.endswith("ing")
    ):
        return True
    if next_word.endswith("ly") and next_word not in LY_VERBS:
        # an -ly adverb ends the object ("trust her completely."); an -ly adjective is followed
        # by its noun ("her lovely garden", "her only child")
        after = _word_after_next(text, end)
        return after is None or after in OBJECT_HER_FOLLOWERS
    if previous_word in BARE_INFINITIVE_TAKERS:  # "helped her carry the boxes"
        after = _word_after_next(text, end)
        return after in DETERMINERS or after in OBJECT_STARTERS
    return False


def _word_after_next(text: str, position: int) -> str | None:
    """The word class (as `_next_word_class`) of the second word after `position`."""
    word = _NEXT_WORD.match(text, position, position + _LOOKAROUND)
    return _next_word_class(text, word.end()) if word else None


def _standalone_his(text: str, start: int, next_word: str | None) -> bool:
    """Whether "his" at `start` stands alone: before punctuation or a function word ("the book is
    his."), or in a double genitive followed by the verb ("a friend of his runs a bakery")."""
    if next_word is None or next_word in STANDALONE_HIS_FOLLOWERS:
        return True
    return plausible_third_person_verb(next_word) and _previous_word(text, start) == "of"


def _previous_word(text: str, position: int) -> str | None:
    span = word_before(text, max(0, position - _LOOKAROUND), position)
    return text[span[0] : span[1]].lower().replace("\u2019", "'") if span else None


def is_word_part(text: str, start: int, end: int) -> bool:
    """Whether a pronoun match is really part of a hyphenated compound ("she-wolf", "He-Man")."""
    after = text[end : end + 2]
    if len(after) == 2 and after[0] == "-" and after[1].isalpha():
        return True
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()


def _next_word_class(text: str, position: int) -> str | None:
    """The lowercase next word, '0' for a number, None for punctuation or the end of the text."""
    visible = _NEXT_VISIBLE.match(text, position, position + _LOOKAROUND)
    if visible is None:
        return None
    char = visible.group(1)
    if char.isdigit():
        return "0"
    if not char.isalpha():
        return None
    word = _NEXT_WORD.match(text, position, position + _LOOKAROUND)
    return word.group(1).lower().replace("\u2019", "'") if word else None


def _subject_edits(text: str, start: int, end: int, verb_agreement: bool) -> list[Edit]:
    """he/she -> they, a contraction as a whole ("he's" -> "they're"/"they've"), then the verb."""
    original = text[start:end].lstrip("(")  # "(S)he" is capitalised by its S
    contraction = (
        _CONTRACTION.match(text, end, end + 6) if text[end : end + 1] in APOSTROPHES else None
    )
    if contraction is not None:
        suffix = contraction.group(1).lower()
        edits = [Edit(start, end, match_case(original, "they"), "pronoun:subject")]
        if suffix == "s":
            they = "they've" if _contracted_has(text, contraction.end()) else "they're"
            replacement = they.replace("'", text[end])
            edits = [
                Edit(start, contraction.end(), match_case(original, replacement), "pronoun:subject")
            ]
        later = _later_verb(text, contraction.end()) if verb_agreement else None
        return edits if later is None else [*edits, later]
    edits = [Edit(start, end, match_case(original, "they"), "pronoun:subject")]
    if not verb_agreement:
        return edits
    inverted = _inverted_auxiliary(text, start, end)
    if inverted is not None:
        return [inverted, *edits]
    return edits + _agreeing_verbs(text, end)


def _contracted_has(text: str, position: int) -> bool:
    """Whether "'s" after he/she stands for "has": a past participle follows (not an adjective)."""
    for _ in range(_MAX_ADVERBS + 1):
        match = _NEXT_WORD.match(text, position, position + _LOOKAROUND)
        if match is None:
            return False
        word = match.group(1).lower()
        if word in CONTRACTION_ADVERBS:
            position = match.end()
            continue
        if word in HAS_PARTICIPLES:
            return True
        if not word.endswith("ed") or "-" in word or word in ADJECTIVAL_PARTICIPLES:
            return False
        following = _NEXT_WORD.match(text, match.end(), match.end() + _LOOKAROUND)
        return following is None or following.group(1).lower() != "by"
    return False


def _inverted_auxiliary(text: str, start: int, end: int) -> Edit | None:
    """The edit for an auxiliary inverted before the pronoun ("Is he ...?" -> "Are they ...?")."""
    floor = max(0, start - _LOOKAROUND)
    last = start
    while last > floor and text[last - 1].isspace():
        last -= 1
    if last == floor or text[last - 1] not in "sStT":  # is, was, has, does and their n't forms
        return None
    previous = word_before(text, floor, last)
    if previous is None:
        return None
    aux_start, aux_end = previous
    auxiliary = text[aux_start:aux_end]
    base = INVERTED_AUXILIARIES.get(auxiliary.lower().replace("\u2019", "'"))
    if base is None:
        return None
    if not _opens_question(text, aux_start, end):
        return None
    apostrophe = "\u2019" if "\u2019" in auxiliary else "'"
    replacement = match_case(auxiliary, base.replace("'", apostrophe))
    return Edit(aux_start, aux_end, replacement, "verb_agreement")


def _opens_question(text: str, aux_start: int, pronoun_end: int) -> bool:
    """An auxiliary before he/she is inverted when it opens a clause, follows a question word or
    "so/neither/nor", or its sentence ends with a question mark."""
    floor = max(0, aux_start - _LOOKAROUND)
    last = aux_start  # the end of what precedes the auxiliary, whitespace left out
    while last > floor and text[last - 1].isspace():
        last -= 1
    if last == floor or text[last - 1] in _CLAUSE_START_CHARS:
        return True
    opener = word_before(text, floor, last)
    if opener is not None and text[opener[0] : opener[1]].lower() in INVERSION_OPENERS:
        return True
    sentence_end = _SENTENCE_END.search(text, pronoun_end, pronoun_end + 8 * _LOOKAROUND)
    return sentence_end is not None and sentence_end.group(0) == "?"


def _agreeing_verbs(text: str, position: int) -> list[Edit]:
    """Edits turning the verb after a subject pronoun into its base form, past up to two adverbs
    and one short parenthetical ("He, too, was"), and every verb coordinated with it ("she reads,
    writes and speaks")."""
    parenthetical = _PARENTHETICAL.match(text, position, position + _LOOKAROUND)
    if parenthetical is not None:
        position = parenthetical.end()
    for _ in range(_MAX_ADVERBS + 1):
        match = _NEXT_WORD.match(text, position, position + _LOOKAROUND)
        if match is None:
            return []
        word = match.group(1).lower().replace("\u2019", "'")
        is_adverb = word in PRE_VERB_ADVERBS or (word.endswith("ly") and word not in LY_VERBS)
        if not is_adverb and word not in _REFLEXIVES:
            break
        position = match.end()
    else:
        return []
    if not plausible_third_person_verb(word):  # past tense or modal: a later verb may still agree
        later = _later_verb(text, match.end(1))
        return [later] if later is not None else []
    verb = _verb_edit(text, match.start(1), match.end(1), word)
    coordinated = _coordinated_verbs(text, match.end(1))
    if not coordinated:
        later = _later_verb(text, match.end(1))
        coordinated = [later] if later is not None else []
    return [verb, *coordinated]


def _later_verb(text: str, position: int) -> Edit | None:
    """A verb further on in the same clause that shares the subject through and/but/or: an
    auxiliary ("She was born in Oslo and has lived there"), an -s verb after "but" ("he protects
    himself but fails ..."), or an -s verb after "and"/"or" that takes an object ("and fails his
    community"; "and pears from" is a noun). Stops at punctuation and at relative or subordinating
    words, whose clauses have their own subject."""
    window_end = position + 3 * _LOOKAROUND
    # The walk below stops at the first punctuation token, so only the words up to it are needed
    # (the one exception, `words[index - 1]` when index is 0, reads the window's last word), and
    # it needs an "and"/"but"/"or" among them, which stands as a whole word: tested on those few
    # characters, lowercased (lowercasing turns no non-letter into a letter, no space into a
    # non-space), first. A conjunction before the cut is one in the window.
    punctuation = _CLAUSE_PUNCTUATION.search(text, position, window_end)
    cut = punctuation.end() if punctuation is not None else window_end
    clause = text[position:cut].lower()
    if "and" not in clause and "but" not in clause and "or" not in clause:
        return None
    if _LOWERCASE_AND_BUT_OR_WORD.search(clause) is None:  # only in "for", "more", "before"
        return None
    if (
        _LOWERCASE_CONJUNCTION.search(clause) is None
        and _CONJUNCTION.search(text, position, window_end) is None
    ):
        return None
    if clause.isascii() and len(clause) == cut - position:  # the same tokens, lowercase already
        tokens = words = _ASCII_LOWERCASE_CLAUSE_TOKEN.findall(clause)
        tokenized, shift = clause, position  # the tokens' text, and its offset in `text`
    else:
        tokens = _CLAUSE_TOKEN.findall(text, position, cut)
        words = lowercase_words(tokens)
        tokenized, shift = text, 0
    if cut != window_end and words and words[0] in ("and", "but", "or"):
        cut = window_end
        tokens = _CLAUSE_TOKEN.findall(text, position, cut)
        words = lowercase_words(tokens)
        tokenized, shift = text, 0
    for index, word in enumerate(words[:-1]):
        if word in CLAUSE_BREAKS or not word[0].isalpha():
            return None
        if word not in ("and", "but", "or"):
            continue
        verb_index = index + 1
        after_adverb = words[verb_index] in PRE_VERB_ADVERBS and verb_index + 1 < len(words)
        if after_adverb:  # "and then goes": a noun hardly follows "and then"
            verb_index += 1
        verb = words[verb_index]
        following = words[verb_index + 1] if verb_index + 1 < len(words) else ""
        takes_object = following in DETERMINERS or following in OBJECT_STARTERS
        # "proud of the club and plays on Sundays": an -s word before a preposition is a verb
        # unless it pairs with a plural before the conjunction ("apples and pears from Spain").
        if verb in INVERTED_AUXILIARIES or (
            plausible_third_person_verb(verb)
            and (
                word == "but"
                or after_adverb
                or takes_object
                or (following in PREPOSITIONS and not words[index - 1].endswith("s"))
            )
        ):
            start = shift + token_start(tokenized, position - shift, tokens, verb_index)
            return _verb_edit(text, start, start + len(tokens[verb_index]), verb)
    return None


def _coordinated_verbs(text: str, position: int) -> list[Edit]:
    """Verbs sharing the subject: "and/or VERB", or a comma list closed by "and/or VERB"."""
    pending: list[Edit] = []
    while True:
        item = _COORDINATED_VERB.match(text, position, position + _LOOKAROUND)
        if item is None:
            return []
        word = item.group(2).lower()
        if not plausible_third_person_verb(word):
            return []
        pending.append(_verb_edit(text, item.start(2), item.end(2), word))
        if item.group(1).strip(" \t\n,"):  # the list is closed by "and"/"or"
            return pending
        position = item.end(2)


def _verb_edit(text: str, start: int, end: int, word: str) -> Edit:
    original = text[start:end]
    base = base_form(word)
    if "\u2019" in original:
        base = base.replace("'", "\u2019")
    return Edit(start, end, match_case(original, base), "verb_agreement")
