"""Templates of the demo's news reports and forum posts (news.jsonl, forum.jsonl, broken.jsonl)."""

from __future__ import annotations

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
