"""Word lists, sentence templates and fixed paragraphs for the demo corpus (see corpus/demo.py).

Templates hold `{slot}` for topic and filler words and `{P.attr}` / `{Q.attr}` for a document's two
characters. Character attributes: name, first, last, role, a_role (role with its article), he, him,
his (determiner), hers (standalone), himself, man, kid, hero. A capitalised slot or attribute
(`{Town}`, `{P.He}`) capitalises the first letter of what it inserts. Pronoun templates are written
in the third person singular ("{P.he} walks", "{P.he} doesn't"), which is exactly what the
rewriting stage has to turn into "they walk", "they don't".
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
    "Sidney", "Rowan", "Emery", "Hayden", "Parker", "Reese", "Skyler", "Toby", "Lou",
)
# "Herman" and "Shepherd" must survive rewriting untouched.
LAST_NAMES: tuple[str, ...] = (
    "Lee", "Patel", "Okafor", "Morgan", "Nowak", "Herman", "Shepherd", "Garcia", "Kowalski",
    "Nguyen", "Fischer", "Murphy", "Haddad", "Silva", "Adeyemi", "Larsen", "Rossi", "Tanaka",
    "O'Brien", "Campbell", "Dubois", "Mensah", "Novak", "Ortiz", "Reyes", "Schmidt", "Walsh",
    "Yilmaz", "Bianchi", "Kaur", "Lindqvist", "Moreau", "Brennan", "Castillo", "Evans", "Hughes",
)

# "Mansfield", "Manchester" and "Germantown" contain substrings a careless rewriter would change.
TOWNS: tuple[str, ...] = (
    "Ashford", "Millbrook", "Port Elm", "Kingsbridge", "Lakeview", "Harrowgate", "Redwater",
    "Stonehaven", "Brightwell", "Oakridge", "Fairhaven", "Mansfield", "Manchester", "Germantown",
    "Willowmere", "Castleton", "Eastbury", "Northfield", "Saltcombe", "Greyhaven",
)
DAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
SEASONS: tuple[str, ...] = ("spring", "summer", "autumn", "winter")


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
                "the old cricket ground"),
        events=("the regional final", "the spring marathon", "the cup replay", "the charity relay",
                "the junior league season"),
        things=("the new training ground", "the ticket prices", "the referee's decision",
                "the floodlights", "the youth academy"),
        orgs=("the county football association", "Northfield Rovers", "the harbour rowing club",
              "the city athletics board"),
        issues=("ticket prices", "the injury list", "youth coaching", "the transfer budget"),
        roles=("sports", "camera", "chair", "spokes", "grounds", "anchor"),
        neutral_roles=("coach", "referee", "captain", "goalkeeper", "physiotherapist"),
        facts=(
            "The home side scored twice in the last ten minutes to win the match.",
            "More than {big} supporters packed into {place} despite the cold.",
            "Nobody could fault the sportsmanship on show from both teams.",
            "The groundsmen worked through the night to get the pitch ready.",
            "It was the club's first trophy in {num} years.",
        ),
    ),
    "politics": Topic(
        places=("the town hall", "the council chamber", "the state capitol", "the community centre",
                "the old courthouse"),
        events=("the budget vote", "the by-election", "the public hearing", "the planning inquiry",
                "the leadership debate"),
        things=("the new bypass", "the parking charges", "the housing plan", "the library budget",
                "the proposed tax rise"),
        orgs=("the town council", "the planning committee", "the regional assembly",
              "the residents' association"),
        issues=("housing", "road safety", "local taxes", "public transport", "school funding"),
        roles=("congress", "council", "alder", "chair", "spokes", "ombuds"),
        neutral_roles=("mayor", "lawyer", "reporter", "volunteer", "accountant"),
        facts=(
            "Turnout at the last election was just {pct} percent.",
            "Councilmen and councilwomen from both parties voted for the motion.",
            "The ombudsman's report will be published in {month}.",
            "Campaigners have threatened to boycott the consultation.",
            "The motion passed by a comfortable margin after {num} hours of debate.",
        ),
    ),
    "business": Topic(
        places=("the trade hall", "the new retail park", "the old mill", "the business centre",
                "the harbour warehouse"),
        events=("the annual sales conference", "the shareholder meeting", "the trade fair",
                "the merger talks", "the product launch"),
        things=("the quarterly results", "the new warehouse", "the pension scheme",
                "the delivery contract", "the staff bonus"),
        orgs=("Harbour Freight Ltd", "the chamber of commerce", "Brightwell Foods",
              "the regional bank", "Northfield Motors"),
        issues=("rising costs", "staff shortages", "online competition", "energy prices"),
        roles=("business", "sales", "chair", "fore", "spokes", "craft"),
        # "manager" checks that the rewriter leaves "-man-" inside ordinary words alone.
        neutral_roles=("manager", "accountant", "engineer", "driver", "editor"),
        facts=(
            "Profits rose by {pct} percent in the last quarter.",
            "The firm says it lacks the manpower to meet demand.",
            "Salesmen and saleswomen have been promised a bonus if targets are met.",
            "The company's résumé of achievements was read out to shareholders.",
            "Analysts expect the merger to create {big} jobs.",
        ),
    ),
    "science": Topic(
        places=("the university laboratory", "the marine research station", "the observatory",
                "the science museum", "the field station"),
        events=("the research conference", "the solar eclipse", "the spring field survey",
                "the open laboratory day", "the launch of the weather satellite"),
        things=("the new telescope", "the research grant", "the sequencing machine",
                "the water samples", "the clinical trial"),
        orgs=("the national science foundation", "the university", "the marine institute",
              "the space agency"),
        issues=("research funding", "plastic pollution", "antibiotic resistance", "data sharing"),
        roles=("spokes", "chair", "camera", "fisher"),
        neutral_roles=("scientist", "engineer", "technician", "doctor", "librarian"),
        facts=(
            "The study followed {big} volunteers for {num} years.",
            "Man-made chemicals were found in every sample taken from the river.",
            "The findings could change how mankind thinks about ageing.",
            "Human error was ruled out as a cause of the fault.",
            "Results will be published in a peer-reviewed journal next {month}.",
        ),
    ),
    "community": Topic(
        places=("the village hall", "the public library", "the allotments", "the church fete",
                "the market square"),
        events=("the summer fair", "the litter pick", "the Christmas lights switch-on",
                "the charity bake sale", "the street party"),
        things=("the new playground", "the bus shelter", "the community garden", "the food bank",
                "the broken street lights"),
        orgs=("the parish council", "the neighbourhood watch", "the youth club",
              "the allotment society"),
        issues=("parking", "litter", "dog fouling", "noise at night",
                "the closure of the post office"),
        roles=("post", "mail", "police", "fire", "paper", "land", "head", "door"),
        neutral_roles=("volunteer", "librarian", "baker", "nurse", "electrician"),
        facts=(
            "The postman knows every dog on the street by name.",
            "Volunteers collected {num} bags of rubbish from the riverbank.",
            "Firemen from the local station gave a safety talk to the children.",
            "The fete raised {big} pounds for the hospice.",
            "Neighbours say the landlady of the corner pub is the heart of the village.",
        ),
    ),
    "weather": Topic(
        places=("the coast road", "the valley", "the high moors", "the river meadows",
                "the seafront"),
        events=("the first frost", "the heatwave", "the spring floods", "the storm warning",
                "the autumn gales"),
        things=("the flood barrier", "the gritting lorries", "the sandbags", "the weather station",
                "the forecast"),
        orgs=("the met office", "the coastguard", "the flood agency", "the county highways team"),
        issues=("flooding", "drought", "icy roads", "coastal erosion"),
        roles=("weather", "anchor", "fire", "police", "fisher"),
        neutral_roles=("ranger", "farmer", "driver", "pilot", "paramedic"),
        facts=(
            "Up to {num} millimetres of rain could fall in a single day.",
            "The weatherman had warned of strong winds since the weekend.",
            "Temperatures dropped to minus {num} degrees overnight.",
            "Fishermen kept their boats in the harbour until the storm passed.",
            "Gusts strong enough to bring down trees were measured on the hills.",
        ),
    ),
    "travel": Topic(
        places=("the airport", "the ferry terminal", "the Café Lumière in Zürich", "the old town",
                "the central station", "the hotel in São Paulo"),
        events=("the holiday rush", "the rail strike", "the maiden voyage", "the summer timetable",
                "the festival weekend"),
        things=("the delayed flight", "the new ferry", "the night train", "the hotel booking",
                "the lost luggage"),
        orgs=("the national airline", "the ferry company", "the tourist board",
              "the rail operator"),
        issues=("delays", "ticket prices", "overtourism", "lost luggage"),
        roles=("steward", "host", "door", "bar", "waiter", "land"),
        neutral_roles=("pilot", "driver", "chef", "manager", "volunteer"),
        facts=(
            "The stewardesses handed out blankets as the heating failed.",
            "Passengers waited {num} hours for the next ferry.",
            "The hostess greeted every guest by name at the door.",
            "Doormen in grey coats carried the bags up the marble steps.",
            "Booking a room in the old town now costs {pct} percent more than last year.",
            "Visitors from Germany make up a third of the summer guests.",
        ),
    ),
    "health": Topic(
        places=("the district hospital", "the health centre", "the pharmacy", "the care home",
                "the leisure centre"),
        events=("the flu vaccination drive", "the fun run", "the hospital open day",
                "the blood donation week", "the mental health awareness week"),
        things=("the waiting lists", "the new scanner", "the ambulance service", "the night clinic",
                "the hospital car park"),
        orgs=("the health board", "the hospital trust", "the patients' association",
              "the county ambulance service"),
        issues=("waiting times", "staff shortages", "mental health", "hospital parking"),
        roles=("chair", "spokes", "ombuds", "police"),
        neutral_roles=("nurse", "doctor", "paramedic", "pharmacist", "volunteer"),
        facts=(
            "Waiting times have fallen by {pct} percent since the new clinic opened.",
            "A humane approach to care costs less in the long run, the report says.",
            "{Big} people donated blood during the campaign.",
            "The hospital's manual for night staff has been rewritten.",
            "Human contact matters as much as medicine, nurses told the inquiry.",
        ),
    ),
    "education": Topic(
        places=("the primary school", "the sixth-form college", "the school library",
                "the sports hall", "the university campus"),
        events=("the exam season", "the school play", "the sports day", "the open evening",
                "the graduation ceremony"),
        things=("the new timetable", "the school uniform", "the science block",
                "the reading scheme", "the school meals"),
        orgs=("the school governors", "the education board", "the parents' association",
              "the exam board"),
        issues=("class sizes", "exam stress", "school funding", "teacher shortages"),
        roles=("head", "school", "chair", "usher"),
        neutral_roles=("teacher", "librarian", "coach", "nurse", "volunteer"),
        facts=(
            "Pupils at the school speak {num} languages between them.",
            "Every schoolgirl and schoolboy in the year group passed the swimming test.",
            "The German exchange trip will run again next {month}.",
            "The headmaster's annual letter was sent to parents on {day}.",
            "Exam results have improved every year for {num} years.",
        ),
    ),
    "arts": Topic(
        places=("the old theatre", "the Royal Playhouse", "the art gallery", "the concert hall",
                "the open-air cinema"),
        events=("the film festival", "the opening night", "the summer concert series",
                "the comedy festival", "the art auction"),
        things=("the new production", "the restored organ", "the festival programme",
                "the ticket office", "the exhibition"),
        orgs=("the arts council", "the Royal Playhouse", "the film society", "the city orchestra"),
        issues=("arts funding", "ticket prices", "the future of the old cinema"),
        roles=("actor", "usher", "camera", "host", "chair"),
        neutral_roles=("director", "editor", "critic", "designer", "volunteer"),
        facts=(
            "The actress who plays the heroine received a standing ovation.",
            "Critics praised the Batman parody as the funniest show of the festival.",
            "Usherettes sold ice creams from trays during the interval.",
            "The play is a romance set in a small fishing village.",
            "The cameramen filmed the rehearsal for a documentary.",
        ),
    ),
    "food": Topic(
        places=("the farmers' market", "the harbour café", "the night market", "the ramen bar",
                "the old bakery"),
        events=("the food festival", "the harvest supper", "the chilli contest",
                "the street food weekend", "the cheese fair"),
        things=("the new menu", "the crème brûlée", "the tasting menu", "the outdoor seating",
                "the wine list"),
        orgs=("the food festival committee", "the farmers' cooperative", "the restaurant guild",
              "the fishing cooperative"),
        issues=("food prices", "food waste", "overfishing", "late licences"),
        roles=("waiter", "bar", "fisher", "host", "land"),
        neutral_roles=("chef", "baker", "farmer", "manager", "critic"),
        facts=(
            "The waitress recommended the fish, which had been landed that morning.",
            "A bowl of ramen now costs more than a three-course lunch did ten years ago.",
            "Barmen from {num} pubs competed in the cocktail contest.",
            "The market sells a dozen kinds of German bread.",
            "The fishermen's cooperative supplies most restaurants in town.",
        ),
    ),
    "technology": Topic(
        places=("the data centre", "the science park", "the start-up hub", "the repair café",
                "the electronics factory"),
        events=("the product launch", "the hackathon", "the network upgrade",
                "the software release", "the security conference"),
        things=("the new app", "the broadband rollout", "the smart meters", "the software update",
                "the command-line tools"),
        orgs=("the telecoms company", "the software guild", "the broadband authority",
              "the start-up accelerator"),
        issues=("privacy", "cyber security", "slow broadband", "screen time"),
        roles=("repair", "spokes", "sales", "business", "chair"),
        neutral_roles=("engineer", "manager", "developer", "designer", "technician"),
        facts=(
            "The software crashed {num} times during the demonstration.",
            "Most of the outage was caused by human error, the inquiry found.",
            "The repairman said the workmanship on the old radios was better than on the new ones.",
            "Engineers estimate the upgrade will take {big} man-hours.",
            "The manual runs to {big} pages and nobody reads it.",
        ),
    ),
}

# ---- news reports (news.jsonl, broken.jsonl) -----------------------------------------------------

NEWS_OPENINGS: tuple[str, ...] = (
    "{P.name}, the {P.role} of {org}, said on {day} that {P.he} would not support the plan for "
    "{thing}.",
    "{Org} has named {P.name} as its new {P.role}, ending months of uncertainty over {issue}.",
    "The {P.role} of {org}, {P.name}, told reporters in {town} that {P.he} is confident about "
    "{event}.",
    "{P.name} has spent {num} years as {P.a_role} in {town}, and {P.he} says {event} is the "
    "busiest week {P.he} can remember.",
    "{P.A_role} in {town} was praised on {day} after {P.he} helped to organise {event} at short "
    "notice.",
    "Plans for {thing} were approved on {day} after {P.name}, {org}'s {P.role}, spoke in favour "
    "of them.",
    "Questions about {issue} dominated a packed meeting at {place} on {day}, where {P.name} was "
    "the main speaker.",
    "{Role_pl} from across {town} gathered at {place} on {day} to discuss {issue}.",
    "{Town} {P.role} {P.name} has announced that {P.he} will step down after {event}.",
)

NEWS_BODY: tuple[str, ...] = (
    "{P.He} said the decision had been difficult but fair.",
    "\"We have listened to everyone, and we will keep listening,\" {P.he} said.",
    "According to {P.last}, the cost of {thing} has risen by {pct} percent since last year.",
    "{P.He} is expected to present a full report to {org} next {month}.",
    "{P.He} has been criticised by some residents, who say {P.he} doesn't understand {issue}.",
    "Asked whether {P.he} would resign, {P.last} laughed and said {P.he}'s not going anywhere.",
    "{Q.name}, {Q.a_role} who has worked with {P.last} for years, described {P.him} as stubborn "
    "but honest.",
    "{Q.He} said {Q.he} was surprised by the announcement but hopes it will help {town}.",
    "The {Q.role} added that {Q.he} had raised concerns about {issue} with {P.him} more than once.",
    "Both sides agree that more manpower is needed before {event}.",
    "Critics call the new rules a man-made obstacle that helps nobody.",
    "The {Q.role}'s own view is that the plan is sound, although {Q.he} admits it is not perfect.",
    "{P.His} office confirmed that {num} people have already signed up.",
    "{P.He} walks to work every morning and says that is where {P.he} hears what people really "
    "think.",
    "In a statement, {org} said the {P.role} has its full support.",
    "Local {role_pl} said they had not been consulted.",
    "{P.He} was not available for further comment on {day}.",
    "{P.He}'ll meet the {Q.role} again next week, {P.his} office said.",
    "The {P.role} thanked the volunteers and said the success was theirs, not {P.hers}.",
    "{P.He} insisted that {P.he} had made the decision {P.himself}.",
    "{A_spokes} for {org} declined to comment.",
    "Officials estimate that the project will need {big} man-hours of work.",
    "Some residents have called for a boycott of {place} until something is done about {issue}.",
    "The {neutral} at {place} said the building was in good hands.",
    "{P.He} has promised to publish the figures in full, and {P.he} does not expect any "
    "surprises.",
    "\"Is {P.he} serious?\" asked {Q.name}, who has lived in {town} all {Q.his} life.",
    "{P.He} has a reputation for plain speaking, and {P.he} did not disappoint.",
    "Last year {P.he} was the only {P.role} to vote against the plan.",
    "\"{P.He} knows what {P.he} is doing,\" the {Q.role} said. \"I trust {P.him}.\"",
    "The {P.role}'s supporters say {P.he} goes further than anyone to listen to residents.",
    "{P.He} tries to answer every letter personally, {P.his} staff said.",
    "{Q.He} has since written to {org} asking for an independent review.",
    "The chairman's casting vote settled the matter.",
    "A policewoman and two policemen were called to keep order outside {place}.",
)

NEWS_CLOSINGS: tuple[str, ...] = (
    "The next meeting of {org} is scheduled for {month}.",
    "{Event} is due to take place at {place} later this {season}.",
    "Further details are expected next week.",
    "{Org} will publish its decision in {month}.",
    "Anyone with questions can contact {place} directly.",
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
)

FORUM_OPENINGS: tuple[str, ...] = (
    "So I finally met the new {P.role} at {place} yesterday.",
    "Long time reader, first time poster here.",
    "I've been following the thread about {event} and wanted to add my two cents.",
    "Quick question for the group about {issue}.",
    "Our {P.role} has been acting strangely lately and I'm not sure what to do.",
    "Has anyone else had dealings with {P.name}, the {P.role} over in {town}?",
    "Not sure if this is the right board, but here goes.",
)

FORUM_BODY: tuple[str, ...] = (
    "{P.He} says {P.he} is too busy to help, but {P.he} always has time for a chat.",
    "Does {P.he} know what {P.he} is doing? Honestly, I doubt it.",
    "Is {P.he} even allowed to do that?",
    "Why doesn't {P.he} just tell us the truth?",
    "I asked {P.him} twice and {P.he} still hasn't answered.",
    "{P.He} was really helpful the first time, to be fair.",
    "{P.He}'s been the {P.role} here for ages and {P.he} knows everyone.",
    "My neighbour thinks the idea was {P.hers} all along.",
    "{P.He} tries hard, but {P.he} goes about it the wrong way.",
    "{P.He} watches everything that happens on our street.",
    "Has {P.he} ever replied to any of your emails?",
    "The {Q.role} down the road told me {Q.he}'d sort it out by {day}.",
    "Our {Q.role} is lovely, {Q.he} even remembered my name.",
    "I don't want to start a boycott or anything, I just want answers.",
    "Last year the {role_pl} handled it much better.",
    "The workmanship on {thing} is terrible, if you ask me.",
    "Not to be dramatic, but mankind has survived worse than {issue}.",
    "Also, the ramen place next to {place} is excellent if anyone is going.",
    "Was {P.he} at the meeting on {day}?",
    "{P.He}'ll never admit it, but {P.he} was wrong about {issue}.",
    "I can't tell if {P.he} is joking or not.",
    "{P.He} did the whole thing by {P.himself}, which is impressive.",
    "My {kin} works with {P.him} and says {P.he} is a nightmare before {event}.",
    "In layman's terms: nobody knows who is paying for {thing}.",
    "The mailman left a note saying the parcel was \"too heavy\", which is a new one.",
    "Apparently {P.he} has a cousin who is a congressman, so expect nothing to change.",
    "{P.He} doesn't answer the phone after five, which is fair enough.",
    "The human cost of {issue} never seems to come up in these debates.",
    "Someone said {P.he} used to be a German teacher, no idea if that's true.",
)

FORUM_CLOSINGS: tuple[str, ...] = (
    "Thanks in advance!",
    "Any advice welcome.",
    "Cheers.",
    "Sorry for the long post.",
    "Edit: fixed a typo.",
    "Let me know what you think.",
    "Rant over.",
)

# Relatives of the poster; not characters, so a gender-variant copy leaves them alone.
KIN: tuple[str, ...] = (
    "sister", "brother", "mum", "dad", "cousin", "flatmate", "husband", "wife", "partner",
)

USERNAME_PARTS: tuple[str, ...] = (
    "river", "oak", "harbour", "night", "green", "quiet", "lucky", "old", "north", "blue", "red",
    "tea", "biker", "garden", "fox", "owl",
)

# ---- short stories (stories.parquet) -------------------------------------------------------------

STORY_TITLES: tuple[str, ...] = (
    "The Letter", "Low Tide", "The Last Train to {Town}", "A Quiet {Season}", "The Night Shift",
    "What the {P.Role} Saw", "Small Hours", "The Lighthouse", "Rain on {Day}", "The Long Way Home",
)

STORY_OPENINGS: tuple[str, ...] = (
    "{P.name} had been {P.a_role} in {town} for {num} years when the letter arrived.",
    "On the morning of {event}, {P.name} woke before dawn.",
    "Nobody in {town} expected the quiet {P.role} to become the {P.hero} of the {season}.",
    "It was raining when {P.name} first walked into {place}.",
    "Every {day}, {P.name} opened the shutters of the little café at the end of the harbour.",
    "The {P.role} was the last to leave {place} that night.",
)

STORY_BODY: tuple[str, ...] = (
    "{P.He} was tired, but {P.he} did not complain.",
    "{P.He} had always wanted to see the sea.",
    "\"I'll be back before dark,\" {P.he} told {Q.name}.",
    "{Q.name} watched {P.him} go and said nothing.",
    "{P.He} picked up {P.his} coat and stepped out into the cold.",
    "The {Q.role} smiled at {P.him} as if {Q.he} knew a secret.",
    "{P.He} wondered whether {Q.he} had noticed.",
    "For the first time in weeks, {P.he} felt at home.",
    "{P.His} hands were shaking, so {P.he} folded them in {P.his} lap.",
    "\"Is it true?\" {Q.he} asked. \"Did you really do it yourself?\"",
    "{P.He} nodded. The choice had been {P.hers}, and {P.he} would live with it.",
    "Was {P.he} brave, or just stubborn? Even {P.he} could not tell.",
    "{Q.He} had lost {Q.his} way once, years ago, and {Q.he} still remembered the fear.",
    "Outside, a newsboy shouted the headlines to nobody in particular.",
    "{P.He} laughed at {P.himself} for being so nervous.",
    "The old {Q.role} poured two cups of tea and pushed one across the table towards {P.him}.",
    "Somewhere a dog barked, and {P.he} remembered the cowboy films {P.he} had loved as a "
    "{P.kid}.",
    "{P.He}'d never told anyone about that night.",
    "\"{P.He}'s late again,\" muttered the {Q.role}.",
    "There was a romance novel on the shelf, its pages yellow with age.",
    "The smell of ramen drifted in from the stall next door.",
    "By the time {P.he} reached {place}, the lights were on and the usherette was closing the "
    "doors.",
    "{Q.name} had known {P.him} since they were children, and {Q.he} knew when {P.he} was lying.",
    "\"You're a good {P.man},\" {Q.he} said quietly. \"Better than you think.\"",
    "{P.He} has never liked goodbyes, and {P.he} doesn't intend to start now.",
    "The landlady knocked twice and left a tray of toast outside the door.",
    "{P.He} read the letter again, slowly, as if the words might change.",
    "When {Q.he} finally spoke, {Q.his} voice was barely a whisper.",
    "{P.He} told {P.himself} it was only the wind.",
    "A warm light seemed to emanate from the kitchen window.",
    "Down at the harbour, the fishermen were mending their nets.",
    "\"Where has {P.he} gone?\" the {Q.role} asked, but nobody knew.",
)

STORY_CLOSINGS: tuple[str, ...] = (
    "{P.He} smiled, and for once {P.he} did not look back.",
    "And that, in the end, was enough.",
    "The next morning {P.he} was gone.",
    "{P.He} never spoke of it again.",
    "Outside, the rain had finally stopped.",
)

# ---- essays and workplace memos (essays.txt) -----------------------------------------------------

ESSAY_OPENINGS: tuple[str, ...] = (
    "The debate about {issue} is one of the defining questions of our time.",
    "Few subjects divide opinion in {town} quite like {issue}.",
    "Since the beginning of recorded history, mankind has argued about {issue}.",
    "It is often said that a good {P.role} knows when to listen and when to act.",
)

ESSAY_BODY: tuple[str, ...] = (
    "Consider the {P.role} who must decide, alone, whether {P.he} should speak up.",
    "If {P.he} stays silent, {P.he} protects {P.himself} but fails {P.his} community.",
    "A {P.role} who shows good sportsmanship teaches more than one who merely wins.",
    "Man-made problems, after all, usually have man-made solutions.",
    "Many argue that the common man has little say in decisions about {issue}.",
    "The craftsmanship of earlier generations is visible in every old building in {town}.",
    "Human beings are, above all, social creatures.",
    "A humane society judges itself by how it treats its weakest members.",
    "Reading a German novel in the original teaches patience as much as grammar.",
    "The word command suggests control, but real authority emanates from trust.",
    "We should not confuse romance with responsibility.",
    "In layman's terms, the question is simply who pays.",
    "Manpower alone cannot solve a problem that is really about planning.",
    "When a {P.role} says {P.he} has done {P.his} best, we should ask what that best was "
    "measured against.",
    "Some will object that this is unrealistic.",
    "Yet history suggests otherwise.",
    "The evidence from {town} is instructive.",
    "A spokesman for {org} once put it neatly: rules are only as good as the people who keep "
    "them.",
    "Every {P.role} I have interviewed says the same thing: {P.he} wants to be trusted.",
    "Is {P.he} wrong to want that? I do not think so.",
    "The businessmen and businesswomen of {town} have every reason to care about {issue}.",
    "Our grandparents did not have the luxury of debating {issue}; they simply got on with it.",
    "It would be naïve to think that one report will settle the matter.",
    "Nor is this only a question for experts.",
    "The fireman who rescues a stranger does not ask first whether the stranger deserves it.",
)

ESSAY_CLOSINGS: tuple[str, ...] = (
    "In the end, how we handle {issue} is a test of what kind of community we want to be.",
    "The choice, as always, is ours.",
    "We would do well to remember that.",
)

MEMO_SUBJECTS: tuple[str, ...] = (
    "{Thing}", "Changes to the rota", "Health and safety reminder", "Staff meeting on {day}",
    "Overtime during {event}",
)

MEMO_BODY: tuple[str, ...] = (
    "Please note that the foreman will inspect the workshop on {day}.",
    "The {P.role} has asked that all timesheets be submitted by noon on {day}.",
    "{P.He} reminds everyone that the manual for the new machines is in the staff room.",
    "Any questions should go to {Q.name}, who has kindly agreed to coordinate; {Q.he} can be "
    "reached on extension {num}.",
    "Due to a shortage of manpower, the night shift will be reduced for the next {num} weeks.",
    "The salesmen's bonus scheme will be reviewed at the end of the quarter.",
    "The chairman's office has approved overtime for the cameramen covering {event}.",
    "Please do not use the coffee machine on the second floor until the repairman has fixed it.",
    "{Q.name} is leaving us at the end of {month}; {Q.he} has been with the company for {num} "
    "years and {Q.he} will be missed.",
    "The management team thanks everyone for their hard work during {event}.",
    "Visitors must sign in with the doorman before entering the building.",
    "The {P.role} will hold an open session on {day} for anyone who wants to discuss {issue}.",
    "{P.He} has also asked me to remind you that the car park closes at seven.",
)

MEMO_CLOSINGS: tuple[str, ...] = (
    "Thank you for your cooperation.",
    "Thanks, as always, for your patience.",
    "Please pass this on to anyone who missed it.",
)

# ---- headlines (headlines.lines.txt) -------------------------------------------------------------

HEADLINES: tuple[str, ...] = (
    "{Town} {P.role} honoured for bravery after {P.he} rescues family from flooded home",
    "{Role_pl} in {town} threaten strike over pay and working conditions",
    "Local {P.role} says {P.he} will fight plans for {thing} all the way",
    "{P.Role} {P.last} steps down after {num} years at {org}",
    "Weatherman warns of heavy rain and strong winds across {town} this weekend",
    "{A_spokes} for {org} denies claims of a cover-up over {issue}",
    "Actress returns to {town} stage for one night only at {place}",
    "Man-made lake at {place} to reopen to swimmers next {month}",
    "Council votes to boycott supplier after complaints about poor workmanship",
    "Schoolgirl raises {big} pounds for charity by running {num} laps of {place}",
    "{P.Role} {P.last} says {P.he} doesn't expect a decision on {issue} before {month}",
    "Paperboy, {num}, becomes the youngest winner of the {town} community award",
    "Fishermen warn that fish stocks are falling faster than scientists predicted",
    "Headmistress praises pupils after record exam results at {town} school",
    "German engineers and local craftsmen team up to restore {place}",
    "Former anchorman opens a ramen bar on the high street in {town}",
    "Policeman's quick thinking saves driver after crash on the {town} bypass",
    "Why the {P.role} of {org} thinks {P.he}'s been misunderstood about {issue}",
    "Congresswoman calls for an inquiry into {issue} after a packed meeting at {place}",
    "Stewardess who helped deliver a baby mid-flight is reunited with the family",
    "{Town} landlady celebrates {num} years behind the bar at the village pub",
    "Cowboy boots and country music as {event} returns to {town}",
    "Ombudsman criticises {org} over its handling of {issue}",
    "Mankind's oldest question gets a new answer at {place}, say researchers",
    "Human rights group praises {town} for its new housing plan",
    "{Town} businessman buys {place} and promises to keep it open",
    "Doorman and barman praised for their quick response to the fire at {place}",
    "Postman who never missed a day in {num} years retires from the {town} round",
    "Hostess of the long-running quiz show says she's ready for one final season",
    "{Event} at {place} draws record crowds despite the weather",
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

# Added to a noisy document that has no accented letters before it is decomposed (NFD).
ACCENTED_SENTENCES: tuple[str, ...] = (
    "Afterwards we met at the café near the station.",
    "The naïve plan was dropped after a week.",
    "One applicant sent a résumé all the way from São Paulo.",
    "Dessert was a crème brûlée that nobody could finish.",
    "The fiancé of the chef was there too.",
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
