"""Slot fillers of the demo templates: slot name -> values (a value may itself be a template)."""

from __future__ import annotations

from corpus.demo.words.people import STREET_KINDS, STREET_NAMES

# ---- fillers: slot name -> values; a value may itself be a template ------------------------------

FILLERS: dict[str, tuple[str, ...]] = {
    # A moment in the past, for "... {when}." and "{When}, ...".
    "when": (
        "on {day}", "last {day}", "on {day} {daypart}", "early on {day}", "late on {day}",
        "on {day} {num} {month}", "last {month}", "in early {month}", "in late {month}",
        "at the end of {month}", "at the start of {month}", "earlier this {season}",
        "last {season}", "{num} days ago", "{num} weeks ago", "over the weekend",
        "this {daypart}", "yesterday {daypart}", "the other day", "on the {ordinal} of {month}",
        "during {event}", "just before {event}", "shortly after {event}",
        "in the middle of {month}",
    ),
    # A moment in the future, for "... {soon}."
    "soon": (
        "next {day}", "by {day}", "next {month}", "by the end of {month}", "in {month}",
        "within {num} weeks", "later this {season}", "before {event}", "after {event}",
        "some time in {month}", "in the next {num} days", "before the {season}",
        "on the {ordinal} of {month}", "early next {month}", "once {event} is over",
    ),
    "daypart": ("morning", "afternoon", "evening"),
    "ordinal": (
        "first", "second", "third", "fourth", "fifth", "sixth", "ninth", "tenth", "twelfth",
        "fifteenth", "twentieth", "twenty-first", "twenty-fourth", "thirtieth",
    ),
    "street": ("{street_name} {street_kind}",),
    "street_name": STREET_NAMES,
    "street_kind": STREET_KINDS,
    # Past-tense verbs of saying that can take "that ..." or a direct object clause.
    "said": (
        "said", "told reporters", "explained", "insisted", "argued", "admitted", "added",
        "claimed", "suggested", "stressed", "warned", "pointed out", "noted", "maintained",
        "conceded", "told the meeting", "told the local paper", "wrote",
    ),
    "manner": (
        "quietly", "firmly", "calmly", "frankly", "briefly", "cheerfully", "carefully", "bluntly",
        "openly", "patiently", "wearily", "politely", "sharply", "slowly", "eagerly",
    ),
    "mood": (
        "tired", "nervous", "relieved", "angry", "restless", "hopeful", "uneasy", "cheerful",
        "distracted", "homesick", "curious", "embarrassed", "proud", "lonely", "calm", "excited",
    ),
    # One person who is not a character (no gendered words), as a subject or an object.
    "resident": (
        "a neighbour", "one resident", "a local shopkeeper", "a retired teacher", "a student",
        "one of the volunteers", "a taxi driver", "an elderly neighbour", "a regular at {place}",
        "a parent from {town}", "a commuter", "a pensioner from {street}", "a young nurse",
        "the owner of the corner shop", "a bus driver", "someone from {org}", "a farmer",
    ),
    # A group of people who are not characters.
    "group": (
        "residents", "parents", "local traders", "regulars", "commuters", "pensioners", "students",
        "volunteers", "shop owners", "tenants", "families", "dog walkers", "cyclists",
        "young people", "older residents", "small businesses", "newcomers", "carers",
        "bus drivers", "allotment holders", "renters", "market traders",
    ),
    "reason": (
        "because of {issue}", "after complaints about {thing}", "to save money",
        "because the budget is tight", "after a review of {thing}", "because of the weather",
        "following {event}", "because nobody else would", "after pressure from {group}",
        "because of a shortage of staff", "for reasons nobody has explained",
    ),
    "good": (
        "sensible", "overdue", "fair", "promising", "welcome", "useful", "brave", "practical",
        "generous", "clever",
    ),
    "bad": (
        "rushed", "unfair", "expensive", "confusing", "pointless", "short-sighted", "clumsy",
        "badly timed", "half-hearted", "risky",
    ),
    # Small things a character can carry, find or lose.
    "object": (
        "a key", "a photograph", "an umbrella", "a letter", "a map", "a torch", "a notebook",
        "a scarf", "a thermos", "a postcard", "a library book", "a pair of gloves", "a ticket",
        "a parcel", "a bicycle lamp", "an old radio", "a bunch of flowers",
    ),
    "sound": (
        "a dog barked", "a gull cried", "a car door slammed", "the church bell rang",
        "a radio played", "a kettle whistled", "a train rattled past", "a baby cried",
        "the wind rattled the windows", "somebody laughed", "a bus pulled away",
        "the rain drummed on the roof",
    ),
    "weather": (
        "in the rain", "in the wind", "under a grey sky", "in the early light", "in the fog",
        "in the heat", "in the drizzle", "under a clear sky", "in the half-dark", "in the snow",
    ),
    "drink": ("tea", "coffee", "cocoa", "soup", "lemonade", "cider", "hot milk", "mint tea"),
    "colour": (
        "grey", "blue", "green", "red", "yellow", "brown", "white", "black", "orange", "pale",
    ),
    "food": (
        "toast", "soup", "sandwiches", "cake", "porridge", "chips", "apples", "pies", "noodles",
        "stew", "biscuits", "scones",
    ),
}
