"""The brief's content, independent of its format: a genre banner, then sections of items,
each item with the spans of the article it comes from.

- Actors are ranked by what they do in the text: the quotes they speak, the claims they make
  or answer, the events they act in (as source or target); mentions only break ties.
- Each event reads as a plain sentence beside its codes ("Xi Jinping visits Russia (042,
  asserted)", ``sentences``).
- An indirect quote is a paraphrase: labelled so, never inside quotation marks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsgraph.brief.sentences import actor_names, event_sentence, plain_name
from newsgraph.model import Document, Entity, Event, Quote
from newsgraph.stages.events import NO_EVENT_GENRES

MODE_ORDER = ("asserted", "reported", "future", "hypothetical", "negated")
GENRE_TITLES = {
    "news": "News report",
    "analysis": "Analysis or opinion",
    "essay": "First-person essay or newsletter",
    "press_release": "Press release",
    "transcript": "Interview or transcript",
    "commerce": "Product or commerce page",
    "listing": "Listing or other page",
}
QUOTE_LABELS = {"direct": "direct", "mixed": "mixed", "indirect": "paraphrase"}
_MARKS = '"“”«»„'  # not "’": a possessive ends a paraphrase ("the players’")


@dataclass
class Span:
    """A highlighted stretch of the article: ``kind`` styles it, ``anchor`` names it."""

    start: int
    end: int
    kind: str
    anchor: str


@dataclass
class Item:
    text: str
    label: str = ""  # a short lead: a code, a stance, a judgement
    note: str = ""  # who, role, mode
    anchor: str | None = None  # the span it links to
    children: list[Item] = field(default_factory=list)


@dataclass
class Section:
    title: str
    items: list[Item] = field(default_factory=list)
    empty: str = ""


@dataclass
class Banner:
    """The page's genre, at the top of the brief: what kind of page this is, and why."""

    label: str  # the genre's label ("press_release")
    title: str  # as a person reads it ("Press release")
    evidence: list[str]


@dataclass
class Brief:
    title: str
    byline: str
    meta: list[tuple[str, str]]
    sections: list[Section]
    text: str
    spans: list[Span]
    banner: Banner | None = None


def banner_of(doc: Document) -> Banner | None:
    """The genre banner, or None when the genre stage has not run."""
    genre = doc.article.genre
    if genre is None:
        return None
    return Banner(genre.label, GENRE_TITLES.get(genre.label, genre.label), list(genre.evidence))


@dataclass
class Activity:
    """What one entity does in the text."""

    quotes: int = 0  # quotes it speaks
    claims: int = 0  # claims it makes, and responses it gives to claims
    events: int = 0  # events it acts in, as source or target

    @property
    def total(self) -> int:
        return self.quotes + self.claims + self.events

    def describe(self) -> str:
        parts = [
            f"{n} {word}{'s' if n != 1 else ''}"
            for n, word in ((self.quotes, "quote"), (self.claims, "claim"), (self.events, "event"))
            if n
        ]
        return ", ".join(parts)


def activity(doc: Document) -> dict[str, Activity]:
    """Each entity's quotes, claims and events."""
    quotes = Counter(q.speaker for q in doc.quotes if q.speaker)
    claims = Counter(c.claimant for c in doc.claims if c.claimant)
    claims.update(r.by for c in doc.claims for r in c.responses if r.by)
    events = Counter(e.source for e in doc.events if e.source)
    events.update(e.target for e in doc.events if e.target and e.target != e.source)
    return {e.id: Activity(quotes[e.id], claims[e.id], events[e.id]) for e in doc.entities}


def ranked_entities(doc: Document) -> list[tuple[Entity, Activity]]:
    """The entities, those that do most in the text first (quotes, claims, events); mentions
    and then the first mention's place break ties."""
    acts = activity(doc)
    return sorted(
        ((e, acts[e.id]) for e in doc.entities),
        key=lambda ea: (
            -ea[1].total,
            -len(ea[0].mentions),
            ea[0].mentions[0].start if ea[0].mentions else 0,
        ),
    )


def quote_text(q: Quote) -> str:
    """A quote as the brief shows it: an indirect one as the paraphrase it is, with no
    quotation marks around it."""
    return q.text.strip(_MARKS + " ") if q.kind == "indirect" else q.text


def event_line(ev: Event, doc: Document) -> str:
    """ "Xi Jinping visits Russia (042, asserted)"."""
    return f"{event_sentence(ev, actor_names(doc))} ({ev.cameo}, {ev.mode})"


