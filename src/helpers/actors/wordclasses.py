"""Closed word classes and token patterns the actor rules use (rules, not data about actors).

Function words, months and days, words that are never names (:data:`NON_NAMES`), words that make a name an
organisation or a place (:data:`ORG_WORDS`, :data:`PLACE_WORDS`), honorifics and title heads with the gender
they imply, portfolio and rank words of titles, role-noun modifiers, personal pronouns, verbs that show a
role noun is a subject (:data:`VERBISH`), predicative cues (``as president``), and common given names with
their gender (:data:`FIRST_NAMES`). Also the capitalised-token pattern of discovery (:data:`CAP_TOKEN`:
initials, ``al-`` prefixes, ``Jr.``/``Inc.``, hyphenated and apostrophe names).

>>> FIRST_NAMES["mary"], HONORIFICS["Mr."], TITLE_HEADS["spokeswoman"]
('f', 'm', 'f')
>>> [m.group() for m in CAP_TOKEN.finditer("Charles E. Exley Jr. met Kassym-Jomart Tokayev in the U.S.")]
['Charles', 'E.', 'Exley', 'Jr.', 'Kassym-Jomart', 'Tokayev', 'U.S.']
"""
from __future__ import annotations

import re

FUNCTION_WORDS = frozenset(
    """a an the this that these those his her its their our my your some many most several all both each
    every no any other another such in on at by for from with without of to into onto after before during
    since until till while when whenever where whereas as although though if unless because but and or nor
    so yet neither either also however meanwhile according among amid amidst despite following over under about above below
    against between through throughout within instead moreover furthermore still then now there here it he
    she they we i you what which who whom whose why how last next earlier later today yesterday tomorrow
    tonight once even only just not more less much few one two three four five six seven eight nine ten
    first second third finally thus hence therefore indeed perhaps maybe nevertheless nonetheless besides
    otherwise rather almost nearly around across along beyond upon via per unlike like near toward towards
    up down out off again already always never often sometimes soon recently currently previously
    initially eventually subsequently simultaneously additionally similarly likewise overall separately
    meantime elsewhere altogether everyone everybody nobody nothing something someone anyone everything
    yes oh please let do does did is are was were be been being has have had will would shall should can
    could may might must regarding concerning including excluding considering given per amongst whilst
    well yeah yep okay ok um uh ah oh thank thanks hello hi sure right i'm i've i'd i'll i’m i’ve i’d i’ll
    let's let’s""".split()
)
#: Leading words dropped from a discovered name ("Former Senator ..." is handled as a title).
LEADING_FLAGS = frozenset("former ex then late acting interim outgoing incoming".split())
MONTHS = frozenset(
    """january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec""".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun".split())
#: Capitalised words that are not actors' names: regions, peoples, religions, and a few common nouns.
NON_NAMES = frozenset(
    """europe european asia asian africa african america americas latin caribbean arctic antarctic pacific
    atlantic indian middle east eastern west western north northern south southern central asian eurasia
    eurasian caucasus caucasian balkans balkan baltic baltics nordic scandinavian arab arabs gulf persian
    mediterranean sahara sahel levant siberia siberian kurdish kurd kurds muslim muslims christian christians
    jewish jews islamic islam catholic catholics orthodox protestant sunni shia shiite shiites hindu buddhist
    god internet web covid coronavirus english ok tv gmt utc am pm ad bc ce bce image photo video file
    i mr mrs ms dr st""".split()
)
#: First or last words that make a capitalised name an organisation or a place, not a person.
ORG_WORDS = frozenset(
    """committee service services party ministry university bank council court agency association organization
    organisation union company corp corporation inc ltd llc plc group institute department office commission
    parliament assembly front movement army forces force police guard news times post press network radio
    television channel foundation fund federation church school college hospital airlines airport airways
    club league team board authority bureau administration government republic kingdom state states center
    centre museum house senate congress society trust alliance coalition brigade battalion regiment division
    fleet command exchange market markets index fc inc. co co. ag sa nv gmbh holdings energy oil gas motors
    industries international national federal express motor airline railway railways steel electric
    chemical chemicals pharmaceutical pharmaceuticals telecom telecommunications insurance petroleum mining
    shipping foods products systems technologies bancorp securities investments partners cos bros""".split()
)
#: Generational suffixes after a surname ("Charles E. Exley Jr."): the surname is the word before them.
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
PLACE_WORDS = frozenset(
    """new san los las santa st saint port fort mount mt lake river sea ocean island islands bay gulf city
    province region district county street square avenue road valley north south east west northern southern
    eastern western upper lower greater central""".split()
)
#: Honorifics and titles used only before a name: they mark a person (and maybe a gender), not a mention.
HONORIFICS = {
    "Mr": "m", "Mr.": "m", "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Miss": "f", "Mx": "", "Mx.": "",
    "Sir": "m", "Dame": "f", "Lord": "m", "Lady": "f", "Madam": "f", "Dr": "", "Dr.": "", "Prof.": "",
    "Professor": "", "General": "", "Gen.": "", "Lt.": "", "Lieutenant": "", "Colonel": "", "Col.": "",
    "Major": "", "Maj.": "", "Captain": "", "Capt.": "", "Sergeant": "", "Sgt.": "", "Admiral": "",
    "Adm.": "", "Judge": "", "Justice": "", "Sen.": "", "Rep.": "", "Gov.": "", "Pres.": "", "Rev.": "",
    "Reverend": "", "Father": "m", "Archbishop": "m", "Bishop": "m", "Cardinal": "m", "Ayatollah": "m",
    "Sheikh": "m", "Imam": "m", "Rabbi": "", "Marshal": "",
}
#: Title heads (a mention of a person) and the gender they imply.
TITLE_HEADS = {
    "president": "", "vice president": "", "vice-president": "", "prime minister": "", "premier": "",
    "chancellor": "", "minister": "", "secretary": "", "secretary of state": "", "secretary-general": "",
    "secretary general": "", "general secretary": "", "press secretary": "", "foreign secretary": "",
    "home secretary": "", "spokesman": "m", "spokeswoman": "f", "spokesperson": "", "ambassador": "",
    "envoy": "", "governor": "", "governor general": "", "governor-general": "", "mayor": "", "senator": "",
    "congressman": "m", "congresswoman": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
    "crown prince": "m", "emperor": "m", "empress": "f", "pope": "m", "sultan": "m", "emir": "m",
    "chairman": "", "chairwoman": "f", "chairperson": "", "speaker": "", "chief executive": "",
    "director": "", "director-general": "", "director general": "", "commissioner": "",
    "high commissioner": "", "high representative": "", "attorney general": "", "attorney-general": "",
    "prosecutor general": "", "chief justice": "", "head of state": "", "leader": "", "commander": "",
    "chief": "", "chief of staff": "", "ombudsman": "", "judge": "", "prosecutor": "",
    "foreign policy chief": "", "member of parliament": "",
}
#: Title heads written in capitals.
TITLE_ACRONYMS = {"CEO": "chief executive", "MP": "member of parliament"}
#: Words before a title head that change who is meant (part of the title's key).
RANK_WORDS = frozenset("deputy vice assistant under associate first".split())
#: Words that only qualify a title (flags, not identity).
TITLE_FLAGS = {"former": "former", "ex": "former", "ex-": "former", "then": "former", "then-": "former",
               "acting": "", "interim": "", "outgoing": "", "incoming": "", "new": "", "current": "",
               "newly": "", "late": "former", "sitting": "", "top": "", "senior": "", "chief": ""}
#: Lower-case portfolio and qualifier words allowed in titles ("foreign minister", "chairman of the Security Council").
DEPT_WORDS = frozenset(
    """foreign interior internal home defence defense finance financial health justice education economy
    economic economics trade energy agriculture environment environmental culture labour labor transport
    emergency emergencies situations digital information industry commerce treasury security national
    development tourism sports science social public communications infrastructure housing immigration
    migration water oil petroleum presidential kremlin government state regional provincial federal local
    municipal city party opposition police army military intelligence council committee senate assembly
    parliament commission board directors central bank human rights affairs relations general policy
    supreme armed forces executive administration media press european united nations security-council
    nuclear climate women family children youth""".split()
)
#: Lower-case words allowed between a country adjective and a role noun ("Kazakh local police").
ROLE_MODIFIERS = frozenset(
    """local national state federal regional provincial municipal city peaceful armed unarmed anti-government
    pro-government foreign western senior top security health election intelligence border traffic riot
    elite special interior defence defense justice finance trade economic ordinary many thousands hundreds
    young angry striking""".split()
)
PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
}
#: Words that show a role noun is the subject ("police detained"), not a modifier ("police stations").
VERBISH = frozenset(
    """say said tell told have had are were be been will would can could should may might must did do
    does also later then now still already reportedly allegedly say use used fire fired arrest detain clash
    block gather march demand call chant throw attack storm seize burn set take took try claim deny accuse
    warn urge want need plan continue remain refuse agree reject believe hope expect fear face report confirm
    announce kill open shoot shot fight fought raid search patrol deploy withdraw return leave left flee fled
    protest demonstrate rally disperse beat injure wound respond react made make gave give sent send began
    begin won win lost lose held hold kept keep met meet put ran run saw see spoke speak went go came come
    got get let cut hit sought seek brought bring thought think led lead insist argue admit blame stormed
    resign resigned quit step stepped who which that whose whom""".split()
)
#: Third-person singular verbs after a singular role noun ("the government says"), not plural nouns.
VERBISH_S = frozenset(
    """says has is was does plans wants needs claims denies insists warns accuses faces remains seems appears
    continues refuses agrees expects hopes believes announces confirms reports tells calls argues admits
    blames rejects urges fears holds keeps makes gives sends takes uses runs sees goes comes gets leads
    seeks brings thinks stands controls declares promises vows""".split()
)
#: Words before a bare title that make it a position, not a person ("as president", "ran for governor").
PREDICATIVE_CUES = frozenset(
    """as for become became becomes becoming elected named appointed was is were be being remain remains
    remained serve serves served serving nominated""".split()
)

