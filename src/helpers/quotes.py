"""Quoted statements: who is quoted, saying what, with which reporting verb.

:func:`extract_quotes` finds every attributed statement in one article's text and returns one row per
statement (``direct``, ``mixed`` or ``indirect``) with character offsets of the content, the speaker mention
and the cue. :func:`find_scare_quotes` returns the quoted terms that are *not* speech (scare quotes,
"so-called" terms, titles of works, nicknames, unattributed fragments): they are framing, not statements.

Method (rules only; no tagger, parser or model data: NLTK's data packages are not used)
-------------------------------------------------------------------------------------------
1. **Paragraphs.** Blank lines, and single line breaks that end a sentence, separate paragraphs; a single
   line break inside a sentence (hard-wrapped text) does not.
2. **Quote marks** are paired with a small state machine, paragraph by paragraph. Curly ``“ ”``, low ``„``,
   guillemets ``« »``, straight ``"`` and TeX-style ````…''`` are quote marks; the role of each mark (opens or
   closes) comes from its context (space or start before it: opens; space, punctuation or end after it:
   closes), the glyph breaking ties, a straight mark toggling when the context says nothing. Apostrophes
   (``they’ve``, ``Nazarbayev's``) are never quote marks. Single marks ``‘ ’`` are quote marks only in a text
   with no double marks at all (British headline style); inside double quotes they are content. A closing
   mark with no open quote (an inch mark, a typo) is ignored; an opening mark inside an open quote closes the
   first quote there. A quote still open at the end of a paragraph continues when the next paragraph opens
   with a quote mark (the news convention for multi-paragraph quotes) and is otherwise closed at the
   paragraph end, so an odd number of marks never breaks the rest of the document. An unclosed quote whose
   text contains its own attribution (``"We will appeal, the lawyer said.``) is cut before it.
3. **Skeleton.** A same-length copy of the text with every quote's content masked (``x``; the final ``.?!``
   kept so sentences still end there). Sentence splitting and every attribution rule run on the skeleton, so
   words inside quotes are never read as cues or speakers, and offsets stay those of the raw text.
4. **Sentences** are split on ``.?!`` followed by a capital, a digit or a quote mark, except after
   abbreviations (titles, months, ``Inc.``, initials); an acronym (``U.S.``) ends a sentence only before a
   typical sentence opener (``He``, ``The`` ...).
5. **Direct quotes** are attributed, in order, by: a trailing attribution after the closing mark
   (``"...," X said``, ``"...," said X``, ``"...," X, a spokesman, told reporters``, ``"...," according to X``);
   a leading one before the opening mark with nothing but an addressee or adjuncts between cue and quote
   (``X said: "..."``, ``X told the BBC "..."``, ``X, who said: "..."``, ``..., saying: "..."``), or a colon after a
   subject with no cue (``the president was brief: "..."``), or a parenthetical between commas
   (``He said, in remarks published by CNN, "..."``); the previous sentence when it ends in a colon or
   is a cue with no content (``X said in a statement. "..."``); a quote coordinated with an attributed one
   (``as saying "A" and "B"``) shares its speaker; and otherwise, for a quote that is a whole sentence, the
   speaker of the previous statement (a *floating* quote, direct or reported) as long as no narrative sentence
   came in between. A quote interrupted by its attribution and continued after a comma (``"A," he said, "and
   B."``) is one statement; after a full stop (``"A," he said. "B."``) the second part is a floating quote,
   its own statement with the same speaker; a first quote with its own participle cue (``Saying "A", X
   elaborated, "B"``) is not merged: the two quotes are two statements. A multi-paragraph quote is one
   statement from the first opening mark to the last closing mark. A quote followed in its sentence by a
   verb (``named it "COVID-19" is ...``) is a term, not a quotation, and gets no leading attribution.
6. **Indirect and mixed statements** start from a cue in the lexicon ``data/reporting_verbs.csv`` (lemma,
   inflections, frames; PARC-style verbs plus ``accuse``, ``according to`` ...). Each frame says how content
   attaches: ``clause`` (``X said (that) CONTENT``, after adjuncts like ``in a statement on Monday``),
   ``obj-clause`` (``X told reporters (that) ...``), ``obj-to`` (``X urged both sides to ...``), ``obj-of``
   (``X accused Y of Z``), ``to-inf``, ``wh``, ``for-np``, ``np`` (``denied any wrongdoing``), ``as``
   (``described X as Y``), ``according``, ``that`` (only an explicit that-clause). Without ``that`` a content must look like a clause (a finite-verb
   marker: auxiliary, modal, past tense, a cue used as a verb) so ``announced a plan``, ``told a story`` or
   ``declared a state of emergency`` are not statements. When nothing follows the cue the content is the
   text before the comma that precedes the speaker (``CONTENT, officials said``; ``CONTENT, said X``;
   parenthetical ``A, he said, B``). An attribution between commas inside the reported sentence (``Around 50
   gallons of fuel, officials said, spilled and ignited``; ``The economy, the minister said, will grow``) gives
   the *whole sentence* as content, attribution included (spans are contiguous), on whichever side of it the
   reported verb falls. In an object relative (``..., which NASA said might take place``) the
   content is the verb phrase after the cue, up to the comma that closes a parenthetical relative (``The
   fires, which officials said were under control, burned``); after ``as`` (``which X described as a sector
   where ...``) it is the characterisation, when three words or longer. Content runs to the end of the
   sentence or to the start of a following attribution (``..., while Y said ...``, ``..., adding that ...``,
   ``..., AP News reported``); a cue whose only complement is a participle clause (``officials told state
   media, adding that ...``) has no statement of its own: the participle carries the content and the cue's
   speaker. ``X reported that officials said Y`` yields both
   statements (nested attribution). ``according to`` counts people, organisations, media and documents of
   speech (``a fire service statement``, ``the study``) but not abstract sources without an agent
   (``reports``, ``the allegations``, ``the census``, ``plan``). Passive (``was told``, ``an interview reported
   by X``), negated (``did not say``), nominal (``the claims``, ``a warning``, ``May's proposed deal``) and
   participle-initial (``Asked about it, ...``) uses are not cues; any cue after a form of *be* other than an
   ``-ing`` form is a passive participle (``survivors being found alive``, ``it was found that``). Court and
   inquiry verbs (``ruled``, ``determined``; frame ``that``) are cues only before an explicit ``that``-clause
   (``ruled the country``, ``ruled out`` are not). Web domains (``Znak.com``, ``bbc.co.uk``) are one token.
7. **Speakers** are found without a tagger by scanning from the cue over adverbs and auxiliaries to the
   nearest noun phrase: a pronoun, a capitalised name with its titles (``U.S. Secretary of State Anthony
   Blinken``), or a determiner phrase (``the president``, ``some citizens``, ``a source close to the central
   bank``). Appositions are skipped (``X, a farmer, said``), a relative pronoun takes its antecedent
   (``X, who stated ...``; ``a witness, who asked not to be named, told AFP``: cues inside the comma-enclosed
   relative are skipped), a name before a role without a closing comma is preferred to the role
   (``..., Milan Kerno, vice president of finance said``), a reduced relative is skipped to its head
   (``A shareholder group led by X said``), an acronym spelling a function word (``WHO``, ``US``) is a name,
   and a participle or coordinated cue (``..., adding that``; ``... and wrote``) takes
   the subject of its sentence. First- and second-person narrators (``I``, ``we``, ``you``) are not speakers.
8. **Kinds.** A quote attributed directly is ``direct``; an indirect content that contains a quoted
   fragment (other than a ``so-called`` term, a nickname or a title) is ``mixed`` and the fragment is not a
   scare quote; a characterisation after ``called`` (``called the move a "smash and grab on our
   democracy"``) is mixed when the quote has four words or more and a label otherwise. Quotes consumed by no
   statement are framing (:func:`find_scare_quotes`).
9. **Actors.** The ``actor`` column is the canonical name of the :mod:`helpers.actors` mention at the speaker
   span (pronouns and titles resolved there); it is empty when ``helpers.actors`` is missing or cannot
   resolve the mention.

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

import csv
import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import pandas as pd

from helpers import actors, paths, wordlists
from helpers.tables import Column, empty_frame

__all__ = [
    "QUOTES_SCHEMA", "SCARE_QUOTES_SCHEMA", "QUOTES_TABLE_SCHEMA", "SCARE_QUOTES_TABLE_SCHEMA",
    "extract_quotes", "find_scare_quotes", "load_cue_lexicon", "quote_spans", "quotes_table", "scare_quotes_table",
    "statements_per_actor",
]

# --------------------------------------------------------------------------------------------- schemas
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
]

SCARE_QUOTES_SCHEMA: list[Column] = [
    Column("start", "int", "offset of the quoted term (inside the marks)"),
    Column("end", "int", "end offset of the quoted term (exclusive)"),
    Column("term", "str", "text[start:end]"),
    Column("reason", "str", "so-called, label, nickname, title, term, short-fragment or unattributed-fragment"),
]

QUOTES_TABLE_SCHEMA: list[Column] = [Column("article_id", "str", "article identifier")] + QUOTES_SCHEMA
SCARE_QUOTES_TABLE_SCHEMA: list[Column] = [Column("article_id", "str", "article identifier")] + SCARE_QUOTES_SCHEMA

_QUOTE_COLS = [c.name for c in QUOTES_SCHEMA]
_SCARE_COLS = [c.name for c in SCARE_QUOTES_SCHEMA]

# ----------------------------------------------------------------------------------------- cue lexicon
LEXICON_PATH = paths.PACKAGE_DATA / "reporting_verbs.csv"


def load_cue_lexicon() -> pd.DataFrame:
    """The documented cue lexicon: one row per lemma with its inflections, frames and notes.

    >>> lex = load_cue_lexicon()
    >>> {"say", "accuse", "according to"} <= set(lex["lemma"])
    True
    """
    with open(LEXICON_PATH, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return pd.DataFrame(rows, columns=["lemma", "inflections", "frames", "notes"]).fillna("")


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[str, frozenset]], dict[str, tuple[str, frozenset]]]:
    """(single-word form -> (lemma, frames), first word of two-word forms -> (lemma, frames))."""
    single: dict[str, tuple[str, frozenset]] = {}
    double: dict[str, tuple[str, frozenset]] = {}
    for row in load_cue_lexicon().itertuples(index=False):
        frames = frozenset(f for f in row.frames.split("|") if f)
        for form in row.inflections.split("|"):
            form = form.strip().lower()
            if not form:
                continue
            if " " in form:
                double[form] = (row.lemma, frames)
            else:
                single[form] = (row.lemma, frames)
    return single, double


# ------------------------------------------------------------------------------------------ word lists
# The project's abbreviation list (src/helpers/data/abbreviations.txt, via helpers.wordlists), in the capitalised
# form news prints it ("Gov.", "Jan."), plus AP state forms that are also English words: inside this tokenizer a
# capitalised "Ill." or "Mass." before a full stop is far more often the state than a sentence end.
_LOWER_CASE_ABBREVIATIONS = {"vs", "etc", "approx", "est"}
_STATE_WORD_ABBREVIATIONS = "Ill Wash Mass Miss Mo Ind La Del".split()
_ABBREVIATIONS = sorted(
    {a if a in _LOWER_CASE_ABBREVIATIONS else a.capitalize() for a in wordlists.abbreviations() if "." not in a}
    | set(_STATE_WORD_ABBREVIATIONS)
)
_ABBR_LOWER = {a.lower() for a in _ABBREVIATIONS}
_MONTHS_ABBR = {"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."}

_SUBJ_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_NARRATOR_PRONOUNS = {"i", "we", "you"}
_OBJ_PRONOUNS = {"him", "her", "them", "us", "me", "you", "it"}
_DETS = {
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many",
    "several", "most", "all", "both", "each", "every", "no", "any", "another", "other", "few", "more", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions",
    "numerous", "various", "certain", "such", "none", "much", "lots", "scores",
}
_QUANT_OF = {"many", "some", "most", "all", "both", "each", "one", "two", "three", "four", "five", "none", "several",
             "few", "dozens", "hundreds", "thousands", "millions", "any", "neither", "either", "majority", "half",
             "rest", "members", "member", "head", "heads", "leader", "leaders"}
_AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "do", "does", "did",
        "will", "would", "could", "should", "can", "may", "might", "must", "shall", "'s", "'d", "'ll", "’s", "’d",
        "’ll", "am", "’re", "'re", "’ve", "'ve"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re"}
_NEG = {"not", "n't", "n’t", "never", "neither", "nor"}
_CLAUSE_STOP = {
    "that", "which", "who", "whom", "whose", "when", "while", "whereas", "as", "after", "before", "because", "since",
    "if", "although", "though", "but", "and", "or", "nor", "so", "where", "than", "until", "unless", "whether",
    "how", "why", "what", "once", "then", "yet", "however", "meanwhile", "also", "thus", "hence", "therefore",
    "moreover", "instead", "indeed", "still", "even", "only", "just", "already", "now", "there", "here",
}
_LINK_PREPS = {"of", "for", "at", "from", "with", "in", "across"}
_STOP_PREPS = {
    "on", "by", "about", "over", "under", "into", "onto", "during", "against", "among", "between", "through",
    "without", "despite", "like", "via", "toward", "towards", "around", "near", "upon", "within",
    "after", "before", "since", "to", "amid", "amidst", "per", "than", "throughout", "beyond", "behind", "off",
    "up", "down", "out", "unlike", "including", "following", "regarding", "concerning",
}
_ADVERBS = {
    "also", "later", "earlier", "previously", "recently", "once", "then", "now", "still", "further", "again",
    "repeatedly", "reportedly", "publicly", "privately", "separately", "subsequently", "initially", "originally",
    "simply", "only", "just", "even", "already", "yet", "however", "too", "often", "frequently", "always",
    "usually", "officially", "formally", "flatly", "firmly", "strongly", "clearly", "bluntly", "quietly", "angrily",
    "last", "first", "finally", "immediately", "openly", "tearfully", "proudly", "recently", "meanwhile",
    "sometimes", "allegedly", "apparently", "emphatically", "reluctantly", "candidly", "confidently", "wryly",
    "jokingly", "cautiously", "partly", "personally", "directly", "explicitly", "implicitly", "specifically",
    "long", "since", "today", "yesterday", "tonight", "nonetheless", "nevertheless", "instead", "indeed",
}
_LY_NOT_ADVERB = {"family", "ally", "rally", "assembly", "supply", "reply", "apply", "monopoly", "anomaly", "daily",
                  "weekly", "monthly", "quarterly", "bully", "belly", "jelly", "lily", "holy", "italy", "july",
                  "only", "early", "likely", "friendly", "elderly", "fly", "imply", "comply", "multiply", "rely",
                  "reply", "tally", "sally", "billy", "kelly", "emily", "molly", "polly", "holly"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
           "december"} | _MONTHS_ABBR | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                                        "dec"}
_TIME_WORDS = _WEEKDAYS | _MONTHS | {
    "yesterday", "today", "tomorrow", "tonight", "week", "weeks", "month", "months", "year", "years", "morning",
    "afternoon", "evening", "night", "weekend", "day", "days", "hour", "hours", "time", "earlier", "later",
    "recently", "ago", "last", "next", "this", "late", "early", "mid", "overnight", "midday", "noon",
    "summer", "winter", "autumn",
}
_CLOCK_WORDS = {"am", "pm", "a.m.", "p.m.", "local", "time", "gmt", "utc", "est", "edt", "bst", "cet", "ist", "jst",
                "(", "et", "pt", "cst", "pdt", "pst", "hours", "hrs"}
_CAP_TIME = {"yesterday", "today", "tomorrow", "tonight", "earlier", "later", "last", "next", "late", "early",
             "recently", "overnight", "meanwhile"}
_SENT_STARTERS = {"he", "she", "it", "they", "we", "i", "the", "this", "that", "these", "those", "but", "and", "in",
                  "a", "an", "his", "her", "their", "its", "our", "there", "on", "at", "for", "after", "when",
                  "while", "as", "if", "some", "many", "most", "one", "officials", "police", "however", "meanwhile",
                  "earlier", "later", "last", "according", "asked", "since", "both"}
_IRREGULAR_PAST = set(
    "went came took made gave got fell rose began became brought built bought caught chose drove ate fought found "
    "flew forgot grew held hid hit hurt kept knew led left lent lost meant met paid put quit ran rang saw sold sent "
    "set shot shut sat slept spoke spent stood stole struck swore taught tore thought threw told understood woke "
    "wore won wrote cut cost let spread sought fled dealt drew fed felt hung laid lay overtook withdrew broke arose "
    "shook sank sprang stuck swept dug burst forbade forgave froze rode rang sang slid spun stank strode swam swung "
    "bore beat bent bled blew bred bound clung crept fit forecast foresaw heard knelt leapt lit mistook oversaw "
    "proved rebuilt sent shone shrank sold split strove undertook upheld wept wound".split())
_PRESENT_VERBS = set(
    "remain remains seem seems appear appears want wants know knows exist exists intend intends expect expects "
    "deserve deserves lack lacks owe owes continue continues agree agrees oppose opposes believe believes "
    "need needs wish wishes refuse refuses prefer prefers regret regrets recognize recognizes recognise "
    "recognises understand understands fear fears hope hopes".split())
_COMM_NOUNS = {
    "statement", "statements", "interview", "interviews", "letter", "letters", "post", "posts", "report", "reports",
    "speech", "speeches", "address", "release", "email", "e-mail", "message", "messages", "tweet", "tweets",
    "video", "conference", "briefing", "briefings", "call", "comment", "comments", "remarks", "ruling", "filing",
    "note", "notes", "blog", "column", "op-ed", "editorial", "broadcast", "appearance", "hearing", "testimony",
    "podcast", "documentary", "communiqué", "communique", "memo", "document", "newsletter", "circular", "notice",
    "session", "meeting", "debate", "speech", "program", "programme", "show", "radio", "television", "tv",
}
_NONAGENT_SOURCES = {
    "reports", "report", "allegations", "allegation", "data", "figures", "figure", "statistics", "estimates",
    "estimate", "records", "record", "documents", "document", "polls", "poll", "survey", "surveys", "census",
    "plan", "plans", "law", "laws", "schedule", "rules", "rule", "constitution", "tradition", "legend", "agreement",
    "terms", "forecasts", "forecast", "projections", "calculations", "analysis", "study", "studies", "research",
    "results", "findings", "accounts", "account", "information", "rumours", "rumors", "tradition",
    "website", "websites", "calculation", "tally", "count", "list",
    "ranking", "rankings", "index", "database", "map", "maps", "guidelines", "guidance", "regulations", "definition",
    "theory", "dictionary", "bible", "scripture", "scriptures", "custom", "protocol", "protocols", "timetable",
    "instructions", "order", "orders", "decree", "standards", "criteria", "model", "models",
}
# 'according to' sources: speech documents always count, single documents count with a determiner,
# abstract or plural sources only when an agent is named; some never count
_SPEECH_DOCS = {"statement", "statements", "letter", "interview", "interviews", "speech", "post", "tweet", "tweets",
                "message", "release", "filing", "testimony", "remarks", "comments", "briefing", "blog", "column",
                "op-ed", "editorial", "broadcast", "communiqué", "communique", "memo", "notice", "announcement",
                "email", "e-mail", "affidavit", "transcript", "spokesman", "spokeswoman", "spokesperson"}
_DOC_SOURCES = {"study", "report", "survey", "poll", "analysis", "paper", "review", "audit", "assessment",
                "investigation", "indictment", "complaint", "lawsuit", "ruling", "judgment", "judgement", "forecast",
                "projection", "estimate", "document", "website", "site", "newspaper", "magazine", "agency",
                "filing"}
_NEVER_SOURCES = {"plan", "plans", "law", "laws", "schedule", "rules", "rule", "constitution", "tradition", "legend",
                  "terms", "custom", "protocol", "protocols", "timetable", "instructions", "definition", "theory",
                  "dictionary", "bible", "scripture", "scriptures", "criteria", "standards", "guidelines",
                  "regulations", "model", "models", "map", "maps", "reports", "allegations", "rumours", "rumors"}
_WH_WORDS = {"whether", "if", "why", "how", "what", "when", "who", "where", "which"}
_TITLE_CUES = {
    "novel", "film", "movie", "book", "song", "album", "show", "program", "programme", "series", "play", "article",
    "documentary", "column", "headline", "titled", "entitled", "single", "poem", "opera", "musical", "episode",
    "magazine", "newspaper", "painting", "exhibition", "campaign", "slogan", "hashtag", "anthem", "motto", "memoir",
    "track", "sitcom", "podcast", "report", "essay", "operation", "game", "app", "brand", "word", "term", "phrase",
    "label", "motto", "nickname", "name", "title", "speech", "hit", "thriller", "drama", "comedy", "video",
}
_DIRECT_EXTRA = {"continued", "quipped", "shouted", "exclaimed", "asked", "replied", "added", "laughed", "joked",
                 "recalled", "explained", "wrote", "tweeted", "posted", "insisted", "responded", "noted", "warned",
                 "admitted", "conceded", "cried", "yelled", "screamed", "sighed", "smiled", "pleaded", "begged",
                 "recounted", "retorted", "declared", "announced", "stated", "told", "said", "says", "adds",
                 "asks", "writes", "tells", "argued", "argues", "stressed", "agreed", "snapped", "muttered",
                 "whispered", "boasted", "mused", "observed", "remarked", "offered", "concluded", "predicted"}
_EDGE_PUNCT = set(",;:.—–-")
# cue forms that are also common nouns: a verb reading needs 'that', a colon, a comma or a quote after it
_BY_PARTICIPLES = {"led", "headed", "owned", "controlled", "backed", "chaired", "run", "formed", "organised",
                   "organized", "sponsored", "supported", "founded", "represented", "appointed", "hired", "employed",
                   "commissioned", "funded", "financed", "advised", "managed", "operated", "named", "elected"}
_STATE_NOUNS = {"media", "television", "tv", "news", "department", "radio", "agency", "officials", "broadcaster",
                "newspaper", "newspapers", "press", "prosecutors", "police", "authorities", "governor", "legislators",
                "lawmakers", "senator", "officials", "council", "ministry", "government", "broadcasters", "outlets"}
_ACRONYM_CLASH = {"who", "us", "it", "am", "or", "as", "an", "at", "in", "on", "no", "so", "un"}
_NOUNISH_CUES = {"states", "reports", "claims", "notes", "comments", "remarks", "tweets", "estimates", "promises",
                 "stresses", "recalls", "replies", "calls", "appeals", "demands", "posts", "charges", "report",
                 "statement", "claim", "note", "comment", "remark", "tweet", "estimate", "promise", "stress",
                 "recall", "reply", "call", "appeal", "state", "warning", "warnings", "post", "vow", "vows",
                 "pledge", "pledges", "threats", "hints", "hint", "boasts", "jokes", "joke", "counters", "assertion",
                 "insists", "response", "answers", "mentions", "admits", "reason", "maintains", "tells", "asks",
                 "testimony", "concedes", "accusations", "blames", "blame", "describes", "shares", "share"}
_TO_NOUNS = {"aide", "aides", "adviser", "advisers", "advisor", "advisors", "ambassador", "envoy", "assistant",
             "successor", "heir", "counsel", "spokesman", "spokeswoman", "spokesperson", "consultant", "secretary",
             "deputy", "representative", "delegate", "delegates", "witness", "witnesses", "source", "sources"}
_CHAIN_VERBS = {"went", "go", "goes", "going", "continued", "continues", "continue", "proceeded", "wanted", "wants",
                "hastened", "rushed", "seemed", "seems", "appeared", "appears", "tried", "sought", "used",
                "began", "begins", "started", "moved", "was", "is", "were", "are", "had", "has", "have"}
_CONTRACTION_AUX = ("’d", "'d", "’ll", "'ll", "’re", "'re", "’ve", "'ve", "n’t", "n't", "’m", "'m")
_PRON_S = {"it's", "it’s", "he's", "he’s", "she's", "she’s", "that's", "that’s", "there's", "there’s",
           "what's",
           "what’s", "who's", "who’s", "here's", "here’s"}

# ------------------------------------------------------------------------------------------ tokenizer
# top-level domains read as part of a web-domain token (a name like 'Znak.com' is one speaker, not 'com')
_TLDS = ("com", "org", "net", "gov", "edu", "info", "io", "ru", "ua", "kz", "by", "uk", "co.uk", "org.uk", "fr",
         "cn", "jp", "eu", "tv", "news", "az", "ge", "am", "kg", "uz", "tj", "pl", "de")
_TLD_ALT = "|".join(re.escape(t) for t in sorted(_TLDS, key=len, reverse=True))
_ABBR_ALT = "|".join(sorted({re.escape(a) for a in _ABBREVIATIONS}, key=len, reverse=True))
_TOKEN_RE = re.compile(
    r"(?:(?<![\w.])(?:" + _ABBR_ALT + r")\.)"          # title / month / company abbreviations
    r"|(?:(?<![\w.])(?:[A-Za-z]{1,2}\.){2,})"           # acronyms with dots: U.S. a.m. Ph.D.
    r"|(?:(?<![\w.])(?:[A-Z]\.)+[A-Z](?![\w.]))"        # ... or without the final dot: U.S officials
    r"|(?:(?<![\w.])[A-Z]\.(?=\s+[A-Z]))"               # initials: J. Smith
    r"|(?:<[A-Z0-9][^<>\n]{0,60}>)"                       # tickers / names in newswire copy: <DAIG.F>
    r"|(?:(?<![\w.])(?:[A-Za-z0-9][\w\-]*\.)+(?:" + _TLD_ALT + r")(?!\w)(?!\.\w))"  # domains: Znak.com, bbc.co.uk
    r"|(?:[^\W\d_][\w]*(?:[’'\-&–][\w]+)*)"             # words, with inner apostrophes / hyphens
    r"|(?:\d+(?:[.,:]\d+)*(?:[\-–][\w]+)*%?)"          # numbers, 34-year-old
    r"|(?:[^\w\s])"                                     # any other single character
)

_OPEN_Q = "“"   # skeleton glyph of an opening mark
_CLOSE_Q = "”"  # skeleton glyph of a closing mark


@dataclass
class _Quote:
    open_start: int          # offset of the opening mark
    cs: int                  # content start
    ce: int                  # content end
    close_end: int           # end of the closing mark (== ce when unclosed)
    closed: bool
    paragraphs: int = 1      # number of paragraphs spanned
    used: str = ""           # "" (free), "direct", "mixed"
    cut: bool = False        # unclosed quote cut before an internal attribution

    @property
    def close_start(self) -> int:
        return self.ce


@dataclass
class _Stmt:
    kind: str
    qs: int
    qe: int
    sp: tuple[int, int] | None
    cue: tuple[int, int] | None
    quotes: list = field(default_factory=list)


# ------------------------------------------------------------------------------------------ paragraphs
_BLANK_RE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_LINE_RE = re.compile(r"\n")
_TERMINAL = set('.!?:;"”’»)]\'')


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans (trimmed of surrounding whitespace)."""
    out: list[tuple[int, int]] = []
    n = len(text)
    breaks = [m.start() for m in _LINE_RE.finditer(text)]
    lines = [ln.rstrip() for ln in text.split("\n")]
    full = [ln for ln in lines if ln.strip()]
    # hard-wrapped text (most lines 50-100 characters long): only blank lines separate paragraphs
    wrapped = len(full) >= 5 and sum(50 <= len(ln) <= 100 for ln in full) >= 0.6 * len(full)
    start = 0
    for b in breaks:
        seg_prev = text[start:b].rstrip()
        nxt = text[b + 1:b + 80].lstrip(" \t\r\f\v\u00a0")
        if wrapped and not nxt.startswith("\n") and seg_prev and nxt:
            continue
        if not nxt.startswith("\n") and seg_prev and nxt:
            # single line break: a soft wrap when the line ends mid-sentence and the next starts lowercase
            if seg_prev[-1] not in _TERMINAL and (nxt[0].islower() or nxt[0].isdigit()):
                continue
        out.append((start, b))
        start = b + 1
    out.append((start, n))
    res = []
    for s, e in out:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            res.append((s + ls, s + rs))
    return res


