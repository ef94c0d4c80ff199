"""Characters and places of the demo corpus: gendered roles and attributes, names, towns, dates."""

from __future__ import annotations

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
