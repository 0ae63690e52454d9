"""The real-page scorers: quotes, actors, not-actors, events and genre, page by page.

Each scorer takes one page's gold and what a tool found on that page, and returns a tally that
adds up over pages. The rules are written out in the package docstring (``bench.realpages``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.realpages.gold import GoldActor, GoldPage, GoldQuote
from bench.realpages.text import Normalised, fold, name_matches, name_tokens, overlaps, speaks
from newsgraph.model import Document, Entity, Event, Quote
from newsgraph.stages.actors.coder import INTERNATIONAL, country_of

__all__ = [
    "ActorTally",
    "EventTally",
    "GenreTally",
    "NotActorTally",
    "PredQuote",
    "QuoteTally",
    "find_entity",
    "gold_spans",
    "newsgraph_quotes",
    "score_actors",
    "score_events",
    "score_genre",
    "score_not_actors",
    "score_quotes",
]

NO_EVENT_GENRES = frozenset({"commerce", "listing"})


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- quotes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PredQuote:
    """A predicted quote as the scorer sees it: its character spans and its speaker."""

    spans: tuple[tuple[int, int], ...]
    speaker: str | None  # None: no speaker (or only a pronoun)
    text: str
    kind: str = "direct"


def _entity_names(doc: Document) -> dict[str, str]:
    return {e.id: e.name for e in doc.entities}


def _speaker(q: Quote, names: dict[str, str]) -> str | None:
    name = names.get(q.speaker) if q.speaker else None
    if name and speaks(name):
        return name
    return q.speaker_text if speaks(q.speaker_text) else None


def newsgraph_quotes(doc: Document) -> list[PredQuote]:
    """The document's quotes: spans of their parts (else the whole quote) and speaker (the
    entity's name, else the speaker text)."""
    names = _entity_names(doc)
    return [
        PredQuote(
            spans=tuple((p.start, p.end) for p in q.parts) or ((q.start, q.end),),
            speaker=_speaker(q, names),
            text=q.text,
            kind=q.kind,
        )
        for q in doc.quotes
    ]


def gold_spans(text: str | Normalised, quotes: Sequence[GoldQuote]) -> list[tuple[int, int] | None]:
    """Each gold statement's span in the article text (None when its snippets are not found)."""
    norm = text if isinstance(text, Normalised) else Normalised(text)
    return [norm.locate(q.first, q.last) for q in quotes]


