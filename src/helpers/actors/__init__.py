"""Actors: who appears in an article, under every name they are given (notebook ``03_actors``).

The model is political event coding (CAMEO / PETRARCH agent codes): an *actor* is a named person or
organisation, or a *generic agent* (police, protesters, government, citizens, ...) coded by role and,
when the text allows, by country. :func:`find_mentions` returns one row per mention of an actor, with
character offsets into the text, the actor it resolves to, and *how* it was resolved.

How the package is organised (each module's docstring states the constructions it handles):

=====================  ==================================================================================
module                 what is in it
=====================  ==================================================================================
:mod:`.codebook`       the codebook (``src/helpers/data/actors.csv``) and the lexicon regex built from it
:mod:`.wordclasses`    closed word classes: function words, title heads, honorifics, given names, ...
:mod:`.qualifiers`     words around a head noun: ``the former Kazakh foreign minister``, ``of Kazakhstan``
:mod:`.titles`         rule 5, titles: apposition, history, holders by date, later apposition
:mod:`.agents`         rules 2/2b, generic agents (``Kazakh police``) and countries as agents (``Russia said``)
:mod:`.names`          rule 3, codebook names, aliases, surnames, misspellings (edit distance)
:mod:`.discovery`      rule 4, capitalised names the codebook does not know, grouped into persons
:mod:`.pronouns`       rule 6, ``he``/``she``/``they`` to the person or group they stand for
:mod:`.structure`      sentence starts, sentence-initial positions, direct quotations
:mod:`.model`          the shared records: a mention, an entity, the scan and resolution state
:mod:`.mentions`       :func:`find_mentions` (the rules in order) and :func:`resolve_span`
:mod:`.tables`         tables over many articles: mentions, candidates, counts, co-occurrence
=====================  ==================================================================================

Rules, in the order they are applied: 1. lexicon scan (one trie regex over every codebook surface,
:mod:`.codebook`); 2. generic agents and 2b. countries as agents (:mod:`.agents`); 3. codebook names
(:mod:`.names`); 4. discovered names (:mod:`.discovery`); 5. titles (:mod:`.titles`); 6. pronouns
(:mod:`.pronouns`). Overlapping mentions keep the earliest, then the longest.

Limits
------
Country names are agents only in the narrow verb contexts of rule 2b: "Russia, which has warned ...",
"Russia's warning" and "it" after a country give no mention, and capitals as metonyms ("Moscow said")
are discovered candidates, not governments. A surname two people in the article wear resolves only after a
title one of them alone holds, or to a codebook person who was the last one named in full with it. A country
adjective opens a company name only when the name has a company word (``American Motors``, ``British
Airways``); otherwise the adjective is cut off. Rebels, militants and companies are not in the codebook.
Title case headlines and nested names (the ``UN`` in ``UN Secretary-General``) are not analysed.
Discovered candidates include places and organisations: they are candidates for a researcher, not actors.
Pronouns are resolved as a reader would, without a parser: the subject is taken to be the first person of a
sentence, so a fronted clause can mislead ("Since naming Weld his running mate, Johnson has risen. He ...").
Measured on PolNeAR train pronoun sources (he/she/they), whose antecedents we judged by hand (153 sources, four
random samples; the last, n=39, judged only after the rules were written): right 83% (last sample 85%),
unresolved 11%, wrong 6% (last sample 0%); the previous conservative rule: right 44%, unresolved 50%, wrong 6%.
Bare generic agents take the focal
country even when the text means foreign ones (CSTO *troops* in Kazakhstan are coded ``KAZ:military``).
Mentions never cross a sentence of the text model: where the shared splitter ends a sentence inside a name
(Reuters' ``U.S. Officials``), the mention is cut there.

Constructed cases are in ``tests/test_actors.py`` (and ``tests/test_actors_sentences.py``: every mention lies in
its ``sentence_id``). Speed (``benchmarks/bench_actors.py``, 1.07 million characters of Wikinews and Reuters, one
core, CPU time): about 2.2 million characters per second given each article's text model, as fast as the
single-module version (1.06x its time); building the text model as well (the first stage to read an article pays
for it) takes about 1.5 times as long. Over a corpus, :func:`mention_table` collects each article's plain column
lists (:func:`.mentions.mention_columns`) and builds one frame: on the 4,379 Reuters articles 4.9 s instead of
7.7 s with a frame per article (text models included), and :func:`cooccurrence` takes 0.03 s instead of 0.9 s.

>>> m = find_mentions("Kazakh authorities said police detained 8,000 people.")
>>> m[["mention", "actor_id", "resolution"]].values.tolist()
[['Kazakh authorities', 'KAZ:government', 'alias'], ['police', 'police', 'name']]
>>> find_mentions("Russia said troops in Russia would stay.")[["mention", "actor_id"]].values.tolist()
[['Russia', 'RUS:government'], ['troops', 'RUS:military']]
"""
from __future__ import annotations

from .agents import AGENT_AUX, AGENT_VERBS, AMBIGUOUS_COUNTRY_NAMES, PLACE_PREPOSITIONS
from .codebook import CODEBOOK_FILE, CODEBOOK_VERSION, load_codebook
from .mentions import ACTOR_TYPES, MENTIONS_SCHEMA, RESOLUTIONS, find_mentions, resolve_span
from .tables import (ACTOR_COUNTS_SCHEMA, CANDIDATES_SCHEMA, COOCCURRENCE_SCHEMA, MENTIONS_TABLE_SCHEMA,
                     actor_counts, cooccurrence, discovered_candidates, mention_table)
from .wordclasses import (DAYS, DEPT_WORDS, FIRST_NAMES, FUNCTION_WORDS, HONORIFICS, MONTHS,
                          NAME_SUFFIXES, NON_NAMES, ORG_WORDS, PLACE_WORDS, PREDICATIVE_CUES, PRONOUNS, RANK_WORDS,
                          ROLE_MODIFIERS, TITLE_ACRONYMS, TITLE_FLAGS, TITLE_HEADS, VERBISH, VERBISH_S)

__all__ = [
    "ACTOR_COUNTS_SCHEMA", "ACTOR_TYPES", "AGENT_AUX", "AGENT_VERBS", "AMBIGUOUS_COUNTRY_NAMES",
    "CANDIDATES_SCHEMA", "CODEBOOK_FILE", "CODEBOOK_VERSION", "COOCCURRENCE_SCHEMA", "DAYS", "DEPT_WORDS",
    "FIRST_NAMES", "FUNCTION_WORDS", "HONORIFICS", "MENTIONS_SCHEMA", "MENTIONS_TABLE_SCHEMA", "MONTHS",
    "NAME_SUFFIXES", "NON_NAMES", "ORG_WORDS", "PLACE_PREPOSITIONS", "PLACE_WORDS", "PREDICATIVE_CUES",
    "PRONOUNS", "RANK_WORDS", "RESOLUTIONS", "ROLE_MODIFIERS", "TITLE_ACRONYMS", "TITLE_FLAGS", "TITLE_HEADS",
    "VERBISH", "VERBISH_S", "actor_counts", "cooccurrence", "discovered_candidates", "find_mentions",
    "load_codebook", "mention_table", "resolve_span",
]
