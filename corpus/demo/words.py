"""Word lists and sentence templates for the demo corpus (see corpus/demo/prose.py).

A template mixes fixed words with three kinds of variable parts, so that no long word sequence
repeats across documents (the leakage check compares word 13-grams between splits):
- `[one|two|three]` picks one alternative; alternatives may be empty and may nest.
- `{slot}` inserts a topic or filler value (`{town}`, `{when}`, `{issue}`, ...); a filler value may
  itself be a template.
- `{P.attr}` / `{Q.attr}` insert an attribute of the document's two characters: name, first, last,
  role, a_role (role with its article), ref (name, first name, last name or "the role", drawn per
  use), he, him, his (determiner), hers (standalone), himself, man, kid, hero.
A capitalised slot or attribute (`{Town}`, `{P.He}`) capitalises the first letter of what it
inserts. On top of that the generator swaps words of WORD_VARIANTS for an interchangeable word,
may name a character where a template opens with its pronoun, links sentences with CONNECTORS, and
fixes "a"/"an" (demo/prose.py). Rule of thumb, measured with the leakage check: any 13 words of a
template should hold two or three parts that vary widely (a name, {town}, {street}, {when}, {num}).
Pronoun templates are written in the third person singular ("{P.he} walks", "{P.he} doesn't"),
which is exactly what the rewriting stage has to turn into "they walk", "they don't"; a verb always
has its own pronoun ("and {P.he} says", never "and says"), so the rewritten text stays grammatical.
"""

from __future__ import annotations

from typing import NamedTuple

# Gender-exclusive job and person nouns as (masculine, feminine); a character of either gender takes
# the matching form, and a gender-variant copy swaps them.
ROLE_PAIRS: dict[str, tuple[str, str]] = {
    "chair": ("chairman", "chairwoman"),
    "police": ("policeman", "policewoman"),
    "fire": ("fireman", "firewoman"),
    "sales": ("salesman", "saleswoman"),
    "spokes": ("spokesman", "spokeswoman"),
    "business": ("businessman", "businesswoman"),
    "steward": ("steward", "stewardess"),
    "actor": ("actor", "actress"),
    "waiter": ("waiter", "waitress"),
    "head": ("headmaster", "headmistress"),
    "post": ("postman", "postwoman"),
    "mail": ("mailman", "mailwoman"),
    "fisher": ("fisherman", "fisherwoman"),
    "fore": ("foreman", "forewoman"),
    "camera": ("cameraman", "camerawoman"),
    "congress": ("congressman", "congresswoman"),
    "council": ("councilman", "councilwoman"),
    "sports": ("sportsman", "sportswoman"),
    "craft": ("craftsman", "craftswoman"),
    "weather": ("weatherman", "weatherwoman"),
    "anchor": ("anchorman", "anchorwoman"),
    "news": ("newsboy", "newsgirl"),
    "paper": ("paperboy", "papergirl"),
    "cow": ("cowboy", "cowgirl"),
    "school": ("schoolboy", "schoolgirl"),
    "usher": ("usher", "usherette"),
    "host": ("host", "hostess"),
    "ombuds": ("ombudsman", "ombudswoman"),
    "bar": ("barman", "barmaid"),
    "door": ("doorman", "doorwoman"),
    "land": ("landlord", "landlady"),
    "alder": ("alderman", "alderwoman"),
    "repair": ("repairman", "repairwoman"),
    "grounds": ("groundsman", "groundswoman"),
}

# Character attributes that depend on gender, as (masculine, feminine).
GENDERED_ATTRIBUTES: dict[str, tuple[str, str]] = {
    "he": ("he", "she"),
    "him": ("him", "her"),
    "his": ("his", "her"),
    "hers": ("his", "hers"),
    "himself": ("himself", "herself"),
    "man": ("man", "woman"),
    "kid": ("boy", "girl"),
    "hero": ("hero", "heroine"),
}

# Given names used for either gender, so a gender-variant copy differs only in gendered words.
FIRST_NAMES: tuple[str, ...] = (
    "Alex", "Sam", "Jordan", "Robin", "Casey", "Taylor", "Jamie", "Kim", "Chris", "Pat", "Dana",
    "Leslie", "Morgan", "Riley", "Avery", "Quinn", "Drew", "Charlie", "Frankie", "Jesse", "Ash",
    "Sidney", "Rowan", "Emery", "Hayden", "Parker", "Reese", "Skyler", "Toby", "Lou", "Blair",
    "Cameron", "Devon", "Eden", "Ellis", "Finley", "Harley", "Jo", "Jody", "Kai", "Kendall",
    "Marley", "Micah", "Nico", "Noel", "Peyton", "Ray", "Remy", "Sage", "Shay", "Stevie", "Tate",
    "Terry", "Val", "Wren", "Kit", "Max", "Billie", "Darcy", "Jules", "Mel", "Nat", "Ronnie",
    "Addison", "Bailey", "Corey", "Dale", "Elliot", "Gale", "Jackie",
)  # fmt: skip
# "Herman" and "Shepherd" must survive rewriting untouched.
LAST_NAMES: tuple[str, ...] = (
    "Lee", "Patel", "Okafor", "Morgan", "Nowak", "Herman", "Shepherd", "Garcia", "Kowalski",
    "Nguyen", "Fischer", "Murphy", "Haddad", "Silva", "Adeyemi", "Larsen", "Rossi", "Tanaka",
    "O'Brien", "Campbell", "Dubois", "Mensah", "Novak", "Ortiz", "Reyes", "Schmidt", "Walsh",
    "Yilmaz", "Bianchi", "Kaur", "Lindqvist", "Moreau", "Brennan", "Castillo", "Evans", "Hughes",
    "Abbott", "Baker", "Chen", "Doyle", "Edwards", "Farah", "Gallagher", "Hall", "Ibrahim",
    "Jensen", "Kelly", "Lopez", "Mahmoud", "Nilsen", "Osei", "Price", "Ramos", "Sato", "Turner",
    "Vargas", "Ward", "Young", "Zhou", "Akhtar", "Bauer", "Carter", "Dimitrov", "Ellison",
    "Fernandes", "Grant", "Horvat", "Ito", "Kumar", "Lund", "Mills", "Nakamura", "Owusu",
    "Petrov", "Rashid", "Santos", "Tran", "Varga", "Webb", "Xu", "Quigley", "Sutherland",
)  # fmt: skip

# "Mansfield", "Manchester" and "Germantown" contain substrings a careless rewriter would change.
TOWNS: tuple[str, ...] = (
    "Ashford", "Millbrook", "Port Elm", "Kingsbridge", "Lakeview", "Harrowgate", "Redwater",
    "Stonehaven", "Brightwell", "Oakridge", "Fairhaven", "Mansfield", "Manchester", "Germantown",
    "Willowmere", "Castleton", "Eastbury", "Northfield", "Saltcombe", "Greyhaven", "Hollowbrook",
    "Marsh End", "Bellmouth", "Crowhurst", "Dunmore", "Elmstead", "Foxley", "Glenbury",
    "Hartwell", "Ivybridge", "Kettlewell", "Longmoor", "Midhurst", "Newhaven", "Oxley",
    "Pennington", "Ravensworth", "Sandbury", "Thornbury", "Westbrook", "Yarrow", "Coldharbour",
)  # fmt: skip
STREET_NAMES: tuple[str, ...] = (
    "Mill", "Station", "Church", "Chapel", "Park", "Bridge", "High", "Orchard", "Victoria",
    "Market", "Elm", "Harbour", "School", "North", "Albert", "Meadow", "Quarry", "Castle", "Mount",
    "Priory", "Rope", "Tanner", "Water", "Windmill", "Abbey", "Beacon", "Cherry", "Fern", "Hill",
)  # fmt: skip
STREET_KINDS: tuple[str, ...] = ("Street", "Road", "Lane", "Avenue", "Row", "Close", "Terrace")
DAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
SEASONS: tuple[str, ...] = ("spring", "summer", "autumn", "winter")

