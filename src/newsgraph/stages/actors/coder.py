"""Code one actor phrase as CAMEO: a country (ISO3) and a role, e.g. ``RUSGOV``.

The phrase is a run of parsed tokens: a name with its titles and modifiers ("Russian
President Vladimir Putin"), a role noun phrase ("Kenyan police", "the opposition leader") or
an organisation's name. Names come first (a person's date-ranged office, an organisation's
code, a seat of power), then the country named by a country, demonym or capital, then the
role given by titles and role nouns; "former" and the like make a person an elite (``ELI``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.stages.actors.evidence import evidence_of, is_short, supported
from newsgraph.stages.actors.names import NameEntry, PhraseIndex, fold
from newsgraph.stages.actors.tables import Agent, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# Roles that an organisation or person keeps without a country.
INTERNATIONAL = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS", "PKO", "UNO"})
# A role word here outranks a name's own code ("former President X" is an elite).
OVERRIDING = frozenset({"ELI"})
PLACE_KINDS = frozenset({"country", "demonym", "capital", "city"})
# CAMEO role codes (cameo_actor_roles: primary, secondary, tertiary, party, known groups),
# and REL for religious actors: anything else of three letters is a country.
ROLE_CODES = INTERNATIONAL | frozenset(
    {
        "COP",
        "GOV",
        "INS",
        "JUD",
        "MIL",
        "OPP",
        "REB",
        "SEP",
        "SPY",
        "UAF",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "DEV",
        "EDU",
        "ELI",
        "ENV",
        "HLH",
        "HRI",
        "LAB",
        "LEG",
        "MED",
        "REF",
        "MOD",
        "RAD",
        "PTY",
        "REL",
        "SET",
        "AMN",
        "IRC",
        "GRP",
    }
)


def country_of(code: str | None) -> str | None:
    """The country part of a code (``RUS`` of ``RUSGOV``; ``XAU`` of a user's ``XAU``)."""
    if not code or len(code) < 3 or code[:3] in ROLE_CODES or not code[:3].isalpha():
        return None
    return code[:3]  # also for CAMEO's regions within a country (PSEGZA, USAPRI)


@dataclass
class NameHit:
    start: int  # token positions within the phrase
    end: int
    entry: NameEntry
    code: str | None
    surname: bool = False  # found by a surname alone


@dataclass
class Coding:
    """The code of a phrase and how it was reached (for ``--explain``)."""

    code: str | None = None
    country: str | None = None
    role: str | None = None
    names: list[NameHit] = field(default_factory=list)
    agents: list[tuple[int, int, Agent]] = field(default_factory=list)
    rule: str = ""

    @property
    def person(self) -> NameHit | None:
        return next((h for h in self.names if h.entry.kind == "person"), None)


def word_forms(tokens: Sequence[Token]) -> tuple[list[str], list[str]]:
    """Texts and lemmas (lower case) of ``tokens``."""
    return [t.text for t in tokens], [t.lemma_.lower() or t.lower_ for t in tokens]


def find_names(
    words: Sequence[str],
    lex: Lexicon,
    user: PhraseIndex | None,
    date: str | None,
    persons: Sequence[bool] | None = None,
    allow: Callable[[int, NameEntry, str | None], bool] | None = None,
) -> list[NameHit]:
    """Names in ``words``: user dictionaries first, then newsgraph's tables, then a
    surname alone ("Putin") where ``persons`` marks the word as part of a person's name
    and only one office holder of that name fits the date. ``allow(k, entry, code)`` says
    whether the one-word name at ``k`` has the evidence to be ``entry`` (``evidence``)."""
    hits: list[NameHit] = []
    taken = [False] * len(words)
    for index in (user, lex.names):
        if index is None or not len(index):
            continue
        for a, b, entries in index.find_all(words):
            if any(taken[a:b]):
                continue
            entry = _pick(entries, date)
            code = _person_code(entry, date)
            if code is None and entry.kind in ("person", "user"):
                continue  # a name coded only for later dates says nothing then
            if allow is not None and is_short(a, b, entry) and not allow(a, entry, code):
                continue
            hits.append(NameHit(a, b, entry, code))
            for i in range(a, b):
                taken[i] = True
    if persons is not None:
        for a, b, entries in lex.surnames.find_all(words):
            if taken[a] or not persons[a] or not _alone(words, persons, a):
                continue
            if _acronym(words[a]):  # "AI" is not Ai Weiwei, "LI" not Li Qiang
                continue
            person = _only_one(entries, date)
            if person is not None and (
                allow is None or allow(a, person, _person_code(person, date))
            ):
                hits.append(NameHit(a, b, person, _person_code(person, date), surname=True))
                taken[a] = True
    hits.sort(key=lambda h: h.start)
    return hits


def _acronym(word: str) -> bool:
    """A short word in capitals: an acronym, never a surname alone."""
    return len(word) <= 4 and word.isupper()


def _alone(words: Sequence[str], persons: Sequence[bool], a: int) -> bool:
    """A surname standing for the whole name: no other name word beside it ("Putin", not
    the "Ahmed" of "Ahmed Ben Bella")."""
    before = a > 0 and persons[a - 1] and words[a - 1][:1].isupper()
    after = a + 1 < len(words) and (
        (persons[a + 1] and words[a + 1][:1].isupper()) or words[a + 1] in ("-", "\u2010")
    )
    return not before and not after


def _person_code(entry: NameEntry, date: str | None) -> str | None:
    """A name's code on ``date``; a person whose every office ended before it is a former
    office holder, an elite (``ELI``) of their country."""
    code = entry.code_on(date)
    if code is not None or date is None or entry.kind != "person":
        return code
    ends = [c.end for c in entry.codes]
    if ends and all(e is not None and e < date for e in ends):
        latest = max(entry.codes, key=lambda c: c.end or "")
        if latest.code[:3] not in INTERNATIONAL:
            return latest.code[:3] + "ELI"
    return None


def _only_one(entries: Sequence[NameEntry], date: str | None) -> NameEntry | None:
    """The one person a surname can mean on ``date`` (in office then; with no date, in
    office now, else the only one of that name)."""
    people = {e.canonical: e for e in entries if e.kind == "person"}
    if date is not None:
        fits = [e for e in people.values() if e.code_on(date) is not None]
    else:
        fits = [e for e in people.values() if any(c.end is None for c in e.codes)]
    if len(fits) == 1:
        return fits[0]
    if date is None and not fits and len(people) == 1:
        return next(iter(people.values()))
    return None


def _pick(entries: Sequence[NameEntry], date: str | None) -> NameEntry:
    """Of several entries for one phrase: one valid on the date, organisations and seats
    before places (``Georgia`` the state vs the country is the table's business)."""
    rank = {
        "user": 0,
        "person": 1,
        "seat": 2,
        "org": 3,
        "country": 4,
        "demonym": 5,
        "capital": 6,
        "city": 7,
    }
    valid = [e for e in entries if e.code_on(date) is not None] or list(entries)
    return min(valid, key=lambda e: rank.get(e.kind, 9))


def find_agents(
    words: Sequence[str], lemmas: Sequence[str], lex: Lexicon, skip: Sequence[bool]
) -> list[tuple[int, int, Agent]]:
    """Role words in the phrase (the last word of a role phrase may be inflected)."""
    out: list[tuple[int, int, Agent]] = []
    folded = [fold(w) for w in words]
    i = 0
    n = len(words)
    while i < n:
        if skip[i]:
            i += 1
            continue
        found: tuple[int, Agent] | None = None
        for m in range(min(lex.agents.longest, n - i), 0, -1):
            if any(skip[i : i + m]):
                continue
            head = tuple(folded[i : i + m - 1])
            agent = lex.agents.get((*head, folded[i + m - 1])) or lex.agents.get(
                (*head, fold(lemmas[i + m - 1]))
            )
            if agent is not None:
                found = (m, agent)
                break
        if found is None:
            i += 1
            continue
        m, agent = found
        out.append((i, i + m, agent))
        i += m
    return out


def _personish(tokens: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Is ``tokens[k]`` (part of) a person's name: spaCy says so, or a title precedes it."""
    t = tokens[k]
    if not t.text[:1].isupper():
        return False
    if t.ent_type_ in ("PERSON", "ORG", "NORP"):  # spaCy often takes surnames for these
        return True
    return k > 0 and lex.agents.get((fold(tokens[k - 1].text),), "title") is not None


def compose(country: str | None, role: str | None) -> str | None:
    if role and role.endswith("~"):  # a user's agent coded before the country ("NGO~")
        return role[:-1] + (country or "")
    if country and role:
        return country + role
    return country or role


def code_phrase(
    tokens: Sequence[Token],
    lex: Lexicon,
    *,
    user: PhraseIndex | None = None,
    date: str | None = None,
    default_country: str | None = None,
    head: int | None = None,
    lone_name: bool = False,
    given: bool = False,
) -> Coding:
    """Code the actor phrase ``tokens``. ``head`` (a position in ``tokens``) is the phrase's
    head, whose role word counts most; ``default_country`` is used when the phrase names none.
    ``given``: the caller says the phrase is an actor ("code this actor"), which is the
    evidence its one-word names need; else the document gives it (``evidence``).
    """
    words, lemmas = word_forms(tokens)
    c = Coding()
    persons = [lone_name or _personish(tokens, k, lex) for k in range(len(tokens))]
    allow = None
    if tokens and not given:
        ev = evidence_of(tokens[0].doc, lex, user)

        def allow(k: int, entry: NameEntry, code: str | None) -> bool:
            return supported(tokens[k], entry, code, ev, lex, country=default_country)

    c.names = find_names(words, lex, user, date, persons, allow)
    skip = [False] * len(words)
    for h in c.names:
        for i in range(h.start, h.end):
            skip[i] = True
    c.agents = find_agents(words, lemmas, lex, skip)

    places = [h for h in c.names if h.code and (h.entry.kind in PLACE_KINDS or _bare(h))]
    actors = [h for h in c.names if h.code and h not in places]
    country = places[0].code if places else None
    modifiers = [a for _, _, a in c.agents if a.kind == "modifier"]
    nouns = [(s, e, a) for s, e, a in c.agents if a.kind in ("noun", "title")]
    role = _office(tokens, c, nouns, _head_role(nouns, head), head, lex)
    elite = _former(tokens, c.agents) or (role in OVERRIDING)
    if role is None:
        role = next((a.code for a in modifiers if a.code not in OVERRIDING), None)

    if actors and country is not None:
        # "Chile's Defense Department", "Serbian Labour Minister X": a name that is not the
        # head and belongs to another country only describes the actor; so does a person
        # found by surname alone
        actors = [
            h
            for h in actors
            if (h.code or "")[:3] in (country, *INTERNATIONAL)
            or (head is not None and h.start <= head < h.end and not h.surname)
        ]
    if actors:
        best = actors[0] if head is None else _closest(actors, head)
        code = best.code or ""
        prefix = country_of(code)
        if best.entry.kind == "person" and elite:
            c.country, c.role = prefix or country, "ELI"
            c.code, c.rule = compose(c.country, c.role), "former office holder"
            return c
        if prefix is not None:
            c.country, c.role = prefix, code[3:] or None
            c.code, c.rule = code, f"{best.entry.kind} {best.entry.canonical!r}"
            return c
        if code in INTERNATIONAL or code[:3] in INTERNATIONAL:
            c.country, c.role, c.code = None, code, code
            c.rule = f"{best.entry.kind} {best.entry.canonical!r}"
            return c
        # a role-only organisation (a newspaper: MED) takes the country around it
        c.country, c.role = country or default_country, code
        c.code = compose(c.country, c.role)
        c.rule = f"{best.entry.kind} {best.entry.canonical!r} with country"
        return c

    c.country = country or (default_country if (role or not places) else None)
    if elite:
        c.role = "ELI"
    else:
        c.role = role
    if c.role in INTERNATIONAL:
        c.country = None
    c.code = compose(c.country, c.role)
    c.rule = "country and role words" if c.code else "no actor words"
    return c


def is_place(hit: NameHit) -> bool:
    return hit.entry.kind in PLACE_KINDS or _bare(hit)


def _bare(hit: NameHit) -> bool:
    """A user dictionary's country entry (``NORLAND [NRL]``): a place, not an actor."""
    code = hit.code or ""
    return hit.entry.kind == "user" and len(code) == 3 and country_of(code) == code


def _former(tokens: Sequence[Token], agents: list[tuple[int, int, Agent]]) -> bool:
    """ "former president": an elite modifier of a role word (not of "former prize
    winner")."""
    offset = tokens[0].i if tokens else 0
    roles = {k for s, e, a in agents if a.kind != "modifier" for k in range(s, e)}
    for s, e, a in agents:
        if a.kind != "modifier" or a.code not in OVERRIDING:
            continue
        head = tokens[s].head.i - offset
        if head in roles or (head == s and any(k in roles for k in (e, e + 1))):
            return True
    return False


def _head_role(nouns: list[tuple[int, int, Agent]], head: int | None) -> str | None:
    if not nouns:
        return None
    if head is not None:
        for s, e, a in nouns:
            if s <= head < e:
                return a.code
    # the role word nearest the end of the phrase (English heads are on the right),
    # titles before a name count as well
    return nouns[-1][2].code


# Offices that every kind of organisation has: their role is the organisation's.
_OFFICE_ROLES = frozenset({"GOV"})
_OWNER_PREPS = frozenset({"of", "at", "for"})


def _office(
    tokens: Sequence[Token],
    c: Coding,
    nouns: list[tuple[int, int, Agent]],
    role: str | None,
    head: int | None,
    lex: Lexicon,
) -> str | None:
    """An office is read in its phrase: the vice president of a company is the company's
    ("the company's vice president", "Acme Corp Vice President", "vice president of
    marketing at Acme"), in the role of the organisation (a company, one the tables do not
    know, is business: ``BUS``); a government's stays ``GOV``."""
    if role not in _OFFICE_ROLES or not nouns:
        return role
    span = next(((s, e) for s, e, a in nouns if head is not None and s <= head < e), None)
    s, e = span if span is not None else (nouns[-1][0], nouns[-1][1])
    if not _held(tokens, s, e, lex):
        return role  # an organisation ("the Ministry of Mines"), not an office in one
    named = {k for h in c.names for k in range(h.start, h.end)}
    nouns_at = {k: a for s2, e2, a in nouns if (s2, e2) != (s, e) for k in range(s2, e2)}
    before = s - 1
    if before >= 0 and tokens[before].lower_ in ("'s", "\u2019s"):
        before -= 1
    owners = [before] if before >= 0 else []
    k = e
    while k < len(tokens) and tokens[k].lower_ in _OWNER_PREPS:
        k += 1
        while k < len(tokens) and tokens[k].lower_ in ("the", "a", "an"):
            k += 1
        if k < len(tokens):
            owners.append(k)
        while k < len(tokens) and tokens[k].lower_ not in _OWNER_PREPS and tokens[k].text != ",":
            k += 1
    for k in owners:
        owner = _owner_role(tokens[k], k in named, nouns_at.get(k))
        if owner is not None:
            return owner
    return role


def _held(tokens: Sequence[Token], s: int, e: int, lex: Lexicon) -> bool:
    """Are the role words ``tokens[s:e]`` a title a person holds ("vice president")?"""
    words = [fold(t.text) for t in tokens[s:e]]
    lemma = fold(tokens[e - 1].lemma_)
    agents = lex.agents
    return (
        agents.get(tuple(words), "title") or agents.get((*words[:-1], lemma), "title")
    ) is not None


def _owner_role(tok: Token, named: bool, agent: Agent | None) -> str | None:
    """The role of the organisation an office belongs to: its role noun ("company"), or
    business for an organisation the tables do not know."""
    if agent is not None:
        return agent.code if agent.code not in (*_OFFICE_ROLES, *OVERRIDING) else None
    if tok.ent_type_ == "ORG" and not named:
        return "BUS"
    return None


def _closest(hits: list[NameHit], head: int) -> NameHit:
    for h in hits:
        if h.start <= head < h.end:
            return h
    return hits[-1]
