"""Actorhood: a name no table codes is an organisation only with evidence that it is one.

spaCy's small model labels products, software, drugs, games, events and concepts as
organisations ("Wegovy", "DuckDB", "Gemini", "COVID-19"). A cluster of organisation mentions
that no table or user dictionary codes stays an entity only when the document shows it is an
organisation, by one of:

1. its name: an organisation's word in it ("Acme Inc.", "Harbor State University",
   "the Tesslin Institute of Public Opinion", "Noble Moving and Storage");
2. what it does: a mention is the subject of a verb of saying or of an act only an
   organisation or a person does ("Vectara announced", "Siteline hired", "MDRC found"), or
   the source after "according to", or whom someone tells or asks ("told Variety");
3. its people: a role or person noun belongs to it ("Vectara's chief executive", "a
   spokesperson for Vectara", "researchers at MDRC", "Amr Awadallah, the founder of Vectara").

The same holds for a "person" known only by one word and never by a title ("Zorvex", which
the parser takes for a surname): a person named in full, or with a title, is one; a lone
word needs to act, speak or have a role ("Izee, a student, said"). A cluster without any of
these is not an actor and is not an entity. Places and countries are not judged here, nor is
anything a table or dictionary codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.stages.actors.resolve import Cluster
    from newsgraph.stages.actors.tables import Lexicon

ORG_WORDS = words(
    "inc inc. corp corp. corporation co co. company companies ltd ltd. llc plc ag gmbh sa "
    "group holdings partners associates ventures capital enterprises industries "
    "university college school academy institute institution laboratory laboratories lab labs "
    "association society council committee commission department ministry agency authority "
    "bureau office board service services center centre foundation fund trust bank "
    "union federation confederation party league club church mosque temple hospital clinic "
    "court police army navy force forces guard network press times post news journal "
    "magazine media radio tv television studios studio publishing publications newspaper "
    "tribune herald gazette observer chronicle airlines airways railway railways storage "
    "systems technologies solutions consulting insurance bancorp exchange commission "
    "government administration parliament congress senate assembly coalition alliance "
    "organization organisation project initiative conservancy hospitality institutes"
)
# what organisations do and products do not ("Zorvex reduced weight" says nothing)
ACT_VERBS = words(
    "say tell announce state add explain note write report claim deny confirm argue warn "
    "reveal unveil launch hire employ fire acquire buy purchase sell sue invest partner raise "
    "fund sign agree plan donate award publish respond comment decline refuse find estimate "
    "predict recommend urge ask accuse criticize criticise praise welcome reject oppose join "
    "found establish manage own develop pay charge spend win lose file settle demand propose "
    "approve vote elect appoint sponsor host organize organise study survey conclude"
)
ADDRESS_VERBS = words("tell ask inform contact email interview")
PEOPLE_NOUNS = words(
    "ceo founder cofounder co-founder president chairman chairwoman chair spokesperson "
    "spokesman spokeswoman employee employees staff worker workers researcher researchers "
    "scientist scientists engineer engineers director directors manager managers executive "
    "executives officer officers head chief professor professors student students member "
    "members analyst analysts official officials leader leaders owner owners team partner "
    "representative representatives economist economists editor editors reporter reporters "
    "author authors investor investors customer customers client clients"
)
_BELONGS = words("of at for from with")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _named_as_organisation(doc: Doc, c: Cluster) -> bool:
    return any(any(t.lower_ in ORG_WORDS for t in doc[m.i : m.j]) for m in c.mentions if m.j > m.i)


def _head_of(doc: Doc, i: int, j: int) -> Token:
    """The token of ``[i, j)`` whose head lies outside it."""
    for t in doc[i:j]:
        if not (i <= t.head.i < j) or t.head.i == t.i:
            return t
    return doc[j - 1]


def _acts(tok: Token) -> bool:
    """The mention's head speaks, acts, is the source after "according to" or is addressed."""
    head = tok.head
    if tok.dep_ in _SUBJECTS and _lemma(head) in ACT_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    if tok.dep_ in ("dobj", "dative") and _lemma(head) in ADDRESS_VERBS:
        return True
    # "Vectara, the startup, said": the subject is an apposition's head
    return tok.dep_ == "appos" and head.dep_ in _SUBJECTS and _lemma(head.head) in ACT_VERBS


def _has_people(tok: Token, lex: Lexicon) -> bool:
    """People belong to it, or it is one: "Vectara's CEO", "a spokesperson for Vectara",
    "Izee, a student"."""
    if any(ch.dep_ == "appos" and _is_people(ch, lex) for ch in tok.children):
        return True
    head = tok.head
    if tok.dep_ == "poss" and _is_people(head, lex):
        return True
    if tok.dep_ == "pobj" and head.lower_ in _BELONGS and head.head.i != tok.i:
        return _is_people(head.head, lex)
    # "Vectara founder Amr Awadallah"
    return tok.dep_ == "compound" and _is_people(head, lex)


def _is_people(tok: Token, lex: Lexicon) -> bool:
    if tok.lower_ in PEOPLE_NOUNS or _lemma(tok) in PEOPLE_NOUNS:
        return True
    if tok.ent_type_ == "PERSON":
        return True
    agent = lex.agents.get((_lemma(tok),), "noun")
    return agent is not None


def is_actor(doc: Doc, c: Cluster, lex: Lexicon) -> bool:
    """Whether an uncoded cluster shows it is an organisation or a person (see module)."""
    if _named_as_organisation(doc, c):
        return True
    for m in c.mentions:
        if m.j <= m.i:
            continue
        tok = _head_of(doc, m.i, m.j)
        if _acts(tok) or _has_people(tok, lex):
            return True
    return False


def _judged(c: Cluster) -> bool:
    """Uncoded organisations, and uncoded people known by one word and no title."""
    if c.code() is not None:
        return False
    if c.kind == "organization":
        return True
    return c.kind == "person" and all(m.j - m.i == 1 and not m.title for m in c.mentions)


def actors_only(doc: Doc, clusters: list[Cluster], lex: Lexicon) -> list[Cluster]:
    """The clusters that are actors: every coded one, every place and country, people named
    in full, and the others with evidence."""
    return [c for c in clusters if not _judged(c) or is_actor(doc, c, lex)]
