"""Source types: what kind of source a statement is attributed to, as a sourcing study codes it.

:func:`source_type` gives each statement one of :data:`SOURCE_TYPES`:

- ``person``: a named or described individual (``Tokayev``, ``a farmer``, ``the spokesman``), or a pronoun that
  :mod:`helpers.actors` resolves to a person;
- ``organisation``: a government, an agency, a company, a group, the police, a country acting (``Russia said``),
  media (``AP News reported``), or a collective (``human rights organizations``, ``protesters``);
- ``document``: a study, a report, a poll, a statement, data, a decree (``the study found``, ``according to a fire
  service statement``, ``polls show``);
- ``vague``: no identifiable source (``according to reports``, ``according to the allegations``, ``it is
  believed``, ``reportedly``);
- ``anonymous``: a source kept unnamed on purpose (``officials who spoke on condition of anonymity``, ``a source
  close to the bank``, ``people familiar with the matter``, ``an aide who asked not to be named``);
- ``unresolved``: a pronoun or description no rule could resolve (``he`` with no antecedent), or no speaker.

The actor of the speaker mention decides first (its codebook ``kind``: person, or an organisation, group,
role or country), then the words of the speaker phrase: document nouns, vague nouns, anonymity phrases in the
phrase or right after it, organisation words (``Ministry``, ``Inc``, ``police``), then person nouns; a
capitalised name with no organisation word is a person.

>>> source_type("According to reports, clashes began.", (13, 20), None)
'vague'
>>> source_type("A source close to the bank said it would fail.", (0, 26), None)
'anonymous'
>>> source_type("The study found that cases fell.", (0, 9), None)
'document'
>>> source_type('"No," he said.', (6, 8), None), source_type('"No," he said.', (6, 8), "person")
('unresolved', 'person')
"""
from __future__ import annotations

import re

SOURCE_TYPES = ("person", "organisation", "document", "vague", "anonymous", "unresolved")

_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "who", "which", "this", "that"}
_VAGUE = {"report", "reports", "allegation", "allegations", "rumour", "rumours", "rumor", "rumors", "claims",
          "accounts", "speculation", "word", "reportedly", "media reports", "local reports",
          "unconfirmed reports", "some", "many", "others", "critics", "observers", "experts", "analysts"}
_VAGUE_PHRASES = re.compile(
    r"^(?:(?:some|many|other|several|numerous|various|unconfirmed|local|media|news|press|earlier|recent|initial|"
    r"the|these|such)\s+)*(?:reports?|allegations?|rumou?rs?|claims?|accounts?|speculation|sources say)$", re.I)
_ANONYMOUS = re.compile(
    r"\b(?:anonymity|anonymously|anonymous|unnamed|unidentified|not\s+(?:be\s+)?(?:named|identified)|"
    r"not\s+authori[sz]ed\s+to|declined\s+to\s+be\s+(?:named|identified)|familiar\s+with|close\s+to|"
    r"sources?|insiders?|person\s+briefed|people\s+briefed)\b", re.I)
# anonymity stated right after the speaker: ', who spoke on condition of anonymity', ', speaking on the condition of
# anonymity', ', who asked not to be named', ', requesting anonymity', ', who was not authorized to speak'
_ANONYMOUS_AFTER = re.compile(
    r"\s*,?\s*(?:who|which|speaking|requesting|asking|because|as)\b[^.;\"“”]{0,80}?\b(?:anonymity|anonymously|"
    r"not\s+(?:to\s+)?(?:be\s+)?(?:named|identified)|not\s+authori[sz]ed)", re.I)
_AGENTLESS_AFTER = re.compile(r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|ought|own|aid)\s+that")
_DOCUMENT = {"study", "studies", "report", "survey", "surveys", "poll", "polls", "polling", "analysis", "paper",
             "review", "audit", "assessment", "statement", "statements", "letter", "decree", "data", "figures",
             "records", "record", "document", "documents", "filing", "filings", "complaint", "lawsuit", "indictment",
             "ruling", "order", "memo", "report's", "research", "census", "estimate", "estimates", "release",
             "communique", "communiqué", "post", "tweet", "website", "footage", "video", "transcript", "minutes",
             "findings", "evidence", "investigation", "inquiry", "probe", "model", "projections", "forecast"}
