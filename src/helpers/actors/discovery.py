"""Discovered names: capitalised names the codebook does not know (rule 4 of :mod:`helpers.actors`).

Capitalised tokens (:data:`~.wordclasses.CAP_TOKEN`) that the lexicon does not cover, joined by spaces and
name particles (``of``, ``de``, ``van``, ``bin`` ...) within one sentence of the text model, are *discovered*
candidates. At a sentence start (or
after an opening quote) leading function words, months and days are dropped, and a single remaining word
is a candidate only if it also appears capitalised mid-sentence elsewhere in the text (a sentence-initial
``-ing``/``-ly`` word before a name is dropped the same way: ``Enrolling``). Months, days, regions, religions,
interjections and a few common capitalised nouns are never candidates, nor are hyphenated adjectives
(``Russian-dominated``); lines in capitals or title case and runs of more than eight capitalised words are
skipped, and so are US state abbreviations after a place (``Kansas City, Mo.``, :data:`STATE_ABBREVIATIONS`);
a month or day right after an honorific is a name (``Ms. May``). Initials and abbreviations stay inside a
name (``Charles E. Exley Jr.``, ``Acme Inc.``, ``Exxon Corp.``), and a country name or adjective or ``General`` right before a name containing a company word
(:data:`~.wordclasses.ORG_WORDS`) opens it (``American Motors Corp.``, ``British Airways``, ``General
Motors``). A leading word that is not a given name is dropped before a surname known from elsewhere in the
text or the codebook when it is an acronym (``MSNBC Cummings``) or a sentence-initial word written in lower
case elsewhere or ending in -ly, -ward(s), -time (``Longtime Imus``). Capitalised words before a known given name
that describe (an institution, a portfolio, a party or an occupation) are not part of the name (``Senate Majority
Whip John Cornyn`` is ``John Cornyn``, ``Libertarian Gary Johnson`` is ``Gary Johnson``).

Person or not: a known given name, an honorific before it, or two or three plain words without a company
or place word make a person; gender from the honorific, the given name or a Slavic surname ending (``-ova``).
A name whose last word is a place head (:data:`PLACE_HEADS`: ``Kansas City``) or that follows ``in``, ``at``,
``from`` ... without a given name (:data:`PLACE_CONTEXT`: ``in Tsuen Wan``) is not a person. A single plain word
(``Flynn``) is not a person either, but, as the subject of a verb (:data:`SUBJECT_VERBS`: ``Flynn was``), may be
the antecedent of a pronoun (:mod:`.pronouns`).

Resolution (:func:`link_surnames`, :func:`resolve_discovered`): multi-word person names that share a last
word (before a ``Jr.``/``Sr.``/``III``) are grouped into persons (:func:`.names.cluster_names`). A
discovered one-word name that is the last word of exactly one such person (before or after it) is that
person (``Zinichev`` -> ``Yevgeny Zinichev``); the last word of two persons (``Tony Mendez``, ``Jonna
Mendez``) is ``unresolved``. ``actor_id`` is empty for discovered names; ``canonical_name`` is the person's
most frequent full form (ties: fewest words, then the first).

>>> from helpers.actors import find_mentions
>>> m = find_mentions("Tony Mendez and Jonna Mendez spoke. Mendez left. Officials met Yevgeny Zinichev. Zinichev said no.")
>>> m[["mention", "canonical_name", "resolution"]].values.tolist()
[['Tony Mendez', 'Tony Mendez', 'discovered'], ['Jonna Mendez', 'Jonna Mendez', 'discovered'], ['Mendez', '', 'unresolved'], ['Officials', 'government', 'alias'], ['Yevgeny Zinichev', 'Yevgeny Zinichev', 'discovered'], ['Zinichev', 'Yevgeny Zinichev', 'discovered']]
"""
from __future__ import annotations

import bisect
import functools
import re

from .agents import AGENT_VERBS
from .model import Entity, Mention, Resolution, Scan
from .names import cluster_names, edit_distance, fuzzy_actor
from .wordclasses import (CONNECTORS, DAYS, FIRST_NAMES, FUNCTION_WORDS, LEADING_FLAGS, MONTHS, NAME_SUFFIXES,
                          NON_NAMES, ORG_WORDS, PLACE_WORDS, PREV_WORD, VERBISH, VERBISH_S, DEPT_WORDS, RANK_WORDS)