@dataclass
class QuoteTally:
    attributed: int = 0  # predictions with a speaker, judged
    correct: int = 0
    unattributed: int = 0  # predictions without a speaker (not judged)
    ignored: int = 0  # predictions overlapping only "uncertain" gold statements
    gold: int = 0  # gold statements counted for recall
    recalled: int = 0
    gold_direct: int = 0
    recalled_direct: int = 0
    unlocated: int = 0  # gold statements whose snippets are not in the text
    false: list[tuple[str, PredQuote, GoldQuote | None]] = field(default_factory=list)
    missed: list[tuple[str, GoldQuote]] = field(default_factory=list)
    unlocated_at: list[tuple[str, int]] = field(default_factory=list)

    def add(self, other: QuoteTally) -> None:
        for name in (
            "attributed", "correct", "unattributed", "ignored", "gold", "recalled",
            "gold_direct", "recalled_direct", "unlocated",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.false += other.false
        self.missed += other.missed
        self.unlocated_at += other.unlocated_at

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.attributed)

    @property
    def recall(self) -> float:
        return _ratio(self.recalled, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def recall_direct(self) -> float:
        return _ratio(self.recalled_direct, self.gold_direct)

    def as_json(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "recall_direct": self.recall_direct,
            "attributed": self.attributed,
            "correct": self.correct,
            "unattributed": self.unattributed,
            "ignored_uncertain": self.ignored,
            "gold": self.gold,
            "recalled": self.recalled,
            "gold_direct": self.gold_direct,
            "recalled_direct": self.recalled_direct,
            "gold_unlocated": self.unlocated,
        }


def _recalls(g: GoldQuote, span: tuple[int, int], preds: Sequence[PredQuote]) -> bool:
    """A gold statement is recalled by an overlapping prediction with the right speaker; one
    whose text names no speaker, by an overlapping prediction that names none either."""
    for p in preds:
        if not overlaps(p.spans, *span):
            continue
        if p.speaker is None and g.speaker is None:
            return True
        if p.speaker is not None and name_matches(p.speaker, g.names):
            return True
    return False


def score_quotes(page: GoldPage, text: str | Normalised, preds: Sequence[PredQuote]) -> QuoteTally:
    """Precision over attributed predictions, recall over the gold statements (rules: see the
    package docstring)."""
    t = QuoteTally()
    located = list(zip(page.quotes, gold_spans(text, page.quotes), strict=True))
    for k, (g, span) in enumerate(located):
        if span is None:
            t.unlocated += 1
            t.unlocated_at.append((page.key, k))
            continue
        if g.uncertain:
            continue
        hit = _recalls(g, span, preds)
        t.gold += 1
        t.recalled += hit
        if g.kind == "direct":
            t.gold_direct += 1
            t.recalled_direct += hit
        if not hit:
            t.missed.append((page.key, g))
    for p in preds:
        if p.speaker is None:
            t.unattributed += 1
            continue
        touching = [g for g, span in located if span is not None and overlaps(p.spans, *span)]
        certain = [g for g in touching if not g.uncertain]
        if touching and not certain:
            t.ignored += 1
            continue
        t.attributed += 1
        if any(name_matches(p.speaker, g.names) for g in certain):
            t.correct += 1
        else:
            t.false.append((page.key, p, certain[0] if certain else None))
    return t


# --- actors -------------------------------------------------------------------------------


def find_entity(actor: GoldActor, entities: Sequence[Entity]) -> Entity | None:
    """The entity that stands for a gold actor: its name or a mention equals the gold name or
    an alias (words compared, case aside); for a person also one whose name has the gold
    name's first and last words. Of several, the one with most mentions (first on a tie)."""
    keys = {fold(n) for n in actor.names} - {""}
    words = name_tokens(actor.name)

    def fits(e: Entity) -> bool:
        if fold(e.name) in keys or any(fold(m.text) in keys for m in e.mentions):
            return True
        if actor.kind == "person" and words:
            have = set(name_tokens(e.name))
            return words[0] in have and words[-1] in have
        return False

    found = [e for e in entities if fits(e)]
    return max(found, key=lambda e: len(e.mentions)) if found else None


def code_ok(code: str | None, codes: Sequence[str | None]) -> bool:
    """Whether an entity's code is one of the gold's acceptable codes (None: "no code").
    CAMEO codes a multinational business ``MNC``: that is accepted wherever the gold accepts
    a business code (a role that starts with ``BUS``)."""
    if code and code.upper().startswith("MNC"):
        return any(g is not None and _split(g)[1].startswith("BUS") for g in codes)
    return (code.upper() if code else None) in codes


def _split(code: str) -> tuple[str | None, str]:
    """A code's country (or international prefix) and the rest (its roles)."""
    country = _country(code)
    return country, code[len(country) :] if country else code


def code_consistent(code: str, codes: Sequence[str | None]) -> bool:
    """Whether a code says nothing wrong of the actor: for one of the acceptable codes, its
    country (if it names one) is that code's country, and its roles (if any) begin that
    code's roles or are begun by them. "BUS" for a gold "USABUS" is consistent (incomplete);
    "FRABUS" or "USAGOV" are not."""
    country, roles = _split(code.upper())
    for gold in codes:
        if gold is None:
            continue
        g_country, g_roles = _split(gold)
        if country is not None and country != g_country:
            continue
        if roles and g_roles and not (g_roles.startswith(roles) or roles.startswith(g_roles)):
            continue
        if roles and not g_roles:  # a gold bare country: a place or a private person
            continue
        return True
    return False


@dataclass
class ActorTally:
    gold: int = 0
    found: int = 0
    correct: int = 0
    coded: int = 0  # found actors given a code
    consistent: int = 0  # of those, codes that say nothing wrong (code_consistent)
    rows: list[tuple[str, str, str | None, str | None, bool]] = field(default_factory=list)

    def add(self, other: ActorTally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.correct += other.correct
        self.coded += other.coded
        self.consistent += other.consistent
        self.rows += other.rows

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.found)

    @property
    def coverage(self) -> float:
        return _ratio(self.found, self.gold)

    def as_json(self) -> dict[str, Any]:
        return {
            "code_accuracy": self.accuracy,
            "coverage": self.coverage,
            "gold": self.gold,
            "found": self.found,
            "correct": self.correct,
            "coded": self.coded,
            "consistent": self.consistent,
            "code_precision": _ratio(self.consistent, self.coded),
        }


def match_actors(page: GoldPage, doc: Document) -> list[tuple[GoldActor, Entity | None]]:
    return [(a, find_entity(a, doc.entities)) for a in page.actors]


def score_actors(page: GoldPage, doc: Document) -> ActorTally:
    """Code accuracy over the gold actors newsgraph has an entity for; coverage."""
    t = ActorTally()
    for actor, entity in match_actors(page, doc):
        t.gold += 1
        if entity is None:
            t.rows.append((page.key, actor.name, None, None, False))
            continue
        ok = code_ok(entity.code, actor.codes)
        t.found += 1
        t.correct += ok
        if entity.code:
            t.coded += 1
            t.consistent += ok or code_consistent(entity.code, actor.codes)
        t.rows.append((page.key, actor.name, entity.name, entity.code, ok))
    return t


# --- not-actors ---------------------------------------------------------------------------


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    """Whether ``part`` occurs in ``words`` as a run of whole words."""
    n = len(part)
    return n > 0 and any(list(words[k : k + n]) == list(part) for k in range(len(words) - n + 1))


def _violation(
    banned: str, entity: Entity, places: Sequence[tuple[int, int]], gold_actor: bool
) -> tuple[str, str] | None:
    """(entity text, why) when ``entity`` makes an actor of the not-actor string ``banned``.
    An entity that is a gold actor of the page may hold it in a longer name ("Officer Jane
    Roe" holding "Officer")."""
    words = name_tokens(banned)
    if not words:
        return None
    for said in (entity.name, *(m.text for m in entity.mentions)):
        have = name_tokens(said)
        if have == words:
            return said, "the entity's name or a mention is it"
        if not gold_actor and _contains(have, words):
            return said, "the entity's name or a mention holds it"
    if entity.code and len(banned.strip()) >= 3:
        for m in entity.mentions:
            inside = any(s <= m.start and m.end <= e for s, e in places)
            if len(m.text.strip()) >= 3 and inside and _contains(words, name_tokens(m.text)):
                return m.text, f"a mention inside it is coded {entity.code}"
    return None


@dataclass
class NotActorTally:
    strings: int = 0
    violations: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, other: NotActorTally) -> None:
        self.strings += other.strings
        self.violations += other.violations

    @property
    def rate(self) -> float:
        return _ratio(len(self.violations), self.strings)

    def as_json(self) -> dict[str, Any]:
        return {"strings": self.strings, "violations": len(self.violations), "rate": self.rate}


