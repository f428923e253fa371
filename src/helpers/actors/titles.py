"""Titles: ``president``, ``U.S. Secretary of State``, ``the former president``, ``a spokesman`` are mentions
of a person (rule 5 of :mod:`helpers.actors`).

Found by :func:`scan_titles` (a title head of :data:`~.wordclasses.TITLE_HEADS` or a codebook role title, with
its qualifiers from :mod:`.qualifiers`; honorifics such as ``Mr``/``Ms`` are noted for the next word, not
mentions). Resolved by :func:`resolve_titles`, in this order:

(a) *apposition*: a name right after the title (``The president, Kassym-Jomart Tokayev,``, ``Secretary of
    State Anthony Blinken``) or right before it (``Julie Payette, the Governor General of Canada``);
(b) *history*: earlier resolved titles of the same kind (same head, including rank words such as
    ``deputy``; the later title's portfolio words a subset of the earlier one's; compatible country; same
    ``former``) point to exactly one actor;
(c) *codebook*: holders of a matching role -- with ``date``, those in office on that date (``former``:
    those whose term ended before it); without ``date``, all holders (``former``: those with an ended
    term), kept only if the article itself names exactly one of them, or else if exactly one holder
    remains; a title without a country qualifier only considers holders named in the article or holders
    from the focal country;
(d) *later apposition*: exactly one binding of that title later in the article (a title used before the
    name is known).

A singular role noun found before a name (``CSTO official John Smith``, :mod:`.agents`) is a title only when
that name is a person's; otherwise it is the generic agent it names. Otherwise it stays ``unresolved``.
Indefinite titles (``a spokesman``) and bare titles naming a position
(``as president``, ``ran for governor``) resolve only by apposition.

>>> from helpers.actors import find_mentions
>>> m = find_mentions("Julie Payette, the Governor General of Canada, spoke. The president spoke.")
>>> m[["mention", "canonical_name", "resolution"]].values.tolist()[1:]
[['the Governor General of Canada', 'Julie Payette', 'title'], ['The president', '', 'unresolved']]
"""
from __future__ import annotations

import re

from .model import Entity, Mention, Resolution, Scan, actor_entity
from .qualifiers import left_context, title_right
from .wordclasses import NEXT_WORD, PREDICATIVE_CUES, PREV_WORD

_APPOS_BEFORE = re.compile(r",\s+(?:(?:then|now|currently|formerly|who is|who was)\s+)?(?:(?:an?)\s+)?\Z")

def scan_titles(sc: Scan) -> None:
    """Title mentions (and honorifics, which mark the next word as a person) from the lexicon hits."""
    text, hits, lex, consumed = sc.text, sc.hits, sc.lex, sc.consumed
    for i, (s, e, surface) in enumerate(hits):
        ents = lex.entries[surface]
        ent = ents[0]
        if ent[0] == "honorific":
            n = NEXT_WORD.match(text, e)
            if n and n.group(1)[:1].isupper():
                sc.honorific_at[n.start(1)] = ent[1]
            consumed.add(i)
            continue
        if ent[0] != "title" or i in consumed:
            continue
        start, info = left_context(sc, s, "title")
        end, rqual, rmods, rcons = title_right(sc, e)
        consumed.update(info["consumed"])
        consumed.update(rcons)
        consumed.add(i)
        head = ent[1]
        if info["rank"]:
            head = " ".join(info["rank"] + [head])
        mods = frozenset(w for w in info["mods"] + rmods if w not in ("of", "the", "and", "for", "affairs"))
        predicative = False
        if not info["det"] and start == s:
            pw = PREV_WORD.search(text, max(0, s - 30), s)
            predicative = bool(pw and pw.group(1).lower() in PREDICATIVE_CUES)
        sc.mentions.append(Mention(start, end, "title", head=head, mods=mods, qual=info["qual"] or rqual,
                                   former=info["former"], indefinite=info["indef"] or predicative, gender=ent[2],
                                   person=True, extra={"predicative": predicative}))


def _title_matches(t: Mention, head: str, mods: frozenset, qual: str, former: bool, iso: str) -> bool:
    return (head == t.head and t.mods <= mods and former == t.former
            and (not t.qual or t.qual == qual or t.qual == iso))


def _apposition_bindings(ms: list[Mention], rs: Resolution) -> dict[int, Entity | None]:
    """Rule (a): titles with a person's name right after or right before them -> that person's entity."""
    text, lex, entities = rs.text, rs.lex, rs.entities
    bound: dict[int, Entity | None] = {}
    for t, m in enumerate(ms):
        if m.kind != "title":
            continue
        nxt = ms[t + 1] if t + 1 < len(ms) else None
        prv = ms[t - 1] if t > 0 else None
        target = None
        if m.extra.get("role_id"):  # a role noun before a name ("CSTO official John Smith"): only a person's
            if nxt is not None and text[m.end:nxt.start] == " " and (
                    nxt.kind == "cand" and nxt.person
                    or nxt.kind == "name" and nxt.ids and lex.actors[nxt.ids[0]].kind == "person"):
                bound[t] = entities.get(nxt.key) if nxt.key else None
            continue
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
    return bound


def _holders(m: Mention, lex, date: str | None) -> list[tuple[str, str]]:
    """Rule (c): (actor id, where) of the codebook holders of title ``m`` (on ``date`` when given)."""
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


def resolve_titles(ms: list[Mention], rs: Resolution) -> None:
    """Resolve every title mention by apposition, history, codebook holders, then later apposition."""
    lex, focal, entities, named = rs.lex, rs.focal, rs.entities, rs.named
    bound = _apposition_bindings(ms, rs)
    history: dict[tuple, None] = {}  # distinct (head, mods, qual, former, key) of resolved titles so far
    later: dict[tuple, int] = {}  # distinct bound titles -> last position
    for t, e in bound.items():
        if e is not None:
            tm = ms[t]
            later[(tm.head, tm.mods, tm.qual, tm.former, e.key)] = tm.start

    for t, m in enumerate(ms):
        if m.kind != "title":
            continue
        if m.extra.get("role_id") and t not in bound:  # no person's name after it: the generic agent after all
            m.kind, m.role_id, m.form, m.person = "role", m.extra["role_id"], m.extra["form"], False
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
                hs = _holders(m, lex, rs.date)
                pool = [a for a, where in hs if m.qual or a in named or (focal and where == focal)]
                pool = list(dict.fromkeys(pool))
                named_in = [a for a in pool if a in named]
                if len(named_in) == 1:
                    ent, decided = rs.remember(actor_entity(named_in[0], lex, focal)), True
                elif not named_in and len(pool) == 1:
                    ent, decided = rs.remember(actor_entity(pool[0], lex, focal)), True
                elif pool:
                    decided = True
            if not decided:
                keys = []
                for (head, mods, qual, former, key), pos in later.items():
                    if pos > m.start and _title_matches(m, head, mods, qual, former, entities[key].iso) and key not in keys:
                        keys.append(key)
                if len(keys) == 1:
                    ent = entities[keys[0]]
        rs.assign(m, ent, "title")
        if ent is not None:
            history[(m.head, m.mods, m.qual, m.former, ent.key)] = None
