"""Words around a head noun: what qualifies a title or a role noun (used by :mod:`.titles` and :mod:`.agents`).

Walking left from a head (:func:`left_context`): a country name or adjective or an organisation
(``Kazakh authorities``, ``Kazakhstan's police``, ``UN Secretary-General``) gives the qualifier; ``the`` makes
it definite, ``a``/``an`` indefinite; for titles also flags (``former``, ``acting``, :data:`TITLE_FLAGS`),
rank words (``deputy``), portfolio words (``foreign``, ``interior``) and capitalised modifiers
(``Prime Minister``), for role nouns only :data:`ROLE_MODIFIERS` (``Kazakh local police``). Walking right
from a title (:func:`title_right`): ``of Kazakhstan``, ``of Foreign Affairs``, ``for the Interior``.

>>> from helpers.actors.codebook import lexicon
>>> from helpers.actors.model import Scan
>>> text = "the former Kazakh foreign minister of Kazakhstan"
>>> lex = lexicon()
>>> sc = Scan(text, lex, [(m.start(), m.end(), m.group()) for m in lex.regex.finditer(text)], set(), "")
>>> start, info = left_context(sc, text.index("minister"), "title")
>>> start, info["det"], info["former"], info["qual"], info["mods"]
(0, True, True, 'KAZ', ['foreign'])
>>> title_right(sc, text.index(" of"))[:2]
(48, 'KAZ')
"""
from __future__ import annotations

import bisect
import re

from .wordclasses import (DAYS, DEPT_WORDS, FUNCTION_WORDS, MONTHS, PREV_WORD, RANK_WORDS, ROLE_MODIFIERS,
                          TITLE_FLAGS)

MINISTRY_WORDS = DEPT_WORDS | ROLE_MODIFIERS
OF_RIGHT = re.compile(r"[ ](?:of|for)[ ](?:the[ ])?")
DEPT_SEQ = re.compile(
    r"(?:(?:" + "|".join(sorted({w.capitalize() for w in DEPT_WORDS} | set(DEPT_WORDS), key=len, reverse=True)) + r")(?:[ ]and[ ]|[ ]|(?=\W|$)))+"
)


def hit_qualifier(ent, lex) -> str:
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


def left_context(sc, s: int, mode: str) -> tuple[int, dict]:
    """Walk left from ``s`` over modifiers (``mode``: title, role or ministry). Returns (start, info dict)."""
    text, hits, hit_by_end, consumed, lex, initial = sc.text, sc.hits, sc.hit_by_end, sc.consumed, sc.lex, sc.initial
    info = {"det": False, "indef": False, "former": False, "qual": "", "mods": [], "rank": [], "consumed": []}
    new_start = s
    pos = s
    steps = 0
    while steps < 6 and pos not in sc.sentence_starts:  # never across a sentence boundary
        steps += 1
        m = PREV_WORD.search(text, max(0, pos - 50), pos)
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
            qual = hit_qualifier(ent, lex)
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


def title_right(sc, e: int) -> tuple[int, str, list, list]:
    """Extend a title over ``of Kazakhstan`` / ``of Foreign Affairs``. Returns (end, qual, mods, consumed)."""
    text, hits, hit_by_start, consumed, lex = sc.text, sc.hits, sc.hit_by_start, sc.consumed, sc.lex
    m = OF_RIGHT.match(text, e)
    if not m:
        return e, "", [], []
    p = m.end()
    j = hit_by_start.get(p)
    if j is not None and j not in consumed:
        ent = lex.entries[hits[j][2]][0]
        qual = hit_qualifier(ent, lex)
        if qual:
            return hits[j][1], qual, [], [j]
    d = DEPT_SEQ.match(text, p)
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

