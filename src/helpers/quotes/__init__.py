"""Quoted statements: who is quoted, saying what, with which reporting verb.

:func:`extract_quotes` finds every attributed statement in one article's text and returns one row per
statement (``direct``, ``mixed`` or ``indirect``) with character offsets of the content, the speaker mention
and the cue. :func:`find_scare_quotes` returns the quoted terms that are *not* speech (scare quotes,
"so-called" terms, titles of works, nicknames, unattributed fragments): they are framing, not statements.

Rules only: no tagger, parser or model data (NLTK's data packages are not used). Where each rule lives (each
module's docstring lists the constructions it handles):

===============================  =================================================================================
module                           constructions
===============================  =================================================================================
:mod:`helpers.quotes.doc`        paragraphs, quote-mark pairing, the masked skeleton, tokens, sentences (``_Doc``)
:mod:`helpers.quotes.cues`       the cue lexicon and cue classes; passive, negated, nominal, participle non-cues
:mod:`helpers.quotes.speakers`   speaker noun phrases: names with titles, appositions, relatives, pronouns
:mod:`helpers.quotes.clauses`    adjuncts after a cue, does a clause follow, where it ends
:mod:`helpers.quotes.direct`     direct quotes: trailing, leading, colon, previous-sentence and floating attribution
:mod:`helpers.quotes.reported`   reported speech: the pass over cues, nested attributions, nested beliefs
:mod:`helpers.quotes.content`    where reported content starts and ends (frames, parentheticals, relatives)
:mod:`helpers.quotes.according`  ``according to X``, vague sources (``according to reports``), ``In a poll, ...``
:mod:`helpers.quotes.passive`    ``the toll published by the government``, ``X's claim that``, ``it is believed``
:mod:`helpers.quotes.framing`    scare quotes, so-called terms, labels, nicknames, titles; naming by an agent
:mod:`helpers.quotes.sources`    source types: person, organisation, document, vague, anonymous, unresolved
:mod:`helpers.quotes.groups`     the plural group or organisation an unresolved ``they`` speaker stands for
:mod:`helpers.quotes.table`      the schemas, the public functions and the corpus tables
:mod:`helpers.quotes.words`      closed word lists
===============================  =================================================================================

Labels (issue 10)
-----------------
``cue_class`` (:func:`helpers.quotes.cues.cue_class`) is the lexicon class of the cue: ``speech``, ``naming``
(``called X a "chicken"``, ``described X as``, ``dubbed``, ``referred to as``), ``request`` (``urged X to``,
``called for``, ``asked X to``), ``intention`` (``vowed``, ``pledged``), ``belief`` (``thinks``, ``fears``) or
``finding`` (``found``, ``polls show``); research figures count ``speech`` and ``naming``. ``source_type``
(:func:`helpers.quotes.sources.source_type`) codes the source as a sourcing study does. ``attribution_id``
numbers attributions per article: the parts of one (a floating quote continuing ``"A," X said. "B."``,
quotes coordinated under one cue, a quote paragraph after a statement) share it. A ``they`` speaker that
:mod:`helpers.actors` leaves unresolved takes the nearest preceding group speaker (``..., dealers said. ...,
they said``) or plural group or organisation subject (:mod:`helpers.quotes.groups`: ``The astronomers started
... Initially, they thought``); a ``he``/``she`` (``they``/``it``) speaker still unresolved takes the actor of
the nearest preceding named person (organisation) speaker a few sentences back.

Offsets and spans
-----------------
All offsets are character offsets into the text given, ``text[quote_start:quote_end] == quote_text``. A
direct quote's span is the content *inside* the marks (a multi-paragraph quote includes the paragraph breaks
and the reopening marks; an interrupted quote includes the attribution between its parts). An indirect or
mixed span is the reported content without ``that`` and without the sentence's final full stop (a closing
quote mark at its end is kept). ``speaker_start``/``speaker_end``/``cue_start``/``cue_end`` are ``-1`` when there
is no speaker or cue. A floating quote has no cue of its own; its speaker offsets point at the mention of the
statement it continues.

Known limits
------------
No syntax: long or unusual subjects may be cut (``People who attended the meeting`` keeps only part); a
clause without an auxiliary, a pronoun subject or a known past-tense verb after a cue other than ``say`` and
without ``that`` is missed (``reported prices rise``); the end of an indirect content is the end of its
sentence even when the reported clause ends earlier (``said A but gave no timetable``); verbs outside the
lexicon are not cues (``found`` counts only before ``that`` or a clause with an auxiliary or pronoun subject,
``expressed``/``voiced`` only as ``expressed concern that ...``); a whole-sentence quote with no attribution after narrative
text gets no speaker; interview transcripts without quote marks are read as narrative. A cue noun after a
determiner, a possessive or a modifier (``a state of emergency``, ``common shares``, ``the proposed merger``) is
not a verb, so a long subject whose only verb marker was such a word is missed. ``declare``/``report`` with an
object and a to-infinitive (``declared X to be a pandemic``, ``reported X to be dead``) are not statements; a
belief nested in a statement and held by a pronoun (``X said he believed Y``) is part of the outer statement,
while one held by someone else (``said analysts believe Y``) is its own; ``according to`` records or footage
counts as a source when named (``Federal Aviation Administration records``). Requests without a cue verb
(``joined the calls ... asking X to ...``) are missed. There is no coreference beyond what ``helpers.actors``
resolves. English only.

>>> df = extract_quotes('"We will win," she said. Police said two men had been arrested.')
>>> df[["kind", "quote_text", "speaker", "cue"]].values.tolist()
[['direct', 'We will win,', 'she', 'said'], ['indirect', 'two men had been arrested', 'Police', 'said']]
"""
from __future__ import annotations

from helpers.quotes.cues import LEXICON_PATH, load_cue_lexicon
# _analysed (the cached analysis) stays importable here for the benchmark and the tests (cache_clear)
from helpers.quotes.table import (QUOTES_SCHEMA, QUOTES_TABLE_SCHEMA, SCARE_QUOTES_SCHEMA, SCARE_QUOTES_TABLE_SCHEMA,
                                  _analysed, article_statements, extract_quotes, find_scare_quotes,  # noqa: F401
                                  quote_spans, quotes_table, scare_quotes_table, statement_tables,
                                  statements_per_actor)

__all__ = [
    "QUOTES_SCHEMA", "SCARE_QUOTES_SCHEMA", "QUOTES_TABLE_SCHEMA", "SCARE_QUOTES_TABLE_SCHEMA", "LEXICON_PATH",
    "extract_quotes", "find_scare_quotes", "load_cue_lexicon", "quote_spans", "quotes_table", "scare_quotes_table",
    "statement_tables", "article_statements", "statements_per_actor",
]
