"""Passive and nominal attributions: sources named by ``by X`` or by a possessive, not by a cue verb's subject.

Constructions handled (issue 10: a sourcing study codes them as statements):

- **Passive publication** of a figure or document: ``the official death toll published by the government is 164
  people``, ``figures released by the ministry show ...``, ``data provided by the health department indicate
  ...``. The statement is the clause the published thing is the subject of (its sentence, without a leading
  ``While``/``Although`` and without a following clause after a comma), the speaker is the agent after ``by``
  and the cue the participle with ``by`` (``published by``). Only publication participles (published,
  released, issued, announced, reported, provided, given, compiled, cited) after a noun of figures or
  documents (toll, figures, data, statistics, report, statement, estimate ...) count: ``a plan backed by X``
  or ``a man shot by police`` are not attributions.
- **Nominal claims**: ``X's claim that ...``, ``the ministry's assertion that ...``: the possessor is the
  speaker, the noun the cue and the that-clause the content.
- **Agentless passives**: ``it is believed that ...``, ``it was reported that ...``, ``it is widely thought
  that ...``: a statement whose speaker is the ``it`` (source type ``vague``), cue the participle.

>>> from helpers.quotes import extract_quotes
>>> t = "While the official death toll published by the government is 164 people, some say more died."
>>> extract_quotes(t).loc[0, ["quote_text", "speaker", "cue"]].tolist()
['the official death toll published by the government is 164 people', 'the government', 'published by']
>>> row = extract_quotes("He rejected Smith's claim that the vote was rigged.").loc[0]
>>> row[["quote_text", "speaker", "cue"]].tolist()
['the vote was rigged', 'Smith', 'claim']
"""
from __future__ import annotations

from itertools import compress, count

from helpers.quotes.content import _finish_indirect, _trim_content
from helpers.quotes.doc import _Doc
from helpers.quotes.framing import _quotes_in

_PUBLISHED = {"published", "released", "issued", "announced", "reported", "provided", "given", "compiled", "cited",
              "disclosed", "presented", "posted", "shared"}
_FIGURE_NOUNS = {"toll", "tolls", "figure", "figures", "data", "statistics", "numbers", "number", "count", "tally",
                 "estimate", "estimates", "report", "reports", "statement", "statements", "results", "findings",
                 "list", "document", "documents", "letter", "video", "footage", "photos", "images", "information",
                 "details", "assessment", "survey", "poll", "polls", "study", "analysis", "forecast", "projections"}
_CLAIM_NOUNS = {"claim", "claims", "assertion", "assertions", "allegation", "allegations", "argument",
                "insistence", "contention", "suggestion", "warning", "promise", "pledge", "announcement", "statement",
                "belief", "view", "accusation", "accusations", "charge", "complaint"}
_LEAD_SUBORDINATORS = {"while", "although", "though", "whereas", "as", "since", "because", "if", "when"}


def _passive_publication(doc: _Doc, i: int, s0: int, s1: int) -> None:
    """``NOUN published by X ...`` at token ``i`` (the participle)."""
    tl = doc.tl
    if not (i + 1 < s1 and tl[i + 1] == "by" and i - 1 >= s0 and tl[i - 1] in _FIGURE_NOUNS):
        return
    sp = doc.np_right(i + 2, s1)
    if sp is None:
        return
    # the subject noun phrase the participle modifies: back to the clause start
    a = i - 1
    while a > s0 and (doc.np_word(a - 1) or tl[a - 1] in ("the", "a", "an", "this", "these", "its", "their",
                                                           "official", "latest", "new")):
        a -= 1
    # the clause: from the subject to the first comma or end of the sentence after the agent
    b = sp[1]
    while b < s1 and tl[b] not in (",", ";", "—", "–"):
        b += 1
    if any(k in doc.used_cues for k in range(sp[1], b)):
        return   # 'figures released by the ministry show that ...': the cue 'show' already holds the statement
    if b - sp[1] < 2 or not any(tl[k] in ("is", "are", "was", "were", "has", "have", "had", "stood", "stands",
                                          "show", "shows", "showed", "put", "puts", "reached", "rose", "climbed")
                                 for k in range(sp[1], b)):
        return   # 'figures released by X.': no predication of its own
    span = _trim_content(doc, a, b)
    if span is None:
        return
    doc.add("indirect", span[0], span[1], sp, (doc.ts[i], doc.te[i + 1]), _quotes_in(doc, *span))