# Relatives of the poster; not characters, so a gender-variant copy leaves them alone.
KIN: tuple[str, ...] = (
    "sister", "brother", "mum", "dad", "cousin", "flatmate", "husband", "wife", "partner",
    "neighbour", "best friend", "uncle", "aunt", "grandad", "nan", "housemate", "colleague",
)  # fmt: skip

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


class Topic(NamedTuple):
    """Vocabulary of one subject area; `facts` are sentences that need only generic slots."""

    places: tuple[str, ...]
    events: tuple[str, ...]
    things: tuple[str, ...]
    orgs: tuple[str, ...]
    issues: tuple[str, ...]
    roles: tuple[str, ...]
    neutral_roles: tuple[str, ...]
    facts: tuple[str, ...]


TOPICS: dict[str, Topic] = {
    "sports": Topic(
        places=("the riverside stadium", "Hollow Park", "the county arena", "the harbour boathouse",
                "the old cricket ground", "the leisure pool", "the velodrome", "the golf club",
                "the bowling green"),
        events=("the regional final", "the spring marathon", "the cup replay", "the charity relay",
                "the junior league season", "the county championships", "the fun run",
                "the end-of-season dinner"),
        things=("the new training ground", "the ticket prices", "the referee's decision",
                "the floodlights", "the youth academy", "the new kit", "the artificial pitch",
                "the season tickets", "the club shop"),
        orgs=("the county football association", "Northfield Rovers", "the harbour rowing club",
              "the city athletics board", "the cricket club committee", "the swimming club"),
        issues=("ticket prices", "the injury list", "youth coaching", "the transfer budget",
                "the state of the pitch", "the lack of changing rooms"),
        roles=("sports", "camera", "chair", "spokes", "grounds", "anchor"),
        neutral_roles=("coach", "referee", "captain", "goalkeeper", "physiotherapist"),
        facts=(
            "[The home side|The visitors|{Town}] scored [twice|three times] in the last {num} "
            "minutes to [win|draw|rescue] the match {when}.",
            "[More than|Nearly|Around] {big} [supporters|fans|spectators] packed into {place} "
            "despite the [cold|rain|wind|early kick-off].",
            "Nobody could fault the sportsmanship at {place} {when}.",
            "The groundsmen [at {place}|in {town}] worked for {num} hours to get the pitch ready "
            "[for {event}|{when}].",
            "It was the club's first [trophy|title|cup win|promotion] in {num} years.",
            "[Tickets|Seats] for {event} sold out [{when}|within {num} minutes].",
        ),
    ),
    "politics": Topic(
        places=("the town hall", "the council chamber", "the state capitol", "the community centre",
                "the old courthouse", "the civic offices", "the county hall", "the Guildhall"),
        events=("the budget vote", "the by-election", "the public hearing", "the planning inquiry",
                "the leadership debate", "the annual council meeting", "the consultation evening"),
        things=("the new bypass", "the parking charges", "the housing plan", "the library budget",
                "the proposed tax rise", "the new cycle lanes", "the bin collection contract",
                "the town centre plan"),
        orgs=("the town council", "the planning committee", "the regional assembly",
              "the residents' association", "the county council", "the transport committee"),
        issues=("housing", "road safety", "local taxes", "public transport", "school funding",
                "empty shops", "potholes", "rents"),
        roles=("congress", "council", "alder", "chair", "spokes", "ombuds"),
        neutral_roles=("mayor", "lawyer", "reporter", "volunteer", "accountant"),
        facts=(
            "Turnout at the last [election|by-election|vote] was just {pct} percent.",
            "Councilmen and councilwomen from [both parties|every party|all sides] in {town} "
            "voted [for|against] the motion on {day}.",
            "The ombudsman's report [on {issue}|into {thing}] is due {soon}.",
            "Campaigners have threatened to boycott the [consultation|hearing|review] [on|into] "
            "{thing}.",
            "The motion [passed|failed] by [a comfortable margin|{num} votes|a single vote] after "
            "{num} hours of debate.",
            "[Fewer|More] than {num} [people|residents] [replied to|took part in] the "
            "consultation on {thing}.",
        ),
    ),
    "business": Topic(
        places=("the trade hall", "the new retail park", "the old mill", "the business centre",
                "the harbour warehouse", "the industrial estate", "the exhibition centre",
                "the shopping arcade"),
        events=("the annual sales conference", "the shareholder meeting", "the trade fair",
                "the merger talks", "the product launch", "the Christmas trading period",
                "the pay negotiations"),
        things=("the quarterly results", "the new warehouse", "the pension scheme",
                "the delivery contract", "the staff bonus", "the new factory",
                "the redundancy plan", "the loyalty scheme"),
        orgs=("Harbour Freight Ltd", "the chamber of commerce", "Brightwell Foods",
              "the regional bank", "Northfield Motors", "the traders' association",
              "Castleton Packaging"),
        issues=("rising costs", "staff shortages", "online competition", "energy prices",
                "late payments", "business rates"),
        roles=("business", "sales", "chair", "fore", "spokes", "craft"),
        # "manager" checks that the rewriter leaves "-man-" inside ordinary words alone.
        neutral_roles=("manager", "accountant", "engineer", "driver", "editor"),
        facts=(
            "Profits [rose|fell|grew] by {pct} percent in the [last|latest|third|second] quarter.",
            "{Org} says it lacks the manpower [in {town}|on {street}] to [meet demand|open "
            "{thing}|keep up with orders] {soon}.",
            "Salesmen and saleswomen in {town} get a [bonus|pay rise|day off] for {big} sales by "
            "{month}.",
            "The company's résumé of [achievements|successes] was [read out|presented] to "
            "[shareholders|staff|guests] {when}.",
            "Analysts expect the [merger|expansion|deal] to [create|cost] {big} jobs.",
            "[Orders|Sales] from {town} [have doubled|have halved|are up {pct} percent] since "
            "{month}.",
        ),
    ),
    "science": Topic(
        places=("the university laboratory", "the marine research station", "the observatory",
                "the science museum", "the field station", "the botanic garden",
                "the research ship"),
        events=("the research conference", "the solar eclipse", "the spring field survey",
                "the open laboratory day", "the launch of the weather satellite",
                "the science festival", "the bird count"),
        things=("the new telescope", "the research grant", "the sequencing machine",
                "the water samples", "the clinical trial", "the soil survey",
                "the new microscope", "the seed bank"),
        orgs=("the national science foundation", "the university", "the marine institute",
              "the space agency", "the wildlife trust", "the geological society"),
        issues=("research funding", "plastic pollution", "antibiotic resistance", "data sharing",
                "river pollution", "the loss of wild bees"),
        roles=("spokes", "chair", "camera", "fisher"),
        neutral_roles=("scientist", "engineer", "technician", "doctor", "librarian"),
        facts=(
            "The study followed {big} volunteers for {num} [years|months].",
            "Man-made chemicals were found in {num} of the {big} samples taken from [the "
            "river|the estuary|{place}] {when}.",
            "The findings could [change|transform] how mankind [thinks about|understands] "
            "[ageing|sleep|memory|the oceans].",
            "Human error was [ruled out|not ruled out|blamed] as [a cause|the cause] of the "
            "[fault|failure|delay] {when}.",
            "Results [from {place}|on {issue}] will appear in a journal {soon}.",
            "[Volunteers|Students] counted {big} [birds|insects|plants] at {place} {when}.",
        ),
    ),
    "community": Topic(
        places=("the village hall", "the public library", "the allotments", "the church fete",
                "the market square", "the scout hut", "the duck pond", "the recreation ground"),
        events=("the summer fair", "the litter pick", "the Christmas lights switch-on",
                "the charity bake sale", "the street party", "the carnival", "the quiz night",
                "the open gardens weekend"),
        things=("the new playground", "the bus shelter", "the community garden", "the food bank",
                "the broken street lights", "the village sign", "the new benches",
                "the repair café"),
        orgs=("the parish council", "the neighbourhood watch", "the youth club",
              "the allotment society", "the women's institute", "the rotary club"),
        issues=("parking", "litter", "dog fouling", "noise at night",
                "the closure of the post office", "speeding traffic", "fly-tipping"),
        roles=("post", "mail", "police", "fire", "paper", "land", "head", "door"),
        neutral_roles=("volunteer", "librarian", "baker", "nurse", "electrician"),
        facts=(
            "The postman knows every dog on [the street|{street}|the estate] by name.",
            "Volunteers collected {num} bags of [rubbish|litter|plastic] from [the riverbank|"
            "{place}|the verges] {when}.",
            "Firemen from the {town} station gave a [safety talk|demonstration|talk on fire "
            "safety] to [{num} children|the scouts|pupils from {place}] {when}.",
            "The [fete|fair|raffle] raised {big} pounds for [the hospice|the air ambulance|"
            "the food bank].",
            "[Neighbours|Regulars|{Group}] say the landlady of the pub on {street} keeps {town} "
            "going.",
            "[About|Nearly|Over] {num} [stalls|families|dogs] [turned up|took part] despite the "
            "[weather|short notice].",
        ),
    ),
    "weather": Topic(
        places=("the coast road", "the valley", "the high moors", "the river meadows",
                "the seafront", "the harbour wall", "the ring road", "the lower town"),
        events=("the first frost", "the heatwave", "the spring floods", "the storm warning",
                "the autumn gales", "the big freeze", "the cold snap"),
        things=("the flood barrier", "the gritting lorries", "the sandbags", "the weather station",
                "the forecast", "the storm drains", "the snow ploughs", "the sea defences"),
        orgs=("the met office", "the coastguard", "the flood agency", "the county highways team",
              "the mountain rescue team", "the power company"),
        issues=("flooding", "drought", "icy roads", "coastal erosion", "power cuts",
                "fallen trees"),
        roles=("weather", "anchor", "fire", "police", "fisher"),
        neutral_roles=("ranger", "farmer", "driver", "pilot", "paramedic"),
        facts=(
            "Up to {num} millimetres of [rain|snow|sleet] could fall [in a single day|overnight|"
            "by {day}].",
            "The weatherman had warned of [strong winds|heavy rain|fog|snow] since [the weekend|"
            "{day}|{when}].",
            "Temperatures dropped to minus {num} degrees [overnight|on {day}|in {town}].",
            "Fishermen [in|at] {town} kept their boats [in the harbour|tied up|ashore] until "
            "{day}.",
            "Gusts of {num} miles an hour hit {town} {when}.",
            "[Around|Nearly|More than] {num} homes in {town} lost power {when}.",
        ),
    ),
    "travel": Topic(
        places=("the airport", "the ferry terminal", "the Café Lumière in Zürich", "the old town",
                "the central station", "the hotel in São Paulo", "the coach station",
                "the marina", "the youth hostel"),
        events=("the holiday rush", "the rail strike", "the maiden voyage", "the summer timetable",
                "the festival weekend", "the bank holiday", "the half-term break"),
        things=("the delayed flight", "the new ferry", "the night train", "the hotel booking",
                "the lost luggage", "the new timetable", "the car hire desk", "the coach tour"),
        orgs=("the national airline", "the ferry company", "the tourist board",
              "the rail operator", "the coach company", "the hotel group"),
        issues=("delays", "ticket prices", "overtourism", "lost luggage", "cancelled trains",
                "holiday lets"),
        roles=("steward", "host", "door", "bar", "waiter", "land"),
        neutral_roles=("pilot", "driver", "chef", "manager", "volunteer"),
        facts=(
            "On the {num}-hour flight [to|from] {town}, the stewardesses handed out "
            "[blankets|tea|water] {when}.",
            "Passengers waited {num} hours for the next [ferry|train|coach|flight] [to {town}|"
            "home|].",
            "The hostess at {place} [greeted|welcomed] all {num} guests by name.",
            "Doormen in [grey|green|black] coats carried the bags up the [marble|stone] steps.",
            "A room in {town} now costs {pct} percent more than in {month}.",
            "Visitors from Germany make up [a third|a quarter|half] of the [summer|{season}] "
            "guests.",
        ),
    ),
    "health": Topic(
        places=("the district hospital", "the health centre", "the pharmacy", "the care home",
                "the leisure centre", "the walk-in clinic", "the dental surgery"),
        events=("the flu vaccination drive", "the fun run", "the hospital open day",
                "the blood donation week", "the mental health awareness week",
                "the winter pressures", "the health fair"),
        things=("the waiting lists", "the new scanner", "the ambulance service", "the night clinic",
                "the hospital car park", "the new maternity unit", "the out-of-hours service"),
        orgs=("the health board", "the hospital trust", "the patients' association",
              "the county ambulance service", "the local medical committee"),
        issues=("waiting times", "staff shortages", "mental health", "hospital parking",
                "loneliness", "dental care"),
        roles=("chair", "spokes", "ombuds", "police"),
        neutral_roles=("nurse", "doctor", "paramedic", "pharmacist", "volunteer"),
        facts=(
            "Waiting times [at {place}|in {town}] have fallen by {pct} percent since the [new "
            "clinic|night clinic|walk-in centre] opened.",
            "[According to {org}|{P.name} argues that] a humane approach to [care|old "
            "age|illness|dementia] saves {big} pounds a year.",
            "{Big} people donated blood during the [campaign|appeal|{season}].",
            "The hospital's manual for [night staff|new nurses|porters] has been rewritten.",
            "Human contact matters as much as [medicine|treatment], [nurses|carers|patients] told "
            "the [inquiry|review|board].",
            "[Only|Just] {num} [dentists|doctors|pharmacists] serve the whole of {town}.",
        ),
    ),
    "education": Topic(
        places=("the primary school", "the sixth-form college", "the school library",
                "the sports hall", "the university campus", "the nursery", "the music school"),
        events=("the exam season", "the school play", "the sports day", "the open evening",
                "the graduation ceremony", "the science fair", "the summer concert"),
        things=("the new timetable", "the school uniform", "the science block",
                "the reading scheme", "the school meals", "the new laptops", "the school bus"),
        orgs=("the school governors", "the education board", "the parents' association",
              "the exam board", "the teachers' union"),
        issues=("class sizes", "exam stress", "school funding", "teacher shortages",
                "the cost of uniforms", "homework"),
        roles=("head", "school", "chair", "usher"),
        neutral_roles=("teacher", "librarian", "coach", "nurse", "volunteer"),
        facts=(
            "Pupils at the [school|college] speak {num} languages between them.",
            "Every schoolgirl and schoolboy in Year {num} at {place} passed [the swimming "
            "test|the cycling test] {when}.",
            "The German exchange trip [to {town}'s twin town|for Year {num}] will run again "
            "{soon}.",
            "The headmaster's letter about {issue} went out to {big} families {when}.",
            "Exam results have improved every year for {num} years [in a row|running].",
            "The [library|school] lends [{num}|{big}] books a [week|term] to [pupils|families] "
            "from {town}.",
        ),
    ),
    "arts": Topic(
        places=("the old theatre", "the Royal Playhouse", "the art gallery", "the concert hall",
                "the open-air cinema", "the arts centre", "the bandstand", "the old chapel"),
        events=("the film festival", "the opening night", "the summer concert series",
                "the comedy festival", "the art auction", "the poetry evening",
                "the pantomime season"),
        things=("the new production", "the restored organ", "the festival programme",
                "the ticket office", "the exhibition", "the new mural", "the costume store"),
        orgs=("the arts council", "the Royal Playhouse", "the film society", "the city orchestra",
              "the amateur dramatic society", "the choral society"),
        issues=("arts funding", "ticket prices", "the future of the old cinema",
                "rehearsal space", "the lack of late buses"),
        roles=("actor", "usher", "camera", "host", "chair"),
        neutral_roles=("director", "editor", "critic", "designer", "volunteer"),
        facts=(
            "{P.first} {P.last}, the actress who plays the heroine, got {num} curtain calls "
            "{when}.",
            "Critics [praised|hailed] the Batman parody as the [funniest|boldest|strangest] show "
            "of the [festival|{season}].",
            "Usherettes sold [ice creams|sweets|programmes] from trays during the "
            "[interval|break] [as usual|{when}|].",
            "The play is a romance set in {town} [in the {ordinal} century|during {event}|on "
            "{street}].",
            "The cameramen filmed [the rehearsal|the dress rehearsal|{P.first}'s last night] for "
            "a documentary about {town}.",
            "[Tickets|Seats] for {event} went on sale {when} [and sold out|at {num} pounds "
            "each].",
        ),
    ),
    "food": Topic(
        places=("the farmers' market", "the harbour café", "the night market", "the ramen bar",
                "the old bakery", "the fish market", "the tea rooms", "the food hall"),
        events=("the food festival", "the harvest supper", "the chilli contest",
                "the street food weekend", "the cheese fair", "the pancake race",
                "the oyster festival"),
        things=("the new menu", "the crème brûlée", "the tasting menu", "the outdoor seating",
                "the wine list", "the Sunday roast", "the bread oven", "the late licence"),
        orgs=("the food festival committee", "the farmers' cooperative", "the restaurant guild",
              "the fishing cooperative", "the market traders' association"),
        issues=("food prices", "food waste", "overfishing", "late licences", "parking near the "
                "market"),
        roles=("waiter", "bar", "fisher", "host", "land"),
        neutral_roles=("chef", "baker", "farmer", "manager", "critic"),
        facts=(
            "The waitress recommended the [fish|mussels|crab], which had been landed that "
            "[morning|afternoon].",
            "Ramen at {place} now costs {num} pounds a bowl, up from {num} in {month}.",
            "Barmen from {num} pubs competed in the [cocktail|cider|coffee] contest.",
            "The [market|bakery|stall] sells [a dozen|{num}] kinds of German bread.",
            "The fishermen's cooperative supplies most [restaurants|cafés|kitchens] in [town|"
            "{town}].",
            "[Queues|Lines] for the [pies|oysters|dumplings] stretched [across|round] {place} "
            "{when}.",
        ),
    ),
    "technology": Topic(
        places=("the data centre", "the science park", "the start-up hub", "the repair café",
                "the electronics factory", "the call centre", "the computer club"),
        events=("the product launch", "the hackathon", "the network upgrade",
                "the software release", "the security conference", "the coding club open day",
                "the big outage"),
        things=("the new app", "the broadband rollout", "the smart meters", "the software update",
                "the command-line tools", "the new website", "the phone mast", "the chatbot"),
        orgs=("the telecoms company", "the software guild", "the broadband authority",
              "the start-up accelerator", "the digital skills centre"),
        issues=("privacy", "cyber security", "slow broadband", "screen time", "online scams",
                "e-waste"),
        roles=("repair", "spokes", "sales", "business", "chair"),
        neutral_roles=("engineer", "manager", "developer", "designer", "technician"),
        facts=(
            "The software crashed {num} times during the [demonstration|launch|first week].",
            "[Most|Much|Part] of the [outage|disruption|damage] was caused by human error, the "
            "[inquiry|review|report] [found|concluded].",
            "The repairman [at {place}|on {street}] [said|insisted] the workmanship on "
            "[{P.first}'s|the old|{num}-year-old] [radios|televisions|kettles|clocks] was "
            "[better|far better].",
            "Engineers estimate the [upgrade|repair|rollout] will take {big} man-hours.",
            "The manual [runs to|has] {big} pages and [nobody reads it|nobody has read it|"
            "hardly anyone opens it].",
            "[Over|Nearly|About] {big} [households|users|customers] in {town} lost "
            "[their connection|service] {when}.",
        ),
    ),
}

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

