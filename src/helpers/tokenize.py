"""Stage 02: sentences and word tokens with character spans into the raw text, using NLTK's data-free parts.

Method
------
- **Sentences**: :class:`nltk.tokenize.punkt.PunktSentenceTokenizer` built from
  :class:`~nltk.tokenize.punkt.PunktParameters` whose abbreviation list is ``src/helpers/data/abbreviations.txt``
  (news abbreviations: months, titles, U.S., Gov., Gen., Inc., ...). No pretrained Punkt model (``punkt_tab``) is
  loaded. Sentences never cross paragraph boundaries; headings and datelines are one sentence each; boilerplate
  paragraphs have no sentences.
- **Tokens**: :class:`nltk.tokenize.NLTKWordTokenizer`'s ``span_tokenize`` on each sentence, with two repairs
  applied to its spans (they only split or merge spans, never move characters):

  * a word glued to its full stop before a closing quote (``concerns.”``) is split into ``concerns`` and ``.``
    unless the word is a known abbreviation or contains an inner full stop (``U.S.``);
  * a curly apostrophe between letters is kept with the contraction that follows it, as NLTK does for the
    straight one: ``they’ve`` -> ``they`` + ``’ve``, ``can’t`` -> ``ca`` + ``n’t``; a possessive ``’s`` too.

  Every token is ``text[start:end]`` of the raw text: curly and straight quote marks stay distinct characters.
- **Stopwords**: ``src/helpers/data/stopwords_en.txt``, the project's own list of English function words
  (articles, pronouns, auxiliaries, prepositions, conjunctions, contraction parts and reporting-neutral fillers),
  documented in that file's header. It is not NLTK's stopword corpus, which needs downloaded data.

Limits: Punkt without training splits after an unknown abbreviation followed by a capitalised word
("Ms. Smith" is fine because ``ms`` is listed; a rare abbreviation may not be). Sentences inside quotations
are split like any others.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .wordlists import abbreviations, stopwords  # noqa: F401  (part of this module's API)
from .tables import Column, conform, empty_frame

SENTENCES_SCHEMA = [
    Column("article_id", "str", "Article key (articles.csv)."),
    Column("sentence_id", "int", "0-based position of the sentence in the article."),
    Column("paragraph_id", "int", "Paragraph holding the sentence (paragraphs.csv)."),
    Column("start", "int", "Character offset of the sentence in the raw text."),
    Column("end", "int", "Offset just past the sentence (raw_text[start:end] is the sentence)."),
    Column("kind", "str", "Kind of the paragraph: body, heading or dateline."),
    Column("text", "str", "The sentence's normalised text."),
]

TOKENS_SCHEMA = [
    Column("article_id", "str", "Article key (articles.csv)."),
    Column("sentence_id", "int", "Sentence holding the token (sentences.csv)."),
    Column("token_id", "int", "0-based position of the token in the article."),
    Column("start", "int", "Character offset of the token in the raw text."),
    Column("end", "int", "Offset just past the token (raw_text[start:end] is the token)."),
    Column("token", "str", "The token as written."),
    Column("lower", "str", "Lower-cased token, curly apostrophes folded to straight ones."),
    Column("kind", "str", "word, number, quote (quote mark or apostrophe), or punct."),
    Column("is_stopword", "bool", "Lower-cased form is in the project's stopword list."),
]


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


_WORD_TOKENIZER = NLTKWordTokenizer()
_QUOTE_CHARS = set("\"'“”‘’`«»„‟‹›")
_CONTRACTION_TAIL = re.compile(r"(?:s|ve|re|ll|d|m|t)\Z", re.IGNORECASE)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text``.

    >>> t = "Police reported on Monday, Jan. 10, that 8,000 were held. U.S. Secretary of State Blinken spoke."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Police reported on Monday, Jan. 10, that 8,000 were held.', 'U.S. Secretary of State Blinken spoke.']
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    return [(start + a, start + b) for a, b in _sentence_tokenizer().span_tokenize(chunk)]


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word-token spans of ``text[start:end]`` (one sentence) as offsets into ``text``.

    >>> t = "“They’ve raised concerns.” Nazarbayev's U.S. allies"
    >>> [t[a:b] for a, b in token_spans(t)]
    ['“', 'They', '’ve', 'raised', 'concerns', '.', '”', 'Nazarbayev', "'s", 'U.S.', 'allies']
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    try:
        raw = list(_WORD_TOKENIZER.span_tokenize(chunk))
    except ValueError:  # NLTK cannot align some inputs: fall back to a plain word/punctuation split
        raw = [m.span() for m in re.finditer(r"\w+(?:[’']\w+)*|[^\w\s]", chunk)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(raw):
        a, b = raw[i]
        tok = chunk[a:b]
        # curly apostrophe inside a word: glue it to the contraction tail that follows (they’ve -> they + ’ve)
        if (tok == "’" and spans and spans[-1][1] == a and i + 1 < len(raw) and raw[i + 1][0] == b
                and chunk[spans[-1][0]:a][-1:].isalpha() and _CONTRACTION_TAIL.match(chunk[raw[i + 1][0]:raw[i + 1][1]])):
            nb = raw[i + 1][1]
            if chunk[raw[i + 1][0]:nb].lower() == "t" and chunk[spans[-1][0]:a].lower().endswith("n"):
                pa, _ = spans.pop()  # can’t -> ca + n’t, like NLTK's can't
                spans += [(pa, a - 1), (a - 1, nb)] if a - 1 > pa else [(a - 1, nb)]
            else:
                spans.append((a, nb))
            i += 2
            continue
        # word glued to its full stop (NLTK only splits a sentence-final stop that ends the string)
        if (len(tok) > 1 and tok.endswith(".") and "." not in tok[:-1]
                and tok[:-1].lower() not in abbreviations() and any(ch.isalnum() for ch in tok)):
            spans += [(a, b - 1), (b - 1, b)]
        else:
            spans.append((a, b))
        i += 1
    return [(start + a, start + b) for a, b in spans]


def token_kind(token: str) -> str:
    """``word``, ``number``, ``quote`` or ``punct``.

    >>> [token_kind(t) for t in ["Blinken", "8,000", "“", "’ve", "—"]]
    ['word', 'number', 'quote', 'word', 'punct']
    """
    if token in _QUOTE_CHARS or token in ("``", "''"):
        return "quote"
    if re.fullmatch(r"[\d.,:/%-]*\d[\d.,:/%-]*", token):
        return "number"
    if any(ch.isalpha() for ch in token):
        return "word"
    return "punct"


def tokenize_article(text: str, paragraphs: pd.DataFrame, article_id: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stage 02 on one article: ``(sentences, tokens)`` for its non-boilerplate paragraphs.

    ``text`` is the article's analysis text (:func:`helpers.ingest.analysis_text`); ``paragraphs`` its rows of
    paragraphs.csv.
    """
    sents, toks = [], []
    stop = stopwords()
    for p in paragraphs.itertuples(index=False):
        if p.kind == "boilerplate":
            continue
        spans = sentence_spans(text, p.start, p.end) if p.kind == "body" else [(p.start, p.end)]
        for a, b in spans:
            sid = len(sents)
            sents.append({"article_id": article_id, "sentence_id": sid, "paragraph_id": p.paragraph_id,
                          "start": a, "end": b, "kind": p.kind, "text": text[a:b]})
            for ta, tb in token_spans(text, a, b):
                tok = text[ta:tb]
                lower = tok.lower().replace("’", "'")
                toks.append({"article_id": article_id, "sentence_id": sid, "token_id": len(toks), "start": ta,
                             "end": tb, "token": tok, "lower": lower, "kind": token_kind(tok),
                             "is_stopword": lower in stop})
    sentences = conform(pd.DataFrame(sents), SENTENCES_SCHEMA) if sents else empty_frame(SENTENCES_SCHEMA)
    tokens = conform(pd.DataFrame(toks), TOKENS_SCHEMA) if toks else empty_frame(TOKENS_SCHEMA)
    return sentences, tokens


def content_word_counts(tokens: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Most frequent content words (word tokens, not stopwords, at least 3 letters) with counts.

    Ties are broken alphabetically so the table is deterministic.
    """
    words = tokens[(tokens["kind"] == "word") & ~tokens["is_stopword"] & (tokens["lower"].str.len() >= 3)]
    counts = words["lower"].value_counts().rename_axis("word").reset_index(name="count")
    return counts.sort_values(["count", "word"], ascending=[False, True], kind="stable").head(top).reset_index(drop=True)
