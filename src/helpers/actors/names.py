"""Codebook names: full names, aliases, surnames and misspellings (rule 3 of :mod:`helpers.actors`).

A codebook name or alias resolves directly (``resolution`` ``name`` for the canonical name and its surname,
``alias`` otherwise; ``spelling`` ``variant`` for listed variants and for spellings matched by edit distance,
:func:`fuzzy_actor`). A surname alone resolves only if the codebook lists it as an alias or the article also
gives a fuller form (before or after it; titles and honorifics in front, ``President Trump``, ``Mr Johnson``,
do not matter), and never when the article names a second person with that surname (``Hunter Biden`` beside
``Joe Biden``): then it is ``unresolved`` -- unless a title right before it is one that only the codebook
person holds (``President Trump`` beside ``Melania Trump``), or the codebook person is the last one named in
full with that surname before it (``Hunter Biden`` ... ``Joe Biden`` ... ``Biden``) and no honorific says
another gender (``Mrs. Biden``). A capitalised word before a known surname is
checked: an edit distance of at most one from a known first name makes the pair a spelling variant
(``Anthony Blinken``); a word that is part of a title phrase (``Prime Minister Johnson``) or a
sentence-initial word that is not a known first name and never capitalised mid-sentence (``Afterwards
Trump``) is ignored; any other word makes a different, discovered person.

The same pass over the lexicon hits records pronouns (resolved in :mod:`.pronouns`) and countries in agent
position (:func:`.agents.country_agent`).

>>> from helpers.actors import find_mentions
>>> find_mentions("Anthony Blinken met Joe Biden and Hunter Biden. Biden left.")[["mention", "canonical_name", "spelling"]].values.tolist()
[['Anthony Blinken', 'Antony Blinken', 'variant'], ['Joe Biden', 'Joe Biden', 'canonical'], ['Hunter Biden', 'Hunter Biden', ''], ['Biden', '', '']]
>>> edit_distance("Blinken", "Blinkin", 2), sorted(given_names("John James Conyers Jr."))
(1, ['james', 'john'])
"""
from __future__ import annotations

import functools

from .agents import country_agent
from .model import Mention, Resolution, Scan, actor_entity
from .wordclasses import DAYS, FIRST_NAMES, FUNCTION_WORDS, MONTHS, NAME_SUFFIXES, NON_NAMES, TITLE_FLAGS

def scan_names(sc: Scan) -> None:
    """Codebook-name, pronoun and country-agent mentions from the lexicon hits not claimed yet."""
    text, hits, lex, consumed, initial = sc.text, sc.hits, sc.lex, sc.consumed, sc.initial
    full_ids = set()
    for s, e, surface in hits:
        for ent in lex.entries[surface]:
            if ent[0] == "actor" and not ent[3]:
                full_ids.add(ent[1])
    cap_spans = sc.cap_spans
    cap_by_end = {ce: k for k, (cs, ce) in enumerate(cap_spans)}

    @functools.lru_cache(maxsize=1)
    def mid_cap_words() -> frozenset:  # capitalised words seen mid-sentence (computed once, on demand)
        return frozenset(text[cs:ce] for cs, ce in cap_spans if cs not in initial)

    for i, (s, e, surface) in enumerate(hits):
        if i in consumed:
            continue
        ents = lex.entries[surface]
        ent = ents[0]
        if ent[0] == "pronoun":
            sc.mentions.append(Mention(s, e, "pronoun", group=ent[1]))
            consumed.add(i)
            continue
        if ent[0] == "country":
            if ent[2] == "name" and country_agent(text, s, e, surface, initial):
                sc.mentions.append(Mention(s, e, "role", role_id="government", qual=ent[1], form="name"))
                consumed.add(i)
            continue
        if ent[0] != "actor":
            continue
        acts = [x for x in ents if x[0] == "actor"]
        usable = [x for x in acts if not x[3] or x[4] or x[1] in full_ids]
        if not usable:
            sc.uncover.add(i)
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
                if (sc.hit_by_start.get(cs) is None and sc.hit_by_end.get(ce) is None
                        and low not in FUNCTION_WORDS and low not in MONTHS and low not in DAYS
                        and low not in NON_NAMES and low not in TITLE_FLAGS and not tok.isupper()
                        and not (cs in initial and low not in FIRST_NAMES and tok not in mid_cap_words())):
                    actor = lex.actors[usable[0][1]]
                    if any(edit_distance(low, f, 1) <= 1 and low[:1] == f[:1] for f in actor.first_names):
                        m_start, form, surname = cs, "variant", False
                    else:
                        sc.conflict_surnames.add(surface)
                        sc.uncover.add(i)
                        consumed.add(i)
                        continue
        sc.mentions.append(Mention(m_start, e, "name", ids=tuple(dict.fromkeys(x[1] for x in usable)), form=form,
                                   surname=surname, name=surface))
        consumed.add(i)


