"""Topics of the demo corpus: the events, things, organisations, issues, roles and facts of each."""

from __future__ import annotations

from typing import NamedTuple


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
