"""Tone of quoted statements, stance toward targets and sentiment toward actors, with the evidence shown
(notebook 05_sentiment).

How the package is organised (a rule is found by the construction it handles):

==================  ==========================================================================================
module              what is inside
==================  ==========================================================================================
``lexicon``         statement tone: VADER ``score``/``explain`` and AFINN ``score_afinn`` sentence by sentence,
                    typographic quotes normalised; ``agreement`` between two score lists
``sentences``       the sentence window of a span, from the text model (``helpers.text``)
``words``           word valences for the toward rules (V1-V6: fallbacks, news-neutral words, victims,
                    sanctions, exculpations, negative subjects) and the culpability frame (T7b)
``clauses``         reported speech (T2) and clause boundaries (T3)
``roles``           roles around a target (T4-T7): premodifier, apposition, relative clause, subject and
                    verb group (active/passive/copula), by-agent, object, prepositional target, complement
``rules``           the rule-based toward score and its evidence (T1-T9)
``features``        interpretable features of a target in its sentence for the learned model
``learned``         the learned linear toward model (weights in ``helpers/data/sentiment_toward_model.csv``)
``target``          the public ``toward`` and ``toward_evidence``
``stance``          ``stances``: who evaluates what in each statement
``tables``          the notebook's tables: ``score_quotes``, ``score_actors``, summaries, ``tone_arc``;
                    ``sentiment_tables`` = the first three (with stances) in one ``corpus.map_articles`` pass
==================  ==========================================================================================
"""
from __future__ import annotations

from helpers.sentiment.lexicon import (  # noqa: F401
    ALPHA, EVIDENCE_COLUMNS, EXPLAIN_COLUMNS, NEUTRAL_BAND, _afinn, _as_text, _trace, _vader, afinn_evidence,
    afinn_raw, agreement, compound_from, evidence_string, explain, explained_score, label, normalize, plain, score,
    score_afinn, score_and_evidence, score_pair)
from helpers.sentiment.sentences import sentence_bounds, sentence_spans  # noqa: F401
from helpers.sentiment.words import (  # noqa: F401
    _data_rows, _exculpating, _lists, _neg_quantifier_at, _sentence_tokens)
from helpers.sentiment.clauses import _MIN_EVIDENCE  # noqa: F401
from helpers.sentiment.rules import rule_evidence, rule_toward  # noqa: F401
from helpers.sentiment.target import (  # noqa: F401
    TOWARD_EVIDENCE_COLUMNS, toward, toward_evidence, toward_probabilities)
from helpers.sentiment.stance import STANCES_SCHEMA, stance_table, stances  # noqa: F401
from helpers.sentiment.tables import (  # noqa: F401
    MENTIONS_INPUT_SCHEMA, PRONOUN_SPEAKERS, QUOTES_INPUT_SCHEMA, SENTIMENT_ACTORS_SCHEMA, SENTIMENT_QUOTES_SCHEMA,
    actor_summary, article_tables, score_actors, score_quotes, sentiment_tables, speaker_group, speaker_summary,
    tone_arc)
