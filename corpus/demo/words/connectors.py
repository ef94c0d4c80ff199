"""How the demo's sentences meet: connectors, lowercase starts, interchangeable words."""

from __future__ import annotations

# ---- how sentences meet --------------------------------------------------------------------------

# Sentence openers per genre; a sentence that starts with one of LOWERCASE_STARTS may take one.
CONNECTORS: dict[str, tuple[str, ...]] = {
    "news": (
        "Meanwhile, ", "However, ", "Separately, ", "Earlier, ", "In addition, ", "Even so, ",
        "At the same time, ", "For now, ", "Since then, ", "In the meantime, ", "Locally, ",
        "By contrast, ", "As things stand, ", "For the record, ", "Later, ", "Privately, ",
    ),
    "forum": (
        "Honestly, ", "Also, ", "Anyway, ", "To be fair, ", "Plus, ", "Then again, ", "Oh and ",
        "Funnily enough, ", "Mind you, ", "Thing is, ", "Weirdly, ", "Obviously, ", "Basically, ",
        "Not gonna lie, ", "And yes, ", "Side note: ",
    ),
    "story": (
        "Later, ", "After a while, ", "Then ", "Still, ", "For a moment, ", "At last, ",
        "Even then, ", "Somehow, ", "Suddenly, ", "Afterwards, ", "Just then, ", "That night, ",
        "In the end, ", "Without thinking, ", "Once, ", "Quietly, ",
    ),
    "essay": (
        "Of course, ", "Even so, ", "In other words, ", "Still, ", "In practice, ", "Besides, ",
        "To be sure, ", "At the same time, ", "Admittedly, ", "Put simply, ", "Equally, ",
        "In theory, ", "Too often, ", "Ultimately, ", "Similarly, ", "On the other hand, ",
    ),
}
# First words that stay correct in lower case after a connector or a joining "; " / ", and ".
LOWERCASE_STARTS: frozenset[str] = frozenset(
    (
        "He", "She", "His", "Her", "The", "A", "An", "It", "Some", "Both", "Nobody", "Everyone",
        "Most", "Many", "Our", "My", "We", "Local", "Critics", "Officials", "Residents", "Several",
        "Businesses", "Traders", "Shops", "Parking", "Volunteers", "Students", "Money", "Funding",
        "Neither", "Human", "Every", "Man-made", "Manpower",
    )
)  # fmt: skip

# Interchangeable words: where one appears in a template's own text (not in a slot value), the
# generator may write any word of its group instead, so that fixed template text varies too.
WORD_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("people", "folk"), ("nobody", "no one"),
    ("anyone", "anybody"), ("everyone", "everybody"), ("someone", "somebody"),
    ("meeting", "session"), ("decision", "choice"),
    ("plan", "scheme", "proposal"), ("plans", "schemes", "proposals"),
    ("worried", "concerned"), ("difficult", "tough"), ("quickly", "swiftly"),
    ("perhaps", "maybe"), ("although", "though"), ("nearly", "almost"), ("lately", "recently"),
    ("often", "frequently"), ("usually", "normally"), ("honestly", "frankly", "genuinely"),
    ("apparently", "supposedly", "reportedly"), ("quiet", "silent"), ("angry", "furious"),
    ("whole", "entire"), ("children", "kids"), ("pupils", "students"),
    ("residents", "locals", "neighbours"), ("volunteers", "helpers"), ("money", "cash", "funds"),
    ("began", "started"), ("finished", "completed"), ("confirmed", "announced"),
    ("small", "little"), ("good", "fine"), ("night", "evening"), ("near", "close to"),
    ("again", "once more"), ("percent", "per cent"), ("praised", "applauded", "commended"),
    ("packed", "crowded"), ("delayed", "postponed"), ("quick", "swift"), ("finally", "at last"),
    ("seemed", "appeared"), ("empty", "deserted"), ("suggests", "implies"),
)
