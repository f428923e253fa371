"""The records the actor rules share: a mention being built (:class:`Mention`), an actor it resolves to
(:class:`Entity`), and the per-article state of the scan (:class:`Scan`) and of resolution (:class:`Resolution`).

A scan runs the lexicon regex once over the text; each rule module (:mod:`.titles`, :mod:`.agents`,
:mod:`.names`, :mod:`.discovery`) claims lexicon hits (``consumed``), may hand a hit's tokens back to
discovery (``uncover``) and appends :class:`Mention` records. Resolution then fills each mention's actor,
rule by rule, through one registry of entities, so that every form of one actor shares one :class:`Entity`.

>>> e = Entity("blinken", "blinken", "Antony Blinken", "government", "USA", "m", True)
>>> m = Mention(0, 7, "name")
>>> assign(m, e, "name", {"USA": "United States"}, "canonical")
>>> (m.canonical, m.country, m.resolution)
('Antony Blinken', 'United States', 'name')
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    """A mention while it is found and resolved (one row of ``find_mentions`` in the end)."""
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


@dataclass
class Entity:
    """An actor as resolved in one article (codebook actor, country-coded agent, or discovered name ``~Name``)."""
    key: str
    actor_id: str
    canonical: str
    type: str
    iso: str
    gender: str
    person: bool
    plural: bool = False


def actor_entity(aid: str, lex, focal: str) -> Entity:
    """The entity of codebook actor ``aid``; a government actor of another country than the focal one is
    ``foreign government``."""
    a = lex.actors[aid]
    typ = a.type
    if typ == "government" and a.country and focal and a.country != focal:
        typ = "foreign government"
    return Entity(aid, aid, a.name, typ, a.country, a.gender, a.kind == "person")


def assign(m: Mention, ent: Entity | None, resolution: str, countries: dict, spelling: str = "") -> None:
    """Resolve ``m`` to ``ent`` (``None``: unresolved). ``countries`` maps ISO3 to country names."""
    if ent is None:
        m.resolution, m.key = "unresolved", ""
        return
    m.key = ent.key
    m.actor_id = ent.actor_id
    m.canonical = ent.canonical
    m.type = ent.type
    m.country = countries.get(ent.iso, "")
    m.resolution = resolution
    m.spelling = spelling


@dataclass
class Scan:
    """Per-article state of the mention scan: the text, its lexicon hits and what the rules claimed."""
    text: str
    lex: object
    hits: list  # (start, end, surface) of every lexicon match, in order
    initial: set  # positions where a sentence (or a quotation) starts: capitalisation proves nothing there
    focal: str  # the article's focal country (ISO3) or ""
    hit_by_start: dict = field(default_factory=dict)
    hit_by_end: dict = field(default_factory=dict)
    consumed: set = field(default_factory=set)  # hits a rule has used
    uncover: set = field(default_factory=set)  # hits whose tokens become discovery candidates
    mentions: list = field(default_factory=list)
    honorific_at: dict = field(default_factory=dict)  # position of the word after an honorific -> gender
    conflict_surnames: set = field(default_factory=set)  # surnames also worn by a different person here
    cap_spans: list = field(default_factory=list)  # capitalised tokens (wordclasses.CAP_TOKEN)
    sentence_starts: frozenset = frozenset()  # start offsets of the text model's sentences

    def __post_init__(self) -> None:
        self.hit_by_start = {h[0]: i for i, h in enumerate(self.hits)}
        self.hit_by_end = {h[1]: i for i, h in enumerate(self.hits)}


@dataclass
class Resolution:
    """Per-article state of resolution: one :class:`Entity` per actor key, and the codebook actors named."""
    text: str
    lex: object
    focal: str
    date: str | None
    entities: dict = field(default_factory=dict)
    named: set = field(default_factory=set)  # codebook actor ids named in the article
    honorifics: dict = field(default_factory=dict)  # position of the word after an honorific -> gender

    def remember(self, ent: Entity) -> Entity:
        """The registered entity with ``ent``'s key (``ent`` itself the first time)."""
        if ent.key not in self.entities:
            self.entities[ent.key] = ent
        return self.entities[ent.key]

    def assign(self, m: Mention, ent: Entity | None, resolution: str, spelling: str = "") -> None:
        assign(m, ent, resolution, self.lex.countries, spelling)