_SLAVIC_F = re.compile(r"(?:ova|eva|yova|ayeva|skaya|tskaya|ina)\Z")
_SLAVIC_M = re.compile(r"(?:ov|ev|yev|sky|skiy|skyi)\Z")
_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z]+(?![\w\-])")
_LINE = re.compile(r"[^\n]+")
#: Last words that make a name a place ("Kansas City", "Tiananmen Square").
PLACE_HEADS = frozenset("city river square street avenue road valley island islands bay lake county province region "
                        "district mountains mountain park bridge airport".split())
#: AP abbreviations of US states, places after "City, " ("Kansas City, Mo."), never names.
STATE_ABBREVIATIONS = frozenset("""Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss
    Mo Mont Neb Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Va Vt Wash W.Va Wis Wyo""".split())
#: Verbs after a single capitalised word that make it a possible person ("Flynn said", "Carson was").
SUBJECT_VERBS = VERBISH | VERBISH_S | AGENT_VERBS
_NEXT_LOWER = re.compile(r"[ ]([a-z]+)")
#: Last words that make a name a group, a party or a date, not a person ("Senate Republicans", "Election Day").
NOT_PERSON_LAST = frozenset("""republicans democrats conservatives liberals socialists communists tories libertarians
    progressives independents evangelicals greens day week year""".split())
#: Words after which a capitalised name without a given name is a place ("in Tsuen Wan").
PLACE_CONTEXT = frozenset("in at near inside outside across throughout from".split())


def _descriptive(word: str) -> bool:
    """A word that describes a person rather than names one: an institution, a portfolio, a party or an
    occupation ("Senate", "Majority", "Libertarian", "Democrat", "Actress")."""
    return (word in ORG_WORDS or word in DEPT_WORDS or word in NOT_PERSON_LAST or word in RANK_WORDS
            or word.endswith(("ist", "er", "or", "ian", "ant", "ent", "ess", "at", "ity")))


def skipped_lines(text: str) -> list[tuple[int, int]]:
    """Lines in capitals or title case: no discovery there (headlines, bylines).

    >>> skipped_lines("KAZAKH PROTESTS GROW TODAY\\nPolice said so.")
    [(0, 26)]
    """
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
        if len(words) >= 4 and all(w[:1].isupper() or w.lower() in {"of", "the", "and", "in", "a", "to", "for", "on",
                                                                    "at"} for w in words):
            out.append((m.start(), m.end()))  # title case (stops at the first word that is not)
    return out


def _groups(sc: Scan) -> tuple[list, set]:
    """Runs of uncovered capitalised tokens joined by spaces or particles, and the words capitalised
    mid-sentence (uncovered)."""
    text, hits = sc.text, sc.hits
    cover = sorted([(m.start, m.end) for m in sc.mentions]
                   + [(hits[i][0], hits[i][1]) for i in range(len(hits)) if i not in sc.uncover])
    tokens = []  # (start, end, covered)
    ci = 0
    for cs, ce in sc.cap_spans:
        while ci < len(cover) and cover[ci][1] <= cs:
            ci += 1
        covered = ci < len(cover) and cover[ci][0] < ce
        tokens.append((cs, ce, covered))
    mid_caps = {text[cs:ce] for cs, ce, cov in tokens if not cov and cs not in sc.initial}
    groups: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for cs, ce, cov in tokens:
        if cov:
            if cur:
                groups.append(cur)
            cur = []
            continue
        if cur and (text[cur[-1][1]:cs] == " " or text[cur[-1][1]:cs] in CONNECTORS) and cs not in sc.sentence_starts:
            cur.append((cs, ce))
        else:
            if cur:
                groups.append(cur)
            cur = [(cs, ce)]
    if cur:
        groups.append(cur)
    split_groups = []
    for g in groups:  # "John Smith of Acme": the person, then the organisation
        cut = None
        for k in range(1, len(g)):
            gap = text[g[k - 1][1]:g[k][0]]
            if gap.startswith(" of") and k >= 2 and (text[g[0][0]:g[0][1]].lower() in FIRST_NAMES or g[0][0] in sc.honorific_at):
                cut = k
                break
        if cut:
            split_groups.extend([g[:cut], g[cut:]])
        else:
            split_groups.append(g)
    return split_groups, mid_caps


