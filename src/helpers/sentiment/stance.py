"""Stance: who evaluates what. One row per statement and target, with the words that decided the polarity.

A statement's tone (:func:`helpers.sentiment.score`) measures how grim its words are; a stance says that the
speaker condemns or praises something: "Blinken -> the shoot-to-kill order: negative". :func:`stances` takes the
statements of ``helpers.quotes.extract_quotes`` and the actor mentions of ``helpers.actors.find_mentions`` and
finds, inside each statement (and its cue clause, for reported speech), these targets:

=====================  =====================================================================================
construction           target and evidence
=====================  =====================================================================================
copula evaluation      the subject of "X is/was/remains/seems ... wrong": evidence = the predicate's lexicon
                       words up to the clause end (negation applied), "The order, to the extent it exists, is
                       wrong" (a comma-delimited aside between subject and verb is skipped)
evaluation verb        the object of an evaluate / sanction / exculpate verb (criticize, condemn, praise, blame,
                       accuse, fire, acquit...) or of such a cue ("Tokayev accused X of ..."): evidence = the
                       verb's valence (its class default where no lexicon scores it)
harm verb              the object of a harm verb ("attacked the protesters"): scored by the rule engine
                       (a victim is not blamed, so usually neutral)
quoted label           a short quotation (at most 6 words) inside the statement or its cue clause whose words
                       carry valence ("terrorist gangs"): the noun phrase holding it; evidence = its words
actor mention          every actor mentioned in the statement (not the speaker's own mention)
=====================  =====================================================================================

A copula or evaluation target is scored by its construction's evidence plus the words that describe the target
itself (its own words, premodifiers, apposition: "terrorist" in “terrorist gangs”). Any other target is scored by
the rule engine (:func:`helpers.sentiment.rules.rule_evidence`, roles T1-T9 in the target's sentence), plus the
construction's words it did not count. ``score = normalize(sum(contribution))`` in [-1, 1], ``polarity`` its
label (-1, 0, 1; |score| < 0.05 is 0). Overlapping targets are merged (the longer span wins; an actor mention inside it gives ``target_actor``).

Limits: no parser, so noun phrases are word-order heuristics (at most 7 tokens, stopping at verbs,
prepositions, subordinators); a stance expressed without lexicon words ("should be rescinded") or by irony is
missed; pronoun targets are kept as written.
"""
from __future__ import annotations

import bisect

import pandas as pd

from helpers import text as tm
from helpers.sentiment.lexicon import _as_text, label, normalize, plain
from helpers.sentiment.rules import _toward_rows
from helpers.sentiment.words import _in, _lists, _sentence_tokens
from helpers.tables import Column, conform, empty_frame

STANCES_SCHEMA = [
    Column("article_id", "str", "article (filled by the notebook; empty from stances())"),
    Column("quote_start", "int", "start offset of the statement (as in quotes.csv)"),
    Column("quote_end", "int", "end offset (exclusive) of the statement"),
    Column("holder", "str", "the speaker as written"),
    Column("holder_actor", "str", "the speaker's actor (codebook name) or empty"),
    Column("target_text", "str", "the target as written"),
    Column("target_start", "int", "start offset of the target"),
    Column("target_end", "int", "end offset (exclusive) of the target"),
    Column("target_actor", "str", "the target's actor (canonical name) or empty"),
    Column("target_kind", "str", "how the target was found: copula, evaluation, harm, label, actor"),
    Column("polarity", "int", "-1 negative, 0 neutral, 1 positive (|score| < 0.05 is 0)"),
    Column("score", "float", "normalize(sum of evidence contributions), -1..1"),
    Column("evidence", "str", "words that decided it: word@start-end(contribution)[role], strongest first"),
    Column("sentence_id", "int", "sentences.csv sentence (text model, 0-based) where the statement starts"),
    Column("last_sentence_id", "int", "sentences.csv sentence where the statement ends"),
    Column("target_sentence_id", "int", "sentences.csv sentence holding the target's start"),
]

_NP_STOP = frozenset(["and", "or", "but", "that", "which", "who", "whom", "whose", "than", "as", "if", "because",
                      "while", "when", "not", "never", "to"])
_MARKS = frozenset('"“”«»„')
_VERB_KINDS = {"evaluate": "evaluation", "sanction": "evaluation", "exculpate": "evaluation", "harm": "harm"}


