"""The public functions and the tables: statements and framing quotes of one article or of many.

``extract_quotes`` and ``find_scare_quotes`` share one cached analysis per text (``_analysed``): the passes of
:mod:`helpers.quotes.direct` and :mod:`helpers.quotes.reported` over one ``_Doc``. The ``actor`` column is the
canonical name of the :mod:`helpers.actors` mention at the speaker span (pronouns and titles resolved there);
it is empty when ``helpers.actors`` is missing or cannot resolve the mention.

Over a corpus, :func:`statement_tables` (notebook 04) maps :func:`article_statements` over the articles with
:func:`helpers.corpus.map_articles`: both tables from one text model and one analysis per article, and the
speakers' actors from the article's rows of the mentions table when given (no second ``find_mentions``).
"""
from __future__ import annotations

import bisect
import functools
from bisect import bisect_left, bisect_right

import pandas as pd

from helpers import actors
from helpers.speakergroups import named_first, speaker_groups
from helpers.tables import Column, empty_frame
from helpers import text as tm
from helpers.quotes.according import _in_poll_pass
from helpers.quotes.cues import cue_class
from helpers.quotes.doc import _Doc
from helpers.quotes.groups import REACH, group_antecedent
from helpers.quotes.framing import _framing_reason, _naming_pass, _strip_inner_punct
from helpers.quotes.direct import _late_floating, _quote_pass
from helpers.quotes.passive import _passive_pass
from helpers.quotes.reported import _drop_nested_beliefs, _indirect_pass
from helpers.quotes.sources import source_type


QUOTES_SCHEMA: list[Column] = [
    Column("kind", "str", "direct (in quote marks), mixed (reported speech with a quoted fragment) or indirect"),
    Column("quote_start", "int", "character offset where the statement's content starts"),
    Column("quote_end", "int", "character offset where the statement's content ends (exclusive)"),
    Column("quote_text", "str", "text[quote_start:quote_end]: content inside the marks, or the reported content"),
    Column("speaker", "str", "the speaker mention as written (e.g. 'he', 'the president'); empty when none"),
    Column("speaker_start", "int", "offset of the speaker mention; -1 when there is none"),
    Column("speaker_end", "int", "end offset of the speaker mention (exclusive); -1 when there is none"),
    Column("actor", "str", "canonical actor name of the speaker mention via helpers.actors; empty when unknown"),
    Column("cue", "str", "the reporting verb or phrase as written (e.g. 'said', 'according to'); empty when none"),
    Column("cue_start", "int", "offset of the cue; -1 when there is none"),
    Column("cue_end", "int", "end offset of the cue (exclusive); -1 when there is none"),
    Column("sentence_id", "int", "sentences.csv sentence (text model, 0-based) where the content starts"),
    Column("last_sentence_id", "int", "sentences.csv sentence where the content ends (== sentence_id for one)"),
    Column("cue_class", "str", "speech, naming, request, intention, belief or finding (the cue lexicon's class)"),
    Column("source_type", "str", "person, organisation, document, vague, anonymous or unresolved"),
    Column("attribution_id", "int", "statements that are parts of one attribution (a quote continued after "
                                    "'X said.') share it; numbered from 0 per article in text order"),
]

SCARE_QUOTES_SCHEMA: list[Column] = [
    Column("start", "int", "offset of the quoted term (inside the marks)"),
    Column("end", "int", "end offset of the quoted term (exclusive)"),
    Column("term", "str", "text[start:end]"),
    Column("reason", "str", "so-called, label, nickname, title, term, short-fragment or unattributed-fragment"),
    Column("sentence_id", "int", "sentences.csv sentence (text model, 0-based) holding the term"),
]

QUOTES_TABLE_SCHEMA: list[Column] = [Column("article_id", "str", "article identifier")] + QUOTES_SCHEMA
SCARE_QUOTES_TABLE_SCHEMA: list[Column] = [Column("article_id", "str", "article identifier")] + SCARE_QUOTES_SCHEMA

_QUOTE_COLS = [c.name for c in QUOTES_SCHEMA]
_SCARE_COLS = [c.name for c in SCARE_QUOTES_SCHEMA]


