"""Framing quotes (scare quotes, ``so-called`` terms, labels, nicknames, titles) that are not speech.

A quote consumed by no statement is framing; :func:`_framing_reason` says why: ``so-called`` (after
"so-called"), ``label`` (after "dubbed", "known as", "called" ...; a characterisation after ``called`` of four
words or more is a mixed statement instead), ``nickname`` (a capitalised term between name parts), ``title`` (a
capitalised title after "film", "program", ..., or a short title-case programme after ``on`` or a possessive:
``said on ABC's "This Week."``), ``term`` (after "the word"); otherwise the table calls it a
``short-fragment`` (at most four words) or an ``unattributed-fragment``. :func:`_strip_inner_punct` drops the
sentence punctuation that American style puts inside the closing mark.
"""
from __future__ import annotations

import re

from helpers.quotes.words import _DETS, _OBJ_PRONOUNS, _SUBJ_PRONOUNS, _TITLE_CUES
from helpers.quotes.doc import _Doc


def _quotes_in(doc: _Doc, s: int, e: int) -> list[int]:
    return [qi for qi, q in enumerate(doc.quotes) if q.cs >= s and q.ce <= e]


def _framing_reason(doc: _Doc, qi: int) -> str | None:
    """Why a quoted term is framing rather than speech, looking only at its context ('so-called' ...)."""
    q = doc.quotes[qi]
    o = doc.tok_at(q.open_start)
    if o is None:
        return None
    tl, tx = doc.tl, doc.tx
    content = doc.text[q.cs:q.ce].strip()
    words = content.split()
    p = o - 1
    prev = tl[p] if p >= 0 else ""
    if prev in ("so-called", "so") or (prev == "called" and p - 1 >= 0 and tl[p - 1] == "so"):
        return "so-called"
    if prev in ("dubbed", "nicknamed", "labelled", "labeled", "branded", "termed", "named") or \
            (prev == "as" and p - 1 >= 0 and tl[p - 1] in ("known", "referred", "dubbed")) or \
            (prev == "called" and p - 1 >= 0 and (tl[p - 1] in _DETS or doc.np_word(p - 1)) and
             p - 1 not in doc.cue_info) or (prev == "called" and p - 1 >= 0 and tl[p - 1] in ("is", "was",
                                                                                                  "are", "were")):
        return "label"
    if prev in ("word", "term", "phrase", "slogan", "hashtag", "motto", "words", "terms"):
        return "term"
    long_quote = len(words) >= 4
    for back in range(2, 10):
        b = o - back
        if b >= 0 and tl[b] in ("call", "calls", "called", "calling") and long_quote:
            continue
        if b >= 0 and tl[b] in ("call", "calls", "called", "calling", "dubbed", "dub", "dubs", "labelled",
                                "labeled", "branded", "named", "nicknamed", "termed") and \
                all(doc.np_word(m) or tl[m] in _DETS or tl[m] in _OBJ_PRONOUNS or
                    (tl[m] in ("and", ",") and b + 1 < m < o - 1) for m in range(b + 1, o)):
            return "label"   # 'called Trump and Clinton "crazy"': a coordinated object too
    c = doc.tok_at(q.ce) if q.closed else None
    nxt_cap = c is not None and c + 1 < doc.n and doc.is_cap(c + 1) and doc.ts[c + 1] == q.close_end + 1 and \
        tx[c + 1][0].isalpha()
    if 1 <= len(words) <= 3 and all(w[0].isupper() for w in words if w[0].isalpha()) and p >= 0 and \
            doc.is_cap(p) and nxt_cap:
        return "nickname"
    title_case = bool(words) and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in ("of", "the", "a", "an", "and", "in", "on", "with", "for", "to", "at", "&", "de",
                                        "from", "by") for w in words if w[0].isalpha())
    if title_case and len(words) <= 6 and (prev == "on" or prev.endswith(("'s", "’s", "s'", "s’")) or (
            prev in ("’", "'") and p >= 1 and tl[p - 1].endswith("s"))) and c is not None and \
            not (c + 1 < doc.n and (c + 1 in doc.cue_info or tl[c + 1] in ("he", "she", "they"))):
        # a programme or publication: 'said on ABC's "This Week with George Stephanopoulos."', 'on "Morning Joe,"'
        return "title"
    if words and all(w[0].isupper() or w.lower() in ("of", "the", "a", "an", "and", "in", "on", "with", "for", "to",
                                                      "at", "&", "de", "from", "by")
                     for w in words if w[0].isalpha()) and words[0][0].isupper() and \
            (prev in _TITLE_CUES or (p >= 1 and tl[p] == "," and tl[p - 1] in _TITLE_CUES) or
             (prev in ("on", "in", "of", "from", ",", "the") and not content.endswith((".", "?", "!")))):
        if content[-1:] not in (".",) or prev in _TITLE_CUES:
            return "title"
    return None


