"""Numeric claims: every quantity a news text states, what it counts, who states it, and where numbers clash.

:func:`extract_claims` finds each quantified claim and returns one row per claim with its character offsets.

**What counts as a claim** (constructions, in the order the scanner tries them):

- numerals: ``8,000``, ``164``, ``1.5 million``, ``30``; number words: ``twelve``, ``twenty-five``,
  ``three hundred``, ``a thousand``; ``one`` only when a noun follows (``one protester``, not ``one of``);
- vague quantity words: ``a dozen``, ``dozens``, ``scores``, ``hundreds``, ``thousands``, ``tens of thousands``,
  ``several hundred`` (bounds: dozens 24-99, hundreds 200-999, ...);
- percentages: ``20%``, ``20 percent``, ``20 per cent``, ``3 percentage points``;
- money: ``$5 million``, ``US$3``, ``€40``, ``£2bn``, ``5,000 tenge``, ``10 euros``;
- ranges: ``between 10 and 20``, ``10 to 20``, ``10-20``;
- factors: ``a doubling of fuel prices``, ``prices doubled``, ``tripled``, ``halved``, ``twofold``;
- comparatives that contest a number without giving one: ``the actual number is considerably higher``
  (bounded by the nearest earlier tally, within 400 characters).

**Not claims:** dates and clock times (``Jan. 10``, ``10 January``, ``in 2022``, ``3 p.m.``), identifiers
(``COVID-19``, ``Resolution 2231``, ``Boeing 737``, ``No. 5``), ordinals (``10th``), ages written as
``25-year-old``, and a sports-style ``3-1`` (a range whose bounds are reversed).

**The quantity:** ``value`` is the number as stated (for a vague word its smallest reading, for a range its
first number, empty for a comparative); ``lower``/``upper`` the interval the wording asserts (empty = unbounded):
exact ``[v, v]``; ``about``/``around``/``some`` ``[0.9v, 1.1v]``; ``nearly``/``almost`` ``[0.9v, v]``;
``at least``/``more than``/``over`` ``[v, -]``; ``up to``/``fewer than``/``under`` ``[-, v]``. ``hedge`` names
the wording's class.

**What it counts:** ``unit`` is the head noun after the number (``people``, ``years``), or ``percent``, a
currency code, or ``factor``; ``event`` the tally the clause reports, from a small lexicon of news tallies
(killed, injured, detained, displaced, missing, cases, evacuated): the nearest tally word within eight words in
the same clause, a word before the number only within its own coordinate clause ("300 feared dead and 15,000 left
homeless"), ``lives`` only after claimed/lost/took (never for ages and durations such as ``30 years``);
``counted`` says both in words (``people killed``).

**Who states it:** the innermost statement of :func:`helpers.quotes.extract_quotes` whose content holds the
claim (its actor, else its speaker as written), else ``narrator``.

**Clashes:** two claims about the same tally (same ``event`` and same counted noun phrase, people-like nouns
counting as ``people``: "Azerbaijani soldiers" and "Artsakh soldiers" are different tallies) whose intervals cannot
both hold are *incompatible*, but only when they are comparable: news lists many partial counts (per place, per day),
so a pair is compared when two different named sources state them, or when one is presented as a total ("the death
toll is", "in all", a comparative) within :data:`COMPARE_SENTENCES` sentences of the other. Parts and updates are
never compared ("12 new deaths", "seven more", "from fourteen to 31", "an earlier toll of 27", "including 54
children", "170 in May alone"), nor are ``cases`` tallies. ``inconsistent``: the text gives an incompatible number
for the same tally (one text, incompatible numbers); ``contested``: a different source gives it (two sources,
different numbers for the same thing). ``conflicts_with`` lists the other claims' ``claim_id``. Percentages, money
and factors are never compared: two in one text are usually about different things.

Measured on a hand-annotated Wikinews gold set (``tests/gold/claims_gold.jsonl``, ``scripts/eval_claims.py``):
detection F1 95 on the blind split against 49 for "every numeral"; on the Wikinews and Reuters corpora (4,672
articles, about 31,000 claims) it flags 5 claims as clashing, among them the Taliban's "190 dead" against the
governor's "twelve" (0017).

>>> t = ("Nearly 8,000 people were detained. Dozens of people were killed. "
...      "The official death toll is 164 people; the actual number is considerably higher.")
>>> c = extract_claims(t)
>>> c[["text", "value", "lower", "upper", "hedge", "counted"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['Nearly 8,000', 8000.0, 7200.0, 8000.0, 'nearly', 'people detained'],
 ['Dozens', 24.0, 24.0, 99.0, 'vague', 'people killed'],
 ['164', 164.0, 164.0, 164.0, 'exact', 'people killed'],
 ['considerably higher', nan, 164.0, nan, 'higher than', 'people killed']]
>>> c[["inconsistent", "contested", "conflicts_with"]].values.tolist()
[[False, False, ''], [True, False, '2;3'], [True, False, '1;3'], [True, False, '1;2']]
"""
from __future__ import annotations

import functools
import heapq
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

import pandas as pd

from . import text as tm
from .tables import Column, conform, empty_frame
from .wordlists import stopwords

__all__ = ["CLAIMS_SCHEMA", "CLAIMS_TABLE_SCHEMA", "extract_claims", "claims_table", "parse_number"]