_ORG_WORDS = {"ministry", "department", "agency", "government", "police", "army", "military", "office", "council",
              "committee", "commission", "party", "union", "association", "company", "corporation", "corp", "inc",
              "ltd", "plc", "group", "bank", "court", "parliament", "congress", "senate", "administration",
              "authorities", "authority", "campaign", "service", "services", "news", "times", "post", "journal",
              "network", "television", "tv", "radio", "agency", "organisation", "organization", "organisations",
              "organizations", "community", "institute", "university", "center", "centre", "foundation", "board",
              "federation", "forces", "force", "coalition", "alliance", "regime", "kremlin", "pentagon", "nato",
              "un", "eu", "who", "reuters", "ap", "afp", "bbc", "cnn", "tass", "interfax", "xinhua", "white house",
              "media", "press", "firm", "fund", "club", "league", "team", "church", "cabinet", "embassy", "state",
              "states", "nations", "commission", "groups", "activists", "protesters", "demonstrators", "residents",
              "citizens", "workers", "voters", "officials", "troops", "soldiers", "rebels", "militants"}
_PERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "leader",
                 "director", "chief", "head", "secretary", "ambassador", "witness", "resident", "farmer", "man",
                 "woman", "mother", "father", "doctor", "lawyer", "expert", "analyst", "professor", "senator",
                 "governor", "mayor", "candidate", "chairman", "chairwoman", "executive", "economist", "aide",
                 "adviser", "advisor", "researcher", "author", "scientist", "officer", "commander", "general",
                 "judge", "prosecutor", "attorney", "nominee", "manager", "founder", "representative", "rep",
                 "sen", "gov", "mr", "mrs", "ms", "dr", "prime", "king", "queen", "pope", "campaigner", "activist",
                 "student", "teacher", "worker", "owner", "driver", "survivor", "victim", "friend", "neighbor",
                 "neighbour", "son", "daughter", "wife", "husband", "brother", "sister", "person", "one"}
#: Documents that are typed as such even when their author is named in the phrase ('a CBS News poll').
_FINDING_DOCS = {"poll", "polls", "survey", "surveys", "study", "studies"}
_PERSON_KINDS = {"person"}
_ORG_KINDS = {"organisation", "organization", "group", "role", "country"}


_WORD = re.compile(r"[A-Za-z][\w’'.-]*")


def _words(phrase: str) -> list[str]:
    return _WORD.findall(phrase)


def source_type(text: str, speaker: tuple[int, int] | None, actor_kind: str | None, cue: str = "") -> str:
    """One of :data:`SOURCE_TYPES` for the speaker span ``speaker`` of ``text`` (``None``: no speaker).

    ``actor_kind`` is the codebook ``kind`` of the actor the speaker mention resolves to (``person``,
    ``organisation``, ``group``, ``role``, ``country``), or ``None`` when it resolves to none.
    """
    if speaker is None or speaker[0] < 0:
        return "unresolved"
    phrase = text[speaker[0]:speaker[1]]
    low = phrase.lower().strip()
    words = [w.lower().rstrip(".") for w in _words(phrase)]
    after = text[speaker[1]:speaker[1] + 90]
    if _VAGUE_PHRASES.match(low) or low in _VAGUE or \
            (low == "it" and _AGENTLESS_AFTER.match(after)):
        return "vague"   # ('it is believed that ...', 'it was widely reported that ...': no source at all)
    if _ANONYMOUS.search(phrase) or _ANONYMOUS_AFTER.match(after):
        return "anonymous"
    if len(words) > 1 and words[-1] in _FINDING_DOCS and _words(phrase)[-1].islower():
        return "document"   # 'a CBS News poll', 'a Pew Research Center survey': the document, not its author
    if actor_kind in _PERSON_KINDS:
        return "person"
    if actor_kind in _ORG_KINDS:
        return "organisation"
    if low in _PRONOUNS or not words:
        return "unresolved"
    head = words[-1]
    if head in _DOCUMENT or (len(words) > 1 and words[-2] in _DOCUMENT and head in ("found", "shows")):
        return "document"
    if any(w in _ORG_WORDS for w in words) and not (head in _PERSON_NOUNS and words[0] not in ("the", "a", "an")
                                                     and phrase[:1].islower()):
        if head in _PERSON_NOUNS and head not in ("officials",):
            return "person"
        return "organisation"
    if head in _PERSON_NOUNS or any(w in _PERSON_NOUNS for w in words[:-1]):
        return "person"
    caps = [w for w in _words(phrase) if w[0].isupper()]
    if caps:
        return "person" if len(caps) >= 2 or phrase[:1].isupper() else "organisation"
    return "person"