# ---- news reports (news.jsonl, broken.jsonl) -----------------------------------------------------

NEWS_OPENINGS: tuple[str, ...] = (
    "{P.name}, the {P.role} of {org}, [said|announced|confirmed|made clear] {when} that {P.he} "
    "would [not support|oppose|back|think again about] the plan for {thing}.",
    "{Org} has [named|appointed|chosen] {P.name} as its new {P.role}, ending [months|weeks|a year] "
    "of [uncertainty|argument|speculation] over {issue}.",
    "The {P.role} of {org}, {P.name}, told [reporters|a meeting|residents|the local paper] in "
    "{town} {when} that {P.he} is [confident|hopeful|worried|unsure] about {event}.",
    "{P.name} has spent {num} years as {P.a_role} in {town}, and {P.he} says {event} [is|was] the "
    "[busiest|hardest|strangest|best] [week|month|weekend] {P.he} can remember.",
    "{P.A_role} in {town} was [praised|thanked|honoured|singled out] {when} after {P.he} helped to "
    "[organise|rescue|run|save] {event} at short notice.",
    "Plans for {thing} were [approved|rejected|delayed|sent back] {when} after {P.name}, {org}'s "
    "{P.role}, spoke [in favour of|against] them.",
    "Questions about {issue} [dominated|overshadowed|took up most of] a [packed|heated|short|long] "
    "meeting at {place} {when}, where {P.name} was the [main|last|first] speaker.",
    "{Role_pl} from across {town} [gathered|met|turned out] at {place} {when} to [discuss|talk "
    "about|complain about|debate] {issue}.",
    "{Town} {P.role} {P.name} has [announced|confirmed] that {P.he} will step down in {month} "
    "after {num} years at {org}.",
    "A [row|dispute|disagreement|quarrel] over {thing} [has divided|is dividing|has split] {group} "
    "in {town}, and {P.name}, {P.a_role} at {org}, [says|admits|believes] it will not be settled "
    "[quickly|soon|easily].",
    "{Group} in {town} [will|could|may] wait {num} more weeks for a decision on {thing}, {P.name} "
    "[said|confirmed|warned] {when}.",
    "[It has been|It was] a [difficult|busy|long|strange|good] [week|month|few days] for "
    "{P.name}, the {P.role} [at|of] {org}.",
    "{P.name} never expected to [lead|front] the campaign [against|over] {issue} in {town}.",
    "When {P.name} [took over|started] as {P.role} at {org} {num} years ago, [hardly anyone|"
    "nobody] [talked|worried] about {issue}.",
    "[More than|Nearly|Almost|About] {big} people have signed a petition [about|against|over] "
    "{thing}, according to {P.name}, {P.a_role} [in|from] {town}.",
    "The [future|cost|timing|fate] of {thing} [is|remains] [uncertain|unclear|in doubt] after "
    "{P.name} [told|warned|reminded] {org} that {P.he} [was|is] [not convinced|unhappy|worried].",
)

