"""Subject-verb agreement for "they": third-person-singular present forms back to the base form."""

from __future__ import annotations

from corpus.rewrite.wordlists import IRREGULAR_BASE_FORMS, NON_VERB_S_ENDINGS, NON_VERB_S_WORDS

_DROP_ES_ENDINGS = ("sses", "zzes", "xes", "ches", "shes", "oes")


def plausible_third_person_verb(word: str) -> bool:
    """Whether a lowercase word right after "he"/"she" can be a 3rd-person-singular present verb.

    After a subject pronoun the next word is a verb, an adverb or an auxiliary; of those only a
    verb ends in a plain -s, so a letters-only word ending in -s that is not a known -s adverb or
    function word (and not -ss/-us/-ous, which no verb form ends in) is taken as the verb.
    """
    if word in IRREGULAR_BASE_FORMS:
        return True
    return (
        len(word) >= 3
        and word.endswith("s")
        and word.isalpha()
        and word not in NON_VERB_S_WORDS
        and not word.endswith(NON_VERB_S_ENDINGS)
    )


def base_form(verb: str) -> str:
    """Base form of a lowercase 3rd-person-singular verb: tries -> try, watches -> watch, is -> are.

    Args:
        verb: a word for which `plausible_third_person_verb` is true.
    """
    irregular = IRREGULAR_BASE_FORMS.get(verb)
    if irregular is not None:
        return irregular
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(_DROP_ES_ENDINGS):
        return verb[:-2]
    return verb[:-1]
