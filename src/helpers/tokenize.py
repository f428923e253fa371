"""Stage 02: sentences and word tokens with character spans into the raw text, from the text model.

Method
------
Both tables are written from :func:`helpers.text.build` on the article's analysis text
(:func:`helpers.ingest.analysis_text`: raw text, boilerplate blanked, same length), the same model every later
stage builds, so a ``sentence_id`` here is the index of a sentence in ``build(text).sentences`` and every later
table's ``sentence_id`` points into ``sentences.csv``.

- **Sentences**: the text model's one splitter (see :mod:`helpers.text`): quote-aware (a quotation is one unit of
  the narration, so a quotation of several sentences is one sentence here; it is cut only at paragraph ends),
  it knows the project's abbreviations (``src/helpers/data/abbreviations.txt``), initials, acronyms and
  ``Inc.``-type suffixes; headings and datelines are one sentence each; boilerplate paragraphs have no sentences.
  Chosen by measurement against Punkt and the stages' former regular expressions on the sentence-boundary gold
  set (``tests/gold/README_sentences.md``, ``scripts/eval_sentences.py``).
- **Tokens**: the text model's one tokeniser, :func:`helpers.text.tokenize`: words keep their inner apostrophes
  and hyphens (``they’ve``, ``Nazarbayev's``, ``so-called``), abbreviations and acronyms keep their full stops
  (``Gen.``, ``U.S.``), a sentence-final full stop and every quote mark are tokens of their own. Every token is
  ``text[start:end]`` of the raw text: curly and straight quote marks stay distinct characters.
- **Stopwords**: ``src/helpers/data/stopwords_en.txt``, the project's own list of English function words
  (articles, pronouns, auxiliaries, prepositions, conjunctions, contraction parts and reporting-neutral fillers),
  documented in that file's header. A word with a clitic (``they’ve``, ``can't``, ``it's``) is a stopword when
  its parts are (``they`` + ``'ve``). It is not NLTK's stopword corpus, which needs downloaded data.
- **Content words** (:func:`content_word_counts`) fold a possessive ``'s`` into its word (``Nazarbayev's`` counts as
  ``nazarbayev``).

No NLTK code or data is used here.

Limits: a sentence that starts in lower case is not split from the previous one; an abbreviation missing from
the list, followed by a capitalised word, ends a sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

import pandas as pd

from . import text as text_model
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
    Column("is_stopword", "bool", "Lower-cased form is in the project's stopword list (a word with a clitic: both parts are)."),
]


_QUOTE_CHARS = set("\"'“”‘’`«»„‟‹›")
_CLITIC = re.compile(r"(.+?)((?:['’](?:s|ve|re|ll|d|m))|n['’]t)\Z", re.IGNORECASE)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of the text model that lie in ``text[start:end]``, as offsets into ``text``.

    >>> t = "Police reported on Monday, Jan. 10, that 8,000 were held. U.S. Secretary of State Blinken spoke."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Police reported on Monday, Jan. 10, that 8,000 were held.', 'U.S. Secretary of State Blinken spoke.']
    """
    end = len(text) if end is None else end
    return [(a, b) for a, b in text_model.build(text).sentences if start <= a and b <= end]


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans of ``text[start:end]`` as offsets into ``text`` (:func:`helpers.text.tokenize`).

    >>> t = "“They’ve raised concerns.” Nazarbayev's U.S. allies"
    >>> [t[a:b] for a, b in token_spans(t)]
    ['“', 'They’ve', 'raised', 'concerns', '.', '”', "Nazarbayev's", 'U.S.', 'allies']
    """
    end = len(text) if end is None else end
    return text_model.tokenize(text[start:end], offset=start)


def is_stopword(lower: str) -> bool:
    """Whether a lower-cased token is a stopword: in the list, or a word with a clitic whose parts both are.

    >>> [is_stopword(w) for w in ["the", "they've", "can't", "it's", "nazarbayev's", "protests"]]
    [True, True, True, True, False, False]
    """
    stop = stopwords()
    if lower in stop:
        return True
    m = _CLITIC.match(lower.replace("’", "'"))
    if not m:
        return False
    head, tail = m.groups()
    return tail in stop and (head in stop or head + "n" in stop or head == "ca" or head == "wo")


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
    """Stage 02 on one article: ``(sentences, tokens)`` from the text model of ``text``.

    ``text`` is the article's analysis text (:func:`helpers.ingest.analysis_text`); ``paragraphs`` its rows of
    paragraphs.csv, which give each sentence its ``paragraph_id`` and ``kind`` (the paragraph holding the
    sentence's start). ``sentence_id`` is the sentence's index in ``helpers.text.build(text).sentences``.

    >>> paras = pd.DataFrame({"paragraph_id": [0], "start": [0], "kind": ["body"]})
    >>> s, t = tokenize_article("Police came. They left.", paras, "a")
    >>> s["text"].tolist(), t["token"].tolist()[:3]
    (['Police came.', 'They left.'], ['Police', 'came', '.'])
    """
    sents, toks = article_rows(text, paragraphs, article_id)
    sentences = conform(pd.DataFrame(sents), SENTENCES_SCHEMA) if sents else empty_frame(SENTENCES_SCHEMA)
    tokens = conform(pd.DataFrame(toks), TOKENS_SCHEMA) if toks["token"] else empty_frame(TOKENS_SCHEMA)
    return sentences, tokens


def article_rows(text: str, paragraphs: pd.DataFrame | None, article_id: str = "") -> tuple[list[dict], dict]:
    """:func:`tokenize_article` as plain data, before any DataFrame: ``(sentence rows, token columns)``, a list
    of row dicts and a dict of equally long column lists (one frame per article costs more than the analysis;
    :func:`write_corpus` conforms them a chunk at a time). ``paragraphs``: as in
    :func:`tokenize_article` (None: no paragraph rows).

    >>> sents, toks = article_rows("Yes. Go.", None, "a")
    >>> [(r["sentence_id"], r["paragraph_id"], r["kind"]) for r in sents], toks["sentence_id"]
    ([(0, -1, 'body'), (1, -1, 'body')], [0, 0, 1, 1])
    """
    model = text_model.build(text)
    if paragraphs is not None and len(paragraphs):
        p_start, p_id, p_kind = (paragraphs[c].tolist() for c in ("start", "paragraph_id", "kind"))
        if any(a > b for a, b in zip(p_start, p_start[1:])):  # paragraphs.csv is in order; anything else is sorted
            p_start, p_id, p_kind = map(list, zip(*sorted(zip(p_start, p_id, p_kind), key=lambda r: r[0])))
    else:
        p_start, p_id, p_kind = [], [], []
    sents = []
    for sid, (a, b) in enumerate(model.sentences):
        k = max(0, bisect_right(p_start, a) - 1)
        sents.append({"article_id": article_id, "sentence_id": sid, "paragraph_id": p_id[k] if p_id else -1,
                      "start": a, "end": b, "kind": p_kind[k] if p_kind else "body", "text": text[a:b]})
    words = [text[a:b] for a, b in model.tokens]
    lower = [w.lower().replace("’", "'") for w in words]
    toks = {"article_id": [article_id] * len(words), "sentence_id": list(model.token_sentence),
            "token_id": list(range(len(words))), "start": [a for a, _ in model.tokens],
            "end": [b for _, b in model.tokens], "token": words, "lower": lower,
            "kind": [_token_kind(w) for w in words], "is_stopword": [_is_stopword(w) for w in lower]}
    return sents, toks


def tokenize_item(item: tuple) -> tuple[list[dict], dict | None]:
    """:func:`article_rows` for one ``(article_id, text, paragraphs)`` item of
    :func:`helpers.corpus.map_articles`; the token columns are None for an article without tokens, so
    :func:`write_corpus` skips them.

    >>> sents, toks = tokenize_item(("a", "Police came.", None))
    >>> len(sents), toks["token"]
    (1, ['Police', 'came', '.'])
    """
    article_id, text, paragraphs = item
    sents, toks = article_rows(text, paragraphs, article_id)
    return sents, (toks if toks["token"] else None)


#: Rows of tokens.csv gathered before they are written out (about 2 MB of CSV): memory stays flat however many
#: articles a run has, and the chunks are large enough that writing costs no more than one whole table.
TOKEN_CHUNK_ROWS = 50_000


class TokenSummary:
    """What notebook 02 shows about the tokens of a corpus, counted article by article while ``tokens.csv`` is
    written out in chunks (:func:`write_corpus`): the table itself is never whole in memory (1.4 million rows for
    the 4,379 Reuters articles; 25 times the sentences).

    ``focus``: an article whose content words are also counted on their own (notebook 02's ``article_id``).
    """

    def __init__(self, focus: str = ""):
        self.focus = focus
        self.bad_spans = 0  # token and sentence rows whose text[start:end] is not their text
        self.outside = 0  # tokens not inside their own sentence
        self.kinds: Counter = Counter()
        self.counts: dict[str, dict[str, int]] = {"tokens": {}, "words": {}, "quote-mark tokens": {}}
        self.words: Counter = Counter()  # content words of every article
        self.focus_words: Counter = Counter()

    def add(self, text: str, sents: list[dict], toks: dict | None) -> None:
        """One article's :func:`tokenize_item` result, with its analysis ``text``."""
        self.bad_spans += sum(text[r["start"]:r["end"]] != r["text"] for r in sents)
        if toks is None:
            return
        aid = toks["article_id"][0]
        self.bad_spans += sum(text[a:b] != t for a, b, t in zip(toks["start"], toks["end"], toks["token"]))
        spans = {r["sentence_id"]: (r["start"], r["end"]) for r in sents}
        self.outside += sum(a < spans[k][0] or b > spans[k][1]
                            for k, a, b in zip(toks["sentence_id"], toks["start"], toks["end"]) if k in spans)
        kinds = Counter(toks["kind"])
        self.kinds.update(kinds)
        for name, n in (("tokens", len(toks["kind"])), ("words", kinds["word"]), ("quote-mark tokens", kinds["quote"])):
            if n:
                self.counts[name][aid] = n
        words = content_words(toks["lower"], toks["kind"], toks["is_stopword"])
        self.words.update(words)
        if aid == self.focus:
            self.focus_words.update(words)

    def stats(self, sentences: pd.DataFrame) -> pd.DataFrame:
        """Per article: sentences, tokens, words, mean words per sentence, quote-mark tokens."""
        per = {name: pd.Series(c, dtype="int64") for name, c in self.counts.items()}
        n_sent = sentences.groupby("article_id").size()
        return pd.DataFrame({"sentences": n_sent, "tokens": per["tokens"], "words": per["words"],
                             "mean words per sentence": (per["words"] / n_sent).round(1),
                             "quote-mark tokens": per["quote-mark tokens"]}).fillna(0).rename_axis("article_id")

    def kind_counts(self) -> pd.DataFrame:
        """Tokens per kind, most frequent first."""
        counts = pd.Series(self.kinds, dtype="int64").sort_values(ascending=False, kind="stable")
        return counts.rename_axis("token kind").to_frame("tokens")

    def top_words(self, top: int = 20, article_id: str = "") -> pd.DataFrame:
        """:func:`top_words` of every article, or of the focus article."""
        return top_words(self.focus_words if article_id and article_id == self.focus else self.words, top)


def write_corpus(results, texts: dict[str, str], tokens_path, focus: str = "") -> tuple[pd.DataFrame, TokenSummary]:
    """Consume :func:`tokenize_item` results (in article order, ``None`` for a failed article: skipped), writing
    ``tokens.csv`` at ``tokens_path`` chunk by chunk as they come; return the sentences table and the
    :class:`TokenSummary`. ``tokens.csv`` is byte for byte what ``write_table`` of the whole table would write.

    >>> import tempfile; from pathlib import Path
    >>> p = Path(tempfile.mkdtemp()) / "tokens.csv"; texts = {"a": "Police came.", "b": ""}
    >>> s, summary = write_corpus([tokenize_item(("a", texts["a"], None)), None], texts, p)
    >>> len(s), p.read_text().splitlines()[1], summary.bad_spans, summary.top_words(1)["word"].tolist()
    (1, 'a,0,0,0,6,Police,police,word,False', 0, ['came'])
    """
    from .tables import table_writer

    summary = TokenSummary(focus)
    sents: list[dict] = []
    chunk: dict[str, list] = {c.name: [] for c in TOKENS_SCHEMA}
    with table_writer(tokens_path, TOKENS_SCHEMA) as write:
        for part in results:
            if part is None:
                continue
            rows, toks = part
            sents.extend(rows)
            aid = rows[0]["article_id"] if rows else (toks["article_id"][0] if toks else "")
            summary.add(texts.get(aid, ""), rows, toks)
            if toks is not None:
                for name, values in chunk.items():
                    values.extend(toks[name])
            if len(chunk["token"]) >= TOKEN_CHUNK_ROWS:
                write(chunk)
                chunk = {name: [] for name in chunk}
        if chunk["token"]:
            write(chunk)
    return (conform(pd.DataFrame(sents), SENTENCES_SCHEMA) if sents else empty_frame(SENTENCES_SCHEMA)), summary


@lru_cache(maxsize=65536)
def _token_kind(token: str) -> str:
    return token_kind(token)


@lru_cache(maxsize=65536)
def _is_stopword(lower: str) -> bool:
    return is_stopword(lower)


def content_words(lower, kind, is_stopword) -> Counter:
    """Content words (word tokens, not stopwords, at least 3 letters, a possessive ``'s`` folded into its word)
    counted, from equally long sequences of the ``lower``, ``kind`` and ``is_stopword`` columns of tokens.

    >>> content_words(["nazarbayev's", "the", "nazarbayev", "10"], ["word", "word", "word", "number"], [False, True, False, False])
    Counter({'nazarbayev': 2})
    """
    return Counter(w[:-2] if w.endswith("'s") else w
                   for w, k, stop in zip(lower, kind, is_stopword) if k == "word" and not stop and len(w) >= 3)


def top_words(counts: Counter, top: int = 20) -> pd.DataFrame:
    """The ``top`` most frequent of :func:`content_words`, ties broken alphabetically (deterministic)."""
    rows = sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))[:top]
    return pd.DataFrame({"word": [w for w, _ in rows], "count": pd.array([c for _, c in rows], dtype="int64")})


def content_word_counts(tokens: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Most frequent content words of a tokens table (:func:`content_words`) with counts; ties alphabetical."""
    return top_words(content_words(tokens["lower"], tokens["kind"], tokens["is_stopword"]), top)
