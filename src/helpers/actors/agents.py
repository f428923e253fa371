"""Generic agents and countries as agents (rules 2 and 2b of :mod:`helpers.actors`).

**Generic agents.** A role noun (``authorities``, ``police forces``, ``protesters``) takes a country from an
adjacent country adjective or name (``Kazakh authorities``, ``Kazakhstan's police``, ``government of
Kazakhstan``); consecutive role nouns are one mention headed by the last (``government officials``). Without
one, roles marked ``inherits_country`` take the article's *focal country* (:func:`focal_country`). The id is
``ISO3:role`` (``KAZ:government``) and the canonical name comes from a ``group`` row when the codebook has
one (``Government of Kazakhstan``), else ``"<country> <role>"``. A role noun inside a capitalised name
(``National Police``) is part of that name (but ``Interior Ministry`` is the government). A role noun that
modifies the next word (``police stations``, ``the official death toll``) is not a mention
(:func:`modifier_use`). A singular role noun right before a person's name (``CSTO official John Smith``,
``police officer Ann Lee``) is that person's title, resolved like one (:mod:`.titles`). A ``government`` actor
whose country differs from the focal country is ``foreign government``.

**Countries as agents** (:func:`country_agent`). As in CAMEO/PETRARCH, a country name in agent position
stands for its government: ``Russia said``, ``China has warned``, ``The United States condemned``. Agent
position means: the next word, after at most two auxiliaries or adverbs (:data:`AGENT_AUX`), is one of
:data:`AGENT_VERBS` (a bare base form such as ``offer`` only after an auxiliary). Never after a preposition
or ``and``/``or`` (:data:`PLACE_PREPOSITIONS`: ``in Russia``, ``of the Holy See``), a capitalised word
(``Air China``, ``New Mexico``) or a place before a comma (``Munich, Germany confirmed``); never for
possessives that are not role nouns (``Russia's capital``), for country names that are also personal names
(:data:`AMBIGUOUS_COUNTRY_NAMES`), nor after a copula (``Russia is``).

>>> from helpers.actors import find_mentions
>>> find_mentions("Kazakh authorities said police stations burned.")[["mention", "actor_id"]].values.tolist()
[['Kazakh authorities', 'KAZ:government']]
>>> modifier_use("police stations", 6, True), modifier_use("police detained", 6, True)
(True, False)
"""
from __future__ import annotations

import re

from .model import Entity, Mention, Resolution, Scan, actor_entity
from .qualifiers import MINISTRY_WORDS, OF_RIGHT, hit_qualifier, left_context
from .wordclasses import FUNCTION_WORDS, MONTHS, DAYS, NEXT_WORD, PREV_WORD, VERBISH, VERBISH_S


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


def country_agent(text: str, s: int, e: int, surface: str, initial: set) -> bool:
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
    p = PREV_WORD.search(text, max(0, s - 40), s)
    if p and p.end(1) == s - 1:
        prev = p.group(1)
        low = prev.lower()
        if low in PLACE_PREPOSITIONS:
            return False
        if low == "the":
            pp = PREV_WORD.search(text, max(0, p.start(1) - 30), p.start(1))
            if pp and pp.group(1).lower() in PLACE_PREPOSITIONS:
                return False  # "of the Holy See said"
        core = prev.strip("(),")
        if prev.endswith(",") and core[:1].isupper() and core.lower() not in MONTHS | DAYS | FUNCTION_WORDS:
            return False  # "Munich, Germany confirmed": a place's country
        if prev[:1].isupper() and low not in FUNCTION_WORDS and low not in MONTHS and low not in DAYS \
                and prev[-1].isalnum():
            return False  # "Air China", "New Mexico"
    return True



_NEXT_LOWER = re.compile(r"[ ]([a-z][\w\-]*)")


def modifier_use(text: str, end: int, plural: bool) -> bool:
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



def focal_country(hits, lex) -> str:
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



def role_entity(role_id: str, qual: str, lex, focal: str, plural: bool) -> Entity:
    row = lex.role_rows[role_id]
    typ = row["type"]
    if not qual and row["inherits"] and focal:
        qual = focal
    if qual and qual in lex.actors and lex.actors[qual].kind == "organisation":
        ent = actor_entity(qual, lex, focal)
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
        return Entity(aid, aid, name, typ, qual, "", False, plural)
    return Entity(role_id, role_id, row["canonical"], typ, "", "", False, plural)



