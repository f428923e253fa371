"""Group antecedents: the plural group or organisation a ``they`` speaker stands for.

:mod:`helpers.actors` resolves ``they`` only to generic agents it knows (``police``, ``the protesters``) and to
coordinated persons. A reader resolves it further, to the nearest preceding *subject* that is a plural group or
an organisation: ``The astronomers started observing the system in 1999. Initially, they thought ...``,
``The NBA did not release the player's name. They did say ...``. :func:`group_antecedent` applies that rule to
an unresolved ``they`` speaker:

- **Where to look.** The speaker's own sentence before it, then the :data:`REACH` previous sentences, nearest
  first (in its own sentence the nearest candidate before it; in an earlier one the first, its subject).
- **A subject.** A candidate starts a clause: the start of a sentence (after at most two connective or adverb
  tokens and a comma: ``Initially,``, ``But``), or the word after ``and``/``but``/``because``/``while``/
  ``when``/``after``/``before``/``if``/``since``/``although``/``though``/``until``/``where``/``what`` or a
  semicolon. It is followed by a verb (an auxiliary, a negated auxiliary, a word in ``-ed``, a reporting verb)
  or a comma (an apposition).
- **A plural group** is a determiner (``the``, ``these``, ``those``, ``some``, ``many``, ``most``, ``all``,
  ``both``, ``several``, or a possessive such as ``my``, ``their``), an optional possessive (``the study's``),
  at most two lower-case modifiers and a lower-case plural head (``The officers``, ``some sex workers``,
  ``The study's lead authors``) or collective
  noun (``The couple``, ``My family``), or a bare plural (``People, especially ..., hated``); the head must name
  someone who can speak (:func:`_agent_head`: ``prices`` or ``the proposed moves`` never do); its actor is the
  phrase without the determiner (``officers``).
- **An organisation** is a :mod:`helpers.actors` mention there whose speaker phrase is typed ``organisation`` by
  :func:`~helpers.quotes.sources.source_type`, or an all-capitals acronym (``NBA``, ``WHO``); its actor is the
  mention's canonical name.

Only the text's narration is read (the skeleton: words inside quotation marks are masked), so a group inside a
quotation is never an antecedent of a speaker outside it; headings, datelines and boilerplate lines are skipped.

>>> t = "The astronomers started observing in 1999. Initially, they thought it was a binary."
>>> group_antecedent(t, t.index("they"), [])
('astronomers', 'organisation')
>>> t = "The NBA did not release the name. They did say he was absent."
>>> group_antecedent(t, t.index("They"), [(4, 7, "NBA")])
('NBA', 'organisation')
>>> t = "NASA interrupted its coverage to mourn him. It also credited him with the spacewalk."
>>> group_antecedent(t, t.index("It also"), [(0, 4, "NASA")], organisations_only=True)
('NASA', 'organisation')
>>> t = "He visited the towns. In the end, they said no."
>>> group_antecedent(t, t.index("they"), []) is None   # "the towns" is an object, not a subject
True
"""
from __future__ import annotations

from bisect import bisect_left

from helpers import text as tm
from helpers.quotes.sources import _ORG_WORDS, _PERSON_NOUNS, source_type

#: Sentences before the speaker's own that are searched.
REACH = 2
_DETS = frozenset("the these those some many most all both several my our your his her their".split())
_OPENERS = frozenset("and but because while when after before if since although though until where "
                     "whereas yet what".split())
_CONNECTIVES = frozenset("but and so yet then initially however instead later meanwhile now also still "
                         "eventually previously earlier afterwards first finally in the end".split())
_VERBISH = frozenset("are were have had has will would could can may might must should did do also then later "
                     "still now said say says told tell argue argued claim claimed found find believe believed "
                     "think thought insist insisted warn warned announced announce wrote write noted note "
                     "added add reported report stated state explained explain suggested suggest indicated "
                     "indicate often never always already reportedly".split())
_NOT_HEADS = frozenset("was has does its this is as thus news series us yes less unless across means whereas "
                       "perhaps always sometimes afterwards besides towards".split())


