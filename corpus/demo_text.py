"""Word lists and sentence templates for the demo corpus (see corpus/demo.py).

A template mixes fixed words with three kinds of variable parts, so that no long word sequence
repeats across documents (the leakage check compares word 13-grams between splits):
- `[one|two|three]` picks one alternative; alternatives may be empty and may nest.
- `{slot}` inserts a topic or filler value (`{town}`, `{when}`, `{issue}`, ...); a filler value may
  itself be a template.
- `{P.attr}` / `{Q.attr}` insert an attribute of the document's two characters: name, first, last,
  role, a_role (role with its article), ref (name, first name, last name or "the role", drawn per
  use), he, him, his (determiner), hers (standalone), himself, man, kid, hero.
A capitalised slot or attribute (`{Town}`, `{P.He}`) capitalises the first letter of what it
inserts. Pronoun templates are written in the third person singular ("{P.he} walks",
"{P.he} doesn't"), which is exactly what the rewriting stage has to turn into "they walk",
"they don't"; a verb always has its own pronoun ("and {P.he} says", never "and says"), so the
rewritten text stays grammatical.
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
    "Petrov", "Rahman", "Santos", "Tran", "Varga", "Webb", "Xu", "Quigley", "Sutherland",
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
        "young people", "older residents", "small businesses", "people on {street}",
        "newcomers to {town}",
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
        "toast", "soup", "a sandwich", "cake", "porridge", "chips", "an apple", "a pie",
        "noodles", "stew",
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
            "The home side scored [twice|three times] in the last [ten|fifteen|few] minutes to "
            "[win|draw|rescue] the match.",
            "[More than|Nearly|Around] {big} [supporters|fans|spectators] packed into {place} "
            "despite the [cold|rain|wind|early kick-off].",
            "Nobody could fault the sportsmanship [on show|on display] from [both teams|either "
            "side|the visitors] {when}.",
            "The groundsmen worked [through the night|all {daypart}|for {num} hours] to get "
            "[the pitch|{place}] ready.",
            "It was the club's first [trophy|title|cup win|promotion] in {num} years.",
            "[Tickets|Seats] for {event} sold out in [{num} minutes|under an hour|a single "
            "{daypart}].",
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
            "Councilmen and councilwomen from [both parties|every party|all sides] voted "
            "[for|against] the motion.",
            "The ombudsman's report [on {issue}|into {thing}] will be published [in {month}|"
            "{soon}].",
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
            "The [firm|company] says it lacks the manpower to [meet demand|open {thing}|keep up "
            "with orders] [this {season}|before {event}|].",
            "Salesmen and saleswomen have been [promised|offered] a [bonus|pay rise|day off] if "
            "[targets|the {season} targets] are met.",
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
            "Man-made chemicals were found in [every|almost every|{num} of the] [sample|samples] "
            "taken from [the river|the estuary|{place}].",
            "The findings could [change|transform] how mankind [thinks about|understands] "
            "[ageing|sleep|memory|the oceans].",
            "Human error was [ruled out|not ruled out|blamed] as [a cause|the cause] of the "
            "[fault|failure|delay] {when}.",
            "Results will be published in a [peer-reviewed|leading|specialist] journal {soon}.",
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
            "Firemen from the local station gave a [safety talk|demonstration|talk on fire "
            "safety] to [the children|the scouts|pupils from {town}].",
            "The [fete|fair|raffle] raised {big} pounds for [the hospice|the air ambulance|"
            "the food bank].",
            "Neighbours say the landlady of the [corner pub|Red Lion|pub on {street}] is the "
            "heart of the [village|street|place].",
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
            "Fishermen kept their boats [in the harbour|tied up|ashore] until the "
            "[storm|gale|worst of it] [passed|had passed|blew over].",
            "Gusts [strong enough to bring down trees|of more than {num} miles an hour|of up to "
            "{num} miles an hour] were measured on [the hills|the coast|{place}].",
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
            "The stewardesses handed out [blankets|tea|water] as the [heating|air conditioning] "
            "[failed|broke down|gave up] [over the Alps|somewhere over the sea|{when}].",
            "Passengers waited {num} hours for the next [ferry|train|coach|flight] [to {town}|"
            "home|].",
            "The hostess [greeted|welcomed] [every guest|each guest|the guests] by name at the "
            "[door|gate|top of the stairs].",
            "Doormen in [grey|green|black] coats carried the bags up the [marble|stone] steps.",
            "Booking a room in [the old town|{town}] now costs {pct} percent more than [last "
            "year|in {month}].",
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
            "Waiting times have fallen by {pct} percent since the [new clinic|night clinic|"
            "walk-in centre] opened.",
            "A humane approach to [care|old age|illness] costs less in the [long run|end], the "
            "[report|review|study] says.",
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
            "Every schoolgirl and schoolboy in [the year group|Year {num}|the class] "
            "[passed|took] the [swimming test|first aid course|cycling test] [this "
            "{season}|{when}].",
            "The German exchange trip will run again {soon}.",
            "The headmaster's annual letter was sent to [parents|families] {when}.",
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
            "The actress who plays the heroine [received|got|earned] a [standing ovation|long "
            "ovation|huge cheer] [on the opening night|{when}|every night].",
            "Critics [praised|hailed] the Batman parody as the [funniest|boldest|strangest] show "
            "of the [festival|{season}].",
            "Usherettes sold [ice creams|sweets|programmes] from trays during the "
            "[interval|break] [as usual|{when}|].",
            "The play is a romance set in a [small|tiny|forgotten] [fishing village|mill town|"
            "seaside town] [near {town}|after the war|].",
            "The cameramen filmed the [rehearsal|dress rehearsal|last night] for a "
            "documentary [about {town}|on {issue}|].",
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
            "A bowl of ramen [now costs|costs] more [than a three-course|than a two-course|than a "
            "whole] lunch did {num} years ago.",
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
            "The repairman [said|insisted] the workmanship on the old "
            "[radios|televisions|kettles] was [better|far better] than on the [new ones|modern "
            "ones].",
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
    "{Town} {P.role} {P.name} has [announced|confirmed|let it be known] that {P.he} will step "
    "down [after|before] {event}.",
    "A [row|dispute|disagreement|quarrel] over {thing} [has divided|is dividing|has split] {group} "
    "in {town}, and {P.name}, {P.a_role} at {org}, [says|admits|believes] it will not be settled "
    "[quickly|soon|easily].",
    "{Group} in {town} [will|could|may] have to wait until {soon} for a decision on {thing}, "
    "{P.name} [said|confirmed|warned] {when}.",
    "[It has been|It was] a [difficult|busy|long|strange|good] [week|month|few days] for "
    "{P.name}, the {P.role} [at|of] {org}.",
    "{P.name} [did not expect|never expected|was not expecting] to [become|end up as] the "
    "[face|voice|public face] of the campaign [against|over] {issue} in {town}.",
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
    "\"We have listened to [everyone|residents|every side|the town], and we will keep "
    "[listening|doing so|at it],\" {P.he} [said|added|told the meeting].",
    "According to {P.last}, the cost of {thing} has [risen|gone up|climbed] by {pct} percent "
    "since [last year|{month}|the spring|the last election].",
    "{P.He} is expected to [present|publish|deliver|send] a [full|detailed|short|final] report "
    "to {org} {soon}.",
    "{P.He} has been criticised by [some residents|{group}|several {role_pl}|members of {org}], "
    "who say {P.he} doesn't understand {issue}.",
    "Asked whether {P.he} would [resign|stand down|quit|stand again], {P.last} [laughed|smiled|"
    "shrugged] and said {P.he}'s not going anywhere.",
    "{Q.name}, {Q.a_role} who has worked with {P.last} for [years|{num} years|a decade|most of "
    "{Q.his} career], described {P.him} as [stubborn|difficult|demanding|cautious] but [honest|"
    "fair|decent|loyal].",
    "{Q.He} said {Q.he} was [surprised|disappointed|pleased|not surprised] by the [announcement|"
    "news|decision], but {Q.he} [hopes|thinks|believes] it will help {town}.",
    "The {Q.role} added that {Q.he} had raised [concerns|questions|doubts] about {issue} with "
    "{P.him} [more than once|{num} times|last {month}|in private].",
    "[Both sides|Everyone involved|All parties|Both camps] [agree|accept|admit] that more "
    "manpower [is|will be] needed [before|ahead of|in time for] {event}.",
    "[Critics|Opponents|Some {group}] call the [new rules|changes|scheme] a man-made [obstacle|"
    "problem|mess] that [helps nobody|nobody asked for|serves no one].",
    "The {Q.role}'s own view is that the plan is [sound|workable|sensible|{good}], although "
    "{Q.he} admits it is [not perfect|far from perfect|{bad} in places].",
    "{P.His} [office|team|staff] confirmed that {num} people have already [signed up|applied|"
    "registered|complained].",
    "{P.He} walks [to work|to {place}|through {town}|to the office] every [morning|day|{day}] "
    "and {P.he} says that is where {P.he} [hears|learns|finds out] what [people|{group}] really "
    "think.",
    "In a [short|brief|written] statement [released|issued] {when}, {org} said the {P.role} "
    "[has|had] its [full|complete|continued] support.",
    "Local {role_pl} [said|complained|pointed out] that they had not been [consulted|asked|told] "
    "[about {thing}|beforehand|at all].",
    "{P.He} was not available for [further|more] comment {when}.",
    "{P.He}'ll [meet|speak to|sit down with] the {Q.role} again {soon}, {P.his} [office|team] "
    "said.",
    "The {P.role} thanked the [volunteers|staff|organisers|{group}] and said the [success|"
    "credit] was theirs, not {P.hers}.",
    "{P.He} [insisted|repeated|made clear] that {P.he} had made the [decision|call|choice] "
    "{P.himself}, [without pressure from {org}|after talking to {group}|{when}].",
    "{A_spokes} for {org} [declined to comment|would not comment|said it was too early to "
    "comment] [on {thing}|{when}|].",
    "[Officials|Planners|Engineers at {org}] estimate that [the project|{thing}|the work] will "
    "need [about|around|at least] {big} man-hours.",
    "[Some residents|A few {group}|Several {group}] have called for a boycott of {place} until "
    "something is done about {issue}.",
    "[The|A] {neutral} at {place} [said|told us|thought] the [building|project|place] was in "
    "[good|safe|capable] hands.",
    "{P.He} has promised to publish the [figures|numbers|accounts] [in full|{soon}], and {P.he} "
    "does not expect any [surprises|bad news|complaints].",
    "\"Is {P.he} [serious|joking|listening]?\" asked {Q.name}, who has lived in {town} [all "
    "{Q.his} life|for {num} years|since {Q.he} was a {Q.kid}].",
    "{P.He} has a reputation for [plain speaking|straight answers|blunt words], and {P.he} "
    "did not disappoint [{when}|at {place}|].",
    "[Last year|In {month}|At the last meeting] {P.he} was the only {P.role} to vote [against|"
    "for] [the plan|{thing}].",
    "\"{P.He} knows what {P.he} is doing,\" the {Q.role} said [{manner}|]. \"I trust {P.him}.\"",
    "The {P.role}'s [supporters|friends|allies] say {P.he} goes further than [anyone|most] to "
    "[listen to|help|keep in touch with] {group}.",
    "{P.He} tries to answer every [letter|email|complaint] [personally|{P.himself}], {P.his} "
    "[staff|team|colleagues] said.",
    "{Q.He} has since written to {org} asking for an [independent|urgent|full] review of "
    "{thing}.",
    "The chairman's casting vote settled the [matter|question|argument] [in the end|{when}|after "
    "{num} hours].",
    "A policewoman and [two|three|several] policemen were called to keep order [outside|near|at] "
    "{place} {when}.",
    "[Turnout|Attendance] at {event} was [higher|lower] than expected, [partly|mainly] "
    "{reason}.",
    "{P.He} [began|started] {P.his} career as {a_role} in {town} {num} years ago.",
    "[Residents|{Group}] [living near|close to] {place} [say|complain] that [the problem of "
    "{issue}|trouble with {issue}] has got worse [since {month}|this {season}|lately].",
    "{P.He} said {P.he} [would|will] [raise|take up] the [matter|question] with {org} {soon}.",
    "The [figures|numbers] [show|suggest] that {pct} percent of {group} in {town} [are worried "
    "about|support action on|have been affected by] {issue}.",
    "[Money|Funding] for {thing} [will come|is expected to come] from {org}, [though|but] the "
    "[exact|final] [sum|amount] has not been [agreed|confirmed].",
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
    "\"[I|We] [will not|won't] pretend this is easy,\" {P.he} said [{manner}|]. \"[But|Still,] "
    "doing nothing [is not|isn't] an option [for {town}|any more|either].\"",
)

NEWS_CLOSINGS: tuple[str, ...] = (
    "The next meeting of {org} [will take place|is expected|is planned] {soon}.",
    "{Event} is due to take place at {place} [later this {season}|{soon}].",
    "Further details are expected {soon}.",
    "{Org} will publish its decision {soon}.",
    "Anyone with questions can [contact|write to|call] {place} [directly|{soon}|on {day}s].",
    "[A public meeting|An open session|A drop-in event] [on {thing}|about {issue}] will be held "
    "at {place} {soon}.",
    "[Comments|Objections|Letters] can be sent to {org} until {soon}.",
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
    "Long time [reader|lurker], first [time poster|post] [here|from {town}|in this group].",
    "I've been [following|reading] the [thread|discussion|posts] about {event} [for a while|"
    "since {day}|all week] and wanted to add my [two cents|own experience|thoughts].",
    "[Quick|Slightly odd|Genuine|Serious] question for [the group|everyone here|people in "
    "{town}] about {issue}.",
    "Our {P.role} [on|at|near] {street} has been [acting strangely|a bit off|really short with "
    "people] [lately|since {month}|this {season}] and I'm not sure [what to do|who to talk to|"
    "if I should say something].",
    "Has anyone else had dealings with {P.name}, the {P.role} over in {town}?",
    "[Not sure|No idea] if this is the right [board|place|group] [for this|to ask about {thing}], "
    "but here goes.",
    "[Bit of a long one|Long post|Short post], sorry, but I need [some advice|a sanity check|"
    "opinions] on {issue}.",
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
    "{P.He} [says|claims|tells everyone] {P.he} is too [busy|stretched|tired] to [help|look at "
    "{thing}|reply], but {P.he} [always|somehow] [has|finds] time for a [chat|coffee|gossip] [at "
    "{place}|on {street}|with {resident}].",
    "Does {P.he} [know|understand|care] what {P.he} is [doing|saying|signing up for] [with "
    "{thing}|here|]? [Honestly|Frankly|To be fair], I [doubt it|have no idea|hope so].",
    "Is {P.he} even allowed to [do that|park there|charge for that|close {place}]?",
    "Why doesn't {P.he} just [tell us|admit|explain] [the truth|what is going on|who is paying] "
    "[about {thing}|for {thing}|]?",
    "I asked {P.him} [twice|{num} times|in person|by email] and {P.he} still hasn't "
    "[answered|replied|got back to me].",
    "{P.He} was [really|genuinely|surprisingly] helpful the [first|last|second] time, to be "
    "[fair|honest], [and|but] {P.he} [seemed|looked] [{mood}|rushed] [{when}|on {day}].",
    "{P.He}'s been the {P.role} here for [ages|{num} years|as long as I can remember] and "
    "{P.he} knows [everyone|every house|half of {town}].",
    "My {kin} thinks the idea [for {thing}|about {issue}] was {P.hers} all along.",
    "{P.He} [tries hard|means well|clearly cares], but {P.he} [goes about it|handles it|does "
    "everything] the [wrong|strangest|slowest] way [possible|imaginable|].",
    "{P.He} [watches|notices|knows about] [everything|every little thing] that happens on [our "
    "street|{street}|the estate] [from {P.his} window|like a hawk|].",
    "Has {P.he} [ever|actually] [replied to|answered|read] [any of your|your] "
    "[emails|letters|messages] [about {issue}|]?",
    "The {Q.role} [down the road|on {street}|at {place}] [told|promised] me {Q.he}'d [sort it "
    "out|fix it|look into it] [by {day}|{soon}].",
    "Our {Q.role} is [lovely|brilliant|a gem], {Q.he} even [remembered|asked after] my "
    "[{kin}|{kin}'s health|dog] [last time|{when}].",
    "I don't want to [start|organise|call for] a boycott [or anything|of {place}|], I "
    "[just|only|honestly] want [answers|a straight answer|someone to explain {thing}].",
    "Last [year|{season}] the {role_pl} handled it [much|far|a lot] better.",
    "The workmanship on {thing} is [terrible|shocking|not great], if you ask me.",
    "Not to be [dramatic|funny|gloomy], but mankind has [survived|seen|lived through] worse than "
    "{issue}[, surely|].",
    "Also, the ramen place [next to|behind|opposite] {place} is [excellent|worth a visit|"
    "cheap and good] if anyone is going.",
    "Was {P.he} at the meeting [on {day}|at {place}|about {thing}]?",
    "{P.He}'ll never [admit|say] it, but {P.he} was [wrong|completely wrong|right] about {issue} "
    "[from the start|last {season}|].",
    "I can't tell if {P.he} is [joking|serious|being sarcastic] or not.",
    "{P.He} did the whole [thing|job|lot] by {P.himself}, which is [impressive|mad|"
    "honestly amazing].",
    "My {kin} [works|used to work] with {P.him} and [says|reckons] {P.he} is a "
    "[nightmare|different person|saint] [before|during] {event}.",
    "In layman's terms: [nobody|no one] [knows|will say] who is [paying for|in charge of] "
    "{thing}.",
    "The mailman left a [note|card|slip] [saying|claiming] the [parcel|box|letter] was \"too "
    "[heavy|big|wet]\"[, which is a new one|, if you can believe it|].",
    "Apparently {P.he} has [a cousin|an old friend|a neighbour] who is a congressman, so [don't "
    "expect|do not expect] [much|anything] to change [soon|in {town}|].",
    "{P.He} doesn't answer the [phone|door|emails] after [five|six|seven][, which is fair "
    "enough|, apparently| on {day}s].",
    "The human cost of {issue} [never|rarely] [seems to come|comes] up in [these debates|the "
    "papers|council meetings].",
    "[Someone|{Resident}|My {kin}] said {P.he} used to be a German teacher [in {town}|years "
    "ago|], no idea if that's [true|right].",
    "[We|I] waited [{num} minutes|an hour|all {daypart}] [at {place}|outside {place}|on "
    "{street}] and nobody came.",
    "[Apparently|Supposedly|Rumour has it] {thing} will be [sorted|fixed|finished] {soon}, but "
    "I'll believe it when I [see it|see it myself|hear it from {org}].",
    "{Resident} told me [the same thing|a different story|something else] [{when}|at {place}].",
    "[Honestly|Seriously|Genuinely], who [decided|thought] that {thing} [would be|should be] a "
    "[good idea|priority|{good} idea]?",
    "[I|We] [emailed|rang|wrote to] {org} [{when}|twice|last {month}] and got [a form reply|"
    "nothing back|a very polite no].",
    "If {P.he} reads this: [no offence|sorry|thank you], but [please|can you] [look at|sort out|"
    "explain] {thing}?",
    "{P.He} is [lovely|nice enough|friendly] in person, [but|though] {P.he} [never|rarely] "
    "[follows through|replies|turns up on time].",
    "[For what it's worth|FWIW|In fairness], {group} [on|near] {street} [agree|are with you|"
    "feel the same].",
    "[Edit|Update]: {P.he} [rang|wrote|called round] {when} and [apologised|explained|promised "
    "to sort it].",
    "Parking [near|outside|around] {place} is [a joke|impossible|getting worse] [since {month}|"
    "these days|on {day}s].",
    "Is {P.he} [still|really] in charge of {thing}, or has that changed?",
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
    "Every {day}, {P.name} opened the shutters of the [little|narrow|old] [café|shop|kiosk] at "
    "the end of [the harbour|{street}|the pier].",
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
    "{P.He} had always wanted to [see the sea|live in {town}|learn the piano|drive a bus].",
    "\"I'll be back [before dark|by {daypart}|on {day}|soon],\" {P.he} told {Q.first}.",
    "{Q.first} watched {P.him} go [and said nothing|without a word|{weather}].",
    "{P.He} picked up {P.his} [coat|bag|keys|umbrella] and stepped out into the "
    "[cold|rain|dark|street].",
    "The {Q.role} [smiled|winked|nodded] at {P.him} as if {Q.he} knew a [secret|joke|better way].",
    "{P.He} wondered whether {Q.he} had [noticed|guessed|heard] [anything|the news|the "
    "{colour} car].",
    "For the first time in [weeks|months|{num} days], {P.he} felt [at home|{mood}|awake].",
    "{P.His} hands were [shaking|cold|trembling], so {P.he} [folded them in {P.his} lap|pushed "
    "them into {P.his} pockets|held them under the table].",
    "\"Is it [true|right]?\" {Q.he} asked [{manner}|]. \"Did you really [do it|fix it|find it] "
    "[yourself|on your own]?\"",
    "{P.He} nodded. The [choice|decision|mistake] had been {P.hers}, and {P.he} would [live "
    "with it|own it|not forget it].",
    "Was {P.he} brave, or just [stubborn|foolish|lucky]? Even {P.he} could not [tell|say].",
    "{Q.He} had [lost {Q.his} way|got lost] once, [years ago|in {town}|on {street}], and {Q.he} "
    "still remembered the [fear|cold|silence].",
    "Outside, a newsboy [shouted|called out] the headlines to [nobody in particular|the empty "
    "street|the pigeons].",
    "{P.He} [laughed|smiled] at {P.himself} for being so [nervous|{mood}|slow].",
    "The [old|young] {Q.role} [poured|made] [two|two large] cups of {drink} and pushed one across "
    "the [table|counter] [towards {P.him}|without a word].",
    "Somewhere [a dog barked|{sound}], and {P.he} [remembered|thought of] the cowboy "
    "[films|stories|comics] {P.he} had [loved|watched|read] as a {P.kid} [in {town}|].",
    "{P.He}'d never told [anyone|{Q.first}|a soul] about that [night|{season}|day at {place}].",
    "\"{P.He}'s late again,\" muttered the {Q.role}[ to nobody|, {manner}|].",
    "There was a [romance novel|battered romance|paperback romance] on the "
    "[shelf|windowsill|table], its pages [yellow|soft|curled] with [age|damp].",
    "The smell of [ramen|frying onions|fresh bread] drifted in from the [stall|shop|kitchen] next "
    "door.",
    "By the time {P.he} [reached|got to] {place}, the lights were [on|out|low] and the usherette "
    "was [closing|locking] the [doors|side door].",
    "{Q.first} had known {P.him} since [they were children|school|{P.he} was a {P.kid}], and "
    "{Q.he} [knew|could tell|always knew] when {P.he} was [lying|afraid|pretending].",
    "\"You're a good {P.man},\" {Q.he} said [quietly|{manner}]. \"Better than you [think|know].\"",
    "{P.He} has never liked [goodbyes|surprises|{day}s], and {P.he} doesn't [intend|plan|mean] to "
    "start [now|today].",
    "The landlady knocked [twice|once|softly] and left a tray of {food} outside the door.",
    "{P.He} read the [letter|note|postcard] again, [slowly|carefully], as if the words might "
    "[change|rearrange themselves|say something else].",
    "When {Q.he} [finally|at last] spoke, {Q.his} voice was [barely a whisper|rough|steady].",
    "{P.He} [told|reminded] {P.himself} it was only the [wind|house settling|cat].",
    "A [warm|soft|yellow] light seemed to emanate from the [kitchen window|lighthouse|hall].",
    "Down at the harbour, the fishermen were [mending their nets|landing the catch|arguing "
    "about the weather].",
    "\"Where has {P.he} gone?\" the {Q.role} asked, but [nobody knew|nobody answered|the room "
    "was silent].",
    "{P.He} [walked|cycled|drove] [along|down] {street} {weather}, [thinking about|trying not "
    "to think about] {Q.first}.",
    "[Outside|Across the road|Somewhere below], {sound}.",
    "{P.He} put {object} [in {P.his} pocket|on the table|back in the drawer] and [waited|sat "
    "down|looked away].",
    "The clock on the wall said [ten past|half past|nearly] [six|nine|eleven|two], and {P.he} "
    "was [still|already] [awake|late|{mood}].",
    "[Later|That night|In the morning], {Q.first} [found|saw] {P.him} [asleep|sitting] [by the "
    "window|on the stairs|in the {colour} chair].",
    "{Q.He} [offered|made] {P.him} [{food}|{drink}], and {P.he} [accepted|refused] [it|] "
    "[gratefully|politely|without a word].",
    "[Neither of them|Nobody] [spoke|moved|said a word] for [a long time|{num} minutes|a "
    "while].",
    "{P.He} [thought|was thinking] about {town}, and about the {colour} [house|boat|door] "
    "[by the water|on {street}|at the end of the lane].",
    "The [street|harbour|station] was [empty|quiet|full of people] [{weather}|that {daypart}].",
    "\"[Leave it|Don't|Wait],\" {P.he} said {manner}. \"[Please|Not now|Not yet].\"",
)

STORY_CLOSINGS: tuple[str, ...] = (
    "{P.He} [smiled|nodded|waved], and for once {P.he} did not [look back|hurry].",
    "And that, in the end, was [enough|all that mattered].",
    "The next [morning|day] {P.he} was gone[, and so was {object}|].",
    "{P.He} never spoke of it again.",
    "Outside, the [rain|wind|snow] had finally stopped.",
    "[In the morning|By {day}|A week later], {P.he} [wrote back|went home|caught the first "
    "train to {town}].",
    "{Q.first} [kept|still has] {object} [to this day|in a drawer|by the door].",
    "[It was|That was] the last {season} {P.he} spent in {town}.",
)

# ---- essays and workplace memos (essays.txt) -----------------------------------------------------

ESSAY_OPENINGS: tuple[str, ...] = (
    "The debate about {issue} is one of the [defining|hardest|oldest] questions [of our time|"
    "in {town}|for any town].",
    "Few subjects divide opinion in {town} quite like {issue}[ and {thing}|].",
    "[Since the beginning of recorded history|For as long as anyone can remember|For centuries], "
    "mankind has [argued|quarrelled] about [{issue}|who should pay for what|how to share the "
    "land].",
    "It is [often|sometimes] said that a good {P.role} knows when to [listen|wait] and when to "
    "[act|speak].",
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
    "Man-made problems, [after all|of course|in the end], [usually|often] have man-made "
    "[solutions|answers|remedies].",
    "[Many|Some|Plenty of people] argue that the common man has [little|no real|too little] say "
    "in [decisions about|the debate on] [{issue}|{thing}].",
    "The craftsmanship of [earlier|older|past] generations is [visible|still visible|easy to see] "
    "in [every old building|the old bridges|the chapels|{place}] in {town}.",
    "Human beings are, above all, [social|stubborn|hopeful] creatures.",
    "A humane [society|town|country] [judges|measures] itself by how it treats its "
    "[weakest|poorest|oldest|youngest] [members|residents].",
    "Reading a German [novel|newspaper|poem] in the original teaches "
    "[patience|humility|attention] as much as [grammar|vocabulary].",
    "The word command [suggests|implies] [control|obedience], but real authority emanates from "
    "[trust|consent|example].",
    "We should not confuse romance with [responsibility|policy|planning].",
    "In layman's terms, the [question|issue|argument] is [simply|really] who "
    "[pays|decides|benefits].",
    "Manpower alone cannot [solve|fix] a problem that is [really|mostly] about "
    "[planning|money|trust|{issue}].",
    "When a {P.role} [says|insists|claims] {P.he} has done {P.his} best, we [should|might|ought "
    "to] ask what that best was [measured against|compared with|meant to achieve].",
    "Some will object that this is [unrealistic|naïve|too expensive|{bad}].",
    "Yet [history|experience|the record of {org}] suggests otherwise.",
    "The evidence from {town} [is instructive|tells a different story|is mixed].",
    "A spokesman for {org} once put it [neatly|well|bluntly]: [rules|laws|promises] are only as "
    "[good|strong] as the people who [keep|enforce] them.",
    "Every {P.role} I have interviewed [says|tells me] the same thing: {P.he} wants to be "
    "[trusted|heard|left alone].",
    "Is {P.he} wrong to want [that|this]? I [do not|don't] think so[, and nor do {group}|].",
    "The businessmen and businesswomen of {town} [have every reason|have good reason] to "
    "[care|worry] about {issue}.",
    "Our [grandparents|parents] did not have the luxury of [debating|arguing about] {issue}; they "
    "[simply|just] got on with it.",
    "It would be naïve to [think|hope|expect] that one [report|meeting|vote] will settle the "
    "[matter|argument].",
    "Nor is this only a question for [experts|{org}|politicians].",
    "The fireman who [rescues|pulls] a stranger [from a fire|from the river|] does not [ask "
    "first|stop to ask|pause to ask] whether the stranger deserves it.",
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
    "[A|One] [retired|young] {P.role} [from|in] {town} [put it|described it] to me as "
    "[a {bad} compromise|a {good} start|an old argument in new clothes].",
    "[Critics|Sceptics|Supporters] of {thing} [often|rarely] [forget|mention] that {group} "
    "[pay|paid] for it [twice|already|in the end].",
    "[History|Experience] [shows|suggests] that [plans|promises] about {issue} [rarely|seldom] "
    "survive [the first winter|{event}|contact with {group}].",
)

ESSAY_CLOSINGS: tuple[str, ...] = (
    "In the end, how we handle {issue} is a test of what kind of [community|town|society] we "
    "want to be.",
    "The choice, as always, is [ours|ours to make|still open].",
    "We would do well to remember that[ in {town}|, {when}|].",
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
    "The {P.role} has asked that all [timesheets|expense claims|holiday requests] be submitted "
    "by [noon|five o'clock|the end of the day] on {day}.",
    "{P.He} [reminds|would like to remind] everyone that the manual for the [new|old|replacement] "
    "[machines|printers|tills] is in the [staff room|office|top drawer].",
    "Any [questions|problems] should go to {Q.name}, who has [kindly|] agreed to "
    "[coordinate|help|take the lead]; {Q.he} can be reached on extension {num}[{num}|].",
    "Due to a shortage of manpower, the [night|weekend|early] shift will be reduced for the next "
    "{num} weeks.",
    "The salesmen's [bonus|commission] scheme will be [reviewed|changed|simplified] [at the end "
    "of the|after the] [quarter|year|summer].",
    "The chairman's office has [approved|agreed|signed off] overtime for the cameramen "
    "[covering|filming] {event}.",
    "Please do not use the [coffee machine|lift|microwave] on the [second|third|ground] floor "
    "until the repairman has fixed it.",
    "{Q.name} is leaving us at the end of {month}; {Q.he} has been with the company for {num} "
    "years and {Q.he} will be missed.",
    "The [management team|{P.role}|board] thanks everyone for their hard work during {event}.",
    "Visitors must [sign in|register] with the doorman [before entering|on arrival at] [the "
    "building|{place}|the yard].",
    "The {P.role} will hold an open session on {day} for anyone who wants to discuss {issue}.",
    "{P.He} [has also asked me|would like me|asked me] to remind [you|everyone] that the [car "
    "park|side gate|canteen] closes at [seven|six|eight] [on {day}s|this week|].",
    "[From|Starting] {soon}, [deliveries|visitors|contractors] will use the [side|back|north] "
    "entrance [on {street}|].",
    "[Fire|Safety] [drill|training] is [booked|planned] for {day} at [ten|eleven|two] "
    "[o'clock|sharp].",
    "[Please|Kindly] [clear|tidy] the [fridge|kitchen|break room] by {day}; anything left will "
    "be [thrown away|donated|binned].",
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
    "{A_spokes} for {org} denies claims of a cover-up over {issue}",
    "Actress returns to {town} stage for one night only at {place}",
    "Man-made lake at {place} to reopen to [swimmers|boats|the public] {soon}",
    "[Council|{Org}] votes to boycott [supplier|builder|contractor] after [complaints|a row] "
    "about poor workmanship [on {thing}|at {place}|]",
    "Schoolgirl raises {big} pounds for [charity|the hospice|the food bank] by [running|"
    "swimming|cycling] {num} laps of {place}",
    "{P.Role} {P.last} says {P.he} doesn't expect a decision on {issue} before {month}",
    "Paperboy, {num}, becomes the youngest winner of the {town} [community|bravery|volunteer] "
    "award",
    "Fishermen [in {town}|off {town}|at Saltcombe] warn that [fish stocks|catches] are falling "
    "faster than [scientists|anyone] predicted",
    "Headmistress praises pupils after record [exam|test|sports] results at {town} school",
    "German [engineers|students] and [local|{town}] craftsmen [team up|join forces] to restore "
    "{place} [in {town}|by {month}|]",
    "Former anchorman opens a ramen bar on {street} in {town}",
    "Policeman's quick thinking saves [driver|cyclist|pedestrian] after [crash|collision|fall] "
    "on the {town} [bypass|ring road|high street]",
    "Why the {P.role} of {org} thinks {P.he}'s been misunderstood about {issue}",
    "Congresswoman calls for an inquiry into {issue} after a [packed|heated|angry] meeting at "
    "{place}",
    "Stewardess who helped deliver a baby [mid-flight|over {town}|on the way to {town}] is "
    "reunited with the family",
    "{Town} landlady celebrates {num} years behind the bar at the [village pub|{street} "
    "tavern|Red Lion]",
    "Cowboy boots and country music as {event} returns to {town} [for the {ordinal} time|"
    "after {num} years|]",
    "Ombudsman criticises {org} over its handling of {issue}",
    "Mankind's oldest question gets a new answer at {place}, say [researchers|scientists|"
    "students]",
    "Human rights group praises {town} for [its new housing plan|its work on {issue}|opening "
    "{place}]",
    "{Town} businessman buys {place} and promises to keep it [open|running|as it is]",
    "Doorman and barman [praised|thanked] for their [quick|calm] response to the "
    "[fire|flood|fight] at {place}",
    "Postman who never missed a [day|shift] in {num} years [retires|steps down] from the {town} "
    "round",
    "Hostess of the long-running [quiz show|chat show|radio show] says she's ready for one "
    "final [season|series]",
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
    "{Town} [remembers|mourns|celebrates] {P.role} {P.name}, [{num}|who ran {place}|a friend "
    "to all]",
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
