"""The brief as one self-contained HTML file.

No network and no external assets: the style is inline, there is no script at all, and a
Content-Security-Policy forbids any (so even a page that got past the escaping could not run
code). Every piece of text taken from the page is escaped; the page's own URLs are shown as
text, never as links. Each item links to its place in the article text at the bottom, where
its spans are highlighted.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from newsgraph.brief.collect import Brief, Item, Span

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

STYLE = """
:root { --ink:#1d232a; --muted:#5b6670; --line:#e3e7eb; --quote:#fff2b3; --claim:#ffd9c7;
  --response:#d9ecff; --event:#d7f5dc; --option:#eadcff; --assessment:#f3e8ff;
  --conclusion:#c9b3ff; --actor:#eef1f4; --question:#e9f7f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink);
  background: #fafbfc; }
header { padding: 28px 40px 18px; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 6px; }
.byline { color: var(--muted); font-style: italic; }
.banner { font: 14px/1.5 system-ui, sans-serif; background: #eef4fb; border: 1px solid #c9d9ec;
  border-radius: 6px; padding: 6px 12px; margin: 0 0 12px; }
.banner.commerce, .banner.listing { background: #fff4e0; border-color: #f0d2a0; }
.meta { font: 13px/1.5 system-ui, sans-serif; color: var(--muted); margin-top: 6px; }
.meta span { margin-right: 18px; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 28px;
  padding: 24px 40px 40px; }
section.part { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 14px 18px; margin-bottom: 18px; }
h2 { font: 600 15px/1.3 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em;
  color: var(--muted); margin: 2px 0 10px; }
ul { margin: 0; padding-left: 18px; }
li { margin: 4px 0; }
li li { font-size: 15px; }
.label { display: inline-block; font: 600 11px/1.6 system-ui, sans-serif; padding: 0 6px;
  border-radius: 4px; background: var(--actor); margin-right: 6px; text-transform: uppercase; }
.label.unlikely, .label.risky, .label.deny, .label.negated { background: #ffd6d6; }
.label.likely, .label.preferred, .label.confirm, .label.asserted { background: #d7f5dc; }
.label.conclusion { background: var(--conclusion); }
.note { color: var(--muted); font-size: 14px; }
a.go { color: inherit; text-decoration: none; border-bottom: 1px dotted #8a96a3; }
a.go:hover { border-bottom-style: solid; }
.empty { color: var(--muted); font-style: italic; }
.article { white-space: pre-wrap; background: #fff; border: 1px solid var(--line);
  border-radius: 8px; padding: 18px 22px; position: sticky; top: 12px; max-height: 92vh;
  overflow: auto; }
.article h2 { white-space: normal; }
mark { background: transparent; padding: 0 1px; border-radius: 3px; }
mark.quote { background: var(--quote); }
mark.claim { background: var(--claim); }
mark.response { background: var(--response); }
mark.event { background: var(--event); box-shadow: inset 0 -2px 0 #3fa45a; }
mark.option { background: var(--option); }
mark.assessment { background: var(--assessment); }
mark.conclusion { background: var(--conclusion); }
mark.question { background: var(--question); }
mark.actor { box-shadow: inset 0 -2px 0 #9aa7b4; }
:target { outline: 2px solid #e36b00; outline-offset: 1px; }
.legend { font: 12px system-ui, sans-serif; color: var(--muted); margin-bottom: 8px; }
.legend mark { margin-right: 8px; }
@media (max-width: 900px) {
  main { grid-template-columns: 1fr; }
  .article { position: static; max-height: none; }
}
"""


def _item(it: Item) -> str:
    label = (
        f'<span class="label {escape(it.label.split()[0])}">{escape(it.label)}</span>'
        if it.label
        else ""
    )
    body = escape(it.text)
    if it.anchor:
        body = f'<a class="go" href="#{escape(it.anchor)}">{body}</a>'
    note = f' <span class="note">{escape(it.note)}</span>' if it.note else ""
    kids = ""
    if it.children:
        kids = "<ul>" + "".join(f"<li>{_item(c)}</li>" for c in it.children) + "</ul>"
    return f"{label}{body}{note}{kids}"


def _article(text: str, spans: list[Span]) -> str:
    """The text with every span highlighted. At each span boundary all marks close and those
    still covering the text reopen, so overlapping spans always give well-formed HTML; a
    span's anchor (its id) is on its first piece."""
    good = [sp for sp in spans if 0 <= sp.start < sp.end <= len(text)]
    points = sorted({0, len(text)} | {sp.start for sp in good} | {sp.end for sp in good})
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in pairwise(points):
        covering = sorted(
            (sp for sp in good if sp.start <= a and sp.end >= b), key=lambda sp: (sp.start, -sp.end)
        )
        for sp in covering:
            ident = ""
            if sp.start == a and sp.anchor not in anchored:
                anchored.add(sp.anchor)
                ident = f' id="{escape(sp.anchor)}"'
            out.append(f'<mark class="{escape(sp.kind)}"{ident}>')
        out.append(escape(text[a:b]))
        out.append("</mark>" * len(covering))
    return "".join(out)


def render(brief: Brief) -> str:
    meta = "".join(f"<span><b>{escape(k)}:</b> {escape(v)}</span>" for k, v in brief.meta)
    parts = []
    for sec in brief.sections:
        if sec.items:
            body = "<ul>" + "".join(f"<li>{_item(i)}</li>" for i in sec.items) + "</ul>"
        else:
            body = f'<p class="empty">{escape(sec.empty)}</p>'
        slug = sec.title.lower().split()[0]
        parts.append(
            f'<section class="part" id="part-{slug}"><h2>{escape(sec.title)}</h2>{body}</section>'
        )
    legend = "".join(
        f'<mark class="{k}">{k}</mark>'
        for k in (
            "quote",
            "claim",
            "response",
            "event",
            "question",
            "option",
            "assessment",
            "conclusion",
        )
    )
    byline = f'<div class="byline">{escape(brief.byline)}</div>' if brief.byline else ""
    banner = ""
    if brief.banner is not None:
        why = "; ".join(brief.banner.evidence)
        banner = (
            f'<div class="banner {escape(brief.banner.label)}" id="genre">'
            f"<b>{escape(brief.banner.title)}</b>" + (f" — {escape(why)}" if why else "") + "</div>"
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(brief.title)} — newsgraph brief</title>"
        f"<style>{STYLE}</style></head><body>"
        f'<header>{banner}<h1>{escape(brief.title)}</h1>{byline}<div class="meta">{meta}</div>'
        "</header>"
        f'<main><div class="findings">{"".join(parts)}</div>'
        f'<div><section class="article" id="article"><h2>Article</h2>'
        f'<div class="legend">{legend}</div>{_article(brief.text, brief.spans)}</section></div>'
        "</main></body></html>\n"
    )