def _analyse(text: str) -> _Doc:
    doc = _Doc(text)
    _quote_pass(doc)
    _indirect_pass(doc)
    _naming_pass(doc)
    _passive_pass(doc)
    _in_poll_pass(doc)
    _late_floating(doc)
    _drop_nested_beliefs(doc)
    return doc


def _number_attributions(rows: list[tuple]) -> list[tuple]:
    """Sort rows by (quote_start, cue_start, quote_end, kind) and renumber the last field, the index of each
    attribution's first row, as 0, 1, 2 ... in order of first appearance."""
    order = sorted(range(len(rows)), key=lambda k: (rows[k][1], rows[k][9], rows[k][2], rows[k][0]))
    new_id: dict[int, int] = {}
    out = []
    for k in order:
        root = rows[k][-1]
        if root not in new_id:
            new_id[root] = len(new_id)
        out.append(rows[k][:-1] + (new_id[root],))
    return out


def _nearest_cues(stmts) -> dict[tuple, tuple]:
    """(content start, content end, speaker span) -> the cue span nearest to that content among the statements
    with a cue and a speaker: one content and speaker under two cues (``He argued against X, adding that Y``
    gives ``Y`` to both ``argued`` and ``adding``) is one statement, under the nearer cue."""
    out: dict[tuple, tuple] = {}
    dist: dict[tuple, int] = {}
    for st in stmts:
        if st.cue and st.sp:
            k = (st.qs, st.qe, st.sp)
            d = min(abs(st.cue[0] - st.qs), abs(st.cue[1] - st.qe))
            if k not in out or d < dist[k]:
                out[k], dist[k] = st.cue, d
    return out


@functools.lru_cache(maxsize=16)
def _analysed(text: str) -> tuple[tuple, tuple]:
    """(statement rows, scare-quote rows) for ``text``; cached so both public functions share one analysis."""
    if not isinstance(text, str) or not text.strip():
        return (), ()
    doc = _analyse(text)
    rows = []
    seen: dict[tuple, int] = {}     # statement key -> its row
    root_of: dict[int, int] = {}    # id(statement) -> row of the first statement of its attribution
    nearest = _nearest_cues(doc.stmts)
    for st in doc.stmts:   # a statement continuing another always comes after it
        key = (st.qs, st.qe, st.sp, st.cue)
        if st.cue and st.sp and nearest[(st.qs, st.qe, st.sp)] != st.cue:
            continue   # the same content and speaker under a farther cue: one statement
        near = (nearest.get((st.part_of.qs, st.part_of.qe, st.part_of.sp))
                if st.part_of is not None and st.part_of.cue and st.part_of.sp else None)
        if near is not None and near != st.part_of.cue:  # (a part_of dropped from doc.stmts has no entry)
            st.part_of = next((o for o in doc.stmts if (o.qs, o.qe, o.sp, o.cue) == (
                st.part_of.qs, st.part_of.qe, st.part_of.sp, near)), None)
        if key in seen:
            root_of[id(st)] = rows[seen[key]][-1]
            continue
        seen[key] = len(rows)
        root_of[id(st)] = root_of.get(id(st.part_of), len(rows)) if st.part_of is not None else len(rows)
        sp_s, sp_e = st.sp if st.sp else (-1, -1)
        cu_s, cu_e = st.cue if st.cue else (-1, -1)
        rows.append((st.kind, st.qs, st.qe, text[st.qs:st.qe], text[sp_s:sp_e] if st.sp else "", sp_s, sp_e, "",
                     text[cu_s:cu_e] if st.cue else "", cu_s, cu_e) + doc.model.sentence_range(st.qs, st.qe) +
                    (st.cue_class or cue_class(text, st.kind, cu_s, cu_e), root_of[id(st)]))
    rows = _number_attributions(rows)
    scare = []
    for qi, q in enumerate(doc.quotes):
        if q.used:
            continue
        reason = _framing_reason(doc, qi)
        if reason is None:
            n_words = len(text[q.cs:q.ce].split())
            reason = "short-fragment" if n_words <= 4 else "unattributed-fragment"
        s, e = q.cs, q.ce
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        e = _strip_inner_punct(text, s, e)
        if e > s:
            scare.append((s, e, text[s:e], reason, doc.model.sentence_at(s)))
    scare.sort()
    return tuple(rows), tuple(scare)


