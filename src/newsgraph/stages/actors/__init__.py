"""Stage ``actors``: the people, organisations and countries of an article, merged into
entities and coded as CAMEO actors.

    mentions.find_mentions   names, places, nationalities and role phrases in the parse
    coder.code_phrase        each mention's CAMEO code from the words around it
    resolve.resolve          mentions → entities (surnames, titles, metonyms, acronyms)
    describe.describe        each entity's role as the article gives it

Tables live in ``data/`` (see ``tables``); PETRARCH/Phoenix actor dictionaries can be added
(``dictionaries``), and are consulted before the built-in tables.

Public API for later stages: ``actor_mentions_of(doc)`` (each coded mention with its entity
id), ``code_tokens`` (code a phrase of the parse, honouring the user's dictionaries) and
``role_word`` (the CAMEO role of a role noun).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import PipelineError
from newsgraph.model import Document, Entity, Mention
from newsgraph.registry import stage
from newsgraph.stages.actors.actorhood import actors_only
from newsgraph.stages.actors.coder import Coding, code_phrase
from newsgraph.stages.actors.describe import describe
from newsgraph.stages.actors.dictionaries import (
    read_actor_dictionaries,
    read_agent_dictionaries,
    with_user_agents,
)
from newsgraph.stages.actors.mentions import Mention as ActorMention
from newsgraph.stages.actors.mentions import find_mentions
from newsgraph.stages.actors.names import PhraseIndex, fold
from newsgraph.stages.actors.resolve import Cluster, resolve
from newsgraph.stages.actors.tables import Lexicon, lexicon
from newsgraph.stages.nlp import parse_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

_STAGE_NAME = "actors.v1"
MENTIONS = "actor_mentions"  # [(ActorMention, entity id)], read with ``actor_mentions_of``

__all__ = [
    "MENTIONS",
    "ActorMention",
    "ActorsStage",
    "Coding",
    "actor_mentions_of",
    "code_actor",
    "code_tokens",
    "role_word",
    "user_index",
]


def actor_mentions_of(doc: Document) -> list[tuple[ActorMention, str]]:
    """Every coded mention the ``actors`` stage found, with the id of its entity."""
    try:
        mentions: list[tuple[ActorMention, str]] = doc._scratch[MENTIONS]
    except KeyError:
        raise PipelineError(
            f"this stage needs the actor mentions of stage {_STAGE_NAME!r}; put "
            f"{_STAGE_NAME!r} before it"
        ) from None
    return mentions


@lru_cache(maxsize=8)
def user_index(paths: tuple[str, ...]) -> PhraseIndex | None:
    """The user's actor dictionaries, read once per process."""
    return read_actor_dictionaries(list(paths)) if paths else None


@lru_cache(maxsize=8)
def lexicon_for(paths: tuple[str, ...]) -> Lexicon:
    """The built-in lexicon, with the role words of the user's agent dictionaries first."""
    base = lexicon()
    if not paths:
        return base
    entries = read_agent_dictionaries(list(paths))
    if not entries:
        return replace(base, key=paths)
    return replace(base, agents=with_user_agents(base.agents, entries), key=paths)


@stage(_STAGE_NAME, requires={"parse"}, assigns={"entities", MENTIONS})
class ActorsStage:
    """Find the actors, merge their mentions into entities and code them in CAMEO."""

    def __init__(self, dictionaries: list[str] | tuple[str, ...] = ()) -> None:
        self.dictionaries = tuple(str(Path(p)) for p in dictionaries)
        if self.dictionaries:
            user_index(self.dictionaries)  # fail early on a bad file

    def __call__(self, doc: Document) -> Document:
        parsed = parse_of(doc)
        date = doc.article.published
        lex = lexicon_for(self.dictionaries)
        user = user_index(self.dictionaries)
        mentions = find_mentions(parsed, lex, user, date)
        clusters = actors_only(parsed, resolve(parsed, mentions, lex), lex)
        doc.entities = [
            _entity(parsed, f"e{n}", c, lex.countries) for n, c in enumerate(clusters, 1)
        ]
        doc._scratch[MENTIONS] = [
            (m, e.id) for c, e in zip(clusters, doc.entities, strict=True) for m in c.mentions
        ]
        return doc


