"""The text model: one reading of an article's text that every stage shares (issue 8).

``build(text)`` returns a :class:`TextModel` holding, all as raw character offsets into ``text``:

- **paragraphs** with their kind (``body``, ``heading``, ``dateline``, ``boilerplate``);
- **quotations**: quote marks paired into quotations, and the **skeleton**, a same-length copy of the text in
  which quotation contents are masked, so that rules reading narration never read words inside quotes;
- **sentences** from the one sentence splitter, which knows quotations, abbreviations, initials and headings;
- **tokens** from the one tokeniser, :func:`tokenize`.

The model is cached per text string (``functools.lru_cache``), so all stages called on the same analysis text
(:func:`helpers.ingest.load_texts`) share one model per article and agree on sentence ids: the ``sentence_id`` of
``sentences.csv`` is the index of a sentence in ``build(text).sentences``.

>>> m = build('Origin of the protests\\n\\n“We will not shoot,” Gen. J. R. Smith said. He left.')
>>> [p.kind for p in m.paragraphs]
['heading', 'body']
>>> [m.text[a:b] for a, b in m.sentences]
['Origin of the protests', '“We will not shoot,” Gen. J. R. Smith said.', 'He left.']
>>> q = m.quotations[0]
>>> m.text[q.content_start:q.content_end], q.closed
('We will not shoot,', True)
>>> m.skeleton[24:56]
'“xx xxxx xxx xxxxxx” Gen. J. R. '
>>> he = m.text.index("He")
>>> m.sentence_at(he), m.sentence_range(30, he + 2), m.sentence_range(30, he)
(2, (1, 2), (1, 1))

Method
------
1. **Paragraphs** (:func:`paragraph_spans`). Blank lines separate paragraphs. A single line break separates them
   too, unless the line ends mid-sentence and the next one starts in lower case or with a digit (a soft wrap),
   or the text is hard-wrapped (at least five lines, 60% of them 50-100 characters long), where only blank lines
   count. Each span excludes surrounding whitespace. **Kinds** follow ingest's documented rules
   (:func:`paragraph_kind`): a short paragraph matching ``boilerplate_rules.csv`` is ``boilerplate``, a
   weekday/date line a ``dateline``, a short single line without final punctuation that is followed by another
   paragraph (not by boilerplate) a ``heading`` (:func:`is_heading`), anything else ``body``.
2. **Quote marks** (:func:`pair_quotes`) are paired with a small state machine, paragraph by paragraph.
   Curly ``“ ”``, low ``„``, guillemets ``« »``, straight ``"`` and the two-character marks ````…''`` (TeX),
   ``''…''`` (NYT; ``'''`` is an inner single mark and the double one) and ``‘‘…’’`` are quote marks (``’’``
   and ``''`` also close a ``“``); whether a mark opens or closes comes from its context (space or start before it: opens; space,
   punctuation or end after it: closes), the glyph breaking ties, a straight mark toggling when the context says
   nothing. Apostrophes (``they’ve``, ``Nazarbayev's``) are never quote marks; a straight mark between letters
   (``Qatar"s``) is a stray mark. Single marks ``‘ ’`` are quote marks only in a text with no double marks at all
   (British headline style). A closing mark with no open quote is stray; an opening mark inside an open quote
   closes the first quote there. A quote still open at the end of a paragraph continues when the next paragraph
   opens with a quote mark (the news convention for multi-paragraph quotes; that opening mark is a *reopening*
   mark) and is otherwise closed at the paragraph end (``closed=False``), so an odd number of marks never breaks
   the rest of the document. An unclosed single-paragraph quote whose text ends with its own attribution
   (``"We will appeal, the lawyer said.``) is cut before it (``cut=True``); the attribution verbs are the
   past/third-person forms of the cue lexicon ``src/helpers/data/reporting_verbs.csv``. This cut is part of the
   model (not of :mod:`helpers.quotes`) so that every stage sees the same skeleton and sentences.
3. **Skeleton** (:func:`skeleton`): every quotation's content masked with ``x`` (whitespace kept; its final
   ``.?!`` kept so sentences still end there, unless a comma, semicolon or colon follows it: ``"...,"``),
   its marks normalised to ``“`` and ``”`` (a two-character mark to the glyph and a space, so it is one token),
   stray marks blanked; reopening marks are left as written. Same length as the text.
4. **Sentences** (:func:`split_sentences`) are split on the skeleton's tokens, inside each paragraph, on
   ``. ! ? …`` (possibly followed by closing marks or brackets) followed by a space and a capital, a digit, an
   opening mark or bracket, except after an abbreviation of ``abbreviations.txt`` or an initial (``Jan.``,
   ``Gen.``, ``J.``); ``Inc. Corp. Co. Ltd. Jr. etc.`` end a sentence only before a typical sentence opener
   (``He``, ``The`` ...) or a capitalised word followed by a lower-case one; an acronym with dots (``U.S.``) only
   before a typical opener (not ``And``, ``For``, ``On``, which Reuters copy capitalises after an acronym) or an
   opening quote mark. A quotation ending in ``?`` or ``!`` followed by one to four capitalised words and a
   reporting verb (``"...!" Macron told``) does not end the sentence: that is its attribution. The
   sentence-boundary gold set (``tests/gold/sentences_gold.jsonl``, ``scripts/eval_sentences.py``) measured this
   splitter against Punkt and the earlier regular expressions. Because the splitter reads the skeleton, a quotation is
   one unit: a sentence never ends inside a quotation's content, only after its closing mark (a quotation
   spanning several paragraphs is cut at the paragraph ends, since sentences never cross paragraphs). A
   heading or dateline paragraph is one sentence. A sentence runs from its first token to the end of its last.
5. **Tokens** (:func:`tokenize`): one regular expression: abbreviations with their full stop (``Gen.``),
   acronyms with dots (``U.S.``, ``a.m.``), initials before a capitalised word (``J.``), newswire tickers
   (``<DAIG.F>``), web domains (``Znak.com``), words with inner apostrophes and hyphens (``they’ve``,
   ``Nazarbayev's``, ``so-called``), numbers (``8,000``, ``3.5%``, ``34-year-old``), and any other single
   non-space character. ``model.tokens`` are the raw text's tokens; ``model.skeleton_tokens`` the skeleton's
   (what rule-based stages such as :mod:`helpers.quotes` read: quote marks there are ``“``/``”``). Zero-width
   characters (U+200B, U+200C, U+200D, U+2060, U+FEFF, as in ``Smith\\u200b said``) are whitespace for the
   tokeniser, the paragraph and sentence splitters and the quote-mark contexts: no token, offsets unchanged.
   The expression runs on the standard library's :mod:`re`. NLTK's data-free ``RegexpTokenizer`` with the same
   pattern was measured as a replacement and rejected: it runs the pattern on the third-party ``regex`` engine
   under a 5-second timeout, whose ``\\w`` also matches the zero-width joiners (spans differ on 18 of 293
   Wikinews articles, ``Wikinews\\u200d's``), and it tokenised the Wikinews corpus 2.7 times slower.

Everything is linear in the text's length (marks and tokens are located with :mod:`bisect`).

Limits: an abbreviation missing from ``abbreviations.txt`` followed by a capitalised word ends a sentence;
single-mark quotations inside a text that also has double marks are content, not quotations; a sentence inside
a long quotation is not split (the quotation is one unit of the narration).
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache
from typing import NamedTuple

from . import wordlists
from .paths import PACKAGE_DATA

__all__ = ["Paragraph", "Quotation", "TextModel", "build", "tokenize", "sentence_spans", "sentence_columns",
           "paragraph_spans",
           "paragraph_kind", "is_heading", "pair_quotes", "skeleton", "split_sentences", "OPEN_Q", "CLOSE_Q"]


class Paragraph(NamedTuple):
    """A paragraph: ``text[start:end]`` (no surrounding whitespace) and its kind."""
    start: int
    end: int
    kind: str  # body, heading, dateline or boilerplate


class Quotation(NamedTuple):
    """A paired quotation. ``text[content_start:content_end]`` is its content; ``text[open_start:content_start]``
    the opening mark; ``text[content_end:close_end]`` the closing mark (empty when ``closed`` is False).
    ``n_paragraphs`` counts the paragraphs it spans; ``cut`` is True when an unclosed quote was cut before its
    own attribution."""
    open_start: int
    content_start: int
    content_end: int
    close_end: int
    closed: bool
    n_paragraphs: int = 1
    cut: bool = False


OPEN_Q = "“"   # skeleton glyph of an opening mark
CLOSE_Q = "”"  # skeleton glyph of a closing mark

# ------------------------------------------------------------------------------------------ word lists
# The project's abbreviation list (src/helpers/data/abbreviations.txt) in the capitalised form news prints it
# ("Gov.", "Jan."), plus AP state forms that are also English words: a capitalised "Ill." or "Mass." before a
# full stop is far more often the state than a sentence end.
_LOWER_CASE_ABBREVIATIONS = {"vs", "etc", "approx", "est"}
_STATE_WORD_ABBREVIATIONS = "Ill Wash Mass Miss Mo Ind La Del".split()
ABBREVIATIONS = tuple(sorted(
    {a if a in _LOWER_CASE_ABBREVIATIONS else a.capitalize() for a in wordlists.abbreviations() if "." not in a}
    | set(_STATE_WORD_ABBREVIATIONS)
))
_ABBR_LOWER = frozenset(a.lower() for a in ABBREVIATIONS)
# company and name suffixes that may also end a sentence
_SUFFIX_ABBR = frozenset({"inc", "corp", "co", "ltd", "plc", "jr", "sr", "etc", "bros", "cos"})
# words that typically open a sentence: after an acronym (U.S.) or Inc. they confirm a sentence end
SENT_STARTERS = frozenset({
    "he", "she", "it", "they", "we", "i", "the", "this", "that", "these", "those", "but", "and", "in",
    "a", "an", "his", "her", "their", "its", "our", "there", "on", "at", "for", "after", "when",
    "while", "as", "if", "some", "many", "most", "one", "officials", "police", "however", "meanwhile",
    "earlier", "later", "last", "according", "asked", "since", "both"})
# an acronym that spells a function word ('WHO', 'US', 'IT') is a name, not that word
ACRONYM_CLASH = frozenset({"who", "us", "it", "am", "or", "as", "an", "at", "in", "on", "no", "so", "un"})

# ------------------------------------------------------------------------------------------ whitespace
# Zero-width characters (zero-width space, non-joiner, joiner, word joiner, byte-order mark), as pasted web copy
# has them ("Smith\u200b said"), are whitespace for the tokeniser, the paragraph and sentence splitters and the
# quote-mark contexts: they are no token and offsets do not change.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZW = r"\u200b\u200c\u200d\u2060\ufeff"   # the same, inside a regular expression's character class
_SPACE = r"[\s" + _ZW + r"]"


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in ZERO_WIDTH


def _rstrip(s: str) -> str:
    """``s`` without trailing whitespace or zero-width characters."""
    s = s.rstrip()
    while s and s[-1] in ZERO_WIDTH:
        s = s.rstrip(ZERO_WIDTH).rstrip()
    return s


def _lstrip(s: str) -> str:
    """``s`` without leading whitespace or zero-width characters."""
    s = s.lstrip()
    while s and s[0] in ZERO_WIDTH:
        s = s.lstrip(ZERO_WIDTH).lstrip()
    return s


# ------------------------------------------------------------------------------------------ tokenizer
# top-level domains read as part of a web-domain token (a name like 'Znak.com' is one token, not 'com')
_TLDS = ("com", "org", "net", "gov", "edu", "info", "io", "ru", "ua", "kz", "by", "uk", "co.uk", "org.uk", "fr",
         "cn", "jp", "eu", "tv", "news", "az", "ge", "am", "kg", "uz", "tj", "pl", "de")
_TLD_ALT = "|".join(re.escape(t) for t in sorted(_TLDS, key=len, reverse=True))
_ABBR_ALT = "|".join(sorted({re.escape(a) for a in ABBREVIATIONS}, key=len, reverse=True))
_TOKEN_RULES = (  # the tokeniser's rules, tried in this order at each position
    r"(?:(?<![\w.])(?=[A-Za-z]+\.)(?:" + _ABBR_ALT + r")\.)"  # title / month / company abbreviations (the
    # lookahead, implied by every alternative, lets the 113-way alternation run only before a dot: 1.5x faster)
    r"|(?:(?<![\w.])(?:[A-Za-z]{1,2}\.){2,})"           # acronyms with dots: U.S. a.m. Ph.D.
    r"|(?:(?<![\w.])(?:[A-Z]\.)+[A-Z](?![\w.]))"        # ... or without the final dot: U.S officials
    r"|(?:(?<![\w.])[A-Z]\.(?=" + _SPACE + r"+[A-Z]))"    # initials: J. Smith
    r"|(?:<[A-Z0-9][^<>\n]{0,60}>)"                       # tickers / names in newswire copy: <DAIG.F>
    r"|(?:(?<![\w.])(?:[A-Za-z0-9][\w\-]*\.)+(?:" + _TLD_ALT + r")(?!\w)(?!\.\w))"  # domains: Znak.com, bbc.co.uk
    r"|(?:[^\W\d_][\w]*(?:[’'\-&–][\w]+)*)"             # words, with inner apostrophes / hyphens
    r"|(?:\d+(?:[.,:]\d+)*(?:[\-–][\w]+)*%?)"          # numbers, 34-year-old
    r"|(?:[^\w\s" + _ZW + r"])"                          # any other single character (not zero-width)
)
# Two shortcuts before the rules, for speed only (1.7x on the shared corpora; the same spans, tested against the
# rules alone): no token starts at a space, and a plain word or number that no earlier rule could claim (not
# followed by any of . ' ’ - & – , : %) is taken at once.
TOKEN_RE = re.compile(r"(?=[^\s" + _ZW + r"])(?:[^\W\d_]\w*(?![\w.’'\-&–])|\d+(?![\w.,:\-–%])|" + _TOKEN_RULES + ")")


def tokenize(s: str, offset: int = 0) -> list[tuple[int, int]]:
    """THE tokeniser: token spans of ``s``, shifted by ``offset``.

    >>> t = "“They’ve raised concerns.” Gen. J. Smith's U.S. allies, 34-year-old Znak.com"
    >>> [t[a:b] for a, b in tokenize(t)]
    ['“', 'They’ve', 'raised', 'concerns', '.', '”', 'Gen.', 'J.', "Smith's", 'U.S.', 'allies', ',', '34-year-old', 'Znak.com']
    >>> tokenize("Hi.", offset=10)
    [(10, 12), (12, 13)]
    """
    if not offset:
        return [m.span() for m in TOKEN_RE.finditer(s)]
    return [(m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(s)]


# ------------------------------------------------------------------------------------------ paragraphs
_LINE_RE = re.compile(r"\n")
_TERMINAL = set('.!?:;"”’»)]\'')


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans (trimmed of surrounding whitespace): blank lines and sentence-ending line breaks separate
    paragraphs; a soft wrap (a line ending mid-sentence before a lower-case line) and the line breaks of
    hard-wrapped text do not.

    >>> t = "One.\\n\\n  Two\\nstill two.\\nThree.\\n"
    >>> [t[a:b] for a, b in paragraph_spans(t)]
    ['One.', 'Two\\nstill two.', 'Three.']
    """
    out: list[tuple[int, int]] = []
    # zero-width characters count as whitespace (the plain str methods when the text has none: faster)
    rstrip, lstrip = (_rstrip, _lstrip) if any(z in text for z in ZERO_WIDTH) else (str.rstrip, str.lstrip)
    lines = [rstrip(ln) for ln in text.split("\n")]
    full = [ln for ln in lines if ln]
    # hard-wrapped text (most lines 50-100 characters long): only blank lines separate paragraphs
    wrapped = len(full) >= 5 and sum(50 <= len(ln) <= 100 for ln in full) >= 0.6 * len(full)
    start = 0
    for m in _LINE_RE.finditer(text):
        b = m.start()
        seg_prev = rstrip(text[start:b])
        nxt = text[b + 1:b + 80].lstrip(" \t\r\f\v\u00a0" + ZERO_WIDTH)
        if not nxt.startswith("\n") and seg_prev and nxt:
            if wrapped:
                continue
            # single line break: a soft wrap when the line ends mid-sentence and the next starts lowercase
            if seg_prev[-1] not in _TERMINAL and (nxt[0].islower() or nxt[0].isdigit()):
                continue
        out.append((start, b))
        start = b + 1
    out.append((start, len(text)))
    res = []
    for s, e in out:
        seg = text[s:e]
        ls = len(seg) - len(lstrip(seg))
        rs = len(rstrip(seg))
        if rs > ls:
            res.append((s + ls, s + rs))
    return res


HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 90
_DATELINE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December),?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})",
)


def is_heading(paragraph: str) -> bool:
    """Whether a paragraph looks like a subheading: one line of at most 12 words and 90 characters, starting with
    an upper-case letter or digit, not ending in sentence punctuation or a quote mark.

    >>> is_heading("Origin of the protests"), is_heading("The situation is critical.")
    (True, False)
    """
    p = paragraph.strip()
    if not p or "\n" in p or len(p) > HEADING_MAX_CHARS or len(p.split()) > HEADING_MAX_WORDS:
        return False
    if not (p[0].isupper() or p[0].isdigit()) or not any(ch.isalpha() for ch in p):
        return False
    return p[-1] not in ".!?:;,\"'“”‘’)]…-—"


def paragraph_kind(paragraph: str, is_last: bool = False) -> str:
    """Kind of one paragraph before context: ``boilerplate``, ``dateline``, ``heading`` (only if not the last
    paragraph) or ``body``. :func:`paragraph_kinds` also turns a heading followed by boilerplate into body.

    >>> paragraph_kind("Sign up for our newsletter!"), paragraph_kind("Monday, January 10, 2022")
    ('boilerplate', 'dateline')
    >>> paragraph_kind("Origin of the protests"), paragraph_kind("Origin of the protests", is_last=True)
    ('heading', 'body')
    """
    from .ingest import boilerplate_rule  # ingest delegates its paragraph splitting here: import lazily
    if boilerplate_rule(paragraph):
        return "boilerplate"
    if _DATELINE.fullmatch(paragraph.strip()):
        return "dateline"
    if not is_last and is_heading(paragraph):
        return "heading"
    return "body"