CLAIMS_SCHEMA: list[Column] = [
    Column("claim_id", "int", "claim number within the article, in text order (0-based)"),
    Column("start", "int", "character offset where the quantity starts (hedge included: 'nearly 8,000')"),
    Column("end", "int", "character offset where the quantity ends (exclusive)"),
    Column("text", "str", "text[start:end]"),
    Column("sentence_id", "int", "sentence (of sentences.csv) the claim starts in; -1 if none"),
    Column("value", "float", "the number as stated (vague word: its smallest reading; range: first number); "
                             "empty for a comparative"),
    Column("lower", "float", "lower bound the wording asserts; empty when unbounded"),
    Column("upper", "float", "upper bound the wording asserts; empty when unbounded"),
    Column("hedge", "str", "exact, approximately, nearly, at least, more than, at most, less than, just over, "
                           "range, vague, factor, higher than or lower than"),
    Column("unit", "str", "what one unit is: head noun after the number (people, years), percent, "
                          "percentage points, a currency code (USD, EUR, KZT ...) or factor; empty if none"),
    Column("event", "str", "tally the clause reports: killed, injured, detained, displaced, missing, cases, "
                           "evacuated; empty otherwise"),
    Column("counted", "str", "what is counted, in words: 'people detained', 'years', 'fuel prices'"),
    Column("source", "str", "who states it: the statement's actor, else its speaker as written; 'narrator'"),
    Column("speaker", "str", "speaker of the statement holding the claim as written; empty for the narrator"),
    Column("actor", "str", "canonical actor of that speaker; empty when unknown or narrator"),
    Column("source_type", "str", "source type of that statement when extract_quotes gives one; "
                                 "'narrator' outside statements"),
    Column("quote_start", "int", "quote_start of the statement holding the claim; -1 for the narrator"),
    Column("contested", "bool", "a different source gives an incompatible number for the same tally"),
    Column("inconsistent", "bool", "the text gives an incompatible number for the same tally elsewhere"),
    Column("conflicts_with", "str", "claim_ids of the incompatible claims, ';'-separated"),
]
CLAIMS_TABLE_SCHEMA: list[Column] = [Column("article_id", "str", "article identifier")] + CLAIMS_SCHEMA

# ------------------------------------------------------------------------------------------- lexicon
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SCALE_ABBR = {"bn": 1_000_000_000, "m": 1_000_000, "k": 1_000, "mn": 1_000_000}
_VAGUE = {  # word -> (lower, upper)
    "a dozen": (12, 12), "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "millions": (2e6, 999e6), "billions": (2e9, 999e9),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "tens of millions": (20e6, 99e6), "hundreds of millions": (200e6, 999e6),
    "several dozen": (36, 108), "several hundred": (300, 900), "several thousand": (3_000, 9_000),
    "several million": (3e6, 9e6), "a few dozen": (24, 60), "a few hundred": (200, 500),
    "a few thousand": (2_000, 5_000), "a couple": (2, 3),
}
_FACTORS = {"doubling": 2, "doubled": 2, "doubles": 2, "tripling": 3, "tripled": 3, "triples": 3,
            "quadrupling": 4, "quadrupled": 4, "halving": 0.5, "halved": 0.5, "twofold": 2, "two-fold": 2,
            "threefold": 3, "three-fold": 3, "fourfold": 4, "four-fold": 4, "tenfold": 10, "ten-fold": 10}
_CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₸": "KZT", "₽": "RUB",
                   "₹": "INR"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                   "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB",
                   "roubles": "RUB", "tenge": "KZT", "rupee": "INR", "rupees": "INR", "francs": "CHF"}
_EVENTS = {  # word -> tally
    **dict.fromkeys("killed kill kills killing dead died die dies death deaths toll fatalities lives slain "
                    "murdered perished".split(), "killed"),
    **dict.fromkeys("injured wounded hurt injuries injury".split(), "injured"),
    **dict.fromkeys("detained detention detentions detainees arrested arrest arrests jailed imprisoned "
                    "custody apprehended".split(), "detained"),
    **dict.fromkeys("displaced homeless refugees".split(), "displaced"),
    **dict.fromkeys("evacuated evacuation evacuations".split(), "evacuated"),
    **dict.fromkeys("missing disappeared".split(), "missing"),
    **dict.fromkeys("infected infections cases".split(), "cases"),
}
_DURATIONS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
              "minutes", "decade", "decades", "century", "centuries", "second", "seconds"}
_PEOPLE = {"people", "person", "persons", "individuals", "deaths", "dead", "fatalities", "casualties", "lives",
           "victims", "bodies", "detainees", "arrests", "detentions", "injuries", "cases", "refugees"}
_HEDGES = [  # (regex before the number, hedge, lower factor, upper factor); None = unbounded
    (r"nearly|almost|close to|just under|just shy of|approaching", "nearly", 0.9, 1.0),
    (r"about|around|roughly|approximately|some|an estimated|estimated|circa|an approximate", "approximately",
     0.9, 1.1),
    (r"at least|no fewer than|no less than|a minimum of|minimum of", "at least", 1.0, None),
    (r"more than|over|above|upwards of|in excess of|exceeding|greater than", "more than", 1.0, None),
    (r"just over|just above|slightly more than", "just over", 1.0, 1.1),
    (r"up to|as many as|at most|no more than|as much as|a maximum of|maximum of", "at most", None, 1.0),
    (r"fewer than|less than|under|below", "less than", None, 1.0),
]
_HEDGE_RE = re.compile(r"\b(" + "|".join(h[0] for h in sorted(_HEDGES, key=lambda h: h[1] != "just over")) +
                       r")\s+(?:the\s+)?\Z", re.IGNORECASE)
_HEDGE_OF = {w: h for pat, *h in _HEDGES for w in pat.split("|")}

_MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_WORD = "|".join(sorted([*_SMALL, *_TENS], key=len, reverse=True))
_SCALE = "|".join(_SCALES)
_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_VAGUE_RE = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(_VAGUE, key=len, reverse=True))
_SCAN = re.compile(
    rf"(?P<cur>US\$|[$€£¥₸₽₹])?\s?(?:"
    rf"(?<![\w.,/:@#-])(?P<num>{_NUMERAL})(?!\w|[.,]\d)(?:\s?(?P<numscale>{_SCALE})\b|(?P<abbr>bn|mn|m|k)\b)?"
    rf"|\b(?P<vague>{_VAGUE_RE})\b(?:(?<!couple)|(?=\s+of\b))"
    rf"|\b(?P<words>(?:a\s+(?:{_SCALE})|(?:{_WORD})(?:-(?:{_WORD}))?)(?:(?:\s+and\s+|\s+|-)(?:{_WORD}|{_SCALE}))*)\b"
    rf"|\b(?P<factor>{'|'.join(sorted(_FACTORS, key=len, reverse=True))})\b)",
    re.IGNORECASE,
)


def _starts_regex() -> re.Pattern:
    """Where a match of :data:`_SCAN` can have its quantity: a digit, or a whole word that opens a quantity (``a``,
    ``dozens``, ``twenty``, ``doubled`` ...; any case) after a non-word character; each ``_SCAN`` match starts there
    or at most four characters before (``US$ ``). It opens with a case-sensitive set of first letters (every case,
    ``ſ`` too, which ``re.IGNORECASE`` takes for ``s``), so the engine skips other characters without entering the
    pattern (3x faster than ``\\b(?:a|dozens|...)`` tried at every character).

    >>> [m.group() for m in _starts_regex().finditer("About 8,000 (a6, A dozen) Twenty-five tried a lot")]
    ['8', '0', 'A', 'Twenty', 'five']
    """
    alone = {*_SMALL, *_TENS, *_FACTORS} | {v for v in _VAGUE if " " not in v}  # quantities of one word
    then: dict[str, set[str]] = {"a": set(_SCALES)}  # first word -> the words that follow it ("a hundred")
    for v in _VAGUE:
        first, *more = v.split()
        then.setdefault(first, set()).update(more[:1])
    words = {f.split("-")[0] for f in alone} | set(then)
    rest: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):  # a word never alone must be followed by its next word
        nxt = "" if w in alone else rf"(?=\s+(?:{'|'.join(sorted(then[w]))}))"
        rest.setdefault(w[0], []).append(w[1:] + nxt)
    firsts = "".join(sorted(rest))
    chars = firsts + firsts.upper() + ("\u017f" if "s" in rest else "")
    tails = "|".join(f"(?<={c})(?:{'|'.join(rest[c])})" for c in sorted(rest))
    return re.compile(rf"[\d{chars}](?<!\w\w)(?:(?<=\d)|(?i:{tails})(?!\w))")


_STARTS = _starts_regex()
#: The characters a match of :data:`_SCAN` can start with before its quantity: a currency sign (``US$`` in any
#: case) or a space.
_LEAD_CHARS = frozenset("uU$€£¥₸₽₹")
_RANGE_AFTER = re.compile(rf"\s*(?:-|–|—|to|and)\s*(?:US\$|[$€£¥₸₽₹])?({_NUMERAL})(?!\w|[.,]\d)",
                          re.IGNORECASE)
# after a quantity (matched at its end in the text, never on a copy of the rest of the text: linear in claims)
_OF_AFTER = re.compile(r"\s+of\b")
_IN_OF_AFTER = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")
_SCALE_AFTER = re.compile(rf"\s?({_SCALE})\b", re.IGNORECASE)
_NUMBER_PARTS = re.compile(r"[\s-]+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_PERCENT = re.compile(r"\s?(%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"\s+(" + "|".join(_CURRENCY_WORDS) + r")\b", re.IGNORECASE)
_NOUNS_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?)?((?:[A-Za-z][a-z-]*\s+){0,2}[A-Za-z][a-z-]*)")
_SKIP_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\.?\s+|\b(?:No|no|Nos|nr|Nr)\.\s*|#\s*|\d[:.]|\b[A-Za-z]+-)\Z")
_SKIP_AFTER = re.compile(rf"(?:\s+(?:{_MONTHS})\b|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)|-year-old|:\d|"
                         r"(?:st|nd|rd|th)\b|-(?:st|nd|rd|th)\b)")
_COMPARATIVE = re.compile(
    r"\b(?:number|numbers|figure|figures|toll|count|total|tally)\s+(?:is|was|are|were|could\s+be|may\s+be|"
    r"might\s+be|would\s+be|is\s+likely|is\s+probably|remains)\s+"
    r"(?P<span>(?:(?:much|far|considerably|significantly|substantially|even|likely|probably|many\s+times)\s+)?"
    r"(?P<dir>higher|lower|greater|larger|smaller|bigger))\b", re.IGNORECASE)
