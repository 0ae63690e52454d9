"""An entity's description: its role or affiliation in the article's own words.

Taken from the words that introduce a person ("journalist Dmitri Muratov", "Chinese
President Xi Jinping") and from their appositive ("Alexander Gabuev, senior fellow at the
Carnegie Endowment for International Peace").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.stages.actors.resolve import Cluster

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_DROP_FIRST = frozenset({"a", "an", "the", "our", "his", "her", "their", "its", "my", "your"})


def _clean(span: Span) -> str:
    toks = list(span)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in _DROP_FIRST):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return ""
    return span.doc[toks[0].i : toks[-1].i + 1].text


def describe(doc: Doc, c: Cluster) -> str | None:
    if c.kind not in ("person", "organization", "group"):
        return None
    for m in sorted(c.mentions, key=lambda x: x.i):
        if m.context is None or m.role == "nominal":
            continue
        a, b = m.context
        start = m.name_i if m.name_i >= 0 else m.i
        parts = [_clean(doc[a:start]), _clean(doc[m.j : b])]
        parts = [
            p
            for p in parts
            if p and any(ch.isalpha() for ch in p) and not p.endswith(("'s", "\u2019s"))
        ]
        if len(parts) == 2 and parts[1].startswith("of "):
            return " ".join(parts)  # "Foreign Minister of Aurelia"
        if parts:
            return ", ".join(parts)
    return None