class _MentionIndex:
    """Mentions sorted by start, so each speaker span is compared with the few mentions that can overlap it.

    Calling ``helpers.actors.resolve_span`` on the whole mentions table for every statement made extraction
    quadratic (37 s for 20,000 short quotations), and its per-call pandas work dominated even on a slice. The
    choice is ``resolve_span``'s, on plain lists: among mentions overlapping ``[start, end)``, resolved ones
    (non-empty ``canonical_name``) first, then the largest overlap, the longest mention, the earliest
    (``tests/test_quotes_sentences.py`` checks it agrees with ``resolve_span`` on real articles).

    >>> m = pd.DataFrame({"start": [10, 0, 0], "end": [15, 4, 9], "canonical_name": ["B", "A", ""]})
    >>> idx = _MentionIndex(m)
    >>> idx.name(0, 4), idx.name(11, 12), idx.name(5, 9), idx.name(20, 22)
    ('A', 'B', '', '')
    """

    def __init__(self, mentions: pd.DataFrame | None = None, rows: list[tuple] | None = None):
        if rows is None:
            _, rows = _mention_rows(mentions)
        rows = sorted(rows, key=lambda r: (r[0], r[3]))
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.longest = max((r[1] - r[0] for r in rows), default=0)

    def best(self, start: int, end: int) -> tuple | None:
        """(start, end, canonical name, order, actor_id, resolution, actor_type) of the best mention, or None."""
        best, best_key = None, None
        for k in range(bisect_right(self.starts, start - self.longest), bisect_left(self.starts, end)):
            s, e, name, order = self.rows[k][:4]
            ov = min(e, end) - max(s, start)
            if ov <= 0:
                continue
            key = (name == "", -ov, -(e - s), s, order)
            if best_key is None or key < best_key:
                best, best_key = self.rows[k], key
        return best

    def name(self, start: int, end: int) -> str:
        """Canonical name of the best mention overlapping ``[start, end)`` ("" when none or unresolved)."""
        b = self.best(start, end)
        return b[2] if b else ""


def _mention_rows(mentions: pd.DataFrame) -> tuple[list, list[tuple]]:
    """(article id of each row or None, ``(start, end, canonical name, row number, actor_id, resolution,
    actor_type)`` of each row) of a mentions table, text cells as str ("" for a missing one)."""
    n = len(mentions)

    def col(name: str) -> list[str]:
        if name not in mentions:
            return [""] * n
        return ["" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v)
                for v in mentions[name].tolist()]

    rows = list(zip([int(v) for v in mentions["start"].tolist()], [int(v) for v in mentions["end"].tolist()],
                    col("canonical_name"), range(n), col("actor_id"), col("resolution"), col("actor_type")))
    return (mentions["article_id"].tolist() if "article_id" in mentions else [None] * n), rows


def _article_indexes(mentions: pd.DataFrame) -> dict[str, _MentionIndex]:
    """One :class:`_MentionIndex` per article of a mentions table with ``article_id`` (each article's rows
    numbered in table order, as in its own slice), from the table's columns read once (0.15 s for 97,000 rows of
    4,379 articles; a pandas group per article and its columns: 0.55 s).

    >>> m = pd.DataFrame({"article_id": ["b", "a", "b"], "start": [9, 0, 0], "end": [12, 4, 4],
    ...                   "canonical_name": ["C", "A", "B"]})
    >>> {k: v.rows for k, v in _article_indexes(m).items()}
    {'b': [(0, 4, 'B', 1, '', '', ''), (9, 12, 'C', 0, '', '', '')], 'a': [(0, 4, 'A', 0, '', '', '')]}
    """
    aids, rows = _mention_rows(mentions)
    per: dict[str, list[tuple]] = {}
    for aid, r in zip(aids, rows):
        if aid is None or aid is pd.NA or (isinstance(aid, float) and aid != aid):
            continue  # as a groupby on article_id drops a missing key
        mine = per.setdefault(aid, [])
        mine.append(r[:3] + (len(mine),) + r[4:])
    return {aid: _MentionIndex(rows=mine) for aid, mine in per.items()}