_JOINT = re.compile(r",|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
_LIVES = re.compile(r"\b(?:claim\w*|lost|los\w+|took|tak\w+|cost\w*)\W+(?:\w+\W+)?\Z", re.IGNORECASE)
_TOTAL = re.compile(r"\b(?:toll|total|totals|overall|altogether|in all|tally|nationwide|official figures?|"
                    r"the (?:actual|real|true|final) number)\b", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
_NOT_NOUN = {"more", "than", "other", "additional", "of", "the", "a", "an", "had", "have", "has", "were", "was",
             "are", "is", "been", "be", "and", "or", "to", "in", "on", "at", "for", "from", "by", "with", "since",
             "during", "as", "that", "who", "which", "per", "ago", "later", "earlier", "each", "apiece", "so"}
_PLURAL_HEADS = {"people", "men", "women", "children", "police", "staff", "personnel", "cattle", "livestock"}
_AGE = re.compile(r"\b(?:aged|age of|ages of|age)\s+\Z", re.IGNORECASE)
_NOT_COUNT = {"no", "the", "this", "that", "any", "every", "each", "which", "another", "only", "someone",
              "anyone"}  # "no one", "the one", "any one": not a count
_AUX = {"has", "have", "had", "been", "more", "than", "nearly", "almost", "reportedly", "also", "all", "the", "a"}

#: Words within this distance of a quantity may name its tally.
EVENT_WINDOW = 8
#: A total is compared with the tallies of the same narrator at most this many sentences away.
COMPARE_SENTENCES = 3
#: Words just before a number that make it a part or an update, not a competing total:
#: "12 new deaths", "seven more", "from fourteen to 31", "an earlier toll of 27", "including 54 children".
_PARTIAL = re.compile(r"\b(?:new|more|additional|another|other|further|from|previous|previously|earlier|"
                      r"initial|initially|including|included|among|of whom|rising to|rose to|risen to|"
                      r"increased to|increasing to|climbed to|up to date)\b(?:\W+\w+){0,3}\W*\Z", re.IGNORECASE)
_PARTIAL_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}(?:more|others?|new|additional|among them|of them)\b|"
                            r"\W*(?:\w+\W+){0,6}alone\b", re.IGNORECASE)


@dataclass
class _Claim:
    start: int
    end: int
    value: float
    lower: float
    upper: float
    hedge: str
    unit: str = ""
    event: str = ""
    counted: str = ""
    total: bool = False
    partial: bool = False
    index: int = -1
    noun: str = ""
    conflicts: set = field(default_factory=set)


def parse_number(s: str) -> float:
    """The value of a numeral or number-word phrase.

    >>> [parse_number(x) for x in ["8,000", "1.5 million", "twenty-five", "three hundred and twelve", "a thousand"]]
    [8000.0, 1500000.0, 25.0, 312.0, 1000.0]
    """
    s = s.lower().replace(",", "")
    total, current, seen = 0.0, 0.0, False
    for w in _NUMBER_PARTS.split(s.strip()):
        if not w or w == "and":
            continue
        if _DECIMAL.fullmatch(w):
            current += float(w)
        elif w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "a":
            current += 1
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0.0
        elif w in _SCALE_ABBR:
            total += (current or 1) * _SCALE_ABBR[w]
            current = 0.0
        else:
            raise ValueError(f"not a number: {s!r}")
        seen = True
    if not seen:
        raise ValueError(f"not a number: {s!r}")
    return float(total + current)


def _nouns(text: str, pos: int) -> tuple[str, int]:
    """Content words right after ``pos`` (at most three, stopping at a function word or a verb form)."""
    m = _NOUNS_AFTER.match(text, pos)
    if not m:
        return "", pos
    words = []
    for w in m.group(1).split():
        lw = w.lower()
        if lw in _NOT_NOUN or lw in stopwords() or (lw.endswith("ed") and len(lw) > 4):
            break  # a function word or a verb form ("8,000 detained": the tally is the noun's role, not a noun)
        words.append(lw)
        if lw in _PLURAL_HEADS or (lw.endswith("s") and not lw.endswith("ss")):
            break  # a plural noun ends the phrase: "fuel prices", "developers (came)"
    return " ".join(words), m.end(1)


def _nouns_before(text: str, pos: int) -> str:
    """Up to two content words before ``pos`` ("fuel prices" in "fuel prices have doubled")."""
    window = text[max(0, pos - 60):pos]
    words = _WORDS.findall(re.split(r"[.!?;:]\s", window)[-1])
    while words and words[-1].lower() in _AUX:
        words.pop()
    out = []
    for w in reversed(words[-2:]):
        if w.lower() in stopwords() or w.lower() in _NOT_NOUN:
            break
        out.insert(0, w.lower())
    return " ".join(out)


def _event(text: str, start: int, end: int, sent: tuple[int, int], unit: str) -> tuple[str, bool]:
    """The tally word nearest to the quantity in its clause (within :data:`EVENT_WINDOW` words), and whether
    the clause presents the number as a total ("death toll", "in total", "overall")."""
    if unit in _DURATIONS or unit in ("percent", "percentage points", "factor") or unit.isupper():
        return "", False
    best = None
    lo, hi = sent
    cut = [k for k in (text.rfind(ch, lo, start) for ch in ";:—") if k >= 0]
    lo = max(cut) + 1 if cut else lo
    cut = [k for k in (text.find(ch, end, hi) for ch in ";:—") if k >= 0]
    hi = min(cut) if cut else hi
    starts, tallies = _clause_words(text, lo, hi)
    # a tally word before the number counts only within its own coordinate clause: in "300 were feared dead and
    # more than 15,000 left homeless", "dead" belongs to 300
    joints = [m.end() for m in _JOINT.finditer(text, lo, start)]
    before_from = joints[-1] if joints else lo
    for a, b, w in tallies:
        if b <= start and a < before_from:
            continue
        if w == "lives" and not _LIVES.search(text, max(0, a - 30), a):
            continue  # "claimed 15,393 lives" is a toll; "threatened the lives of a million" is not
        if a >= end:  # words starting in [end, a)
            dist = bisect_left(starts, a) - bisect_left(starts, end)
        elif b <= start:  # words starting in [b, start)
            dist = bisect_left(starts, start) - bisect_left(starts, b)
        else:
            dist = 0
        dist += 0.5 * (a < start)  # a tie goes to the word after the number ("2,000 detained")
        if dist <= EVENT_WINDOW and (best is None or dist < best[0]):
            best = (dist, _EVENTS[w])
    return (best[1], bool(_TOTAL.search(text, lo, hi))) if best else ("", False)


