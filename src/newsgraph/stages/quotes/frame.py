"""Is a cue verb used to report what someone said or thinks, and can its subject speak?

The standard is "never mis-attribute": a missed quote costs less than a false one.

- The writer's own voice is never a quote: a cue whose subject is "I", "we" or "you" outside
  quotation marks reports no one ("I don't think ...", "we hope you'll ...").
- A negated cue reports nothing ("did not say that X", "I don't believe X").
- A passive cue's subject is who was told or asked, not who spoke: its speaker is the agent
  ("was criticised by the mayor"), else no one named ("X was accused of fraud"). A
  participle naming something is not a report ("a series called X").
- A verb with an everyday sense (``cues.FRAME_ONLY``: "add", "maintain", "note", ...) is a cue
  only in a reporting frame: a clause it governs, a quotation, a colon or a parenthetical.
- What is reported without a clause ("denied the report", "wants to triple the program") needs
  a subject that can speak: a name, a coded actor, a pronoun for one, or a source noun. So do
  evidence verbs ("the study shows ...", not "the score shows ...").
- A thing, a quality or a body of evidence says nothing, clause or not ("the growing popularity
  of X suggests that", "research shows that"; ``THINGS``), unless its phrase names its source
  ("data from the census show ..."). Without a clause, only a record shows something ("the
  poll shows Clinton ahead"; ``RECORDS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.stages.quotes.cues import COGNITION, EVIDENCE_ONLY, FRAME_ONLY, STANCE
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Token

WRITER = words("i me my myself we us our ourselves you your yourself yourselves y'all")
# What the writer writes: "this post explains", "our guide recommends" are the writer's voice.
WRITINGS = words(
    "post article piece guide page story column newsletter review blog essay episode issue "
    "list report site website video podcast"
)
# Words that stand for no one in particular, or for a thing: never a source.
NOBODY = words(
    "this that these those something anything nothing everything it's what whatever "
    "whoever anyone anybody everyone everybody someone somebody nobody none"
)
SPEAKING_PRONOUNS = words("he she they it who him her them")
SPEAKING_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")  # entity labels that can say something
# Sources "according to" whom something is reported: people, organisations, their words.
SOURCE_NOUNS = words(
    "official source spokesman spokeswoman spokesperson aide adviser advisor person people "
    "statement report document memo email letter account witness expert analyst poll "
    "survey study data research analysis estimate figure census record count"
)
# Common nouns for people and bodies that speak, and for the records that speak for them.
SPEAKER_NOUNS = SOURCE_NOUNS | words(
    "researcher scientist economist professor author writer reporter journalist editor critic "
    "supporter opponent candidate leader chief executive director manager officer founder "
    "owner chairman chairwoman chair president member resident doctor lawyer attorney "
    "prosecutor judge court company firm government administration ministry department agency "
    "committee council board party campaign team organization organisation union association "
    "authority regulator commission institute university group paper newspaper finding "
    "evidence investigation review audit filing complaint lawsuit ruling order spokespeople "
    "official man woman men women parent mother father family voter citizen worker employee "
    "student teacher activist protester campaigner advocate victim survivor patient customer "
    "farmer neighbor neighbour friend politician lawmaker legislator senator governor mayor "
    "minister diplomat ambassador envoy commander general soldier police militant rebel "
    "insurgent negotiator mediator observer commentator pundit blogger historian physician "
    "nurse specialist engineer consultant strategist pollster donor american user fan "
    "individual child kid participant respondent client moderator host anchor presenter "
    "panel panelist jury juror sheriff coach player athlete artist singer actor star "
    "celebrity proponent advocate surrogate partner editorial tweet post average slide video "
    "footage transcript chart map table graph photo image picture recording tape result "
    "number trend model projection index ranking rating nominee veteran taxpayer admiral "
    "percent majority minority half third quarter share "
    "school college hospital bank club network"
)
# Heads of subjects that are things, qualities or bodies of evidence, never a source, even with a
# clause: "the growing popularity of X suggests that", "the worst part was thinking that",
# "research shows that", "the data suggests that", "some online claims argue that".
# (Records that a source issues do speak: "the report says", "the poll shows".)
THINGS = words(
    "popularity part way experiment pound kilo kilogram gram ounce ton tonne gallon litre "
    "liter barrel thing kind sort fact idea claim rumor "
    "rumour research data datum evidence figure finding trend growth rise fall increase decline "
    "problem issue question reason point aspect"
)
# Speaker nouns that speak for the body named in their phrase ("Pentagon officials", "a
# spokesperson for Orbex", "the Orbex report"), or are that body ("the Orbex company"); the
# others are merely qualified by it ("Stanford students", "Orbex customers": not Stanford,
# not Orbex).
REPRESENTATIVES = words(
    "official source spokesman spokeswoman spokesperson spokespeople aide adviser advisor "
    "representative executive director manager officer chief leader founder owner chairman "
    "chairwoman chair president head secretary minister spokesman statement report document "
    "memo email letter account filing complaint lawsuit ruling order study survey poll "
    "analysis estimate government administration ministry department agency committee "
    "council board team campaign company firm group organization organisation union "
    "association party university institute school college hospital bank club network paper "
    "newspaper court commission authority regulator"
)
# Records that show something without a clause ("the poll shows Clinton ahead", "a video
# showing the crash"): what a thing, a group or a firm "shows" is no statement.
RECORDS = words(
    "poll survey study report analysis estimate census count record document filing return "
    "result number chart map table graph photo image picture video footage recording tape "
    "index ranking rating model projection statistic average polling"
)
# Passive verbs that report an act of someone unnamed ("was accused of", "is said to").
UNNAMED_ACTS = words(
    "accuse allege criticize criticise condemn denounce blame praise claim report say quote "
    "rumor rumour"
)
# Subjects that stand for people in general ("most people want ...", "those who want ..."):
# no one who said anything.
GENERIC = words("people person user customer individual those anyone everyone many some")
_CLAUSE_DEPS = ("ccomp",)  # a clause a verb governs: what was said


def writer_voice(subj: Token) -> bool:
    """Is the subject the writer or the reader ("I", "we", "you", "we all"; not "the US"), or
    the writer's own piece ("this post", "our guide")?"""
    if subj.lower_ in ("'s", "\u2019s") and subj.tag_ == "PRP":
        return True  # "let's say"
    if subj.lemma_.lower() in WRITINGS and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("this", "our", "my") for c in subj.children
    ):
        return True  # "this post explains why we ...", "our guide recommends ..."
    return subj.lower_ in WRITER and subj.tag_ in ("PRP", "PRP$")