class _Tokens:
    """The text model's tokens of ``text`` with lower-cased plain forms (typographic quotes straightened)."""

    def __init__(self, text: str):
        self.text = text
        self.model = tm.build(text)
        self.spans = self.model.tokens
        self.starts = [a for a, _ in self.spans]
        flat = plain(text)  # one character for one: slicing the straightened text straightens the slice
        self.low = [flat[a:b].lower() for a, b in self.spans]
        self._q_starts = [q.content_start for q in self.model.quotations]
        self._q_sorted = self._q_starts == sorted(self._q_starts)

    def quotations_within(self, start: int, end: int) -> tuple:
        """The text model's quotations whose content starts in [start, end], in model order (a superset of those
        whose content lies inside [start, end))."""
        if not self._q_sorted:
            return self.model.quotations
        i, j = bisect.bisect_left(self._q_starts, start), bisect.bisect_right(self._q_starts, end)
        return self.model.quotations[i:j]

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [i, j) lying inside [start, end)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def is_word(self, i: int) -> bool:
        a, b = self.spans[i]
        return self.text[a:a + 1].isalnum()

    def np_word(self, i: int, loose: bool = False) -> bool:
        """Can token ``i`` be part of a noun phrase? ``loose``: a verb form that is also a noun ("the order")
        counts, unless it ends in -ed."""
        w = self.low[i]
        if self.text[self.spans[i][0]] in _MARKS:
            return True
        if not self.is_word(i) or w in _NP_STOP or _in(w, "prep") or _in(w, "subord") or _in(w, "relpron"):
            return False
        if _in(w, "be") or _in(w, "aux") or _in(w, "copula") or (w.endswith("ly") and len(w) > 4):
            return False
        if "-" in w:
            return True
        if w in _lists().verb_class or w in _lists().verb_forms:
            return loose and not w.endswith("ed")
        return True


def _balanced(tk: _Tokens, i: int, j: int) -> tuple[int, int] | None:
    """Trim [i, j) to a noun phrase: no dangling quote mark, at least one word that is not a determiner."""
    while i < j and tk.text[tk.spans[i][0]] in _MARKS and sum(tk.text[tk.spans[k][0]] in _MARKS for k in range(i, j)) % 2:
        i += 1
    while j > i and tk.text[tk.spans[j - 1][0]] in _MARKS and sum(tk.text[tk.spans[k][0]] in _MARKS for k in range(i, j)) % 2:
        j -= 1
    if not any(tk.is_word(k) and not _in(tk.low[k], "det") for k in range(i, j)):
        return None
    return i, j