@functools.lru_cache(maxsize=64)
def _clause_words(text: str, lo: int, hi: int) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The words (tokens starting with a letter) of ``text[lo:hi]``: their starts, and the tally words among them
    as ``(start, end, lower-cased word)``. Cached, as the quantities of one clause share it ("5 mln vs 3 mln").

    >>> _clause_words("8,000 people were detained.", 0, 27)
    ([6, 13, 18], [(18, 26, 'detained')])
    """
    words = [(a, b) for a, b in tm.tokenize(text[lo:hi], offset=lo) if text[a:b][:1].isalpha()]
    tallies = [(a, b, w) for a, b in words if (w := text[a:b].lower()) in _EVENTS]
    return [a for a, _ in words], tallies


def _core_start(m: re.Match) -> int:
    """Where the quantity itself starts: its currency sign, else the number (the scanner may take a space first)."""
    first = next(g for g in ("cur", "num", "vague", "words", "factor") if m.group(g) is not None)
    return m.start(first)


def _skip(text: str, m: re.Match, value: float, hedged: bool) -> bool:
    """Dates, times, identifiers, ordinals and ages are not claims."""
    s, e = _core_start(m), m.end()
    before = text[max(0, s - 20):s]
    if _SKIP_BEFORE.search(before) or _SKIP_AFTER.match(text, e):
        return True
    num = m.group("num")
    if num and re.fullmatch(r"\d{4}", num) and 1000 <= value <= 2100 and not hedged and not m.group("cur"):
        nxt, _ = _nouns(text, e)
        if not nxt or nxt.split()[0] in _DURATIONS or not nxt.split()[-1].endswith("s"):
            return True  # a year: "in 2022", "since 1991"
    prev = _WORDS.findall(before)
    if num and prev and prev[-1][:1].isupper() and prev[-1].lower() not in stopwords() \
            and prev[-1].lower() not in _HEDGE_OF and not re.search(r"[.!?:]\s*\S*\s*\Z", before):
        return True  # "Resolution 2231", "Boeing 737"
    if m.group("words") and m.group("words").lower() in ("one", "a"):
        nxt, _ = _nouns(text, e)
        low = before.lower().split()
        if not nxt or _OF_AFTER.match(text, e) or (low and low[-1] in _NOT_COUNT):
            return True
    return False


def _scan(text: str, sentences: list[tuple[int, int]]) -> list[_Claim]:
    """The claims of ``text``, left to right: each match of :data:`_SCAN` from where the previous claim ended,
    tried only where a match can start (:data:`_STARTS`): what ``_SCAN.search`` finds by trying its long
    alternation at every character (four fifths of the stage's time on Reuters).

    >>> t = "In 2022, about 8,000 fled (US$ 5 million, or $ 3m) and twenty-five died."
    >>> [t[c.start:c.end] for c in _scan(t, _Spans([]))]
    ['about 8,000', 'US$ 5 million', 'twenty-five']
    """
    claims: list[_Claim] = []
    pos = tried = 0
    for s in _STARTS.finditer(text):
        q = s.start()
        for p in range(max(pos, tried, q - 4), q + 1):
            if p < pos or (p < q and text[p] not in _LEAD_CHARS and not text[p].isspace()):
                continue  # a match starting before the quantity starts with its currency sign or a space
            m = _SCAN.match(text, p)
            if not m:
                continue
            pos = m.end()
            claim = _read(text, m, sentences)
            if claim is not None:
                claims.append(claim)
                pos = max(pos, claim.end)
        tried = q + 1
    return claims


class _Spans(list):
    """Sentence spans (sorted, not overlapping, as the text model gives them) with their starts for bisection."""

    def __init__(self, spans):
        super().__init__(spans)
        self.starts = [a for a, _ in self]


def _sentence_of(sentences: _Spans, pos: int) -> tuple[int, int]:
    """The sentence span holding ``pos``, else 300 characters either side (found by bisection: an article's
    claims cost time linear in its length, not claims x sentences).

    >>> _sentence_of(_Spans([(0, 10), (12, 20)]), 13), _sentence_of(_Spans([(0, 10), (12, 20)]), 11)
    ((12, 20), (0, 311))
    """
    i = bisect_right(sentences.starts, pos) - 1
    if i >= 0 and pos < sentences[i][1]:
        a, b = sentences[i]
        return a, b
    return max(0, pos - 300), pos + 300


def _read(text: str, m: re.Match, sentences: list[tuple[int, int]]) -> _Claim | None:
    """One claim from a scanner match: its value, hedge, bounds, unit, counted thing and tally."""
    start, end = _core_start(m), m.end()
    hm = _HEDGE_RE.search(text, max(0, start - 40), start)
    hedge, lo_f, hi_f = _HEDGE_OF.get(re.sub(r"\s+", " ", hm.group(1).lower()), (None, 1, 1)) if hm else (None, 1, 1)
    unit, counted = "", ""
    if m.group("factor"):
        value = float(_FACTORS[m.group("factor").lower()])
        lower = upper = value
        hedge, unit = "factor", "factor"
        after = _IN_OF_AFTER.match(text, end)
        counted = _nouns(text, after.end() - 1)[0] if after else _nouns_before(text, start)
    elif m.group("vague"):
        key = re.sub(r"\s+", " ", m.group("vague").lower())
        lower, upper = (float(x) for x in _VAGUE[key])
        value, hedge = lower, (hedge or ("exact" if key == "a dozen" else "vague"))
        if hm:  # "at least a dozen", "nearly a dozen"
            lower = lower * lo_f if lo_f is not None else math.nan
            upper = upper * hi_f if hi_f is not None else math.nan
    else:
        raw = m.group("num") or m.group("words")
        try:
            value = parse_number(raw)
        except ValueError:
            return None
        if m.group("numscale"):
            value *= _SCALES[m.group("numscale").lower()]
        if m.group("abbr"):
            if not m.group("cur"):
                end = m.end("num")
            else:
                value *= _SCALE_ABBR[m.group("abbr").lower()]
        if _skip(text, m, value, hm is not None):
            return None
        lower = value * lo_f if lo_f is not None else math.nan
        upper = value * hi_f if hi_f is not None else math.nan
        hedge = hedge or "exact"
        rng = _RANGE_AFTER.match(text, end) if m.group("num") else None
        if rng and not (hm and hm.group(1).lower() == "between" and "and" not in rng.group()):
            second = parse_number(rng.group(1)) * (_SCALES[m.group("numscale").lower()] if m.group("numscale") else 1)
            if m.group("numscale") is None:
                sc = _SCALE_AFTER.match(text, rng.end())
                if sc:
                    second *= _SCALES[sc.group(1).lower()]
                    value *= _SCALES[sc.group(1).lower()] if value < second / 100 else 1
            if second > value and ("-" not in rng.group() or "–" in rng.group() or second < 10 * value + 10):
                lower, upper, hedge, end = value, second, "range", rng.end()
                bm = re.search(r"\b(?:between|from)\s+\Z", text[max(0, start - 10):start], re.IGNORECASE)
                if bm and not hm:
                    start -= len(bm.group())
            elif "-" in rng.group() and second <= value and not hm:
                return None  # a score or an identifier: "won 3-1"
        if m.group("cur"):
            unit = _CURRENCY_SIGNS[m.group("cur").upper() if m.group("cur") != "US$" else "US$"]
    if hm:
        start = hm.start(1)
    if not m.group("factor"):
        pm = _PERCENT.match(text, end)
        cm = _CURRENCY_AFTER.match(text, end)
        if pm:
            unit = "percentage points" if "point" in pm.group(1).lower() else "percent"
            end = pm.end()
            counted, _ = _nouns(text, end) if _OF_AFTER.match(text, end) else ("", end)
        elif cm and not unit:
            unit, end = _CURRENCY_WORDS[cm.group(1).lower()], cm.end()
        elif not unit:
            counted, _ = _nouns(text, end)
            unit = counted.split()[-1] if counted else ""
    if unit in ("people", "person", "persons"):
        unit = "people"
    if _AGE.search(text[max(0, start - 12):start]):
        unit, counted = "years", "age"  # "dies aged 78": an age, not a tally
    sent = _sentence_of(sentences, start)
    event, total = _event(text, start, end, sent, unit) if counted != "age" else ("", False)
    partial = bool(_PARTIAL.search(text[max(0, start - 50):start]) or _PARTIAL_AFTER.match(text, end))
    if event and not counted:
        counted = "people"
    if event and counted.split()[-1:] and counted.split()[-1] in _EVENTS:
        counted = "people"  # "164 deaths": the people counted, killed
        unit = "people"
    noun = counted
    counted = "cases" if event == "cases" else f"{counted} {event}".strip() if event else counted
    if unit and unit.isupper() and not counted:
        counted = "money"
    return _Claim(start, end, value, lower, upper, hedge, unit, event, counted, total, partial, noun=noun)


def _comparatives(text: str, claims: list[_Claim]) -> list[_Claim]:
    """'the actual number is considerably higher': a claim bounded by the nearest earlier tally (within 400 chars)."""
    out = []
    if not any(c.event for c in claims):
        return out  # no tally to bound (most articles: the scan of the whole text is skipped)
    for m in _COMPARATIVE.finditer(text):
        refs = [c for c in claims if c.event and c.end <= m.start() and m.start() - c.end <= 400]
        if not refs:
            continue
        ref = refs[-1]
        higher = m.group("dir").lower() in ("higher", "greater", "larger", "bigger")
        bound = ref.upper if higher else ref.lower
        if math.isnan(bound):
            bound = ref.value
        out.append(replace(ref, start=m.start("span"), end=m.end("span"), value=math.nan,
                           lower=bound if higher else math.nan, upper=math.nan if higher else bound,
                           hedge="higher than" if higher else "lower than", total=True, conflicts=set()))
    return out


def _interval(c) -> tuple[float, float]:
    lo = -math.inf if math.isnan(c.lower) else c.lower
    hi = math.inf if math.isnan(c.upper) else c.upper
    if c.hedge in ("higher than", "lower than", "more than", "less than"):
        return (lo + 1e-9, hi) if c.hedge in ("higher than", "more than") else (lo, hi - 1e-9)
    return lo, hi


def _tally_key(c) -> tuple[str, str] | None:
    if not c.event or c.event == "cases" or c.partial:
        return None
    # the whole noun phrase: "Azerbaijani soldiers" and "Artsakh soldiers" are different tallies
    noun = "people" if c.noun in _PEOPLE or c.noun == "" else c.noun
    return c.event, noun


def _comparable(a: _Claim, b: _Claim, rows: list[dict]) -> bool:
    """Are two tallies about the same thing? News gives many partial counts ("three killed in X, five in Y"), so
    two numbers are compared only when one is presented as a total ("the death toll is", "in all", a comparative)
    or when two different named sources state them."""
    ra, rb = rows[a.index], rows[b.index]
    if "narrator" not in (ra["source"], rb["source"]) and ra["source"] != rb["source"]:
        return True
    ids = (ra["sentence_id"], rb["sentence_id"])
    near = abs(ids[0] - ids[1]) <= COMPARE_SENTENCES or -1 in ids
    return (a.total or b.total) and near


def _candidate_pairs(claims: list[_Claim], keys: list, rows: list[dict]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, i < j, that :func:`_comparable` can accept among claims of the same tally key: stated by
    two different named sources, or a total and a claim within :data:`COMPARE_SENTENCES` sentences of it (or
    outside any sentence). Every other pair fails :func:`_comparable`, so checking only these gives the same
    clashes as checking all pairs, in time linear in the claims when one source states them all (20,000 quoted
    tallies of one speaker: 32 million comparisons before).

    >>> c = [_Claim(0, 1, 5, 5, 5, "exact", total=t) for t in (False, False, True, False)]
    >>> rows = [{"source": s, "sentence_id": i} for s, i in (("A", 0), ("A", 1), ("narrator", 9), ("B", 12))]
    >>> _candidate_pairs(c, [("killed", "people")] * 4, rows)
    [(0, 3), (1, 3), (2, 3)]
    """
    groups: dict = {}
    for i, k in enumerate(keys):
        if k is not None:
            groups.setdefault(k, []).append(i)
    pairs = set()
    for members in groups.values():
        by_source: dict = {}
        for i in members:
            by_source.setdefault(rows[i]["source"], []).append(i)
        named = [m for src, m in by_source.items() if src != "narrator"]
        for x, first in enumerate(named):
            for second in named[x + 1:]:
                pairs.update((min(i, j), max(i, j)) for i in first for j in second)
        order = sorted((rows[i]["sentence_id"], i) for i in members)
        ids = [s for s, _ in order]
        nowhere = [i for s, i in order if s == -1]
        for i in members:
            if not claims[i].total:
                continue
            s = rows[i]["sentence_id"]
            near = members if s == -1 else [j for _, j in order[bisect_left(ids, s - COMPARE_SENTENCES):
                                                                   bisect_right(ids, s + COMPARE_SENTENCES)]]
            pairs.update((min(i, j), max(i, j)) for j in [*near, *nowhere] if j != i)
    return sorted(pairs)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the shared text model (:mod:`helpers.text`), the ones ``sentences.csv`` numbers."""
    return _Spans(tm.build(text).sentences)


def _statements(text: str, quotes: pd.DataFrame | list[dict] | None) -> list[dict]:
    """The article's statements as row dicts, shortest content first (the innermost holding a claim comes
    first); ``quotes``: its statement table or already its rows as dicts; None: :func:`extract_quotes`."""
    if quotes is None:
        from .quotes import extract_quotes
        quotes = extract_quotes(text)
    rows = quotes.to_dict("records") if isinstance(quotes, pd.DataFrame) else quotes
    return sorted(rows, key=lambda r: (r["quote_end"] - r["quote_start"], r["quote_start"]))


def _holders(claims: list[_Claim], statements: list[dict]) -> list[dict | None]:
    """For each claim (sorted by start), the first of ``statements`` (innermost first) that holds it, or None.

    A sweep over the text: statements open as the claims pass their start and close after their end, so each
    claim is checked only against the statements around it (an article's claims cost time linear in its number of
    statements, not claims x statements: 16,000 quoted numbers took 10 s).

    >>> c = [_Claim(5, 7, 1, 1, 1, "exact", "", "", "", False, False), _Claim(20, 22, 1, 1, 1, "exact", "", "", "",
    ...      False, False), _Claim(40, 41, 1, 1, 1, "exact", "", "", "", False, False)]
    >>> st = [{"quote_start": 4, "quote_end": 8}, {"quote_start": 0, "quote_end": 30}]
    >>> [h and (h["quote_start"], h["quote_end"]) for h in _holders(c, st)]
    [(4, 8), (0, 30), None]
    """
    usable = [i for i, s in enumerate(statements)  # a missing offset holds nothing (NaN compares false)
              if s["quote_start"] == s["quote_start"] and s["quote_end"] == s["quote_end"]]
    by_start = sorted(usable, key=lambda i: statements[i]["quote_start"])
    open_: dict[int, dict] = {}  # index in `statements` (its preference) -> statement
    ends: list[tuple] = []  # heap of (quote_end, index) of the open statements
    k, out = 0, []
    for c in claims:
        while k < len(by_start) and statements[by_start[k]]["quote_start"] <= c.start:
            i = by_start[k]
            open_[i] = statements[i]
            heapq.heappush(ends, (statements[i]["quote_end"], i))
            k += 1
        while ends and ends[0][0] < c.start:  # ended before this claim, so before every later one
            open_.pop(heapq.heappop(ends)[1], None)
        fit = [i for i, s in open_.items() if c.end <= s["quote_end"]]
        out.append(statements[min(fit)] if fit else None)
    return out


def extract_claims(text: str, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every quantified claim in ``text``, one row per claim (columns: :data:`CLAIMS_SCHEMA`).

    ``quotes`` is the statement table of this text (``extract_quotes(text)`` or its rows of ``quotes.csv``);
    it is computed when not given. See the module docstring for what is extracted and how.

    >>> extract_claims("Fuel prices doubled after a doubling of fuel taxes on Jan. 10, 2022.")[
    ...     ["text", "value", "hedge", "counted"]].values.tolist()
    [['doubled', 2.0, 'factor', 'fuel prices'], ['doubling', 2.0, 'factor', 'fuel taxes']]
    >>> extract_claims("").shape[0]
    0
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_claims needs a str, not {type(text).__name__}")
    rows = _claim_rows(text, quotes)
    return _frame(rows, CLAIMS_SCHEMA) if rows else empty_frame(CLAIMS_SCHEMA)


def _claim_rows(text: str, quotes: pd.DataFrame | list[dict] | None) -> list[dict]:
    """:func:`extract_claims` as row dicts (``quotes``: as for :func:`_statements`, used only when there are
    claims)."""
    sentences = _sentences(text)
    claims = _scan(text, sentences)
    claims = sorted(claims + _comparatives(text, claims), key=lambda c: (c.start, c.end))
    if not claims:
        return []
    statements = _statements(text, quotes)
    model = tm.build(text)
    rows = []
    for i, (c, st) in enumerate(zip(claims, _holders(claims, statements))):
        src = (st["actor"] or st["speaker"] or "unnamed source") if st else "narrator"
        rows.append({
            "claim_id": i, "start": c.start, "end": c.end, "text": text[c.start:c.end],
            "sentence_id": model.sentence_at(c.start),
            "value": c.value, "lower": c.lower, "upper": c.upper, "hedge": c.hedge, "unit": c.unit,
            "event": c.event, "counted": c.counted, "source": src,
            "speaker": st["speaker"] if st else "", "actor": st["actor"] if st else "",
            "source_type": (str(st.get("source_type", "")) if st else "narrator"),
            "quote_start": int(st["quote_start"]) if st else -1,
        })
    for i, c in enumerate(claims):
        c.index = i
    for i, j in _candidate_pairs(claims, [_tally_key(c) for c in claims], rows):
        a, b = claims[i], claims[j]
        if _comparable(a, b, rows):
            (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
            if ahi < blo or bhi < alo:
                a.conflicts.add(j)
                b.conflicts.add(i)
    for i, c in enumerate(claims):
        rows[i]["inconsistent"] = bool(c.conflicts)
        rows[i]["contested"] = any(rows[j]["source"] != rows[i]["source"] for j in c.conflicts)
        rows[i]["conflicts_with"] = ";".join(str(j) for j in sorted(c.conflicts))
    return rows


_DTYPES = {"str": "string", "int": "int64", "float": "float64", "bool": "bool"}


def _frame(rows: list[dict], schema: list[Column]) -> pd.DataFrame:
    """Rows as a frame with the schema's columns and dtypes (what ``tables.conform`` gives, built directly:
    conforming column by column costs more than the whole extraction)."""
    return pd.DataFrame({c.name: pd.Series([r[c.name] for r in rows], dtype=_DTYPES[c.dtype]) for c in schema})


def claims_table(texts: dict[str, str], quotes: pd.DataFrame | None = None, *, engine: str = "loop") -> pd.DataFrame:
    """:func:`extract_claims` over ``{article_id: text}``, in article order (columns: :data:`CLAIMS_TABLE_SCHEMA`).

    ``quotes`` (``quotes.csv``, with ``article_id``) supplies the statements, so sources match that table.
    The rows of all articles make one frame, conformed once (a frame per article cost more than the extraction).
    Articles are mapped by :func:`helpers.corpus.map_articles` (a progress bar; ``engine="auto"`` moves a long
    run to Dask): the same rows whichever engine runs them.

    >>> claims_table({"b": "Police held 8,000 people.", "a": "No numbers."})[["article_id", "text"]].values.tolist()
    [['b', '8,000']]
    """
    from .corpus import map_articles

    by_article: dict[str, list[dict]] = {}
    if quotes is not None:
        for r in _statement_dicts(quotes):
            by_article.setdefault(r["article_id"], []).append(r)
    items = ((aid, texts[aid], None if quotes is None else by_article.get(aid, [])) for aid in sorted(texts))
    parts = map_articles(_article_rows, items, desc="06 claims", engine=engine, total=len(texts))
    rows = [r for part in parts for r in part]
    if not rows:
        return empty_frame(CLAIMS_TABLE_SCHEMA)
    return conform(_frame(rows, CLAIMS_TABLE_SCHEMA), CLAIMS_TABLE_SCHEMA)


#: The columns of a statement table that claims read (:func:`_holders`, :func:`_claim_rows`).
_STATEMENT_COLUMNS = ("article_id", "quote_start", "quote_end", "speaker", "actor", "source_type")


def _statement_dicts(quotes: pd.DataFrame) -> list[dict]:
    """The rows of a statement table as dicts of the columns claims read (:data:`_STATEMENT_COLUMNS`, those it
    has), with the values ``to_dict("records")`` gives (built from column lists: 8x faster on 36,000 rows).

    >>> _statement_dicts(pd.DataFrame({"quote_start": [3], "quote_end": [9], "speaker": pd.array([pd.NA], "string"),
    ...                                "kind": ["direct"]}))
    [{'quote_start': 3, 'quote_end': 9, 'speaker': <NA>}]
    """
    names = [c for c in _STATEMENT_COLUMNS if c in quotes.columns]
    return [dict(zip(names, row)) for row in zip(*(quotes[c].tolist() for c in names))]


def _article_rows(item: tuple[str, str, list[dict] | None]) -> list[dict]:
    """One article's claim rows for :func:`claims_table`: ``(article_id, text, its statement rows or None)``."""
    aid, text, statements = item
    if not isinstance(text, str):
        raise TypeError(f"extract_claims needs a str, not {type(text).__name__}")
    rows = _claim_rows(text, statements)
    for r in rows:
        r["article_id"] = aid
    return rows
