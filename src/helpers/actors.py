"""Actors: who appears in an article, under every name they are given (notebook ``03_actors``).

The model is political event coding (CAMEO / PETRARCH agent codes): an *actor* is a named person or
organisation, or a *generic agent* (police, protesters, government, citizens, ...) coded by role and,
when the text allows, by country. :func:`find_mentions` returns one row per mention of an actor, with
character offsets into the text, the actor it resolves to, and *how* it was resolved.

Codebook
--------
``src/helpers/data/actors.csv`` (version :data:`CODEBOOK_VERSION`, documented column by column in
``src/helpers/data/README_actors.md``) has one row per actor: ``actor_id``, ``kind`` (person,
organisation, role, group, country), ``canonical_name``, ``actor_type`` (one of :data:`ACTOR_TYPES`),
``country`` (ISO 3166 alpha-3), ``gender`` (persons), ``aliases`` and misspelt or transliterated
``variants`` (``;``-separated), ``adjectives`` (country rows: demonyms), ``roles``
(``title|synonym@WHERE:START..END``; WHERE is a country code or an organisation id; an empty END means
"still in office"), ``inherits_country`` (role rows) and ``notes``. Country rows are the country
vocabulary (names, adjectives) used to code generic agents; a bare country name is a place, and a mention
only as the subject of an agent verb (rule 2b).

Rules, in the order they are applied
------------------------------------
1. **Lexicon scan.** One compiled alternation regex (a character trie, so a position costs the depth of
   the trie, not the number of aliases) finds every codebook name, alias, variant, role noun, title,
   country name or adjective, honorific and personal pronoun. Names match case-sensitively; role nouns,
   titles and pronouns in lower case or capitalised. A second regex finds capitalised tokens.
2. **Generic agents.** A role noun (``authorities``, ``police forces``, ``protesters``) takes a country
   from an adjacent country adjective or name (``Kazakh authorities``, ``Kazakhstan's police``,
   ``government of Kazakhstan``); consecutive role nouns are one mention headed by the last
   (``government officials``). Without one, roles marked ``inherits_country`` take the article's
   *focal country*: the country named most often (names and adjectives), if it is named at least twice
   and strictly more often than any other. The id is ``ISO3:role`` (``KAZ:government``) and the
   canonical name comes from a ``group`` row when the codebook has one (``Government of Kazakhstan``),
   else ``"<country> <role>"``. A role noun inside a capitalised name (``National Police``) is part of
   that name (but ``Interior Ministry`` is the government). A role noun that modifies the next word
   (``police stations``, ``the official death toll``) is not a mention: it is one when the next word is
   a function word, a common verb (``police detained``, ``the government says``) or ends in -ed/-ly/-ing.
   A ``government`` actor (including persons typed ``government``) whose country differs from the focal
   country is reported as ``foreign government``.
2b. **Countries as agents.** As in CAMEO/PETRARCH, a country name in agent position stands for its
   government: ``Russia said``, ``China has warned``, ``The United States condemned`` are mentions of
   ``RUS:government`` ... with ``resolution`` ``name`` (a possessive before a role noun, ``Iran's foreign
   ministry``, is rule 2). Agent position means: the next word, after at most two auxiliaries or adverbs
   (:data:`AGENT_AUX`: ``has``, ``will``, ``also``, ``not`` ...), is one of :data:`AGENT_VERBS` (reporting
   verbs and acts of states: ``said``, ``warned``, ``imposed``, ``denied`` ...; a bare base form such as
   ``offer`` only after an auxiliary). Never when the previous word is a preposition or ``and``/``or``
   (:data:`PLACE_PREPOSITIONS`: ``in Russia``, ``to China``, ``of the Holy See``), a capitalised word
   (``Air China``, ``New Mexico``) or a place before a comma (``Munich, Germany confirmed``); never for
   possessives that are not role nouns (``Russia's capital``), for country names that are also personal
   names (:data:`AMBIGUOUS_COUNTRY_NAMES`: Jordan, Chad, Georgia, Israel, America, Turkey), nor for
   country names after a copula (``Russia is``), ``has`` + noun, or other verbs (``gained``).
3. **Names.** A codebook name or alias resolves directly (``resolution`` ``name`` for the canonical
   name and its surname, ``alias`` otherwise; ``spelling`` ``variant`` for listed variants and for
   spellings matched by edit distance). A surname alone resolves only if the codebook lists it as an
   alias or the article also gives a fuller form (before or after it; titles and honorifics in front,
   ``President Trump``, ``Mr Johnson``, do not matter), and never when the article names a second person with
   that surname (``Hunter Biden`` beside ``Joe Biden``): then it is ``unresolved`` -- unless a title right
   before it is one that only the codebook person holds (``President Trump`` beside ``Melania Trump``). A
   capitalised word before a known surname is checked: an edit distance of at most one from a known first
   name makes the pair a spelling variant (``Anthony Blinken``); a word that is part of a title phrase
   (``Prime Minister Johnson``) or a sentence-initial word that is not a known first name and never
   capitalised mid-sentence (``Afterwards Trump``) is ignored; any other word makes a different,
   discovered person.
4. **Discovered names.** Capitalised tokens that the lexicon does not cover, joined by spaces and name
   particles (``of``, ``de``, ``van``, ``bin`` ...), are *discovered* candidates. At a sentence start
   (or after an opening quote) leading function words, months and days are dropped, and a single
   remaining word is a candidate only if it also appears capitalised mid-sentence elsewhere in the text
   (a sentence-initial ``-ing``/``-ly`` word before a name is dropped the same way: ``Enrolling``).
   Months, days, regions, religions, interjections and a few common capitalised nouns are never
   candidates, nor are hyphenated adjectives (``Russian-dominated``); lines in capitals or title case and
   runs of more than eight capitalised words are skipped. Initials and abbreviations stay inside a name
   (``Charles E. Exley Jr.``, ``Acme Inc.``, ``Exxon Corp.``), and a country name or adjective or
   ``General`` right before a name containing a company word (:data:`ORG_WORDS`) opens it (``American
   Motors Corp.``, ``British Airways``, ``General Motors``). A leading word that is not a given name is
   dropped before a surname known from elsewhere in the text or the codebook when it is an acronym
   (``MSNBC Cummings``) or a sentence-initial word written in lower case elsewhere or ending in -ly, -ward(s),
   -time (``Longtime Imus``). Multi-word person names that share a last word (before a ``Jr.``/``Sr.``/``III``)
   are grouped into persons: two forms are one person when they share a given name or one's words are a
   subsequence of the other's (``Bernie Sanders`` / ``Vermont Senator Bernie Sanders``; ``John Conyers`` /
   ``John James Conyers Jr.``). A discovered one-word name that is the last word of exactly one such person
   (before or after it) is that person (``Zinichev`` -> ``Yevgeny Zinichev``); the last word of two persons
   (``Tony Mendez``, ``Jonna Mendez``) is ``unresolved``. ``actor_id`` is empty for discovered names (they
   are not in the codebook); ``canonical_name`` is the person's most frequent full form (ties: fewest
   words, then the first).
5. **Titles.** ``president``, ``U.S. Secretary of State``, ``the former president``, ``whose chairman``
   ... are mentions of a person. A title resolves, in this order: (a) *apposition*: a name right after
   it (``The president, Kassym-Jomart Tokayev,``, ``Secretary of State Anthony Blinken``) or right
   before it (``Julie Payette, the Governor General of Canada``); (b) *history*: earlier resolved
   titles of the same kind (same head, including rank words such as ``deputy``; the later title's
   portfolio words a subset of the earlier one's; compatible country; same ``former``) point to exactly
   one actor; (c) *codebook*: holders of a matching role -- with ``date``, those in office on that date
   (``former``: those whose term ended before it); without ``date``, all holders (``former``: those
   with an ended term), kept only if the article itself names exactly one of them, or else if exactly
   one holder remains; a title without a country qualifier only considers holders named in the article
   or holders from the focal country; (d) *later apposition*: exactly one binding of that title later in
   the article (a title used before the name is known). Otherwise it stays ``unresolved``. Indefinite
   titles (``a spokesman``) and bare titles naming a position (``as president``, ``ran for governor``)
   resolve only by apposition.
6. **Pronouns.** ``he/him/his/himself`` and ``she/her/hers/herself`` look for person mentions (names,
   titles, discovered persons, earlier resolved pronouns) of a compatible gender: first earlier in the
   same sentence, else in the nearest of the three previous sentences that has one. Exactly one
   distinct compatible person resolves the pronoun; two or more, or an unidentified person (an
   unresolved title), leave it ``unresolved``. Inside a direct quotation, people named in the same
   sentence outside the quotation (usually its speaker) are not antecedents. ``they/them/their/themselves`` do the same over plural
   generic agents. Gender comes from the codebook, honorifics (``Mr``, ``Ms``), gendered titles
   (``spokeswoman``), a list of common first names, Slavic surname endings (``-ova``), and earlier
   resolved pronouns. ``it``, ``I`` and ``we`` are not mentions.

Limits
------
Country names are agents only in the narrow verb contexts of rule 2b: "Russia, which has warned ...",
"Russia's warning" and "it" after a country give no mention, and capitals as metonyms ("Moscow said")
are discovered candidates, not governments. A shared surname stays ``unresolved`` even when context
(``Mr Trump`` beside ``Melania Trump``) would settle it: only a title held by exactly one codebook person
does. A country adjective opens a company name only when the name has a company word (``American
Motors``, ``British Airways``); otherwise (``British Telecom`` if ``telecom`` were missing) the adjective
is cut off. Rebels, militants,
companies and experts are not in the codebook. Sentence splitting is a regex (abbreviations listed
below). Title case headlines, nested names (the ``UN`` in ``UN Secretary-General``) and plural
persons (``Biden and Putin ... they``) are not analysed. Discovered candidates include places and
organisations: they are candidates for a researcher, not actors. Pronoun resolution is deliberately
conservative: it prefers ``unresolved`` to a guess. Bare generic agents take the focal country even when
the text means foreign ones (CSTO *troops* in Kazakhstan are coded ``KAZ:military``).

Constructed cases (``tests/test_actors.py``): resolved -- a variant spelling of a codebook name, a title in
apposition before or after a name, a title named later in the article (*The prime minister resigned. ...
Prime Minister Jacinda Ardern said*), a title by date (*the Kazakh president* is Nazarbayev in 2018 and
Tokayev in 2022), *she* after a woman and a man, *they* after one plural group. Unresolved by design --
a surname shared by two people in the text (*Biden* after *Joe Biden* and *Hunter Biden*), *she* after
two women, *he* after two men, *they* after two groups, a title whose holder the text and codebook do not
settle (*The president spoke*; *the Kazakh president* without a date), a pronoun with no antecedent, a
surname shared by two discovered people (*Tony Mendez*, *Jonna Mendez*). Round 2 adds: surnames after title
phrases and before the full name (*Prime Minister Johnson*), sentence-initial adverbs (*Afterwards Trump*),
*President Trump* beside *Melania Trump*, merged forms of one discovered person (*Bernie Sanders*), initials
and suffixes (*Charles E. Exley Jr.*), company names (*American Motors Corp.*), countries as agents
(*Russia said*, *China has warned*) and as places (*in Russia*, *Air China said*, *Russia's capital*).

Speed (``benchmarks/bench_actors.py``, 1.07 million characters of Wikinews, one core): about 1.9 to 2.1
million characters per second calling :func:`find_mentions` per article, about 0.55 s for the megabyte,
about 25 times the cost of a plain ``re.finditer(r"\b[A-Z][a-z]+")`` scan of the same text in the same run.

>>> m = find_mentions("Kazakh authorities said police detained 8,000 people.")
>>> m[["mention", "actor_id", "resolution"]].values.tolist()
[['Kazakh authorities', 'KAZ:government', 'alias'], ['police', 'police', 'name']]
>>> find_mentions("Russia said troops in Russia would stay.")[["mention", "actor_id"]].values.tolist()
[['Russia', 'RUS:government'], ['troops', 'RUS:military']]
"""
from __future__ import annotations