def score_not_actors(
    page: GoldPage, doc: Document, text: Normalised | None = None
) -> NotActorTally:
    """Each not-actor string that some entity makes an actor of counts once."""
    norm = text or Normalised(doc.article.text)
    actors = {id(e) for _, e in match_actors(page, doc) if e is not None}
    t = NotActorTally()
    for banned in page.not_actors:
        t.strings += 1
        places = norm.find_all(banned)
        for entity in doc.entities:
            hit = _violation(banned, entity, places, id(entity) in actors)
            if hit:
                t.violations.append((page.key, banned, f"{entity.name} [{entity.code}]", hit[1]))
                break
    return t


# --- events -------------------------------------------------------------------------------


def _country(code: str) -> str | None:
    return country_of(code) or (code[:3] if code[:3] in INTERNATIONAL else None)


def side_ok(code: str, actor: GoldActor) -> bool:
    """Whether an event side's code agrees with the gold actor: it starts with the country of
    one of the actor's acceptable codes, or one of those codes has no country."""
    for gold in actor.codes:
        want = _country(gold) if gold else None
        if want is None or code.upper().startswith(want):
            return True
    return False


@dataclass
class EventTally:
    counted: int = 0
    correct: int = 0
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, other: EventTally) -> None:
        self.counted += other.counted
        self.correct += other.correct
        self.wrong += other.wrong

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.counted)

    def as_json(self) -> dict[str, Any]:
        return {"counted": self.counted, "correct": self.correct, "precision": self.precision}


