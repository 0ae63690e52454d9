"""Stage ``events``: who did what to whom, coded in CAMEO and PLOVER.

    find.find_events     triggers (verbs of the pattern table) with their source and target
    framing.reframe      an act offered, urged, demanded, refused or threatened, coded as such
    arguments.Actors     the actors a noun phrase names (compounds, pronouns, "of" phrases)
    mode.modality        asserted, future, hypothetical or negated
    dates.resolve_date   the clause's date against the publication date
    codes.cameo_codes    each code's name, Goldstein value, QuadClass and PLOVER type

An event inside a quote or a claim is ``reported`` (unless negated or hypothetical) and links
the quote or claim. Compound actors give one event per pair; a compound source with no
target ("Iran and Saudi Arabia resumed ties") is mutual: one event each way. A claim of
wrongdoing against another actor ("The US claims that China is considering ...") is an
accusation (112) by the claimant, and its denial ("Beijing denies this") a denial (016) by
the responder. Every event names the rule that produced it in ``rule`` (``--explain``).

By default the stage keeps GDELT's rule: an event is kept only when its source or its target
is a coded actor (an actor with a CAMEO code), and a product or listing page (``genre``
commerce or listing) codes no events. ``all_events=True`` (``--all-events``) keeps the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.model import Document, Event, Mode
from newsgraph.registry import stage
from newsgraph.stages.actors import actor_mentions_of
from newsgraph.stages.events.arguments import Actor, Actors
from newsgraph.stages.events.codes import cameo_codes
from newsgraph.stages.events.dates import resolve_date
from newsgraph.stages.events.discards import Discards, read_discards
from newsgraph.stages.events.find import Found, find_events, verb_above
from newsgraph.stages.events.framing import reframe
from newsgraph.stages.events.mode import modality
from newsgraph.stages.events.nouns import NounEvent, builtin_nouns, find_noun_events, noun_mode
from newsgraph.stages.events.verbs import VerbPattern, builtin_patterns, index, read_patterns
from newsgraph.stages.nlp import parse_of
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_STAGE = "events.v1"
ACCUSING_CUES = words("claim allege accuse charge")
ACCUSE, DENY = "112", "016"
NOT_CAMEO = "(not a CAMEO code: from a user's verb dictionary)"
# pages whose events are not news events: a product page's "hosts", a listing's "attacks"
NO_EVENT_GENRES = frozenset({"commerce", "listing"})

__all__ = [
    "NOT_CAMEO",
    "NO_EVENT_GENRES",
    "EventsStage",
    "cameo_codes",
    "gdelt_rule",
    "user_patterns",
]


@lru_cache(maxsize=8)
def user_patterns(paths: tuple[str, ...]) -> dict[str, list[VerbPattern]]:
    """The user's verb pattern files, read once per process, by verb."""
    return index(p for path in paths for p in read_patterns(path))


@lru_cache(maxsize=8)
def user_discards(paths: tuple[str, ...]) -> Discards:
    """The user's discards files, read once per process."""
    return read_discards(paths)


def _not_discarded(parsed: Doc, events: list[Event], discard: Discards) -> list[Event]:
    """No events from a story with a story-level discard phrase, nor from a sentence with a
    sentence-level one (PETRARCH's discards: sports results, historical asides)."""
    if discard.story and discard.find([t.lower_ for t in parsed], story=True):
        return []
    dropped: dict[int, bool] = {}
    for sent in parsed.sents:
        dropped[sent.start_char] = discard.find([t.lower_ for t in sent]) is not None
    return [e for e in events if not dropped.get(e.start, False)]


def gdelt_rule(doc: Document, events: list[Event]) -> list[Event]:
    """GDELT's rule: only the events with a coded actor on one side at least, and none on a
    product or listing page (``doc.article.genre``; no genre, no page filter)."""
    genre = doc.article.genre
    if genre is not None and genre.label in NO_EVENT_GENRES:
        return []
    return [e for e in events if e.source_code or e.target_code]


