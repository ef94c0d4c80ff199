"""Templates of the demo's stories, essays and workplace memos (stories.parquet, essays.txt)."""

from __future__ import annotations

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