def _gold_actor_of(
    entity_id: str | None, text: str | None, pairs: Iterable[tuple[GoldActor, Entity | None]]
) -> GoldActor | None:
    for actor, entity in pairs:
        if entity is not None and entity.id == entity_id:
            return actor
    if text:  # a side with no entity: its words against the gold names
        for actor, _ in pairs:
            if fold(text) in {fold(n) for n in actor.names}:
                return actor
    return None


def judge_event(
    ev: Event, page: GoldPage, pairs: Sequence[tuple[GoldActor, Entity | None]]
) -> str | None:
    """None when the event is right by the event rule, else why it is wrong."""
    if page.genre in NO_EVENT_GENRES:
        return f"an event on a {page.genre} page"
    sides = [
        (name, ent, code, said)
        for name, ent, code, said in (
            ("source", ev.source, ev.source_code, ev.source_text),
            ("target", ev.target, ev.target_code, ev.target_text),
        )
        if code
    ]
    if not sides:
        return "no coded actor"
    for name, ent, code, said in sides:
        actor = _gold_actor_of(ent, said, pairs)
        if actor is None:
            return f"{name} {said!r} is not a gold actor"
        if not side_ok(str(code), actor):
            return f"{name} {said!r} coded {code}, gold {'/'.join(map(str, actor.codes))}"
    return None


def score_events(page: GoldPage, doc: Document) -> EventTally:
    t = EventTally()
    pairs = match_actors(page, doc)
    for ev in doc.events:
        t.counted += 1
        why = judge_event(ev, page, pairs)
        if why is None:
            t.correct += 1
        else:
            codes = f"{ev.source_code or '-'} {ev.cameo} {ev.target_code or '-'}"
            t.wrong.append((page.key, ev.text, codes, why))
    return t


# --- genre --------------------------------------------------------------------------------


@dataclass
class GenreTally:
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: GenreTally) -> None:
        self.pairs.update(other.pairs)

    @property
    def pages(self) -> int:
        return sum(self.pairs.values())

    @property
    def correct(self) -> int:
        return sum(n for (gold, pred), n in self.pairs.items() if gold == pred)

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.pages)

    def as_json(self) -> dict[str, Any]:
        return {
            "accuracy": self.accuracy,
            "pages": self.pages,
            "correct": self.correct,
            "confusion": [
                {"gold": g, "predicted": p, "pages": n} for (g, p), n in sorted(self.pairs.items())
            ],
        }


def score_genre(page: GoldPage, doc: Document) -> GenreTally:
    """The predicted genre against the gold one; no genre ("none") is wrong."""
    genre = doc.article.genre
    return GenreTally(Counter({(page.genre, genre.label if genre else "none"): 1}))