_INNER_ACRONYM_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


def _strip_inner_punct(text: str, s: int, e: int) -> int:
    """End of a framing term without the sentence punctuation (``. , ; :``) that American style puts inside
    the closing mark (``so-called “peacekeeping forces.”`` -> ``peacekeeping forces``); ``? !`` belong to the
    term, and an acronym's final full stop (``U.S.A.``) is kept."""
    while e > s and text[e - 1] in ".,;:" and not _INNER_ACRONYM_RE.search(text[max(s, e - 12):e]):
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return e


_NAMING_VERBS = {"call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "label", "labels",
                 "labelled", "labeled", "labelling", "labeling", "brand", "brands", "branded", "branding", "term",
                 "terms", "termed", "nickname", "nicknames", "nicknamed"}
_NOT_AGENTIVE = {"so", "is", "was", "are", "were", "be", "been", "being", "known", "also", "often", "sometimes",
                 "commonly", "widely"}


def _naming_pass(doc: _Doc) -> None:
    """Naming by an agent (``Trump called Cruz a "chicken"``, ``she dubbed the plan "a disaster"``): the agent's
    statement, kind ``mixed``, content from the named object to the closing mark, cue the naming verb (cue class
    ``naming``). A label without an agent stays framing: ``so-called "X"``, ``was called "X"``, ``known as "X"``,
    a reduced relative (``a plan dubbed "X"``)."""
    tl = doc.tl
    for qi, q in enumerate(doc.quotes):
        if q.used or not q.closed:
            continue
        o = doc.tok_at(q.open_start)
        if o is None or _framing_reason(doc, qi) != "label":
            continue
        s0, _ = doc.sent_bounds(o)
        b = next((k for k in range(o - 1, max(s0, o - 11) - 1, -1) if tl[k] in _NAMING_VERBS), None)
        if b is None or b == s0 or tl[b - 1] in _NOT_AGENTIVE:
            continue
        sp = doc.speaker_left(b, s0)
        if sp is None:
            continue
        a = sp[0]
        relative = a > s0 and tl[a - 1] in ("that", "which", "what", "whom")   # 'which Mr. Trump called "a disgrace"'
        subject = a == s0 or tl[a - 1] in (",", "and", "but", ";", "—", "–", "while", "when", "as") or \
            tl[a] in _SUBJ_PRONOUNS or relative
        if not subject or not (relative or any(tl[k] not in _DETS and doc.tx[k][0].isalnum()
                                               for k in range(b + 1, o))):
            continue   # no named object: 'a plan dubbed "Fury"' is a reduced relative, not naming
        cue = doc.cue_span(b) if b in doc.cue_info else (doc.ts[b], doc.te[b])
        doc.add("mixed", doc.ts[b + 1] if b + 1 < o else q.cs, q.close_end if b + 1 < o else q.ce, sp, cue, [qi])
        q.used = "mixed"
