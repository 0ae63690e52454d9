"""newsgraph's own code tables (``data/*.tsv``) and the lexicon built from them.

- ``countries.tsv``: CAMEO country code, name, aliases, demonyms, capitals, other cities and
  regions (each city and region is its own place, with its country's code). Codes follow
  ``cameo_countries`` (ISO3 with CAMEO's few exceptions).
- ``seats.tsv``: places that stand for a government or one of its branches (the Kremlin).
- ``orgs.tsv``: organisations with their CAMEO code (IGOs, NGOs, armed forces, media, ...).
- ``people.tsv``: office holders with date-ranged codes.
- ``agents.tsv``: role words (nouns, titles and modifiers) with their CAMEO role code.

Lists inside a cell are separated by ``|``. All tables are facts written for newsgraph.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from newsgraph.stages.actors.names import (
    Coded,
    NameEntry,
    NameKind,
    PhraseIndex,
    case_form,
    fold,
    is_acronym,
)

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]

AgentKind = Literal["noun", "title", "modifier"]
_AGENT_KINDS: dict[str, AgentKind] = {"noun": "noun", "title": "title", "modifier": "modifier"}


@dataclass(frozen=True)
class Agent:
    """A role word: its CAMEO role code and how it is used."""

    code: str
    kind: AgentKind
    phrase: str


@dataclass
class AgentIndex:
    """Role words keyed by folded tokens (the last token in its lemma form)."""

    entries: dict[tuple[str, ...], list[Agent]] = field(default_factory=dict)
    longest: int = 0

    def add(self, tokens: Sequence[str], agent: Agent) -> None:
        key = tuple(fold(t) for t in tokens if t.strip())
        if key:
            bucket = self.entries.setdefault(key, [])
            if agent not in bucket:
                bucket.append(agent)
            self.longest = max(self.longest, len(key))

    def get(self, key: tuple[str, ...], kind: AgentKind | None = None) -> Agent | None:
        for a in self.entries.get(key, ()):
            if kind is None or a.kind == kind:
                return a
        return None


@dataclass
class Lexicon:
    names: PhraseIndex
    agents: AgentIndex
    countries: dict[str, str]  # code -> name
    surnames: PhraseIndex = field(default_factory=PhraseIndex)  # "Putin", "Xi": people only
    key: tuple[str, ...] = ()  # the user's dictionaries it was built with


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """spaCy's English tokenizer, the one the parse uses, for tokenising table entries."""
    import spacy

    tok: Tokenizer = spacy.blank("en").tokenizer
    return tok


def tokens_of(text: str) -> list[str]:
    return [t.text for t in tokenizer()(text.replace("_", " ").strip())]


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = resources.files("newsgraph.stages.actors") / "data" / name
    with path.open("r", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _date(value: str) -> str | None:
    return value or None


def add_name(index: PhraseIndex, text: str, entry: NameEntry) -> None:
    index.add(tokens_of(text), entry)
    if "." in text and is_acronym(text.replace(".", "")):  # "U.N." also as "UN"
        index.add(tokens_of(text.replace(".", "")), entry)


def _with_the(names: Iterable[str]) -> Iterator[str]:
    for n in names:
        yield n
        if n.lower().startswith("the "):
            yield n[4:]


def build_lexicon() -> Lexicon:
    names = PhraseIndex()
    countries: dict[str, str] = {}
    columns: tuple[tuple[str, NameKind], ...] = (
        ("name", "country"),
        ("aliases", "country"),
        ("demonyms", "demonym"),
        ("capitals", "capital"),
        ("cities", "city"),
    )
    for row in _rows("countries.tsv"):
        code = row["code"]
        countries[code] = row["name"]
        for column, name_kind in columns:
            for text in _split(row[column]):
                # a city or region is a place of its own, coded with its country
                own_place = name_kind in ("capital", "city")
                entry = NameEntry(
                    name_kind,
                    text if own_place else row["name"],
                    (Coded(code),),
                    acronym=is_acronym(text),
                    form=case_form(text),
                )
                add_name(names, text, entry)
    for row in _rows("seats.tsv"):
        entry = NameEntry("seat", row["phrase"], (Coded(row["code"]),))
        for text in _with_the([row["phrase"]]):
            add_name(names, text, entry)
    for row in _rows("orgs.tsv"):
        all_names = [row["name"], *_split(row["aliases"])]
        for text in _with_the(all_names):
            entry = NameEntry(
                "org",
                row["name"],
                (Coded(row["code"]),),
                acronym=is_acronym(text),
                title=row.get("kind") or None,
                form=case_form(text),
            )
            add_name(names, text, entry)
    people: dict[str, list[Coded]] = {}
    titles: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    for row in _rows("people.tsv"):
        people.setdefault(row["name"], []).append(
            Coded(row["code"], _date(row["start"]), _date(row["end"]))
        )
        titles[row["name"]] = row["title"]
        aliases.setdefault(row["name"], set()).update(_split(row["aliases"]))
    surnames = PhraseIndex()
    agents = _agents()
    for person, codes in people.items():
        entry = NameEntry("person", person, tuple(codes), title=titles.get(person))
        # a title is read from the text itself ("President Xi" is a title and a name)
        own = [a for a in sorted(aliases[person]) if not _titled(a, person, agents)]
        for text in [person, *own]:
            add_name(names, text, entry)
            for word in _family_names(text, codes[0].code[:3]):
                surnames.add([word], entry)
    return Lexicon(names=names, agents=agents, countries=countries, surnames=surnames)


def _agents() -> AgentIndex:
    agents = AgentIndex()
    for row in _rows("agents.tsv"):
        kind = _AGENT_KINDS.get(row["kind"])
        if kind is not None:
            phrase = row["phrase"]
            agents.add(tokens_of(phrase), Agent(row["code"], kind, phrase))
            if " " in phrase:  # "secretary general" is also "secretary-general"
                agents.add(tokens_of(phrase.replace(" ", "-")), Agent(row["code"], kind, phrase))
    return agents


def _titled(alias: str, name: str, agents: AgentIndex) -> bool:
    """An alias that starts with a title the name itself does not have."""
    first = tokens_of(alias)[:1]
    if not first or name.split()[0] == first[0]:
        return False
    return agents.get((fold(first[0]),), "title") is not None


# Where news gives the family name first ("Xi Jinping" is President Xi).
_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP"})


def _family_names(name: str, country: str) -> list[str]:
    words = [w for w in tokens_of(name) if w.isalpha()]
    if len(words) < 2:
        return []
    picks = [words[-1]]
    if country in _FAMILY_FIRST:
        picks.append(words[0])
    return [w for w in picks if len(w) > 1 and w[0].isupper()]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The built-in lexicon, built once per process."""
    return build_lexicon()
