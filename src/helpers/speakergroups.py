"""Who a statement is counted for: one grouping of speakers for every table and figure that counts statements.

A statement counts for its speaker's canonical actor when :mod:`helpers.actors` resolved one. Otherwise, since "he"
in one article is not "he" in another, it joins one group per kind of unknown source: an unresolved pronoun, a
source typed vague ("officials said") or anonymous ("a source said") by :mod:`helpers.quotes`, or no speaker at
all. Any other speaker counts as written (whitespace normalised). The groups (:data:`GROUPS`) stand for no one
identifiable, so rankings list them after every named speaker (:func:`named_first`).

Notebooks 04 (statements per speaker), 05 (tone per speaker: without source types), 06 (overview figure, findings)
and the corpus view (:mod:`helpers.corpusview`, which adds one more group for descriptions) all count this way.

>>> speaker_group("the U.S. Secretary of State", "Antony Blinken"), speaker_group("He"), speaker_group("")
('Antony Blinken', '(unresolved pronoun)', '(no speaker)')
>>> speaker_group("officials", "", "vague"), speaker_group("a  source", "", "anonymous"), speaker_group("officials")
('(vague source)', '(anonymous source)', 'officials')
"""
from __future__ import annotations

import math

import pandas as pd

#: Speakers that are pronouns: left unresolved, they form one group.
PRONOUNS = frozenset("he she they it i we you".split())
UNRESOLVED_PRONOUN = "(unresolved pronoun)"
VAGUE = "(vague source)"
ANONYMOUS = "(anonymous source)"
NO_SPEAKER = "(no speaker)"
#: The groups, in the order rankings list them (after every named speaker).
GROUPS = (VAGUE, ANONYMOUS, UNRESOLVED_PRONOUN, NO_SPEAKER)
_BY_SOURCE_TYPE = {"vague": VAGUE, "anonymous": ANONYMOUS}


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else " ".join(str(v).split())


def speaker_group(speaker, actor="", source_type="") -> str:
    """The name a statement is counted under (see the module docstring); ``source_type`` as in ``quotes.csv``
    (empty: not used)."""
    actor, speaker = _text(actor), _text(speaker)
    if actor:
        return actor
    if speaker.lower() in PRONOUNS:
        return UNRESOLVED_PRONOUN
    group = _BY_SOURCE_TYPE.get(_text(source_type))
    if group:
        return group
    return speaker or NO_SPEAKER


def speaker_groups(statements: pd.DataFrame, source_types: bool = True) -> pd.Series:
    """:func:`speaker_group` of every row of a statements table (``speaker``, ``actor`` and, when present and
    ``source_types``, ``source_type`` columns), computed once per distinct combination.

    >>> q = pd.DataFrame({"speaker": ["he", "Diaz", "officials", ""], "actor": ["", "Ana Diaz", "", ""],
    ...                   "source_type": ["unresolved", "person", "vague", ""]})
    >>> speaker_groups(q).tolist()
    ['(unresolved pronoun)', 'Ana Diaz', '(vague source)', '(no speaker)']
    """
    cols = [c for c in ("speaker", "actor", "source_type") if c in statements.columns
            and (source_types or c != "source_type")]
    if not len(statements):
        return pd.Series([], index=statements.index, dtype=object)
    keys = list(zip(*(statements[c].tolist() for c in cols)))
    memo: dict = {}
    out = [memo[k] if k in memo else memo.setdefault(k, speaker_group(**dict(zip(cols, k)))) for k in keys]
    return pd.Series(out, index=statements.index, dtype=object)


def named_first(names) -> list:
    """``names`` in their order, with the :data:`GROUPS` moved to the end (in :data:`GROUPS` order).

    >>> named_first(["(no speaker)", "Ana Diaz", "(unresolved pronoun)", "Reagan"])
    ['Ana Diaz', 'Reagan', '(unresolved pronoun)', '(no speaker)']
    """
    names = list(names)
    return [n for n in names if n not in GROUPS] + [g for g in GROUPS if g in names]