def paragraph_kinds(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Kinds of the paragraphs ``spans`` of ``text``; a heading followed by boilerplate is body.

    >>> t = "Origin\\n\\nFuel prices doubled.\\n\\nLatest news\\n\\nSign up for our newsletter!"
    >>> paragraph_kinds(t, paragraph_spans(t))
    ['heading', 'body', 'body', 'boilerplate']
    """
    kinds = [paragraph_kind(text[a:b], i + 1 == len(spans)) for i, (a, b) in enumerate(spans)]
    for i in range(len(kinds) - 1):
        if kinds[i] == "heading" and kinds[i + 1] == "boilerplate":
            kinds[i] = "body"
    return kinds


# ----------------------------------------------------------------------------------------- quote marks
# Two-character marks: TeX/PTB ``…'', NYT-style ''…'' and word-processor ‘‘…’’. In a run of three (NYT
# ''He called it 'a disaster.''' she said: an inner single mark, then the closing double one) the double mark is
# the first two marks at a word start and the last two elsewhere; the single mark left over is quotation content.
_DOUBLE_MARK_RE = re.compile(r"``|''(?:(?=')(?<![^\s(\[{]'')|(?!'))|‘‘|’’(?!’)|[\"“”„‟«»]")
_SINGLE_MARK_RE = re.compile(r"[‘’']")
_OPEN_GLYPHS = {"“", "„", "‟", "«", "``", "‘‘", "‘"}
_CLOSE_GLYPHS = {"”", "»", "''", "’’", "’"}
_OPEN_PREV = set("([{—–-/:;,…")
_CLOSE_NEXT = set(".,;:!?)]}—–-/…")
_ALL_MARK_CHARS = set("\"“”„‟«»‘’'`")


def mark_role(text: str, i: int, j: int, glyph: str) -> str:
    """Role of the mark ``text[i:j]``: 'open', 'close', 'amb', or 'none' (a straight mark inside a word).

    >>> t = 'He said "no" and Qatar"s'
    >>> mark_role(t, 8, 9, '"'), mark_role(t, 11, 12, '"'), mark_role(t, 22, 23, '"')
    ('open', 'close', 'none')
    """
    p = text[i - 1] if i > 0 else None
    n = text[j] if j < len(text) else None
    if glyph == '"' and p is not None and n is not None and p.isalpha() and n.isalpha():
        return "none"
    open_ctx = (p is None or _is_space(p) or p in _OPEN_PREV or p in _ALL_MARK_CHARS) and \
        (n is not None and not _is_space(n) and n not in ".,;:!?)]")
    close_ctx = (n is None or _is_space(n) or n in _CLOSE_NEXT or n in _ALL_MARK_CHARS) and \
        (p is not None and not _is_space(p))
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    if glyph in _OPEN_GLYPHS:
        return "open"
    if glyph in _CLOSE_GLYPHS:
        return "close"
    return "amb"


def find_marks(text: str) -> list[tuple[int, int, str, str]]:
    """All quote marks ``(start, end, glyph, role)``. Single marks count only when the text has no double marks
    and one of them opens a quote; apostrophes inside words never count.

    >>> [m[2:] for m in find_marks("‘Peace’ talks, the players’ union said")]
    [('‘', 'open'), ('’', 'close'), ('’', 'close')]
    >>> find_marks("They’ve said it's O'Neill's")
    []
    """
    marks = [(m.start(), m.end(), m.group()) for m in _DOUBLE_MARK_RE.finditer(text)]
    if not marks:
        cand = []
        for m in _SINGLE_MARK_RE.finditer(text):
            i = m.start()
            p = text[i - 1] if i > 0 else " "
            n = text[i + 1] if i + 1 < len(text) else " "
            if p.isalnum() and n.isalnum():
                continue  # apostrophe inside a word: they’ve, O'Neill
            if m.group() != "‘" and p.isalpha() and _is_space(n) and p in "sS":
                # plural possessive (players’ union) unless it closes a quote: decided by pairing
                cand.append((i, i + 1, m.group(), True))
                continue
            cand.append((i, i + 1, m.group(), False))
        # only use single marks if at least one opens a quote at a word start
        if not any(not poss and mark_role(text, s, e, g) == "open" and g != "’" or
                   (g == "‘") for s, e, g, poss in cand):
            return []
        marks = [(s, e, g) for s, e, g, _ in cand]
    return [(s, e, g, mark_role(text, s, e, g)) for s, e, g in marks]


def pair_quotes(text: str, paras: list[tuple[int, int]]) -> tuple[list[Quotation], list[tuple[int, int]],
                                                                  list[tuple[int, int]]]:
    """Pair quote marks paragraph by paragraph: ``(quotations, stray marks, reopening marks)`` (before the cut of
    unclosed quotes with their own attribution, see :func:`cut_unclosed`).

    >>> t = '“Unclosed at the end.\\n\\n“It goes on,” he said. A 6" pipe.'
    >>> qs, stray, reopen = pair_quotes(t, paragraph_spans(t))
    >>> [(t[q.content_start:q.content_end], q.closed, q.n_paragraphs) for q in qs], stray, reopen
    ([('Unclosed at the end.\\n\\n“It goes on,', True, 2)], [(49, 50)], [(23, 24)])
    """
    marks = find_marks(text)
    quotes: list[Quotation] = []
    stray: list[tuple[int, int]] = []
    reopen: list[tuple[int, int]] = []
    if not marks:
        return quotes, stray, reopen
    starts = [m[0] for m in marks]
    open_q: tuple[int, int] | None = None   # (mark start, mark end)
    n_par = 1
    skip_first_mark_of_para = -1
    for pi, (ps, pe) in enumerate(paras):
        lo = bisect_left(starts, ps)
        hi = bisect_left(starts, pe)
        for k in range(lo, hi):
            s, e, g, role = marks[k]
            if k == skip_first_mark_of_para:
                reopen.append((s, e))
                continue
            if role == "none":
                stray.append((s, e))
                continue
            if role == "amb":
                role = "close" if open_q is not None else "open"
            if role == "open":
                if open_q is not None:
                    ce = s
                    while ce > open_q[1] and _is_space(text[ce - 1]):
                        ce -= 1
                    if ce > open_q[1]:
                        quotes.append(Quotation(open_q[0], open_q[1], ce, ce, False, n_par))
                    else:
                        stray.append(open_q)
                open_q = (s, e)
                n_par = 1
            else:  # close
                if open_q is None:
                    stray.append((s, e))
                    continue
                if s > open_q[1]:
                    quotes.append(Quotation(open_q[0], open_q[1], s, e, True, n_par))
                else:
                    stray.append(open_q)
                    stray.append((s, e))
                open_q = None
                n_par = 1
        if open_q is not None:
            # open at paragraph end: continues if the next paragraph opens with a quote mark
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            k = bisect_left(starts, nxt[0]) if nxt else len(marks)
            if nxt and k < len(marks) and marks[k][0] == nxt[0] and marks[k][3] in ("open", "amb"):
                skip_first_mark_of_para = k
                n_par += 1
                continue
            if pe > open_q[1]:
                quotes.append(Quotation(open_q[0], open_q[1], pe, pe, False, n_par))
            else:
                stray.append(open_q)
            open_q = None
            n_par = 1
    return quotes, stray, reopen


@lru_cache(maxsize=1)
def _attribution_verbs() -> tuple[str, ...]:
    """Cue-lexicon forms that can close an attribution: third person (-s), past (-ed or the lexicon's third form)."""
    forms: set[str] = set()
    with open(PACKAGE_DATA / "reporting_verbs.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            infl = [f.strip().lower() for f in (row.get("inflections") or "").split("|") if f.strip()]
            for i, f in enumerate(infl):
                if " " not in f and (f.endswith(("ed", "s")) or (i == 2 and not f.endswith("ing"))):
                    forms.add(f)
    return tuple(sorted(forms | {"said"}, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=1)
def _internal_attribution_re() -> re.Pattern:
    """Attribution at the end of an unclosed quote: ', the lawyer said after the hearing.'"""
    verbs = "|".join(re.escape(v) for v in _attribution_verbs())
    pattern = (
        r",\s+(?:(?:[A-Z][\w’'.\-]*\s+){0,5}(?:[A-Z][\w’'.\-]*)|he|she|they|(?:the|a|an)\s+[a-z]+(?:\s+[a-z]+)?)"
        r"\s+(?:also\s+|later\s+)?(?:VERBS)\b[^\"“”.!?]{0,80}[.!?]?\s*$"
        r"|,\s+(?:said|says|added|told)\s+[^\"“”.!?]{1,80}[.!?]?\s*$"
    )
    return re.compile(pattern.replace(r"\s", _SPACE).replace("VERBS", verbs))  # zero-width characters are spaces


def cut_unclosed(text: str, quotes: list[Quotation]) -> list[Quotation]:
    """An unclosed single-paragraph quote that ends with ', X said ...' ends before that attribution.

    >>> t = '"We will appeal, the lawyer said after the hearing.'
    >>> q = cut_unclosed(t, pair_quotes(t, paragraph_spans(t))[0])[0]
    >>> t[q.content_start:q.content_end], q.cut
    ('We will appeal', True)
    """
    out = []
    for q in quotes:
        if not q.closed and q.n_paragraphs == 1:
            m = _internal_attribution_re().search(text[q.content_start:q.content_end])
            if m and m.start() > 0:
                ce = q.content_start + m.start()
                q = q._replace(content_end=ce, close_end=ce, cut=True)
        out.append(q)
    return out


# --------------------------------------------------------------------------------------- the skeleton
_MASK_RE = re.compile(r"[^\s" + _ZW + r"]")


def skeleton(text: str, quotes: list[Quotation], stray: list[tuple[int, int]]) -> str:
    """Same-length copy of the text: quote contents masked, marks normalised to “ ”, stray marks blanked.

    >>> skeleton('He said "we won." Qatar"s', [Quotation(8, 9, 16, 17, True)], [(23, 24)])
    'He said “xx xxx.” Qatar s'
    """
    edits: list[tuple[int, int, str]] = []
    for q in quotes:
        # a two-character mark ('' `` ’’) becomes its glyph and a space: one skeleton token, offsets unchanged
        edits.append((q.open_start, q.content_start, OPEN_Q.ljust(q.content_start - q.open_start)))
        content = text[q.content_start:q.content_end]
        masked = _MASK_RE.sub("x", content)
        stripped = _rstrip(content)
        for ch in reversed(stripped[-3:]):
            if ch in ",;:":
                break  # "... debt servicing...," Moi told: the quote does not end the sentence
            if ch in ".!?":
                k = len(stripped) - 1
                masked = masked[:k] + ch + masked[k + 1:]
                break
        edits.append((q.content_start, q.content_end, masked))
        if q.closed:
            edits.append((q.content_end, q.close_end, CLOSE_Q.ljust(q.close_end - q.content_end)))
    for s, e in stray:
        edits.append((s, e, " " * (e - s)))
    edits.sort()
    out = []
    pos = 0
    for s, e, rep in edits:
        if s < pos:
            continue
        out.append(text[pos:s])
        out.append(rep)
        pos = e
    out.append(text[pos:])
    sk = "".join(out)
    return sk if len(sk) == len(text) else text  # defensive: never shift offsets


# ------------------------------------------------------------------------------------------ sentences
_CLOSERS = (CLOSE_Q, ")", "]", "’", "'", ".", "!", "?")


# after an acronym, Reuters copy capitalises the next word ("the U.S. And Japan", "the U.S. For talks"): these
# openers are left out there (corpus counts: 149, 8 and 7 such cases in reuters21578-quotes, none in wikinews),
# and so are the nouns among the openers, which after an acronym are its head ("U.S. Officials said": 59 cases)
_ACRONYM_STARTERS = SENT_STARTERS - {"and", "for", "on", "officials", "police"}


def _attribution_follows(tx: list[str], tl: list[str], j: int, hi: int) -> bool:
    """Whether tokens ``j..`` are one to four capitalised words followed by a reporting verb ("Macron told")."""
    k = j
    while k < hi and k - j < 4 and tx[k][:1].isupper() and tx[k][:1].isalpha():
        k += 1
    return j < k < hi and tl[k] in _attribution_verb_set()


@lru_cache(maxsize=1)
def _attribution_verb_set() -> frozenset[str]:
    return frozenset(_attribution_verbs())


def _split_paragraph(tx: list[str], tl: list[str], ts: list[int], te: list[int], lo: int, hi: int,
                     out: list[tuple[int, int]]) -> None:
    """Append the sentences (token index ranges) of the paragraph holding tokens ``lo..hi-1``."""
    start = i = lo
    while i < hi:
        t = tx[i]
        end_here = False
        if t in (".", "!", "?", "…") or (t.endswith(".") and len(t) > 1):
            j = i + 1
            while j < hi and tx[j] in _CLOSERS:
                j += 1
            if j < hi and ts[j] > te[j - 1]:
                nxt = tx[j]
                if nxt[0].isupper() or nxt[0].isdigit() or nxt in (OPEN_Q, "(", "[", "‘"):
                    if len(t) == 1:
                        # "... in two days!" Macron told the world: a name and a reporting verb after a quote that
                        # ends in ? or ! are its attribution, not a new sentence
                        end_here = not (t in "?!" and tx[i + 1] == CLOSE_Q and _attribution_follows(tx, tl, j, hi))
                    elif t.lower().rstrip(".") in _ABBR_LOWER or len(t) == 2:
                        # Dr. / Jan. / initials never end a sentence; Inc. / Ltd. / etc. do before an opener or
                        # a capitalised word followed by a lower-case one
                        end_here = t.lower().rstrip(".") in _SUFFIX_ABBR and \
                            (tl[j] in SENT_STARTERS or (j + 1 < hi and tx[j + 1][:1].islower()))
                    else:  # acronym with dots (U.S.)
                        end_here = tl[j] in _ACRONYM_STARTERS or nxt == OPEN_Q
            if end_here:
                out.append((start, j))
                start = i = j
                continue
        i += 1
    if start < hi:
        out.append((start, hi))


def lower_token(token: str) -> str:
    """Lower-cased token, except an all-capitals acronym that spells a function word ('WHO', 'US' stay).

    >>> lower_token("The"), lower_token("US"), lower_token("USA")
    ('the', 'US', 'usa')
    """
    return token if len(token) > 1 and token.isupper() and token.lower() in ACRONYM_CLASH else token.lower()


def split_sentences(sk: str, tokens: list[tuple[int, int]], paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Sentences as token index ranges ``(first, end exclusive)`` over ``tokens`` (the skeleton's tokens), never
    crossing a paragraph; a heading or dateline paragraph is one sentence; a paragraph without any skeleton
    token (only stray marks) is one empty range.

    >>> sk = "Mr. Li met J. R. Smith. They spoke. U.S. officials came."
    >>> toks = tokenize(sk)
    >>> [sk[toks[a][0]:toks[b - 1][1]] for a, b in split_sentences(sk, toks, [Paragraph(0, len(sk), "body")])]
    ['Mr. Li met J. R. Smith.', 'They spoke.', 'U.S. officials came.']
    """
    return [(a, b) for a, b, _ in _split(sk, tokens, paragraphs)]


def _split(sk: str, tokens, paragraphs) -> list[tuple[int, int, int]]:
    """``(first token, end token, paragraph index)`` of every sentence (see :func:`split_sentences`)."""
    ts = [a for a, _ in tokens]
    te = [b for _, b in tokens]
    tx = [sk[a:b] for a, b in tokens]
    tl = [lower_token(t) if t.isupper() else t.lower() for t in tx]  # (the call only where it can matter)
    out: list[tuple[int, int, int]] = []
    for pi, (ps, pe, kind) in enumerate(paragraphs):
        lo, hi = bisect_left(ts, ps), bisect_left(ts, pe)
        if lo >= hi or kind in ("heading", "dateline"):
            out.append((lo, hi, pi))
        else:
            ranges: list[tuple[int, int]] = []
            _split_paragraph(tx, tl, ts, te, lo, hi, ranges)
            out += [(a, b, pi) for a, b in ranges]
    return out


def _sentence_spans(text: str, tokens, split: list[tuple[int, int, int]], paragraphs) -> list[tuple[int, int]]:
    """Character spans of the sentences: from the first to the last token, widened so that the sentences of a
    paragraph cover all of it (a stray mark at a paragraph's edge or between two sentences belongs to one)."""
    spans = []
    for k, (a, b, pi) in enumerate(split):
        p = paragraphs[pi]
        s, e = (tokens[a][0], tokens[b - 1][1]) if b > a else (p.start, p.end)
        if k == 0 or split[k - 1][2] != pi:
            s = p.start  # first sentence of its paragraph
        if k + 1 < len(split) and split[k + 1][2] == pi:
            nxt = tokens[split[k + 1][0]][0]
            while nxt > e and _is_space(text[nxt - 1]):
                nxt -= 1
            e = max(e, nxt)
        else:
            e = p.end
        spans.append((s, e))
    return spans


# ------------------------------------------------------------------------------------------ the model
class TextModel:
    """One article's text model (see the module docstring); build it with :func:`build`.

    Attributes: ``text``, ``paragraphs`` (tuple of :class:`Paragraph`), ``quotations`` (tuple of
    :class:`Quotation`), ``stray_marks`` and ``reopen_marks`` (spans of unpaired marks and of the marks that
    reopen a multi-paragraph quote), ``skeleton`` (str), ``skeleton_tokens`` (token spans of the skeleton),
    ``sentence_tokens`` (per sentence, ``(first, end exclusive)`` indices into ``skeleton_tokens``),
    ``sentences`` (char spans), and, computed on first use, ``tokens`` (raw text's token spans) and
    ``token_sentence`` (sentence index of each of ``tokens``).
    """

    def __init__(self, text: str):
        self.text = text
        spans = paragraph_spans(text)
        self.paragraphs = tuple(Paragraph(a, b, k) for (a, b), k in zip(spans, paragraph_kinds(text, spans)))
        quotes, stray, reopen = pair_quotes(text, spans)
        self.quotations = tuple(cut_unclosed(text, quotes))
        self.stray_marks = tuple(stray)
        self.reopen_marks = tuple(reopen)
        self.skeleton = skeleton(text, list(self.quotations), stray)
        self.skeleton_tokens = tuple(tokenize(self.skeleton))
        split = _split(self.skeleton, self.skeleton_tokens, self.paragraphs)
        self.sentence_tokens = tuple((a, b) for a, b, _ in split)
        self.sentences = tuple(_sentence_spans(text, self.skeleton_tokens, split, self.paragraphs))
        self._starts = [a for a, _ in self.sentences]
        self._para_starts = [p.start for p in self.paragraphs]

    def __repr__(self) -> str:
        return (f"TextModel({len(self.text)} chars, {len(self.paragraphs)} paragraphs, "
                f"{len(self.quotations)} quotations, {len(self.sentences)} sentences)")

    @cached_property
    def tokens(self) -> tuple[tuple[int, int], ...]:
        """Token spans of the raw text (:func:`tokenize`)."""
        return tuple(tokenize(self.text))

    @cached_property
    def token_sentence(self) -> tuple[int, ...]:
        """Sentence index of each of :attr:`tokens` (:meth:`sentence_at` of its start), in one merged pass."""
        out, k, starts = [], -1, self._starts
        for a, _ in self.tokens:
            while k + 1 < len(starts) and starts[k + 1] <= a:
                k += 1
            out.append(k)
        return tuple(out)

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing ``pos`` (or the last one starting before it; -1 if none)."""
        return bisect_right(self._starts, pos) - 1

    def sentence_range(self, start: int, end: int) -> tuple[int, int]:
        """``(first, last)`` sentence indices that the span ``start..end`` lies in."""
        first = self.sentence_at(start)
        return first, max(first, self.sentence_at(max(start, end - 1)))

    def paragraph_at(self, pos: int) -> int:
        """Index of the paragraph containing ``pos`` (or the last one starting before it; -1 if none)."""
        return bisect_right(self._para_starts, pos) - 1


@lru_cache(maxsize=32)
def build(text: str) -> TextModel:
    """The text model of ``text`` (cached: the same string gives the same object)."""
    if not isinstance(text, str):
        raise TypeError(f"text model needs a str, got {type(text).__name__}")
    return TextModel(text)


def sentence_columns(text: str, starts, ends) -> tuple[list[int], list[int]]:
    """``(sentence_id, last_sentence_id)`` lists for spans ``starts[i]..ends[i]`` of ``text`` (-1 where a span is
    absent, i.e. its start is negative): the columns every table that points into text carries.

    >>> sentence_columns("One here. Two here. Three.", [0, 4, -1], [8, 15, -1])
    ([0, 0, -1], [0, 1, -1])
    """
    model = build(text)
    first, last = [], []
    for a, b in zip(starts, ends):
        f, l = model.sentence_range(int(a), int(b)) if int(a) >= 0 else (-1, -1)
        first.append(f)
        last.append(l)
    return first, last


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (``== build(text).sentences``).

    >>> t = "Police said on Monday, Jan. 10, that 8,000 were held. U.S. Secretary of State Blinken spoke."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Police said on Monday, Jan. 10, that 8,000 were held.', 'U.S. Secretary of State Blinken spoke.']
    """
    return list(build(text).sentences)