def _np_after(tk: _Tokens, i: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i`` (determiners included), at most 7 tokens, before ``limit``."""
    j = i
    while j < limit and j - i < 7 and (tk.np_word(j, loose=j > i) or _in(tk.low[j], "det") or tk.low[j] in ("'s", "’s")):
        if j > i and tk.low[j].endswith("ing") and not _in(tk.low[j - 1], "det"):  # "victims lying in ..."
            break
        j += 1
    return _balanced(tk, i, j) if j > i else None


def _np_before(tk: _Tokens, c: int, lo: int) -> tuple[int, int] | None:
    """The subject noun phrase ending right before token ``c`` (a copula), skipping one ", aside," before it."""
    j = c
    if j - 1 >= lo and tk.low[j - 1] == ",":
        k = j - 2
        while k >= lo and tk.low[k] != "," and j - k < 12:
            k -= 1
        if k >= lo and tk.low[k] == ",":
            j = k
    i = j
    while i - 1 >= lo and j - i < 7 and (tk.np_word(i - 1, loose=i == j) or _in(tk.low[i - 1], "det")):
        w = tk.low[i - 1]
        if i < j and w.endswith("ed") and len(w) > 4 and "-" not in w:  # "... indicated the United States is"
            break
        i -= 1
    return _balanced(tk, i, j) if j > i else None


def _candidates(tk: _Tokens, lo: int, hi: int, cue: tuple[int, int] | None) -> list[tuple[int, int, str, list]]:
    """(first token, end token, kind, extra evidence rows) of every construction target in tokens [lo, hi)."""
    lists = _lists()
    out = []
    for c in range(lo, hi):
        w = tk.low[c]
        if _in(w, "be") or _in(w, "copula"):
            np = _np_before(tk, c, lo)
            if np:
                extra = _predicate_evidence(tk, c, hi)
                if extra:
                    out.append((*np, "copula", extra))
        cls = lists.verb_class.get(w)
        is_cue = cue is not None and cue[0] <= tk.spans[c][0] < cue[1]
        if cls in _VERB_KINDS and (tk.is_word(c) and (is_cue or lo <= c)):
            np = _np_after(tk, c + 1, hi)
            if np:
                extra = _verb_evidence(tk, c, "cue" if is_cue else "verb") if _VERB_KINDS[cls] == "evaluation" else []
                out.append((*np, _VERB_KINDS[cls], extra))
    for q in tk.quotations_within(tk.spans[lo][0], tk.spans[hi - 1][1]) if tk.spans else ():
        if tk.spans and q.content_start >= tk.spans[lo][0] and q.content_end <= tk.spans[hi - 1][1] and q.closed \
                and q.content_start > tk.spans[lo][0]:  # not the statement's own quotation
            i, j = tk.range(q.content_start, q.content_end)
            label_words = _sentence_tokens(plain(tk.text[q.content_start:q.content_end]))
            if 0 < j - i <= 6 and all(tk.np_word(k, loose=True) or _in(tk.low[k], "det") for k in range(i, j)) \
                    and any(t.valence for t in label_words):
                a = i - 1  # the opening mark
                while a - 1 >= lo and j - a < 10 and (tk.np_word(a - 1) or _in(tk.low[a - 1], "det")) \
                        and tk.text[tk.spans[a - 1][0]] not in _MARKS \
                        and not (tk.low[a - 1].endswith("ed") and "-" not in tk.low[a - 1]):
                    a -= 1
                b = min(j + 1, hi)
                if _balanced(tk, a, b):
                    out.append((a, b, "label", []))
    return out


def _valences(tk: _Tokens, i: int, j: int) -> list[tuple[int, float, str]]:
    """(token index, valence, source) of the words in tokens [i, j) by the toward word rules (V1-V6)."""
    a, b = tk.spans[i][0], tk.spans[j - 1][1]
    rows = []
    toks = _sentence_tokens(tk.text[a:b])
    for t in toks:
        if t.valence:
            k = bisect.bisect_left(tk.starts, a + t.start)
            rows.append((k, t.valence, t.source))
    return rows


def _predicate_evidence(tk: _Tokens, c: int, hi: int) -> list[tuple[int, float, str]]:
    """Lexicon words of the predicate after copula token ``c``, up to the clause end."""
    e = c + 1
    while e < hi and tk.low[e] not in (".", ";", ":", "but", "!", "?") and e - c < 15:
        e += 1
    s = c
    while s - 1 >= 0 and tk.low[s - 1] in ("not", "never", "n't") and c - s < 2:
        s -= 1
    return [(k, v, "predicate") for k, v, _ in _valences(tk, s, e) if k > c]


def _verb_evidence(tk: _Tokens, c: int, role: str) -> list[tuple[int, float, str]]:
    """The evaluation verb's own valence (lexicon, else its class default), negation applied."""
    s = max(0, c - 3)
    rows = [(k, v, role) for k, v, _ in _valences(tk, s, c + 1) if k == c]
    if not rows:
        d = _lists().class_default.get(tk.low[c], 0.0)
        if d:
            rows = [(c, d, role + ":class-default")]
    return rows


#: Rule-engine roles that describe the target itself; kept beside a construction's own evidence.
_DESCRIPTIVE = ("target-words", "premodifier", "apposition", "possessed")


def _score(text: str, tk: _Tokens, ts: int, te: int, kind: str, extra: list) -> tuple[float, str]:
    """(score, evidence cell): a copula or evaluation target is scored by its construction's words plus the
    words describing it; any other target by the rule engine (plus construction words it did not count)."""
    rows = [(int(r["start"]), int(r["end"]), r["token"], float(r["contribution"]), str(r["role"]))
            for r in _toward_rows(text, ts, te)  # rule_evidence's rows, without the DataFrame
            if r["contribution"] and (kind not in ("copula", "evaluation") or str(r["role"]).startswith(_DESCRIPTIVE))]
    seen = {r[0] for r in rows}
    for k, v, role in extra:
        a, b = tk.spans[k]
        if a not in seen and not (ts <= a < te):
            rows.append((a, b, text[a:b], round(v, 4), role))
            seen.add(a)
    total = sum(r[3] for r in rows)
    s = round(normalize(total), 4) if total else 0.0
    rows.sort(key=lambda r: (-abs(r[3]), r[0]))
    cell = "; ".join(f"{w}@{a}-{b}({c:+.2f})[{role}]" for a, b, w, c, role in rows[:6])
    return s, cell


def _mentions(text: str, date, mentions) -> pd.DataFrame:
    if mentions is None:
        from helpers.actors import find_mentions

        mentions = find_mentions(text, date)
    return mentions


def stances(text: str, date: str | None = None, *, quotes: pd.DataFrame | None = None,
            mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per statement and target: who (``holder``) evaluates what (``target_text``), how (``polarity``).

    Columns of :data:`STANCES_SCHEMA` (``article_id`` empty). ``quotes``/``mentions`` default to
    ``extract_quotes(text)`` and ``find_mentions(text, date)``; pass them to reuse tables already computed.
    Never raises on a string; rows sorted by statement then target offset.

    >>> t = "“The order is wrong and should be rescinded,” Blinken said."
    >>> stances(t)[["holder", "target_text", "polarity"]].values.tolist()
    [['Blinken', 'The order', -1]]
    """
    text = _as_text(text)
    if not text.strip():
        return empty_frame(STANCES_SCHEMA)
    if quotes is None:
        from helpers.quotes import extract_quotes

        quotes = extract_quotes(text)
    mentions = _mentions(text, date, mentions)
    rows = stance_rows(text, quotes.to_dict("records"), mentions.to_dict("records") if len(mentions) else [])
    if not rows:
        return empty_frame(STANCES_SCHEMA)
    return conform(pd.DataFrame({c.name: [r[c.name] for r in rows] for c in STANCES_SCHEMA}), STANCES_SCHEMA)


def stance_rows(text: str, quotes: list[dict], mentions: list[dict], article_id: str = "") -> list[dict]:
    """The rows of :func:`stances` as dicts (``article_id`` filled), from statement and mention records of one
    article: sorted by statement then target offsets, one row per statement and target span.

    >>> t = "“The order is wrong,” Blinken said."
    >>> q = [{"quote_start": 1, "quote_end": 19, "speaker": "Blinken", "speaker_start": 22, "speaker_end": 29,
    ...       "cue_start": 30, "cue_end": 34}]
    >>> [(r["article_id"], r["target_text"], r["polarity"]) for r in stance_rows(t, q, [], "a")]
    [('a', 'The order', -1)]
    """
    text = _as_text(text)
    if not text.strip() or not quotes:
        return []
    tk = _Tokens(text)
    mentions = _MentionIndex(mentions)
    rows = []
    for q in quotes:
        rows.extend(_statement_rows(text, tk, q, mentions))
    key = lambda r: (r["quote_start"], r["quote_end"], r["target_start"], r["target_end"])  # noqa: E731
    out, seen = [], set()
    for r in sorted(rows, key=key):  # stable, like sort_values(kind="stable") + drop_duplicates()
        if key(r) not in seen:
            seen.add(key(r))
            r["article_id"] = article_id
            out.append(r)
    return out


def _offset(v) -> int:
    """An offset cell as int; -1 for a missing, NaN or unreadable one."""
    try:
        return int(v) if v is not None and v == v else -1
    except (TypeError, ValueError):
        return -1


class _MentionIndex(list):
    """Mention records (a list, table order) with their starts sorted once, for :func:`_mentions_starting`."""

    def __init__(self, records):
        super().__init__(records)
        self.order = sorted(range(len(self)), key=lambda k: int(self[k]["start"]))
        self.starts = [int(self[k]["start"]) for k in self.order]


def _mentions_starting(mentions: list[dict], lo: int, hi: int) -> list[dict]:
    """The mention records whose start lies in [lo, hi], in table order (O(log n + hits) on a _MentionIndex)."""
    if not isinstance(mentions, _MentionIndex):
        return [m for m in mentions if lo <= int(m["start"]) <= hi]
    i, j = bisect.bisect_left(mentions.starts, lo), bisect.bisect_right(mentions.starts, hi)
    return [mentions[k] for k in sorted(mentions.order[i:j])]


def _statement_rows(text: str, tk: _Tokens, q: dict, mentions: list[dict]) -> list[dict]:
    """The stance rows of one statement (see :func:`stances`)."""
    qs, qe = int(q.get("quote_start", -1)), int(q.get("quote_end", -1))
    if not (0 <= qs < qe <= len(text)):
        return []
    cs, ce = _offset(q.get("cue_start")), _offset(q.get("cue_end"))
    ss, se = _offset(q.get("speaker_start")), _offset(q.get("speaker_end"))
    lo_c, hi_c = qs, qe
    cue = None
    if 0 <= cs < ce:
        cue = (cs, ce)
        if cs < qs and qs - ce <= 3:  # "accused X of ...": the cue verb is part of the evaluation
            lo_c = cs
    lo, hi = tk.range(lo_c, hi_c)
    if hi <= lo:
        return []
    found: list[tuple[int, int, str, list]] = []
    for i, j, kind, extra in _candidates(tk, lo, hi, cue):
        a, b = tk.spans[i][0], tk.spans[j - 1][1]
        if b <= qs or a >= qe:  # a target must lie in the statement
            continue
        found.append((a, b, kind, extra))
    for m in _mentions_starting(mentions, qs, qe):
        a, b = int(m["start"]), int(m["end"])
        if qs <= a and b <= qe and not (ss <= a < se):
            found.append((a, b, "actor", []))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    merged: list[list] = []
    for a, b, kind, extra in found:
        if merged and a < merged[-1][1]:
            if b - a > merged[-1][1] - merged[-1][0]:
                merged[-1] = [a, b, kind, extra]
            elif kind != "actor" and merged[-1][2] == "actor" and (a, b) == tuple(merged[-1][:2]):
                merged[-1] = [a, b, kind, extra]
            continue
        merged.append([a, b, kind, extra])
    first, last = tk.model.sentence_range(qs, qe)
    rows = []
    for a, b, kind, extra in merged:
        actor = ""
        for m in _mentions_starting(mentions, a, b):
            if a <= int(m["start"]) and int(m["end"]) <= b and str(m.get("canonical_name", "") or ""):
                actor = str(m["canonical_name"])
                break
        s, cell = _score(text, tk, a, b, kind, extra)
        lab = label(s)
        rows.append({
            "article_id": "", "quote_start": qs, "quote_end": qe, "holder": _as_text(q.get("speaker", "")),
            "holder_actor": _as_text(q.get("actor", "")), "target_text": text[a:b], "target_start": a,
            "target_end": b, "target_actor": actor, "target_kind": kind,
            "polarity": {"negative": -1, "neutral": 0, "positive": 1}[lab], "score": s, "evidence": cell,
            "sentence_id": first, "last_sentence_id": last, "target_sentence_id": tk.model.sentence_at(a),
        })
    return rows


def stance_table(texts: dict[str, str], quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """:func:`stances` for every article of ``texts``, from the quotes and mentions tables already computed
    (both with an ``article_id`` column); ``article_id`` filled, rows in article/statement/target order.

    >>> t = {"a": "“The order is wrong,” Blinken said."}
    >>> q = pd.DataFrame({"article_id": ["a"], "kind": ["direct"], "quote_start": [1], "quote_end": [19],
    ...                   "quote_text": ["The order is wrong"], "speaker": ["Blinken"], "actor": ["Antony Blinken"],
    ...                   "speaker_start": [22], "speaker_end": [29], "cue_start": [30], "cue_end": [34]})
    >>> m = pd.DataFrame({"article_id": ["a"], "start": [22], "end": [29], "canonical_name": ["Antony Blinken"]})
    >>> stance_table(t, q, m)[["article_id", "holder_actor", "target_text", "polarity"]].values.tolist()
    [['a', 'Antony Blinken', 'The order', -1]]
    """
    q_by = _records_by_article(quotes)
    m_by = _records_by_article(mentions)
    rows = []
    for aid in sorted(texts):
        rows.extend(stance_rows(texts[aid], q_by.get(aid, []), m_by.get(aid, []), aid))
    return stances_frame(rows)


def _records_by_article(df: pd.DataFrame | None) -> dict[str, list[dict]]:
    """Rows of ``df`` as dicts grouped by ``article_id`` (as text), each group in table order."""
    out: dict[str, list[dict]] = {}
    if df is None or not len(df):
        return out
    for r in df.to_dict("records"):
        out.setdefault(_as_text(r.get("article_id", "")), []).append(r)
    return out


def stances_frame(rows: list[dict]) -> pd.DataFrame:
    """The ``stances`` table from rows of :func:`stance_rows` (articles in order)."""
    if not rows:
        return empty_frame(STANCES_SCHEMA)
    return conform(pd.DataFrame({c.name: [r[c.name] for r in rows] for c in STANCES_SCHEMA}), STANCES_SCHEMA)
