"""Quoted spans of a text: pairs of quotation marks, found paragraph by paragraph.

Straight, curly, low-9, guillemets and the doubled apostrophes (``''``) some wire services
use. A mark left open at the end of a paragraph closes there (the convention for a quote that
runs on into the next paragraph); a stray closing mark is ignored. So a missing mark costs at
most the quotes of its own paragraph, never those of the whole document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> closing marks it accepts
_PAIRS = {
    "\u201c": '\u201d\u201c"',  # “ … ” (some texts close with “ or ")
    "\u201e": "\u201c\u201d",  # „ … “
    "\u00ab": "\u00bb",  # « … »
    '"': '"\u201d',
    "''": "''\u2019\u2019",
    "\u2018": "\u2019",  # ‘ … ’ (single curly: only at a word start, see below)
}
_TOKEN = re.compile("''|\u2019\u2019|[\u201c\u201d\u201e\u00ab\u00bb\"\u2018\u2019]")


@dataclass(frozen=True)
class Quoted:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph's end)
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - (1 if self.closed else 0)


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and (after.isalnum() or after in "$€£")


def _closes_single(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def find_quoted(text: str, start: int = 0, end: int | None = None) -> list[Quoted]:
    """Quoted spans of ``text[start:end]``, one paragraph (line) at a time."""
    end = len(text) if end is None else end
    out: list[Quoted] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        out.extend(_line(text, pos, line_end))
        pos = line_end + 1
    return out


def _line(text: str, a: int, b: int) -> list[Quoted]:
    out: list[Quoted] = []
    open_at: int | None = None
    open_mark = ""
    for m in _TOKEN.finditer(text, a, b):
        mark, i = m.group(), m.start()
        if open_at is None:
            if mark == "\u201d" and text[a:i].strip() == "":
                open_at, open_mark = i, "\u201c"  # ”Text…” at a paragraph's start
                continue
            if mark in ("\u201d", "\u00bb") or mark == "\u2019\u2019":
                continue  # a stray closing mark
            if mark == "\u2018" and not _opens_single(text, i):
                continue
            if mark == "\u2019":
                continue  # an apostrophe
            open_at, open_mark = i, mark
            continue
        closers = _PAIRS.get(open_mark, "")
        if mark == "\u2019" and open_mark == "\u2018":
            if not _closes_single(text, i):
                continue  # "don’t" inside a single-quoted span
        elif mark == "\u2018" or (mark == "\u2019" and open_mark != "''"):
            continue
        if mark in closers or (open_mark == "''" and mark in ("''", "\u2019\u2019")):
            out.append(Quoted(open_at, m.end(), True))
            open_at = None
        elif mark == open_mark == "\u201c":  # “A “B: the first one never closed
            out.append(Quoted(open_at, i, False))
            open_at = i
    if open_at is not None and b - open_at > 2:
        out.append(Quoted(open_at, b, False))
    return out