def _trim(g: list, sc: Scan, mid_caps: set, known_lasts: dict, lower_words) -> list:
    """Drop leading function words, months, days, flags, sentence-initial adverbs and non-given names before
    a known surname, and trailing months and days."""
    text = sc.text
    while g:
        cs, ce = g[0]
        low = text[cs:ce].lower().rstrip(".")
        if (low in FUNCTION_WORDS or low in LEADING_FLAGS or low in DAYS or low in MONTHS) and cs not in sc.honorific_at:
            g = g[1:]  # but "Ms. May", "Mr. Will" are names
            continue
        if (len(g) > 1 and cs in sc.initial and low.endswith(("ing", "ly")) and text[cs:ce] not in mid_caps
                and low not in FIRST_NAMES):
            g = g[1:]  # "Enrolling Minetest": a sentence-initial verb or adverb, not part of the name
            continue
        if len(g) > 1 and cs not in sc.honorific_at and low not in FIRST_NAMES and (
                (cs in sc.initial and text[cs:ce] not in mid_caps
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
        if (low in DAYS or low in MONTHS) and not prev_first and cs not in sc.honorific_at:
            g = g[:-1]
            continue
        break
    return g


def scan_discovered(sc: Scan) -> None:
    """Discovered-name mentions (``cand``), or codebook names spelt within a small edit distance."""
    text, lex, hits = sc.text, sc.lex, sc.hits
    skipped = skipped_lines(text)
    groups, mid_caps = _groups(sc)
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
        g = _trim(g, sc, mid_caps, known_lasts, lower_words)
        if not g:
            continue
        toks = [text[cs:ce] for cs, ce in g]
        if "-" in toks[-1] and toks[-1].rsplit("-", 1)[1][:1].islower():
            continue  # "Russian-dominated", "Soviet-era": an adjective, not a name
        lows = [t.lower().rstrip(".") for t in toks]
        k = next((k for k in range(1, len(g) - 1) if lows[k] in FIRST_NAMES and lows[k - 1] not in FIRST_NAMES
                  and len(lows[k - 1]) > 1 and lows[0] not in PLACE_WORDS and any(map(_descriptive, lows[:k]))
                  and not any(t in ORG_WORDS for t in lows[k:])), 0)
        if k:  # "Senate Majority Whip John Cornyn", "Libertarian Gary Johnson": the name starts at the given name
            g, toks, lows = g[k:], toks[k:], lows[k:]
        if all(t in NON_NAMES or len(t) < 2 for t in lows):
            continue
        # a country name or adjective, or "General", opening a company name: "American Motors", "General Motors"
        prefix = -1
        if any(t in ORG_WORDS for t in lows) and lows[0] not in FIRST_NAMES and text[g[0][0] - 1:g[0][0]] == " ":
            j = sc.hit_by_end.get(g[0][0] - 1)
            if j is not None and lex.entries[hits[j][2]][0][0] in ("country", "honorific") \
                    and hits[j][2][:1].isupper() and not hits[j][2].endswith("."):
                prefix = hits[j][0]
                sc.honorific_at.pop(g[0][0], None)
        if len(g) == 1 and prefix < 0:
            tok = toks[0]
            if tok.rstrip(".") in STATE_ABBREVIATIONS and text[g[0][0] - 2:g[0][0]] == ", " \
                    and text[g[0][1]:g[0][1] + 1] == ".":
                continue  # "Kansas City, Mo.": a place, not a name
            if len(tok) < 2 or tok.isdigit() or (len(tok) == 2 and tok.endswith(".")):
                continue
            if g[0][0] in sc.initial and tok not in mid_caps:
                # sentence-initial single word: a name only if capitalised mid-sentence elsewhere,
                # or a near-spelling of a codebook surname
                fz = fuzzy_actor(tok, lex)
                if not fz:
                    continue
        s0, e0 = (prefix if prefix >= 0 else g[0][0]), g[-1][1]
        name = " ".join(text[s0:e0].split())
        fz = fuzzy_actor(toks[-1], lex)
        if fz and (len(g) == 1 or any(edit_distance(lows[0], f, 1) <= 1 for f in lex.actors[fz].first_names)):
            sc.mentions.append(Mention(s0, e0, "name", ids=(fz,), form="variant", surname=len(g) == 1, name=name))
            continue
        sc.mentions.append(_candidate(sc, s0, e0, name, g, toks, lows))


def _candidate(sc: Scan, s0: int, e0: int, name: str, g: list, toks: list, lows: list) -> Mention:
    """A discovered candidate: person or not, gender, number of words, last word (before a suffix)."""
    text = sc.text
    cand = Mention(s0, e0, "cand", name=name)
    gender = sc.honorific_at.get(s0)
    person = gender is not None
    first = lows[0]
    if first in FIRST_NAMES:
        person = True
        gender = gender or FIRST_NAMES[first]
    orgish = any(t in ORG_WORDS for t in lows) or lows[0] in PLACE_WORDS or any(t.isupper() and len(t.rstrip(".")) > 1 for t in toks)
    orgish = orgish or (len(g) >= 2 and lows[-1] in PLACE_HEADS) or lows[-1] in NOT_PERSON_LAST
    pw = PREV_WORD.search(text, max(0, s0 - 30), s0)
    placed = bool(pw and pw.end(1) == s0 - 1 and pw.group(1).lower() in PLACE_CONTEXT)  # "in Tsuen Wan"
    if not person and not orgish and not placed and 2 <= len(g) <= 3 and all(t.isalpha() or "-" in t or "'" in t or "’" in t for t in toks) \
            and all(text[g[k][1]:g[k + 1][0]] == " " for k in range(len(g) - 1)):
        person = True
    if person and not gender and len(g) >= 2:
        last = lows[-1]
        if _SLAVIC_F.search(last):
            gender = "f"
        elif _SLAVIC_M.search(last):
            gender = "m"
    cand.person = person and (not orgish or sc.honorific_at.get(s0) is not None)
    # a single plain word ("Flynn") may be a person: an antecedent of he/she of unknown gender, no more
    # when it is the subject of a verb ("Flynn was", "Carson said"; not "California supporters")
    nw = _NEXT_LOWER.match(text, e0)
    cand.extra["maybe_person"] = (len(g) == 1 and toks[0].isalpha() and not toks[0].isupper() and not orgish
                                  and not placed and nw is not None and nw.group(1) in SUBJECT_VERBS)
    cand.gender = gender or ""
    cand.extra["ntok"] = len(g)
    k_last = len(toks) - 1
    while k_last > 0 and lows[k_last] in NAME_SUFFIXES:
        k_last -= 1
    cand.extra["last"] = toks[k_last]
    return cand


def link_surnames(ms: list[Mention]) -> tuple[dict, dict]:
    """(last word -> the persons' representative forms, full form -> its person's representative form)."""
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
        reps = cluster_names(names, form_count)
        rep_of.update(reps)
        last_map[last] = list(dict.fromkeys(reps[n] for n in names))
    return last_map, rep_of


def resolve_discovered(ms: list[Mention], rs: Resolution, last_map: dict, rep_of: dict) -> None:
    """Each discovered candidate to its person (``~Name`` entity); a last word of two persons stays unresolved."""
    entities = rs.entities
    for m in ms:
        if m.kind != "cand":
            continue
        name = rep_of.get(m.name, m.name)
        if m.extra.get("ntok", 1) == 1 and name in last_map:
            if len(last_map[name]) != 1:
                rs.assign(m, None, "unresolved")
                m.person = True
                continue
            name = last_map[name][0]
            m.person = True
        key = "~" + name
        ent = entities.get(key)
        if ent is None:
            ent = rs.remember(Entity(key, "", name, "", "", m.gender, m.person))
        else:
            if m.person and not ent.person:
                ent.person = True
            if m.gender and not ent.gender:
                ent.gender = m.gender
        rs.assign(m, ent, "discovered")
        m.actor_id = ""
