"""Closed word lists the rules read: determiners, auxiliaries, prepositions, time words, pronouns, nouns of
speech and documents. Plain sets, no logic (the tokeniser's abbreviations live in :mod:`helpers.text`).
"""
from __future__ import annotations

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
# sources with no agent that a sourcing study still codes (source type 'vague'): 'according to reports'
_VAGUE_SOURCES = {"reports", "allegations", "rumours", "rumors", "accounts", "claims"}
# documents of figures that 'according to' cites without a determiner ('according to exit polls', 'FEC records',
# 'early returns'): statements with cue class 'finding'
_FINDING_SOURCES = {"polls", "poll", "records", "returns", "data", "figures", "results", "estimates", "surveys",
                    "survey", "statistics", "projections", "forecasts", "studies", "research", "findings", "tally",
                    "count", "documents", "filings", "calculations", "analysis"}
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
                  "regulations", "model", "models", "map", "maps"}
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

_OPEN_Q = "“"   # skeleton glyph of an opening mark
_CLOSE_Q = "”"  # skeleton glyph of a closing mark

# honorifics and titles before a surname: a month after one is a name ('Ms. May said')
_HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", "sen.", "rep.", "gov.", "gen.", "lt.",
               "col.", "capt.", "sgt.", "rev.", "sir", "dame", "lady", "lord", "minister", "president", "premier"}
# places printed after a comma inside an apposition ('a mechanic based in Kansas City, Mo., said'): AP state
# abbreviations and state names
_PLACE_AFTER_COMMA = set(
    "ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich. minn. miss. mo. "
    "mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex. vt. va. wash. w.va. "
    "wis. wyo. d.c. alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii "
    "idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota "
    "mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont "
    "virginia washington wisconsin wyoming".split()) | {"new york", "new jersey", "new mexico", "new hampshire",
                                                          "north carolina", "south carolina", "north dakota",
                                                          "south dakota", "west virginia", "rhode island"}
# lower-case words that open a title before a name ('said retired Army Lt. Gen. X', 'former Sen. Y')
_PRE_NAME_ADJ = {"retired", "former", "acting", "outgoing", "incoming", "embattled", "longtime", "veteran", "then",
                 "late", "disgraced", "interim", "deputy", "senior", "junior"}
