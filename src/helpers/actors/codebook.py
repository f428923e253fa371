"""The actor codebook and the lexicon built from it (rule 1 of :mod:`helpers.actors`: the lexicon scan).

``src/helpers/data/actors.csv`` (version :data:`CODEBOOK_VERSION`, documented column by column in
``src/helpers/data/README_actors.md``) has one row per actor: ``actor_id``, ``kind`` (person, organisation,
role, group, country), ``canonical_name``, ``actor_type``, ``country`` (ISO 3166 alpha-3), ``gender``,
``aliases`` and misspelt or transliterated ``variants`` (``;``-separated), ``adjectives`` (country rows:
demonyms), ``roles`` (``title|synonym@WHERE:START..END``; WHERE is a country code or an organisation id; an
empty END means "still in office"), ``inherits_country`` (role rows) and ``notes``.

:func:`lexicon` compiles every codebook name, alias, variant, role noun, title, country name or adjective,
honorific and personal pronoun into one alternation regex built as a character trie (a position costs the
depth of the trie, not the number of aliases). Names match case-sensitively; role nouns, titles and pronouns
in lower case or capitalised. Each surface maps to its entries, in priority order actor, role, title,
people (a demonym plural), country, pronoun, honorific:

- ``("actor", actor_id, form, is_surname, listed)``: form ``name``/``alias``/``variant``; ``is_surname`` for a
  person's bare last word, ``listed`` when the codebook lists the surface itself (safe alone);
- ``("role", role_id, form, plural)``, ``("title", head, gender)``, ``("people", iso3)``,
  ``("country", iso3, "name"|"adj")``, ``("pronoun", group)``, ``("honorific", gender)``.

>>> lex = lexicon()
>>> lex.entries["Blinken"][0], lex.entries["Kazakh"][0]
(('actor', 'blinken', 'name', True, True), ('country', 'KAZ', 'adj'))
>>> [m.group() for m in lex.regex.finditer("Kazakh police said Blinken spoke to her.")]
['Kazakh', 'police', 'Blinken', 'her']
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

import pandas as pd

from helpers import paths

from .wordclasses import HONORIFICS, PRONOUNS, RANK_WORDS, TITLE_ACRONYMS, TITLE_HEADS

CODEBOOK_VERSION = "1.1.0"
CODEBOOK_FILE = "actors.csv"


def split_cell(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split(";") if p.strip()]


@functools.lru_cache(maxsize=1)
def _codebook_rows() -> tuple[dict, ...]:
    path = paths.PACKAGE_DATA / CODEBOOK_FILE
    with open(path, newline="", encoding="utf-8") as fh:
        rows = tuple(csv.DictReader(fh))
    versions = {r["codebook_version"] for r in rows}
    if versions != {CODEBOOK_VERSION}:
        raise RuntimeError(f"{path}: codebook_version {sorted(versions)} != module CODEBOOK_VERSION {CODEBOOK_VERSION}")
    return rows


def load_codebook() -> pd.DataFrame:
    """The actor codebook as a table (one row per actor, columns as in ``README_actors.md``).

    >>> cb = load_codebook()
    >>> cb.set_index("actor_id").loc["blinken", ["canonical_name", "country"]].tolist()
    ['Antony Blinken', 'USA']
    """
    return pd.DataFrame(list(_codebook_rows())).astype(str)


@dataclass(frozen=True)
class Actor:
    actor_id: str
    kind: str
    name: str
    type: str
    country: str  # ISO3 or ""
    gender: str
    first_names: frozenset = frozenset()


@dataclass(frozen=True)
class Role:  # a held title
    actor_id: str
    head: str
    mods: frozenset
    where: str
    start: str
    end: str


@dataclass
class Lexicon:
    regex: re.Pattern
    entries: dict  # surface -> tuple of entries
    actors: dict  # actor_id -> Actor
    countries: dict  # ISO3 -> name
    roles_by_head: dict  # head -> list[Role]
    surname_index: dict  # surname -> list of actor ids
    fuzzy_index: dict  # first two letters (lower) -> list of (form, actor_id)
    role_rows: dict  # role_id -> dict(canonical, type, inherits, plural nouns)


def _case_variants(phrase: str) -> list[str]:
    low = phrase.lower() if not any(c.isupper() for c in phrase[1:]) else phrase
    out = {low, low[:1].upper() + low[1:]}
    small = {"of", "the", "and", "for"}
    out.add(" ".join(w if w in small else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                     for w in low.split(" ")))
    return sorted(out)


def title_key(words: list[str]) -> tuple[str, frozenset]:
    """(head, modifiers) of a lower-case title phrase such as ``minister of foreign affairs``."""
    text = " ".join(words)
    best = ""
    for head in TITLE_HEADS:
        if re.search(r"(?:^| )" + re.escape(head) + r"(?= |$)", text) and len(head) > len(best):
            best = head
    if not best:
        return text, frozenset()
    i = text.find(best)
    before = text[:i].split()
    after = text[i + len(best):].split()
    rank = []
    while before and before[-1] in RANK_WORDS:
        rank.insert(0, before.pop())
    head = " ".join(rank + [best])
    mods = frozenset(w for w in before + after if w not in {"of", "the", "and", "for", "affairs"})
    return head, mods


def _trie_pattern(words: list[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        keys = sorted(k for k in node if k)
        end = "" in node
        if not keys:
            return ""
        alts = [re.escape(k) + build(node[k]) for k in keys]
        if all(len(a) == len(re.escape(k)) for a, k in zip(alts, keys)) and len(keys) > 1 and all(len(k) == 1 for k in keys):
            body = "[" + "".join(re.escape(k) for k in keys) + "]"
        elif len(alts) == 1:
            body = alts[0]
            if end:
                return "(?:" + body + ")?"
            return body
        else:
            body = "(?:" + "|".join(alts) + ")"
        return body + ("?" if end else "")

    return build(trie)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    rows = _codebook_rows()
    entries: dict[str, list] = {}

    def put(surface: str, entry: tuple) -> None:
        if surface:
            lst = entries.setdefault(surface, [])
            if entry not in lst:
                lst.append(entry)

    actors: dict[str, Actor] = {}
    countries: dict[str, str] = {}
    roles_by_head: dict[str, list] = {}
    surname_index: dict[str, list] = {}
    fuzzy_index: dict[str, list] = {}
    role_rows: dict[str, dict] = {}

    for r in rows:
        aid, kind, name = r["actor_id"], r["kind"], r["canonical_name"]
        aliases, variants = split_cell(r["aliases"]), split_cell(r["variants"])
        if kind == "country":
            countries[aid] = name
            for s in [name] + aliases:
                put(s, ("country", aid, "name"))
            for s in split_cell(r["adjectives"]):
                put(s, ("country", aid, "adj"))
                low = s.lower()
                if not low.endswith(("s", "sh", "ch", "ese", "x", "z")) and "." not in s and not s.isupper():
                    put(s + "s", ("people", aid))
            continue
        if kind == "role":
            nouns = [name] + aliases
            role_rows[aid] = {"canonical": name, "type": r["actor_type"], "inherits": r["inherits_country"] == "yes"}
            for noun in nouns:
                plural = noun.endswith("s") and not noun.endswith("ss") or noun in {"police", "the police", "media", "the public"}
                form = "name" if noun == name else "alias"
                for s in _case_variants(noun) if not noun.isupper() else [noun]:
                    put(s, ("role", aid, form, plural))
            actors[aid] = Actor(aid, kind, name, r["actor_type"], "", "")
            continue
        # persons, organisations, groups
        firsts = set()
        for full in [name] + aliases + variants:
            toks = full.split()
            if kind == "person" and len(toks) >= 2:
                firsts.add(toks[0].lower())
        actors[aid] = Actor(aid, kind, name, r["actor_type"], r["country"], r["gender"], frozenset(firsts))
        put(name, ("actor", aid, "name", False, False))
        surname = ""
        if kind == "person":
            toks = name.split()
            surname = toks[-1] if len(toks) >= 2 else ""
        listed = set(aliases) | set(variants)
        if surname and surname not in listed:
            put(surname, ("actor", aid, "name", True, False))  # surname, not safe alone
        for s in aliases:
            is_surname = kind == "person" and len(s.split()) == 1
            form = "name" if s == surname else "alias"
            put(s, ("actor", aid, form, is_surname, True))
        for s in variants:
            is_surname = kind == "person" and len(s.split()) == 1
            put(s, ("actor", aid, "variant", is_surname, True))
        if kind == "person":
            for s in [name] + aliases + variants:
                last = s.split()[-1]
                if len(s.split()) >= 1 and last[:1].isupper():
                    lst = surname_index.setdefault(last, [])
                    if aid not in lst:
                        lst.append(aid)
                    if len(last) >= 6:
                        fz = fuzzy_index.setdefault(last[:2].lower(), [])
                        if (last, aid) not in fz:
                            fz.append((last, aid))
        for spec in split_cell(r["roles"]):
            m = re.match(r"(?P<titles>[^@]+)@(?P<where>[^:]*):(?P<start>[\d-]*)\.\.(?P<end>[\d-]*)$", spec)
            if not m:
                raise RuntimeError(f"codebook: bad role {spec!r} for {aid}")
            for title in m["titles"].split("|"):
                head, mods = title_key(title.strip().lower().split())
                roles_by_head.setdefault(head, []).append(
                    Role(aid, head, mods, m["where"], m["start"], m["end"]))
                for s in _case_variants(title.strip()):
                    if head not in TITLE_HEADS:
                        put(s, ("title", head, ""))

    for head, gender in TITLE_HEADS.items():
        for s in _case_variants(head):
            put(s, ("title", head, gender))
    for s, head in TITLE_ACRONYMS.items():
        put(s, ("title", head, TITLE_HEADS[head]))
    for word, gender in HONORIFICS.items():
        put(word, ("honorific", gender))
    for word, group in PRONOUNS.items():
        for s in (word, word.capitalize()):
            put(s, ("pronoun", group))

    # a country's name is never its people ("Philippines")
    for surface, lst in entries.items():
        if any(e[0] == "country" and e[2] == "name" for e in lst):
            lst[:] = [e for e in lst if e[0] != "people"]
    # priority when one surface has several entries
    order = {"actor": 0, "role": 1, "title": 2, "people": 3, "country": 4, "pronoun": 5, "honorific": 6}
    final = {s: tuple(sorted(lst, key=lambda e: order[e[0]])) for s, lst in entries.items()}
    pattern = r"(?<![\w\-])(?:" + _trie_pattern(sorted(final)) + r")(?![\w\-])"
    regex = re.compile(pattern)
    return Lexicon(regex, final, actors, countries, roles_by_head, surname_index, fuzzy_index, role_rows)