# ----------------------------------------------------------------------------------------- quote marks
_DOUBLE_MARK_RE = re.compile(r"``|''|[\"“”„‟«»]")
_SINGLE_MARK_RE = re.compile(r"[‘’']")
_OPEN_GLYPHS = {"“", "„", "‟", "«", "``", "‘"}
_CLOSE_GLYPHS = {"”", "»", "''", "’"}
_OPEN_PREV = set("([{—–-/:;,…")
_CLOSE_NEXT = set(".,;:!?)]}—–-/…")
_ALL_MARK_CHARS = set("\"“”„‟«»‘’'`")


def _mark_role(text: str, i: int, j: int, glyph: str) -> str:
    """'open', 'close', 'amb', or 'none' (a straight mark inside a word: Qatar"s) from the context."""
    p = text[i - 1] if i > 0 else None
    n = text[j] if j < len(text) else None
    if glyph == '"' and p is not None and n is not None and p.isalpha() and n.isalpha():
        return "none"
    open_ctx = (p is None or p.isspace() or p in _OPEN_PREV or p in _ALL_MARK_CHARS) and \
        (n is not None and not n.isspace() and n not in ".,;:!?)]")
    close_ctx = (n is None or n.isspace() or n in _CLOSE_NEXT or n in _ALL_MARK_CHARS) and \
        (p is not None and not p.isspace())
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    if glyph in _OPEN_GLYPHS:
        return "open"
    if glyph in _CLOSE_GLYPHS:
        return "close"
    return "amb"


def _find_marks(text: str) -> list[tuple[int, int, str, str]]:
    """All quote marks (start, end, glyph, role). Single marks only when the text has no double marks."""
    marks = [(m.start(), m.end(), m.group()) for m in _DOUBLE_MARK_RE.finditer(text)]
    if not marks:
        cand = []
        for m in _SINGLE_MARK_RE.finditer(text):
            i = m.start()
            p = text[i - 1] if i > 0 else " "
            n = text[i + 1] if i + 1 < len(text) else " "
            if p.isalnum() and n.isalnum():
                continue  # apostrophe inside a word: they’ve, O'Neill
            if m.group() != "‘" and p.isalpha() and n.isspace() and p in "sS":
                # plural possessive (players’ union) unless it closes a quote: decided by pairing below
                cand.append((i, i + 1, m.group(), True))
                continue
            cand.append((i, i + 1, m.group(), False))
        # only use single marks if at least one opens a quote at a word start
        if not any(not poss and _mark_role(text, s, e, g) == "open" and g != "’" or
                   (g == "‘") for s, e, g, poss in cand):
            return []
        marks = [(s, e, g) for s, e, g, _ in cand]
    return [(s, e, g, _mark_role(text, s, e, g)) for s, e, g in marks]


def _pair_quotes(text: str, paras: list[tuple[int, int]]) -> tuple[list[_Quote], list[tuple[int, int]],
                                                                   list[tuple[int, int]]]:
    """Pair quote marks paragraph by paragraph; returns (quotes, stray marks, reopening marks)."""
    marks = _find_marks(text)
    quotes: list[_Quote] = []
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
                    while ce > open_q[1] and text[ce - 1].isspace():
                        ce -= 1
                    if ce > open_q[1]:
                        quotes.append(_Quote(open_q[0], open_q[1], ce, ce, False, n_par))
                    else:
                        stray.append(open_q)
                open_q = (s, e)
                n_par = 1
            else:  # close
                if open_q is None:
                    stray.append((s, e))
                    continue
                if s > open_q[1]:
                    quotes.append(_Quote(open_q[0], open_q[1], s, e, True, n_par))
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
            ce = pe
            if ce > open_q[1]:
                quotes.append(_Quote(open_q[0], open_q[1], ce, ce, False, n_par))
            else:
                stray.append(open_q)
            open_q = None
            n_par = 1
    return quotes, stray, reopen


# --------------------------------------------------------------------------------------- the skeleton
_MASK_RE = re.compile(r"\S")


def _skeleton(text: str, quotes: list[_Quote], stray: list[tuple[int, int]],
              reopen: list[tuple[int, int]]) -> str:
    """Same-length copy of the text: quote contents masked, marks normalised, stray marks blanked."""
    edits: list[tuple[int, int, str]] = []
    for q in quotes:
        edits.append((q.open_start, q.cs, _OPEN_Q * (q.cs - q.open_start)))
        content = text[q.cs:q.ce]
        masked = _MASK_RE.sub("x", content)
        stripped = content.rstrip()
        tail = stripped[-3:]
        for ch in reversed(tail):
            if ch in ".!?":
                k = len(stripped) - 1
                masked = masked[:k] + ch + masked[k + 1:]
                break
        edits.append((q.cs, q.ce, masked))
        if q.closed:
            edits.append((q.ce, q.close_end, _CLOSE_Q * (q.close_end - q.ce)))
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


