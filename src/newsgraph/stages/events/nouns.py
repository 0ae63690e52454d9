"""Events carried by a noun: "Xi's visit to Russia", "Russia's invasion of Ukraine", "the
Israeli shelling of Gaza", "talks between Iran and Saudi Arabia".

``data/nouns.tsv`` gives, per noun, the CAMEO code and where its source and target are:
``poss`` (the possessive), ``amod`` (an actor among the premodifiers: "Russian", "US"), or a
preposition ("by", "of", "to", "on", ...). An optional fifth column, ``needs``, says
``political`` for a noun whose sense depends on what it acts on: the actors of
its target's phrase must be political actors named at the phrase's head ("the withdrawal from
Kabul", not "the withdrawal from the Paris Agreement"; "clashes with the army", not "clashes
between reporters and the senator's entourage"). A noun that a verb pattern already used as its
object ("held talks", "launched an attack") is not coded again. The noun's mode is that of the
verb it depends on, and hypothetical when that verb fears, plans, threatens or demands it,
negated when it denies or prevents it, future when the noun is "upcoming" or "planned".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from newsgraph.errors import InputError
from newsgraph.stages.events.arguments import Actor, Actors
from newsgraph.stages.events.codes import cameo_codes
from newsgraph.stages.events.find import verb_above
from newsgraph.stages.events.mode import HYPOTHETICAL_VERBS, Modality, modality
from newsgraph.stages.events.political import political_actors
from newsgraph.stages.events.verbs import VerbTableError, needs_political
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NOUN_HYPOTHETICAL = HYPOTHETICAL_VERBS | words(
    "fear risk warn threaten plan prepare seek avert forestall deter expect predict"
)
NOUN_NEGATING = words("deny prevent avoid reject cancel postpone halt suspend stop block")
NOUN_FUTURE = words("upcoming planned forthcoming future next scheduled expected")
_NOMINAL = words("nsubj nsubjpass dobj pobj")
_SUBJECTS = words("nsubj nsubjpass")


class NounTableError(InputError):
    """A noun pattern file that cannot be read."""


@dataclass(frozen=True)
class NounPattern:
    code: str
    noun: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    where: str
    political: bool = False  # its target must be a political actor

    def describe(self) -> str:
        political = " (political object)" if self.political else ""
        return f"noun {self.noun} ({'|'.join(self.sources)} → {'|'.join(self.targets)}){political}"


def parse_nouns(lines: Iterable[str], name: str) -> dict[str, NounPattern]:
    codes = cameo_codes()
    out: dict[str, NounPattern] = {}
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) not in (4, 5):
            raise NounTableError(
                f"{name}:{n}: expected 4 tab-separated columns (5 with 'needs'), found {len(cols)}"
            )
        code, noun, src, tgt = cols[:4]
        if code not in codes:
            raise NounTableError(f"{name}:{n}: {code!r} is not a CAMEO event code")
        try:
            political = needs_political(cols[4] if len(cols) == 5 else "", f"{name}:{n}")
        except VerbTableError as exc:
            raise NounTableError(str(exc)) from None
        out[noun.lower()] = NounPattern(
            code,
            noun.lower(),
            () if src == "-" else tuple(src.lower().split("|")),
            () if tgt == "-" else tuple(tgt.lower().split("|")),
            f"{name}:{n}",
            political,
        )
    return out


@lru_cache(maxsize=1)
def builtin_nouns() -> dict[str, NounPattern]:
    text = resources.files("newsgraph.stages.events").joinpath("data/nouns.tsv").read_text("utf-8")
    return parse_nouns(text.splitlines(), "nouns.tsv")


@dataclass(frozen=True)
class NounEvent:
    noun: Token
    pattern: NounPattern
    sources: list[Actor]
    targets: list[Actor]
    mode: Modality
    mode_cue: str


def _pobjs(tok: Token, prep: str) -> list[Token]:
    return [
        pobj
        for p in tok.children
        if p.dep_ in ("prep", "agent") and p.lower_ == prep
        for pobj in p.children
        if pobj.dep_ == "pobj"
    ]


def _actors_at(
    noun: Token, places: tuple[str, ...], actors: Actors, *, political: bool = False
) -> tuple[list[Actor], str | None]:
    """The actors at the first of ``places`` that has any, and that place; with
    ``political``, only political actors named at the head of a preposition's object."""
    for where in places:
        if where == "poss":
            for c in noun.children:
                if c.dep_ == "poss":
                    got = actors.of_phrase(c)
                    if got:
                        return got, where
        elif where == "amod":
            got = [
                a
                for a in actors.inside(noun.left_edge.i, noun.i)
                if not any(
                    c.dep_ == "poss" and c.left_edge.idx <= a.start < c.right_edge.idx + 1
                    for c in noun.children
                )
            ]
            got = got or [
                a
                for c in noun.children
                if c.dep_ in ("amod", "compound") and c.i < noun.i
                for a in [actors.nationality(c)]
                if a is not None
            ]
            if got:
                return got, where
        else:
            for pobj in _pobjs(noun, where):
                got = political_actors(pobj, actors) if political else actors.of_phrase(pobj)
                if got:
                    return got, where
    return [], None


def noun_mode(noun: Token) -> tuple[Modality, str]:
    """The mode of what ``noun`` names: that of the verb it hangs on ("fears an attack":
    hypothetical), negated for "no attack", future for an "upcoming" one."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated", "no"
    if noun.head.i == noun.i:
        return "asserted", ""
    gov = verb_above(noun.head)
    if gov.pos_ in ("VERB", "AUX"):
        lemma = gov.lemma_.lower()
        if noun.dep_ not in _SUBJECTS:  # "fears an attack", not "the visit is intended to"
            if lemma in NOUN_NEGATING:
                return "negated", gov.text
            if lemma in NOUN_HYPOTHETICAL:
                return "hypothetical", gov.text
        mode, cue = modality(gov)
        if mode != "asserted":
            return mode, cue
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in NOUN_FUTURE:
            return "future", c.text
    return "asserted", ""


def find_noun_events(
    parsed: Doc, actors: Actors, nouns: Mapping[str, NounPattern], used: set[int]
) -> Iterator[NounEvent]:
    """Events carried by nouns of the table, with a source (or, for "talks between A and
    B", two parties) and a target."""
    for tok in parsed:
        if tok.pos_ not in ("NOUN", "VERB") or tok.i in used:
            continue
        if tok.pos_ == "VERB" and not (tok.tag_ == "VBG" and tok.dep_ in _NOMINAL):
            continue  # "shelling" tagged as a verb but used as a noun
        p = nouns.get(tok.lemma_.lower())
        if p is None:
            continue
        sources, source_at = _actors_at(tok, p.sources, actors)
        targets, target_at = _actors_at(tok, p.targets, actors, political=p.political)
        if not sources and len(targets) > 1 and target_at == "between":
            sources = targets  # "talks between Iran and Saudi Arabia": each way
        elif not targets and len(sources) > 1 and "between" in p.targets and source_at == "amod":
            targets = sources  # "the US-China talks"
        elif source_at == target_at:
            continue  # one phrase is not both sides: "tours of the Colosseum, the Pantheon"
        if not sources or not targets:
            continue
        mode, cue = noun_mode(tok)
        yield NounEvent(tok, p, sources, targets, mode, cue)