_IRREGULAR_PLURALS = frozenset("people men women children".split())
#: Collective nouns that ``they`` takes as readily as a plural: 'The couple encouraged ... They felt ...'.
_COLLECTIVES = frozenset("couple family team pair duo trio band crew committee panel board jury public "
                         "audience staff".split())
#: Plural heads of agents: the plurals of the person and organisation nouns of :mod:`.sources`, a few more, and
#: agent suffixes (``-ers``, ``-ors``, ``-ists``, ``-ians``, ``-ees``, ``-ives``) minus common non-agents: only
#: someone can say or think, so ``prices``, ``investments`` or ``the proposed moves`` are never antecedents.
_AGENT_PLURALS = frozenset(
    [w + "s" for w in _PERSON_NOUNS] + [w[:-1] + "ies" for w in _ORG_WORDS if w.endswith("y")] +
    [w + "s" for w in _ORG_WORDS if not w.endswith("s")] + list(_ORG_WORDS) +
    "companies firms banks governments countries nations parties members staff crowds families relatives "
    "parents migrants participants residents immigrants refugees delegates students teachers".split())
_AGENT_SUFFIXES = ("ers", "ors", "ists", "ians", "ees", "ives")
_NOT_AGENTS = frozenset("numbers matters papers letters orders powers borders quarters layers chapters offers "
                        "answers barriers containers computers towers headquarters others waters centers "
                        "figures factors sectors motors monitors mirrors errors colors colours doors floors "
                        "objectives initiatives alternatives incentives archives perspectives derivatives "
                        "guarantees fees trees degrees".split())


def _agent_head(w: str) -> bool:
    return w in _IRREGULAR_PLURALS or w in _COLLECTIVES or w in _AGENT_PLURALS or (
        w.endswith(_AGENT_SUFFIXES) and w not in _NOT_AGENTS)


def _plural_head(w: str) -> bool:
    return w in _IRREGULAR_PLURALS or w in _COLLECTIVES or \
        w.isalpha() and w.islower() and len(w) > 3 and w.endswith("s") and \
        not w.endswith(("ss", "us", "is", "ous")) and w not in _NOT_HEADS


def _verbish(w: str) -> bool:
    return w == "," or w in _VERBISH or (w.isalpha() and w.islower() and w.endswith("ed")) or \
        w.endswith(("n't", "n’t"))


def _plural_group(words: list[str], i: int) -> int | None:
    """End index (exclusive) of a plural group starting at token ``i`` and followed by a verb, a comma, ``who`` or
    a participle (``the people writing the laws had``)."""
    if i >= len(words) or words[i].lower() not in _DETS:
        return None
    j = i + 1
    if j < len(words) and words[j].endswith(("'s", "’s")) and words[j][:-2].isalpha():
        j += 1   # "the study's lead authors"
    for k in range(j, min(j + 3, len(words))):
        if not (words[k].isalpha() and words[k].islower()):
            return None
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if _plural_head(words[k]) and _agent_head(words[k]) and nxt and (
                _verbish(nxt) or nxt == "who" or (nxt.endswith("ing") and nxt.islower())):
            return k + 1
    return None


def _clause_starts(words: list[str]) -> list[int]:
    """Token indices where a clause may start in one sentence's words."""
    out = [0]
    k = 0
    while k < min(3, len(words)) and (words[k].lower() in _CONNECTIVES or words[k] == ","):
        k += 1
        out.append(k)
    out += [k + 1 for k, w in enumerate(words) if w.lower() in _OPENERS or w == ";"]
    return sorted(set(out))


def _coordinated(words: list[str], spans: list, i: int, at_mention) -> int | None:
    """End index of ``Name and Name`` or ``Name and his/her/their noun`` starting at token ``i``, followed by a
    verb or a comma (``Rajamma and her husband told``)."""
    e = at_mention(i)
    if e is None or e + 1 >= len(words) or words[e] != "and":
        return None
    j = e + 1
    if words[j].lower() in ("his", "her", "their") and j + 1 < len(words) and words[j + 1].isalpha() and \
            words[j + 1].islower():
        end = j + 2
    else:
        end = at_mention(j)
    return end if end is not None and end < len(words) and _verbish(words[end].lower()) else None