import bisect
import csv
import functools
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers import paths, wordlists
from helpers.tables import Column, conform, empty_frame

CODEBOOK_VERSION = "1.0.0"
CODEBOOK_FILE = "actors.csv"

#: Actor types of the codebook ("foreign government" is assigned per article, see rule 2).
ACTOR_TYPES = (
    "head of state",
    "government",
    "security forces",
    "foreign government",
    "international organisation",
    "civil society",
    "media",
    "citizens",
)
#: Values of the ``resolution`` column.
RESOLUTIONS = ("name", "alias", "title", "pronoun", "discovered", "unresolved")

MENTIONS_SCHEMA = [
    Column("start", "int", "offset of the mention's first character in the article text"),
    Column("end", "int", "offset just after the mention's last character"),
    Column("mention", "str", "the mention as written (text[start:end])"),
    Column("actor_id", "str", "codebook actor id (ISO3:role for country-coded generic agents); empty for discovered names and unresolved mentions"),
    Column("canonical_name", "str", "canonical name of the actor (the longest form for discovered names); empty when unresolved"),
    Column("actor_type", "str", "actor type: head of state, government, security forces, foreign government, international organisation, civil society, media, citizens; empty if unknown"),
    Column("country", "str", "country of the actor, when known"),
    Column("resolution", "str", "how the mention was resolved: name, alias, title, pronoun, discovered or unresolved"),
    Column("spelling", "str", "for names and aliases: canonical or variant (the text's spelling differs from the codebook's); else empty"),
]
MENTIONS_TABLE_SCHEMA = [Column("article_id", "str", "article identifier")] + MENTIONS_SCHEMA

CANDIDATES_SCHEMA = [
    Column("candidate", "str", "discovered name (longest form) that the codebook does not know"),
    Column("mentions", "int", "number of mentions"),
    Column("articles", "int", "number of articles that mention it"),
    Column("first_article_id", "str", "first article (in sort order) that mentions it"),
    Column("first_start", "int", "offset of its first mention in that article"),
    Column("forms", "str", "distinct forms as written, ' | '-separated"),
]
ACTOR_COUNTS_SCHEMA = [
    Column("canonical_name", "str", "actor"),
    Column("actor_id", "str", "codebook id; empty for discovered names"),
    Column("actor_type", "str", "actor type (most frequent in the mentions)"),
    Column("mentions", "int", "number of resolved mentions"),
    Column("articles", "int", "number of articles that mention the actor"),
    Column("by_name", "int", "mentions by name or alias"),
    Column("by_title", "int", "mentions by title"),
    Column("by_pronoun", "int", "mentions by pronoun"),
    Column("discovered", "int", "mentions as a discovered name"),
]
COOCCURRENCE_SCHEMA = [
    Column("actor_a", "str", "canonical name of one actor (alphabetically first)"),
    Column("actor_b", "str", "canonical name of the other actor"),
    Column("sentences", "int", "number of sentences that mention both"),
    Column("articles", "int", "number of articles with at least one such sentence"),
]

# --------------------------------------------------------------------------------------------------
# Closed word classes (rules, not data about actors)
# --------------------------------------------------------------------------------------------------

FUNCTION_WORDS = frozenset(
    """a an the this that these those his her its their our my your some many most several all both each
    every no any other another such in on at by for from with without of to into onto after before during
    since until till while when whenever where whereas as although though if unless because but and or nor
    so yet also however meanwhile according among amid amidst despite following over under about above below
    against between through throughout within instead moreover furthermore still then now there here it he
    she they we i you what which who whom whose why how last next earlier later today yesterday tomorrow
    tonight once even only just not more less much few one two three four five six seven eight nine ten
    first second third finally thus hence therefore indeed perhaps maybe nevertheless nonetheless besides
    otherwise rather almost nearly around across along beyond upon via per unlike like near toward towards
    up down out off again already always never often sometimes soon recently currently previously
    initially eventually subsequently simultaneously additionally similarly likewise overall separately
    meantime elsewhere altogether everyone everybody nobody nothing something someone anyone everything
    yes oh please let do does did is are was were be been being has have had will would shall should can
    could may might must regarding concerning including excluding considering given per amongst whilst
    well yeah yep okay ok um uh ah oh thank thanks hello hi sure right i'm i've i'd i'll i’m i’ve i’d i’ll
    let's let’s""".split()
)
#: Leading words dropped from a discovered name ("Former Senator ..." is handled as a title).
_LEADING_FLAGS = frozenset("former ex then late acting interim outgoing incoming".split())
MONTHS = frozenset(
    """january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec""".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun".split())
#: Capitalised words that are not actors' names: regions, peoples, religions, and a few common nouns.
NON_NAMES = frozenset(
    """europe european asia asian africa african america americas latin caribbean arctic antarctic pacific
    atlantic indian middle east eastern west western north northern south southern central asian eurasia
    eurasian caucasus caucasian balkans balkan baltic baltics nordic scandinavian arab arabs gulf persian
    mediterranean sahara sahel levant siberia siberian kurdish kurd kurds muslim muslims christian christians
    jewish jews islamic islam catholic catholics orthodox protestant sunni shia shiite shiites hindu buddhist
    god internet web covid coronavirus english ok tv gmt utc am pm ad bc ce bce image photo video file
    i mr mrs ms dr st""".split()
)
#: First or last words that make a capitalised name an organisation or a place, not a person.
ORG_WORDS = frozenset(
    """committee service services party ministry university bank council court agency association organization
    organisation union company corp corporation inc ltd llc plc group institute department office commission
    parliament assembly front movement army forces force police guard news times post press network radio
    television channel foundation fund federation church school college hospital airlines airport airways
    club league team board authority bureau administration government republic kingdom state states center
    centre museum house senate congress society trust alliance coalition brigade battalion regiment division
    fleet command exchange market markets index fc inc. co co. ag sa nv gmbh holdings energy oil gas motors
    industries international national federal express motor airline railway railways steel electric
    chemical chemicals pharmaceutical pharmaceuticals telecom telecommunications insurance petroleum mining
    shipping foods products systems technologies bancorp securities investments partners cos bros""".split()
)
#: Generational suffixes after a surname ("Charles E. Exley Jr."): the surname is the word before them.
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
PLACE_WORDS = frozenset(
    """new san los las santa st saint port fort mount mt lake river sea ocean island islands bay gulf city
    province region district county street square avenue road valley north south east west northern southern
    eastern western upper lower greater central""".split()
)
#: Honorifics and titles used only before a name: they mark a person (and maybe a gender), not a mention.
HONORIFICS = {
    "Mr": "m", "Mr.": "m", "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Miss": "f", "Mx": "", "Mx.": "",
    "Sir": "m", "Dame": "f", "Lord": "m", "Lady": "f", "Madam": "f", "Dr": "", "Dr.": "", "Prof.": "",
    "Professor": "", "General": "", "Gen.": "", "Lt.": "", "Lieutenant": "", "Colonel": "", "Col.": "",
    "Major": "", "Maj.": "", "Captain": "", "Capt.": "", "Sergeant": "", "Sgt.": "", "Admiral": "",
    "Adm.": "", "Judge": "", "Justice": "", "Sen.": "", "Rep.": "", "Gov.": "", "Pres.": "", "Rev.": "",
    "Reverend": "", "Father": "m", "Archbishop": "m", "Bishop": "m", "Cardinal": "m", "Ayatollah": "m",
    "Sheikh": "m", "Imam": "m", "Rabbi": "", "Marshal": "",
}
#: Title heads (a mention of a person) and the gender they imply.
TITLE_HEADS = {
    "president": "", "vice president": "", "vice-president": "", "prime minister": "", "premier": "",
    "chancellor": "", "minister": "", "secretary": "", "secretary of state": "", "secretary-general": "",
    "secretary general": "", "general secretary": "", "press secretary": "", "foreign secretary": "",
    "home secretary": "", "spokesman": "m", "spokeswoman": "f", "spokesperson": "", "ambassador": "",
    "envoy": "", "governor": "", "governor general": "", "governor-general": "", "mayor": "", "senator": "",
    "congressman": "m", "congresswoman": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
    "crown prince": "m", "emperor": "m", "empress": "f", "pope": "m", "sultan": "m", "emir": "m",
    "chairman": "", "chairwoman": "f", "chairperson": "", "speaker": "", "chief executive": "",
    "director": "", "director-general": "", "director general": "", "commissioner": "",
    "high commissioner": "", "high representative": "", "attorney general": "", "attorney-general": "",
    "prosecutor general": "", "chief justice": "", "head of state": "", "leader": "", "commander": "",
    "chief": "", "chief of staff": "", "ombudsman": "", "judge": "", "prosecutor": "",
    "foreign policy chief": "", "member of parliament": "",
}
#: Title heads written in capitals.
TITLE_ACRONYMS = {"CEO": "chief executive", "MP": "member of parliament"}
#: Words before a title head that change who is meant (part of the title's key).
RANK_WORDS = frozenset("deputy vice assistant under associate first".split())
#: Words that only qualify a title (flags, not identity).
TITLE_FLAGS = {"former": "former", "ex": "former", "ex-": "former", "then": "former", "then-": "former",
               "acting": "", "interim": "", "outgoing": "", "incoming": "", "new": "", "current": "",
               "newly": "", "late": "former", "sitting": "", "top": "", "senior": "", "chief": ""}
#: Lower-case portfolio and qualifier words allowed in titles ("foreign minister", "chairman of the Security Council").
DEPT_WORDS = frozenset(
    """foreign interior internal home defence defense finance financial health justice education economy
    economic economics trade energy agriculture environment environmental culture labour labor transport
    emergency emergencies situations digital information industry commerce treasury security national
    development tourism sports science social public communications infrastructure housing immigration
    migration water oil petroleum presidential kremlin government state regional provincial federal local
    municipal city party opposition police army military intelligence council committee senate assembly
    parliament commission board directors central bank human rights affairs relations general policy
    supreme armed forces executive administration media press european united nations security-council
    nuclear climate women family children youth""".split()
)
#: Lower-case words allowed between a country adjective and a role noun ("Kazakh local police").
ROLE_MODIFIERS = frozenset(
    """local national state federal regional provincial municipal city peaceful armed unarmed anti-government
    pro-government foreign western senior top security health election intelligence border traffic riot
    elite special interior defence defense justice finance trade economic ordinary many thousands hundreds
    young angry striking""".split()
)
PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
}
#: Words that show a role noun is the subject ("police detained"), not a modifier ("police stations").
VERBISH = frozenset(
    """say said tell told have had are were be been will would can could should may might must did do
    does also later then now still already reportedly allegedly say use used fire fired arrest detain clash
    block gather march demand call chant throw attack storm seize burn set take took try claim deny accuse
    warn urge want need plan continue remain refuse agree reject believe hope expect fear face report confirm
    announce kill open shoot shot fight fought raid search patrol deploy withdraw return leave left flee fled
    protest demonstrate rally disperse beat injure wound respond react made make gave give sent send began
    begin won win lost lose held hold kept keep met meet put ran run saw see spoke speak went go came come
    got get let cut hit sought seek brought bring thought think led lead insist argue admit blame stormed
    resign resigned quit step stepped who which that whose whom""".split()
)
#: Third-person singular verbs after a singular role noun ("the government says"), not plural nouns.
VERBISH_S = frozenset(
    """says has is was does plans wants needs claims denies insists warns accuses faces remains seems appears
    continues refuses agrees expects hopes believes announces confirms reports tells calls argues admits
    blames rejects urges fears holds keeps makes gives sends takes uses runs sees goes comes gets leads
    seeks brings thinks stands controls declares promises vows""".split()
)
#: Words before a bare title that make it a position, not a person ("as president", "ran for governor").
PREDICATIVE_CUES = frozenset(
    """as for become became becomes becoming elected named appointed was is were be being remain remains
    remained serve serves served serving nominated""".split()
)
#: Abbreviations after which a full stop does not end a sentence: the project's one list
#: (src/helpers/data/abbreviations.txt, via helpers.wordlists).
ABBREVIATIONS = wordlists.abbreviations()