_FIRST_M = """aaron abdul bernie corey jeb mitt newt rahm rand abdullah adam ahmad ahmed ahmet aidos akhmed alan albert alberto alejandro alex alexander
alexandr alexei alexey alexandre aleksandr aleksei ali alikhan almaz amir amit anatoly anders andre andrei andres
andrew andrey andriy andy anthony antonio antony anwar armen arman arseniy arthur artem artyom arvind asad ashraf
askar austin azamat bakytzhan barack bashar ben benjamin bill billy bob bobby bolat boris brandon brian bruce
bruno bryan carl carlos charles chris christian christopher chuck cyril dan daniel daniyar dauren david denis
dennis diego dmitri dmitriy dmitry dmytro dominic donald douglas dylan ebrahim edward emmanuel emmerson emomali
eric erik erlan ethan eugene evgeny evo fabio faisal fernando francisco francois frank fred friedrich fyodor
gabriel gary gennady george gerald gerhard giorgi giorgio giuseppe gordon gregory grigory gustavo hamad hamid
hans harold harry hassan heiko helmut henry hiroshi horst howard hugo hunter hussein ibrahim igor ilham ilya
imran isaac ivan jack jacob jacques jair jake jakob james jason javad javier jean-claude jeffrey jens jeremy
jerome jerry jesse jim joe joel john jonathan jordi jorge jose joseph josep joshua juan jurgen justin kamal
karim keir keith kenji kenneth kevin khalid kirill klaus konstantin kurt kyle lars larry laurent lawrence leonid
levon liam lloyd logan louis luigi luis luiz malcolm mahmoud manuel marat marc marco mario mark markus martin
mason mathieu matteo matthew mauricio max maxim maksim mehmet michael michel miguel mike mikhail mikheil
mohamed mohammad mohammed muhammad muhammadu mukhtar mustafa mykola naftali narendra nathan nawaz ned nicholas
nick nicolas nikita nikol nikolai nikolay nils noah nurlan nursultan oleg oleksandr oleksiy olaf oliver olivier
omar pablo patrick paul pavel pedro pete peter petro philip philippe pierre pyotr rafael rahul raj rajesh ralph
ramzan randy raymond recep reza richard rick rishi robert roger roman ron ronald roy ruslan russell ryan sadyr
salman sam samuel sanjay scott sean sebastian serge sergei sergey sergio serik serzh shavkat shinzo silvio
stanislav stefan stephen steve steven sven taro ted terry thierry thomas tigran timothy timur tom tony tariq
tyler uhuru vadim valery vasily viktor victor vincent vitali vitaly vladimir volodymyr vyacheslav walter wang
wayne william willie wolfgang xavier yair yerlan yevgeny yoshihide youssef yoweri yuri yury yusuf zachary zurab""".split()
_FIRST_F = """abigail carly chelsea debbie huma ivanka megyn melania aigerim ainur aisha aliya alice alexandra amanda amber amina amy ana anastasia andrea angela
angelina ann anna annalena anne ashley asel ayesha barbara benazir betty beverly brenda brittany carol caroline
carolyn carrie catherine charlotte cheryl christina christine claudia condoleezza cristina cynthia daria dariga
deborah debra denise diana diane dilma dinara donna doris dorothy ekaterina elena elizabeth ellen emily emma
erna evelyn fatima federica frances galina gloria grace greta gulnara hannah hasina heather helen hillary
indira ingrid irina isabella jacinda jacqueline janet janice jennifer jen jessica jill joan joyce judith judy
julia julie kamala karen katherine kathleen kathryn kaja kayla kelly kimberly kristalina kristi laura lauren
layla leila linda lindiwe lisa liz ludmila lyudmila madeleine madison magdalena maia malala margaret maria
mariam marie marilyn marina marine martha maryam mary megan melissa mette mia michelle natalia natalie natalya
nadezhda nancy natasha nicola nicole nikki noor nour oksana olga olivia pamela patricia penny priti priyanka
rachel rebecca rose ruth saule salome samantha samia sandra sanna sara sarah segolene sharon shirley simonetta
sonia sophia stephanie susan svetlana tatiana tatyana teresa theresa ursula valentina veronica veronika
victoria virginia winnie xiomara yekaterina yelena yulia zainab zhanna zuzana""".split()
FIRST_NAMES = {**{n: "m" for n in _FIRST_M}, **{n: "f" for n in _FIRST_F}}