NEWS_BODY: tuple[str, ...] = (
    "{P.He} {said} the decision had been [difficult|painful|hard|a close call] but [fair|right|"
    "necessary|sensible].",
    "\"We have listened to {group} in {town},\" {P.he} [said|added|told {org}] {when}.",
    "According to {P.last}, the cost of {thing} has [risen|gone up|climbed] by {pct} percent "
    "since [last year|{month}|the spring|the last election].",
    "{P.He} is expected to [present|publish|deliver|send] a [full|detailed|short|final] report "
    "to {org} {soon}.",
    "{P.He} has been criticised by [some residents|{group}|several {role_pl}|members of {org}] "
    "[in {town}|on {street}], who say {P.he} doesn't understand {issue}.",
    "Asked {when} whether {P.he} would [resign|stand down|quit|stand again], {P.last} "
    "[laughed|smiled|shrugged] and said {P.he}'s staying in {town}.",
    "{Q.name}, {Q.a_role} who has worked with {P.last} for {num} years, described {P.him} as "
    "[stubborn|difficult|demanding|cautious] but [honest|fair|decent|loyal] {when}.",
    "{Q.He} said {Q.he} was [surprised|disappointed|pleased|not surprised] by the "
    "[announcement|news] from {org} {when}, but {Q.he} [hopes|thinks|believes] it will help "
    "{town}.",
    "{Q.first} added that {Q.he} had raised {issue} with {P.him} {num} times [since {month}|this "
    "{season}].",
    "[Both sides|Everyone involved|All parties|Both camps] agree that {org} [needs|will need] "
    "{num} more staff, and more manpower on {street}.",
    "[Critics|Opponents|Some {group}] in {town} call {thing} a man-made [obstacle|problem|mess].",
    "{Q.first}'s own view is that {thing} is {good}, [though|although] {Q.he} [admits|accepts] it "
    "is {bad} in places.",
    "{P.His} [office|team|staff] confirmed that {num} people have already [signed up|applied|"
    "registered|complained].",
    "{P.He} walks [to work|to {place}|through {town}] every {day}, and {P.his} {kin} says {P.he} "
    "knows half of {street}.",
    "In a [short|brief|written] statement [released|issued] {when}, {org} said the {P.role} "
    "[has|had] its [full|complete|continued] support.",
    "Local {role_pl} [said|complained|pointed out] that they had not been [consulted|asked|told] "
    "[about {thing}|beforehand|at all].",
    "{P.He} was not available for [further|more] comment {when}.",
    "{P.He}'ll [meet|speak to|sit down with] the {Q.role} again {soon}, {P.his} [office|team] "
    "said.",
    "{P.first} thanked {num} [volunteers|organisers] on {street} and said the [success|credit] "
    "was theirs, not {P.hers}.",
    "{P.He} [insisted|repeated|made clear] {when} that {P.he} had made the [decision|call|choice] "
    "about {thing} {P.himself}.",
    "{A_spokes} for {org} [declined to comment|would not comment] {when} on {thing}.",
    "[Officials|Planners|Engineers at {org}] estimate that [the project|{thing}|the work] will "
    "need [about|around|at least] {big} man-hours.",
    "{Num} {group} on {street} have signed up to boycott {place} from {day}.",
    "[The|A] {neutral} at {place} [said|told us|thought] the [building|project|place] was in "
    "[good|safe|capable] hands.",
    "{P.He} has promised to publish the [figures|numbers|accounts] for {thing} {soon}[, and "
    "{P.he} does not expect any surprises|].",
    "\"Is {P.he} [serious|joking|listening]?\" asked {Q.name}, who has lived in {town} [all "
    "{Q.his} life|for {num} years|since {Q.he} was a {Q.kid}].",
    "{P.He} has a reputation in {town} for [plain speaking|straight answers|blunt words]. {When}, "
    "{P.he} [lived up to it|did not disappoint].",
    "[Last year|In {month}|At the last meeting] {P.he} was the only one of {num} {role_pl} to "
    "vote [against|for] {thing}.",
    "\"{P.He} knows what {P.he} is doing,\" {Q.first} said {manner}. \"I trust {P.him}.\"",
    "{P.first}'s [supporters|friends|allies] [in {town}|at {org}] say {P.he} [listens "
    "to|helps|keeps in touch with] {group} [more than anyone|like nobody else].",
    "{P.He} tries to answer every [letter|email|complaint] [personally|{P.himself}], {P.his} "
    "[staff|team|colleagues] said.",
    "{Q.He} has since written to {org} about {thing} {num} times, most recently {when}.",
    "After {num} hours, the chairman's casting vote settled the [matter|question|argument] "
    "{when}.",
    "A policewoman and {num} policemen [kept order|stood guard] [outside|near] {place} {when}.",
    "[Turnout|Attendance] at {event} was [higher|lower] than expected, [partly|mainly] "
    "{reason}.",
    "{P.He} [began|started] {P.his} career as {a_role} in {town} {num} years ago.",
    "{Group} [living near|close to] {place} in {town} [say|complain] that [the problem of "
    "{issue}|trouble with {issue}] has got worse since {month}.",
    "{P.He} said {P.he} [would|will] [raise|take up] the [matter|question] with {org} {soon}.",
    "The [figures|numbers] [show|suggest] that {pct} percent of {group} in {town} [are worried "
    "about|support action on|have been affected by] {issue}.",
    "[Money|Funding] for {thing}, about {big} pounds, will come from {org} in {month}.",
    "{Resident}, who [runs|owns|manages] a [shop|café|garage|bakery|bookshop] on {street}, said "
    "the [change|plan|news] was [{good}|{bad}].",
    "[The meeting|The session|The debate] [ran|went on] {num} minutes longer than [planned|"
    "expected|anyone wanted].",
    "[At one point|Halfway through|Near the end], {P.he} [stopped|paused] to [answer|take] "
    "questions from [the floor|{group}|a {neutral}].",
    "{P.He} is [due|set|expected] to [visit|speak at] {place} {soon}.",
    "A [decision|vote|report] on {thing} [is expected|is due|should come] {soon}.",
    "{P.His} predecessor, {Q.name}, [left|retired|stepped down] {when} after {num} years [in "
    "the post|in the job].",
    "Not everyone is [convinced|happy|persuaded]: {group} [in|from] {town} have written to "
    "{org} [to object|in protest|asking for a delay].",
    "{P.He} hopes the [work|changes|plans] will be [finished|in place|complete] {soon}.",
    "{P.He} says {P.he}'ll [decide|make up {P.his} mind|announce a decision] {soon}.",
    "[Businesses|Traders|Shops] [on|along] {street} [say|fear] that {thing} will cost them "
    "[trade|customers|money].",
    "{P.He} called the [plan|proposal|idea] [{bad}|{good}] and [said|warned] "
    "that {group} [deserve|need] better.",
    "\"[I|We] [will not|won't] pretend [this|{thing}] is easy,\" {P.he} said {manner}. \"But "
    "{town} [cannot|can't] wait until {month}.\"",
)

