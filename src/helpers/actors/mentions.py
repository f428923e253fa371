"""Finding and resolving every mention of an actor in one article: :func:`find_mentions`, :func:`resolve_span`.

The scan runs the rules in order -- titles (:mod:`.titles`), generic agents (:mod:`.agents`), codebook
names, pronouns and countries as agents (:mod:`.names`), discovered names (:mod:`.discovery`) -- keeps the
earliest, then longest, of overlapping mentions, and resolves them: discovered surnames, codebook names,
discovered names, titles, generic agents, then pronouns left to right.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers import text as tm
from helpers.tables import Column, empty_frame

from . import agents, discovery, names, pronouns, structure, titles
from .codebook import lexicon
from .model import Mention, Resolution, Scan
from .wordclasses import CAP_TOKEN

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
    Column("sentence_id", "int", "index of the sentence (of sentences.csv: the text model's sentences) that contains the mention"),
]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _find(text: str, date: str | None) -> list[Mention]:
    """Every mention of ``text``, resolved (the rules in order; see the module docstring)."""
    lex = lexicon()
    model = tm.build(text)
    hits = [(m.start(), m.end(), m.group()) for m in lex.regex.finditer(text)]
    sc = Scan(text, lex, hits, structure.initial_positions(model), agents.focal_country(hits, lex))
    sc.sentence_starts = frozenset(a for a, _ in model.sentences)
    titles.scan_titles(sc)
    agents.scan_agents(sc)
    sc.cap_spans = [(m.start(), m.end()) for m in CAP_TOKEN.finditer(text)]
    names.scan_names(sc)
    discovery.scan_discovered(sc)
    sc.mentions.sort(key=lambda m: (m.start, -m.end))
    # drop overlaps (keep the earliest, then the longest)
    out: list[Mention] = []
    last_end = -1
    for m in sc.mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    for m in out:
        m.sent = model.sentence_at(m.start)
    _resolve(out, Resolution(text, lex, sc.focal, date, honorifics=sc.honorific_at), sc.conflict_surnames, model)
    return out


def _resolve(ms: list[Mention], rs: Resolution, conflict_surnames: set, model) -> None:
    last_map, rep_of = discovery.link_surnames(ms)
    names.resolve_names(ms, rs, conflict_surnames, last_map)
    discovery.resolve_discovered(ms, rs, last_map, rep_of)
    titles.resolve_titles(ms, rs)
    agents.resolve_agents(ms, rs)
    pronouns.resolve_pronouns(ms, rs, structure.quote_spans(model), model)


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
    cols = mention_columns(text, date)
    if not cols["start"]:
        return empty_frame(MENTIONS_SCHEMA)
    return pd.DataFrame({k: (np.array(v, dtype="int64") if k in _INT_COLUMNS else pd.array(v, dtype="string"))
                         for k, v in cols.items()})


_INT_COLUMNS = frozenset(c.name for c in MENTIONS_SCHEMA if c.dtype == "int")


def mention_columns(text: str, date: str | None = None) -> dict[str, list]:
    """:func:`find_mentions` as plain column lists (:data:`MENTIONS_SCHEMA` names, Python ints and strs): what a
    corpus run collects per article, to build one table at the end (a DataFrame per article cost a third of the
    stage's time).

    >>> mention_columns("Police came.")["mention"], mention_columns(None)["start"]
    (['Police'], [])
    """
    if not isinstance(text, str) or not text:
        return {c.name: [] for c in MENTIONS_SCHEMA}
    if date is not None and (not isinstance(date, str) or not _ISO_DATE.match(date)):
        date = None
    ms = _find(text, date)
    ok = [m.resolution != "unresolved" for m in ms]
    return {
        "start": [m.start for m in ms],
        "end": [m.end for m in ms],
        "mention": [text[m.start:m.end] for m in ms],
        "actor_id": [m.actor_id if o else "" for m, o in zip(ms, ok)],
        "canonical_name": [m.canonical if o else "" for m, o in zip(ms, ok)],
        "actor_type": [m.type if o else "" for m, o in zip(ms, ok)],
        "country": [m.country if o else "" for m, o in zip(ms, ok)],
        "resolution": [m.resolution for m in ms],
        "spelling": [m.spelling if m.resolution in ("name", "alias") else "" for m in ms],
        "sentence_id": [m.sent for m in ms],
    }


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
