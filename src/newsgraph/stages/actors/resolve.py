"""Merge mentions into entities.

- People: a full name, its surname alone, a title with the surname ("President Xi") and a
  fuller form ("Vladimir Vladimirovich Putin") are one person; a surname joins the person
  introduced most recently with that name.
- Role phrases that name one person ("the Chinese president", "his Russian counterpart")
  join the person of that country, the one mentioned most recently before them.
- Countries: a country's name, its capital used as an actor ("Beijing says") and its
  people ("the Russians") are one country entity; a capital used as a place ("in Moscow")
  is a location.
- Organisations: by their name in the lexicon, else by their text; an acronym joins the
  organisation whose initials it spells.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.model import EntityKind
from newsgraph.stages.actors.mentions import Mention
from newsgraph.stages.actors.names import fold
from newsgraph.stages.actors.tables import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass
class Cluster:
    kind: EntityKind
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    tokens: tuple[str, ...] = ()  # a person's name, folded
    last_seen: int = -1

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.last_seen = max(self.last_seen, m.i)

    def code(self) -> str | None:
        """The most informative code its mentions carry. A person known by surname alone
        ("Christie") is not the one of that surname the tables know when the text gives a
        full name the tables do not know ("Chris Christie" is not Perry Christie)."""
        coded = [m for m in self.mentions if m.code]
        hits = [m.coding.person for m in coded if m.coding.person]
        if len(self.tokens) > 1 and hits and all(h.surname for h in hits):
            coded = [m for m in coded if not m.coding.person]  # a namesake: not this person
        tabled = [m.code for m in coded if m.coding.person]
        if tabled:
            return Counter(tabled).most_common(1)[0][0]
        full = [m.code for m in coded if m.code and m.coding.country and m.coding.role]
        if full:
            return _most_common_first(full)
        some = [m.code for m in coded if m.code]
        return _most_common_first(some) if some else None


def _most_common_first(codes: list[str]) -> str:
    counts = Counter(codes)
    top = max(counts.values())
    return next(c for c in codes if counts[c] == top)


def name_tokens(doc: Doc, m: Mention, lex: Lexicon) -> tuple[str, ...]:
    toks = [t for t in doc[m.i : m.j] if any(c.isalpha() for c in t.text) and t.text != "-"]
    while toks and lex.agents.get((fold(toks[0].text),), "title") is not None and len(toks) > 1:
        toks = toks[1:]
    words = tuple(fold(t.text).rstrip(".") for t in toks)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words


def resolve(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, ...], Cluster] = {}

    def cluster(kind: EntityKind, key: tuple[str, ...]) -> Cluster:
        c = by_key.get(key)
        if c is None:
            c = Cluster(kind, key)
            by_key[key] = c
            clusters.append(c)
        return c

    people: list[Cluster] = []
    titles: list[Mention] = []
    for m in mentions:
        if m.role == "person":
            _add_person(doc, m, lex, people, clusters)
        elif m.role == "nominal" and m.title:
            titles.append(m)
        elif m.role == "nominal":
            cluster(
                "group",
                (
                    "group",
                    m.code or "",
                    fold(doc[m.context[1] - 1].lemma_) if m.context else fold(m.text),
                ),
            ).add(m)
        elif m.role in ("place", "norp"):
            entry = m.entry
            if (
                entry is not None
                and m.code
                and (entry.kind in ("country", "demonym", "user") or m.metonym)
            ):
                cluster("country", ("country", m.code)).add(m)
            else:
                name = entry.canonical if entry is not None else m.text
                cluster("location", ("location", fold(name))).add(m)
        else:
            entry = m.entry
            if entry is not None:
                cluster("organization", ("org", fold(entry.canonical))).add(m)
            else:
                acr = _acronym_owner(m, clusters)
                if acr is not None:
                    acr.add(m)
                else:
                    cluster("organization", ("org", fold(m.text))).add(m)
    _merge_surnames(people, clusters)
    _sweep_surnames(doc, people, mentions)
    for m in titles:
        target = _person_for_title(m, people)
        if target is not None:
            target.add(m)
        elif m.coding.country:
            cluster("person", ("title", m.code or "", fold(m.text))).add(m)
    _one_sense(clusters, people)
    _short_forms(clusters, lex)
    kept = [c for c in clusters if c.mentions]
    kept.sort(key=lambda c: min(x.i for x in c.mentions))
    return kept


def _add_person(
    doc: Doc, m: Mention, lex: Lexicon, people: list[Cluster], clusters: list[Cluster]
) -> None:
    words = name_tokens(doc, m, lex)
    if not words:
        return
    best: Cluster | None = None
    if len(words) >= 2:
        for c in people:
            if c.tokens == words or (
                c.tokens[-1] == words[-1]
                and len(c.tokens) > 1
                and (set(c.tokens) <= set(words) or set(words) <= set(c.tokens))
            ):
                best = c
                break
    else:
        cands = [
            c
            for c in people
            if words[0] in (c.tokens[-1], c.tokens[0])
            or (len(c.tokens) > 1 and words[0] == c.tokens[-2])
        ]
        if cands:
            best = max(cands, key=lambda c: c.last_seen)
    if best is None:
        best = Cluster("person", ("person", *words), tokens=words)
        people.append(best)
        clusters.append(best)
    elif len(words) > len(best.tokens):
        best.tokens = words
    best.add(m)


def _merge_surnames(people: list[Cluster], clusters: list[Cluster]) -> None:
    """A surname met before the full name ("Putin ... Vladimir Putin") joins it."""
    for single in [c for c in people if len(c.tokens) == 1]:
        full = [c for c in people if len(c.tokens) > 1 and single.tokens[0] in c.tokens]
        if len(full) == 1:
            for m in single.mentions:
                full[0].add(m)
            single.mentions.clear()


def _sweep_surnames(doc: Doc, people: list[Cluster], mentions: list[Mention]) -> None:
    """A person's surname where spaCy saw no name ("Brenner spoke first.") is a mention of
    the person, when only one person in the article has that surname."""
    taken = [False] * len(doc)
    for m in mentions:
        for k in range(m.i, m.j):
            taken[k] = True
    owners: dict[str, list[Cluster]] = {}
    for c in people:
        if len(c.tokens) > 1 and c.mentions:
            owners.setdefault(c.tokens[-1], []).append(c)
    for tok in doc:
        if taken[tok.i] or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN"):
            continue
        found = owners.get(fold(tok.text))
        if not found or len(found) != 1:
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (
            prev is not None
            and prev.text[:1].isupper()
            and not prev.is_sent_start
            and not prev.is_punct
        ) or (nxt is not None and nxt.text[:1].isupper()):
            continue  # part of another name ("Anna Brenner", "Brenner Pass")
        c = found[0]
        model = max(c.mentions, key=lambda x: len(x.coding.code or ""))
        c.add(
            Mention(
                tok.i,
                tok.i + 1,
                tok.idx,
                tok.idx + len(tok.text),
                tok.text,
                "person",
                model.coding,
                name_i=tok.i,
                name=tok.text,
            )
        )


def _one_sense(clusters: list[Cluster], people: list[Cluster]) -> None:
    """A one-word name means one thing in an article: "Belmora" taken for a person once and
    a place elsewhere is the place; "Vennick" taken for an organisation is the person
    Dara Vennick."""
    places = {c.key[1]: c for c in clusters if c.kind in ("country", "location") and c.mentions}
    for c in list(places.values()):
        if c.kind == "country":
            for m in c.mentions:
                places.setdefault(fold(m.text), c)
    surnames: dict[str, list[Cluster]] = {}
    for p in people:
        if len(p.tokens) > 1 and p.mentions:
            surnames.setdefault(p.tokens[-1], []).append(p)
    for c in clusters:
        if c.kind not in ("person", "organization") or not c.mentions:
            continue
        if any(m.entry is not None or m.j - m.i != 1 for m in c.mentions):
            continue
        words = {fold(m.text) for m in c.mentions}
        if len(words) != 1:
            continue
        word = next(iter(words))
        target = places.get(word)
        if target is None and c.kind == "organization" and len(surnames.get(word, [])) == 1:
            target = surnames[word][0]
        if target is not None and target is not c:
            for m in c.mentions:
                target.add(m)
            c.mentions.clear()


def _short_forms(clusters: list[Cluster], lex: Lexicon) -> None:
    """An organisation named by the start or the end of a longer name of the same text
    ("Brightwell" of "Brightwell Robotics", "Harbor State" of "Harbor State University") is
    that organisation, when only one longer name fits and the short form is no role word."""
    orgs = [c for c in clusters if c.kind == "organization" and c.mentions]
    # a possessive is no name ("Google's AI" is not an organisation called "AI")
    names = {
        id(c): {_words(m.text) for m in c.mentions if "'s" not in m.text.replace("\u2019", "'")}
        for c in orgs
    }
    for c in orgs:
        if any(m.entry is not None for m in c.mentions):
            continue
        forms = names[id(c)]
        if len(forms) != 1:
            continue
        short = next(iter(forms))
        if not short or all(lex.agents.get((w,)) is not None for w in short):
            continue
        fits = [
            o
            for o in orgs
            if o is not c
            and o.mentions
            and any(
                len(f) > len(short) and (f[: len(short)] == short or f[-len(short) :] == short)
                for f in names[id(o)]
            )
        ]
        if len(fits) == 1:
            for m in c.mentions:
                fits[0].add(m)
            c.mentions.clear()


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in text.split())


def _person_for_title(m: Mention, people: list[Cluster]) -> Cluster | None:
    country = m.coding.country
    if not country:
        return None
    cands = [c for c in people if c.mentions and (c.code() or "")[:3] == country]
    if not cands:
        return None
    before = [c for c in cands if min(x.i for x in c.mentions) < m.i]
    pool = before or cands
    return max(pool, key=lambda c: max((x.i for x in c.mentions if x.i < m.i), default=-1))


def _acronym_owner(m: Mention, clusters: list[Cluster]) -> Cluster | None:
    letters = m.text.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6):
        return None
    for c in clusters:
        if c.kind != "organization":
            continue
        for x in c.mentions:
            initials = "".join(w[0] for w in x.text.split() if w[:1].isupper())
            if initials == letters:
                return c
    return None