# ------------------------------------------------------------------------------------------- analysis
class _Doc:
    """Tokens, sentences and quotes of one text, with the rule machinery."""

    def __init__(self, text: str):
        self.text = text
        self.paras = _paragraphs(text)
        quotes, stray, reopen = _pair_quotes(text, self.paras)
        self.quotes = quotes
        self._cut_unclosed()
        self.sk = _skeleton(text, self.quotes, stray, reopen)
        self._tokenize()
        self._sentences()
        self.q_by_open = {}
        self.q_by_close = {}
        for qi, q in enumerate(self.quotes):
            oi = self.tok_at(q.open_start)
            if oi is not None:
                self.q_by_open[oi] = qi
            if q.closed:
                ci = self.tok_at(q.ce)
                if ci is not None:
                    self.q_by_close[ci] = qi
        self.stmts: list[_Stmt] = []
        self.used_cues: set[int] = set()

    # ---------------------------------------------------------------- tokens
    def _tokenize(self) -> None:
        ts, te, tx = [], [], []
        for m in _TOKEN_RE.finditer(self.sk):
            ts.append(m.start())
            te.append(m.end())
            tx.append(m.group())
        self.ts, self.te, self.tx = ts, te, tx
        # an acronym that spells a function word ('WHO', 'US', 'IT') is a name, not the function word
        self.tl = [t.lower() if not (len(t) > 1 and t.isupper() and t.lower() in _ACRONYM_CLASH) else t for t in tx]
        self.n = len(tx)
        single, double = _lexicon()
        self.cue_info: dict[int, tuple[str, frozenset, int]] = {}   # token -> (lemma, frames, last token)
        tl = self.tl
        for i, t in enumerate(tl):
            if t[0] not in "abcdefghijklmnopqrstuvwxyz" or (tx[i][0].isupper() and t != "according" and not (
                    i > 0 and tx[i - 1].endswith(".") and len(tx[i - 1]) >= 3 and tx[i - 1][1] == "." and
                    not tx[i].isupper())):
                continue
            if i + 1 < self.n:
                two = t + " " + tl[i + 1]
                if two in double:
                    lemma, frames = double[two]
                    self.cue_info[i] = (lemma, frames, i + 1)
                    continue
            if t in single:
                lemma, frames = single[t]
                self.cue_info[i] = (lemma, frames, i)

    def tok_at(self, pos: int) -> int | None:
        k = bisect_left(self.ts, pos)
        if k < self.n and self.ts[k] == pos:
            return k
        return None

    def _sentences(self) -> None:
        """Sentence units: (first token, end token exclusive), never crossing paragraphs."""
        sents: list[tuple[int, int]] = []
        tx, tl, ts = self.tx, self.tl, self.ts
        for pi, (ps, pe) in enumerate(self.paras):
            lo = bisect_left(ts, ps)
            hi = bisect_left(ts, pe)
            if lo >= hi:
                continue
            start = lo
            i = lo
            while i < hi:
                t = tx[i]
                end_here = False
                if t in (".", "!", "?", "…") or (t.endswith(".") and len(t) > 1):
                    j = i + 1
                    while j < hi and tx[j] in (_CLOSE_Q, ")", "]", "’", "'", ".", "!", "?"):
                        j += 1
                    if j < hi and j > i:
                        nxt = tx[j]
                        gap = ts[j] > self.te[j - 1]
                        if gap and (nxt[0].isupper() or nxt[0].isdigit() or nxt in (_OPEN_Q, "(", "[", "‘")):
                            if len(t) == 1:
                                end_here = True
                            elif t.lower().rstrip(".") in _ABBR_LOWER or len(t) == 2:
                                # Dr. / Jan. / initials never end a sentence; Inc. / Ltd. / etc. do before
                                # an opener or a capitalised word followed by a lowercase one
                                end_here = t.lower().rstrip(".") in {"inc", "corp", "co", "ltd", "plc", "jr", "sr",
                                                                     "etc", "bros", "cos"} and \
                                    (tl[j] in _SENT_STARTERS or (j + 1 < hi and tx[j + 1][:1].islower()))
                            else:  # acronym with dots (U.S.)
                                end_here = tl[j] in _SENT_STARTERS or nxt == _OPEN_Q
                    if end_here:
                        sents.append((start, j))
                        start = j
                        i = j
                        continue
                i += 1
            if start < hi:
                sents.append((start, hi))
        self.sents = sents
        self.sent_starts = [s for s, _ in sents]

    def sent_of(self, tok: int) -> int:
        return bisect_right(self.sent_starts, tok) - 1

    def para_of(self, pos: int) -> int:
        return bisect_right([p[0] for p in self.paras], pos) - 1

    # ---------------------------------------------------------------- unclosed quotes with attribution
    def _cut_unclosed(self) -> None:
        """An unclosed quote that contains ', X said ...' ends before that attribution."""
        single, _ = _lexicon()
        for q in self.quotes:
            if q.closed or q.paragraphs > 1:
                continue
            content = self.text[q.cs:q.ce]
            m = _internal_attr_re().search(content)
            if m and m.start() > 0:
                q.ce = q.cs + m.start()
                q.close_end = q.ce
                q.cut = True

    # ---------------------------------------------------------------- word classes
    def is_cap(self, i: int) -> bool:
        t = self.tx[i]
        return t[0].isupper()

    def is_word(self, i: int) -> bool:
        return self.tx[i][0].isalpha()

    def is_adverb(self, i: int) -> bool:
        t = self.tl[i]
        if self.tx[i][0].isupper() and (t not in _ADVERBS or (i > 0 and self.tx[i - 1] not in (".", "!", "?", _CLOSE_Q,
                                                                                              "\n"))):
            return False   # 'Long said' (a name), unlike a sentence-initial 'Later, ...'
        return t in _ADVERBS or (t.endswith("ly") and len(t) > 4 and t not in _LY_NOT_ADVERB)

    def np_word(self, i: int) -> bool:
        """Can token i be part of a noun phrase (speaker or object)?"""
        t = self.tx[i]
        tl = self.tl[i]
        c = t[0]
        if c.isdigit():
            return True
        if not c.isalpha():
            return t in ("&",) or (c == "<" and len(t) > 2)
        if tl in _DETS:
            return True
        if tl.endswith(_CONTRACTION_AUX) or (tl in _PRON_S and t[0].islower()) or tl in ("let's", "let’s"):
            return False   # don't, I'm, we've, it's: verbs, not nouns
        if tl in _AUX or tl in _NEG or tl in _STOP_PREPS or tl in _CLAUSE_STOP or tl in _LINK_PREPS:
            return False
        if tl == "x" * len(tl):
            return False
        if c.isupper():
            if tl in _WEEKDAYS or tl in _MONTHS or tl in _CLAUSE_STOP or tl in _STOP_PREPS or \
                    (tl in _ADVERBS and (i == 0 or self.tx[i - 1] in (".", "!", "?", _CLOSE_Q))) or \
                    tl in _AUX or tl in _CAP_TIME or tl in _LINK_PREPS or \
                    tl in ("asked", "speaking", "according", "in", "on", "at", "for", "with", "from", "let", "let's",
                           "let’s", "please", "thank", "thanks", "yes", "no", "well", "oh"):
                return False
            return True
        if i in self.cue_info:
            p = self.tl[i - 1] if i > 0 else ""
            nxt = self.cue_info[i][2] + 1
            if tl in _NOUNISH_CUES and nxt < self.n and nxt in self.cue_info and not self.tl[nxt].endswith("ing"):
                return True
            if tl == "state" and nxt < self.n and self.tl[nxt] in _STATE_NOUNS:
                return True   # 'state media said', 'state television reported': an adjective
            if not (p in _DETS or p.endswith(("'s", "’s")) or (i > 0 and self.tx[i - 1][0].isupper() and
                                                                   tl in _NOUNISH_CUES)):
                return False
        if tl in _SUBJ_PRONOUNS or tl in _OBJ_PRONOUNS:
            return False
        if self.is_adverb(i) or tl in _TIME_WORDS:
            return False
        if tl.endswith("ed") and len(tl) > 4 and tl not in ("red", "need", "seed", "speed", "breed", "creed") \
                and "-" not in tl:
            return i > 0 and self.tl[i - 1] in _DETS
        if tl in _IRREGULAR_PAST:
            return False
        return True

    # ---------------------------------------------------------------- noun phrases
    def np_left(self, end: int, lo: int) -> tuple[int, int] | None:
        """Noun phrase ending just before token ``end`` (exclusive), not crossing ``lo``."""
        j = end - 1
        if j < lo:
            return None
        tl = self.tl
        if tl[j] in _SUBJ_PRONOUNS:
            return (j, end)
        if tl[j] in ("here", "there") and j - 1 >= lo and self.np_word(j - 1) and not self.is_cap(j):
            sp = self.np_left(j, lo)    # 'officials here said'
            return (sp[0], end) if sp else None
        start = None
        saw_det = False
        count = 0
        while j >= lo and count < 14:
            t = tl[j]
            if t in _OBJ_PRONOUNS and j - 1 >= lo and tl[j - 1] == "of" and start is None:
                start = j
            elif self.tx[j] == _CLOSE_Q and start is not None or (self.tx[j] == _CLOSE_Q and start is None):
                # a short quoted term inside the phrase: the so-called "reform package"
                if saw_det:
                    break   # 'Calling it a "culture of death" the archbishop said': the phrase starts at 'the'
                k = j - 1
                while k >= lo and self.tx[k] != _OPEN_Q:
                    k -= 1
                if k < lo or j - k > 6 or (start is None and not (k - 1 >= lo and (
                        tl[k - 1] in _DETS or tl[k - 1] == "so-called"))):
                    break
                start = k
                j = k
                count += 1
                j -= 1
                continue
            elif self.np_word(j) and not self.tx[j] in (_OPEN_Q,):
                if saw_det:
                    if t in _QUANT_OF and j + 1 < end and tl[j + 1] == "of":
                        pass
                    elif t == "and":
                        break
                    elif t in _DETS and tl[j + 1] in _DETS:
                        pass   # 'all three', 'the two'
                    else:
                        break
                start = j
                if t in _DETS:
                    saw_det = True
            elif t in _LINK_PREPS and start is not None and j - 1 >= lo and self.np_word(j - 1):
                start = j
                saw_det = False
            elif self.tx[j] == ")" and (start is not None or j == end - 1):
                m = j - 1
                while m >= lo and self.tx[m] != "(" and j - m < 7:
                    m -= 1
                if m < lo or self.tx[m] != "(" or m - 1 < lo or not self.np_word(m - 1):
                    break
                start = m
                j = m - 1
                count += 1
                continue
            elif t == "to" and start is not None and j - 1 >= lo and tl[j - 1] in _TO_NOUNS:
                start = j   # 'an aide to Sen. James Exon'
                saw_det = False
            elif t == "to" and start is not None and j - 2 >= lo and tl[j - 1] == "close" and self.np_word(j - 2):
                start = j - 1
                saw_det = False
                j -= 2
                count += 2
                continue
            elif t == "and" and start is not None and j - 1 >= lo and self.np_word(j - 1) and \
                    tl[j - 1] not in _DETS and not self.is_adverb(j - 1) and (
                        (self.is_cap(start) and self.is_cap(j - 1)) or
                        (end - start >= 2 and tl[start] not in _DETS and not self.is_cap(start)) or
                        (tl[j - 1].endswith("s") and tl[start].endswith("s") and not self.is_cap(start)) or
                        (tl[start] in ("the",) and self.is_cap(j - 1))):
                start = j
                saw_det = False
            elif t in ("’", "'") and start is not None and j - 1 >= lo and tl[j - 1].endswith("s"):
                start = j
            else:
                break
            j -= 1
            count += 1
        if start is None:
            return None
        # trim leading prepositions / conjunctions
        while start < end and (tl[start] in _LINK_PREPS or tl[start] == "and" or self.tx[start] in ("’", "'")):
            start += 1
        if start >= end:
            return None
        if all(tl[k] in _DETS or not (self.tx[k][0].isalnum() or self.tx[k][0] == "<") for k in range(start, end)):
            return None
        return (start, end)

    def np_right(self, start: int, hi: int) -> tuple[int, int] | None:
        """Noun phrase starting at token ``start`` (``said X``, ``according to X``, an addressee)."""
        tl, tx = self.tl, self.tx
        j = start
        if j >= hi:
            return None
        if tl[j] in _SUBJ_PRONOUNS or tl[j] in _OBJ_PRONOUNS:
            return (j, j + 1)
        if not (self.np_word(j) or tl[j] in _DETS):
            return None
        end = None
        seen_noun = False
        while j < hi and j - start < 14:
            t = tl[j]
            if tx[j] == _OPEN_Q:
                k = j + 1
                while k < hi and tx[k] != _CLOSE_Q and k - j < 8:
                    k += 1
                if k < hi and tx[k] == _CLOSE_Q and k - j < 8:
                    end = k + 1
                    seen_noun = True
                    j = k + 1
                    continue
                break
            if tl[j] in _DETS and not seen_noun:
                end = j + 1
            elif tl[j] in _DETS and seen_noun:
                break
            elif self.np_word(j) or (tl[j] in _NOUNISH_CUES and j > start):
                end = j + 1
                seen_noun = True
            elif t == "of" and not seen_noun and end is not None and all(
                    tl[m] in _DETS or tl[m] in _QUANT_OF for m in range(start, j)) and j + 1 < hi:
                seen_noun = False   # 'one of these groups', 'many of them'
                if tl[j + 1] in _OBJ_PRONOUNS:
                    end = j + 2
                    j += 2
                    break
            elif t in ("of", "for", "at", "from", "with") and seen_noun and j + 1 < hi and \
                    (self.np_word(j + 1) or tl[j + 1] in _DETS):
                seen_noun = False
                end = end
            elif t in ("’", "'") and seen_noun and tl[j - 1].endswith("s") and j + 1 < hi and self.is_cap(j + 1):
                seen_noun = False   # "Nikko Securities' Okamoto"
            elif t == "close" and j + 1 < hi and tl[j + 1] == "to":
                j += 1
                seen_noun = False
            elif t == "and" and seen_noun and j + 1 < hi and (self.is_cap(j + 1) or (
                    self.np_word(j + 1) and tl[j + 1] not in _DETS and not self.is_cap(j - 1))):
                seen_noun = False
            else:
                break
            j += 1
        if end is None or end <= start:
            return None
        if all(tl[k] in _DETS for k in range(start, end)):
            return None
        return (start, end)

    def skip_adjuncts(self, k: int, hi: int) -> int:
        """Skip adjuncts after a cue: commas, time phrases, adverbs, short prepositional phrases."""
        tl, tx = self.tl, self.tx
        for _ in range(12):
            if k >= hi:
                return k
            t = tl[k]
            if t in (",", "—", "–", "(", ")"):
                k += 1
                continue
            if t in _TIME_WORDS or self.is_adverb(k) or (tx[k][0].isdigit() and k > 0 and tl[k - 1] in _MONTHS):
                if t in ("this", "that") and k + 1 < hi and tl[k + 1] not in _TIME_WORDS:
                    return k
                k += 1
                continue
            if t in ("in", "on", "at", "to", "during", "via", "through", "over", "with", "from", "before",
                     "after", "outside", "inside", "by", "late", "earlier", "last", "for", "amid", "under",
                     "following", "despite", "about", "toward", "towards", "ahead", "near", "across", "within",
                     "without", "regarding", "concerning") and \
                    k + 1 < hi and (tl[k + 1] not in _SUBJ_PRONOUNS or tl[k + 1] == "it") and \
                    not (t == "to" and tx[k + 1][0].islower() and tl[k + 1] not in _DETS and
                         tl[k + 1] not in _OBJ_PRONOUNS and tl[k + 1] not in _TIME_WORDS):
                # prepositional adjunct: prep + noun phrase (the phrase ends at a new determiner)
                j = k + 1
                if tx[j][0].isdigit() or tl[j] in _WEEKDAYS or tl[j] in _MONTHS or tx[j] == "May" or \
                        tl[j] in ("yesterday", "today", "tomorrow", "tonight") or \
                        (tl[j] in ("last", "next", "this", "that") and j + 1 < hi and tl[j + 1] in _TIME_WORDS):
                    # a date or time: 'in 2004', 'on Monday', 'on Jan. 10', 'at 12:54 am local time (0454 UTC)'
                    while j < hi and (tx[j][0].isdigit() or tl[j] in _TIME_WORDS or tx[j] == "May" or
                                      tl[j] in _CLOCK_WORDS):
                        if tx[j] == "(":
                            m = j + 1
                            while m < hi and tx[m] != ")" and m - j < 5:
                                m += 1
                            if m < hi and tx[m] == ")":
                                j = m
                        j += 1
                    k = j
                    continue
                seen = False
                while j < hi:
                    u = tl[j]
                    if u in _DETS and not seen:
                        j += 1
                        continue
                    if u in _DETS and seen:
                        break
                    if self.np_word(j) or u in _TIME_WORDS or u in _OBJ_PRONOUNS or tx[j] == "May":
                        seen = True
                        j += 1
                        continue
                    if u in ("of", "with") and seen:
                        j += 1
                        seen = False
                        continue
                    break
                if not seen:
                    return k
                # a phrase followed by a verb marker was a subject, not an adjunct (in fact rare)
                k = j
                continue
            return k
        return k

    def has_clause(self, k: int, hi: int) -> bool:
        """Does the span start a finite clause (subject + verb marker within a short window)?"""
        tl, tx = self.tl, self.tx
        if k >= hi:
            return False
        first = tl[k]
        if first in ("around", "about", "nearly", "almost", "roughly", "approximately", "over", "some", "up") and \
                k + 1 < hi and (tx[k + 1][0].isdigit() or tl[k + 1] == "to"):
            return self.has_clause(k + 1, hi)   # 'estimated around 200 people attended'
        if first in _STOP_PREPS or first in _LINK_PREPS or first in ("and", "but", "or", ",", ".", ":", ";"):
            return False
        if not (tx[k][0].isalnum() or tx[k] == _OPEN_Q):
            return False
        if first.endswith(_CONTRACTION_AUX) or first in _PRON_S:
            return True
        if first in ("he", "she", "they", "we", "i") and k + 1 < hi and tx[k + 1][0].isalpha():
            return True   # a subject pronoun opens a clause
        if first in ("if", "when", "as", "because", "although", "though", "once", "after", "before", "since",
                     "unless", "until", "while", "whether"):
            # 'said if oil production rises ..., freight rates should rise': the main clause after the comma
            m = k + 1
            while m < hi and m - k < 30 and tl[m] not in (",", ";", "."):
                m += 1
            if m < hi and tl[m] == "," and m + 1 < hi and tl[m + 1] not in ("and", "but"):
                return self.has_clause(m + 1, hi)
            return False
        j = (k + 1 if first not in ("there",) else k) - 1
        skipped = False
        while j + 1 < min(hi, k + 30):
            j += 1
            u = tl[j]
            if u == "," and j + 1 < hi and tl[j + 1].endswith("ing") and j + 1 in self.cue_info:
                return False   # ', pointing out ...': a participle, not the reported clause's verb
            if u == "," and self._trailing_attr_at(j + 1, hi):
                return False   # ', UAE Minister X said.': the attribution of an outer statement
            if u == "," and not skipped and j + 1 < hi and tl[j + 1] not in ("and", "but", "while", "whereas", "or"):
                # one parenthetical: 'the law, initially covering all firms, would be ...'
                m = j + 1
                while m < min(hi, j + 14) and tl[m] not in (",", ";", ".", ":"):
                    m += 1
                if m < hi and tl[m] == ",":
                    skipped = True
                    j = m
                    continue
                if tl[j + 1] in ("which", "who", "whose", "whom"):
                    m2 = j + 1
                    while m2 < min(hi, j + 40) and tl[m2] not in (",", ";", ".", ":"):
                        m2 += 1
                    if m2 >= hi or tl[m2] in (";", "."):
                        return False   # 'stressed the industry, which X has described as ...': no main verb after
            if (u in _AUX or u in _IRREGULAR_PAST or u in _PRESENT_VERBS or u in _PRON_S or
                    u.endswith(_CONTRACTION_AUX)) and tl[j - 1] != "to":
                return True
            if u in ("while", "whereas") and j > k:
                return False
            if u == "that" and j > k + 1 and tl[j - 1] not in (",",) and self.np_word(j - 1):
                return False   # 'disclosures that Iran had ...': the verb belongs to the noun's clause
            if j in self.cue_info and not u.endswith("ing") and not (
                    tl[j - 1] in _DETS or tl[j - 1].endswith(("'s", "’s")) or
                    (u in _NOUNISH_CUES and tl[j - 1][0].isalpha() and tl[j - 1] not in _SUBJ_PRONOUNS and
                     not tx[j - 1][0].isupper() and not self.is_adverb(j - 1) and
                     not (tl[j - 1].endswith("s") and not u.endswith("s")))):
                return True   # a cue verb; not a noun ('a state of emergency', 'common shares')
            if tx[j] == _OPEN_Q:
                # a quoted fragment continuing the clause in lowercase ('the findings "should worry ..."')
                qi = self.q_by_open.get(j)
                if qi is None:
                    return False
                inner = self.text[self.quotes[qi].cs:self.quotes[qi].ce].lstrip("[( ")
                if len(inner.split()) <= 3 and inner[:1].isupper() and self.quotes[qi].closed:
                    # a quoted name inside the subject ('Joaquin "El Chapo" Guzman ran ...'): skip it
                    m = j + 1
                    while m < hi and tx[m] != _CLOSE_Q:
                        m += 1
                    j = m
                    continue
                w = inner.split()[0].lower().strip(".,;:!?[]()") if inner.split() else ""
                return j > k and inner[:1].islower() and (
                    w in _AUX or w in _IRREGULAR_PAST or w in _PRESENT_VERBS or w in _NEG or w.endswith("ed") or
                    (w.endswith("s") and not w.endswith("ss") and len(w) > 3) or self.is_adverb(j - 1) or
                    (self.np_word(j - 1) and tl[j - 1] not in _DETS) or tl[j - 1] in _SUBJ_PRONOUNS)
            if u.endswith("ed") and len(u) > 3 and not tx[j][0].isupper() and \
                    (tl[j - 1] not in _DETS or tl[j - 1] in ("this", "that", "these", "those")) \
                    and u not in ("need", "speed", "red", "seed", "bed", "shed", "hundred", "feed", "breed"):
                return True
            if u.endswith("s") and len(u) > 2 and not u.endswith("ss"):
                m = j - 1
                while m > k and self.is_adverb(m):
                    m -= 1
                if tl[m] in ("he", "she", "it", "this", "that", "which", "who"):
                    return True
            if u in (";", ".", ":") or (u == "," and (j + 1 < hi and tl[j + 1] in (
                    "and", "but", "while", "whereas", "or"))):
                return False
            if u == "," and j > k + 8:
                return False
        return False

    def clause_end(self, k: int, hi: int, np_only: bool = False, lo_sent: int = 0) -> int:
        """Token index where a reported content starting at ``k`` ends (exclusive)."""
        tl, tx = self.tl, self.tx
        j = k
        in_quote = False
        while j < hi:
            t = tl[j]
            comma_close = False
            if tx[j] == _OPEN_Q:
                in_quote = True
            elif tx[j] == _CLOSE_Q:
                in_quote = False
                qi = self.q_by_close.get(j)
                comma_close = qi is not None and self.text[self.quotes[qi].cs:self.quotes[qi].ce].rstrip()[-1:] == ","
            if in_quote:
                j += 1
                continue
            if t == ";" or (t == ":" and j + 1 < hi and tx[j + 1] == _OPEN_Q):
                return j
            if (t in (",", "—", "–") or comma_close) and j > k:
                n1 = tl[j + 1] if j + 1 < hi else ""
                if n1 in ("while", "whereas", "according"):
                    return j
                m = j + 1
                while m < hi and self.is_adverb(m):
                    m += 1
                if m < hi and m in self.cue_info and tl[m].endswith("ing") and not (
                        "that" in self.cue_info[m][1] and not self.cue_ok(m)):
                    return j  # ", adding that ..." / ", further saying" starts a new statement ('ruling out' not)
                if np_only and n1 in ("which", "who", "whose"):
                    return j
                if n1 in ("but", "and") and self._cue_within(j + 2, hi, 4):
                    return j
                if j + 1 in self.cue_info and j + 2 < hi and tl[j + 2] in (",", ":", _OPEN_Q) and \
                        self.cue_ok(j + 1):
                    return j  # ', replied, "No."': the main clause's cue
                # ", NP cue." at the end: an outer trailing attribution
                if self._trailing_attr_at(j + 1, hi):
                    return j
            if t in ("while", "whereas") and j > k:
                return j
            if t in ("but", "and") and j > k and self._cue_within(j + 1, hi, 3) and \
                    not (j + 1 < hi and tl[j + 1] == "that"):
                return j
            j += 1
        return hi

    def _cue_within(self, k: int, hi: int, width: int) -> bool:
        for j in range(k, min(hi, k + width)):
            if j in self.cue_info and self.cue_ok(j):
                return True
            if self.tx[j] in (",", ".", _OPEN_Q):
                return False
        return False

    def _trailing_attr_at(self, k: int, hi: int) -> bool:
        """Is tokens[k:hi] an attribution ``NP [aux] cue [adjuncts]`` or ``cue NP`` up to the sentence end?"""
        tl = self.tl
        j = k
        limit = min(hi, k + 16)
        while j < limit:
            if j in self.cue_info and self.cue_ok(j):
                if j == k:
                    rest = self.np_right(j + 1, hi)
                    after = rest[1] if rest else j + 1
                else:
                    sp = self.speaker_left(j, k)
                    if sp is None or sp[0] != k:
                        return False
                    after = self.cue_info[j][2] + 1
                after = self.skip_adjuncts(after, hi)
                if after < hi and tl[after] in ("reporters", "journalists") :
                    after += 1
                return after >= hi or tl[after] in (".", "!", "?", _CLOSE_Q) or \
                    (tl[after] == "," and after + 1 < hi and after + 1 in self.cue_info)
            if tl[j] in (",", ".", ";", _OPEN_Q, _CLOSE_Q, "that"):
                if tl[j] == ",":
                    j += 1   # an apposition inside the attribution ('X, a spokesman, said')
                    continue
                return False
            j += 1
        return False

    # ---------------------------------------------------------------- cues and speakers
    def cue_ok(self, i: int) -> bool:
        """Is token i used as a reporting verb here (not a noun, passive, negated or participle-initial)?"""
        tl = self.tl
        t = tl[i]
        lemma, frames, last = self.cue_info[i]
        if lemma == "according to":
            return True
        if "that" in frames and frames <= {"that", "direct"} and tl[self.skip_adjuncts(last + 1, self.n):][:1] != ["that"]:
            return False   # 'ruled out', 'rule changes', 'determined the cause': only 'ruled that ...' is a cue
        p = i - 1
        prev = tl[p] if p >= 0 else ""
        if prev in ("let's", "let’s"):
            return False
        if prev.endswith(("'s", "’s")) and not (prev in _PRON_S):
            return False   # possessive: "May's proposed deal", "the company's stated aim"
        if prev in _DETS or prev in ("so", "so-called", "’s", "'s"):
            if prev not in ("one", "two", "three", "some", "many", "most", "all", "both", "several", "few") or \
                    t.endswith("ing"):
                return False
        # skip adverbs back to the auxiliary / subject
        k = p
        while k >= 0 and self.is_adverb(k) and tl[k] not in ("not",):
            k -= 1
        if k >= 0 and (tl[k] in _NEG or tl[k].endswith(("n't", "n’t")) or (
                tl[k] in ("to",) and k - 1 >= 0 and tl[k - 1] in (
                "declined", "refused", "decline", "declines", "refuses", "unable", "reluctant", "wanted", "want",
                "wants", "unwilling", "hesitant", "able", "likely", "expected", "due", "set", "scheduled",
                "planned", "plans", "plan", "going", "used", "about"))):
            return False
        if k >= 0 and tl[k] in _BE and not t.endswith("ing") and lemma != "according to":
            # passive ('was told', 'is said to', 'survivors being found alive', 'it was found that ...': no
            # agent to attribute to), except 'was quoted as saying' handled elsewhere; after a form of 'be' a
            # cue is a participle, never a finite verb
            return False
        if t.endswith("ed") and last + 1 < self.n and tl[last + 1] == "by" and not (k >= 0 and tl[k] in _AUX):
            return False  # reduced passive: 'an interview reported by IRNA'
        if k >= 0 and tl[k] in _BE and t.endswith("ing"):
            return True  # progressive: 'is saying', 'was warning'
        if t.endswith("ing"):
            # participles: ', adding that', 'as saying', 'saying:' ; not 'the warning', 'Asked ...'
            if prev in (",", "as", "and", "while", "before", "after", "—", "–", "by", "without") or \
                    prev in _ADVERBS:
                return True
            if prev in _COMM_NOUNS or prev in ("twitter", "facebook", "instagram", "television", "radio"):
                return True   # 'issued a statement saying ...', 'posted on Twitter saying ...' 
            # absolute construction: 'with local press reporting ...'
            sp = self.np_left(i, max(0, i - 8))
            return bool(sp) and sp[0] > 0 and tl[sp[0] - 1] == "with"
        if t in ("asked", "told", "quoted", "called", "described", "accused", "reported", "announced",
                 "stated", "alleged", "estimated", "said", "noted", "written", "thought", "charged") and \
                (p < 0 or self.sent_start_tok(i) == i or prev in (",", "(") or
                 (prev in ("when", "if", "once", "as") and not (p - 1 >= 0 and (self.np_word(p - 1) or
                                                                              tl[p - 1] in _SUBJ_PRONOUNS)))) and \
                prev != ",":
            # 'Asked about it, X said', 'when asked', 'as reported by': participles, not finite cues
            if t != "said" or p < 0 or self.sent_start_tok(i) == i:
                return False
        if t in _NOUNISH_CUES and not t.endswith(("ing", "s")) and p >= 0 and self.tx[p][0].isupper() and \
                tl[p] not in _SUBJ_PRONOUNS and not tl[p].endswith("s") and \
                (last + 1 >= self.n or tl[last + 1] != "that"):
            return False
        if t in _NOUNISH_CUES and not t.endswith("ing") and not (p >= 0 and tl[p] in _SUBJ_PRONOUNS):
            nx = tl[last + 1] if last + 1 < self.n else ""
            plural_subject = p >= 0 and tl[p].endswith("s") and not tl[p].endswith(("'s", "’s", "ss")) and \
                tl[p] not in _DETS and tl[p][0].isalpha() and not t.endswith("s")
            if not (nx in ("that", ":", _OPEN_Q) or
                    (p >= 0 and (tl[p] in _SUBJ_PRONOUNS or self.tx[p][0].isupper() or plural_subject) and
                     self.has_clause(last + 1, min(
                        self.n, last + 18)) and not (p >= 0 and self.tx[p][0].isupper() and p - 1 >= 0 and
                                                      self.tx[p - 1][0].isupper() and not self._sent_initial(p - 1)
                                                      and t in ("states",)))):
                return False
        # a cue followed by another cue is a noun ('reports said')
        nxt = last + 1
        if nxt < self.n and nxt in self.cue_info and tl[nxt] not in ("that",) and \
                self.cue_info[nxt][0] not in ("according to",) and t.endswith("s") and not t.endswith("ss"):
            return False
        return True

    def _sent_initial(self, i: int) -> bool:
        return self.sent_start_tok(i) == i

    def sent_start_tok(self, i: int) -> int:
        si = self.sent_of(i)
        return self.sents[si][0] if si >= 0 else 0

    def sent_bounds(self, i: int) -> tuple[int, int]:
        si = self.sent_of(i)
        return self.sents[si] if si >= 0 else (0, self.n)

    def speaker_left(self, cue: int, lo: int) -> tuple[int, int] | None:
        """Speaker of a cue from the text before it, or ``None``; may defer to the sentence subject."""
        res = self._speaker_left(cue, lo)
        if isinstance(res, tuple):
            return res
        if res in ("coord", "participle"):
            return self.sentence_subject(cue, lo)
        return None

    def _speaker_left(self, cue: int, lo: int):
        tl, tx = self.tl, self.tx
        j = cue - 1
        quoted_as = False
        if j - 2 >= lo and tl[j] in ("named", "identified", "quoted") and tl[j - 1] == "be" and tl[j - 2] == "to":
            # 'a spokesman who declined to be named said'
            m = j - 3
            while m >= lo and j - m < 8 and tl[m] not in ("who", "that"):
                m -= 1
            if m >= lo and tl[m] in ("who", "that"):
                sp = self.np_left(m, lo)
                if sp:
                    return sp
        # skip adverbs / auxiliaries / 'went on to'
        while j >= lo:
            t = tl[j]
            if self.is_adverb(j) or t in _AUX:
                j -= 1
                continue
            if (t in _TIME_WORDS and not tx[j][0].isupper()) or t in _WEEKDAYS or t in _MONTHS_ABBR or \
                    tx[j] == "May" or (tx[j][0].isdigit() and j - 1 >= lo and tl[j - 1] in _MONTHS):
                # 'Texas Air last month said', 'X on Sunday told', 'X on Jan. 5 said'
                m = j
                while m >= lo and (tl[m] in _TIME_WORDS or tl[m] in _WEEKDAYS or tl[m] in _MONTHS or
                                   tx[m][0].isdigit() or tl[m] in (",",) and False):
                    m -= 1
                if m >= lo and tl[m] in ("on", "in", "at", "during", "earlier", "late"):
                    m -= 1
                if m < j and m >= lo and (self.np_word(m) or tl[m] in _SUBJ_PRONOUNS or tl[m] == ","):
                    j = m
                    continue
                break
            if t == "to":
                # 'went on to say', 'went as far as to say', 'continued to insist'
                m = j - 1
                while m >= lo and j - m <= 5 and tl[m] not in _CHAIN_VERBS and (
                        tl[m] in ("on", "as", "so", "far") or self.is_adverb(m)):
                    m -= 1
                if m >= lo and tl[m] in _CHAIN_VERBS:
                    j = m - 1
                    continue
                return None
            if t == "as":
                # 'X was quoted as saying' / 'quoted X as saying'
                qk = j - 1
                while qk >= lo and tl[qk] not in ("quoted", "cited", "described") and j - qk < 24 and \
                        tl[qk] not in (".", ";") and tx[qk] not in (_OPEN_Q, _CLOSE_Q):
                    qk -= 1
                if qk < lo or tl[qk] not in ("quoted", "cited"):
                    return None
                if qk == j - 1:
                    if qk - 1 >= lo and tl[qk - 1] in _BE:
                        j = qk - 2
                        while j >= lo and (tl[j] in _AUX or self.is_adverb(j)):
                            j -= 1
                        quoted_as = True
                        break
                    return None
                return self.np_right(qk + 1, j)
            break
        if j < lo:
            return "participle" if tl[cue].endswith("ing") else None
        t = tl[j]
        if tl[cue].endswith("ing") and (t in (",", "—", "–", "and", "while", "before", "after", "by", "without") or
                                       tx[j] == _CLOSE_Q):
            return "participle"
        if tl[cue].endswith("ing") and tl[cue] != "according" and not quoted_as:
            sp = self.np_left(j + 1, lo)
            if sp and sp[0] - 1 >= lo and tl[sp[0] - 1] == "with":
                return sp          # 'with local press reporting ...'
            return "participle"    # 'issued a statement saying ...', 'X, in Washington, D.C. saying ...' 
        if t in ("and", "but", "or") or (t == "," and j - 1 >= lo and tl[j - 1] in ("and", "but")):
            return "coord"
        if t in ("who", "which", "that") and j - 1 >= lo:
            k = j - 1
            if tl[k] == "," and t != "that":
                sp = self.np_left(k, lo)
                if sp and not all(self.tx[m][0].isdigit() for m in range(*sp)):
                    return sp
                return self._appositive_subject(k, lo)
            if k < lo or tx[k] == _CLOSE_Q:
                return None
            sp = self.np_left(k + 1, lo)
            if sp and t == "that" and not (self.is_cap(sp[1] - 1) or tl[sp[1] - 1] in ("officials", "people")):
                return None
            return sp
        if tx[j] == _CLOSE_Q:
            sp = self.np_left(j + 1, lo)
            if sp:
                return sp
        if t == ",":
            # 'a witness, who asked not to be named, told AFP': the antecedent of a comma-enclosed relative
            m = j - 1
            while m > lo and j - m <= 24 and tl[m] not in (",", ".", ";", "!", "?") and \
                    tx[m] not in (_OPEN_Q, _CLOSE_Q):
                m -= 1
            if m > lo and tl[m] == "," and tl[m + 1] in ("who", "whose", "whom") and m + 1 < j - 1:
                sp = self.np_left(m, lo)
                if sp and not all(self.tx[x][0].isdigit() for x in range(*sp)):
                    return sp
        if t == "," or tx[j] == _CLOSE_Q:
            sp = self._appositive_subject(j, lo)
            if sp is None and t == ",":
                # 'Baker, when asked if ..., replied': the subject opening the sentence
                s0 = self.sent_start_tok(cue)
                sp = self._clause_subject(max(s0, lo), cue)
                if sp and not (sp[1] < self.n and tl[sp[1]] == "," and (self.is_cap(sp[1] - 1) or
                                                                       tl[sp[1] - 1] in _SUBJ_PRONOUNS)):
                    sp = None
            return sp
        sp = self.np_left(j + 1, lo)
        if sp and sp[0] - 1 >= lo and tl[sp[0] - 1] == "," and (
                (tl[sp[0]] in ("a", "an") and any(tl[m] in _LINK_PREPS for m in range(*sp))) or
                (tl[sp[0]] not in _DETS and not self.is_cap(sp[0]) and tl[sp[0]] not in _SUBJ_PRONOUNS and
                 not self.is_cap(sp[1] - 1) and any(tl[m] in _LINK_PREPS for m in range(*sp)))):
            # 'Robert Watson, a program manager at NASA said', '..., Milan Kerno, vice president of finance
            # said' (no closing comma): the name before the role
            name = self.np_left(sp[0] - 1, lo)
            if name and self.is_cap(name[1] - 1) and not (name[0] - 1 >= lo and (
                    tl[name[0] - 1] in _STOP_PREPS or tl[name[0] - 1] in _LINK_PREPS)) and (
                    tl[sp[0]] in ("a", "an") or name[0] == lo or tl[name[0] - 1] in (",", "—", "–") or
                    self._sent_initial(name[0])) and all(self.is_cap(m) or tl[m] in _LINK_PREPS
                                                        for m in range(*name)):
                return name
        if sp and sp[0] - 2 >= lo and tl[sp[0] - 1] == "by" and tl[sp[0] - 2] in _BY_PARTICIPLES:
            # 'A shareholder group led by Barris Industries said': the head before the reduced relative
            head = self.np_left(sp[0] - 2, lo)
            if head:
                return head
        if sp:
            # 'Terri Collins who sponsored the bill remarked': the subject is the antecedent of 'who'
            m = sp[0] - 1
            while m >= lo and sp[0] - m <= 8 and tl[m] not in ("who", ",", ".", ";", "that", "which") and \
                    tx[m] not in (_OPEN_Q, _CLOSE_Q):
                m -= 1
            if m > lo and tl[m] == "who" and any(not self.np_word(x) and tl[x] not in _DETS
                                                 for x in range(m + 1, sp[0])):
                ante = self.np_left(m, lo)
                if ante:
                    return ante
        return sp

    def _appositive_subject(self, j: int, lo: int):
        """Speaker before comma-separated appositions: 'X, 54, a nurse, said'."""
        tl, tx = self.tl, self.tx
        for _ in range(4):
            if j < lo:
                return None
            if tx[j] == _CLOSE_Q:
                # a quoted title inside the apposition: skip back to its opening mark
                k = j - 1
                while k >= lo and tx[k] != _OPEN_Q:
                    k -= 1
                if k < lo:
                    return None
                j = k - 1
                if j >= lo and tl[j] == ",":
                    pass
                else:
                    return None
            # segment before the comma at j
            k = j - 1
            while k >= lo and tl[k] not in (",", ".", ";", ":") and tx[k] not in (_OPEN_Q, _CLOSE_Q) and j - k < 32:
                k -= 1
            seg = (k + 1, j)
            if seg[0] >= seg[1]:
                return None
            first = seg[0]
            f = tl[first]
            appositive = (f in ("a", "an") or tx[first][0].isdigit() or f in ("who", "which", "whose", "however",
                                                                                "himself", "herself", "itself",
                                                                                "themselves", "aged", "both",
                                                                                "too") or
                          (tx[first][0].islower() and f not in _DETS and f not in _SUBJ_PRONOUNS) or
                          self.is_adverb(first))
            if not (k >= lo and tl[k] == ","):
                appositive = False  # the first segment of the clause is its subject ('A UAW spokesman, in ...')
            if appositive and seg[1] - seg[0] >= 3 and self.is_cap(j - 1) and self.is_cap(j - 2) and \
                    all(self.np_word(m) and tl[m] not in _DETS and not self.is_cap(m) for m in
                        range(seg[0], j - 2) if not self.is_cap(m)) and \
                    not any(tl[m] in _LINK_PREPS or tl[m] in _DETS for m in range(*seg)):
                appositive = False  # 'One of the study's authors, herpetologist David Blackburn, told'
                sp = self.np_left(j, lo)
                if sp:
                    return sp
            if k >= lo and tl[k] == "," and self._looks_name(k - 1, lo) and \
                    any(tl[m].endswith(("'s", "’s")) for m in range(*seg)) and not self.is_cap(j - 1):
                appositive = True  # "Susan Bro, Heather Heyer's mother, told"
            if f == "the" and k >= lo and tl[k] == "," and self._looks_name(k - 1, lo):
                appositive = True  # 'Jean Dupont, the farm union leader, said'
            if not appositive and tx[first][0].isupper() and k >= lo and tl[k] == "," and \
                    any(tl[m] in ("of", "for", "at", "the", "and", "in", "to") for m in range(*seg)):
                prev_sp = self.np_left(k, lo)
                if prev_sp and all(self.tx[m][0].isupper() for m in range(*prev_sp)):
                    appositive = True  # 'Robert Ortner, Undersecretary of Commerce, said'
            if not appositive:
                jj = j
                while jj - 1 > seg[0] and (tl[jj - 1] in _AUX or self.is_adverb(jj - 1)):
                    jj -= 1   # 'The ministry has, in a statement, called ...'
                sp = self.np_left(jj, lo)
                if sp and sp[0] == seg[0]:
                    return sp
                if sp and self._looks_name(sp[1] - 1, lo):
                    return sp
                return None
            if k < lo or tl[k] != ",":
                return None
            j = k
        return None

    def _looks_name(self, j: int, lo: int) -> bool:
        return j >= lo and self.tx[j][0].isupper() and self.tl[j] not in _CLAUSE_STOP

    def sentence_subject(self, cue: int, lo: int) -> tuple[int, int] | None:
        """Subject of the sentence holding ``cue``: speaker of an earlier statement in it, else its first NP."""
        s0, s1 = self.sent_bounds(cue)
        best = None
        for st in self.stmts:
            if st.sp and st.cue and self.ts[s0] <= st.cue[0] < self.ts[cue] and st.sp[0] >= self.ts[s0]:
                # a verb cue beats an 'according to' source ('According to ISNA, X said ..., adding ...')
                rank = (self.text[st.cue[0]:st.cue[1]].lower() == "according to", st.cue[0])
                if best is None or rank < best_rank:
                    best, best_rank = st, rank
        if best is not None:
            a = self.tok_at(best.sp[0])
            b = bisect_left(self.ts, best.sp[1])
            if a is not None:
                return (a, b)
        # first noun phrase of the clause, after an introductory phrase ending with a comma
        return self._clause_subject(s0, cue)

    def _clause_subject(self, s0: int, hi: int) -> tuple[int, int] | None:
        """First noun phrase of a clause, after introductory time phrases, adverbs and comma phrases."""
        tl, tx = self.tl, self.tx
        k = s0
        for _ in range(4):
            while k < hi and (tx[k] in (_OPEN_Q, _CLOSE_Q, "(", "—", ",") or tl[k] in ("but", "and", "so", "yet")):
                k += 1
            if k >= hi:
                return None
            t = tl[k]
            if t in _TIME_WORDS or t in _CAP_TIME or (t in ("this", "last", "next", "earlier", "later") and
                                                      k + 1 < hi and tl[k + 1] in _TIME_WORDS):
                k += 1
                while k < hi and (tl[k] in _TIME_WORDS or tx[k][0].isdigit()):
                    k += 1
                continue
            if t in _STOP_PREPS or t in _LINK_PREPS or (self.is_adverb(k) and tl[k] not in _DETS) or \
                    t in ("asked", "speaking", "according", "when", "while", "as", "after", "before", "if",
                          "although", "though", "since", "because", "despite") or \
                    (t.endswith(("ing", "ed")) and tx[k][0].isupper() and not self.np_word(k)) or \
                    (t.endswith("ing") and len(t) > 5 and tx[k][0].islower() and k > s0 and tl[k - 1] == ","):
                # an introductory phrase: skip to its comma
                j = k
                while j < hi and tl[j] != "," and j - k < 30:
                    j += 1
                if j >= hi or tl[j] != ",":
                    if t in _STOP_PREPS or t in _LINK_PREPS:
                        # 'On Monday the ministry said': skip the prepositional phrase without a comma
                        j = k + 1
                        while j < hi and (tl[j] in _DETS or tl[j] in _TIME_WORDS or tx[j][0].isdigit() or
                                          (tx[j] == "May")):
                            j += 1
                        if j == k + 1:
                            return None
                        k = j
                        continue
                    return None
                k = j + 1
                continue
            break
        sp = self.np_right(k, hi)
        if sp and sp[1] + 1 < hi and tl[sp[1]] == ",":
            # 'The then-manager of X, David Clay, said': prefer the name in apposition
            m = sp[1] + 1
            while m < hi and m - sp[1] <= 5 and self.is_cap(m) and self.np_word(m):
                m += 1
            if m > sp[1] + 1 and m < hi and tl[m] == "," and m - sp[1] - 1 >= 2:
                return (sp[1] + 1, m)
        return sp

    # ---------------------------------------------------------------- statements
    def add(self, kind: str, qs: int, qe: int, sp_tok: tuple[int, int] | None, cue: tuple[int, int] | None,
            quotes: list[int] | None = None, sp_chars: tuple[int, int] | None = None) -> None:
        if qe <= qs:
            return
        sp = sp_chars
        if sp is None and sp_tok is not None:
            sp = (self.ts[sp_tok[0]], self.te[sp_tok[1] - 1])
        if sp is not None and sp[1] - sp[0] <= 8 and \
                re.sub(r"[’'](ve|m|re|d|ll)$", "", self.tl[bisect_left(self.ts, sp[0])]) in _NARRATOR_PRONOUNS and \
                bisect_left(self.ts, sp[1]) - bisect_left(self.ts, sp[0]) <= 1:
            return
        self.stmts.append(_Stmt(kind, qs, qe, sp, cue, list(quotes or [])))

    def cue_span(self, i: int) -> tuple[int, int]:
        last = self.cue_info[i][2] if i in self.cue_info else i
        return (self.ts[i], self.te[last])


