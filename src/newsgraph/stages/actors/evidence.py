"""Evidence before identity: when a short name is the actor the tables know by it.

An acronym or a one-word name ("IRA", "MIT", "Fano", "Kremlin", a surname alone) is also a
common word, a product or someone else's name ("Roth IRA", a university, a family name). One
rule serves every name of the tables and of the user's dictionaries: such a name links to
its entry only when its letter case is right (an acronym in a line written all in capitals,
a heading, is no acronym) and it has support: a letter case of its own that the text repeats
("LeT", "OpenAI"; not the plain shapes "IRA" or "Fano" that common words and other names
share), or one of

1. the full name: a form of the same entry of more than one word ("Irish Republican Army",
   "the Economist" for "Economist"), anywhere in the document;
2. country context: the document names the entry's country (by name, people, capital or
   another of its places), or, for an entry that belongs to no country (the UN, a
   multinational), names any country by its name, people or capital (a state or a city
   says nothing of international affairs: the "ISO" of a Californian grid operator);
3. role context: the entry's role is the role of a role word in the same sentence
   ("intelligence" for an intelligence service, "militants" for an armed group; a business
   word for a multinational).

Names of more than one word and places are their own evidence. The facts of a document are
gathered once and kept with its parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.stages.actors.names import NameEntry, PhraseIndex, case_form, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.stages.actors.tables import Lexicon

_KEY = "newsgraph.actors.evidence:"
PLACE_KINDS = frozenset({"country", "demonym", "capital", "city"})
# CAMEO codes that name no country (a country code is any other three letters)
_NO_COUNTRY = frozenset(
    {"IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS", "PKO", "UNO", "REL", "BUS", "MED"}
)


@dataclass
class Evidence:
    """What one document says that can support a short name."""

    words: list[str]  # the document's tokens
    common: frozenset[str]  # the words it writes in lower case
    full: frozenset[str]  # canonical names written out in full
    countries: frozenset[str]  # countries the document names, by any of their places
    nations: frozenset[str]  # countries it names by name, people or capital
    matches: dict[int, list[tuple[int, int, list[NameEntry]]]]  # index -> find_all of the text
    roles: dict[int, frozenset[str]] = field(default_factory=dict)  # sentence start -> roles
    # country -> the names of its places the document writes (country, people, capital, city)
    places: dict[str, frozenset[str]] = field(default_factory=dict)

    def points_to(self, country: str, place: str) -> bool:
        """Whether the document points to ``country`` apart from its place ``place``: it
        names another of the country's places, or no other country at all (a city has
        namesakes: a Manchester in a story from Jamaica is Jamaica's)."""
        others = self.places.get(country, frozenset()) - {place}
        return bool(others) or not (set(self.places) - {country})


def is_short(a: int, b: int, entry: NameEntry) -> bool:
    """A name that needs evidence: one word, not a place."""
    return b - a == 1 and entry.kind not in PLACE_KINDS and not _bare_country(entry)


def _bare_country(entry: NameEntry) -> bool:
    code = entry.code_on(None) or ""
    return entry.kind == "user" and len(code) == 3 and code not in _NO_COUNTRY


def evidence_of(doc: Doc, lex: Lexicon, user: PhraseIndex | None) -> Evidence:
    """The document's evidence, gathered once per document and lexicon."""
    key = _KEY + "|".join(lex.key)
    found = doc.user_data.get(key)
    if isinstance(found, Evidence):
        return found
    words = [t.text for t in doc]
    full: set[str] = set()
    countries: set[str] = set()
    nations: set[str] = set()
    places: dict[str, set[str]] = {}
    matches: dict[int, list[tuple[int, int, list[NameEntry]]]] = {}
    for n, index in enumerate((user, lex.names)):
        if index is None or not len(index):
            continue
        hits = list(index.find_all(words))
        matches[n] = hits
        for a, b, entries in hits:
            for e in entries:
                if e.kind in PLACE_KINDS or _bare_country(e):
                    code = e.code_on(None)
                    if code:
                        countries.add(code[:3])
                        places.setdefault(code[:3], set()).add(e.canonical)
                        if e.kind != "city":
                            nations.add(code[:3])
                elif b - a > 1 or _with_the(doc, a, e):
                    full.add(e.canonical)
    common = frozenset(w for w in words if w.isalpha() and w.islower())
    ev = Evidence(words, common, frozenset(full), frozenset(countries), frozenset(nations), matches)
    ev.places = {c: frozenset(p) for c, p in places.items()}
    doc.user_data[key] = ev
    return ev


def _with_the(doc: Doc, a: int, entry: NameEntry) -> bool:
    """ "the Economist": the entry's full name is "The Economist"."""
    return (
        a > 0 and doc[a - 1].lower_ == "the" and fold(entry.canonical) == "the " + fold(doc[a].text)
    )


def supported(
    tok: Token,
    entry: NameEntry,
    code: str | None,
    ev: Evidence,
    lex: Lexicon,
    *,
    country: str | None = None,
) -> bool:
    """Whether the one-word name ``tok`` may be ``entry`` (coded ``code``) in its document.
    ``country`` is a country the caller knows from elsewhere (an actor's stated context)."""
    if _in_capitals(ev.words, tok.i):
        return False
    if entry.canonical in ev.full or _distinctive(entry, tok.text):
        return True
    code = code or ""
    own = code[:3] if len(code) >= 3 and code[:3] not in _NO_COUNTRY else None
    known = ev.countries | {country} if country else ev.countries
    if own is not None and own in known:
        return True
    if own is None and (ev.nations or country):
        return True
    role = code[3:6] if own is not None else code[:3]
    roles = _sentence_roles(tok, ev, lex) if role else frozenset()
    return role in roles or (role == "MNC" and "BUS" in roles)  # a multinational is a business


def _distinctive(entry: NameEntry, text: str) -> bool:
    """A name whose own mixed letter case the text repeats ("LeT", "OpenAI", "PBoC"): a
    shape no common word or plain acronym has."""
    return entry.acronym and any(c.islower() for c in entry.form) and case_form(text) == entry.form


def _in_capitals(words: list[str], i: int, reach: int = 8) -> bool:
    """A word in a line written in capitals (a heading: "WHO WE ARE"), where case says
    nothing: the words of its line within ``reach`` are all in capitals."""
    letters: list[str] = []
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(words) and abs(k - i) <= reach and "\n" not in words[k]:
            if any(c.isalpha() for c in words[k]):
                letters.append(words[k])
            k += step
    return len(letters) >= 2 and all(w.isupper() for w in letters)


def _sentence_roles(tok: Token, ev: Evidence, lex: Lexicon) -> frozenset[str]:
    sent = tok.sent
    roles = ev.roles.get(sent.start)
    if roles is None:
        from newsgraph.stages.actors.coder import find_agents

        words = [t.text for t in sent]
        lemmas = [t.lemma_.lower() or t.lower_ for t in sent]
        agents = find_agents(words, lemmas, lex, [False] * len(words))
        roles = frozenset(a.code[:3] for _, _, a in agents)
        ev.roles[sent.start] = roles
    return roles