_FIRST_M = """aaron abdul abdullah adam ahmad ahmed ahmet aidos akhmed alan albert alberto alejandro alex alexander
alexandr alexei alexey alexandre aleksandr aleksei ali alikhan almaz amir amit anatoly anders andre andrei andres
andrew andrey andriy andy anthony antonio antony anwar armen arman arseniy arthur artem artyom arvind asad ashraf
askar austin azamat bakytzhan barack bashar ben benjamin bill billy bob bobby bolat boris brandon brian bruce
bruno bryan carl carlos charles chris christian christopher chuck cyril dan daniel daniyar dauren david denis
dennis diego dmitri dmitriy dmitry dmytro dominic donald douglas dylan ebrahim edward emmanuel emmerson emomali
eric erik erlan ethan eugene evgeny evo fabio faisal fernando francisco francois frank fred friedrich fyodor
gabriel gary gennady george gerald gerhard giorgi giorgio giuseppe gordon gregory grigory gustavo hamad hamid
hans harold harry hassan heiko helmut henry hiroshi horst howard hugo hunter hussein ibrahim igor ilham ilya
imran isaac ivan jack jacob jacques jair jake jakob james jason javad javier jean-claude jeffrey jens jeremy
jerome jerry jesse jim joe joel john jonathan jordi jorge jose joseph josep joshua juan jurgen justin kamal
karim keir keith kenji kenneth kevin khalid kirill klaus konstantin kurt kyle lars larry laurent lawrence leonid
levon liam lloyd logan louis luigi luis luiz malcolm mahmoud manuel marat marc marco mario mark markus martin
mason mathieu matteo matthew mauricio max maxim maksim mehmet michael michel miguel mike mikhail mikheil
mohamed mohammad mohammed muhammad muhammadu mukhtar mustafa mykola naftali narendra nathan nawaz ned nicholas
nick nicolas nikita nikol nikolai nikolay nils noah nurlan nursultan oleg oleksandr oleksiy olaf oliver olivier
omar pablo patrick paul pavel pedro pete peter petro philip philippe pierre pyotr rafael rahul raj rajesh ralph
ramzan randy raymond recep reza richard rick rishi robert roger roman ron ronald roy ruslan russell ryan sadyr
salman sam samuel sanjay scott sean sebastian serge sergei sergey sergio serik serzh shavkat shinzo silvio
stanislav stefan stephen steve steven sven taro ted terry thierry thomas tigran timothy timur tom tony tariq
tyler uhuru vadim valery vasily viktor victor vincent vitali vitaly vladimir volodymyr vyacheslav walter wang
wayne william willie wolfgang xavier yair yerlan yevgeny yoshihide youssef yoweri yuri yury yusuf zachary zurab""".split()
_FIRST_F = """abigail aigerim ainur aisha aliya alice alexandra amanda amber amina amy ana anastasia andrea angela
angelina ann anna annalena anne ashley asel ayesha barbara benazir betty beverly brenda brittany carol caroline
carolyn carrie catherine charlotte cheryl christina christine claudia condoleezza cristina cynthia daria dariga
deborah debra denise diana diane dilma dinara donna doris dorothy ekaterina elena elizabeth ellen emily emma
erna evelyn fatima federica frances galina gloria grace greta gulnara hannah hasina heather helen hillary
indira ingrid irina isabella jacinda jacqueline janet janice jennifer jen jessica jill joan joyce judith judy
julia julie kamala karen katherine kathleen kathryn kaja kayla kelly kimberly kristalina kristi laura lauren
layla leila linda lindiwe lisa liz ludmila lyudmila madeleine madison magdalena maia malala margaret maria
mariam marie marilyn marina marine martha maryam mary megan melissa mette mia michelle natalia natalie natalya
nadezhda nancy natasha nicola nicole nikki noor nour oksana olga olivia pamela patricia penny priti priyanka
rachel rebecca rose ruth saule salome samantha samia sandra sanna sara sarah segolene sharon shirley simonetta
sonia sophia stephanie susan svetlana tatiana tatyana teresa theresa ursula valentina veronica veronika
victoria virginia winnie xiomara yekaterina yelena yulia zainab zhanna zuzana""".split()
FIRST_NAMES = {**{n: "m" for n in _FIRST_M}, **{n: "f" for n in _FIRST_F}}

# --------------------------------------------------------------------------------------------------
# Character classes and the regexes that do not depend on the codebook
# --------------------------------------------------------------------------------------------------


def _upper_class() -> str:
    chars = [chr(c) for c in list(range(0x41, 0x250)) + list(range(0x391, 0x3AA)) + list(range(0x400, 0x430))]
    ups = [c for c in chars if c.isupper() and c.isalpha()]
    return "".join(re.escape(c) for c in ups)


_UP = "[" + _upper_class() + "]"
_CAP_TOKEN = re.compile(
    r"(?<![\w\-.])(?:"
    + r"(?:" + _UP + r"\.){2,}"  # U.S. / U.N.
    + r"|(?:al|el|ad|as|ash|at|az|bin|ibn|ul)-" + _UP + r"\w*"  # al-Assad
    + r"|" + _UP + r"\.(?=\s" + _UP + r")"  # initial J. (before the word rule, so the stop stays in the name)
    + r"|(?:Jr|Sr|Co|Inc|Corp|Ltd|Bros|Plc|Cos)\.(?!\w)"  # Exley Jr., Acme Inc.
    + r"|" + _UP + r"\w*(?:-\w+|['’](?![sS]\b)\w+)*"  # Kassym-Jomart, O'Brien (not possessive 's)
    + r")"
)
_CONNECTORS = frozenset(
    " of | of the | de | del | della | di | da | do | dos | das | du | van | von | der | den | van der | von der "
    "| ter | bin | ibn | la | le | y ".split("|")
)
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[\w])|\n")
_PREV_WORD = re.compile(r"(\S+)[ ]+$")
_NEXT_WORD = re.compile(r"[ ]+(\S+)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_WORD_START_SKIP = re.compile(r"[\s\"“‘'(\[\-–—*•]*")


# --------------------------------------------------------------------------------------------------
# Codebook and lexicon
# --------------------------------------------------------------------------------------------------


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split(";") if p.strip()]


@functools.lru_cache(maxsize=1)
def _codebook_rows() -> tuple[dict, ...]:
    path = paths.PACKAGE_DATA / CODEBOOK_FILE
    with open(path, newline="", encoding="utf-8") as fh:
        rows = tuple(csv.DictReader(fh))
    versions = {r["codebook_version"] for r in rows}
    if versions != {CODEBOOK_VERSION}:
        raise RuntimeError(f"{path}: codebook_version {sorted(versions)} != module CODEBOOK_VERSION {CODEBOOK_VERSION}")
    return rows


def load_codebook() -> pd.DataFrame:
    """The actor codebook as a table (one row per actor, columns as in ``README_actors.md``).

    >>> cb = load_codebook()
    >>> cb.set_index("actor_id").loc["blinken", ["canonical_name", "country"]].tolist()
    ['Antony Blinken', 'USA']
    """
    return pd.DataFrame(list(_codebook_rows())).astype(str)


@dataclass(frozen=True)
class _Actor:
    actor_id: str
    kind: str
    name: str
    type: str
    country: str  # ISO3 or ""
    gender: str
    first_names: frozenset = frozenset()


@dataclass(frozen=True)
class _Role:  # a held title
    actor_id: str
    head: str
    mods: frozenset
    where: str
    start: str
    end: str


@dataclass
class _Lexicon:
    regex: re.Pattern
    entries: dict  # surface -> tuple of entries
    actors: dict  # actor_id -> _Actor
    countries: dict  # ISO3 -> name
    roles_by_head: dict  # head -> list[_Role]
    surname_index: dict  # surname -> list of actor ids
    fuzzy_index: dict  # first two letters (lower) -> list of (form, actor_id)
    role_rows: dict  # role_id -> dict(canonical, type, inherits, plural nouns)


def _case_variants(phrase: str) -> list[str]:
    low = phrase.lower() if not any(c.isupper() for c in phrase[1:]) else phrase
    out = {low, low[:1].upper() + low[1:]}
    small = {"of", "the", "and", "for"}
    out.add(" ".join(w if w in small else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                     for w in low.split(" ")))
    return sorted(out)


def _title_key(words: list[str]) -> tuple[str, frozenset]:
    """(head, modifiers) of a lower-case title phrase such as ``minister of foreign affairs``."""
    text = " ".join(words)
    best = ""
    for head in TITLE_HEADS:
        if re.search(r"(?:^| )" + re.escape(head) + r"(?= |$)", text) and len(head) > len(best):
            best = head
    if not best:
        return text, frozenset()
    i = text.find(best)
    before = text[:i].split()
    after = text[i + len(best):].split()
    rank = []
    while before and before[-1] in RANK_WORDS:
        rank.insert(0, before.pop())
    head = " ".join(rank + [best])
    mods = frozenset(w for w in before + after if w not in {"of", "the", "and", "for", "affairs"})
    return head, mods