@functools.lru_cache(maxsize=1)
def _internal_attr_re() -> re.Pattern:
    """Attribution inside an unclosed quote: ', the lawyer said after the hearing.' at its end."""
    single, _ = _lexicon()
    verbs = "|".join(sorted((f for f in single if f.endswith(("ed", "s")) or f in _IRREGULAR_PAST or f == "said"),
                            key=len, reverse=True))
    return re.compile(
        r",\s+(?:(?:[A-Z][\w’'.\-]*\s+){0,5}(?:[A-Z][\w’'.\-]*)|he|she|they|(?:the|a|an)\s+[a-z]+(?:\s+[a-z]+)?)"
        r"\s+(?:also\s+|later\s+)?(?:" + verbs + r")\b[^\"“”.!?]{0,80}[.!?]?\s*$"
        r"|,\s+(?:said|says|added|told)\s+[^\"“”.!?]{1,80}[.!?]?\s*$"
    )


# ------------------------------------------------------------------------------------ the rule passes
def _is_quote_region_empty(doc: _Doc, a: int, b: int) -> bool:
    return all(not doc.tx[k][0].isalnum() for k in range(a, b))


def _trailing_attribution(doc: _Doc, c: int, hi: int):
    """Attribution right after a closing mark token c: returns (speaker tokens, cue token, end token) or None."""
    tl, tx = doc.tl, doc.tx
    k = c + 1
    qi = doc.q_by_close.get(c)
    strict = False
    if qi is not None and k < hi and tl[k] not in (",", "—", "–", "-", "("):
        content = doc.text[doc.quotes[qi].cs:doc.quotes[qi].ce].rstrip()
        if not content or content[-1] not in ",.!?…—–-:;":
            # '"El Chapo" Guzman ran ...' is a term; '"... panic" said X' (no comma) still needs a real cue
            if len(content.split()) < 4:
                return None
            strict = True
    while k < hi and tl[k] in (",", "—", "–", "-", "(") :
        k += 1
    if k >= hi or tx[k] == _OPEN_Q:
        return None
    # 'according to X'
    if tl[k] == "according" and k + 1 < hi and tl[k + 1] == "to":
        sp = doc.np_right(k + 2, hi)
        if sp:
            return sp, k, sp[1]
        return None
    # 'said X' / 'added the spokesman'
    if k in doc.cue_info and ("direct" in doc.cue_info[k][1] or tl[k] in _DIRECT_EXTRA) and \
            (tl[k].endswith(("ed", "s")) or tl[k] in _IRREGULAR_PAST or tl[k] == "said"):
        sp = doc.np_right(doc.cue_info[k][2] + 1, hi)
        if sp and not tl[sp[0]] in _TIME_WORDS and (sp[1] >= hi or tl[sp[1]] in (
                ",", ".", "!", "?", ";", ":", "(", "—", "–", _OPEN_Q) or tl[sp[1]] in _STOP_PREPS or
                tl[sp[1]] in ("in", "who")):
            return sp, k, sp[1]
        return None
    # 'X said' / 'X, a spokesman, told reporters' / 'he was quoted as saying'
    limit = min(hi, k + 18)
    j = k - 1
    while j + 1 < limit:
        j += 1
        if tx[j] in (_OPEN_Q, ".", "!", "?", ";"):
            break
        if tl[j] == "," and j > k and j + 1 < hi and tl[j + 1] in ("who", "which", "whose", "whom"):
            # '..., a witness, who asked not to be named, told AFP': a comma-enclosed relative clause after the
            # speaker holds no cue of the main clause; skip to its closing comma
            m = j + 2
            while m < hi and m - j <= 24 and tl[m] not in (",", ".", "!", "?", ";") and tx[m] != _OPEN_Q:
                m += 1
            if m < hi and tl[m] == ",":
                limit = min(hi, max(limit, m + 8))
                j = m
                continue
        is_cue = j in doc.cue_info and ("direct" in doc.cue_info[j][1] or tl[j] in _DIRECT_EXTRA)
        if not is_cue and tl[j] in _DIRECT_EXTRA:
            is_cue = True
        if not is_cue and j > k and (tl[j].endswith("ed") or tl[j] in _IRREGULAR_PAST) and tx[j][0].islower() \
                and j - k <= 8 and not strict:
            sp = doc.np_left(j, k)
            rest = j + 1
            while rest < hi and rest - j <= 6 and tl[rest] not in (".", "!", "?", ";", ",") and \
                    tx[rest] != _OPEN_Q and tl[rest] not in ("that",) and rest not in doc.cue_info:
                rest += 1
            if sp and sp[0] == k and (rest >= hi or tl[rest] in (".", "!", "?", ";", ",")):
                return sp, j, j + 1   # '"...," he laughed.' / '"...," the party informed the press.'
            continue
        if is_cue:
            if j in doc.cue_info and not doc.cue_ok(j) and not (tl[j] == "saying" and j - 1 >= k and
                                                                  tl[j - 1] == "as"):
                if doc.np_word(j):
                    continue  # a noun ('the report concluded')
                return None
            sp = doc.speaker_left(j, k)
            if sp and not _read_ok(doc, j, sp):
                return None
            if sp and (sp[0] == k or (0 <= sp[0] - k <= 8 and all(
                    doc.np_word(m) or tl[m] in _DETS or tl[m] in _LINK_PREPS or tl[m] == "to"
                    for m in range(k, sp[0])))):
                if _cue_has_own_content(doc, j, hi):
                    return None   # '"...", she shared that she was ...': the cue reports something else
                return sp, j, j + 1
            return None
    return None