def _merged(user: dict[str, list[VerbPattern]]) -> dict[str, list[VerbPattern]]:
    if not user:
        return builtin_patterns()
    out = dict(builtin_patterns())
    for verb, entries in user.items():
        out[verb] = [*entries, *out.get(verb, [])]
    return out


@stage(_STAGE, requires={"parse", "entities", "quotes", "claims"}, assigns={"events"})
class EventsStage:
    """Code the events of each sentence: source, target, CAMEO/PLOVER type, mode and date."""

    def __init__(
        self,
        verbs: Sequence[str] = (),
        discards: Sequence[str] = (),
        all_events: bool = False,
        dictionaries: Sequence[str] = (),
    ) -> None:
        self.all_events = all_events
        self.dictionaries = tuple(str(Path(p)) for p in dictionaries)
        self.verbs = tuple(str(Path(p)) for p in verbs)
        self.patterns = _merged(user_patterns(self.verbs))
        self.discards = tuple(str(Path(p)) for p in discards)
        self.discard = user_discards(self.discards)

    def __call__(self, doc: Document) -> Document:
        parsed = parse_of(doc)
        kinds = {e.id: e.kind for e in doc.entities}
        codes = {e.id: e.code for e in doc.entities}
        actors = Actors(parsed, actor_mentions_of(doc), kinds, codes, self.dictionaries)
        published = doc.article.published
        events: list[Event] = []
        used: set[int] = set()
        # a PETRARCH pattern says its own framing
        founds = [
            f if f.pattern.phrase is not None else reframe(f, actors)
            for f in find_events(parsed, actors, self.patterns)
        ]
        # a framing verb's own pattern ("urged Chad" → 020) gives way to the act it frames
        framing = {f.trigger.i for f in founds if f.frame}
        for found in founds:
            if found.trigger.i in framing and not found.frame:
                continue
            events.extend(self._events(doc, parsed, found, published, len(events)))
            used.add(found.trigger.i)
            if found.object is not None:
                used.add(found.object.i)
        seen = {(e.start, e.source, e.target, e.cameo[:2]) for e in events}
        for ne in find_noun_events(parsed, actors, builtin_nouns(), used):
            for ev in self._noun_events(doc, ne, published):
                if (ev.start, ev.source, ev.target, ev.cameo[:2]) not in seen:
                    events.append(ev)
        events.extend(_claim_events(doc, actors, len(events)))
        if self.discard:
            events = _not_discarded(parsed, events, self.discard)
        if not self.all_events:
            events = gdelt_rule(doc, events)
        events.sort(key=lambda e: (e.start, e.trigger_start))
        for n, ev in enumerate(events, 1):
            ev.id = f"v{n}"
        doc.events = events
        return doc

    def _events(
        self, doc: Document, parsed: Doc, f: Found, published: str | None, n: int
    ) -> list[Event]:
        tok = f.trigger
        mode: Mode
        # "is ready to send troops": the mode is that of "is"; "Iran's threat to close the
        # strait alarmed markets": that of "alarmed"
        if tok.dep_ == "acomp":
            mode, cue = modality(tok.head)
        elif tok.pos_ == "NOUN":
            mode, cue = noun_mode(tok)
        else:
            mode, cue = modality(tok)
        if f.refusal and mode == "negated":  # "will not release": the refusal is said
            mode, cue = "asserted", ""
        start = tok.idx
        quote = next((q for q in doc.quotes if _inside(q, start)), None)
        claim = next((c for c in doc.claims if c.start <= start < c.end), None)
        if (quote or claim) and mode in ("asserted", "future"):
            mode, cue = "reported", (quote.cue if quote else claim.cue if claim else None) or ""
        when = _date(tok, published, future=mode == "future")
        sent = tok.sent
        rule = f"{f.pattern.where}: {f.pattern.describe()}"
        if f.passive:
            rule += " (passive)"
        if f.frame:
            rule += f"; {f.frame}"
        out = []
        pairs = _pairs(f.sources, f.targets, f.pattern, tok)
        if not pairs and f.place and f.pattern.targets:
            # no one on the receiving end: the place it happened, as PETRARCH and the CAMEO
            # gold code it ("Obama and Putin will meet in Zurich" → USA/RUS → CHE)
            pairs = [(s, t) for s in f.sources for t in f.place if not _at_home(s, t)]
            rule += " (target: the place)"
        # PETRARCH's [032:033]: the target's event back (mutual pairs are both ways already)
        back = f.pattern.code2 if f.targets else None
        for s, t in pairs:
            for code, a, b in [(f.pattern.code, s, t), *([(back, t, s)] if back and t else [])]:
                out.append(
                    _event(
                        sent, tok.text, start, code, a, b, mode, cue, when, rule,
                        quote.id if quote else None, claim.id if claim else None,
                    )
                )  # fmt: skip
        return out

    def _noun_events(self, doc: Document, ne: NounEvent, published: str | None) -> list[Event]:
        tok = ne.noun
        mode: Mode = ne.mode
        cue: str | None = ne.mode_cue
        start = tok.idx
        quote = next((q for q in doc.quotes if _inside(q, start)), None)
        claim = next((c for c in doc.claims if c.start <= start < c.end), None)
        if (quote or claim) and mode in ("asserted", "future"):
            mode, cue = "reported", (quote.cue if quote else claim.cue if claim else None) or ""
        gov = verb_above(tok.head) if tok.head.i != tok.i else tok
        when = _date(gov, published, future=mode == "future")
        rule = f"{ne.pattern.where}: {ne.pattern.describe()}"
        quote_id = quote.id if quote else None
        claim_id = claim.id if claim else None
        out = []
        for s in ne.sources:
            for t in ne.targets:
                if _distinct(s, t) and not _at_home(s, t):
                    args = (tok.sent, tok.text, start, ne.pattern.code, s, t, mode, cue, when)
                    out.append(_event(*args, rule, quote_id, claim_id))
        return out