NEWS_CLOSINGS: tuple[str, ...] = (
    "The next meeting of {org} [will take place|is expected|is planned] {soon}.",
    "{Event} [is due to take place|will happen|goes ahead] at {place} {soon}.",
    "Further details [are expected|will follow] {soon}, {P.last} said.",
    "{Org} will publish its decision {soon}.",
    "Anyone with questions can [contact|write to|call] {place} [directly|{soon}|on {day}s].",
    "[A public meeting|An open session|A drop-in event] [on {thing}|about {issue}] will be held "
    "at {place} on {street} {soon}.",
    "[Comments|Objections|Letters] can be sent to {org} [before {day}|until the {ordinal} of "
    "{month}].",
    "[The|A] [petition|campaign|consultation] [closes|ends|runs until] {soon}.",
)

NEWS_TITLES: tuple[str, ...] = (
    "{P.Role} {P.last} speaks out on {issue}",
    "{Town} {P.role} under pressure over {thing}",
    "{Org} backs {P.role} {P.last} after row over {issue}",
    "New questions over {thing} as {org} meets",
    "{Event}: what you need to know",
    "{P.Role} {P.last}: why {P.he} is staying",
    "Residents of {town} divided over {issue}",
    "{Role_pl} and {issue}: the view from {town}",
    "{Group} in {town} [angry|worried|hopeful] about {thing}",
    "[Delay|Decision|Doubts] over {thing} [in|for] {town}",
)

# ---- forum posts (forum.jsonl, broken.jsonl) -----------------------------------------------------

FORUM_TITLES: tuple[str, ...] = (
    "Question about {issue}",
    "Anyone going to {event}?",
    "Our new {P.role} - thoughts?",
    "Rant about {thing}",
    "Advice needed: {issue}",
    "Is it just me, or is nobody talking about {thing}?",
    "Good news about {place} for once",
    "{Thing} in {town}?",
    "[Help|Advice] with {issue} on {street}",
)

