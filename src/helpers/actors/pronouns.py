"""Pronouns: ``he``, ``she``, ``they`` and their other forms (rule 6 of :mod:`helpers.actors`).

A pronoun is resolved as a reader would, left to right (a resolved pronoun is itself an antecedent of the
next one):

- **Where to look.** The pronoun's own sentence (the text model's sentence, before the pronoun), else the
  nearest of the three previous sentences that holds a compatible antecedent.
- **Compatible.** ``he/him/his/himself`` and ``she/her/hers/herself`` take a *person* whose gender is
  unknown or matches: a codebook person, a title (``the president``, ``a spokeswoman``), a discovered person
  name (or a single plain capitalised word such as ``Flynn``, of unknown gender), or a resolved pronoun.
  Gender comes from the codebook, honorifics (``Mr``, ``Ms``), gendered titles (``spokeswoman``), a list of
  common given names, Slavic surname endings (``-ova``) and earlier resolved pronouns.
  ``they/them/their/themselves`` take a plural generic agent (``police``, ``the protesters``, ``Kazakh
  authorities``, ``the researchers``) or identified persons joined by *and* (``Biden and Harris`` resolves
  ``they`` to an actor named ``Joe Biden and Kamala Harris``, with no codebook id), or a name followed by *et
  al* (``Stamenković et al``). ``it``, ``I`` and ``we`` are not mentions.
- **Never** a name that modifies a noun (``the Trump campaign``, ``Trump supporters``), a place (``in Tsuen
  Wan``), an organisation, a heading, dateline or boilerplate paragraph, or a line that is nothing but a name
  (a photo credit or ``Article Continued Below``). A pronoun outside quotation marks never takes a name
  inside a quotation (``“I met Biden,” he said``); inside a quotation, people named in the same sentence
  outside it (usually its speaker) are not antecedents.
- **Which one.** A possessive, object or reflexive form (``his``, ``him``, ``her``, ``them`` ...) in its
  antecedent's own sentence takes the nearest one before it whose gender is known to match, else the nearest
  (``Trump asked Ukraine to investigate Biden and his son``). Otherwise, in that sentence, the first named or
  titled person (of a compatible gender, possibly unknown), else the first resolved pronoun or possessive name
  (``after Mr. Vander Plaats's introduction, he said``), else the first single capitalised word: the subject
  usually comes first (``Flynn spoke after he was pardoned by Trump. He ...`` is Flynn). A bare position (``as
  president``) is not an antecedent. When the chosen antecedent is a person the text does not identify (an
  unresolved title such as ``The president spoke``, a surname two people share, an unresolved pronoun) the
  pronoun stays ``unresolved``, as it does when nothing compatible precedes it.

Measured on PolNeAR train pronoun sources judged by hand (153, see :mod:`helpers.actors`): right 83%,
unresolved 11%, wrong 6% (the rule before: 44%, 50%, 6%).

>>> from helpers.actors import find_mentions
>>> m = find_mentions("Mary Smith met John Brown. She smiled. The protesters left. They came back.")
>>> m[m["resolution"] == "pronoun"][["mention", "canonical_name"]].values.tolist()
[['She', 'Mary Smith'], ['They', 'protesters']]
>>> m = find_mentions("Article Continued Below\\n\\nHe said no.")
>>> m[["mention", "resolution"]].values.tolist()
[['Article Continued Below', 'discovered'], ['He', 'unresolved']]
"""
from __future__ import annotations

import bisect
import re

from .agents import modifier_use
from .model import Entity, Mention, Resolution

_ET_AL = re.compile(r" et al\b")
#: Sentences before the pronoun's own that are searched for an antecedent.
WINDOW = 3
#: Subject forms; any other form (his, him, her, them, their, himself ...) in the antecedent's own sentence
#: takes the nearest preceding antecedent ("Trump asked Ukraine to investigate Biden and his son").
SUBJECT_FORMS = frozenset({"he", "she", "they"})
# tiers of antecedents, best first: a named or titled person (or group), a resolved pronoun, a single word
_NAMED, _PRONOUN, _MAYBE = 0, 1, 2


def _antecedent(m: Mention, entities: dict) -> tuple | None:
    """(key, gender, person, group, tier) of a mention that may be an antecedent, or None."""
    if m.kind == "name":
        if not m.key:
            return ("", "", True, False, _NAMED)
        return (m.key, "", True, False, _NAMED) if entities[m.key].person else None
    if m.kind == "title":
        return None if m.extra.get("predicative") else (m.key, m.gender, True, False, _NAMED)
    if m.kind == "cand" and (m.person or (m.key and entities[m.key].person)):
        return (m.key, m.gender, True, False, _NAMED)
    if m.kind == "cand" and m.extra.get("maybe_person"):
        return (m.key, m.gender, True, False, _MAYBE)
    if m.kind == "role" and m.plural:
        return (m.key, "", False, True, _NAMED)
    return None


def _gender(ev: tuple, entities: dict) -> str:
    return entities[ev[0]].gender if ev[0] else ev[1]


def _compatible(ev: tuple, want: str, entities: dict) -> bool:
    if want == "p":
        return ev[3]
    return ev[2] and _gender(ev, entities) in ("", want)