def _inside(q: object, pos: int) -> bool:
    parts = getattr(q, "parts", None) or [q]
    return any(p.start <= pos < p.end for p in parts)


def _distinct(s: Actor, t: Actor) -> bool:
    """Two different actors (one coded from the tables alone has no entity)."""
    return s.entity != t.entity if s.entity and t.entity else s.code != t.code


def _at_home(s: Actor, t: Actor) -> bool:
    """A target that is a place in the source's own country ("returned to Kenya")."""
    return t.kind in ("country", "location") and (s.code or "")[:3] == (t.code or "-")[:3]


def _pairs(
    sources: list[Actor], targets: list[Actor], p: VerbPattern, trigger: Token
) -> list[tuple[Actor, Actor | None]]:
    if targets:
        return [
            (s, t) for s in sources for t in targets if s.entity != t.entity and not _at_home(s, t)
        ]
    if len(sources) > 1 and _reciprocal(p, trigger):
        # "Iran and Saudi Arabia resumed ties": each way
        return [(a, b) for a in sources for b in sources if a.entity != b.entity]
    if not p.targets:  # a pattern without a target ("protest")
        return [(s, None) for s in sources]
    return []


def _reciprocal(p: VerbPattern, trigger: Token) -> bool:
    """Whether a compound subject acts on itself: a verb done *with* someone ("Iran and Saudi
    Arabia resumed ties", "met", "signed a deal"), or "each other" / "one another". Not one done
    *to* someone: "Ann and Bo will tour together" is no visit of one to the other. PETRARCH
    patterns say it themselves (``% * TALKS``)."""
    if p.phrase is not None or "with" in p.targets:
        return True
    return any(
        t.lower_ == "other" and t.i > 0 and t.doc[t.i - 1].lower_ in ("each", "one")
        for t in trigger.subtree
    )


def _date(tok: Token, published: str | None, *, future: bool) -> str | None:
    """The date given by a time expression that belongs to the trigger's clause."""
    for ent in tok.sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        node = ent.root
        for _ in range(6):
            if node.i == tok.i:
                return resolve_date(ent.text, published, future=future)
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
                break
            if node.head.i == node.i:
                break
            node = node.head
    return None