def _cue_has_own_content(doc: _Doc, j: int, hi: int) -> bool:
    """After a trailing cue: 'that' or a new clause means the cue has its own content, not the quote."""
    tl = doc.tl
    lemma, frames, last = doc.cue_info.get(j, ("", frozenset(), j))
    k = last + 1
    if "obj-clause" in frames or "obj-to" in frames:
        obj = doc.np_right(k, hi)
        if obj:
            k = obj[1]
    k = doc.skip_adjuncts(k, hi)
    if k >= hi:
        return False
    return tl[k] == "that" or (tl[k] not in (",", ".", ";", ":", "!", "?") and doc.has_clause(k, hi) and
                               doc.tx[k][0].isalpha() and tl[k] in _SUBJ_PRONOUNS | _DETS)


_INVERTING_CUES = {"said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "argued", "warned",
                   "insisted", "continued", "asked", "asks", "replied", "recalled", "concluded", "stated", "reported",
                   "observed", "remarked", "told", "tells", "declared", "announced", "claimed", "cautioned",
                   "predicted", "acknowledged", "admitted", "conceded", "countered", "complained", "suggested"}
_DOC_NOUNS = _COMM_NOUNS | {"decree", "sign", "signs", "banner", "banners", "placard", "placards", "text", "caption",
                           "headline", "inscription", "order", "notice", "slogan", "card", "poster", "posters",
                           "message", "plaque", "label", "verdict", "citation", "resolution", "declaration"}


def _read_ok(doc: _Doc, cue: int, sp: tuple[int, int]) -> bool:
    """'read' is a cue only for documents ('the statement read: ...'), not for readers."""
    if cue in doc.cue_info and doc.cue_info[cue][0] == "read":
        return doc.tl[sp[1] - 1] in _DOC_NOUNS
    return True