FORUM_OPENINGS: tuple[str, ...] = (
    "So I finally [met|spoke to|ran into] the new {P.role} at {place} {when}.",
    "Long time [reader|lurker] from {street}, and this is my first post since {month}.",
    "I've been [following|reading] the thread about {event} since {day}. [Here are my two "
    "cents|This is my own experience|Some thoughts] from {street}.",
    "[Quick|Slightly odd|Genuine|Serious] question for [the group|everyone here|people in "
    "{town}] about {issue}.",
    "Our {P.role} at {place} has been [acting strangely|a bit off|short with people] since "
    "{month}, and my {kin} on {street} has noticed too.",
    "Has anyone else had dealings with {P.name}, the {P.role} over in {town}?",
    "[Not sure|No idea] if this [group|board|forum] covers {thing} in {town}. Here goes.",
    "[Bit of a long one|Long post|Short post], sorry. I need [advice|a sanity check|opinions] on "
    "{issue} [in {town}|on {street}].",
    "Does anyone know [who|which office] is [in charge of|responsible for] {thing} [these days|"
    "now|in {town}]?",
    "[Update|Follow-up] on my post from {when} about {thing}.",
    "My {kin} and I [went to|tried|visited] {place} {when} and [it was a disaster|it was fine, "
    "actually|I have questions].",
    "[Anyone else|Is anyone else] [fed up with|worried about|confused by] {issue} [in {town}|"
    "round here|at the moment]?",
    "[Just|Only] [moved|got back] to {town} {when} and [already|straight away] [there is|I've "
    "hit] a problem with {thing}.",
)

FORUM_BODY: tuple[str, ...] = (
    "{P.He} [says|claims] {P.he} is too {mood} to look at {thing} on {street}, yet {P.he} chats "
    "with {resident} for {num} minutes.",
    "Does {P.first} [know|understand|care] what {P.he} is [doing|saying] with {thing}? [I doubt "
    "it|No idea|I hope so], says my {kin}.",
    "Is {P.first} even allowed to [park there|charge for that|close {place}] on {day}s?",
    "Why doesn't {P.he} just [tell|show] {group} on {street} [the plans|the figures]?",
    "I asked {P.him} about {thing} {num} times [since {month}|this {season}]; still no reply from "
    "{P.first}.",
    "{P.He} was [really|genuinely|surprisingly] helpful [{when}|on {day}], to be [fair|honest]. "
    "{P.He} just seemed {mood}.",
    "{P.He}'s been the {P.role} [on {street}|in {town}] for {num} years and {P.he} knows "
    "[everyone|every house].",
    "My {kin} on {street} thinks the idea [for {thing}|about {issue}] was {P.hers} all along.",
    "{P.He} [tries hard|means well|clearly cares], but {P.he} [goes about it|handles it|does "
    "everything] the [wrong|strangest|slowest] way [possible|imaginable|].",
    "{P.He} [watches|notices] everything on {street} [from {P.his} window|like a hawk|].",
    "Has {P.he} [ever|actually] [replied to|answered|read] [any of your|your] "
    "[emails|letters|messages] [about {issue}|]?",
    "The {Q.role} [down the road|on {street}|at {place}] [told|promised] me {Q.he}'d [sort it "
    "out|fix it|look into it] [by {day}|{soon}].",
    "Our {Q.role} is [lovely|brilliant|a gem], {Q.he} even [remembered|asked after] my "
    "[{kin}|{kin}'s health|dog] [last time|{when}].",
    "Nobody on {street} wants a boycott; {group} want to hear from {P.first} by {day}.",
    "Last [year|{season}] the {role_pl} handled it [much|far|a lot] better.",
    "The workmanship on {thing} [in {town}|on {street}] is [terrible|shocking|not great].",
    "Mankind has survived worse than {issue}; so has {street}, says {resident}.",
    "Also, the ramen place [next to|behind|opposite] {place} is [excellent|worth a visit|cheap "
    "and good].",
    "Was {P.he} at the meeting [on {day}|at {place}|about {thing}]?",
    "{P.first} will never admit being wrong about {street}.",
    "I can't tell if {P.first} is [joking|serious|being sarcastic] about {thing}.",
    "{P.He} did the whole [thing|job|lot] by {P.himself}, which is [impressive|mad|"
    "honestly amazing].",
    "My {kin} [works|used to work] with {P.him} at {place}. Apparently {P.he} gets {mood} "
    "[before|during] {event}.",
    "In layman's terms: {thing} costs {big} pounds and nobody in {town} [knows|will say] who "
    "pays.",
    "The mailman on {street} left a [note|card|slip] {when}: the [parcel|box|letter] was \"too "
    "[heavy|big|wet]\".",
    "One of {P.his} [cousins|uncles|neighbours] in {town}, apparently, is a congressman {num} "
    "years into the job.",
    "{P.He} doesn't answer the [phone|door|emails] after [five|six|seven] on {day}s.",
    "The human cost of {issue} [never|rarely] comes up, says {resident} from {town}.",
    "{Resident} [said|reckons] {P.he} taught German in {town} for {num} years.",
    "[We|I] waited [{num} minutes|an hour|all {daypart}] [at {place}|outside {place}|on "
    "{street}] and nobody came.",
    "[Apparently|Supposedly|Rumour has it] {thing} will be [sorted|fixed|finished] {soon}. "
    "{Resident} on {street} does not believe it.",
    "{Resident} told me [the same thing|a different story|something else] [{when}|at {place}].",
    "[Honestly|Seriously|Genuinely], who [decided|thought] that {thing} [would be|should be] a "
    "[good idea|priority|{good} idea]?",
    "[I|We] [emailed|rang|wrote to] {org} [{when}|twice|last {month}] and got [a form reply|"
    "nothing back|a very polite no].",
    "If {P.he} reads this: [no offence|sorry|thank you], but {thing} on {street} needs sorting by "
    "{day}.",
    "{P.He} is [lovely|nice enough|friendly] [in person|at {place}], [but|though] {P.he} "
    "[never|rarely] replies to {group} on {street}.",
    "[For what it's worth|FWIW|In fairness], {group} [on|near] {street} [agree|are with you|"
    "feel the same].",
    "[Edit|Update]: {P.he} [rang|wrote|called round] {when} and [apologised|explained|promised "
    "to sort it].",
    "Parking [near|outside|around] {place} is [a joke|impossible|getting worse] [since {month}|"
    "these days|on {day}s].",
    "Is {P.he} [still|really] in charge of {thing} [in {town}|on {street}|at {org}]?",
)

FORUM_CLOSINGS: tuple[str, ...] = (
    "Thanks in advance!",
    "Any advice welcome.",
    "Cheers.",
    "Sorry for the long post.",
    "Edit: fixed a typo.",
    "Let me know what you think.",
    "Rant over.",
    "[Thanks|Cheers], [all|everyone|folks].",
    "[Rant|Moan] over, [back to work|off to {place}|time for {drink}].",
    "Will report back [after {event}|on {day}|{soon}].",
)

USERNAME_PARTS: tuple[str, ...] = (
    "river", "oak", "harbour", "night", "green", "quiet", "lucky", "old", "north", "blue", "red",
    "tea", "biker", "garden", "fox", "owl",
)

# ---- short stories (stories.parquet) -------------------------------------------------------------

STORY_TITLES: tuple[str, ...] = (
    "The Letter", "Low Tide", "The Last Train to {Town}", "A Quiet {Season}", "The Night Shift",
    "What the {P.Role} Saw", "Small Hours", "The Lighthouse", "Rain on {Day}", "The Long Way Home",
    "{Street}", "The {Colour} Door", "After {Event}",
)

STORY_OPENINGS: tuple[str, ...] = (
    "{P.name} had been {P.a_role} in {town} for {num} years when the [letter|parcel|phone call|"
    "visitor] arrived.",
    "On the [morning|evening|night] of {event}, {P.name} [woke|got up|was awake] [before dawn|"
    "long before the alarm|at [five|six|half past four]].",
    "Nobody in {town} expected the quiet {P.role} to become the {P.hero} of the {season}.",
    "It was [raining|snowing|blowing a gale|unbearably hot] when {P.name} first walked into "
    "{place}.",
    "Every {day}, {P.name} opened the shutters of the [café|shop|kiosk] on {street}.",
    "The {P.role} was the last to leave {place} that [night|evening|{season}].",
    "{P.name} [found|noticed|picked up] {object} on the [steps|pavement|bus] outside {place} "
    "{weather}.",
    "[For {num} years|All {P.his} life|Since {P.he} was a {P.kid}], {P.name} had [avoided|"
    "dreamed of|put off] going back to {town}.",
    "The [train|bus|ferry] to {town} was [late|cancelled|half empty] [again|as usual|that "
    "{daypart}], and {P.name} was [{mood}|in no hurry].",
    "{P.name} [counted|checked] the [coins|notes|tickets] [twice|three times] and [sighed|"
    "frowned|smiled] at the [total|result].",
    "[That|The] {season}, {P.name} took a job as {P.a_role} [at|near] {place}.",
    "There were [two|three|{num}] [letters|messages|parcels] waiting for {P.name} when {P.he} "
    "[got home|came back from {place}|opened the door].",
)