def _event(
    sent: Span,
    trigger: str,
    start: int,
    code: str,
    s: Actor,
    t: Actor | None,
    mode: Mode,
    cue: str | None,
    when: str | None,
    rule: str,
    quote: str | None,
    claim: str | None,
) -> Event:
    c = cameo_codes().get(code)  # a user's dictionary may use codes outside CAMEO
    return Event(
        id="",
        start=sent.start_char,
        end=sent.end_char,
        text=sent.text,
        source=s.entity or None,
        source_code=s.code,
        source_text=s.text,
        source_start=s.start,
        source_end=s.end,
        target=(t.entity or None) if t else None,
        target_code=t.code if t else None,
        target_text=t.text if t else None,
        target_start=t.start if t else None,
        target_end=t.end if t else None,
        trigger=trigger,
        trigger_start=start,
        trigger_end=start + len(trigger),
        cameo=code,
        cameo_name=c.name if c else NOT_CAMEO,
        plover=c.plover if c else None,
        plover_mode=c.plover_mode if c else None,
        quad_class=c.quad_class if c else None,
        goldstein=c.goldstein if c else None,
        mode=mode,
        mode_cue=cue or None,
        quote=quote,
        claim=claim,
        date=when,
        rule=rule,
        by=_STAGE,
    )


def _claim_events(doc: Document, actors: Actors, n: int) -> Iterable[Event]:
    """An accusation for a claim of wrongdoing against another actor, and a denial for each
    denying response."""
    parsed = actors.parsed
    for claim in doc.claims:
        sent = _sentence_at(parsed, claim.start)
        if claim.claimant is None or sent is None:
            continue
        cue_tok = next((t for t in sent if t.text == claim.cue), None)
        if cue_tok is None or cue_tok.lemma_.lower() not in ACCUSING_CUES:
            continue
        claimant = _near(actors, claim.claimant, sent)
        accused = _accused(claim.start, claim.end, claim.claimant, sent, actors)
        if accused is None or claimant is None:
            continue
        rule = f"claim {claim.id}: “{claim.cue}” with another actor as its content's subject"
        yield _event(
            sent, cue_tok.text, cue_tok.idx, ACCUSE, claimant, accused, "asserted", None,
            None, rule, None, claim.id,
        )  # fmt: skip
        for r in claim.responses:
            resp = _sentence_at(parsed, r.start)
            if r.stance != "deny" or r.by is None or resp is None:
                continue
            denier = _near(actors, r.by, resp)
            cue = next((t for t in resp if t.text == r.cue), resp[0])
            if denier is None:
                continue
            yield _event(
                resp, cue.text, cue.idx, DENY, denier, claimant, "asserted", None, None,
                f"response to claim {claim.id}: denial", None, claim.id,
            )  # fmt: skip


def _accused(start: int, end: int, claimant: str, sent: Span, actors: Actors) -> Actor | None:
    """The actor a claim's content says did something: one in the subject of the content's
    clause ("claims that China is considering ..."), not the claimant. Content with no subject
    of its own accuses no one ("Roper claims to be the home of America's best ovens")."""
    inside = [t for t in sent if start <= t.idx < end]
    for root in (t for t in inside if t.head.i == t.i or not start <= t.head.idx < end):
        for subj in root.children:
            if subj.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for a in actors.inside(subj.left_edge.i, subj.right_edge.i + 1):
                if a.entity != claimant:
                    return a
    return None


def _sentence_at(parsed: Doc, offset: int) -> Span | None:
    return next((s for s in parsed.sents if s.start_char <= offset < s.end_char), None)


def _near(actors: Actors, entity: str, sent: Span) -> Actor | None:
    """The actor ``entity`` as mentioned in ``sent``."""
    return next((a for a in actors.inside(sent.start, sent.end) if a.entity == entity), None)