def _leading_attribution(doc: _Doc, o: int, lo: int):
    """Attribution right before an opening mark token o: (speaker tokens, cue token or None) or None."""
    tl, tx = doc.tl, doc.tx
    k = o - 1
    colon = False
    while k >= lo and tl[k] in (",", ":", "—", "–", "-", "("):
        colon = colon or tl[k] in (":", "—", "–")
        k -= 1
    if k < lo:
        return None
    if tl[k] == "that":
        return None  # 'said that "..."': reported speech with a quoted fragment (mixed)
    # find the nearest cue at or before k with only adjuncts / an addressee between it and the quote
    j = k
    steps = 0
    while j >= lo and steps < 12:
        if tx[j] in (_CLOSE_Q, _OPEN_Q, ".", ";"):
            break
        if j in doc.cue_info and (doc.cue_ok(j) or tl[j] in ("saying", "adding", "writing", "telling", "asking")) \
                and ("direct" in doc.cue_info[j][1] or doc.cue_info[j][0] == "according to"):
            lemma, frames, last = doc.cue_info[j]
            if lemma == "according to":
                sp = doc.np_right(last + 1, k + 1)
                if sp and sp[1] >= k:
                    return sp, j
                break
            between_ok = _only_adjuncts(doc, last + 1, k + 1, frames)
            if between_ok:
                sp = doc.speaker_left(j, lo)
                if sp and not _read_ok(doc, j, sp):
                    return None
                if sp is None and j + 1 <= k:
                    sp2 = doc.np_right(last + 1, k + 1)   # 'said X: "..."' (inverted)
                    if sp2 and sp2[1] == k + 1 and "obj-clause" not in frames:
                        sp = sp2
                return (sp, j) if sp else None
            break
        j -= 1
        steps += 1
    if colon:
        # 'X told the magazine the results suggest ...: "..."' : the speaker of the sentence's cue, else
        # 'the president was brief: "..."' : the subject of the clause before the colon
        sp = None
        for j in range(lo, k + 1):
            if j in doc.cue_info and doc.cue_ok(j) and doc.cue_info[j][0] != "according to" and \
                    ("direct" in doc.cue_info[j][1]):
                sp = doc.speaker_left(j, lo)
                if sp:
                    return sp, j
                break
        sp = doc._clause_subject(lo, k + 1)
        if sp and (doc.is_cap(sp[0]) or tl[sp[0]] in _DETS or tl[sp[0]] in _SUBJ_PRONOUNS):
            return sp, None
    return None


def _only_adjuncts(doc: _Doc, a: int, b: int, frames) -> bool:
    """Tokens a..b between a cue and a quote hold only an addressee, adjuncts and punctuation."""
    if a >= b:
        return True
    k = a
    tl, tx = doc.tl, doc.tx
    if "obj-clause" in frames or "obj-to" in frames or "obj-wh" in frames:
        sp = doc.np_right(k, b)
        if sp:
            k = sp[1]
    if tl[k:k + 1] == ["out"]:
        k += 1
    if tl[k:k + 1] == [","] and b < len(tl) and tl[b] in (",", ":") and b - k <= 16 and all(
            tl[m] not in _AUX and tl[m] not in _SUBJ_PRONOUNS and tl[m] != "that" and
            tx[m] not in (_OPEN_Q, _CLOSE_Q, ".", ";", "!", "?") for m in range(k + 1, b)):
        return True   # a parenthetical between commas: 'said, in remarks published by CNN in February, "..."'
    k = doc.skip_adjuncts(k, b)
    while k < b and tl[k] in (",", ":", "—", "–", "-", "(", "of"):
        if tl[k] == "of":
            sp = doc.np_right(k + 1, b)
            if not sp:
                return False
            k = sp[1]
            continue
        k += 1
    return k >= b


def _quote_pass(doc: _Doc) -> None:
    """Attribute every paired quote (direct statements), merging interrupted and multi-paragraph quotes."""
    tl, tx = doc.tl, doc.tx
    order = sorted(range(len(doc.quotes)), key=lambda q: doc.quotes[q].cs)
    last_sp: tuple[int, int] | None = None
    last_stmt_end_tok = -1
    last_direct = None   # (closing-mark token, statement) of the last attributed direct quote
    pending_merge: _Stmt | None = None
    for qi in order:
        q = doc.quotes[qi]
        o = doc.tok_at(q.open_start)
        if o is None:
            continue
        c = doc.tok_at(q.ce) if q.closed else None
        s0, s1 = doc.sent_bounds(o)
        if c is not None:
            e0, e1 = doc.sent_bounds(c)
        else:
            e0, e1 = s0, s1
            lastk = bisect_left(doc.ts, q.ce) - 1
            if lastk >= 0:
                e0, e1 = doc.sent_bounds(lastk)
        # merge an interrupted quote: '"A," he said, "B."'
        if pending_merge is not None:
            st = pending_merge
            pending_merge = None
            if c is not None or not q.closed:
                st.qe = q.ce
                st.quotes.append(qi)
                q.used = "direct"
                last_stmt_end_tok = c if c is not None else e1
                if c is not None:
                    nxt = _after_trailing(doc, c, e1)
                    if nxt is not None:
                        pending_merge = st
                continue
        sp = None
        cue = None
        attr_end = None
        kind_ok = True
        n_q_words = len(doc.text[q.cs:q.ce].split())
        closes_clause = c is None or c + 1 >= e1 or not (tx[c + 1][0].isalpha() and tx[c + 1][0].islower()) or \
            c + 1 in doc.cue_info or (tl[c + 1] not in _AUX and n_q_words > 2)
        if c is None and q.cut:
            cc = bisect_left(doc.ts, q.ce) - 1
            e0, e1 = doc.sent_bounds(max(cc, 0))
            tr = _trailing_attribution(doc, cc, e1)
            if tr:
                sp, cue, attr_end = tr
        if c is not None:
            tr = _trailing_attribution(doc, c, e1)
            if tr:
                sp, cue, attr_end = tr
        if sp is None and closes_clause:
            # (a quote followed by more of its sentence is a term used in it: 'named it "COVID-19" is to ...')
            le = _leading_attribution(doc, o, s0)
            if le:
                sp, cue = le
        if sp is None and last_direct is not None and last_direct[0] < o and \
                doc.sent_of(last_direct[0]) == doc.sent_of(o) and \
                all(tl[m] in (",", "and", "or", "but", "then", "also", "adding", ";")
                    for m in range(last_direct[0] + 1, o)):
            # 'as saying "A" and "B."': a quote coordinated with the previous one has its speaker
            prev_st = last_direct[1]
            doc.add("direct", q.cs, q.ce, None, prev_st.cue, [qi], sp_chars=prev_st.sp)
            q.used = "direct"
            last_direct = (c, prev_st) if c is not None else None
            last_stmt_end_tok = c if c is not None else e1
            continue
        if sp is None and o > s0 and not _is_quote_region_empty(doc, s0, o):
            # an embedded fragment: left for the indirect pass (mixed) or framing
            kind_ok = False
        if sp is None and kind_ok:
            # a quote opening its sentence: colon / content-less cue in the previous sentence, or floating
            prev = _prev_sentence_attr(doc, o)
            if prev:
                sp, cue = prev
            elif last_sp is not None and _no_narrative_between(doc, last_stmt_end_tok, o):
                n_words = sum(1 for k in range(o, (c if c is not None else e1)) if tx[k][0].isalnum())
                if n_words >= 1 and _whole_sentence_quote(doc, o, c, e1):
                    doc.add("direct", q.cs, q.ce, None, None, [qi], sp_chars=last_sp)
                    q.used = "direct"
                    last_stmt_end_tok = c if c is not None else e1
                    continue
        if sp is None:
            continue
        cue_span = doc.cue_span(cue) if cue is not None else None
        doc.add("direct", q.cs, q.ce, sp, cue_span, [qi])
        if not doc.stmts or doc.stmts[-1].quotes != [qi]:
            continue
        q.used = "direct"
        if cue is not None:
            doc.used_cues.add(cue)
        last_sp = doc.stmts[-1].sp
        last_direct = (c, doc.stmts[-1]) if c is not None else None
        last_stmt_end_tok = attr_end if attr_end is not None else (c if c is not None else e1)
        if c is not None and attr_end is not None and not _participle_before(doc, o, s0):
            # ('Saying "A", X elaborated, "B"': the first quote has its own cue; "B" is a second statement)
            nxt = _after_trailing(doc, attr_end, e1)
            if nxt is not None:
                pending_merge = doc.stmts[-1]
        if attr_end is not None:
            # the rest of the attribution sentence (appositions, adjuncts) is not narrative
            last_stmt_end_tok = max(last_stmt_end_tok, attr_end)
            j = attr_end
            while j < e1 and tx[j] != _OPEN_Q:
                j += 1
            last_stmt_end_tok = j - 1


def _participle_before(doc: _Doc, o: int, s0: int) -> bool:
    """Does a participle cue introduce the quote opening at token o ('Saying "...', 'adding: "...')?"""
    k = o - 1
    if k >= s0 and doc.tl[k] in (",", ":"):
        k -= 1
    return k >= s0 and doc.tl[k].endswith("ing") and (
        (k in doc.cue_info and doc.cue_info[k][2] == k) or (k == s0 and doc.tl[k] in _lexicon()[0]))


def _after_trailing(doc: _Doc, k: int, hi: int) -> int | None:
    """After an attribution ending at token k: ', "' continuing the same sentence -> index of the opener."""
    tl, tx = doc.tl, doc.tx
    j = k
    while j < hi and not tx[j] in (",", _OPEN_Q, ".", ";", ":") and j - k < 8:
        j += 1
    if j < hi and tx[j] == "," and j + 1 < hi and tx[j + 1] == _OPEN_Q:
        return j + 1
    return None


def _whole_sentence_quote(doc: _Doc, o: int, c: int | None, e1: int) -> bool:
    """The quote is (the start of) its own sentence: nothing but punctuation before it in the sentence."""
    s0, _ = doc.sent_bounds(o)
    while s0 < o and doc.tl[s0] in ("but", "and", "still", "yet", "so", "or"):
        s0 += 1
    if not _is_quote_region_empty(doc, s0, o):
        return False
    if c is None:
        return True
    # nothing narrative after it either (an unparsed attribution must not become a floating quote)
    depth = 0
    for k in range(c + 1, e1):
        t = doc.tx[k]
        if t == _OPEN_Q:
            depth += 1
        elif t == _CLOSE_Q:
            depth -= 1
        elif depth <= 0 and t[0].isalnum():
            return False
    return True


def _no_narrative_between(doc: _Doc, a: int, b: int) -> bool:
    """No narrative words between token a and token b (only quote marks, masked text, punctuation)."""
    if a < 0:
        return False
    for k in range(a + 1, b):
        t = doc.tx[k]
        if t[0].isalnum() and not (t == "x" * len(t)):
            return False
    return True


def _prev_sentence_attr(doc: _Doc, o: int):
    """Previous sentence ending with a colon, or a cue with no content ('X said in a statement.')."""
    si = doc.sent_of(o)
    s0, _ = doc.sents[si]
    if not _is_quote_region_empty(doc, s0, o) or si == 0:
        return None
    p0, p1 = doc.sents[si - 1]
    # same paragraph or the one just before
    if doc.para_of(doc.ts[p0]) < doc.para_of(doc.ts[o]) - 1:
        return None
    tl, tx = doc.tl, doc.tx
    last = p1 - 1
    while last >= p0 and tx[last] in (")",):
        last -= 1
    if last < p0:
        return None
    ends_colon = tl[last] == ":"
    if _OPEN_Q in tx[p0:p1]:
        return None
    cues = [k for k in range(p0, p1) if k in doc.cue_info and doc.cue_ok(k)]
    if cues:
        j = cues[-1]
        lemma, frames, lastk = doc.cue_info[j]
        if ends_colon or _only_adjuncts(doc, lastk + 1, last, frames):
            sp = doc.speaker_left(j, p0)
            if sp:
                return sp, j
        return None
    if ends_colon:
        sp = doc._clause_subject(p0, last)
        if sp:
            return sp, None
    return None


def _content_after(doc: _Doc, i: int, hi: int) -> tuple[int, int] | None:
    """Reported content after cue token i (frames from the lexicon), as token span, or None."""
    tl, tx = doc.tl, doc.tx
    lemma, frames, last = doc.cue_info[i]
    k = last + 1
    if k >= hi:
        return None
    if lemma == "point out" and tl[k:k + 1] == ["out"]:
        k += 1
    nxt = tl[k]
    # ask/call/appeal for NP
    if "for-np" in frames and nxt == "for":
        a = k + 1
        if a < hi and (doc.np_word(a) or tl[a] in _DETS):
            return a, doc.clause_end(a, hi, np_only=True)
        return None
    if "obj-to" in frames and nxt in ("on", "upon") and lemma in ("call",):
        k += 1
        nxt = tl[k] if k < hi else ""
    if "obj-to" in frames and nxt == "to" and lemma == "appeal":
        k += 1
        nxt = tl[k] if k < hi else ""
    if "wh" in frames and nxt in _WH_WORDS:
        return k, doc.clause_end(k, hi)
    if "that" in frames:
        # 'the court ruled that ...', 'investigators determined that ...': only an explicit that-clause is
        # reported content ('ruled the country', 'determined the cause' are not)
        c0 = doc.skip_adjuncts(k, hi)
        if c0 + 1 < hi and tl[c0] == "that" and (tx[c0 + 1][0].isalnum() or tx[c0 + 1] == _OPEN_Q) and \
                tl[c0 + 1] not in _AUX and tl[c0 + 1] not in _NEG:
            return c0 + 1, doc.clause_end(c0 + 1, hi)
        if frames <= {"that", "direct"}:
            return None
    if "noun-that" in frames:
        # 'expressed concern that ...', 'voiced hope that ...': an attitude noun, then a that-clause
        obj = doc.np_right(k, hi)
        if obj and obj[1] + 1 < hi and tl[obj[1]] == "that" and tl[obj[1] - 1] in _ATTITUDE_NOUNS and \
                tx[obj[1] + 1][0].isalnum() and tl[obj[1] + 1] not in _AUX:
            return obj[1] + 1, doc.clause_end(obj[1] + 1, hi)
        return None
    # object frames
    if frames & {"obj-of", "obj-to", "obj-clause", "obj-wh", "as", "obj-quote", "obj-for"}:
        obj = doc.np_right(k, hi)
        if obj and frames & {"obj-of", "obj-for", "as"}:
            # the object phrase may have swallowed 'of' / 'for' / 'as': cut it there
            for m in range(obj[0] + 1, obj[1]):
                if (tl[m] == "of" and "obj-of" in frames) or (tl[m] == "for" and "obj-for" in frames):
                    obj = (obj[0], m)
                    break
        if obj:
            a, b = obj
            if b < hi:
                nb = tl[b]
                if "obj-of" in frames and nb == "of":
                    return a, doc.clause_end(b, hi)
                if "obj-for" in frames and nb == "for":
                    return a, doc.clause_end(b, hi)
                if "as" in frames and nb == "as":
                    return a, doc.clause_end(b, hi)
                if "as" in frames and nb in ("in", "on", "at", "during", "last", "earlier", "recently", ","):
                    c0 = doc.skip_adjuncts(b, hi)   # 'described X in March as ...'
                    if c0 < hi and tl[c0] == "as" and c0 - b <= 8:
                        return a, doc.clause_end(c0, hi)
                if "obj-to" in frames and nb == "not" and b + 2 < hi and tl[b + 1] == "to":
                    nb = "to"   # 'urged its shareholders not to tender'
                    b += 1
                if "obj-to" in frames and nb == "to" and b + 1 < hi and (tx[b + 1][0].islower() or
                                                                         tx[b + 1] == _OPEN_Q) and \
                        tl[b + 1] not in _DETS and tl[b + 1] not in _OBJ_PRONOUNS:
                    return a, doc.clause_end(b, hi)
                if "obj-quote" in frames and tl[b] in ("a", "an", "the") and b + 1 < hi and tx[b + 1] == _OPEN_Q:
                    b += 1   # 'calling it a "difficult and painful decision"'
                if "obj-quote" in frames and tx[b] == _OPEN_Q:
                    qi = doc.q_by_open.get(b)
                    if qi is not None and len(doc.text[doc.quotes[qi].cs:doc.quotes[qi].ce].split()) >= 4:
                        return a, doc.clause_end(b, hi)   # 'called the move a "smash and grab on ..."'
                    return None
                if "obj-wh" in frames and nb in _WH_WORDS:
                    return b, doc.clause_end(b, hi)
                if "obj-clause" in frames and (lemma != "promise" or tl[a] in _OBJ_PRONOUNS or nb == "that"):
                    c0 = doc.skip_adjuncts(b, hi)
                    if _participle_content(doc, c0, hi):
                        return None   # 'told state media, adding that ...': the participle carries the content
                    if c0 < hi and tl[c0] == "that":
                        return c0 + 1, doc.clause_end(c0 + 1, hi)
                    if c0 < hi and doc.has_clause(c0, hi):
                        return c0, doc.clause_end(c0, hi)
                    if "clause" not in frames:
                        return None
            elif "obj-clause" in frames and "clause" not in frames:
                return None
    if "clause" in frames:
        c0 = doc.skip_adjuncts(k, hi)
        if _participle_content(doc, c0, hi):
            return None   # 'said on Monday, adding that ...': the participle carries the content
        if c0 < hi and tl[c0] != "that" and (tl[c0] in _STOP_PREPS | _LINK_PREPS | {",", "when", "while", "as"} or
                                            (tl[c0].endswith("ing") and c0 in doc.cue_info)):
            # a long adjunct before 'that': 'said in a filing to the U.S. Securities and Exchange Commission that',
            # 'said when announcing the deregulation in November 1985 that'
            m = c0
            while m < hi and m - c0 < 18 and tl[m] != "that" and tl[m] not in _AUX and \
                    not (m in doc.cue_info and not tl[m].endswith("ing")) and \
                    tx[m] not in (_OPEN_Q, ".", ";", ":") and tl[m] not in _SUBJ_PRONOUNS:
                m += 1
            if m < hi and tl[m] == "that":
                c0 = m
        if c0 < hi and tl[c0] == "that" and c0 - 1 > last and tl[c0 - 1] in _COMPLEMENT_NOUNS and not (
                tl[c0 - 1] in ("evidence", "proof") and "without" in tl[max(last + 1, c0 - 5):c0 - 1]):
            # (but 'claimed without (offering any) evidence that ...': the clause is the claim's)
            return None   # 'commented on earlier disclosures that ...': the clause belongs to the noun
        if c0 < hi and tl[c0] == "that" and not (c0 + 1 < hi and (tl[c0 + 1] in _AUX or tl[c0 + 1] in _NEG)):
            c1 = c0 + 1
            if c1 < hi and tl[c1] == ",":
                c1 += 1   # 'said that, after the first Olympiad, a community ...' 
            if c1 < hi and tx[c1][0].isalnum() or (c1 < hi and tx[c1] == _OPEN_Q):
                return c1, doc.clause_end(c1, hi)
            return None
        if c0 < hi and tx[c0] == _OPEN_Q:
            return None  # direct quote after the cue: the quote pass decides
        if c0 < hi and c0 in doc.cue_info and tl[c0].endswith("ing"):
            return None  # 'agreed, saying ...': the participle carries the content
        if c0 < hi and doc.has_clause(c0, hi) and tl[c0] not in _NO_CONTENT_START:
            if lemma in _STRICT_CLAUSE and not _strong_clause(doc, c0, hi):
                return None
            return c0, doc.clause_end(c0, hi)
        if lemma == "say" and c0 < hi and _say_content(doc, c0, hi) and doc.speaker_left(i, doc.sent_start_tok(i)):
            # 'said the damages consist of ...': after 'say' a plain noun phrase start is a clause
            return c0, doc.clause_end(c0, hi)
    if "to-inf" in frames and nxt == "to" and k + 1 < hi and tx[k + 1][0].islower() and \
            tl[k + 1] not in _DETS and tl[k + 1] not in _OBJ_PRONOUNS and not tl[k + 1][0].isdigit():
        return k, doc.clause_end(k, hi)
    if "np" in frames:
        if tl[k] in _DETS or tl[k] in ("any", "the", "reports", "allegations", "claims", "rumours", "rumors",
                                       "wrongdoing", "involvement", "responsibility") or \
                (tl[k].endswith("ing") and tl[k] not in ("nothing", "something", "anything", "everything")):
            if tl[k] in ("nothing", "something"):
                return None
            return k, doc.clause_end(k, hi, np_only=True)
    return None