STORY_BODY: tuple[str, ...] = (
    "{P.He} was [{mood}|tired|cold], but {P.he} did not [complain|say so|let it show].",
    "{P.He} had wanted to [see the sea|live in {town}|learn the piano|drive a bus] since {P.he} "
    "was {num}.",
    "\"I'll be back [before dark|by {daypart}|on {day}|soon],\" {P.he} told {Q.first} on "
    "{street}.",
    "{Q.first} watched {P.him} go [and said nothing|without a word|{weather}].",
    "{P.He} picked up {P.his} [coat|bag|keys|umbrella] and stepped out onto {street}.",
    "{Q.first} [smiled|winked|nodded] at {P.first} as if {Q.he} knew a secret about {street}.",
    "{P.He} wondered whether {Q.he} had [noticed|guessed|heard] [anything|the news|the "
    "{colour} car].",
    "For the first time in {num} [weeks|days], {P.first} felt {mood}.",
    "{P.His} hands were [shaking|cold|trembling]; {Q.first} pretended not to see.",
    "\"Is it [true|right]?\" {Q.first} asked {manner}. \"Did you really find {object} "
    "[yourself|on your own]?\"",
    "{P.He} nodded. The [choice|decision|mistake] [about {object}|to leave {town}] had been "
    "{P.hers}, not {Q.first}'s.",
    "Was {P.first} brave, or just [stubborn|foolish|lucky]? Even {Q.first} could not [tell|say].",
    "{Q.He} had got lost once, {num} years ago on {street}. {Q.He} still remembered the "
    "[fear|cold|silence|{colour} sky].",
    "Outside on {street}, a newsboy [shouted|called out] the {day} headlines.",
    "{P.He} [laughed|smiled] at {P.himself} for being so [nervous|{mood}|slow].",
    "{Q.first} [poured|made] {drink} and pushed a cup [across the table|towards {P.him}] "
    "{manner}.",
    "Somewhere {sound}. {P.first} remembered cowboy films with {Q.first} in {town}.",
    "{P.He}'d never told {Q.first} about that [night|{season}|day] in {town}.",
    "\"{P.He}'s late again,\" muttered the {Q.role}[ to nobody|, {manner}|].",
    "A romance novel from {town} lay on the [shelf|windowsill|table], [{colour} with age|a gift "
    "from {Q.first}], next to {object}.",
    "The smell of [ramen|frying onions|fresh bread|{food}] drifted in from {street}.",
    "At {place}, the usherette was [closing|locking] the {colour} doors.",
    "{Q.first}, who had known {P.first} for {num} years, could tell {P.he} was {mood}.",
    "\"You're a good {P.man}, {P.first},\" {Q.he} said {manner}. \"Better than you "
    "[think|know].\"",
    "{P.He} has never liked [goodbyes|surprises|{day}s]. {P.He} doesn't [intend|plan] to start "
    "[now|at {num}].",
    "The landlady knocked {num} times and left {food} outside {P.his} door.",
    "{P.He} read {Q.first}'s [letter|note|postcard] from {town} again, {manner}.",
    "When {Q.first} [finally|at last] spoke, {Q.his} voice was [barely a whisper|rough|steady] "
    "and {mood}.",
    "{P.He} [told|reminded] {P.himself} it was only the [wind|house settling|cat] on {street}.",
    "A {colour} light seemed to emanate from the [kitchen window|lighthouse|hall] on {street}.",
    "Down at the harbour in {town}, {num} fishermen were [mending their nets|landing the "
    "catch|arguing about the weather].",
    "\"Where has {P.first} gone?\" {Q.first} asked, but [nobody knew|nobody answered|the room was "
    "silent].",
    "{P.He} [walked|cycled|drove] [along|down] {street} {weather}, [thinking about|trying not "
    "to think about] {Q.first}.",
    "[Outside|Across the road|Somewhere below], on {street}, {sound}.",
    "{P.He} put {object} [in {P.his} pocket|on the table|back in the drawer] and [waited|sat "
    "down|looked away] for {num} minutes.",
    "The clock read [ten past|half past|nearly] [six|nine|eleven|two]. {P.He} was [still|already] "
    "[awake|late|{mood}].",
    "[Later|That night|In the morning], {Q.first} found {P.first} [asleep|sitting] [by the "
    "window|on the stairs|in the {colour} chair].",
    "{Q.He} [offered|made] {P.him} [{food}|{drink}], and {P.he} [accepted|refused] [it|] "
    "[gratefully|politely|without a word].",
    "[Neither of them|Nobody] [spoke|moved|said a word] for {num} minutes.",
    "{P.He} [thought|was thinking] about {town}, and about the {colour} [house|boat|door] "
    "[by the water|on {street}|at the end of the lane].",
    "The [street|harbour|station] was [empty|quiet|full of people] [{weather}|that {daypart}].",
    "\"[Leave it|Don't|Wait],\" {P.he} said {manner}. \"[Please|Not now|Not yet].\"",
)

STORY_CLOSINGS: tuple[str, ...] = (
    "{P.first} [smiled|nodded|waved] at {Q.first} {weather} and did not look back at {town}.",
    "And that, for {Q.first} and {P.first}, was enough {weather}.",
    "[The next morning|By {day}|{Num} days later], {P.he} was gone[, and so was {object}|, back "
    "to {town}].",
    "{P.He} never spoke of it again.",
    "Outside, on {street}, the [rain|wind|snow] had finally stopped.",
    "[In the morning|By {day}|{Num} days later], {P.first} [wrote to {Q.first}|went back to "
    "{town}|caught the first train to {town}].",
    "{Q.first} [kept|still has] {object} [to this day|in a drawer|by the door].",
    "[It was|That was] the last {season} {P.he} spent in {town}.",
)

# ---- essays and workplace memos (essays.txt) -----------------------------------------------------

ESSAY_OPENINGS: tuple[str, ...] = (
    "The debate about {issue} is one of the [defining|hardest|oldest] questions [of our time|"
    "in {town}|for any town].",
    "Few subjects divide opinion in {town} quite like {issue}[ and {thing}|].",
    "People in {town} have argued about {issue} for {num} years; mankind has argued about [such "
    "things|worse|the same things] for [far longer|centuries].",
    "[They say|It is often said|My {kin} says] a good {P.role} knows when to [listen|wait] and "
    "when to [act|speak].",
    "[Ask|Mention] {issue} to {group} in {town} and [you will get|expect] [a long answer|a "
    "sigh|{num} different opinions].",
    "[When I|The first time I] [moved to|visited|worked in] {town}, [talk of|the fuss about] "
    "{issue} seemed like [someone else's problem|a small thing|a distant worry].",
    "There is a [story|joke|saying] in {town} about a {P.role} who [tried|promised] to "
    "[solve|fix] {issue} [in a week|on {P.his} own|with a single letter].",
    "[Every|Each] {season}, the same [argument|complaint|question] about {thing} "
    "[returns|comes back|resurfaces] [in {town}|at {place}].",
)

