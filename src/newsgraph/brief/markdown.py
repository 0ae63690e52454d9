"""The brief as Markdown. Page-derived text is escaped so that a Markdown renderer shows it as
text: no HTML, no links, no images from the page."""

from __future__ import annotations

import re

from newsgraph.brief.collect import Brief, Item

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def md(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _item(it: Item, depth: int) -> list[str]:
    pad = "  " * depth
    label = f"**{md(it.label)}** " if it.label else ""
    note = f" — _{md(it.note)}_" if it.note else ""
    lines = [f"{pad}- {label}{md(it.text)}{note}"]
    for c in it.children:
        lines += _item(c, depth + 1)
    return lines


def render(brief: Brief) -> str:
    lines = [f"# {md(brief.title)}", ""]
    if brief.banner is not None:
        why = "; ".join(brief.banner.evidence)
        lines += [f"> **{md(brief.banner.title)}**" + (f" — {md(why)}" if why else ""), ""]
    if brief.byline:
        lines += [f"_{md(brief.byline)}_", ""]
    lines += [" · ".join(f"**{k}:** {md(v)}" for k, v in brief.meta), ""]
    for sec in brief.sections:
        lines += [f"## {sec.title}", ""]
        if not sec.items:
            lines += [f"_{sec.empty}_", ""]
            continue
        for it in sec.items:
            lines += _item(it, 0)
        lines.append("")
    return "\n".join(lines)