def _nominal_claim(doc: _Doc, i: int, s1: int) -> None:
    """``X's claim that CONTENT`` at token ``i`` (the claim noun)."""
    tl, tx = doc.tl, doc.tx
    if not (i + 1 < s1 and tl[i + 1] == "that" and i >= 1 and tl[i - 1].endswith(("'s", "’s", "s'", "s’"))):
        return
    poss = i - 1
    t = tx[poss]
    if t in ("'s", "’s"):
        end_tok, cut = poss, 0
    else:
        end_tok, cut = poss + 1, 2 if t.endswith(("'s", "’s")) else 1
    sp = doc.np_left(end_tok, doc.sent_start_tok(i)) if end_tok > poss else doc.np_left(poss, doc.sent_start_tok(i))
    if sp is None:
        return
    sp_chars = (doc.ts[sp[0]], doc.te[sp[1] - 1] - (cut if sp[1] - 1 == poss else 0))
    if sp_chars[1] <= sp_chars[0]:
        return
    c0 = i + 2
    if c0 >= s1 or not doc.has_clause(c0, s1):
        return
    span = _trim_content(doc, c0, doc.clause_end(c0, s1))
    if span is None:
        return
    qs = _quotes_in(doc, *span)
    n = len(doc.stmts)
    _finish_indirect(doc, span, None, (doc.ts[i], doc.te[i]), qs)
    if len(doc.stmts) == n:
        return
    st = doc.stmts[-1]
    st.sp = sp_chars


_AGENTLESS = {"believed", "thought", "said", "reported", "understood", "feared", "expected", "alleged", "claimed",
              "rumoured", "rumored", "known", "estimated", "suspected"}


def _agentless(doc: _Doc, i: int, s1: int) -> None:
    """``it is (widely) believed that CONTENT`` at token ``i`` (the participle)."""
    tl = doc.tl
    k = i - 1
    while k >= 0 and (doc.is_adverb(k) or tl[k] in ("been", "also", "now")):
        k -= 1
    if not (k >= 1 and tl[k] in ("is", "was", "has", "had", "are", "were") and tl[k - 1] == "it" and
            i + 1 < s1 and tl[i + 1] == "that"):
        return
    c0 = i + 2
    if c0 >= s1 or not doc.has_clause(c0, s1):
        return
    span = _trim_content(doc, c0, doc.clause_end(c0, s1))
    if span is not None:
        doc.add("indirect", span[0], span[1], (k - 1, k), (doc.ts[i], doc.te[i]), _quotes_in(doc, *span))


_PASSIVE_WORDS = frozenset(_AGENTLESS) | frozenset(_PUBLISHED) | frozenset(_CLAIM_NOUNS)


def _passive_pass(doc: _Doc) -> None:
    """Passive publication and nominal claims over every sentence (after the cue passes, so a statement
    already found for the same span is not repeated)."""
    covered = {(st.qs, st.qe) for st in doc.stmts}
    n0 = len(doc.stmts)
    # only the trigger words, in text order (as sentence by sentence), found by C-level iteration
    for i in list(compress(count(), map(_PASSIVE_WORDS.__contains__, doc.tl))):
        si = doc.sent_of(i)
        s0, s1 = doc.sents[si] if si >= 0 else (0, 0)
        if not s0 <= i < s1:
            continue  # a token outside every sentence
        t = doc.tl[i]
        if t in _AGENTLESS and i + 1 < s1 and doc.tl[i + 1] == "that":
            _agentless(doc, i, s1)
        elif t in _PUBLISHED:
            _passive_publication(doc, i, s0, s1)
        elif t in _CLAIM_NOUNS:
            _nominal_claim(doc, i, s1)
    if len(doc.stmts) > n0:
        new = [st for st in doc.stmts[n0:] if (st.qs, st.qe) not in covered and not any(
            o.qs <= st.qs and st.qe <= o.qe and o.sp == st.sp for o in doc.stmts[:n0])]
        doc.stmts[n0:] = new