def _participle_content(doc: _Doc, c: int, hi: int) -> bool:
    """Is token c a participle cue after a comma or dash (', adding that ...', ', saying ...')?"""
    return c < hi and c - 1 >= 0 and doc.tl[c - 1] in (",", "—", "–") and c in doc.cue_info and \
        doc.tl[c].endswith("ing") and doc.cue_info[c][0] != "according to" and doc.cue_ok(c)


_NO_CONTENT_START = {"to", "which", "who", "whom", "whose", "than", "and", "but", "or", "so", "because",
                     "since", "although", "though", "nor", "like", "unlike", "with", "without"}
_COMPLEMENT_NOUNS = {"disclosures", "disclosure", "reports", "report", "claims", "claim", "allegations", "allegation",
                     "suggestions", "suggestion", "fears", "fear", "news", "evidence", "fact", "idea", "assurances",
                     "assurance", "warnings", "warning", "concerns", "concern", "speculation", "rumours", "rumors",
                     "hopes", "hope", "belief", "view", "impression", "statements", "announcement", "indications",
                     "signs", "proof", "notion", "theory", "assertion", "assertions", "charges", "accusations"}
_STRICT_CLAUSE = {"report", "estimate", "announce", "disclose", "confirm", "reveal", "indicate", "recall",
                  "mention", "maintain", "write", "recommend", "propose", "find"}
_ATTITUDE_NOUNS = {"concern", "concerns", "hope", "hopes", "confidence", "fear", "fears", "belief", "doubt", "doubts",
                   "optimism", "worry", "worries", "regret", "surprise", "frustration", "disappointment", "view",
                   "opinion", "anger", "relief", "satisfaction", "skepticism", "scepticism", "alarm", "dismay",
                   "certainty", "conviction", "wish", "desire", "outrage", "sadness", "gratitude"}


def _strong_clause(doc: _Doc, k: int, hi: int) -> bool:
    """A clause without 'that' after a verb that also takes plain objects: an auxiliary, a modal or a
    pronoun subject early on ('reported it was ...'), not just a participle ('net income ended')."""
    tl, tx = doc.tl, doc.tx
    if tl[k] in _SUBJ_PRONOUNS or tl[k] in _PRON_S or tl[k].endswith(_CONTRACTION_AUX):
        return True
    if tl[k] in ("around", "about", "nearly", "almost", "roughly", "approximately", "some") and k + 1 < hi and \
            tx[k + 1][0].isdigit():
        k += 1
    j = k + 1
    budget = 24
    seen_prep = False
    while j < hi and budget > 0:
        budget -= 1
        u = tl[j]
        if (u in _AUX or u.endswith(_CONTRACTION_AUX) or u in _IRREGULAR_PAST or j in doc.cue_info) and \
                tl[j - 1] != "to":
            return True
        if u.endswith("ed") and not tx[j][0].isupper() and tl[j - 1] not in _DETS and not seen_prep:
            return True   # ('net earnings in its first quarter ended ...' is a participle, not a verb)
        if u in ("of", "in", "for", "at", "from", "with", "between", "by", "on", "over", "against"):
            seen_prep = True
            j += 1
            continue
        if u == "," and j + 1 < hi and tl[j + 1] in ("who", "which"):
            # skip a relative clause: 'Leonov, who died in Moscow, will be ...'
            m = j + 1
            while m < hi and tl[m] not in (",", ";", "."):
                m += 1
            j = m + 1
            if j < hi and tl[j] == "and":
                j += 1   # '..., who had bought it, and his wife applied'
            continue
        if u in (",", ";", ".", ":", "to") or tx[j] == _OPEN_Q:
            return False
        j += 1
    return False


_SAY_NP_OBJECTS = {"nothing", "something", "anything", "everything", "goodbye", "hello", "yes", "no", "so", "grace",
                   "sorry", "thanks", "thank", "little", "much", "more", "less", "otherwise", "hi", "a", "an",
                   "prayers", "prayer", "mass", "what", "it", "them", "him", "her",
                   "too", "much", "such", "enough", "very", "all", "both", "only", "even", "just", "not", "never"}


def _say_content(doc: _Doc, k: int, hi: int) -> bool:
    """After 'say' without 'that': a content of at least four words opening with a subject-like word."""
    tl, tx = doc.tl, doc.tx
    t = tl[k]
    if t in _SAY_NP_OBJECTS or t in _NO_CONTENT_START or t in _STOP_PREPS or t in _LINK_PREPS or \
            t in _TIME_WORDS or doc.is_adverb(k) or not tx[k][0].isalnum() or k in doc.cue_info:
        return False
    if not (t in _DETS or doc.np_word(k) or tx[k][0].isdigit()):
        return False
    words = 0
    for j in range(k, min(hi, k + 8)):
        if tl[j] in (".", ";", "!", "?", ":") or tx[j] == _OPEN_Q:
            break
        if tx[j][0].isalnum():
            words += 1
    return words >= 4


def _trim_content(doc: _Doc, a: int, b: int) -> tuple[int, int] | None:
    """Character span of tokens a..b without edge punctuation (a closing quote mark is kept)."""
    tl, tx = doc.tl, doc.tx
    while a < b and (tl[a] in (",", ":", "—", "–", "-") or (tl[a] == "that" and not (
            a + 1 < b and (tl[a + 1] in _AUX or tl[a + 1] in _NEG)))):
        a += 1
    while b > a and (tx[b - 1] in _EDGE_PUNCT or tx[b - 1] in (")", "!", "?")):
        b -= 1
    if b <= a:
        return None
    words = sum(1 for k in range(a, b) if tx[k][0].isalnum())
    if words < 1:
        return None
    return doc.ts[a], doc.te[b - 1]


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
             not (p - 1 in doc.cue_info)) or (prev == "called" and p - 1 >= 0 and tl[p - 1] in ("is", "was",
                                                                                                  "are", "were")):
        return "label"
    if prev in ("word", "term", "phrase", "slogan", "hashtag", "motto", "words", "terms"):
        return "term"
    long_quote = len(words) >= 4
    for back in range(2, 6):
        b = o - back
        if b >= 0 and tl[b] in ("call", "calls", "called", "calling") and long_quote:
            continue
        if b >= 0 and tl[b] in ("call", "calls", "called", "calling", "dubbed", "dub", "dubs", "labelled",
                                "labeled", "branded", "named", "nicknamed", "termed") and \
                all(doc.np_word(m) or tl[m] in _DETS or tl[m] in _OBJ_PRONOUNS for m in range(b + 1, o)):
            return "label"
    c = doc.tok_at(q.ce) if q.closed else None
    nxt_cap = c is not None and c + 1 < doc.n and doc.is_cap(c + 1) and doc.ts[c + 1] == q.close_end + 1 and \
        tx[c + 1][0].isalpha()
    if 1 <= len(words) <= 3 and all(w[0].isupper() for w in words if w[0].isalpha()) and p >= 0 and \
            doc.is_cap(p) and nxt_cap:
        return "nickname"
    if words and all(w[0].isupper() or w.lower() in ("of", "the", "a", "an", "and", "in", "on", "with", "for", "to",
                                                      "at", "&", "de", "from", "by")
                     for w in words if w[0].isalpha()) and words[0][0].isupper() and \
            (prev in _TITLE_CUES or (p >= 1 and tl[p] == "," and tl[p - 1] in _TITLE_CUES) or
             (prev in ("on", "in", "of", "from", ",", "the") and not content.endswith((".", "?", "!")))):
        if content[-1:] not in (".",) or prev in _TITLE_CUES:
            return "title"
    return None


def _indirect_pass(doc: _Doc) -> None:
    """Indirect and mixed statements from cues (and 'according to')."""
    tl, tx = doc.tl, doc.tx
    for i in sorted(doc.cue_info):
        if i in doc.used_cues:
            continue
        lemma, frames, last = doc.cue_info[i]
        if not doc.cue_ok(i):
            continue
        s0, s1 = doc.sent_bounds(i)
        if lemma == "according to":
            _according_to(doc, i, s0, s1)
            continue
        if frames == frozenset({"direct"}):
            continue
        sp = doc.speaker_left(i, s0)
        content = _object_relative(doc, i, sp, s1) if sp is not None else None
        if content is None and sp is not None:
            content = _parenthetical(doc, i, sp, s0, s1)
        if content is None:
            content = _content_after(doc, i, s1)
        if content is None:
            # 'CONTENT, X said.' / 'CONTENT, said X.' / 'CONTENT, X said, CONTENT.'
            content, sp2 = _content_before(doc, i, s0, s1, sp)
            if content is None:
                continue
            sp = sp2
        if sp is None:
            continue
        span = _trim_content(doc, *content)
        if span is None:
            continue
        qs = _quotes_in(doc, span[0], span[1])
        if qs and all(doc.quotes[q].used == "direct" for q in qs) and \
                _covers_only_quotes(doc, span, qs):
            continue
        _finish_indirect(doc, span, sp, doc.cue_span(i), qs)
        doc.used_cues.add(i)


def _covers_only_quotes(doc: _Doc, span, qs) -> bool:
    text_out = doc.sk[span[0]:span[1]]
    for q in qs:
        qq = doc.quotes[q]
        a, b = qq.open_start - span[0], qq.close_end - span[0]
        text_out = text_out[:max(a, 0)] + " " * (b - max(a, 0)) + text_out[b:]
    return not re.search(r"[A-Za-z0-9]", text_out)


def _finish_indirect(doc: _Doc, span, sp, cue_span, qs) -> None:
    speech = [q for q in qs if doc.quotes[q].used != "direct" and _framing_reason(doc, q) is None]
    kind = "mixed" if speech else "indirect"
    # a content may end right after a closing quote mark: keep the mark
    s, e = span
    for q in qs:
        qq = doc.quotes[q]
        if qq.closed and qq.ce <= e < qq.close_end:
            e = qq.close_end
    if e < len(doc.text) and doc.sk[e:e + 1] == _CLOSE_Q and any(doc.quotes[q].ce == e for q in qs):
        e += 1
    doc.add(kind, s, e, sp, cue_span, qs)
    if kind == "mixed" and doc.stmts and doc.stmts[-1].qs == s:
        for q in speech:
            doc.quotes[q].used = "mixed"


def _object_relative(doc: _Doc, i: int, sp: tuple[int, int], s1: int) -> tuple[int, int] | None:
    """'..., which NASA said might take place this summer': the relative pronoun is the reported clause's
    subject, so the content is the verb phrase after the cue."""
    tl, tx = doc.tl, doc.tx
    if sp[0] - 1 < 0 or tl[sp[0] - 1] not in ("which", "that", "whom"):
        return None
    k = doc.cue_info[i][2] + 1
    if k >= s1:
        return None
    u = tl[k]
    if u == "as" and "as" in doc.cue_info[i][1] and k + 1 < s1:
        # '..., which X has described as a sector where ...' (a one- or two-word label is not a statement)
        end = doc.clause_end(k + 1, s1)
        return (k + 1, end) if sum(1 for m in range(k + 1, end) if tx[m][0].isalnum()) >= 3 else None
    verbish = (u in _AUX or u in _IRREGULAR_PAST or (u.endswith("ed") and tx[k][0].islower()) or
               u in _PRESENT_VERBS) and u not in ("been", "being")
    if not verbish:
        return None
    end = doc.clause_end(k, s1)
    if sp[0] - 2 >= 0 and tl[sp[0] - 2] == ",":
        # 'The fires, which officials said were under control, burned for hours': the relative clause ends
        # at the comma before the main clause's verb
        for m in range(k + 1, end - 1):
            if tl[m] == ",":
                v = tl[m + 1]
                if v in _AUX or v in _IRREGULAR_PAST or v in _PRESENT_VERBS or \
                        (v.endswith("ed") and tx[m + 1][0].islower() and len(v) > 3):
                    end = m
                break
    return k, end


#: A parenthetical attribution is short: at most this many tokens between its cue and its closing comma
#: ('officials said on Monday,' has 2).
_PARENTHETICAL_MAX_ADJUNCT = 6


def _parenthetical(doc: _Doc, i: int, sp: tuple[int, int], s0: int, s1: int) -> tuple[int, int] | None:
    """'Around 50 gallons of fuel, officials said, spilled and ignited.': an attribution between commas inside
    the reported sentence. The content is the whole sentence (spans are contiguous, so it includes the
    attribution), whatever the side of the attribution its verb falls on."""
    tl, tx = doc.tl, doc.tx
    lemma, frames, last = doc.cue_info[i]
    if not ("clause" in frames or "direct" in frames):
        return None
    p = sp[0] - 1
    if p <= s0 or tl[p] not in (",", "—", "–") or _is_quote_region_empty(doc, s0, p):
        return None
    after = doc.skip_adjuncts(last + 1, s1)
    if "obj-clause" in frames or "obj-to" in frames:
        obj = doc.np_right(after, s1)   # 'The talks, he told reporters, were productive.'
        if obj:
            after = doc.skip_adjuncts(obj[1], s1)
    # skip_adjuncts passes commas: the attribution must close with the same punctuation as it opened with
    close = after - 1
    if not (last < close < s1 and tl[close] == tl[p]) or after >= s1:
        return None
    if close - last > _PARENTHETICAL_MAX_ADJUNCT:
        return None   # 'In this context, the president asked for help from [a long phrase], the CSTO, ...'
    nxt = tl[after]
    if nxt in ("that", "citing", "who", "which", "according", "while", "whereas", "and", "but") or \
            tx[after] == _OPEN_Q or not tx[after][0].isalnum() or (after in doc.cue_info and doc.cue_ok(after)):
        return None   # a new quote, a participle or a clause of its own follows: not a parenthetical
    # the rest must hold a verb ('..., officials said, spilled and ignited') or the part before must lack one
    # ('The economy, the minister said, will grow'), so 'X was found dead, police reported Friday, local time'
    # (a trailing attribution followed by an adjunct) is not read as a parenthetical
    if not (_has_verb(doc, after, s1) or not _has_verb(doc, s0, p)):
        return None
    return s0, s1


def _has_verb(doc: _Doc, a: int, b: int) -> bool:
    """A finite-verb marker among tokens a..b: auxiliary, modal, known past or present form, lowercase -ed."""
    tl, tx = doc.tl, doc.tx
    for m in range(a, b):
        u = tl[m]
        if u in _AUX or u in _IRREGULAR_PAST or u in _PRESENT_VERBS or u.endswith(_CONTRACTION_AUX) or \
                (u.endswith("ed") and len(u) > 3 and tx[m][0].islower() and not (m > a and tl[m - 1] in _DETS)):
            return True
    return False