@functools.lru_cache(maxsize=1)
def _actor_kinds() -> dict[str, str]:
    """Codebook actor_id -> kind (person, organisation, group, role, country)."""
    try:
        cb = actors.load_codebook()
    except Exception:  # noqa: BLE001 - no codebook: no kinds, sources typed from their words
        return {}
    return dict(zip(cb["actor_id"].astype(str), cb["kind"].astype(str)))


def _actor_kind(hit: tuple | None) -> str | None:
    """``person`` or ``organisation`` for the actor a mention resolves to, None when it resolves to none.

    A codebook person is a person, and so are ordinary people (actor type ``citizens``: residents, protesters);
    every other codebook actor (a government, the police, media, a country) is an organisation. A pronoun or
    title resolved to a name outside the codebook is a person; a discovered name outside it is left to the
    words of the speaker phrase (``Congress``, ``Microsoft`` or ``Smith``; see
    :func:`~helpers.quotes.sources.source_type`)."""
    if hit is None or not hit[2]:
        return None
    actor_id, resolution, actor_type = hit[4], hit[5], hit[6]
    kinds = _actor_kinds()
    kind = kinds.get(actor_id) or kinds.get(actor_id.split(":")[-1])
    if kind:
        return "person" if kind == "person" or actor_type == "citizens" else "organisation"
    return "person" if resolution in ("pronoun", "title") else None


def _resolve_actors(text: str, rows: list[tuple], index: _MentionIndex | None = None
                    ) -> tuple[list[str], list[str | None], _MentionIndex | None]:
    """Canonical actor names and actor kinds for the speaker spans, via helpers.actors (empty when unavailable),
    and the mention index used (None when there was none).

    ``index``: the article's mentions when the caller has them (its rows of mentions.csv); else
    ``helpers.actors.find_mentions`` is run on ``text``."""
    if not any(r[5] >= 0 for r in rows):
        return [""] * len(rows), [None] * len(rows), index
    if index is None:
        try:
            index = _MentionIndex(actors.find_mentions(text))
        except Exception:  # noqa: BLE001 - extract_quotes never raises: statements come back even if resolution fails
            return [""] * len(rows), [None] * len(rows), None
    hits = [index.best(r[5], r[6]) if r[5] >= 0 else None for r in rows]
    return [h[2] if h else "" for h in hits], [_actor_kind(h) for h in hits], index


def _last_group_speaker(text: str, rows: list[tuple], names: list[str], kinds: list[str], order: list[int],
                        k: int) -> tuple[str, str] | None:
    """``order``: the rows with a speaker that is not a pronoun, sorted by speaker start.
    The speaker of the nearest such statement before row ``k`` (within :data:`helpers.quotes.groups.REACH`
    sentences) when it is a group or organisation that is not itself a pronoun: the Reuters convention ``prices
    could drop, coffee trade sources said. ... Demand is weak, they said``. Its actor when it is an organisation,
    else its phrase without a determiner (``coffee trade sources``)."""
    sp, sent = rows[k][5], rows[k][11]
    n = bisect.bisect_left(order, sp, key=lambda j: rows[j][5]) - 1
    if n < 0:
        return None
    j = order[n]
    words = rows[j][4].split()
    head = words[-1].lower() if words else ""
    plural = head in ("people", "police") or (head.endswith("s") and not head.endswith(("ss", "'s", "’s", "us"))) \
        or " and " in rows[j][4]
    if not ((kinds[j] == "organisation" and (names[j] or plural)) or (plural and kinds[j] in ("person", "anonymous"))) \
            or not 0 <= sent - tm.build(text).sentence_at(rows[j][5]) <= REACH:
        return None
    if words and words[0].lower() in ("the", "these", "those", "some", "many", "most", "several", "other"):
        words = words[1:]
    return (names[j] if names[j] and kinds[j] == "organisation" else " ".join(words)), "organisation"


