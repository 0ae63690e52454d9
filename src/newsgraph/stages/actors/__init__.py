"""Stage ``actors``: the people, organisations and countries of an article, merged into
entities and coded as CAMEO actors.

    mentions.find_mentions   names, places, nationalities and role phrases in the parse
    coder.code_phrase        each mention's CAMEO code from the words around it
    resolve.resolve          mentions → entities (surnames, titles, metonyms, acronyms)
    describe.describe        each entity's role as the article gives it

Tables live in ``data/`` (see ``tables``); PETRARCH/Phoenix actor dictionaries can be added
(``dictionaries``), and are consulted before the built-in tables.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.model import Document, Entity, Mention
from newsgraph.registry import stage
from newsgraph.stages.actors.coder import Coding, code_phrase
from newsgraph.stages.actors.describe import describe
from newsgraph.stages.actors.dictionaries import (
    read_actor_dictionaries,
    read_agent_dictionaries,
    with_user_agents,
)
from newsgraph.stages.actors.mentions import find_mentions
from newsgraph.stages.actors.names import PhraseIndex
from newsgraph.stages.actors.resolve import Cluster, resolve
from newsgraph.stages.actors.tables import Lexicon, lexicon
from newsgraph.stages.nlp import parse_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

_STAGE_NAME = "actors.v1"
MENTIONS = "actor_mentions"

__all__ = [
    "ActorsStage",
    "Coding",
    "code_actor",
    "user_index",
]  # scratch: [(Mention from mentions.py, entity id)]


@lru_cache(maxsize=8)
def user_index(paths: tuple[str, ...]) -> PhraseIndex | None:
    """The user's actor dictionaries, read once per process."""
    return read_actor_dictionaries(list(paths)) if paths else None


@lru_cache(maxsize=8)
def lexicon_for(paths: tuple[str, ...]) -> Lexicon:
    """The built-in lexicon, with the role words of the user's agent dictionaries first."""
    base = lexicon()
    entries = read_agent_dictionaries(list(paths)) if paths else []
    if not entries:
        return base
    return replace(base, agents=with_user_agents(base.agents, entries))


@stage(_STAGE_NAME, requires={"parse"}, assigns={"entities"})
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
        clusters = resolve(parsed, mentions, lex)
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
    )