def _content_before(doc: _Doc, i: int, s0: int, s1: int, sp):
    """'CONTENT, X said [adjuncts].' -> (content tokens, speaker) or (None, None)."""
    tl, tx = doc.tl, doc.tx
    lemma, frames, last = doc.cue_info[i]
    if not ("clause" in frames or "direct" in frames):
        return None, None
    if i - 1 >= s0 and tl[i - 1] in ("and", "or", "but"):
        return None, None   # 'Fars reported X and demanded ...': a coordinated cue has no content before it
    after = doc.skip_adjuncts(last + 1, s1)
    inverted = None
    if sp is None:
        # 'CONTENT, said X.'
        if i - 1 >= s0 and tl[i - 1] in (",", "—", "–") and tl[i] in _INVERTING_CUES:
            inverted = doc.np_right(last + 1, s1)
            if inverted is None:
                return None, None
            after = inverted[1]
            # skip an apposition after the inverted speaker: 'said X, an economist at Y.'
            if after < s1 and (tl[after] == "," or tl[after] in ("who", "which")):
                j = after + 1
                while j < s1 and tl[j] not in (".", "!", "?", ";") and tx[j] not in (_OPEN_Q,):
                    j += 1
                after = j
            sp = inverted
        else:
            return None, None
    else:
        # told + addressee: 'CONTENT, he told reporters.'
        if "obj-clause" in frames or "obj-to" in frames:
            obj = doc.np_right(after, s1)
            if obj:
                after = doc.skip_adjuncts(obj[1], s1)
    # the attribution must reach the end of the sentence (or a participle / new quote); a short tail of
    # adjuncts without a verb is allowed ('he told reporters after meeting U.S. and Japanese ministers')
    tail = after
    if after < s1 and after == last + 1 and (tl[after] in _DETS or (doc.np_word(after) and not doc.is_cap(after))) \
            and "obj-clause" not in frames and inverted is None:
        return None, None   # 'he stressed the country's commitment': a plain object, not a trailing attribution
    while tail < s1 and tail - after < 16 and tl[tail] not in (".", "!", "?", ";", "that") and \
            tx[tail] != _OPEN_Q and not (tail in doc.cue_info and doc.cue_ok(tail)) and tl[tail] not in _AUX and \
            tl[tail] not in _SUBJ_PRONOUNS:
        tail += 1
    if tail >= s1 or tl[tail] in (".", "!", "?"):
        after = tail
    if after < s1 and tl[after] in ("who", "which") and inverted is not None:
        after = s1  # 'said the sources who asked not to be named.'
    if not (after >= s1 or tl[after] in (".", "!", "?", ")") or _participle_content(doc, after, s1) or
            (tl[after] == "," and after + 1 < s1 and (after + 1 in doc.cue_info or tx[after + 1] == _OPEN_Q)) or
            (tl[after] == "," and after + 1 < s1 and tl[after + 1] in ("citing", "who", "which", "according"))):
        # parenthetical 'The economy, he said, will grow.'
        if last + 1 < s1 and tl[last + 1] == "," and sp and sp[0] - 1 >= s0 and tl[sp[0] - 1] == "," and \
                inverted is None:
            if sp[0] - 1 > s0:
                return (s0, s1), sp
        return None, None
    # the speaker must follow a comma / dash (or be inverted after one)
    first = sp[0] if inverted is None else i
    p = first - 1
    if p < s0 or tl[p] not in (",", "—", "–"):
        return None, None
    if p - s0 < 2:
        return None, None
    # content: from the sentence start (after a leading opener/'But') to the comma
    a = s0
    while a < p and tl[a] in ("but", "and", "so", "yet", "still", "however", ","):
        a += 1
    if _is_quote_region_empty(doc, a, p) or (tx[a] == _OPEN_Q and (p - 1 in doc.q_by_close or
                                                                    tx[p - 1] == _CLOSE_Q) and
                                             _only_one_quote(doc, a, p)):
        return None, None  # the content is a direct quote: the quote pass handles it
    return (a, p), sp


def _only_one_quote(doc: _Doc, a: int, b: int) -> bool:
    depth = 0
    for k in range(a, b):
        if doc.tx[k] == _OPEN_Q:
            depth += 1
        elif doc.tx[k] == _CLOSE_Q:
            depth -= 1
        elif depth == 0 and doc.tx[k][0].isalnum():
            return False
    return True


def _according_to(doc: _Doc, i: int, s0: int, s1: int) -> None:
    """'According to X, CONTENT.' / 'CONTENT, according to X.' / 'A, according to X, B.'"""
    tl, tx = doc.tl, doc.tx
    last = doc.cue_info[i][2]
    sp = doc.np_right(last + 1, s1)
    if sp is None:
        return
    a, b = sp
    # 'according to a report by X' / 'according to a statement from the ministry'
    if b < s1 and tl[b] in ("by", "from", "of") and tl[b - 1] in _COMM_NOUNS | _NONAGENT_SOURCES:
        sp2 = doc.np_right(b + 1, s1)
        if sp2:
            b = sp2[1]
            sp = (a, b)
    head = tl[b - 1]
    named = any((doc.is_cap(k) or tx[k][0] == "<") and tl[k] not in _DETS for k in range(a, b)) or \
        tl[a] in ("its", "his", "her", "their") or any(tl[k].endswith(("'s", "’s")) for k in range(a, b))
    if head in _NEVER_SOURCES and not named:
        return
    if head in _SPEECH_DOCS:
        pass                                   # 'according to a fire service statement'
    elif head in _DOC_SOURCES:
        if not (named or tl[a] in ("the", "a", "an", "this", "that", "one")):
            return                             # 'according to the study' yes; 'according to studies' no
    elif head in _NONAGENT_SOURCES and not named:
        return                                 # 'according to reports', 'according to the allegations'
    if all(tl[k] in _TIME_WORDS or tl[k] in _DETS for k in range(a, b)):
        return
    intro = s0
    while intro < i and (tl[intro] in ("but", "and", "yet", "so", "however", ",") or tx[intro] == "("):
        intro += 1
    clause_initial = intro == i or tl[i - 1] in ("and", "but", "while", "whereas", ";", ":", "so", "yet") or (
        tl[i - 1] == "," and b < s1 and tl[b] not in (",", ".", ";", "—", "–", ")") and
        (tl[b] in _AUX or (b - a >= 2 and doc.is_cap(a) and not doc.is_cap(b - 1) and b < s1 and tl[b] in _AUX)
         or (tl[b] in _SUBJ_PRONOUNS and doc.has_clause(b, s1))))
    if clause_initial and b < s1 and tl[b] in _AUX and b - a >= 2 and doc.is_cap(a) and not doc.is_cap(b - 1):
        # 'according to Wasef archaeologists have not ...': the source ends at the last capitalised word
        m = b - 1
        while m > a and not doc.is_cap(m):
            m -= 1
        sp = (a, m + 1)
        b = m + 1
    if clause_initial and b < s1 and tl[b] != "," and doc.has_clause(b, s1) and \
            (tl[b] in _SUBJ_PRONOUNS | _DETS or doc.np_word(b)):
        # '... and according to the ministry he died in the morning'
        content = (b, doc.clause_end(b, s1))
    elif clause_initial:
        # sentence-initial: content after the source and any apposition ('..., the lead author, ...')
        k = b
        while k < s1 and k - b < 12 and tl[k] not in (",", ".", ";") and tx[k] != _OPEN_Q:
            k += 1
        if k >= s1 or tl[k] != ",":
            return
        sp = (a, k) if k - a <= 16 else sp
        j = k + 1
        while j < s1 and tl[j] != "," and tx[j] != _OPEN_Q:
            j += 1
        j2 = j + 1
        while j2 < s1 and tl[j2] != "," and tx[j2] != _OPEN_Q and j2 - j < 8:
            j2 += 1
        subject_with_name = j2 < s1 and tl[j2] == "," and j2 > j + 1 and j2 + 1 < s1 and \
            j2 + 1 in doc.cue_info and all(doc.is_cap(m) for m in range(j + 1, j2))
        if j < s1 and tl[j] == "," and tl[k + 1] in ("a", "an", "the") and not subject_with_name and not any(
                tl[m] in _AUX or tl[m] in _IRREGULAR_PAST or m in doc.cue_info for m in range(k + 1, j)):
            # ('According to ISNA, the prosecutor general of Tehran, Ali Mehr, said ...': a subject, not
            # an apposition of the source)
            k = j
        content = (k + 1, doc.clause_end(k + 1, s1))
    else:
        p = i - 1
        if tl[p] in (",", "—", "–", "("):
            after = b
            rest_words = sum(1 for m in range(after + 1, s1) if tx[m][0].isalnum())
            if after < s1 and tl[after] in (",", "—", "–", ")") and rest_words >= 3 and \
                    tl[after + 1] not in ("who", "which", "whose", "a", "an"):
                # parenthetical: 'Longer term, according to X, the goal is ...'
                before_words = sum(1 for m in range(intro, p) if tx[m][0].isalnum())
                content = (after + 1, s1) if before_words <= 3 else (s0, s1)
            else:
                content = (s0, p)
        else:
            content = (s0, i)
        if content[1] - content[0] < 2:
            return
    if content[0] >= content[1]:
        return
    if tx[content[0]] == _OPEN_Q and _only_one_quote(doc, content[0], content[1]):
        # '"...," according to X' / 'According to X, "..."': a direct quote
        qi = doc.q_by_open.get(content[0])
        if qi is not None and doc.quotes[qi].used == "":
            q = doc.quotes[qi]
            doc.add("direct", q.cs, q.ce, sp, doc.cue_span(i), [qi])
            q.used = "direct"
            doc.used_cues.add(i)
        return
    span = _trim_content(doc, *content)
    if span is None:
        return
    qs = _quotes_in(doc, span[0], span[1])
    _finish_indirect(doc, span, sp, doc.cue_span(i), qs)
    doc.used_cues.add(i)


# ------------------------------------------------------------------------------------------ public API
def _late_floating(doc: _Doc) -> None:
    """A whole-sentence quote right after a sentence holding a statement belongs to that statement's speaker
    ('Lawson said a correction was expected. "What was not expected was the severity."')."""
    for qi in sorted(range(len(doc.quotes)), key=lambda q: doc.quotes[q].cs):
        q = doc.quotes[qi]
        if q.used:
            continue
        o = doc.tok_at(q.open_start)
        if o is None:
            continue
        c = doc.tok_at(q.ce) if q.closed else None
        si = doc.sent_of(o)
        s0, s1 = doc.sents[si]
        if si == 0 or not _whole_sentence_quote(doc, o, c, s1) or _framing_reason(doc, qi) is not None or \
                len(re.findall(r"\w+", doc.text[q.cs:q.ce])) < 2:
            continue
        p0, p1 = doc.sents[si - 1]
        if doc.para_of(doc.ts[p0]) < doc.para_of(doc.ts[o]) - 1:
            continue
        lo, hi = doc.ts[p0], doc.te[p1 - 1]
        best = None
        for st in doc.stmts:
            if st.sp is None:
                continue
            anchor = st.cue[0] if st.cue else st.qe - 1
            if lo <= anchor < hi and (best is None or anchor > (best.cue[0] if best.cue else best.qe - 1)):
                best = st
        if best is None:
            continue
        doc.add("direct", q.cs, q.ce, None, None, [qi], sp_chars=best.sp)
        q.used = "direct"


def _analyse(text: str) -> _Doc:
    doc = _Doc(text)
    _quote_pass(doc)
    _indirect_pass(doc)
    _late_floating(doc)
    _drop_nested_beliefs(doc)
    return doc


_BELIEF_CUES = {"believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels", "felt",
                "expect", "expects", "expected", "hope", "hopes", "hoped"}


def _drop_nested_beliefs(doc: _Doc) -> None:
    """'X said he believed Y': the belief inside X's reported content, held by a pronoun that is X again, is
    part of X's statement, not a second one."""
    text = doc.text
    drop = set()
    for k, st in enumerate(doc.stmts):
        if st.kind == "direct" or not st.cue or not st.sp or \
                text[st.cue[0]:st.cue[1]].lower() not in _BELIEF_CUES or \
                text[st.sp[0]:st.sp[1]].lower() not in _SUBJ_PRONOUNS:
            continue
        for other in doc.stmts:
            if other is not st and other.kind != "direct" and other.qs <= st.sp[0] and st.qe <= other.qe and \
                    other.cue and other.cue[0] < st.sp[0]:
                drop.add(k)
                break
    if drop:
        doc.stmts = [st for k, st in enumerate(doc.stmts) if k not in drop]


@functools.lru_cache(maxsize=16)
def _analysed(text: str) -> tuple[tuple, tuple]:
    """(statement rows, scare-quote rows) for ``text``; cached so both public functions share one analysis."""
    if not isinstance(text, str) or not text.strip():
        return (), ()
    doc = _analyse(text)
    rows = []
    seen = set()
    for st in doc.stmts:
        key = (st.qs, st.qe, st.sp, st.cue)
        if key in seen:
            continue
        seen.add(key)
        sp_s, sp_e = st.sp if st.sp else (-1, -1)
        cu_s, cu_e = st.cue if st.cue else (-1, -1)
        rows.append((st.kind, st.qs, st.qe, text[st.qs:st.qe], text[sp_s:sp_e] if st.sp else "", sp_s, sp_e, "",
                     text[cu_s:cu_e] if st.cue else "", cu_s, cu_e))
    rows.sort(key=lambda r: (r[1], r[9], r[2], r[0]))
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
            scare.append((s, e, text[s:e], reason))
    scare.sort()
    return tuple(rows), tuple(scare)


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


def _resolve_actors(text: str, rows: list[tuple]) -> list[str]:
    """Canonical actor names for the speaker spans, via helpers.actors (empty when unavailable)."""
    out = [""] * len(rows)
    if not any(r[5] >= 0 for r in rows):
        return out
    try:
        mentions = actors.find_mentions(text)
    except Exception:  # noqa: BLE001 - extract_quotes never raises: statements come back even if resolution fails
        return out
    for k, r in enumerate(rows):
        if r[5] < 0:
            continue
        try:
            m = actors.resolve_span(mentions, r[5], r[6])
        except Exception:  # noqa: BLE001
            m = None
        if m is not None:
            name = m.get("canonical_name", "") if hasattr(m, "get") else ""
            out[k] = "" if name is None or (isinstance(name, float) and name != name) else str(name)
    return out


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
    rows, _ = _analysed(text)
    rows = list(rows)
    actors = _resolve_actors(text, rows)
    data = {c: [] for c in _QUOTE_COLS}
    for r, actor in zip(rows, actors):
        for c, v in zip(_QUOTE_COLS, r[:7] + (actor,) + r[8:]):
            data[c].append(v)
    df = pd.DataFrame(data, columns=_QUOTE_COLS)
    for c in QUOTES_SCHEMA:
        df[c.name] = df[c.name].astype("int64" if c.dtype == "int" else "string")
    return df.reset_index(drop=True)


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
    df = pd.DataFrame(list(scare), columns=_SCARE_COLS)
    for c in SCARE_QUOTES_SCHEMA:
        df[c.name] = df[c.name].astype("int64" if c.dtype == "int" else "string")
    return df.reset_index(drop=True)


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Paired quotes as (content start, content end, closed) after the quote-mark state machine.

    >>> quote_spans('He said "yes." She’s sure: “no”')
    [(9, 13, True), (28, 30, True)]
    """
    if not isinstance(text, str):
        return []
    paras = _paragraphs(text)
    quotes, _, _ = _pair_quotes(text, paras)
    return [(q.cs, q.ce, q.closed) for q in quotes]


# ------------------------------------------------------------------------------------------ corpus tables
def quotes_table(texts: dict[str, str], mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Statements of many articles: :data:`QUOTES_TABLE_SCHEMA` rows sorted by article_id, quote_start, cue_start.

    With ``mentions`` (the mentions table of notebook 03, with ``article_id``), the ``actor`` of each speaker is
    taken from that table through ``helpers.actors.resolve_span`` (so titles resolve with the publication date, as
    in notebook 03); a speaker that table cannot resolve keeps the actor :func:`extract_quotes` found.

    >>> quotes_table({"a1": '"Yes," she said.'})[["article_id", "kind", "speaker"]].values.tolist()
    [['a1', 'direct', 'she']]
    """
    frames = []
    by_article = dict(tuple(mentions.groupby("article_id", sort=True))) if mentions is not None and len(mentions) \
        else {}
    for aid in sorted(texts):
        df = extract_quotes(texts[aid])
        if df.empty:
            continue
        if aid in by_article:
            m = by_article[aid]
            actors_col = []
            for r in df.itertuples():
                name = ""
                if r.speaker_start >= 0:
                    hit = actors.resolve_span(m, int(r.speaker_start), int(r.speaker_end))
                    if hit is not None:
                        name = str(hit.get("canonical_name", "") or "")
                actors_col.append(name or r.actor)
            df["actor"] = pd.array(actors_col, dtype="string")
        df.insert(0, "article_id", aid)
        frames.append(df)
    if not frames:
        return empty_frame(QUOTES_TABLE_SCHEMA)
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["article_id", "quote_start", "cue_start"], kind="mergesort").reset_index(drop=True)
    return out[[c.name for c in QUOTES_TABLE_SCHEMA]]


def scare_quotes_table(texts: dict[str, str]) -> pd.DataFrame:
    """Framing quotes of many articles: :data:`SCARE_QUOTES_TABLE_SCHEMA` rows sorted by article_id, start.

    >>> scare_quotes_table({"a1": 'The so-called "reform" passed.'})[["article_id", "term", "reason"]].values.tolist()
    [['a1', 'reform', 'so-called']]
    """
    frames = []
    for aid in sorted(texts):
        df = find_scare_quotes(texts[aid])
        if not df.empty:
            df.insert(0, "article_id", aid)
            frames.append(df)
    if not frames:
        return empty_frame(SCARE_QUOTES_TABLE_SCHEMA)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)


def statements_per_actor(table: pd.DataFrame) -> pd.DataFrame:
    """Statements per speaker, one column per kind plus ``total``, most quoted first (ties by name).

    The key is the canonical ``actor`` when there is one, else the speaker as written, lowercased and marked
    ``(unresolved)``; statements with no speaker count under ``(no speaker)``.

    >>> t = quotes_table({"a": '"Yes," she said. "No," she said. Officials said two men were held.'})
    >>> statements_per_actor(t).loc["she (unresolved)", ["direct", "indirect", "total"]].tolist()
    [2, 0, 2]
    """
    def key(r) -> str:
        if r["actor"]:
            return str(r["actor"])
        if r["speaker"]:
            return f"{str(r['speaker']).lower()} (unresolved)"
        return "(no speaker)"

    if len(table) == 0:
        return pd.DataFrame(columns=["direct", "mixed", "indirect", "total"], dtype="int64").rename_axis("speaker")
    keys = table.apply(key, axis=1)
    counts = pd.crosstab(keys, table["kind"]).reindex(columns=["direct", "mixed", "indirect"], fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts.rename_axis("speaker").rename_axis(None, axis=1).astype("int64")
    order = sorted(counts.index, key=lambda k: (-int(counts.loc[k, "total"]), k))
    return counts.loc[order]
