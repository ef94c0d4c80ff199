"""Headlines of the demo, and the noise and low-quality text the cleaning stage must handle."""

from __future__ import annotations

# ---- headlines (headlines.lines.txt) -------------------------------------------------------------

HEADLINES: tuple[str, ...] = (
    "{Town} {P.role} honoured for bravery after {P.he} rescues [family|pensioner|dog|two "
    "children] from [flooded home|burning house|the river]",
    "{Role_pl} in {town} threaten [strike|walkout|legal action] over [pay|hours|{issue}] and "
    "working conditions",
    "Local {P.role} [says|vows] {P.he} will fight [plans|proposals] for {thing} all the way [to "
    "the top|to court|in {town}]",
    "{P.Role} {P.last} steps down after {num} years at {org}",
    "Weatherman warns of [heavy rain|snow|fog|gales] and [strong winds|ice|flooding] across "
    "{town} [this weekend|on {day}|{soon}]",
    "{A_spokes} for {org} denies [claims of a cover-up|wrongdoing] over {issue} in {town}",
    "Actress returns to {town} stage for one night only at {place}",
    "Man-made lake at {place} to reopen to [swimmers|boats|the public] {soon}",
    "{Town} council votes to boycott [supplier|builder|contractor] over poor workmanship on "
    "{thing}",
    "Schoolgirl raises {big} pounds for [charity|the hospice|the food bank] by [running|"
    "swimming|cycling] {num} laps of {place}",
    "{P.Role} {P.last} says {P.he} doesn't expect a decision on {issue} before {month}",
    "Paperboy, {num}, becomes the youngest winner of the {town} [community|bravery|volunteer] "
    "award",
    "Fishermen [in|off] {town} warn that [catches|fish stocks] [have fallen|are down] by {pct} "
    "percent since {month}",
    "Headmistress praises pupils after record [exam|test|sports] results at {town} school",
    "German [engineers|students] and [local|{town}] craftsmen [team up|join forces] to restore "
    "{place} [in {town}|by {month}|]",
    "Former anchorman opens a ramen bar on {street} in {town}",
    "Policeman's quick thinking saves [driver|cyclist|pedestrian] after [crash|collision|fall] "
    "on the {town} [bypass|ring road|high street]",
    "Why the {P.role} of {org} thinks {P.he}'s been misunderstood about {issue}",
    "Congresswoman {P.last} calls for {issue} inquiry after [packed|heated|angry] {day} meeting "
    "at {place}",
    "Stewardess {P.last} meets family {num} years after delivering their baby over {town}",
    "{Town} landlady celebrates {num} years behind the bar at the [village pub|{street} "
    "tavern|Red Lion]",
    "Cowboy boots and country music as {event} returns to {town} [for the {ordinal} time|"
    "after {num} years|]",
    "Ombudsman criticises {org} over its handling of {issue}",
    "Mankind's oldest question gets new answer in {town}, say {num} "
    "[researchers|scientists|students]",
    "Human rights group praises {town} for [its new housing plan|its work on {issue}|opening "
    "{place}]",
    "{Town} businessman buys {place} and promises to keep it [open|running|as it is]",
    "{Town} doorman and barman [praised|thanked] for [quick|calm] response to {day} "
    "[fire|flood|fight] at {place}",
    "{Town} postman retires after {num} years and {big} deliveries without a [day|shift] off",
    "Hostess of {town}'s [quiz show|chat show|radio show] to retire after {num} years and {big} "
    "episodes",
    "{Event} at {place} draws record crowds despite the [weather|rain|cold]",
    "{P.Role} {P.name} to take over at {org} [in {month}|{soon}|after {event}]",
    "[Plans|Bid|Campaign] to [save|close|rebuild] {place} in {town} [backed|rejected|delayed] "
    "by {org}",
    "{Big} [people|residents|fans] sign petition against {thing} in {town}",
    "[Hundreds|Dozens|Thousands] expected at {event} [in {town}|at {place}] [on|this] {day}",
    "{Town} {P.role} {P.last} [wins|loses] [vote|appeal|fight] over {thing}",
    "[Row|Anger|Confusion] as {org} [delays|scraps|changes] {thing} [again|for {town}|"
    "without warning]",
    "[Questions|Concerns|Fears] over {issue} [grow|mount] as {event} [approaches|nears|begins]",
    "{Org} to [review|cut|expand] {thing} after {pct} percent [rise|fall|drop] in [costs|"
    "complaints|demand]",
    "[Volunteers|Students|Neighbours] in {town} [rescue|restore|clean up] {place} [in a "
    "weekend|over {num} weeks|for free]",
    "{P.Role} {P.last} and {Q.role} {Q.last} to [lead|run|judge] {event} at {place}",
    "[Meet|Who is] the {P.role} [behind|keeping|running] {thing} in {town}?",
    "[Traffic|Trains|Buses] [disrupted|delayed|halted] [in|around] {town} after [a protest "
    "over|a row about] {issue} [on {day}|{when}]",
    "[New|Extra] {neutral} [jobs|posts|roles] [promised|created|cut] at {place} in {town}",
    "{Town} [remembers|mourns|celebrates] the life of {P.role} {P.name}, [{num}|who ran {place}|a "
    "friend to all]",
    "[Spokeswoman|Spokesman] for {org} [defends|explains|apologises for] {thing} after "
    "[criticism|complaints|a bad {season}]",
)

