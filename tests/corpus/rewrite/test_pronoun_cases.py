"""Pronoun cases: object vs determiner her, standalone his/hers, reflexives (and the themself
option), paired forms, agreement in questions, subordinate clauses and after contractions. Every
example is written for these tests."""

from __future__ import annotations

import pytest

from corpus.rewrite import GenderCatalogue, RewriteConfig, Rewriter, load_catalogue


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> GenderCatalogue:
    folder = tmp_path_factory.mktemp("catalogue")
    (folder / "catalogue.csv").write_text(
        "term,replacement,category,plural,plural_replacement,note\nchairman,chairperson,-man,,,\n",
        encoding="utf-8",
    )
    (folder / "exclusions.csv").write_text("word,reason\n", encoding="utf-8")
    return load_catalogue(folder / "catalogue.csv", folder / "exclusions.csv")


@pytest.fixture(scope="module")
def rewriter(catalogue: GenderCatalogue) -> Rewriter:
    return Rewriter(catalogue)


def _check(rewriter: Rewriter, text: str, expected: str) -> None:
    result = rewriter.rewrite(text)
    assert result.text == expected
    assert rewriter.rewrite(result.text).text == result.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # object: before a preposition, "to" + verb, punctuation, an adverb, a conjunction
        ("The parcel came for her on Tuesday.", "The parcel came for them on Tuesday."),
        ("We begged her to stay.", "We begged them to stay."),
        ("Ask her, not me.", "Ask them, not me."),
        ("We rang her again.", "We rang them again."),
        ("I told her and her partner.", "I told them and their partner."),
        # -ly words: an adverb ends the object, an adjective comes before its noun
        ("The crowd cheered her loudly.", "The crowd cheered them loudly."),
        ("They treated her fairly in the end.", "They treated them fairly in the end."),
        ("I liked her friendly manner.", "I liked their friendly manner."),
        ("Her early sketches sold well.", "Their early sketches sold well."),
        # bare infinitives after help/let, when a determiner follows the verb
        ("Friends helped her paint the fence.", "Friends helped them paint the fence."),
        ("Let her borrow my bike.", "Let them borrow my bike."),
        ("We helped her neighbours with the move.", "We helped their neighbours with the move."),
        ("I saw her brother the other day.", "I saw their brother the other day."),
        # determiner: before nouns and adjectives
        ("Her sister bakes bread.", "Their sister bakes bread."),
        ("We read her latest essay.", "We read their latest essay."),
    ],
)
def test_her_is_an_object_or_a_determiner_by_what_follows(
    rewriter: Rewriter, text: str, expected: str
) -> None:
    _check(rewriter, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The last word was his alone.", "The last word was theirs alone."),
        ("That seat is his.", "That seat is theirs."),
        ("His is the blue one.", "Theirs is the blue one."),
        ("An uncle of his farms sheep.", "An uncle of theirs farms sheep."),
        ("His dog barks at night.", "Their dog barks at night."),
        ("The green scarf is hers.", "The green scarf is theirs."),
        ("Hers arrived first.", "Theirs arrived first."),
        ("The choice is his or hers.", "The choice is theirs."),
    ],
)
def test_his_and_hers_standalone_or_before_a_noun(
    rewriter: Rewriter, text: str, expected: str
) -> None:
    _check(rewriter, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Each guest should serve himself or herself.", "Each guest should serve themselves."),
        ("He or she decides.", "They decide."),
        ("Whoever wins, he/she keeps the cup.", "Whoever wins, they keep the cup."),
        ("Once s/he signs, the deal is done.", "Once they sign, the deal is done."),
        ("(S)he travels a lot.", "They travel a lot."),
        ("Every pupil brings his or her own pen.", "Every pupil brings their own pen."),
        ("Call him or her today.", "Call them today."),
        (
            "A tenant who pays late loses his/her deposit.",
            "A tenant who pays late loses their deposit.",
        ),
    ],
)
def test_paired_and_slashed_forms_become_one_pronoun(
    rewriter: Rewriter, text: str, expected: str
) -> None:
    _check(rewriter, text, expected)


def test_reflexives_follow_the_config(catalogue: GenderCatalogue, rewriter: Rewriter) -> None:
    text = "She fixed it herself, and he blamed himself."
    assert rewriter.rewrite(text).text == "They fixed it themselves, and they blamed themselves."
    singular = Rewriter(catalogue, RewriteConfig(reflexive="themself"))
    _check(singular, text, "They fixed it themself, and they blamed themself.")
    _check(singular, "He himself signs.", "They themself sign.")
    with pytest.raises(ValueError, match="'themselves' or 'themself'"):
        RewriteConfig(reflexive="theirselves")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Where does he park?", "Where do they park?"),
        ("What was she thinking?", "What were they thinking?"),
        ("Hasn't he finished?", "Haven't they finished?"),
        ("I asked where she works.", "I asked where they work."),
        ("The cake that she bakes wins prizes.", "The cake that they bake wins prizes."),
        (
            "The colleague who he says is ill stayed home.",
            "The colleague who they say is ill stayed home.",
        ),
        ("Since he moved, he walks to work.", "Since they moved, they walk to work."),
    ],
)
def test_questions_and_subordinate_clauses_keep_agreement(
    rewriter: Rewriter, text: str, expected: str
) -> None:
    _check(rewriter, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He's calm and likes to read.", "They're calm and like to read."),
        ("She's busy and works at night.", "They're busy and work at night."),
        ("She's since moved away.", "They've since moved away."),
        # a plural before "and" pairs with the -s word: a noun, not a verb
        (
            "He is fond of apples and pears from Spain.",
            "They are fond of apples and pears from Spain.",
        ),
    ],
)
def test_verbs_coordinated_after_a_contraction_agree(
    rewriter: Rewriter, text: str, expected: str
) -> None:
    _check(rewriter, text, expected)
