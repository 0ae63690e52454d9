"""Shared line-level rules: bylines, headings, captions, numbered items, repeats.

Used by both readers (HTML and plain text) on the sequence of blocks they produce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|(?:van|von|de|der|den|da|di|du|la|le|al|el|bin|ibn)\b)"
_NAME = rf"[A-Z][\w'’.-]+(?:\s+{_NAME_WORD}){{1,4}}"

# Words that open a byline before "by" ("Analysis by", "Story and photos by"); any other
# lead ("Hit by Hurricane Ian", "Backed by the Senate") is a headline, not a byline.
_LEAD = (
    r"(?i:analysis|words|written|writing|reporting|reported|report|story|text|photos?|"
    r"photographs|pictures|video|interview|opinion|commentary|column|edited|compiled|posted|"
    r"published|reviewed|review|produced|graphics|illustrations?|fact-checked|research|article)"
)

# "By Jane Doe", "Analysis by Jane Doe, Diplomatic Editor", "Words by Jane Doe | Reporter",
# "Jane Doe and John Roe" after "By".
_BYLINE = re.compile(
    rf"^(?P<lead>{_LEAD}(?:\s+[\w'’-]+){{0,2}}?\s+)?[Bb][Yy]:?(?:\s+|(?=[A-Z]))"
    # one name, or a list that ends in "and NAME" ("By A, B and C"); a comma after a single
    # name starts the role ("By Jane Doe, Diplomatic Editor")
    rf"(?P<names>{_NAME}(?:(?:\s*,\s*{_NAME})*\s*,?\s*(?:and|&)\s+{_NAME})?)"
    rf"(?:\s*(?:,|\||–|—|-)\s*(?P<role>[A-Za-z][\w'’ &/.-]{{1,60}}?))?\s*$"
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")

_TERMINAL = re.compile(r"[.!?:;…\"”’'»)\]]$")
_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|[-•*·–]\s)\s*")
_CAPTION_CUE = re.compile(
    r"\((?:pictured|left|right|centre|center|top|bottom|above|below|file photo)\b[^)]*\)"
    r"|^(?:pictured|photo|image|picture|caption|file photo)\s*[:|–—-]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Byline:
    names: list[str]
    role: str | None
    lead: str | None


def parse_byline(line: str) -> Byline | None:
    """Parse a byline line such as "Analysis by Jane Doe, Diplomatic Editor"."""
    s = " ".join(line.split())
    if not s or len(s) > 140 or len(s.split()) > 16 or s.endswith((".", "!", "?")):
        return None
    m = _BYLINE.match(s)
    if not m:
        return None
    names = [n.strip() for n in _NAME_SPLIT.split(m.group("names")) if n.strip()]
    if not names or any(len(n.split()) < 2 for n in names):
        return None
    role = (m.group("role") or "").strip(" ,|-–—") or None
    lead = (m.group("lead") or "").strip() or None
    return Byline(names=names, role=role, lead=lead)


def ends_like_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def is_numbered_item(line: str) -> bool:
    return bool(_NUMBERED.match(line))


def looks_like_heading(line: str) -> bool:
    """A short line without sentence punctuation that is not a list item."""
    s = line.strip()
    words = s.split()
    return (
        0 < len(words) <= 14
        and len(s) <= 120
        and not ends_like_sentence(s)
        and not is_numbered_item(s)
        and s[:1].isupper()
    )


def has_caption_cue(line: str) -> bool:
    return bool(_CAPTION_CUE.search(line)) and not ends_like_sentence(line)


def norm_line(line: str) -> str:
    return " ".join(line.split()).casefold()