# ---- character classes and token patterns


def _upper_class() -> str:
    chars = [chr(c) for c in list(range(0x41, 0x250)) + list(range(0x391, 0x3AA)) + list(range(0x400, 0x430))]
    ups = [c for c in chars if c.isupper() and c.isalpha()]
    return "".join(re.escape(c) for c in ups)


_UP = "[" + _upper_class() + "]"
CAP_TOKEN = re.compile(
    r"(?<![\w\-.])(?:"
    + r"(?:" + _UP + r"\.){2,}"  # U.S. / U.N.
    + r"|(?:al|el|ad|as|ash|at|az|bin|ibn|ul)-" + _UP + r"\w*"  # al-Assad
    + r"|" + _UP + r"\.(?=\s" + _UP + r")"  # initial J. (before the word rule, so the stop stays in the name)
    + r"|(?:Jr|Sr|Co|Inc|Corp|Ltd|Bros|Plc|Cos)\.(?!\w)"  # Exley Jr., Acme Inc.
    + r"|" + _UP + r"\w*(?:-\w+|['’](?![sS]\b)\w+)*"  # Kassym-Jomart, O'Brien (not possessive 's)
    + r")"
)
CONNECTORS = frozenset(
    " of | of the | de | del | della | di | da | do | dos | das | du | van | von | der | den | van der | von der "
    "| ter | bin | ibn | la | le | y ".split("|")
)
PREV_WORD = re.compile(r"(\S+)[ ]+$")
NEXT_WORD = re.compile(r"[ ]+(\S+)")
