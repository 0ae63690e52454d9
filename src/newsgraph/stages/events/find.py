"""What and whom: triggers, their verb pattern, and the actors on either side.

A trigger is a verb whose lemma has patterns in the verb table (``verbs``). The first
pattern, most specific first, whose particle and object fit the clause gives the CAMEO code
and where to look for the target. The source is the clause's logical subject: its own
subject, the agent of a passive ("was visited by the Iraqi minister"), the subject (or, for
"urged China to ...", the object) of the verb it depends on, or the noun a relative clause
describes ("the country that invaded Ukraine").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.stages.events.arguments import Actor, Actors
from newsgraph.stages.events.petrarch import PhraseMatch, first_actor_after, match_phrase
from newsgraph.stages.events.political import fits_political, political_actors
from newsgraph.stages.events.verbs import VerbPattern
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVES = words("who which that whom whose")
# nouns that frame an act as verbs do (see ``framing``), by family: "Iran's threat to close the
# strait", "an offer to mediate", "a call on Chad to withdraw", "its refusal to release the crew"
FRAME_NOUNS = {
    "intent": words("offer promise pledge commitment vow readiness willingness"),
    "threaten": words("threat"),
    "appeal": words("call appeal request plea"),
    "demand": words("demand ultimatum"),
    "refuse": words("refusal"),
}
# verbs that request something only with what is asked for ("asked Chad to withdraw", "asked
# for aid"): plain "asked Trump" is a question
ASKING = words("ask")
# verbs whose subject gets what the actor of their "from" phrase gives: that actor is the source
RECEIVING = words("receive get obtain accept")
QUESTION_WORDS = words("whether if what who whom whose why how when where which")
OBJECT_CONTROL = words(
    "urge ask tell persuade force allow invite encourage order call press push pressure "
    "help enable permit authorize authorise instruct compel expect want"
)
_CLIMB = words("xcomp conj advcl pcomp acl acomp")
PLACES = ("country", "location")


@dataclass(frozen=True)
class Found:
    """One trigger matched to a pattern, with its source and target actors."""

    trigger: Token
    pattern: VerbPattern
    sources: list[Actor]
    targets: list[Actor]
    passive: bool
    object: Token | None
    place: list[Actor]  # where it happened ("in Tokyo"), for events with no other target
    frame: str | None = None  # how a framing verb recoded it ("framed by “threatened” ...")
    refusal: bool = False  # "will not sign": the refusal is said, not negated


def verb_above(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` ("back from brokering" → "coming")."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def is_verb(tok: Token, lemmas: frozenset[str]) -> bool:
    """Whether ``tok``'s lemma is one of ``lemmas``; for a verb in "-es" also its form less the
    "s" (spaCy's lemma of "hopes" is "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in lemmas:
        return True
    low = tok.lower_
    return tok.tag_ == "VBZ" and low.endswith("es") and low[:-1] in lemmas


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )


def objects_of(tok: Token, passive: bool) -> list[Token]:
    """The direct objects of ``tok`` (the passive subject for a passive), and the object of
    its "with" phrase ("supplied Russia with weapons")."""
    if passive:
        out = _children(tok, "nsubjpass")
        if not out and tok.dep_ == "acl":  # "a deal signed by ..."
            out = [tok.head]
    else:
        out = _children(tok, "dobj", "attr", "oprd")
    for prep in _children(tok, "prep"):
        if prep.lower_ == "with":
            out += _children(prep, "pobj")
    return out