def negated(verb: Token) -> bool:
    """ "did not say", "never claimed", "I don't believe": the verb, or the verb it completes
    ("did not want to say"), is negated."""
    for v in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        if any(c.dep_ == "neg" for c in v.children):
            return True
    return False


def naming(verb: Token) -> bool:
    """ "a series called X", "the lines labelled JR": a participle naming its noun."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def passive(verb: Token) -> bool:
    """ "was asked", "were told", "was accused of": the subject is not the speaker."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def agent(verb: Token) -> Token | None:
    """Who a passive verb's act is by ("was criticised by the mayor"): the speaker."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def unnamed_act(verb: Token) -> bool:
    """A passive verb of accusation, judgement or report tells of an act by someone unnamed
    ("X was accused of fraud", "he is said to ..."): a quote with no speaker. Not "is called
    the latch", "were advised to stay in", "is declared as an integer"."""
    return verb.lemma_.lower() in UNNAMED_ACTS


def no_one(subj: Token) -> bool:
    """ "That said, ...", "something said ...": a word that stands for no source."""
    return subj.lower_ in NOBODY and subj.tag_ in ("DT", "PRP", "NN", "WP")


def framed(verb: Token, has_quote: bool) -> bool:
    """Is ``verb`` used in a reporting frame? A clause it governs, a quotation in what it
    governs, a colon after it, or a parenthetical ("the plan, he added, is late"). Needed only
    by the verbs of ``FRAME_ONLY``; every other cue counts anywhere."""
    if verb.lemma_.lower() not in FRAME_ONLY or has_quote:
        return True
    if verb.dep_ == "parataxis":
        return True
    if any(c.dep_ in _CLAUSE_DEPS and finite(c) for c in verb.children):
        return True
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return True  # "pointed out": the speech sense
    after = verb.i + 1
    while after < len(verb.doc) and verb.doc[after].dep_ in ("prt", "advmod"):
        after += 1
    return after < len(verb.doc) and verb.doc[after].text == ":"