def _they_take_groups(text: str, rows: list[tuple], names: list[str], kinds: list[str],
                      index: _MentionIndex | None) -> None:
    """A ``they`` speaker still without an actor takes the nearest preceding group speaker
    (:func:`_last_group_speaker`) or plural group or organisation subject, an ``it`` speaker the nearest
    preceding organisation subject (:func:`helpers.quotes.groups.group_antecedent`)."""
    todo = [k for k, r in enumerate(rows) if not names[k] and r[4].lower() in ("they", "it") and r[5] >= 0]
    if not todo:
        return
    named = [(r[0], r[1], r[2]) for r in (index.rows if index is not None else ())
             if r[2] and r[5] not in ("pronoun", "unresolved")]
    resolved = sorted((r[0], r[1], r[2]) for r in (index.rows if index is not None else ())
                      if r[2] and r[5] == "pronoun" and text[r[0]:r[1]].lower() == "they")
    # statements with a named (not pronoun) speaker, by speaker position
    order = sorted((k for k, r in enumerate(rows) if r[5] >= 0 and r[4].lower() not in _PERSON_PRONOUNS |
                    _GROUP_PRONOUNS), key=lambda k: rows[k][5])
    for k in sorted(todo, key=lambda k: rows[k][5]):
        if rows[k][4].lower() == "it":   # an organisation subject; the last organisation speaker comes later
            hit = group_antecedent(text, rows[k][5], named, organisations_only=True)
        else:
            hit = _last_group_speaker(text, rows, names, kinds, order, k) or \
                group_antecedent(text, rows[k][5], named, resolved)
        if hit is not None:
            names[k], kinds[k] = hit
            bisect.insort(resolved, (rows[k][5], rows[k][6], hit[0]))


_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "it", "them"}
_PRONOUN_REACH = 6   # sentences back from a he/she speaker to the named person speaker it may take
_GROUP_REACH = 3     # sentences back from a they/it speaker to the organisation speaker it may take


def _pronouns_take_last_speaker(rows: list[tuple], names: list[str], kinds: list[str]) -> None:
    """A ``he``/``she`` speaker that :mod:`helpers.actors` left unresolved takes the actor of the nearest preceding
    statement whose speaker is a named person (within :data:`_PRONOUN_REACH` sentences), as a reader follows a
    run of quotes: never an organisation, a place or a heading, since only person speakers count. ``they``/``it``
    take the nearest preceding organisation speaker within :data:`_GROUP_REACH` sentences.

    >>> rows = [("direct", 0, 5, "", "Mary Smith", 10, 20, "", "said", 21, 25, 0, 0, "speech", 0),
    ...         ("direct", 30, 40, "", "she", 45, 48, "", "added", 49, 54, 1, 1, "speech", 1)]
    >>> names, kinds = ["Mary Smith", ""], ["person", "unresolved"]
    >>> _pronouns_take_last_speaker(rows, names, kinds); names, kinds
    (['Mary Smith', 'Mary Smith'], ['person', 'person'])
    """
    last: dict[str, tuple[str, int]] = {}   # kind -> (actor, sentence) of the last named speaker of that kind
    for k in sorted(range(len(rows)), key=lambda k: (rows[k][5] if rows[k][5] >= 0 else rows[k][1])):
        speaker = rows[k][4].lower()
        if names[k] and kinds[k] in ("person", "organisation") and speaker and \
                speaker not in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            last[kinds[k]] = (names[k], rows[k][11])
            continue
        want, reach = ("person", _PRONOUN_REACH) if speaker in _PERSON_PRONOUNS else \
            ("organisation", _GROUP_REACH) if speaker in _GROUP_PRONOUNS else (None, 0)
        if want and not names[k] and want in last and 0 <= rows[k][11] - last[want][1] <= reach:
            names[k], kinds[k] = last[want][0], want


def _frame(data: dict[str, list], schema: list[Column]) -> pd.DataFrame:
    """A DataFrame with the schema's columns and dtypes (int64, string), built column by column in one go."""
    return pd.DataFrame({c.name: pd.array(data[c.name], dtype="int64" if c.dtype == "int" else "string")
                         for c in schema}, columns=[c.name for c in schema])