def _choose(cands: list[tuple], want: str, entities: dict) -> tuple:
    """Among ``(event, [first, last] position)`` candidates in one sentence: the first of the best tier (named,
    then resolved pronouns and possessive names, then single words). The events of one identified actor count
    as one, at its first position and best tier (a single word that a pronoun already took is a named person)."""
    by_key: dict = {}
    for ev, pos in cands:
        key = ev[0] if ev[0] else ("", pos[0])
        tier = _NAMED if ev[4] == _MAYBE and ev[0] and entities[ev[0]].person else ev[4]
        cur = by_key.get(key)
        if cur is None:
            by_key[key] = [ev, pos[0], tier]
        else:
            cur[1], cur[2] = min(cur[1], pos[0]), min(cur[2], tier)
    ranked = sorted(by_key.values(), key=lambda c: c[1])
    best = min(c[2] for c in ranked)
    return next(ev for ev, _, tier in ranked if tier == best)


def _not_body(model, ms: list[Mention]) -> set[int]:
    """Indices of mentions that cannot be antecedents: in a heading, dateline or boilerplate paragraph, or
    a discovered name that is the whole paragraph (a credit line)."""
    if model is None:
        return set()
    paras = model.paragraphs
    starts = [p.start for p in paras]
    out = set()
    for t, m in enumerate(ms):
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0:
            continue
        p = paras[k]
        if p.kind != "body" or (m.kind == "cand" and m.start <= p.start and m.end >= p.end - 1):
            out.add(t)
    return out


def resolve_pronouns(ms: list[Mention], rs: Resolution, quotes: list[tuple[int, int]], model=None) -> None:
    """Resolve pronouns left to right. ``quotes``: direct quotation spans; ``model``: the text model (paragraph
    kinds), optional."""
    entities = rs.entities
    # events[sentence]: each distinct antecedent (key, gender, person, group, tier, quote) -> [first, last] position
    events: dict[int, dict[tuple, list]] = {}
    q_starts = [a for a, b in quotes]
    excluded = _not_body(model, ms)

    def quote_of(pos: int) -> int:
        k = bisect.bisect_right(q_starts, pos) - 1
        return k if k >= 0 and quotes[k][0] <= pos < quotes[k][1] else -1

    def note(sent: int, ev: tuple, pos: int) -> None:
        seen = events.setdefault(sent, {})
        if ev in seen:
            seen[ev][1] = pos
        else:
            seen[ev] = [pos, pos]

    run: list[Mention] = []  # persons joined by ", " / " and " so far: "Biden and Harris ... they"
    for t, m in enumerate(ms):
        q = quote_of(m.start)
        if m.kind != "pronoun":
            ev = _antecedent(m, entities)
            team = m.kind == "cand" and m.key and _ET_AL.match(rs.text, m.end)
            if team:  # "Stamenković et al found": a team
                ev = (m.key, "", False, True, _NAMED)
            elif ev is not None and ev[4] == _NAMED and rs.text[m.end:m.end + 2] in ("'s", "’s"):
                ev = ev[:4] + (_PRONOUN,)  # a possessive is seldom the subject: "after Vander Plaats's speech, he"
            if ev is not None and t not in excluded and (team or not (
                    m.kind in ("name", "cand") and modifier_use(rs.text, m.end, False))):  # "the Trump campaign"
                note(m.sent, ev + (q,), m.start)
                if ev[2] and ev[4] == _NAMED:
                    run = _coordinate(run, m, rs, note, q)
            continue
        want = m.group
        subject = rs.text[m.start:m.end].lower() in SUBJECT_FORMS
        chosen = None
        for k in range(m.sent, max(-1, m.sent - WINDOW - 1), -1):
            cands = [(ev, pos) for ev, pos in events.get(k, {}).items() if _compatible(ev, want, entities)
                     and (ev[5] < 0 if q < 0 else (k != m.sent or ev[5] == q))]
            if cands:
                if k == m.sent and not subject:  # the nearest preceding one (a known gender first)
                    known = [c for c in cands if want in ("m", "f") and _gender(c[0], entities) == want]
                    chosen = max(known or cands, key=lambda c: c[1][1])[0]
                else:
                    chosen = _choose(cands, want, entities)
                break
        ent = entities[chosen[0]] if chosen is not None and chosen[0] else None
        if ent is not None and want in ("m", "f"):
            ent.gender = ent.gender or want
            ent.person = True
        rs.assign(m, ent, "pronoun")
        if ent is None:
            m.resolution = "unresolved"
        note(m.sent, (m.key, want if want in ("m", "f") else "", want != "p", want == "p", _PRONOUN, q), m.start)


_JOINERS = (", ", " and ", ", and ", " & ")


def _coordinate(run: list[Mention], m: Mention, rs: Resolution, note, q: int) -> list[Mention]:
    """Extend the run of coordinated persons with ``m``; a run of two or more identified persons whose last
    link is ``and`` is a plural antecedent (an entity named "A and B", no codebook id)."""
    if run and rs.text[run[-1].end:m.start] in _JOINERS and run[-1].sent == m.sent:
        run = run + [m]
    else:
        return [m]
    if rs.text[run[-2].end:m.start].strip(", ") in ("and", "&") and all(x.key for x in run):
        keys = list(dict.fromkeys(x.key for x in run))
        if len(keys) >= 2:
            key = "&" + "&".join(keys)
            names = [rs.entities[k].canonical for k in keys]
            name = ", ".join(names[:-1]) + " and " + names[-1]
            rs.remember(Entity(key, "", name, "", "", "", False, True))
            note(m.sent, (key, "", False, True, _NAMED, q), run[0].start)
    return run