ARTICLE_SOURCES: tuple[str, ...] = (
    "The Daily Ledger", "Harbour Evening News", "The County Courier", "Northfield Gazette",
)

# ---- noise for the cleaning stage ----------------------------------------------------------------

BOILERPLATE_LINES: tuple[str, ...] = (
    "Click here to subscribe",
    "All rights reserved.",
    "Share this article",
    "Cookie policy",
    "Sign up for our newsletter",
    "Advertisement",
    "Read more",
)

# Added to a noisy document that has no accented letters before it is decomposed (NFD); short, so
# that any 13 words around one also hold words of the document itself.
ACCENTED_SENTENCES: tuple[str, ...] = (
    "We met at the café afterwards.",
    "The naïve plan was dropped.",
    "A résumé came from São Paulo.",
    "Dessert was a crème brûlée.",
    "The fiancé was there too.",
    "Someone brought a piñata.",
    "The café stayed open late.",
    "It felt like déjà vu.",
)

# ---- low-quality documents the quality filters should drop ---------------------------------------

SHORT_WORDS: tuple[str, ...] = (
    "thanks", "bump", "ok", "lol", "great", "same", "agreed", "nice", "wow", "following", "first",
    "me", "too", "interesting", "yes", "no", "cool", "sure", "what", "why", "really", "haha",
)
SYMBOLS: tuple[str, ...] = (
    "####", "$$$", "%%%", "^^^", "&&&", "***", "@@@", "~~~", "!!!", "+++", "===", "|||", "<<>>",
    "???", "///",
)
REPEATED_LINE_PARTS: tuple[tuple[str, ...], ...] = (
    ("Buy", "Order", "Get", "Grab", "Win", "Claim"),
    ("cheap", "discount", "free", "exclusive", "luxury", "instant"),
    ("watches now", "pills online", "holidays today", "loans fast", "followers here",
     "tickets now"),
)
SPAM_KEYWORDS: tuple[str, ...] = (
    "cheap", "flights", "hotels", "best", "deals", "discount", "tickets", "free", "shipping", "buy",
    "now", "online", "casino", "bonus", "loans", "fast", "cash", "crypto", "win", "prize",
    "weight", "loss", "pills", "offer", "sale", "top", "rated", "reviews", "coupon", "codes",
)
FRENCH_SENTENCES: tuple[str, ...] = (
    "Le conseil municipal s'est réuni hier soir pour discuter du nouveau parking.",
    "Les habitants du quartier demandent plus de pistes cyclables.",
    "Le marché du samedi attire chaque semaine des centaines de visiteurs.",
    "La bibliothèque restera fermée pendant les vacances d'été.",
    "Selon la mairie, les travaux dureront au moins trois mois.",
    "Il pleuvra toute la journée sur la côte, avec des vents forts l'après-midi.",
    "L'équipe locale a gagné son dernier match devant un public enthousiaste.",
    "Les prix des loyers continuent d'augmenter dans le centre-ville.",
)
GERMAN_SENTENCES: tuple[str, ...] = (
    "Der Gemeinderat hat gestern Abend über den neuen Parkplatz beraten.",
    "Die Anwohner fordern mehr Radwege in der Innenstadt.",
    "Der Wochenmarkt am Samstag zieht jede Woche Hunderte von Besuchern an.",
    "Die Bibliothek bleibt während der Sommerferien geschlossen.",
    "Nach Angaben der Stadt werden die Bauarbeiten mindestens drei Monate dauern.",
    "An der Küste regnet es den ganzen Tag, am Nachmittag mit starkem Wind.",
    "Die Mannschaft hat ihr letztes Spiel vor begeisterten Zuschauern gewonnen.",
    "Die Mieten in der Altstadt steigen weiter.",
)

# ---- near-duplicate edits ------------------------------------------------------------------------

SYNONYMS: dict[str, str] = {
    "said": "stated", "big": "large", "people": "residents", "started": "began", "small": "little",
    "help": "assist", "about": "regarding", "quickly": "rapidly", "before": "ahead of",
    "difficult": "hard", "cold": "chilly", "old": "ancient", "new": "fresh", "week": "fortnight",
    "really": "truly", "good": "fine", "asked": "enquired", "told": "informed", "night": "evening",
}
INSERTED_WORDS: tuple[str, ...] = (
    "also", "still", "really", "now", "indeed", "certainly", "apparently", "again",
)