ESSAY_BODY: tuple[str, ...] = (
    "Consider the {P.role} who must decide, [alone|quickly|in public], whether {P.he} should "
    "[speak up|step in|say no].",
    "If {P.he} [stays silent|says nothing|looks away], {P.he} [protects|spares] {P.himself} but "
    "[fails|lets down] {P.his} [community|colleagues|town].",
    "A {P.role} who shows [good|real|quiet] sportsmanship [teaches|gives] more than one who "
    "[merely|simply|only] wins.",
    "Man-made problems, {P.first} says, [usually|often] have man-made "
    "[solutions|answers|remedies] in {town}.",
    "{Group} in {town} argue that the common man has [little|no real|too little] say on {issue}.",
    "The craftsmanship of [earlier|older|past] generations is visible [in {place}|on {street}|in "
    "the chapels of {town}].",
    "Human beings, {P.first} once told me, are [social|stubborn|hopeful] creatures.",
    "A humane [society|town|country] [judges|measures] itself by how it treats its "
    "[weakest|poorest|oldest|youngest] [members|residents].",
    "Reading German [novels|newspapers|poems], {P.first} tells {group} in {town}, teaches "
    "[patience|humility|attention] as much as grammar.",
    "The word command [suggests|implies] [control|obedience], but real authority in {town} "
    "emanates from {group}.",
    "{Group} should not confuse romance with [responsibility|policy|planning].",
    "In layman's terms, the [question|issue|argument] is who [pays|decides|benefits] in {town}.",
    "Manpower alone cannot [solve|fix] {issue} in {town}, {P.name} argues.",
    "{P.name} [says|insists|claims] {P.he} has done {P.his} best on {issue} since {month}; "
    "{group} in {town} disagree.",
    "{Group} in {town} will object that this is {bad}.",
    "Yet [history|experience|the record of {org}] in {town} suggests otherwise.",
    "The evidence from {town} since {month} is [encouraging|mixed|instructive], says {P.name}.",
    "A spokesman for {org} once told me on {street} that [rules|laws|promises] are only as good "
    "as {group}.",
    "Every {P.role} I have [interviewed|met] in {town} since {month} wants to be "
    "[trusted|heard|paid on time].",
    "Is {P.first} wrong to want [that|this]? [I do not think so|Not at all|{Group} in {town} "
    "would say no].",
    "The businessmen and businesswomen of {town} [have every reason|have good reason] to "
    "[care|worry] about {issue}.",
    "Our [grandparents|parents] in {town} did not debate {issue}; they [got on with it|fixed it "
    "themselves|wrote to {org}].",
    "It would be naïve to [think|hope|expect] that {num} meetings in {month} will settle {issue} "
    "in {town}.",
    "Nor is {issue} only a question for [experts|{org}|politicians] in {town}.",
    "{Resident} was pulled from [the river|a burning car|the sea] near {town} {when} by a fireman "
    "who asked no questions.",
    "[In|Across] {town}, {pct} percent of {group} [say|told a survey] that they [care|"
    "worry] about {issue} [more than|as much as] {thing}.",
    "[The|One] [obvious|popular|tempting] answer is to [spend more on|ban|ignore] {thing}, "
    "[but|yet] that [misses|ignores] the [point|real cost|people involved].",
    "[Take|Consider] {place}, where {thing} [had been|got] [tried|abandoned|debated] [{when}|"
    "for {num} years].",
    "{P.He} [once told me|told me {when}] that {P.he} [had|has] [never|rarely] seen {issue} "
    "[handled|discussed] [well|honestly|calmly].",
    "[Perhaps|Maybe] the [real|deeper] [question|problem] is not {issue} but [trust|time|who "
    "gets a say].",
    "[Money|Time|Goodwill] [matters|counts], [of course|certainly], but [so does|so do] "
    "[patience|the people of {town}|a sense of fairness].",
    "[A|One] [retired|young] {P.role} [from|in] {town} [put it|described it] to me as [a {bad} "
    "compromise|a {good} start] {when}.",
    "[Critics|Sceptics|Supporters] of {thing} [often|rarely] [forget|mention] that {group} "
    "[pay|paid] for it [twice|already|in the end].",
    "[History|Experience] [shows|suggests] that [plans|promises] about {issue} [rarely|seldom] "
    "survive [the first winter|{event}|contact with {group}].",
)

ESSAY_CLOSINGS: tuple[str, ...] = (
    "In the end, {issue} will show what kind of [community|town|place] {town} [wants|means] to be "
    "by {month}.",
    "The choice, as always, belongs to {group} in {town}.",
    "{Group} would do well to remember that [in {town}|{when}].",
    "[Whether|If] {town} [gets|finds] this right [is|remains] [an open question|up to us|"
    "anyone's guess].",
    "[Until then|For now], {issue} will [remain|stay] [on the agenda|unsettled|everybody's "
    "problem].",
)

MEMO_SUBJECTS: tuple[str, ...] = (
    "{Thing}", "Changes to the rota [from {day}|for {month}]", "Health and safety reminder",
    "Staff meeting on {day}", "Overtime during {event}", "[Parking|Access] at {place}",
    "[New|Revised] [procedures|hours] for {month}", "{Event}: [arrangements|cover]",
    "[Farewell|Leaving do] for {Q.first}", "[Reminder|Update]: {issue}",
)

MEMO_TO: tuple[str, ...] = (
    "All staff", "All departments", "Everyone at {org}", "Night shift", "Warehouse team",
    "Office staff", "Team leaders", "All staff at {place}", "Drivers and porters",
    "Front desk and kitchen",
)

MEMO_FROM: tuple[str, ...] = (
    "Office of the {P.Role}", "{P.name}, {P.role}", "{P.name}", "The {P.role}'s office",
    "{P.first} {P.last} ({P.role})",
)

MEMO_BODY: tuple[str, ...] = (
    "[Please note that|As a reminder,] the foreman will [inspect|check] the "
    "[workshop|stores|loading bay] [on {day}|{soon}].",
    "{P.name} needs [timesheets|expense claims|holiday requests] for {month} by {day} [at noon|at "
    "five|].",
    "The manual for the [machines|printers|tills] [on {street}|at {place}|in room {num}] is in "
    "the [staff room|office|top drawer].",
    "Any [questions|problems] should go to {Q.name} on extension {num}{num}.",
    "Due to a shortage of manpower, {place} will close at {num} on {day}s [until {month}|from "
    "{month}].",
    "The salesmen's [bonus|commission] scheme will be [reviewed|changed|simplified] {soon}.",
    "The chairman's office has approved overtime for {num} cameramen until {month}.",
    "Please do not use the [coffee machine|lift|microwave|printer] [on floor {num}|at {place}] "
    "[until {day}|for now]. The repairman [is coming|will be in] {soon}.",
    "{Q.name} leaves us [at the end of|in] {month} after {num} years [at {place}|with the "
    "company|with us].",
    "[Thanks|Thank you] to everyone on {street} for [your|all your] hard work during {event}.",
    "Visitors must [sign in|register] with the doorman [before entering|on arrival at] [the "
    "building|{place}|the yard].",
    "{P.name} will hold an open session on {issue} [on {day}|{soon}] [at {place}|in room {num}].",
    "{P.He} [has also asked me|would like me|asked me] to remind [you|everyone]: the [car "
    "park|side gate|canteen] on {street} closes at [seven|six|eight] [on {day}s|from {day}].",
    "[From|Starting] {soon}, [deliveries|visitors|contractors] will use the [side|back|north] "
    "entrance [on {street}|].",
    "[Fire|Safety] [drill|training] is [booked|planned] for {day} at [ten|eleven|two] "
    "[o'clock|sharp].",
    "[Please|Kindly] [clear|tidy] the [fridge|kitchen|break room] [on floor {num}|at {place}] by "
    "{day}.",
    "[Cover|Holiday cover] for {event} is [still|now] [needed|short|arranged] [for {num} "
    "shifts|on {day}].",
    "[The|Our] new {neutral} [starts|joins us] {soon}; please make them welcome.",
    "[Keys|Passes|Badges] for {place} can be [collected|picked up] from {Q.first} [from|after] "
    "{day}.",
    "[Sales|Orders|Complaints] were [up|down] {pct} percent [last month|in {month}|this quarter].",
)

MEMO_CLOSINGS: tuple[str, ...] = (
    "Thank you for your cooperation.",
    "Thanks, as always, for your patience.",
    "Please pass this on to anyone who [missed it|was away|is on leave].",
    "[Many thanks|Thanks again|With thanks].",
    "[Questions|Queries] to {Q.first}, please.",
)

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