def extract_quotes(text: str) -> pd.DataFrame:
    """Every attributed statement in ``text``: one row per statement, columns of :data:`QUOTES_SCHEMA`.

    ``kind`` is ``direct``, ``mixed`` or ``indirect``; offsets index ``text`` (``text[quote_start:quote_end] ==
    quote_text``); speaker and cue offsets are -1 when absent. Rows are sorted by ``quote_start`` then
    ``cue_start``. Never raises on a string; deterministic.

    >>> df = extract_quotes('“We are not going anywhere,” union leader Tom Baxter told the crowd.')
    >>> df.loc[0, ["kind", "quote_text", "speaker", "cue"]].tolist()
    ['direct', 'We are not going anywhere,', 'union leader Tom Baxter', 'told']
    >>> extract_quotes("Tokayev accused foreign-trained “terrorist gangs” of instigating the protests.").loc[
    ...     0, ["kind", "quote_text", "speaker"]].tolist()
    ['mixed', 'foreign-trained “terrorist gangs” of instigating the protests', 'Tokayev']
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    rows = _statement_rows(text)
    return _frame({c: [r[k] for r in rows] for k, c in enumerate(_QUOTE_COLS)}, QUOTES_SCHEMA)


def _statement_rows(text: str, mentions: pd.DataFrame | _MentionIndex | None = None) -> list[tuple]:
    """:func:`extract_quotes` as tuples in :data:`QUOTES_SCHEMA` column order. ``mentions``: the article's rows of
    the mentions table (notebook 03), or their index; the speakers' actors are taken from them (see :func:`quotes_table`) and
    ``helpers.actors.find_mentions`` is not run again; None: it is."""
    rows = list(_analysed(text)[0])
    index = mentions if mentions is None or isinstance(mentions, _MentionIndex) else _MentionIndex(mentions)
    names, kinds, index = _resolve_actors(text, rows, index)
    sources = [source_type(text, (r[5], r[6]) if r[5] >= 0 else None, kind, r[8]) for r, kind in zip(rows, kinds)]
    _they_take_groups(text, rows, names, sources, index)
    _pronouns_take_last_speaker(rows, names, sources)
    return [r[:7] + (actor,) + r[8:14] + (src, r[14]) for r, actor, src in zip(rows, names, sources)]


def find_scare_quotes(text: str) -> pd.DataFrame:
    """Quoted terms that are not speech, with offsets: columns of :data:`SCARE_QUOTES_SCHEMA`.

    The term is the text inside the marks without surrounding spaces and without trailing sentence
    punctuation that sits inside the closing mark (``“peacekeeping forces.”`` -> ``peacekeeping forces``).

    ``reason`` is ``so-called`` (after "so-called"), ``label`` (after "dubbed", "known as", "called" ...),
    ``nickname`` (a capitalised term between name parts), ``title`` (a capitalised title after "film",
    "program", ...), ``term`` (after "the word"), ``short-fragment`` (at most four words with no attribution)
    or ``unattributed-fragment`` (a longer quoted fragment inside narrative with no attribution). Fragments
    inside an attributed statement are part of it (a ``mixed`` statement), not scare quotes.

    >>> find_scare_quotes('Police implemented the “kill order”. The CSTO sent so-called “peacekeeping forces.”'
    ...                   )[["term", "reason"]].values.tolist()
    [['kill order', 'short-fragment'], ['peacekeeping forces', 'so-called']]
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    _, scare = _analysed(text)
    return _frame({c: [r[k] for r in scare] for k, c in enumerate(_SCARE_COLS)}, SCARE_QUOTES_SCHEMA)


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Paired quotes as (content start, content end, closed) after the quote-mark state machine.

    >>> quote_spans('He said "yes." She’s sure: “no”')
    [(9, 13, True), (28, 30, True)]
    """
    if not isinstance(text, str):
        return []
    return [(q.content_start, q.content_end, q.closed) for q in tm.build(text).quotations]


def article_statements(item: tuple) -> tuple[list[tuple], list[tuple]]:
    """Statement rows and framing-quote rows of one ``(article_id, text, mentions)`` item of
    :func:`helpers.corpus.map_articles`, as tuples in :data:`QUOTES_TABLE_SCHEMA` and
    :data:`SCARE_QUOTES_TABLE_SCHEMA` column order: one text model and one analysis for both tables.

    ``mentions`` is the article's rows of the mentions table (notebook 03; or their :class:`_MentionIndex`, as
    :func:`statement_tables` passes them) or None (see :func:`quotes_table`).

    >>> st, sc = article_statements(("a1", 'He said "yes." The so-called "reform" passed.', None))
    >>> [(r[0], r[1], r[5]) for r in st], [(r[0], r[3], r[4]) for r in sc]
    ([('a1', 'direct', 'He')], [('a1', 'reform', 'so-called')])
    """
    article_id, text, mentions = item
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    statements = [(article_id,) + r for r in _statement_rows(text, mentions)]
    scare = [(article_id,) + r for r in _analysed(text)[1]]
    return statements, scare


def statement_tables(texts: dict[str, str], mentions: pd.DataFrame | None = None, *, failures: list | None = None,
                     engine: str = "auto") -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(quotes_table(texts, mentions), scare_quotes_table(texts))`` in one pass over the articles
    (:func:`helpers.corpus.map_articles`, ``engine``; with a ``failures`` list an article that raises is recorded
    there and left out of both tables).

    >>> q, s = statement_tables({"a1": '"Yes," she said. The so-called "reform" passed.'})
    >>> q["speaker"].tolist(), s["term"].tolist()
    (['she'], ['reform'])
    """
    from helpers import corpus

    by_article = _article_indexes(mentions) if mentions is not None else {}
    items = [(aid, texts[aid], by_article.get(aid)) for aid in sorted(texts)]
    parts = corpus.map_articles(article_statements, items, desc="04 quotes", engine=engine, failures=failures,
                                total=len(items))
    return (_rows_frame([r for p in parts if p for r in p[0]], QUOTES_TABLE_SCHEMA),
            _rows_frame([r for p in parts if p for r in p[1]], SCARE_QUOTES_TABLE_SCHEMA))