def _trie_pattern(words: list[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        keys = sorted(k for k in node if k)
        end = "" in node
        if not keys:
            return ""
        alts = [re.escape(k) + build(node[k]) for k in keys]
        if all(len(a) == len(re.escape(k)) for a, k in zip(alts, keys)) and len(keys) > 1 and all(len(k) == 1 for k in keys):
            body = "[" + "".join(re.escape(k) for k in keys) + "]"
        elif len(alts) == 1:
            body = alts[0]
            if end:
                return "(?:" + body + ")?"
            return body
        else:
            body = "(?:" + "|".join(alts) + ")"
        return body + ("?" if end else "")

    return build(trie)


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    rows = _codebook_rows()
    entries: dict[str, list] = {}

    def put(surface: str, entry: tuple) -> None:
        if surface:
            lst = entries.setdefault(surface, [])
            if entry not in lst:
                lst.append(entry)

    actors: dict[str, _Actor] = {}
    countries: dict[str, str] = {}
    roles_by_head: dict[str, list] = {}
    surname_index: dict[str, list] = {}
    fuzzy_index: dict[str, list] = {}
    role_rows: dict[str, dict] = {}

    for r in rows:
        aid, kind, name = r["actor_id"], r["kind"], r["canonical_name"]
        aliases, variants = _split(r["aliases"]), _split(r["variants"])
        if kind == "country":
            countries[aid] = name
            for s in [name] + aliases:
                put(s, ("country", aid, "name"))
            for s in _split(r["adjectives"]):
                put(s, ("country", aid, "adj"))
                low = s.lower()
                if not low.endswith(("s", "sh", "ch", "ese", "x", "z")) and "." not in s and not s.isupper():
                    put(s + "s", ("people", aid))
            continue
        if kind == "role":
            nouns = [name] + aliases
            role_rows[aid] = {"canonical": name, "type": r["actor_type"], "inherits": r["inherits_country"] == "yes"}
            for noun in nouns:
                plural = noun.endswith("s") and not noun.endswith("ss") or noun in {"police", "the police", "media", "the public"}
                form = "name" if noun == name else "alias"
                for s in _case_variants(noun) if not noun.isupper() else [noun]:
                    put(s, ("role", aid, form, plural))
            actors[aid] = _Actor(aid, kind, name, r["actor_type"], "", "")
            continue
        # persons, organisations, groups
        firsts = set()
        for full in [name] + aliases + variants:
            toks = full.split()
            if kind == "person" and len(toks) >= 2:
                firsts.add(toks[0].lower())
        actors[aid] = _Actor(aid, kind, name, r["actor_type"], r["country"], r["gender"], frozenset(firsts))
        put(name, ("actor", aid, "name", False, False))
        surname = ""
        if kind == "person":
            toks = name.split()
            surname = toks[-1] if len(toks) >= 2 else ""
        listed = set(aliases) | set(variants)
        if surname and surname not in listed:
            put(surname, ("actor", aid, "name", True, False))  # surname, not safe alone
        for s in aliases:
            is_surname = kind == "person" and len(s.split()) == 1
            form = "name" if s == surname else "alias"
            put(s, ("actor", aid, form, is_surname, True))
        for s in variants:
            is_surname = kind == "person" and len(s.split()) == 1
            put(s, ("actor", aid, "variant", is_surname, True))
        if kind == "person":
            for s in [name] + aliases + variants:
                last = s.split()[-1]
                if len(s.split()) >= 1 and last[:1].isupper():
                    lst = surname_index.setdefault(last, [])
                    if aid not in lst:
                        lst.append(aid)
                    if len(last) >= 6:
                        fz = fuzzy_index.setdefault(last[:2].lower(), [])
                        if (last, aid) not in fz:
                            fz.append((last, aid))
        for spec in _split(r["roles"]):
            m = re.match(r"(?P<titles>[^@]+)@(?P<where>[^:]*):(?P<start>[\d-]*)\.\.(?P<end>[\d-]*)$", spec)
            if not m:
                raise RuntimeError(f"codebook: bad role {spec!r} for {aid}")
            for title in m["titles"].split("|"):
                head, mods = _title_key(title.strip().lower().split())
                roles_by_head.setdefault(head, []).append(
                    _Role(aid, head, mods, m["where"], m["start"], m["end"]))
                for s in _case_variants(title.strip()):
                    if head not in TITLE_HEADS:
                        put(s, ("title", head, ""))

    for head, gender in TITLE_HEADS.items():
        for s in _case_variants(head):
            put(s, ("title", head, gender))
    for s, head in TITLE_ACRONYMS.items():
        put(s, ("title", head, TITLE_HEADS[head]))
    for word, gender in HONORIFICS.items():
        put(word, ("honorific", gender))
    for word, group in PRONOUNS.items():
        for s in (word, word.capitalize()):
            put(s, ("pronoun", group))

    # a country's name is never its people ("Philippines")
    for surface, lst in entries.items():
        if any(e[0] == "country" and e[2] == "name" for e in lst):
            lst[:] = [e for e in lst if e[0] != "people"]
    # priority when one surface has several entries
    order = {"actor": 0, "role": 1, "title": 2, "people": 3, "country": 4, "pronoun": 5, "honorific": 6}
    final = {s: tuple(sorted(lst, key=lambda e: order[e[0]])) for s, lst in entries.items()}
    pattern = r"(?<![\w\-])(?:" + _trie_pattern(sorted(final)) + r")(?![\w\-])"
    regex = re.compile(pattern)
    return _Lexicon(regex, final, actors, countries, roles_by_head, surname_index, fuzzy_index, role_rows)


# --------------------------------------------------------------------------------------------------
# Text structure: sentences, sentence-initial positions, lines to skip
# --------------------------------------------------------------------------------------------------

_PREV_ABBREV = re.compile(r"([\w.]+)$")
_QUOTE_INITIAL = re.compile(r"(?:^|(?<=\s))[\"“‘'(\[]+(?=\w)")
_LINE = re.compile(r"[^\n]+")


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENT_END.finditer(text):
        if text[m.start()] == ".":
            w = _PREV_ABBREV.search(text, max(0, m.start() - 12), m.start())
            if w:
                word = w.group(1)
                if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    continue
        if m.end() > starts[-1]:
            starts.append(m.end())
    return starts


def _initial_positions(text: str, starts: list[int]) -> set[int]:
    out = set()
    for s in starts:
        m = _WORD_START_SKIP.match(text, s, s + 12)  # bounded: runs of blank lines cost nothing
        out.add(m.end() if m else s)
    for m in _QUOTE_INITIAL.finditer(text):
        out.add(m.end())
    return out


def _skipped_lines(text: str) -> list[tuple[int, int]]:
    """Lines in capitals or title case: no discovery there (headlines, bylines)."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        if len(line) > 200:
            continue
        words = line.split()
        if len(words) < 3:
            continue
        if not any(c.islower() for c in line):
            out.append((m.start(), m.end()))
            continue
        caps = sum(1 for w in words if w[:1].isupper() or w.lower() in {"of", "the", "and", "in", "a", "to", "for", "on", "at"})
        if len(words) >= 4 and caps == len(words):
            out.append((m.start(), m.end()))
    return out


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


# --------------------------------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------------------------------


@dataclass
class _M:
    start: int
    end: int
    kind: str  # name | role | title | pronoun | cand
    ids: tuple = ()  # name: candidate actor ids
    form: str = ""  # name/alias/variant; role: name/alias
    surname: bool = False
    role_id: str = ""
    qual: str = ""
    plural: bool = False
    head: str = ""
    mods: frozenset = frozenset()
    former: bool = False
    indefinite: bool = False
    gender: str = ""
    group: str = ""
    person: bool = False
    name: str = ""  # cand: the name as written (normalised spaces)
    # results
    key: str = ""
    actor_id: str = ""
    canonical: str = ""
    type: str = ""
    country: str = ""
    resolution: str = "unresolved"
    spelling: str = ""
    sent: int = 0
    extra: dict = field(default_factory=dict)


_MINISTRY_WORDS = DEPT_WORDS | ROLE_MODIFIERS
_OF_RIGHT = re.compile(r"[ ](?:of|for)[ ](?:the[ ])?")
_DEPT_SEQ = re.compile(
    r"(?:(?:" + "|".join(sorted({w.capitalize() for w in DEPT_WORDS} | set(DEPT_WORDS), key=len, reverse=True)) + r")(?:[ ]and[ ]|[ ]|(?=\W|$)))+"
)
_APPOS_BEFORE = re.compile(r",\s+(?:(?:then|now|currently|formerly|who is|who was)\s+)?(?:(?:an?)\s+)?\Z")
_SLAVIC_F = re.compile(r"(?:ova|eva|yova|ayeva|skaya|tskaya|ina)\Z")
_SLAVIC_M = re.compile(r"(?:ov|ev|yev|sky|skiy|skyi)\Z")


def _focal_country(hits, lex) -> str:
    counts: dict[str, int] = {}
    for s, e, surface in hits:
        ent = lex.entries[surface][0]
        if ent[0] in ("country", "people"):
            counts[ent[1]] = counts.get(ent[1], 0) + 1
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return ""


def _hit_qualifier(ent, lex) -> str:
    """Country code or organisation id that a hit contributes as a qualifier, or ''."""
    if ent[0] == "country":
        return ent[1]
    if ent[0] == "actor":
        a = lex.actors[ent[1]]
        if a.kind == "organisation":
            return a.actor_id
        if a.kind == "group":
            return a.country
    return ""


def _left_context(text, s, hits, hit_by_end, consumed, lex, mode, initial):
    """Walk left from ``s`` over modifiers. Returns (start, info dict)."""
    info = {"det": False, "indef": False, "former": False, "qual": "", "mods": [], "rank": [], "consumed": []}
    new_start = s
    pos = s
    steps = 0
    while steps < 6:
        steps += 1
        m = _PREV_WORD.search(text, max(0, pos - 50), pos)
        if not m:
            break
        word, ws, we = m.group(1), m.start(1), m.end(1)
        base = word
        j = hit_by_end.get(we)
        if j is None and (word.endswith("'s") or word.endswith("’s")):
            base = word[:-2]
            j = hit_by_end.get(we - 2)
        if j is not None and j not in consumed:
            hs = hits[j][0]
            ent = lex.entries[hits[j][2]][0]
            qual = _hit_qualifier(ent, lex)
            if qual:
                if not info["qual"]:
                    info["qual"] = qual
                info["consumed"].append(j)
                new_start = pos = hs
                continue
            if mode == "title" and ent[0] == "role":
                info["mods"].append(hits[j][2].lower())
                info["consumed"].append(j)
                new_start = pos = hs
                continue
            if ent[0] == "people" and mode == "role":
                break
            if ent[0] not in ("title",) or mode != "title":
                break
        if not (ws == 0 or not (text[ws - 1].isalnum())):
            break
        if j is None and word[-1] in ".,;:!?\"”)]’'":
            break
        low = base.lower()
        if low == "the":
            info["det"] = True
            new_start = ws
            break
        if low in ("a", "an"):
            info["indef"] = True
            break
        if mode == "title":
            flag = TITLE_FLAGS.get(low.rstrip("-"))
            if flag is not None and not (word[:1].isupper() and ws not in initial and low in ("new",)):
                if flag == "former":
                    info["former"] = True
                new_start = pos = ws
                continue
            if low in RANK_WORDS:
                info["rank"].insert(0, low)
                new_start = pos = ws
                continue
            if low in DEPT_WORDS:
                info["mods"].append(low)
                new_start = pos = ws
                continue
            if (word[:1].isupper() and low not in FUNCTION_WORDS and low not in MONTHS and low not in DAYS
                    and not (ws in initial and j is None and low in TITLE_FLAGS)):
                if j is not None:
                    break
                info["mods"].append(low)
                new_start = pos = ws
                continue
            break
        else:
            if low in ROLE_MODIFIERS or (mode == "ministry" and low in DEPT_WORDS):
                new_start = pos = ws
                continue
            break
    return new_start, info


def _title_right(text, e, hits, hit_by_start, consumed, lex):
    """Extend a title over ``of Kazakhstan`` / ``of Foreign Affairs``. Returns (end, qual, mods, consumed)."""
    m = _OF_RIGHT.match(text, e)
    if not m:
        return e, "", [], []
    p = m.end()
    j = hit_by_start.get(p)
    if j is not None and j not in consumed:
        ent = lex.entries[hits[j][2]][0]
        qual = _hit_qualifier(ent, lex)
        if qual:
            return hits[j][1], qual, [], [j]
    d = _DEPT_SEQ.match(text, p)
    if d and d.group().strip():
        words = d.group().strip()
        if words.endswith(" and"):
            words = words[:-4]
        end = p + len(words)
        if end < len(text) and (text[end].isalnum()):
            return e, "", [], []
        mods = [w.lower() for w in words.split() if w.lower() not in ("and",)]
        cons = []
        k = bisect.bisect_left(hits, (p,))
        while k < len(hits) and hits[k][0] < end:
            if k not in consumed:
                cons.append(k)
            k += 1
        return end, "", mods, cons
    return e, "", [], []


def _find(text: str, date: str | None) -> list[_M]:
    lex = _lexicon()
    hits = [(m.start(), m.end(), m.group()) for m in lex.regex.finditer(text)]
    hit_by_start = {h[0]: i for i, h in enumerate(hits)}
    hit_by_end = {h[1]: i for i, h in enumerate(hits)}
    starts = _sentence_starts(text)
    initial = _initial_positions(text, starts)
    focal = _focal_country(hits, lex)
    consumed: set[int] = set()
    uncover: set[int] = set()  # hits whose tokens become discovery candidates
    mentions: list[_M] = []
    honorific_at: dict[int, str] = {}  # position of the next word -> gender

    # ---- titles
    for i, (s, e, surface) in enumerate(hits):
        ents = lex.entries[surface]
        ent = ents[0]
        if ent[0] == "honorific":
            n = _NEXT_WORD.match(text, e)
            if n and n.group(1)[:1].isupper():
                honorific_at[n.start(1)] = ent[1]
            consumed.add(i)
            continue
        if ent[0] != "title" or i in consumed:
            continue
        start, info = _left_context(text, s, hits, hit_by_end, consumed, lex, "title", initial)
        end, rqual, rmods, rcons = _title_right(text, e, hits, hit_by_start, consumed, lex)
        consumed.update(info["consumed"])
        consumed.update(rcons)
        consumed.add(i)
        head = ent[1]
        if info["rank"]:
            head = " ".join(info["rank"] + [head])
        mods = frozenset(w for w in info["mods"] + rmods if w not in ("of", "the", "and", "for", "affairs"))
        predicative = False
        if not info["det"] and start == s:
            pw = _PREV_WORD.search(text, max(0, s - 30), s)
            predicative = bool(pw and pw.group(1).lower() in PREDICATIVE_CUES)
        mentions.append(_M(start, end, "title", head=head, mods=mods, qual=info["qual"] or rqual,
                           former=info["former"], indefinite=info["indef"] or predicative, gender=ent[2],
                           person=True))

    # ---- generic agents (role nouns), merged when adjacent: "government officials"
    i = 0
    n_hits = len(hits)
    while i < n_hits:
        s, e, surface = hits[i]
        ent = lex.entries[surface][0]
        if i in consumed or ent[0] not in ("role", "people"):
            i += 1
            continue
        last = i
        while last + 1 < n_hits and hits[last + 1][0] == hits[last][1] + 1 and text[hits[last][1]] == " " \
                and lex.entries[hits[last + 1][2]][0][0] == "role" and (last + 1) not in consumed:
            last += 1
        hs, he, hsurface = hits[last]
        hent = lex.entries[hsurface][0]
        # a capitalised role noun inside a proper name ("National Police", "Police Department")
        if surface[:1].isupper() and ent[0] == "role" and last == i:
            prev = _PREV_WORD.search(text, max(0, s - 40), s)
            nxt = _NEXT_WORD.match(text, e)
            inside = False
            if prev and prev.end(1) + 1 == s and prev.group(1)[:1].isupper() and prev.start(1) not in initial \
                    and hit_by_end.get(prev.end(1)) is None and prev.group(1).lower() not in FUNCTION_WORDS \
                    and not (hent[1] == "government" and prev.group(1).lower() in _MINISTRY_WORDS):
                inside = True
            if nxt and nxt.start(1) == e + 1 and nxt.group(1)[:1].isupper() and hit_by_start.get(nxt.start(1)) is None \
                    and nxt.group(1).lower().strip(".,;:") not in FUNCTION_WORDS:
                inside = True
            if inside:
                uncover.add(i)
                consumed.add(i)
                i += 1
                continue
        if hent[0] == "role" and _modifier_use(text, he, hent[3]):
            consumed.update(range(i, last + 1))
            i = last + 1
            continue
        start, info = _left_context(text, s, hits, hit_by_end, consumed, lex,
                                    "ministry" if surface.lower().startswith("minist") else "role", initial)
        end = he
        qual = info["qual"]
        rc = []
        m = _OF_RIGHT.match(text, he)
        if m and not qual:
            j = hit_by_start.get(m.end())
            if j is not None and j not in consumed:
                q = _hit_qualifier(lex.entries[hits[j][2]][0], lex)
                if q:
                    qual, end, rc = q, hits[j][1], [j]
        consumed.update(info["consumed"])
        consumed.update(rc)
        consumed.update(range(i, last + 1))
        if hent[0] == "people":
            mentions.append(_M(start, end, "role", role_id="citizens", qual=hent[1], plural=True, form="alias"))
        else:
            mentions.append(_M(start, end, "role", role_id=hent[1], qual=qual, plural=hent[3], form=hent[2]))
        i = last + 1

    # ---- names (codebook) and pronouns
    full_ids = set()
    for s, e, surface in hits:
        for ent in lex.entries[surface]:
            if ent[0] == "actor" and not ent[3]:
                full_ids.add(ent[1])
    cap_spans = [(m.start(), m.end()) for m in _CAP_TOKEN.finditer(text)]
    cap_by_end = {ce: k for k, (cs, ce) in enumerate(cap_spans)}

    @functools.lru_cache(maxsize=1)
    def mid_cap_words() -> frozenset:  # capitalised words seen mid-sentence (computed once, on demand)
        return frozenset(text[cs:ce] for cs, ce in cap_spans if cs not in initial)

    conflict_surnames: set[str] = set()
    for i, (s, e, surface) in enumerate(hits):
        if i in consumed:
            continue
        ents = lex.entries[surface]
        ent = ents[0]
        if ent[0] == "pronoun":
            mentions.append(_M(s, e, "pronoun", group=ent[1]))
            consumed.add(i)
            continue
        if ent[0] == "country":
            if ent[2] == "name" and _country_agent(text, s, e, surface, initial):
                mentions.append(_M(s, e, "role", role_id="government", qual=ent[1], form="name"))
                consumed.add(i)
            continue
        if ent[0] != "actor":
            continue
        acts = [x for x in ents if x[0] == "actor"]
        usable = [x for x in acts if not x[3] or x[4] or x[1] in full_ids]
        if not usable:
            uncover.add(i)
            consumed.add(i)
            continue
        m_start, form, surname = s, usable[0][2], all(x[3] for x in usable)
        if surname and len(usable) == 1:
            # a capitalised word right before a surname: the same person misspelt, or another person
            k = cap_by_end.get(s - 1)
            if k is not None and text[s - 1] == " ":
                cs, ce = cap_spans[k]
                tok = text[cs:ce]
                low = tok.lower()
                if (hit_by_start.get(cs) is None and hit_by_end.get(ce) is None
                        and low not in FUNCTION_WORDS and low not in MONTHS and low not in DAYS
                        and low not in NON_NAMES and low not in TITLE_FLAGS and not tok.isupper()
                        and not (cs in initial and low not in FIRST_NAMES and tok not in mid_cap_words())):
                    actor = lex.actors[usable[0][1]]
                    if any(_edit_distance(low, f, 1) <= 1 and low[:1] == f[:1] for f in actor.first_names):
                        m_start, form, surname = cs, "variant", False
                    else:
                        conflict_surnames.add(surface)
                        uncover.add(i)
                        consumed.add(i)
                        continue
        mentions.append(_M(m_start, e, "name", ids=tuple(dict.fromkeys(x[1] for x in usable)), form=form, surname=surname,
                           name=surface))
        consumed.add(i)

    # ---- discovered candidates: capitalised tokens not covered by the lexicon
    cover = sorted([(m.start, m.end) for m in mentions] + [(hits[i][0], hits[i][1]) for i in range(n_hits) if i not in uncover])
    skipped = _skipped_lines(text)
    tokens = []  # (start, end, covered)
    ci = 0
    for cs, ce in cap_spans:
        while ci < len(cover) and cover[ci][1] <= cs:
            ci += 1
        covered = ci < len(cover) and cover[ci][0] < ce
        tokens.append((cs, ce, covered))
    mid_caps = {text[cs:ce] for cs, ce, cov in tokens if not cov and cs not in initial}
    groups: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for cs, ce, cov in tokens:
        if cov:
            if cur:
                groups.append(cur)
            cur = []
            continue
        if cur and (text[cur[-1][1]:cs] == " " or text[cur[-1][1]:cs] in _CONNECTORS):
            cur.append((cs, ce))
        else:
            if cur:
                groups.append(cur)
            cur = [(cs, ce)]
    if cur:
        groups.append(cur)
    split_groups = []
    for g in groups:
        cut = None
        for k in range(1, len(g)):
            gap = text[g[k - 1][1]:g[k][0]]
            if gap.startswith(" of") and k >= 2 and (text[g[0][0]:g[0][1]].lower() in FIRST_NAMES or g[0][0] in honorific_at):
                cut = k
                break
        if cut:
            split_groups.extend([g[:cut], g[cut:]])
        else:
            split_groups.append(g)
    groups = split_groups
    sk_starts = [a for a, b in skipped]
    # last word of a multi-word group -> start of the first such group (-1: a codebook surname)
    known_lasts = {w: -1 for w in lex.surname_index}
    for g in groups:
        if len(g) >= 2:
            lw = text[g[-1][0]:g[-1][1]]
            if known_lasts.get(lw, g[0][0]) != g[0][0] or lw not in known_lasts:
                known_lasts[lw] = -1 if lw in known_lasts else g[0][0]

    @functools.lru_cache(maxsize=1)
    def lower_words() -> frozenset:  # words written in lower case somewhere in the text (on demand)
        return frozenset(_LOWER_WORD.findall(text))
    for g in groups:
        if len(g) > 8:
            continue  # a run of capitalised words is a title-case line, not a name
        if skipped:
            k = bisect.bisect_right(sk_starts, g[0][0]) - 1
            if k >= 0 and skipped[k][0] <= g[0][0] < skipped[k][1]:
                continue
        # leading function words / months at a sentence start, months and days at the edges
        while g:
            cs, ce = g[0]
            low = text[cs:ce].lower().rstrip(".")
            if low in FUNCTION_WORDS or low in DAYS or low in MONTHS or low in _LEADING_FLAGS:
                g = g[1:]
                continue
            if (len(g) > 1 and cs in initial and low.endswith(("ing", "ly")) and text[cs:ce] not in mid_caps
                    and low not in FIRST_NAMES):
                g = g[1:]  # "Enrolling Minetest": a sentence-initial verb or adverb, not part of the name
                continue
            if len(g) > 1 and cs not in honorific_at and low not in FIRST_NAMES and (
                    (cs in initial and text[cs:ce] not in mid_caps
                     and (low.endswith(("ly", "ward", "wards", "time")) or low in lower_words()))
                    or (text[cs:ce].isupper() and "." not in text[cs:ce])) \
                    and (known_lasts.get(text[g[-1][0]:g[-1][1]], g[0][0]) != g[0][0]):
                g = g[1:]  # "Longtime Imus", "MSNBC Cummings": not a given name before a known surname
                continue
            break
        while g:
            cs, ce = g[-1]
            low = text[cs:ce].lower().rstrip(".")
            prev_first = len(g) > 1 and text[g[-2][0]:g[-2][1]].lower() in FIRST_NAMES
            if (low in DAYS or low in MONTHS) and not prev_first:
                g = g[:-1]
                continue
            break
        if not g:
            continue
        toks = [text[cs:ce] for cs, ce in g]
        if "-" in toks[-1] and toks[-1].rsplit("-", 1)[1][:1].islower():
            continue  # "Russian-dominated", "Soviet-era": an adjective, not a name
        lows = [t.lower().rstrip(".") for t in toks]
        if all(t in NON_NAMES or len(t) < 2 for t in lows):
            continue
        # a country name or adjective, or "General", opening a company name: "American Motors", "General Motors"
        prefix = -1
        if any(t in ORG_WORDS for t in lows) and lows[0] not in FIRST_NAMES and text[g[0][0] - 1:g[0][0]] == " ":
            j = hit_by_end.get(g[0][0] - 1)
            if j is not None and lex.entries[hits[j][2]][0][0] in ("country", "honorific") \
                    and hits[j][2][:1].isupper() and not hits[j][2].endswith("."):
                prefix = hits[j][0]
                honorific_at.pop(g[0][0], None)
        if len(g) == 1 and prefix < 0:
            tok = toks[0]
            if len(tok) < 2 or tok.isdigit() or (len(tok) == 2 and tok.endswith(".")):
                continue
            if g[0][0] in initial and tok not in mid_caps:
                # sentence-initial single word: a name only if capitalised mid-sentence elsewhere,
                # or a near-spelling of a codebook surname
                fz = _fuzzy_actor(tok, lex)
                if not fz:
                    continue
        s0, e0 = (prefix if prefix >= 0 else g[0][0]), g[-1][1]
        name = " ".join(text[s0:e0].split())
        fz = _fuzzy_actor(toks[-1], lex)
        if fz and (len(g) == 1 or any(_edit_distance(lows[0], f, 1) <= 1 for f in lex.actors[fz].first_names)):
            mentions.append(_M(s0, e0, "name", ids=(fz,), form="variant", surname=len(g) == 1, name=name))
            continue
        cand = _M(s0, e0, "cand", name=name)
        gender = honorific_at.get(s0)
        person = gender is not None
        first = lows[0]
        if first in FIRST_NAMES:
            person = True
            gender = gender or FIRST_NAMES[first]
        orgish = any(t in ORG_WORDS for t in lows) or lows[0] in PLACE_WORDS or any(t.isupper() and len(t.rstrip(".")) > 1 for t in toks)
        if not person and not orgish and 2 <= len(g) <= 3 and all(t.isalpha() or "-" in t or "'" in t or "’" in t for t in toks) \
                and all(text[g[k][1]:g[k + 1][0]] == " " for k in range(len(g) - 1)):
            person = True
        if person and not gender and len(g) >= 2:
            last = lows[-1]
            if _SLAVIC_F.search(last):
                gender = "f"
            elif _SLAVIC_M.search(last):
                gender = "m"
        cand.person = person and (not orgish or honorific_at.get(s0) is not None)
        cand.gender = gender or ""
        cand.extra["ntok"] = len(g)
        k_last = len(toks) - 1
        while k_last > 0 and lows[k_last] in NAME_SUFFIXES:
            k_last -= 1
        cand.extra["last"] = toks[k_last]
        mentions.append(cand)

    mentions.sort(key=lambda m: (m.start, -m.end))
    # drop overlaps (keep the earliest, then the longest)
    out: list[_M] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    for m in out:
        m.sent = bisect.bisect_right(starts, m.start) - 1
    _resolve(out, text, lex, focal, date, conflict_surnames)
    return out


#: Verb forms that make a bare country name an agent ("Russia said", "China warned"): reporting verbs and
#: the acts of states that event coding records. Deliberately not copulas or "gained", "lost", "has".
AGENT_VERBS = frozenset(
    """say says said tell tells told warn warns warned urge urges urged accuse accuses accused announce announces
    announced deny denies denied reject rejects rejected condemn condemns condemned call calls called demand
    demands demanded threaten threatens threatened insist insists insisted claim claims claimed stated respond responds responded retaliate retaliates retaliated vow vows vowed pledge pledges pledged
    agree agrees agreed sign signs signed refuse refuses refused criticise criticises criticised criticize
    criticizes criticized protested summon summons summoned expel expels expelled impose
    imposes imposed sanction sanctions sanctioned recall recalls recalled deploy deploys deployed send sends
    sent launch launches launched order orders ordered approve approves approved offer offers offered ask asks
    asked propose proposes proposed declare declares declared confirm confirms confirmed report reports
    reported blame blames blamed welcome welcomes welcomed hail hails hailed back backs backed support supports
    supported oppose opposes opposed invade invades invaded attack attacks attacked annex annexes annexed ban
    bans banned suspend suspends suspended halt halts halted recognise recognises recognised recognize
    recognizes recognized request requests requested promise promises promised plan plans planned want wants
    wanted seek seeks sought intend intends intended insist argue argues argued dismiss dismisses dismissed
    denounce denounces denounced decide decides decided respond retaliated arrest arrests arrested detain
    detains detained veto vetoes vetoed vote votes voted acknowledge acknowledges acknowledged admit admits
    admitted allege alleges alleged apologise apologises apologised apologize apologizes apologized
    saying warning urging accusing announcing denying threatening calling demanding sending deploying
    seeking planning""".split()
)
#: Words between a country name and its verb ("Russia has denied", "China also said", "Iran will not").
AGENT_AUX = frozenset(
    """has have had will would could can may might must should did does also reportedly repeatedly previously
    later then now already not quickly formally officially swiftly""".split()
)
#: Words before a country name that make it a place or a qualifier ("in Russia", "Bank of China").
PLACE_PREPOSITIONS = frozenset(
    """in into inside to from at of across throughout within near toward towards via through visit visits
    visited visiting around outside across over under against between and or with de del della di da do
    dos das du des la le""".split()
)
#: Country names that are also common first names or surnames: never agents on their own.
AMBIGUOUS_COUNTRY_NAMES = frozenset({"Jordan", "Chad", "Georgia", "Israel", "America", "Turkey"})
_IRREGULAR_PAST = frozenset("said told sent sought".split())
_NEXT_WORDS = re.compile(r"[ ]([a-z]+)(?:[ ]([a-z]+))?(?:[ ]([a-z]+))?")


def _country_agent(text: str, s: int, e: int, surface: str, initial: set) -> bool:
    """True when the bare country name at ``[s, e)`` is the subject of an agent verb ("Russia said",
    "China has warned"), not a place ("in Russia") or part of a name ("Bank of China", "Air China")."""
    if surface in AMBIGUOUS_COUNTRY_NAMES or not surface[:1].isupper():
        return False
    m = _NEXT_WORDS.match(text, e)
    if not m:
        return False
    words = [w for w in m.groups() if w]
    k = 0
    while k < len(words) - 1 and words[k] in AGENT_AUX:
        k += 1
    verb = words[k]
    if verb not in AGENT_VERBS or (k == 0 and not verb.endswith(("s", "ed")) and verb not in _IRREGULAR_PAST):
        return False  # a bare base form needs an auxiliary: "the U.S. offer", but "Iran will offer"
    p = _PREV_WORD.search(text, max(0, s - 40), s)
    if p and p.end(1) == s - 1:
        prev = p.group(1)
        low = prev.lower()
        if low in PLACE_PREPOSITIONS:
            return False
        if low == "the":
            pp = _PREV_WORD.search(text, max(0, p.start(1) - 30), p.start(1))
            if pp and pp.group(1).lower() in PLACE_PREPOSITIONS:
                return False  # "of the Holy See said"
        core = prev.strip("(),")
        if prev.endswith(",") and core[:1].isupper() and core.lower() not in MONTHS | DAYS | FUNCTION_WORDS:
            return False  # "Munich, Germany confirmed": a place's country
        if prev[:1].isupper() and low not in FUNCTION_WORDS and low not in MONTHS and low not in DAYS \
                and prev[-1].isalnum():
            return False  # "Air China", "New Mexico"
    return True


_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z]+(?![\w\-])")
_NEXT_LOWER = re.compile(r"[ ]([a-z][\w\-]*)")


def _modifier_use(text: str, end: int, plural: bool) -> bool:
    """True when the role noun ending at ``end`` modifies the next word ("police stations", "official toll")."""
    m = _NEXT_LOWER.match(text, end)
    if not m:
        return False
    w = m.group(1)
    if w in FUNCTION_WORDS or w in VERBISH or w.endswith(("ed", "ly", "ing")) and w != "building":
        return False
    if not plural and w in VERBISH_S:
        return False
    return True


def _fuzzy_actor(tok: str, lex) -> str:
    """Codebook person whose surname is within a small edit distance of ``tok`` (one candidate only)."""
    if len(tok) < 6 or not tok[:1].isupper():
        return ""
    found = set()
    for form, aid in lex.fuzzy_index.get(tok[:2].lower(), ()):
        if form == tok:
            continue
        limit = 2 if len(tok) >= 10 else 1
        if _edit_distance(tok.lower(), form.lower(), limit) <= limit:
            found.add(aid)
    return found.pop() if len(found) == 1 else ""


# --------------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------------


@dataclass
class _Entity:
    key: str
    actor_id: str
    canonical: str
    type: str
    iso: str
    gender: str
    person: bool
    plural: bool = False


def _actor_entity(aid: str, lex, focal: str) -> _Entity:
    a = lex.actors[aid]
    typ = a.type
    if typ == "government" and a.country and focal and a.country != focal:
        typ = "foreign government"
    return _Entity(aid, aid, a.name, typ, a.country, a.gender, a.kind == "person")


def _role_entity(role_id: str, qual: str, lex, focal: str, plural: bool) -> _Entity:
    row = lex.role_rows[role_id]
    typ = row["type"]
    if not qual and row["inherits"] and focal:
        qual = focal
    if qual and qual in lex.actors and lex.actors[qual].kind == "organisation":
        ent = _actor_entity(qual, lex, focal)
        ent.plural = plural
        return ent
    if qual and qual in lex.countries:
        aid = f"{qual}:{role_id}"
        if aid in lex.actors:
            name = lex.actors[aid].name
        else:
            name = f"{lex.countries[qual]} {row['canonical']}"
        if typ == "government" and focal and qual != focal:
            typ = "foreign government"
        return _Entity(aid, aid, name, typ, qual, "", False, plural)
    return _Entity(role_id, role_id, row["canonical"], typ, "", "", False, plural)


def _assign(m: _M, ent: _Entity | None, resolution: str, lex, spelling: str = "") -> None:
    if ent is None:
        m.resolution, m.key = "unresolved", ""
        return
    m.key = ent.key
    m.actor_id = ent.actor_id
    m.canonical = ent.canonical
    m.type = ent.type
    m.country = lex.countries.get(ent.iso, "")
    m.resolution = resolution
    m.spelling = spelling


def _title_matches(t: _M, head: str, mods: frozenset, qual: str, former: bool, iso: str) -> bool:
    return (head == t.head and t.mods <= mods and former == t.former
            and (not t.qual or t.qual == qual or t.qual == iso))


def _given(name: str) -> set[str]:
    """Given names of a full name: its words but the last, without initials and suffixes (lower case)."""
    words = [w.lower().rstrip(".") for w in name.split()]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return {w for w in words[:-1] if len(w) > 1 and w not in NAME_SUFFIXES}


def _cluster_names(names: list[str], counts: dict[str, int]) -> dict[str, str]:
    """Full names sharing a surname, grouped into persons: two forms are one person when they share a given
    name or one's words are a subsequence of the other's (``Bernie Sanders`` / ``Vermont Bernie Sanders``,
    ``John Conyers`` / ``John James Conyers Jr.``). Each form maps to its group's most frequent form (ties:
    the one with fewest words, then the first), which becomes the person's ``canonical_name``.

    >>> _cluster_names(["Vermont Bernie Sanders", "Bernie Sanders", "Jane Sanders"], {"Bernie Sanders": 2})
    {'Vermont Bernie Sanders': 'Bernie Sanders', 'Bernie Sanders': 'Bernie Sanders', 'Jane Sanders': 'Jane Sanders'}
    """
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    words = [n.split() for n in names]
    given = [_given(n) for n in names]
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            if given[i] & given[j] or _subsequence(words[i], words[j]) or _subsequence(words[j], words[i]):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(names)):
        groups.setdefault(find(i), []).append(i)
    out = {}
    for members in groups.values():
        best = min(members, key=lambda i: (-counts.get(names[i], 0), len(words[i]), i))
        for i in members:
            out[names[i]] = names[best]
    return out


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return len(short) < len(long) and all(w in it for w in short)


def _resolve(ms: list[_M], text: str, lex, focal: str, date: str | None, conflict_surnames: set) -> None:
    entities: dict[str, _Entity] = {}

    def remember(ent: _Entity) -> _Entity:
        if ent.key not in entities:
            entities[ent.key] = ent
        return entities[ent.key]

    # ---- discovered names: surname links
    last_map: dict[str, list[str]] = {}
    form_count: dict[str, int] = {}
    for m in ms:
        if m.kind == "cand" and m.extra.get("ntok", 1) >= 2 and m.person:
            lst = last_map.setdefault(m.extra["last"], [])
            form_count[m.name] = form_count.get(m.name, 0) + 1
            if m.name not in lst:
                lst.append(m.name)
    rep_of: dict[str, str] = {}  # full form -> the form that stands for its person
    for last, names in last_map.items():
        reps = _cluster_names(names, form_count)
        rep_of.update(reps)
        last_map[last] = list(dict.fromkeys(reps[n] for n in names))
    # ---- codebook names
    full = {m.ids[0] for m in ms if m.kind == "name" and not m.surname and len(m.ids) == 1}
    named: set[str] = set()
    for t, m in enumerate(ms):
        if m.kind != "name":
            continue
        ids = list(m.ids)
        if m.surname and (m.name in conflict_surnames or m.name in last_map and not (
                len(ids) == 1 and all(_given(n) & lex.actors[ids[0]].first_names for n in last_map[m.name]))):
            # a shared surname still resolves after a title that only this codebook person holds ("President Trump")
            prv = ms[t - 1] if t > 0 else None
            if not (len(ids) == 1 and ids[0] in full and prv is not None and prv.kind == "title"
                    and text[prv.end:m.start] == " " and not prv.former
                    and any(r.actor_id == ids[0] for r in lex.roles_by_head.get(prv.head, ()))):
                _assign(m, None, "unresolved", lex)
                continue
        if len(ids) > 1:
            ids = [a for a in ids if a in full]
        if len(ids) != 1:
            _assign(m, None, "unresolved", lex)
            continue
        ent = remember(_actor_entity(ids[0], lex, focal))
        res, spell = {"name": ("name", "canonical"), "alias": ("alias", "canonical"),
                      "variant": ("alias", "variant")}[m.form]
        _assign(m, ent, res, lex, spell)
        named.add(ids[0])
    for m in ms:
        if m.kind != "cand":
            continue
        name = rep_of.get(m.name, m.name)
        if m.extra.get("ntok", 1) == 1 and name in last_map:
            if len(last_map[name]) != 1:
                _assign(m, None, "unresolved", lex)
                m.person = True
                continue
            name = last_map[name][0]
            m.person = True
        key = "~" + name
        ent = entities.get(key)
        if ent is None:
            ent = remember(_Entity(key, "", name, "", "", m.gender, m.person))
        else:
            if m.person and not ent.person:
                ent.person = True
            if m.gender and not ent.gender:
                ent.gender = m.gender
        _assign(m, ent, "discovered", lex)
        m.actor_id = ""

    # ---- titles: apposition bindings
    bound: dict[int, _Entity | None] = {}
    for t, m in enumerate(ms):
        if m.kind != "title":
            continue
        nxt = ms[t + 1] if t + 1 < len(ms) else None
        prv = ms[t - 1] if t > 0 else None
        target = None
        if nxt is not None and nxt.kind in ("name", "cand") and text[m.end:nxt.start] in (" ", ", ") \
                and (nxt.kind == "cand" or lex.actors.get(nxt.ids[0] if nxt.ids else "", None) is not None
                     and lex.actors[nxt.ids[0]].kind == "person"):
            target = nxt
        elif prv is not None and prv.kind in ("name", "cand") and _APPOS_BEFORE.match(text[prv.end:m.start]) \
                and (prv.kind == "cand" and prv.person or prv.kind == "name" and prv.ids
                     and lex.actors[prv.ids[0]].kind == "person"):
            target = prv
        if target is None:
            continue
        if target.kind == "cand":
            target.person = True
            if target.key in entities:
                e = entities[target.key]
                e.person = True
                if not e.gender and m.gender:
                    e.gender = m.gender
        bound[t] = entities.get(target.key) if target.key else None
    history: dict[tuple, None] = {}  # distinct (head, mods, qual, former, key) of resolved titles so far
    later: dict[tuple, int] = {}  # distinct bound titles -> last position
    for t, e in bound.items():
        if e is not None:
            tm = ms[t]
            later[(tm.head, tm.mods, tm.qual, tm.former, e.key)] = tm.start

    def holders(m: _M) -> list[tuple[str, str]]:
        out = []
        for r in lex.roles_by_head.get(m.head, ()):
            if not m.mods <= r.mods:
                continue
            if m.qual and r.where != m.qual:
                continue
            if date:
                ok = (r.end != "" and r.end <= date) if m.former else (r.start <= date and (r.end == "" or date < r.end))
            else:
                ok = r.end != "" if m.former else True
            if ok and (r.actor_id, r.where) not in out:
                out.append((r.actor_id, r.where))
        return out

    for t, m in enumerate(ms):
        if m.kind != "title":
            continue
        ent = None
        decided = False
        if t in bound:
            ent, decided = bound[t], True
        elif not m.indefinite:
            keys = []
            for head, mods, qual, former, key in history:
                if _title_matches(m, head, mods, qual, former, entities[key].iso) and key not in keys:
                    keys.append(key)
            if keys:
                ent = entities[keys[0]] if len(keys) == 1 else None
                decided = True
            if not decided:
                hs = holders(m)
                pool = [a for a, where in hs if m.qual or a in named or (focal and where == focal)]
                pool = list(dict.fromkeys(pool))
                named_in = [a for a in pool if a in named]
                if len(named_in) == 1:
                    ent, decided = remember(_actor_entity(named_in[0], lex, focal)), True
                elif not named_in and len(pool) == 1:
                    ent, decided = remember(_actor_entity(pool[0], lex, focal)), True
                elif pool:
                    decided = True
            if not decided:
                keys = []
                for (head, mods, qual, former, key), pos in later.items():
                    if pos > m.start and _title_matches(m, head, mods, qual, former, entities[key].iso) and key not in keys:
                        keys.append(key)
                if len(keys) == 1:
                    ent = entities[keys[0]]
        _assign(m, ent, "title", lex)
        if ent is not None:
            history[(m.head, m.mods, m.qual, m.former, ent.key)] = None

    # ---- generic agents
    for m in ms:
        if m.kind == "role":
            ent = remember(_role_entity(m.role_id, m.qual, lex, focal, m.plural))
            _assign(m, ent, "alias" if m.form == "alias" else "name", lex, "canonical")

    # ---- pronouns (left to right; resolved pronouns become antecedents)
    # events[sentence] holds each distinct (key, gender, person, group, quote) once, so a long sentence stays cheap
    events: dict[int, dict[tuple, None]] = {}
    quotes = _quote_spans(text)
    q_starts = [a for a, b in quotes]

    def quote_of(pos: int) -> int:
        k = bisect.bisect_right(q_starts, pos) - 1
        return k if k >= 0 and quotes[k][0] <= pos < quotes[k][1] else -1

    for m in ms:
        q = quote_of(m.start)
        if m.kind == "pronoun":
            want = m.group
            window = None
            for k in range(m.sent, max(-1, m.sent - 4), -1):
                cands = [ev for ev in events.get(k, ()) if _compatible(ev, want, entities)
                         and (k != m.sent or q < 0 or ev[4] == q)]
                if cands:
                    window = cands
                    break
            ent = None
            if window:
                keys = list(dict.fromkeys(ev[0] for ev in window))
                if len(keys) == 1 and keys[0]:
                    ent = entities[keys[0]]
                    if want in ("m", "f") and not ent.gender:
                        ent.gender = want
            _assign(m, ent, "pronoun", lex)
            if ent is None:
                m.resolution = "unresolved"
            events.setdefault(m.sent, {})[(m.key, want if want in ("m", "f") else "", want != "p", want == "p", q)] = None
            continue
        ev = None
        if m.kind == "name" and m.key and entities[m.key].person:
            ev = (m.key, "", True, False)
        elif m.kind == "name" and not m.key:
            ev = ("", "", True, False)
        elif m.kind == "title":
            ev = (m.key, m.gender, True, False)
        elif m.kind == "cand" and (m.person or (m.key and entities[m.key].person)):
            ev = (m.key, m.gender, True, False)
        elif m.kind == "role" and m.plural:
            ev = (m.key, "", False, True)
        if ev is not None:
            events.setdefault(m.sent, {})[ev + (q,)] = None


_QUOTE_MARK = re.compile(r"[“”\"]|\n[ \t]*\n")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations (curly or straight double quotes), never crossing a paragraph break."""
    out = []
    open_at = -1
    for m in _QUOTE_MARK.finditer(text):
        ch = m.group()
        if ch[0] == "\n":
            if open_at >= 0:
                out.append((open_at, m.start()))
            open_at = -1
        elif open_at < 0 and ch in "“\"":
            open_at = m.start()
        elif open_at >= 0 and ch in "”\"":
            out.append((open_at, m.end()))
            open_at = -1
    if open_at >= 0:
        out.append((open_at, len(text)))
    return out


def _compatible(ev, want: str, entities: dict) -> bool:
    key, gender, person, group = ev[:4]
    if want == "p":
        return group
    if not person:
        return False
    g = entities[key].gender if key else gender
    return g in ("", want)


# --------------------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------------------


def find_mentions(text: str, date: str | None = None) -> pd.DataFrame:
    """Every mention of an actor in ``text``: one row per mention, sorted by ``start``.

    Columns are :data:`MENTIONS_SCHEMA`. ``date`` (ISO ``YYYY-MM-DD``, optional) picks which holder a title
    refers to ("the president" in January 2022); without it a title resolves by apposition, by the
    article's own history, or when the article names exactly one holder (or the codebook has only one).
    Never raises on a string; anything that is not a string gives an empty table.

    >>> m = find_mentions("The president, Kassym-Jomart Tokayev, spoke. He also dismissed the cabinet.")
    >>> m[["mention", "canonical_name", "resolution"]].values.tolist()
    [['The president', 'Kassym-Jomart Tokayev', 'title'], ['Kassym-Jomart Tokayev', 'Kassym-Jomart Tokayev', 'name'], ['He', 'Kassym-Jomart Tokayev', 'pronoun'], ['the cabinet', 'government', 'alias']]
    """
    if not isinstance(text, str) or not text:
        return empty_frame(MENTIONS_SCHEMA)
    if date is not None and (not isinstance(date, str) or not _ISO_DATE.match(date)):
        date = None
    ms = _find(text, date)
    if not ms:
        return empty_frame(MENTIONS_SCHEMA)
    ok = [m.resolution != "unresolved" for m in ms]
    cols = {
        "start": np.fromiter((m.start for m in ms), dtype="int64", count=len(ms)),
        "end": np.fromiter((m.end for m in ms), dtype="int64", count=len(ms)),
        "mention": [text[m.start:m.end] for m in ms],
        "actor_id": [m.actor_id if o else "" for m, o in zip(ms, ok)],
        "canonical_name": [m.canonical if o else "" for m, o in zip(ms, ok)],
        "actor_type": [m.type if o else "" for m, o in zip(ms, ok)],
        "country": [m.country if o else "" for m, o in zip(ms, ok)],
        "resolution": [m.resolution for m in ms],
        "spelling": [m.spelling if m.resolution in ("name", "alias") else "" for m in ms],
    }
    return pd.DataFrame({k: (v if k in ("start", "end") else pd.array(v, dtype="string")) for k, v in cols.items()})


def resolve_span(mentions: pd.DataFrame, start: int, end: int) -> pd.Series | None:
    """The best mention row overlapping ``[start, end)``, or ``None``.

    Preference: resolved rows (non-empty ``canonical_name``) first, then the largest overlap, then the
    longest mention, then the earliest. Quote attribution calls this on a speaker span.

    >>> m = find_mentions("U.S. Secretary of State Anthony Blinken said so.")
    >>> resolve_span(m, 0, 39)["canonical_name"]
    'Antony Blinken'
    >>> resolve_span(m, 40, 44) is None
    True
    """
    if mentions is None or len(mentions) == 0:
        return None
    s = mentions["start"].to_numpy()
    e = mentions["end"].to_numpy()
    overlap = (e.clip(max=end) - s.clip(min=start))
    idx = [i for i in range(len(mentions)) if overlap[i] > 0 or (start == end and s[i] <= start < e[i])]
    if not idx:
        return None
    names = mentions["canonical_name"].astype(str).to_numpy()
    best = min(idx, key=lambda i: (names[i] == "", -int(overlap[i]), -int(e[i] - s[i]), int(s[i])))
    return mentions.iloc[best]


def mention_table(texts: dict[str, str], dates: dict[str, str | None] | None = None) -> pd.DataFrame:
    """Mentions of many articles, keyed by ``article_id`` (:data:`MENTIONS_TABLE_SCHEMA`), sorted.

    >>> t = mention_table({"b": "Police came.", "a": "Protesters left."})
    >>> t[["article_id", "mention"]].values.tolist()
    [['a', 'Protesters'], ['b', 'Police']]
    """
    frames = []
    for aid in sorted(texts):
        m = find_mentions(texts[aid], (dates or {}).get(aid))
        if len(m):
            m.insert(0, "article_id", aid)
            frames.append(m)
    if not frames:
        return empty_frame(MENTIONS_TABLE_SCHEMA)
    return conform(pd.concat(frames, ignore_index=True), MENTIONS_TABLE_SCHEMA)


def discovered_candidates(mentions: pd.DataFrame) -> pd.DataFrame:
    """Discovered names (not in the codebook) with counts: candidates a researcher may add.

    ``mentions`` is a mentions table with ``article_id`` (:data:`MENTIONS_TABLE_SCHEMA`).

    >>> t = mention_table({"a": "Officials met Yevgeny Zinichev. Zinichev said no."})
    >>> discovered_candidates(t)[["candidate", "mentions", "forms"]].values.tolist()
    [['Yevgeny Zinichev', 2, 'Yevgeny Zinichev | Zinichev']]
    """
    d = mentions[mentions["resolution"] == "discovered"]
    if d.empty:
        return empty_frame(CANDIDATES_SCHEMA)
    d = d.sort_values(["article_id", "start"], kind="stable")
    rows = []
    for name, g in d.groupby("canonical_name", sort=True):
        rows.append({
            "candidate": name,
            "mentions": len(g),
            "articles": g["article_id"].nunique(),
            "first_article_id": g["article_id"].iloc[0],
            "first_start": int(g["start"].iloc[0]),
            "forms": " | ".join(dict.fromkeys(g["mention"].astype(str))),
        })
    out = pd.DataFrame(rows).sort_values(["mentions", "candidate"], ascending=[False, True], kind="stable")
    return conform(out, CANDIDATES_SCHEMA)


def actor_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Resolved mentions per actor, split by how they were resolved (:data:`ACTOR_COUNTS_SCHEMA`).

    >>> t = mention_table({"a": "Blinken spoke. He left. Blinken returned."})
    >>> actor_counts(t)[["canonical_name", "mentions", "by_name", "by_pronoun"]].values.tolist()
    [['Antony Blinken', 3, 2, 1]]
    """
    r = mentions[mentions["canonical_name"] != ""]
    if r.empty:
        return empty_frame(ACTOR_COUNTS_SCHEMA)
    rows = []
    for name, g in r.groupby("canonical_name", sort=True):
        res = g["resolution"]
        types = g["actor_type"].value_counts()
        types = types[types.index != ""]
        ids = [i for i in g["actor_id"] if i]
        rows.append({
            "canonical_name": name,
            "actor_id": ids[0] if ids else "",
            "actor_type": sorted(types.index, key=lambda t: (-types[t], t))[0] if len(types) else "",
            "mentions": len(g),
            "articles": g["article_id"].nunique() if "article_id" in g else 1,
            "by_name": int(res.isin(["name", "alias"]).sum()),
            "by_title": int((res == "title").sum()),
            "by_pronoun": int((res == "pronoun").sum()),
            "discovered": int((res == "discovered").sum()),
        })
    out = pd.DataFrame(rows).sort_values(["mentions", "canonical_name"], ascending=[False, True], kind="stable")
    return conform(out, ACTOR_COUNTS_SCHEMA)


def cooccurrence(mentions: pd.DataFrame, sentences: pd.DataFrame, include_discovered: bool = False) -> pd.DataFrame:
    """Pairs of actors mentioned in the same sentence (:data:`COOCCURRENCE_SCHEMA`).

    ``sentences`` has ``article_id``, ``start``, ``end`` (as written by ``02_tokenize``). A mention belongs
    to the sentence that contains its start. Only codebook actors count unless ``include_discovered``.

    >>> t = mention_table({"a": "Blinken criticised Kazakh police. Protesters left."})
    >>> s = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 34], "end": [33, 50]})
    >>> cooccurrence(t, s).values.tolist()
    [['Antony Blinken', 'Kazakhstan police', 1, 1]]
    """
    m = mentions[mentions["canonical_name"] != ""]
    if not include_discovered:
        m = m[m["actor_id"] != ""]
    if m.empty or sentences is None or len(sentences) == 0:
        return empty_frame(COOCCURRENCE_SCHEMA)
    pairs: dict[tuple[str, str], set] = {}
    sent = sentences.sort_values(["article_id", "start"], kind="stable")
    by_article = {a: (g["start"].to_numpy(), g["end"].to_numpy()) for a, g in sent.groupby("article_id", sort=True)}
    for aid, g in m.groupby("article_id", sort=True):
        if aid not in by_article:
            continue
        ss, se = by_article[aid]
        members: dict[int, set] = {}
        for st, name in zip(g["start"].to_numpy(), g["canonical_name"].astype(str)):
            k = bisect.bisect_right(ss, st) - 1
            if k >= 0 and st < se[k]:
                members.setdefault(k, set()).add(name)
        for k, names in members.items():
            names = sorted(names)
            for a_i in range(len(names)):
                for b_i in range(a_i + 1, len(names)):
                    pairs.setdefault((names[a_i], names[b_i]), set()).add((aid, k))
    if not pairs:
        return empty_frame(COOCCURRENCE_SCHEMA)
    rows = [{"actor_a": a, "actor_b": b, "sentences": len(v), "articles": len({x[0] for x in v})}
            for (a, b), v in pairs.items()]
    out = pd.DataFrame(rows).sort_values(["sentences", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable")
    return conform(out, COOCCURRENCE_SCHEMA)