def brief_of(doc: Document) -> Brief:
    art = doc.article
    names = {e.id: e.name for e in doc.entities}
    roles = {e.id: e.description for e in doc.entities}
    spans: list[Span] = []

    def span(start: int, end: int, kind: str, anchor: str) -> str:
        spans.append(Span(start, end, kind, anchor))
        return anchor

    meta = [("Published", art.published or "unknown")]
    where = doc.source.final_url or doc.source.url or doc.source.path
    if where:
        meta.append(("Source", where))
    meta.append(("Words", str(len(art.text.split()))))
    byline = "; ".join(f"{a.name} ({a.role})" if a.role else a.name for a in art.authors)

    actors = Section("Actors", empty="No actors found.")
    for e, act in ranked_entities(doc)[:25]:
        first = e.mentions[0] if e.mentions else None
        anchor = span(first.start, first.end, "actor", f"m-{e.id}") if first else None
        n = len(e.mentions)
        does = f"; {act.describe()}" if act.total else ""
        actors.items.append(
            Item(
                e.name,
                label=e.code or "",
                note=f"{e.kind}{does}; {n} mention{'s' if n != 1 else ''}"
                + (f"; {e.description}" if e.description else ""),
                anchor=anchor,
            )
        )

    said = Section("What each speaker said", empty="No quotes found.")
    groups: dict[str, list[Item]] = {}
    heads: dict[str, str] = {}
    for q in doc.quotes:
        who = names.get(q.speaker or "") or q.speaker_text or "Unattributed"
        role = roles.get(q.speaker or "") or (q.speaker_text if q.speaker_text != who else None)
        heads.setdefault(who, role or "")
        parts = q.parts or []
        anchor = f"q-{q.id}"
        if parts:
            for k, p in enumerate(parts):
                span(p.start, p.end, "quote", anchor if k == 0 else f"{anchor}-{k}")
        else:
            span(q.start, q.end, "quote", anchor)
        cue = f"{q.cue} " if q.cue else ""
        groups.setdefault(who, []).append(
            Item(quote_text(q), label=QUOTE_LABELS[q.kind], note=cue.strip(), anchor=anchor)
        )
    for who, items in groups.items():
        said.items.append(Item(who, note=heads.get(who, ""), children=items))

    contested = Section("Contested claims", empty="No claims found.")
    for c in sorted(doc.claims, key=lambda c: (not c.responses, c.start)):
        who = names.get(c.claimant or "") or c.claimant_text or "Someone"
        anchor = span(c.start, c.end, "claim", f"c-{c.id}")
        children = []
        for k, r in enumerate(c.responses):
            by = names.get(r.by or "") or r.by_text or "Someone"
            ra = span(r.start, r.end, "response", f"c-{c.id}-r{k}")
            children.append(Item(art.text[r.start : r.end], label=r.stance, note=by, anchor=ra))
        note = f"{who} {c.cue}"
        if c.refers is not None:
            note += f" (“{c.text.split()[-1]}” = {c.refers.text})"
        contested.items.append(
            Item(c.text, label="claim", note=note, anchor=anchor, children=children)
        )

    banner = banner_of(doc)
    no_events = "No events found."
    if banner is not None and banner.label in NO_EVENT_GENRES:
        no_events = f"{banner.title}: no events coded (--all-events codes them)."
    events = Section("Events", empty=no_events)
    for ev in sorted(doc.events, key=lambda e: (MODE_ORDER.index(e.mode), e.start)):
        anchor = span(ev.trigger_start, ev.trigger_end, f"event {ev.mode}", f"v-{ev.id}")
        when = f"; {ev.date}" if ev.date else ""
        codes = f"{ev.source_code or '---'} → {ev.target_code or '---'}"
        events.items.append(
            Item(
                event_line(ev, doc),
                note=f"{codes}: {plain_name(ev.cameo_name)}{when}",
                anchor=anchor,
            )
        )

    scen = Section("Scenarios", empty="No scenarios laid out.")
    for s in doc.scenarios:
        children = []
        for o in s.options:
            oa = span(o.start, o.end, "option", f"{s.id}-o{o.label}")
            children.append(Item(o.text, label=f"option {o.label}", anchor=oa))
        for k, a in enumerate(s.assessments):
            aa = span(a.start, a.end, "assessment", f"{s.id}-a{k}")
            children.append(
                Item(a.text, label=a.judgement, note=f"on option {a.option}", anchor=aa)
            )
        if s.conclusion is not None:
            ca = span(s.conclusion.start, s.conclusion.end, "conclusion", f"{s.id}-c")
            chosen = next((o.text for o in s.options if o.label == s.conclusion.option), None)
            note = f"favours option {s.conclusion.option}: {chosen}" if chosen else ""
            children.append(Item(s.conclusion.text, label="conclusion", note=note, anchor=ca))
        qa = span(s.start, s.start + len(s.question), "question", s.id) if s.question else None
        scen.items.append(Item(s.question or "(options)", anchor=qa, children=children))

    return Brief(
        title=art.title or "(untitled)",
        byline=byline,
        meta=meta,
        sections=[actors, said, contested, events, scen],
        text=art.text,
        spans=spans,
        banner=banner,
    )