def _rows_frame(rows: list[tuple], schema: list[Column]) -> pd.DataFrame:
    """Row tuples (article order, each article's rows in their table order) as one frame of ``schema``."""
    if not rows:
        return empty_frame(schema)
    return _frame({c.name: [r[k] for r in rows] for k, c in enumerate(schema)}, schema)


def quotes_table(texts: dict[str, str], mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Statements of many articles: :data:`QUOTES_TABLE_SCHEMA` rows sorted by article_id, quote_start, cue_start.

    With ``mentions`` (the mentions table of notebook 03, with ``article_id``), the ``actor`` of each speaker is
    taken from that table with ``helpers.actors.resolve_span``'s choice (so titles resolve with the publication
    date, as in notebook 03), as are the actor kinds behind ``source_type``; for an article without rows there,
    :func:`extract_quotes` finds them. :func:`statement_tables` gives this table and :func:`scare_quotes_table`'s in one pass.

    >>> quotes_table({"a1": '"Yes," she said.'})[["article_id", "kind", "speaker"]].values.tolist()
    [['a1', 'direct', 'she']]
    """
    return statement_tables(texts, mentions)[0]


def scare_quotes_table(texts: dict[str, str]) -> pd.DataFrame:
    """Framing quotes of many articles: :data:`SCARE_QUOTES_TABLE_SCHEMA` rows sorted by article_id, start.

    >>> scare_quotes_table({"a1": 'The so-called "reform" passed.'})[["article_id", "term", "reason"]].values.tolist()
    [['a1', 'reform', 'so-called']]
    """
    return statement_tables(texts)[1]


def statements_per_actor(table: pd.DataFrame) -> pd.DataFrame:
    """Statements per speaker, one column per kind plus ``total``, most quoted first (ties by name).

    The key is :func:`helpers.speakergroups.speaker_groups` (as in every notebook): the canonical ``actor``, else a
    group for an unresolved pronoun, a vague or anonymous source, or no speaker, else the speaker as written. Named
    speakers come first; the groups, which stand for no one identifiable, after them.

    >>> t = quotes_table({"a": '"Yes," she said. "No," she said. Officials said two men were held.'})
    >>> statements_per_actor(t)[["direct", "indirect", "total"]].to_dict("index")
    {'government': {'direct': 0, 'indirect': 1, 'total': 1}, '(unresolved pronoun)': {'direct': 2, 'indirect': 0, 'total': 2}}
    """
    if len(table) == 0:
        return pd.DataFrame(columns=["direct", "mixed", "indirect", "total"], dtype="int64").rename_axis("speaker")
    keys = speaker_groups(table)
    counts = pd.crosstab(keys, table["kind"]).reindex(columns=["direct", "mixed", "indirect"], fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts.rename_axis("speaker").rename_axis(None, axis=1).astype("int64")
    total = dict(zip(counts.index, counts["total"].tolist()))
    return counts.loc[named_first(sorted(counts.index, key=lambda k: (-total[k], k)))]
