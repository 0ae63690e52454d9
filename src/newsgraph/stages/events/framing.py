"""Framed acts: an act offered, asked for, demanded, refused or threatened.

CAMEO codes the framing, not the act: "Libya offered to hand over two suspects" is an intent
to release (0353), not a release; "Iran threatened to cut off aid" a threat (1311); "China
demanded that the US cancel the sale" and "urged Chad to withdraw its troops" a demand (10x)
and an appeal (02x) addressed to the US and to Chad; "refused to release the hostages" a
refusal to yield (1243). The act's own code, from the verb table, picks the sub-code:
``data/framing.tsv`` maps (family, act code) to the framed code, longest prefix first.

The framing verb governs the act's verb: "agreed/offered/promised/pledged/vowed to V", "is
ready/willing/prepared to V", "wants/seeks/hopes to V" (intent), "threatened to V",
"urged/asked/called on X to V", "wants X to V" (appeal), "demanded/insisted that X V" (demand),
"refused/declined to V" (refuse). A hostile act under a verb of intent ("vowed to fight") is a
threat. An act the table has no row for keeps its own event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from newsgraph.stages.events.arguments import Actor, Actors
from newsgraph.stages.events.find import FRAME_NOUNS, Found, is_question, is_verb, subject_of
from newsgraph.stages.events.mode import refusal
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Token

FAMILY_VERBS = {
    "intent": words("agree offer promise pledge vow commit undertake volunteer swear"),
    "threaten": words("threaten"),
    "appeal": words("urge ask request appeal call press implore beg plead encourage"),
    "demand": words("demand insist"),
    "refuse": words("refuse decline"),
}
# "wants to help Israel" (intent), "wants Putin to help Israel" (an appeal to Putin)
WANTING = words("want seek hope intend aim wish")
READY = words("ready willing prepared eager determined committed")  # "is ready to send troops"
ADDRESSEE_PREPS = words("on upon to")  # "called on X to", "appealed to X to"
HOSTILE_ROOTS = frozenset(f"{n:02d}" for n in range(13, 21))


@dataclass(frozen=True)
class Frame:
    """The verb that frames an act, and its family."""

    family: str
    verb: Token


@lru_cache(maxsize=1)
def framing_table() -> dict[tuple[str, str], str]:
    """(family, act code prefix) → framed code, from ``data/framing.tsv``."""
    text = resources.files("newsgraph.stages.events").joinpath("data/framing.tsv")
    table: dict[tuple[str, str], str] = {}
    for line in text.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            family, act, code = line.split("\t")
            table[(family, act)] = code
    return table


def framed_code(family: str, act: str) -> str | None:
    """The code of ``act`` framed by ``family`` ("threaten", "163" → "1312"), or None."""
    if family == "intent" and act[:2] in HOSTILE_ROOTS:
        family = "threaten"  # "vowed to fight", "pledged to retaliate"
    table = framing_table()
    for n in range(len(act), 1, -1):
        code = table.get((family, act[:n]))
        if code is not None:
            return code
    return None


def _family(verb: Token) -> str | None:
    return next((f for f, lemmas in FAMILY_VERBS.items() if is_verb(verb, lemmas)), None)


def frame_of(act: Token) -> Frame | None:
    """The verb that frames the act at ``act`` (its own verb, or the first of a list of acts:
    "threatened to impose sanctions and cut aid"), if any."""
    node = act
    while node.dep_ == "conj" and node.head.i != node.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break
        node = node.head
    dep, head = node.dep_, node.head
    if head.i == node.i:
        return None
    if dep == "xcomp":
        if head.pos_ == "ADJ" and head.lemma_.lower() in READY:
            return Frame("intent", head)
        family = _family(head) if head.pos_ == "VERB" else None
        if head.pos_ == "VERB" and is_verb(head, WANTING):
            family = "appeal" if any(c.dep_ == "dobj" for c in head.children) else "intent"
        if family is not None and family != "demand":
            return Frame(family, head)
    elif dep == "ccomp" and head.pos_ == "VERB":
        # "demanded that the US cancel ...", "wants Putin to help": the act has its own subject
        family = _family(head)
        if family != "demand" and (family == "appeal" or is_verb(head, WANTING)):
            family = "appeal"
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        if family in ("demand", "appeal") and own_subject and not is_question(node):
            return Frame(family, head)
    elif dep == "acl" and head.pos_ == "NOUN" and node.tag_ == "VB":
        lemma = head.lemma_.lower()
        family = next((f for f, nouns in FRAME_NOUNS.items() if lemma in nouns), None)
        if family is not None:
            return Frame(family, head)
    elif dep == "advcl" and head.lemma_.lower() == "call" and _addressee_phrases(head):
        return Frame("appeal", head)  # "called on China to stop", parsed as a purpose clause
    return None


def _addressee_phrases(verb: Token) -> list[Token]:
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in ADDRESSEE_PREPS:
            heads += [c for c in prep.children if c.dep_ == "pobj"]
    return heads


def reframe(found: Found, actors: Actors) -> Found:
    """``found`` coded as the framed act it is, or ``found`` itself when its verb is not
    framed, or the table has no row for its code."""
    if not found.pattern.code:
        return found
    frame = frame_of(found.trigger)
    if frame is None:
        return _refused(found)
    code = framed_code(frame.family, found.pattern.code)
    if code is None:
        return found
    verb = frame.verb
    if frame.family in ("appeal", "demand"):
        subj = subject_of(found.trigger) if verb.pos_ == "NOUN" else subject_of(verb)
        sources = actors.of_phrase(subj) if subj is not None else []
        addressed: list[Actor] = []
        for head in _addressee_phrases(verb):
            addressed += actors.of_phrase(head)
        targets = addressed or found.sources  # "demanded that the US cancel": the act's subject
        targets = [t for t in targets if all(t.entity != s.entity for s in sources)]
        if not targets:  # an appeal or demand to no one we know: the act as it was
            return found
        place: list[Actor] = []
    else:
        sources, targets, place = found.sources, found.targets, found.place
    if not sources:
        return found
    pattern = replace(found.pattern, code=code, code2=None)
    frame_rule = f"framed by “{verb.text}” ({frame.family}): {found.pattern.code} → {code}"
    return Found(verb, pattern, sources, targets, False, found.object, place, frame_rule)


def _refused(found: Found) -> Found:
    """An act its actor says will not happen ("will not release the prisoners", "said it would
    not provide support") coded as the refusal it is (12), when the table has a row for it."""
    words_ = refusal(found.trigger)
    code = framed_code("refuse", found.pattern.code) if words_ else None
    if code is None:
        return found
    pattern = replace(found.pattern, code=code, code2=None)
    rule = f"“{words_}” is a refusal: {found.pattern.code} → {code}"
    return replace(found, pattern=pattern, frame=rule, refusal=True)