def _entity(parsed: Doc, eid: str, c: Cluster, countries: dict[str, str]) -> Entity:
    code = c.code()
    mentions = sorted(c.mentions, key=lambda m: m.i)
    return Entity(
        id=eid,
        name=_name(c, code, countries),
        kind=c.kind,
        code=code,
        description=describe(parsed, c),
        mentions=[Mention(start=m.start, end=m.end, text=m.text) for m in mentions],
        by=_STAGE_NAME,
    )


def _name(c: Cluster, code: str | None, countries: dict[str, str]) -> str:
    if c.kind == "country" and code and code in countries:
        return countries[code]
    named = [m for m in c.mentions if m.role != "nominal"]
    pool = named or c.mentions
    if c.kind == "person" and named:
        best = max(named, key=lambda m: (m.j - max(m.name_i, m.i), -m.i))
        return best.name or best.text
    if c.kind == "organization":
        entry = next((m.entry for m in pool if m.entry is not None), None)
        if entry is not None and entry.kind != "user":  # a user's entries are in capitals
            return entry.canonical
    return max(pool, key=lambda m: (m.j - m.i, -m.i)).text


def code_actor(
    text: str,
    *,
    context: str | None = None,
    date: str | None = None,
    dictionaries: tuple[str, ...] = (),
) -> Coding:
    """Code one actor phrase ("Armenian Prime Minister Nikol Pashinyan", "Kenyan police").

    ``context`` is text that places the actor (a country, "Mexican"); ``date`` (YYYY-MM-DD)
    picks the office a named person held then.
    """
    from newsgraph.stages.nlp import parse_text

    lex = lexicon_for(tuple(dictionaries))
    user = user_index(tuple(dictionaries))
    default_country = None
    if context:
        ctx = code_phrase(list(parse_text(context)), lex, user=user, date=date)
        default_country = ctx.country
    parsed = parse_text(text)
    tokens = [t for t in parsed if not t.is_space]
    if not tokens:
        return Coding(rule="empty phrase")
    roots = [t for t in tokens if t.head.i == t.i or t.head.is_space]
    head = roots[-1].i - tokens[0].i if roots else None
    return code_phrase(
        tokens,
        lex,
        user=user,
        date=date,
        default_country=default_country,
        head=head,
        lone_name=len(tokens) == 1 and tokens[0].text[:1].isupper(),
        given=True,
    )


def code_tokens(
    tokens: Sequence[Token],
    *,
    date: str | None = None,
    dictionaries: Sequence[str] = (),
    head: int | None = None,
    default_country: str | None = None,
) -> Coding:
    """Code a phrase of the parse (``[tok]`` for "Russian", the tokens of "Kenyan police"),
    with the user's actor and agent dictionaries (``--actors`` files) before the built-in
    tables. ``head`` is the position in ``tokens`` of the phrase's head word; a name needs the
    same evidence as in the stage, found here in the phrase's own document."""
    paths = tuple(str(Path(p)) for p in dictionaries)
    lex = lexicon_for(paths)
    user = user_index(paths)
    return code_phrase(
        tokens, lex, user=user, date=date, head=head, default_country=default_country
    )


def role_word(
    word: str, previous: str | None = None, *, dictionaries: Sequence[str] = ()
) -> str | None:
    """The CAMEO role of a role noun or title, given in its lemma ("minister" → ``GOV``,
    "troop" → ``MIL``); ``previous`` is the word before it, for two-word roles ("foreign
    minister"). None for a word that is no role."""
    agents = lexicon_for(tuple(str(Path(p)) for p in dictionaries)).agents
    agent = agents.get((fold(word),), "noun") or agents.get((fold(word),), "title")
    if agent is None and previous is not None:
        key = (fold(previous), fold(word))
        agent = agents.get(key, "noun") or agents.get(key, "title")
    return agent.code if agent is not None else None
