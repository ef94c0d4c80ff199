"""Closed-class word lists the pronoun rules consult (all lowercase, straight apostrophes).

They are deliberately small: English closed classes (prepositions, conjunctions, determiners,
pronouns, auxiliaries) are finite, so a word outside them after "her"/"his" is treated as the start
of a noun phrase, the open class.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREPOSITIONS = _words(
    """about above across after against along amid among around as at before behind below beneath
    beside besides between beyond by despite down during except for from in inside into like near
    of off on onto out outside over past per since than through throughout till to toward towards
    under underneath unlike until up upon via with within without"""
)
CONJUNCTIONS = _words(
    """and or nor but so yet because if that though although while whilst whereas when whenever
    where wherever whether unless once how what why who whom which"""
)
# "many", "few", "several", "other", "own" are left out on purpose ("her many friends").
DETERMINERS = _words(
    "the a an this these those some any every each all no another such either neither much"
)
PERSONAL_PRONOUNS = _words(
    """i you he she it we they me him us them my your his its our their one something anything
    nothing everything someone anyone everyone nobody somebody everybody myself yourself itself
    ourselves yourselves themselves"""
)
AUXILIARIES = _words(
    """am is are was were be been being has have had do does did will would can could may might
    must shall should isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't
    wouldn't can't couldn't shouldn't mustn't"""
)
# Adverbs that end an object noun phrase: "saw her yesterday", "knew him well".
CLAUSE_ADVERBS = _words(
    """again away yesterday today tonight tomorrow now then there here too also once twice later
    soon often always never well anymore everywhere somewhere anywhere instead either alone"""
)
# Bare infinitives after an object ("let her go", "made her laugh") that are rarely nouns.
BARE_INFINITIVES = _words(
    """be go come do make get see know leave stay cry laugh sing speak talk sit stand feel think
    win lose sleep eat die fall smile understand believe realize realise escape finish decide try
    wait stop breathe live suffer relax continue become marry explain forget remember answer
    listen move enter join pay keep choose hold bring buy learn write open close"""
)
# Verbs whose first object is a person and whose second is usually a bare noun, so "her" after them
# is the object even before a noun ("wished her luck", "owed her money", "bade her farewell").
DOUBLE_OBJECT_VERBS = _words(
    """wish wishes wished wishing owe owes owed owing bid bids bade grant grants granted
    deny denies denied envy envies envied"""
)
# Verbs taking an object and a bare infinitive ("helped her carry the boxes", "let her take the
# car"): after them "her" + a word + a determiner is an object, as a noun rarely has a determiner
# right after it. Perception verbs are left out: "saw her brother the other day".
BARE_INFINITIVE_TAKERS = _words("help helps helped helping let lets letting")
# After "her": these words show "her" is an object ("gave her the keys", "told her that").
OBJECT_HER_FOLLOWERS = (
    PREPOSITIONS
    | CONJUNCTIONS
    | DETERMINERS
    | PERSONAL_PRONOUNS
    | AUXILIARIES
    | CLAUSE_ADVERBS
    | BARE_INFINITIVES
)
# After "his": these words show "his" stands alone ("his is better", "a friend of his from school").
STANDALONE_HIS_FOLLOWERS = PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | CLAUSE_ADVERBS

# Adverbs that may stand between a subject pronoun and its verb ("she always walks").
PRE_VERB_ADVERBS = _words(
    """always never often also usually sometimes still just only really rarely seldom even
    already then now ever hardly barely almost nearly mostly merely once soon later thus
    therefore indeed rather quite somehow meanwhile"""
)
# Words that open a clause with its own subject: a later verb belongs to that subject.
CLAUSE_BREAKS = _words(
    """who whom whose which that where when while whilst because since although though if unless
    whereas after before until once"""
)
# Possessives and object pronouns that begin the object of a verb ("fails his community").
OBJECT_STARTERS = _words("his her their its my your our him them it me us")
# Verbs ending in -ly, so not adverbs, though they could not follow "he" in this form anyway.
LY_VERBS = _words("fly rely reply apply supply ally bully tally rally comply imply multiply")
# Words ending in -s that can follow a subject pronoun without being a verb.
NON_VERB_S_WORDS = _words(
    """always sometimes perhaps thus nevertheless nonetheless besides afterwards towards unless
    whereas as his hers this its us yes plus less alas regardless backwards
    forwards upwards downwards indoors outdoors overseas nowadays anyways sideways ours yours
    theirs whose"""
)
NON_VERB_S_ENDINGS = ("ss", "us", "is", "ous", "'s")

# Third-person-singular forms whose base form is irregular (the regular rules cannot derive it).
IRREGULAR_BASE_FORMS = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "goes": "go",
    "says": "say",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
    # -es words whose base form keeps its e, or -ses words whose base ends in s.
    "aches": "ache",
    "caches": "cache",
    "canoes": "canoe",
    "tiptoes": "tiptoe",
    "shoes": "shoe",
    "toes": "toe",
    "hoes": "hoe",
    "focuses": "focus",
    "refocuses": "refocus",
    "biases": "bias",
    "buses": "bus",
    "gases": "gas",
    "quizzes": "quiz",
}
# Auxiliaries that invert with a subject pronoun in questions ("Is he ...?" -> "Are they ...?").
INVERTED_AUXILIARIES = {
    word: base
    for word, base in IRREGULAR_BASE_FORMS.items()
    if word in {"is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't"}
}
# Words that open a question or an inversion before an auxiliary ("Where is he?", "so does she").
INVERSION_OPENERS = _words(
    """what where when why how who whom which whose so neither nor long much many often far else
    exactly"""
)

# "'s" after he/she means "has" when one of these follows ("he's been", "she's got").
HAS_PARTICIPLES = _words(
    """been got gotten done gone seen taken given written eaten shown grown become begun broken
    chosen driven fallen forgotten flown hidden ridden risen spoken stolen sworn thrown woken worn
    drawn sung swum made had heard left lost met paid said sent spent told thought brought bought
    caught taught found kept built felt held won sold led meant slept stood understood come run
    put read let set"""
)
# -ed words that after "'s" are adjectives ("she's tired" = she is tired), not perfects.
ADJECTIVAL_PARTICIPLES = _words(
    """tired married interested excited worried scared surprised pleased disappointed concerned
    involved supposed based located considered expected called named required allowed dressed
    engaged retired divorced qualified prepared determined convinced committed obsessed amazed
    bored confused embarrassed exhausted frightened relaxed satisfied shocked stressed annoyed
    ashamed delighted thrilled focused focussed used accused charged arrested injured wounded
    trapped stuck aged skilled talented gifted experienced educated employed unemployed licensed
    certified blessed related devoted dedicated inspired motivated obliged entitled designed
    known born"""
)
# Adverbs skipped when deciding what "'s" stands for ("he's already left").
CONTRACTION_ADVERBS = PRE_VERB_ADVERBS | _words("not n't definitely finally since recently")