def edit_distance(a: str, b: str, limit: int) -> int:
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


def fuzzy_actor(tok: str, lex) -> str:
    """Codebook person whose surname is within a small edit distance of ``tok`` (one candidate only)."""
    if len(tok) < 6 or not tok[:1].isupper():
        return ""
    found = set()
    for form, aid in lex.fuzzy_index.get(tok[:2].lower(), ()):
        if form == tok:
            continue
        limit = 2 if len(tok) >= 10 else 1
        if edit_distance(tok.lower(), form.lower(), limit) <= limit:
            found.add(aid)
    return found.pop() if len(found) == 1 else ""



def given_names(name: str) -> set[str]:
    """Given names of a full name: its words but the last, without initials and suffixes (lower case)."""
    words = [w.lower().rstrip(".") for w in name.split()]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return {w for w in words[:-1] if len(w) > 1 and w not in NAME_SUFFIXES}


def cluster_names(names: list[str], counts: dict[str, int]) -> dict[str, str]:
    """Full names sharing a surname, grouped into persons: two forms are one person when they share a given
    name or one's words are a subsequence of the other's (``Bernie Sanders`` / ``Vermont Bernie Sanders``,
    ``John Conyers`` / ``John James Conyers Jr.``). Each form maps to its group's most frequent form (ties:
    the one with fewest words, then the first), which becomes the person's ``canonical_name``.

    >>> cluster_names(["Vermont Bernie Sanders", "Bernie Sanders", "Jane Sanders"], {"Bernie Sanders": 2})
    {'Vermont Bernie Sanders': 'Bernie Sanders', 'Bernie Sanders': 'Bernie Sanders', 'Jane Sanders': 'Jane Sanders'}
    """
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    words = [n.split() for n in names]
    given = [given_names(n) for n in names]
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            if given[i] & given[j] or subsequence(words[i], words[j]) or subsequence(words[j], words[i]):
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


def subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return len(short) < len(long) and all(w in it for w in short)



def resolve_names(ms: list[Mention], rs: Resolution, conflict_surnames: set, last_map: dict) -> None:
    """Codebook-name mentions to their actor; a surname worn by another person here stays unresolved.

    ``last_map`` maps a discovered person's last word to the person's forms (:func:`.discovery.link_surnames`).
    """
    lex = rs.lex
    full = {m.ids[0] for m in ms if m.kind == "name" and not m.surname and len(m.ids) == 1}
    last_full: dict[str, str] = {}  # surname -> who was last named in full: a codebook id, or "~" (another person)
    for t, m in enumerate(ms):
        if m.kind == "cand" and m.person and m.extra.get("ntok", 1) >= 2:
            last_full[m.extra["last"]] = "~"
        if m.kind != "name":
            continue
        ids = list(m.ids)
        if not m.surname and len(ids) == 1 and lex.actors[ids[0]].kind == "person":
            last_full[m.name.split()[-1]] = ids[0]
        if m.surname and (m.name in conflict_surnames or m.name in last_map and not (
                len(ids) == 1 and all(given_names(n) & lex.actors[ids[0]].first_names for n in last_map[m.name]))) \
                and not _shared_surname_is(ids, m, ms[t - 1] if t > 0 else None, rs, full, last_full):
            rs.assign(m, None, "unresolved")
            continue
        if len(ids) > 1:
            ids = [a for a in ids if a in full]
        if len(ids) != 1:
            rs.assign(m, None, "unresolved")
            continue
        ent = rs.remember(actor_entity(ids[0], lex, rs.focal))
        res, spell = {"name": ("name", "canonical"), "alias": ("alias", "canonical"),
                      "variant": ("alias", "variant")}[m.form]
        rs.assign(m, ent, res, spell)
        rs.named.add(ids[0])


def _shared_surname_is(ids: list, m: Mention, prv: Mention | None, rs: Resolution, full: set, last_full: dict) -> bool:
    """A surname that another person in the article also wears is still the codebook person's when a title
    right before it is one only that person holds ("President Trump" beside "Melania Trump"), or when that
    person was the last one named in full with this surname ("Joe Biden ... Hunter Biden ... Joe Biden said.
    Biden left.") and no honorific says another gender ("Mrs. Trump")."""
    if len(ids) != 1 or ids[0] not in full:
        return False
    lex = rs.lex
    if prv is not None and prv.kind == "title" and rs.text[prv.end:m.start] == " " and not prv.former \
            and any(r.actor_id == ids[0] for r in lex.roles_by_head.get(prv.head, ())):
        return True
    said = rs.honorifics.get(m.start, "")
    return last_full.get(m.name) == ids[0] and said in ("", lex.actors[ids[0]].gender)
