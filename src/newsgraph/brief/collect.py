"""The brief's content, independent of its format: sections of items, each item with the
spans of the article it comes from."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.model import Document

MODE_ORDER = ("asserted", "reported", "future", "hypothetical", "negated")


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
class Brief:
    title: str
    byline: str
    meta: list[tuple[str, str]]
    sections: list[Section]
    text: str
    spans: list[Span]


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
    for e in sorted(
        doc.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start if e.mentions else 0)
    )[:25]:
        first = e.mentions[0] if e.mentions else None
        anchor = span(first.start, first.end, "actor", f"m-{e.id}") if first else None
        n = len(e.mentions)
        actors.items.append(
            Item(
                e.name,
                label=e.code or "",
                note=f"{e.kind}, {n} mention{'s' if n != 1 else ''}"
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
            Item(q.text, label=q.kind, note=cue.strip(), anchor=anchor)
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

    events = Section("Events", empty="No events found.")
    for ev in sorted(doc.events, key=lambda e: (MODE_ORDER.index(e.mode), e.start)):
        anchor = span(ev.trigger_start, ev.trigger_end, f"event {ev.mode}", f"v-{ev.id}")
        src = names.get(ev.source or "") or ev.source_text or "?"
        tgt = names.get(ev.target or "") or ev.target_text or "—"
        when = f", {ev.date}" if ev.date else ""
        events.items.append(
            Item(
                f"{ev.source_code or '---'} → {ev.target_code or '---'} {ev.cameo} {ev.cameo_name}",
                label=ev.mode,
                note=f"{src} → {tgt}{when}",
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
    )