def group_antecedent(text: str, pos: int, mentions: list[tuple[int, int, str]],
                     resolved: list[tuple[int, int, str]] = (), organisations_only: bool = False
                     ) -> tuple[str, str] | None:
    """``(actor, "organisation")`` for an unresolved ``they`` speaker at ``pos``, or None; with
    ``organisations_only`` (an ``it`` speaker: ``NASA interrupted its coverage. It also credited ...``) only an
    organisation subject counts.

    ``mentions``: ``(start, end, canonical name)`` of the article's resolved :mod:`helpers.actors` mentions,
    sorted by start (names, aliases, discovered names; not pronouns). ``resolved``: ``they`` mentions already
    resolved to a group, sorted by start: a resolved ``they`` subject is itself an antecedent (``Rajamma and her
    husband told me ... They advised me ... They told me``)."""
    model = tm.build(text)
    sk, toks = model.skeleton, model.skeleton_tokens
    sent = model.sentence_at(pos)
    m_starts = [m[0] for m in mentions]
    r_starts = {m[0]: m for m in resolved}
    for s in range(sent, max(-1, sent - REACH - 1), -1):
        if s < 0:
            break
        a, b = model.sentence_tokens[s]
        if b > a and model.paragraphs[model.paragraph_at(toks[a][0])].kind != "body":
            continue   # a heading, dateline or boilerplate line is never an antecedent
        spans = [t for t in toks[a:b] if s != sent or t[0] < pos]
        words = [sk[x:y] for x, y in spans]

        def at_mention(i: int) -> int | None:
            k = bisect_left(m_starts, spans[i][0]) if i < len(spans) else len(mentions)
            if k >= len(mentions) or mentions[k][0] != spans[i][0]:
                return None
            return next((n for n, t in enumerate(spans) if t[0] >= mentions[k][1]), len(words))

        found = []
        for i in _clause_starts(words):
            if i >= len(words):
                continue
            end = None if organisations_only else _plural_group(words, i)
            if end is not None:
                found.append((" ".join(words[i + 1:end]).lower(), spans[i][0]))
                continue
            end = None if organisations_only else _coordinated(words, spans, i, at_mention)
            if end is not None:
                found.append((text[spans[i][0]:spans[end - 1][1]], spans[i][0]))
                continue
            if organisations_only:
                pass
            elif spans[i][0] in r_starts and i + 1 < len(words) and _verbish(words[i + 1].lower()):
                found.append((r_starts[spans[i][0]][2], spans[i][0]))
                continue
            w = words[i]
            if not organisations_only and (i == 0 or w.islower()) and _plural_head(w.lower()) and \
                    _agent_head(w.lower()) and at_mention(i) is None and i + 1 < len(words) and _verbish(words[i + 1].lower()):
                found.append((w.lower(), spans[i][0]))   # "People, especially ..., hated ...", "when people, when"
                continue
            j = i + 1 if words[i].lower() == "the" and at_mention(i) is None else i
            if j + 1 < len(words) and at_mention(j) is None and len(words[j]) >= 2 and words[j].isalpha() and \
                    words[j].isupper() and not words[j + 1].isupper() and _verbish(words[j + 1].lower()):
                found.append((words[j], spans[j][0]))   # an acronym the mentions do not hold: 'NASA interrupted'
                continue
            e = at_mention(j) if j < len(words) else None
            if e is not None and e < len(words) and _verbish(words[e].lower()):
                ms, me, name = mentions[bisect_left(m_starts, spans[j][0])]
                if source_type(text, (ms, me), None) == "organisation" or \
                        (text[ms:me].isupper() and text[ms:me].isalpha() and len(text[ms:me]) >= 2):
                    found.append((name, ms))
        if found:
            name = found[-1][0] if s == sent else found[0][0]
            return name, "organisation"
    return None
