"""The text brief: a readable summary of one Document for a person at a terminal.

Each part appears only when a stage has filled it, so the brief grows as stages land. It reads
the Document as the Markdown and HTML briefs do (``newsgraph.brief``): the genre banner first,
actors ranked by what they do, indirect quotes as paraphrase, events as plain sentences.
"""

from __future__ import annotations

import textwrap

from newsgraph.brief.collect import QUOTE_LABELS, banner_of, event_line, quote_text, ranked_entities
from newsgraph.model import Document, Quote

_WIDTH = 88


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(
        text, width=_WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent) + "  "
    )


def render_text(doc: Document, *, explain: bool = False) -> str:
    art = doc.article
    lines: list[str] = []
    title = art.title or "(untitled)"
    banner = banner_of(doc)
    if banner is not None:
        why = f": {'; '.join(banner.evidence)}" if banner.evidence else ""
        lines.append(_wrap(f"[{banner.title}{why}]"))
    lines.append(title)
    lines.append("=" * min(len(title), _WIDTH))
    where = doc.source.path or doc.source.final_url or doc.source.url
    if where:
        lines.append(f"Source:    {where}")
    if art.authors:
        by = "; ".join(f"{a.name} ({a.role})" if a.role else a.name for a in art.authors)
        lines.append(_wrap(f"Authors:   {by}"))
    lines.append(f"Published: {art.published or 'unknown'}")
    lines.append(f"Language:  {art.language or 'unknown'}")
    n_par = len(art.paragraphs())
    lines.append(f"Text:      {n_par} paragraphs, {len(art.text.split())} words  [id {doc.id}]")
    if art.captions:
        lines.append("")
        lines.append("Captions")
        lines.extend(_wrap(c, "  - ") for c in art.captions)
    if art.sections:
        lines.append("")
        lines.append("Sections")
        for s in art.sections:
            who = f"  (by {s.author})" if s.author else ""
            lines.append(_wrap(f"{s.heading}{who}", "  - "))
    headings = {s.start for s in art.sections}
    lead = [art.text[a:b] for a, b in art.paragraphs() if a not in headings]
    if lead:
        first = lead[0]
        lines.append("")
        lines.append("Lead")
        lines.append(_wrap(first if len(first) < 600 else first[:597] + "...", "  "))
    if doc.entities:
        lines.append("")
        lines.append("Actors")
        for e, act in ranked_entities(doc):
            code = e.code or "---"
            n = len(e.mentions)
            desc = f"; {e.description}" if e.description else ""
            does = f"{act.describe()}, " if act.total else ""
            times = f"{n} mention{'s' if n != 1 else ''}"
            lines.append(_wrap(f"{code:<9} {e.name} ({e.kind}, {does}{times}{desc})", "  "))
    if doc.quotes:
        lines.append("")
        lines.append("Quotes")
        names = {e.id: e.name for e in doc.entities}
        groups: dict[str, list[Quote]] = {}
        for q in doc.quotes:
            who = names.get(q.speaker or "") or q.speaker_text or "unattributed"
            groups.setdefault(who, []).append(q)
        for who, qs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start)):
            roles = {q.speaker_text for q in qs if q.speaker_text and q.speaker_text != who}
            role = f" ({sorted(roles, key=len)[-1]})" if roles else ""
            lines.append(_wrap(f"{who}{role}", "  "))
            for q in qs:
                lines.append(
                    _wrap(f"{q.cue or '—'}: {quote_text(q)} [{QUOTE_LABELS[q.kind]}]", "    - ")
                )
    if doc.claims:
        lines.append("")
        lines.append("Claims")
        names = {e.id: e.name for e in doc.entities}
        contested = sorted(doc.claims, key=lambda c: (not c.responses, c.start))
        for c in contested:
            who = names.get(c.claimant or "") or c.claimant_text or "someone"
            lines.append(_wrap(f"{who} {c.cue}: {c.text}", "  - "))
            if c.refers is not None:
                lines.append(_wrap(f"(“{c.text.split()[-1]}” = {c.refers.text})", "      "))
            for r in c.responses:
                by = names.get(r.by or "") or r.by_text or "someone"
                said = art.text[r.start : r.end]
                lines.append(_wrap(f"{r.stance.upper()} by {by}: {said}", "      "))
    if doc.events:
        lines.append("")
        lines.append("Events")
        names = {e.id: e.name for e in doc.entities}
        order = {"asserted": 0, "reported": 1, "future": 2, "hypothetical": 3, "negated": 4}
        for ev in sorted(doc.events, key=lambda e: (order[e.mode], e.start)):
            when = f", {ev.date}" if ev.date else ""
            said = ""
            told_in = next((q for q in doc.quotes if q.id == ev.quote), None) if ev.quote else None
            if told_in is not None:
                speaker = names.get(told_in.speaker or "") or told_in.speaker_text
                said = f", said by {speaker}" if speaker else ""
            codes = f"{ev.source_code or '---'} → {ev.target_code or '---'}"
            lines.append(_wrap(f"{event_line(ev, doc)}  [{codes}{when}{said}]", "  - "))
            if explain:
                lines.append(_wrap(f"“{ev.trigger}” in: {ev.text}", "      "))
                lines.append(_wrap(f"rule {ev.rule}", "      "))
    if doc.scenarios:
        lines.append("")
        lines.append("Scenarios")
        for sc in doc.scenarios:
            lines.append(_wrap(sc.question or "(options)", "  - "))
            for o in sc.options:
                lines.append(_wrap(f"{o.label}. {o.text}", "      "))
            for a in sc.assessments:
                lines.append(
                    _wrap(f"option {a.option}: {a.judgement.upper()} ({a.text})", "      ")
                )
            if sc.conclusion is not None:
                concl = sc.conclusion
                picked = next((o.text for o in sc.options if o.label == concl.option), None)
                what = f" → option {concl.option}: {picked}" if picked else ""
                lines.append(_wrap(f"CONCLUSION: {concl.text}{what}", "      "))
    return "\n".join(lines) + "\n"