def scan_agents(sc: Scan) -> None:
    """Generic-agent mentions (role nouns and demonym plurals), adjacent role nouns merged into one."""
    text, hits, lex, consumed = sc.text, sc.hits, sc.lex, sc.consumed
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
        if surface[:1].isupper() and ent[0] == "role" and last == i and _inside_name(sc, s, e, hent):
            sc.uncover.add(i)
            consumed.add(i)
            i += 1
            continue
        if hent[0] == "role" and modifier_use(text, he, hent[3]):
            consumed.update(range(i, last + 1))
            i = last + 1
            continue
        start, info = left_context(sc, s, "ministry" if surface.lower().startswith("minist") else "role")
        end = he
        qual = info["qual"]
        rc = []
        m = OF_RIGHT.match(text, he)
        if m and not qual:
            j = sc.hit_by_start.get(m.end())
            if j is not None and j not in consumed:
                q = hit_qualifier(lex.entries[hits[j][2]][0], lex)
                if q:
                    qual, end, rc = q, hits[j][1], [j]
        consumed.update(info["consumed"])
        consumed.update(rc)
        consumed.update(range(i, last + 1))
        if hent[0] == "people":
            sc.mentions.append(Mention(start, end, "role", role_id="citizens", qual=hent[1], plural=True, form="alias"))
        elif not hent[3] and _before_a_name(sc, end):  # "CSTO official John Smith": a title of the person
            sc.mentions.append(Mention(start, end, "title", head=hsurface.lower(), qual=qual, person=True,
                                       extra={"role_id": hent[1], "form": hent[2]}))
        else:
            sc.mentions.append(Mention(start, end, "role", role_id=hent[1], qual=qual, plural=hent[3], form=hent[2]))
        i = last + 1


def _before_a_name(sc: Scan, end: int) -> bool:
    """True when a person's name follows right after ``end`` (not a country, a role, a month or a function word)."""
    n = NEXT_WORD.match(sc.text, end)
    if not n or n.start(1) != end + 1 or not n.group(1)[:1].isupper():
        return False
    low = n.group(1).lower().strip(".,;:")
    if low in FUNCTION_WORDS or low in MONTHS or low in DAYS or not n.group(1)[:1].isalpha():
        return False
    j = sc.hit_by_start.get(n.start(1))
    if j is None:
        return sc.text[n.start(1):n.end(1)].rstrip(".,;:").isalpha()
    ent = sc.lex.entries[sc.hits[j][2]][0]
    return ent[0] == "actor" and sc.lex.actors[ent[1]].kind == "person"


def _inside_name(sc: Scan, s: int, e: int, hent: tuple) -> bool:
    """A capitalised role noun inside a proper name ("National Police", "Police Department")."""
    text, initial = sc.text, sc.initial
    prev = PREV_WORD.search(text, max(0, s - 40), s)
    nxt = NEXT_WORD.match(text, e)
    if prev and prev.end(1) + 1 == s and prev.group(1)[:1].isupper() and prev.start(1) not in initial \
            and sc.hit_by_end.get(prev.end(1)) is None and prev.group(1).lower() not in FUNCTION_WORDS \
            and not (hent[1] == "government" and prev.group(1).lower() in MINISTRY_WORDS):
        return True
    if nxt and nxt.start(1) == e + 1 and nxt.group(1)[:1].isupper() and sc.hit_by_start.get(nxt.start(1)) is None \
            and nxt.group(1).lower().strip(".,;:") not in FUNCTION_WORDS:
        return True
    return False


def resolve_agents(ms: list[Mention], rs: Resolution) -> None:
    """Each generic agent to its country-coded entity (``KAZ:police``) or organisation."""
    for m in ms:
        if m.kind == "role":
            ent = rs.remember(role_entity(m.role_id, m.qual, rs.lex, rs.focal, m.plural))
            rs.assign(m, ent, "alias" if m.form == "alias" else "name", "canonical")