def subject_of(tok: Token) -> Token | None:
    """The logical subject of the clause headed by ``tok``."""
    node = tok
    for _ in range(8):
        if is_passive(node) and node.i == tok.i:
            for agent in _children(node, "agent"):
                for pobj in _children(agent, "pobj"):
                    return pobj
            return None
        # above the trigger, a passive subject is the logical one: "are set to meet"
        subj = _children(node, "nsubj", "csubj", *(("nsubjpass",) if node.i != tok.i else ()))
        if subj:
            s = subj[0]
            if s.lower_ in RELATIVES and node.dep_ == "relcl":
                return node.head
            return s
        if node.dep_ == "relcl":
            return node.head
        head = node.head
        if head.i == node.i or node.dep_ not in _CLIMB:
            return None
        if head.pos_ == "ADP":  # "from brokering": up to the verb the phrase hangs on
            head = verb_above(head)
        if node.dep_ == "acl" and head.pos_ == "NOUN" and node.tag_ == "VB":
            if not any(head.lemma_.lower() in nouns for nouns in FRAME_NOUNS.values()):
                return None  # "its decision to ...", "no plans to ...": not framed here
            # "Iran's threat to close the strait", "Iran made a threat to close ...": the one
            # whose threat it is
            poss = _children(head, "poss")
            if poss:
                return poss[0]
            if head.dep_ != "dobj":
                return None
            head = head.head
        if node.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            dobj = _children(head, "dobj")
            if dobj:
                return dobj[0]
        node = head
    return None


def _received(tok: Token, p: VerbPattern, passive: bool) -> bool:
    """Whether the clause receives what its "from" phrase gives ("received aid from X")."""
    return not passive and p.targets == ("from",) and is_verb(tok, RECEIVING)


def _asks_for_something(tok: Token) -> bool:
    """ "asked X to V", "asked that ...", "asked for aid", "asked X for aid"; not "asked
    whether ..." nor "asked what ..."."""
    for c in tok.children:
        if c.dep_ == "xcomp" or (c.dep_ in ("prep", "dative") and c.lower_ == "for"):
            return True
        if c.dep_ == "ccomp" and not is_question(c):
            return True
    return False


def is_question(clause: Token) -> bool:
    """Whether the clause headed by ``clause`` is an indirect question ("whether ...")."""
    return clause.doc[clause.left_edge.i].lower_ in QUESTION_WORDS


def _fits(
    p: VerbPattern, particle: str | None, objects: Sequence[Token]
) -> tuple[bool, Token | None]:
    """Whether pattern ``p`` fits, and the object it matched (if any)."""
    if p.particle != particle:
        return False, None
    if p.objects is None:
        if not p.targets and objects:
            return False, None  # an intransitive pattern ("protest") with an object
        return True, (objects[0] if objects else None)
    for o in objects:
        if o.lemma_.lower() in p.objects or o.lower_ in p.objects:
            return True, o
    for o in objects:  # "weapons components": a compound modifier may carry the meaning
        for c in o.children:
            if c.dep_ == "compound" and (c.lemma_.lower() in p.objects or c.lower_ in p.objects):
                return True, o
    return False, None


def _next_word(tok: Token) -> str | None:
    """The word right after ``tok`` when it hangs on it: a particle spaCy took for a
    preposition ("cordoned off the roads")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt.lower_ if nxt is not None and nxt.head.i == tok.i else None


def _pobjs(tok: Token, prep: str) -> list[Token]:
    """The objects of ``tok``'s ``prep`` phrases after it: a phrase before the verb sets the
    scene ("On Twitter, Bush called Trump unhinged" is no "call on")."""
    return [
        pobj
        for p in tok.children
        if p.dep_ in ("prep", "dative", "agent") and p.lower_ == prep and p.i > tok.i
        for pobj in _children(p, "pobj")
    ]


def _targets(found_obj: Token | None, tok: Token, p: VerbPattern, actors: Actors) -> list[Actor]:
    """The target actors where pattern ``p`` looks for them; for a verb whose sense depends on
    its object (``political``), only political actors named at a phrase's head."""

    def named(phrase: Token) -> list[Actor]:
        return political_actors(phrase, actors) if p.political else actors.of_phrase(phrase)

    for where in p.targets:
        if where == "obj":
            direct = [found_obj] if found_obj is not None else []
            # "supplied Ukraine with weapons": the object matched is "weapons", the target Ukraine
            direct += [o for o in _children(tok, "dobj", "nsubjpass") if o is not found_obj]
            for o in direct:
                got = named(o)
                if got:
                    return got
            for dative in _children(tok, "dative"):
                got = named(dative)
                if got:
                    return got
        elif where == "obj*":
            if found_obj is not None:
                got = actors.in_phrase(found_obj)
                if got:
                    return got
        else:
            # on the object too when the pattern names it ("cut aid to X", "signed a deal with
            # X"); else the phrase is the verb's own ("called on X", not "called the ruling on X
            # a landmark")
            for host in (tok, found_obj if p.objects else None):
                if host is None:
                    continue
                for pobj in _pobjs(host, where):
                    got = named(pobj)
                    if got:
                        return got
    return []