def finite(clause: Token) -> bool:
    """Is a complement clause finite ("saw that prices rose"), not a small clause of perception
    ("saw people riding", "found him wounded")?"""
    if clause.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(c.dep_ in ("aux", "auxpass", "mark") and c.lower_ != "to" for c in clause.children)


def free_object(verb: Token, quoted: Collection[tuple[int, int]]) -> bool:
    """Has ``verb`` a direct object outside every quotation ("added 600 jobs")?"""
    return any(
        c.dep_ == "dobj" and not any(a <= c.idx < b for a, b in quoted) for c in verb.children
    )


def can_speak(subj: Token, spoken: Collection[int]) -> bool:
    """Can the subject say or show something? A coded actor (token index in ``spoken``), a
    name, a pronoun for one, or a source noun ("officials", "the study"); not people in
    general ("most people", "those who want ...")."""
    if subj.tag_ == "WP" and subj.dep_ in ("nsubj", "nsubjpass") and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "those who want": those
    if subj.lemma_.lower() in GENERIC:
        return False
    if subj.lower_ in SPEAKING_PRONOUNS:
        return True
    if subj.i in spoken or subj.pos_ == "PROPN" or subj.ent_type_ in SPEAKING_ENTITIES:
        return True
    if subj.lemma_.lower() in SPEAKER_NOUNS or subj.lower_ in SPEAKER_NOUNS:
        return True
    # "Noble's owner", "Pentagon officials": a name in the phrase's modifiers
    return any(
        c.dep_ in ("compound", "poss", "nmod") and (c.i in spoken or c.ent_type_ in ("ORG", "GPE"))
        for c in subj.children
    )


def needs_speaker(verb: Token, clausal: bool, subj: Token) -> bool:
    """Must the subject be able to speak? When nothing but an object is reported ("denied the
    report"), for evidence verbs ("shows that ..."), and for a verb with an everyday sense
    whose subject is a single thing ("the weight adds that ...", not "contenders have
    understood that ...")."""
    lemma = verb.lemma_.lower()
    if not clausal or lemma in EVIDENCE_ONLY:
        return True
    return lemma in FRAME_ONLY and subj.tag_ == "NN"


def thing(subj: Token) -> bool:
    """Is the subject a thing, a quality or a body of evidence (``THINGS``: "the growing
    popularity of X", "the worst part", "475 pounds of X", "research", "data"), which says
    nothing whatever the verb? Evidence whose source its phrase names speaks for that source
    ("data from the census show ...", "research by Velmont University finds ...")."""
    if subj.pos_ != "NOUN" or subj.lemma_.lower() not in THINGS:
        return False
    return not any(
        p.dep_ == "prep" and p.lower_ in ("from", "by", "of") and any(map(_source, p.children))
        for p in subj.children
    )


def _source(obj: Token) -> bool:
    """A named body or a record ("the census", "Velmont University", "the 2020 survey")."""
    if obj.dep_ != "pobj":
        return False
    return obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "GPE") or obj.lemma_.lower() in RECORDS


def no_thinker(subj: Token, verb: Token) -> bool:
    """ "it knows", "it sees why", "it supports muscle recovery": a thing thinks or wants
    nothing (an organisation says; "it" does not see, know or want); "expect them to
    understand": an object pronoun is no source."""
    if subj.tag_ != "PRP":
        return False
    if subj.lower_ in ("him", "her", "them"):
        return True
    return subj.lower_ == "it" and verb.lemma_.lower() in COGNITION | STANCE