def off_sense(tok: Token, p: VerbPattern, objects: Sequence[Token], actors: Actors) -> bool:
    """Whether a ``political`` pattern's verb acts on something else than a political actor
    or an event: its object, or the phrase of one of its target prepositions ("hosts the
    Morning Show", "retreated from the Paris Agreement", "clashed with the senator's
    entourage"). A verb with no such phrase ("the two leaders met") keeps its sense, and so
    does one whose "with" phrase is no target of its ("hosted the president with a dinner")."""
    if not p.political:
        return False
    direct = [o for o in objects if not (o.head.lower_ == "with" and o.head.head.i == tok.i)]
    phrases = [*direct, *(o for where in p.targets for o in _pobjs(tok, where))]
    return any(not fits_political(o, actors) for o in phrases)


def _place(hosts: Sequence[Token | None], actors: Actors) -> list[Actor]:
    """The country or place of an "in"/"at" phrase on the trigger or its object ("met in
    Zurich", "attended a summit in Switzerland")."""
    for host in hosts:
        if host is None:
            continue
        for prep in ("in", "at"):
            for pobj in _pobjs(host, prep):
                found = [a for a in actors.of_phrase(pobj) if actors.kinds.get(a.entity) in PLACES]
                if found:
                    return found[:1]
    return []


def find_events(
    parsed: Doc, actors: Actors, patterns: Mapping[str, Sequence[VerbPattern]]
) -> Iterator[Found]:
    """Every trigger in ``parsed`` with a fitting pattern and at least a source."""
    for tok in parsed:
        if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            continue
        # a verb form a dictionary lists ("cordoned") also finds it when the lemma is off
        cands = patterns.get(tok.lemma_.lower()) or patterns.get(tok.lower_)
        if not cands or (tok.lemma_.lower() in ASKING and not _asks_for_something(tok)):
            continue
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        passive = is_passive(tok)
        objects = objects_of(tok, passive)
        fitting: list[tuple[VerbPattern, Token | None]] = []
        phrase: PhraseMatch | None = None
        words: frozenset[str] | None = None
        for p in cands:
            if p.phrase is not None:  # a PETRARCH pattern: the first that fits decides
                if p.particle is not None and p.particle != (particle or _next_word(tok)):
                    continue
                if words is None:
                    words = frozenset(t.text.upper() for t in tok.sent)
                phrase = match_phrase(p, tok, actors, words)
                if phrase is not None:
                    fitting = [(p, objects[0] if objects else None)]
                    break
                continue
            ok, obj = _fits(p, particle, objects)
            if ok:
                fitting.append((p, obj))
        if not fitting or not fitting[0][0].code:  # PETRARCH's [---]: no event here
            continue
        if phrase is not None and phrase.sources:
            sources = phrase.sources
        else:
            subj = subject_of(tok)
            sources = actors.of_phrase(subj) if subj is not None else []
        if not sources:
            continue
        if phrase is not None:
            p, obj = fitting[0]
            targets = phrase.targets or []
            if not targets and p.targets and not phrase.mutual:
                targets = _targets(obj, tok, p, actors) or first_actor_after(tok, actors)
            targets = [t for t in targets if all(t.entity != s.entity for s in sources)]
            yield Found(tok, p, sources, targets, passive, obj, _place((tok, obj), actors))
            continue
        # the most specific pattern that finds a target; else the most specific one
        best: Found | None = None
        for p, obj in fitting:
            if off_sense(tok, p, objects, actors):
                continue
            targets = _targets(obj, tok, p, actors)
            if targets or best is None:
                best = Found(tok, p, sources, targets, passive, obj, _place((tok, obj), actors))
            if targets:
                break
        if best is not None and best.targets and _received(tok, best.pattern, passive):
            # "Ukraine received weapons from the US": the giver acts on the receiver
            best = replace(best, sources=best.targets, targets=best.sources)
        if best is not None:
            yield best
